// Article page: switch between the clean text and the raw text (removed boilerplate struck through) without reloading.
"use strict";
(function () {
  const clean = document.getElementById("clean-text");
  const raw = document.getElementById("raw-text");
  const showClean = document.getElementById("show-clean");
  const showRaw = document.getElementById("show-raw");
  if (!clean || !raw || !showClean || !showRaw) return;
  function show(which) {
    const isRaw = which === "raw";
    raw.hidden = !isRaw;
    clean.hidden = isRaw;
    showRaw.classList.toggle("active", isRaw);
    showClean.classList.toggle("active", !isRaw);
    const url = new URL(window.location.href);
    url.searchParams.set("view", which);
    history.replaceState(null, "", url.pathname + url.search + url.hash);
  }
  showClean.addEventListener("click", function (event) { event.preventDefault(); show("clean"); });
  showRaw.addEventListener("click", function (event) { event.preventDefault(); show("raw"); });
})();
