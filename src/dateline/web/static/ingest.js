// Ingest page: poll the job's progress and show files stored, articles analysed, added articles and per-file errors.
"use strict";
(function () {
  const box = document.getElementById("job");
  if (!box) return;
  const url = box.dataset.job;
  function text(id, value) { const el = document.getElementById(id); if (el) el.textContent = value; }
  function progress(id, value, max) {
    const el = document.getElementById(id);
    if (el) { el.max = Math.max(max, 1); el.value = value; }
  }
  function list(id, items, render) {
    const el = document.getElementById(id);
    if (!el) return;
    el.replaceChildren(...items.map(render));
  }
  function render(job) {
    box.dataset.state = job.state;
    text("job-state", job.state);
    progress("job-ingested", job.ingested, job.total);
    text("job-ingested-n", job.ingested + "/" + job.total);
    progress("job-analyzed", job.analyzed, job.to_analyze);
    text("job-analyzed-n", job.analyzed + "/" + job.to_analyze);
    text("job-message", job.message);
    list("job-added", job.added, function (id) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = "/articles/" + encodeURIComponent(id);
      a.textContent = id;
      li.appendChild(a);
      return li;
    });
    list("job-errors", job.errors, function (error) {
      const li = document.createElement("li");
      const strong = document.createElement("strong");
      strong.textContent = error.file;
      li.append(strong, ": " + error.reason);
      return li;
    });
  }
  function poll() {
    fetch(url, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (job) {
        render(job);
        if (job.state !== "done" && job.state !== "failed") setTimeout(poll, 500);
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  if (box.dataset.state !== "done" && box.dataset.state !== "failed") poll();
})();
