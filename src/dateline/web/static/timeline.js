// Story page: a zoomable SVG timeline of the story's events and key dates, drawn from /api/stories/{id}/axis.
// Every label is set with textContent (article text is untrusted); nothing is inserted as HTML.
"use strict";
(function () {
  const box = document.getElementById("timeline");
  const detail = document.getElementById("timeline-detail");
  const controls = document.querySelector(".zoom-controls");
  if (!box || !detail) return;
  const SVG = "http://www.w3.org/2000/svg";
  const DAY = 86400000;
  const MARGIN = 40;
  const LANE = 34;
  let data = null;
  let full = null;   // [start, end] in ms: the whole story
  let view = null;   // [start, end] in ms: what is shown
  let selected = null;

  function el(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    for (const key in attrs) node.setAttribute(key, attrs[key]);
    if (parent) parent.appendChild(node);
    return node;
  }
  function html(name, text, parent) {
    const node = document.createElement(name);
    if (text !== undefined) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }
  function day(iso) { return Date.parse(iso.slice(0, 10) + "T00:00:00Z"); }
  function iso(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function width() { return Math.max(box.clientWidth || box.parentElement.clientWidth, 320); }
  function x(ms) { return MARGIN + (ms - view[0]) / (view[1] - view[0]) * (width() - 2 * MARGIN); }
  function ms(px) { return view[0] + (px - MARGIN) / (width() - 2 * MARGIN) * (view[1] - view[0]); }
  function articleLink(article, parent) {
    const li = html("li", undefined, parent);
    const a = html("a", article.title, li);
    a.href = "/articles/" + encodeURIComponent(article.id);
    const info = [article.outlet || "outlet unknown", article.date || "undated"];
    if (article.date_estimated) info[1] += " (estimated)";
    if (article.copy_of) info.push("copy of " + article.copy_of);
    html("span", " " + info.join(" · "), li).className = "small";
    return li;
  }
  function sentenceItem(sentence, parent) {
    const li = html("li", sentence.text + " ", parent);
    const a = html("a", "[" + (sentence.outlet || sentence.article_id) + "]", li);
    a.className = "cite";
    a.href = "/articles/" + encodeURIComponent(sentence.article_id) + "#s-" + sentence.start;
    (sentence.also_in || []).forEach(function (other) {
      const more = html("a", " [also " + other + "]", li);
      more.className = "cite";
      more.href = "/articles/" + encodeURIComponent(other);
    });
  }

  // Tick steps from a day to ten years; the first giving at least 90px between ticks is used.
  const STEPS = [1, 2, 7, 14, 30.44, 91.3, 182.6, 365.25, 730.5, 1826, 3652].map(function (d) { return d * DAY; });
  function ticks() {
    const span = view[1] - view[0];
    const room = (width() - 2 * MARGIN) / 90;
    const step = STEPS.find(function (s) { return span / s <= room; }) || STEPS[STEPS.length - 1];
    const out = [];
    const start = new Date(view[0]);
    let t;
    if (step >= 28 * DAY) {
      const months = Math.round(step / (30.44 * DAY));
      t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - (start.getUTCMonth() % Math.max(months, 1)), 1);
      while (t <= view[1]) {
        if (t >= view[0]) out.push(t);
        const d = new Date(t);
        t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + Math.max(months, 1), 1);
      }
    } else {
      t = Math.ceil(view[0] / step) * step;
      for (; t <= view[1]; t += step) out.push(t);
    }
    return { values: out, label: step >= 365 * DAY ? function (v) { return iso(v).slice(0, 4); }
      : step >= 28 * DAY ? function (v) { return iso(v).slice(0, 7); } : iso };
  }

  function showEvent(event, entries) {
    detail.replaceChildren();
    const panel = html("div", undefined, detail);
    panel.className = "panel";
    panel.dataset.event = event.id;
    html("h3", (event.date || "undated") + " — " + event.label, panel);
    const reports = event.independent_reports + " independent report" + (event.independent_reports === 1 ? "" : "s");
    html("p", event.articles.length + " article" + (event.articles.length === 1 ? "" : "s") + ", " + reports +
      (event.date_source ? "; date from " + event.date_source : ""), panel).className = "small";
    const list = html("ul", undefined, panel);
    list.className = "event-articles";
    event.articles.forEach(function (a) { articleLink(a, list); });
    const same = entries.filter(function (e) { return event.date && e.date.slice(0, 10) === event.date.slice(0, 10); });
    same.forEach(function (entry) { showSentences(entry, panel); });
  }
  function showEntry(entry) {
    detail.replaceChildren();
    const panel = html("div", undefined, detail);
    panel.className = "panel";
    showSentences(entry, panel);
  }
  function showSentences(entry, panel) {
    html("h4", "Key date " + entry.date.slice(0, 10), panel);
    const list = html("ul", undefined, panel);
    list.className = "entry-sentences";
    entry.sentences.forEach(function (s) { sentenceItem(s, list); });
  }

  function draw() {
    const w = width();
    const events = data.events.filter(function (e) { return e.date; });
    const undated = data.events.filter(function (e) { return !e.date; });
    // Greedy lanes so that labels of nearby events do not overlap.
    const laneEnds = [];
    const placed = events.map(function (e) {
      const px = x(day(e.date));
      let lane = laneEnds.findIndex(function (end) { return px > end; });
      if (lane < 0) { lane = laneEnds.length; laneEnds.push(0); }
      laneEnds[lane] = px + Math.min(220, 8 + 6.5 * e.label.length);
      return { event: e, px: px, lane: lane };
    });
    const lanes = Math.max(laneEnds.length, 1);
    const eventsTop = 20;
    const entriesY = eventsTop + lanes * LANE + 16;
    const axisY = entriesY + 24;
    const height = axisY + 30;
    const svg = el("svg", { viewBox: "0 0 " + w + " " + height, width: w, height: height, role: "img",
      "aria-label": "Timeline of the story's events" });
    const clip = el("clipPath", { id: "plot" }, el("defs", {}, svg));
    el("rect", { x: MARGIN - 12, y: 0, width: w - 2 * MARGIN + 24, height: height }, clip);
    const plot = el("g", { "clip-path": "url(#plot)" }, svg);

    const axis = el("g", { class: "axis" }, svg);
    el("line", { x1: MARGIN, x2: w - MARGIN, y1: axisY, y2: axisY }, axis);
    const t = ticks();
    t.values.forEach(function (v) {
      const px = x(v);
      el("line", { x1: px, x2: px, y1: axisY, y2: axisY + 5 }, axis);
      el("text", { x: px, y: axisY + 18, "text-anchor": "middle" }, axis).textContent = t.label(v);
    });

    const entriesGroup = el("g", { class: "entries" }, plot);
    el("text", { x: MARGIN - 10, y: entriesY - 8, class: "lane-label" }, svg).textContent = "key dates";
    data.entries.forEach(function (entry) {
      if (!entry.date) return;
      const px = x(day(entry.date));
      const g = el("g", { class: "entry" + (selected === entry ? " selected" : ""), tabindex: 0 }, entriesGroup);
      g.dataset.date = entry.date.slice(0, 10);
      el("rect", { x: px - 4, y: entriesY - 4, width: 8, height: 8, transform: "rotate(45 " + px + " " + entriesY + ")" }, g);
      el("title", {}, g).textContent = entry.date.slice(0, 10) + ": " + entry.sentences.length + " sentence(s)";
      g.addEventListener("click", function () { selected = entry; showEntry(entry); draw(); });
    });

    const eventsGroup = el("g", { class: "events" }, plot);
    placed.forEach(function (p) {
      const e = p.event;
      const cy = eventsTop + p.lane * LANE + 10;
      const g = el("g", { class: "event" + (selected === e ? " selected" : ""), tabindex: 0 }, eventsGroup);
      g.dataset.event = e.id;
      g.dataset.articles = String(e.articles.length);
      g.dataset.date = e.date.slice(0, 10);
      el("line", { x1: p.px, x2: p.px, y1: cy, y2: axisY, stroke: "#c9d2dc", "stroke-dasharray": "2 3" }, g);
      el("circle", { cx: p.px, cy: cy, r: 5 + 2.5 * Math.sqrt(e.articles.length) }, g);
      const text = e.label.length > 32 ? e.label.slice(0, 31) + "…" : e.label;
      const offset = 10 + 2.5 * Math.sqrt(e.articles.length);
      // Near the right edge the label goes on the left of its dot, so it is not cut off.
      const leftward = p.px + offset + 6.5 * text.length > w - 8;
      const label = el("text", { x: leftward ? p.px - offset : p.px + offset, y: cy + 4,
        "text-anchor": leftward ? "end" : "start" }, g);
      label.textContent = text;
      el("title", {}, g).textContent = e.date.slice(0, 10) + " · " + e.label + " · " + e.articles.length + " article(s)";
      function pick() { selected = e; showEvent(e, data.entries); draw(); }
      g.addEventListener("click", pick);
      g.addEventListener("keydown", function (k) { if (k.key === "Enter") pick(); });
    });
    if (undated.length) {
      const note = el("text", { x: w - MARGIN, y: 14, "text-anchor": "end", class: "lane-label" }, svg);
      note.textContent = undated.length + " undated event(s): listed below";
    }
    attach(svg);
    box.replaceChildren(svg);
  }

  function zoom(factor, centre) {
    const c = centre === undefined ? (view[0] + view[1]) / 2 : centre;
    const span = Math.min(Math.max((view[1] - view[0]) * factor, 2 * DAY), (full[1] - full[0]) * 20);
    const left = (c - view[0]) / (view[1] - view[0]);
    view = [c - span * left, c - span * left + span];
    draw();
  }
  function pan(fraction) {
    const shift = (view[1] - view[0]) * fraction;
    view = [view[0] + shift, view[1] + shift];
    draw();
  }
  function attach(svg) {
    svg.addEventListener("wheel", function (event) {
      event.preventDefault();
      const rect = svg.getBoundingClientRect();
      zoom(event.deltaY < 0 ? 0.8 : 1.25, ms((event.clientX - rect.left) * width() / rect.width));
    }, { passive: false });
    let dragFrom = null;
    svg.addEventListener("pointerdown", function (event) {
      if (event.target.closest && event.target.closest(".event, .entry")) return;
      dragFrom = { x: event.clientX, view: view.slice() };
      svg.classList.add("dragging");
    });
    svg.addEventListener("pointermove", function (event) {
      if (!dragFrom) return;
      const shift = (event.clientX - dragFrom.x) / (width() - 2 * MARGIN) * (dragFrom.view[1] - dragFrom.view[0]);
      view = [dragFrom.view[0] - shift, dragFrom.view[1] - shift];
      const from = dragFrom;
      draw();
      dragFrom = from;
    });
    ["pointerup", "pointerleave"].forEach(function (name) {
      svg.addEventListener(name, function () { dragFrom = null; svg.classList.remove("dragging"); });
    });
  }

  fetch(box.dataset.axis, { credentials: "same-origin" })
    .then(function (response) { if (!response.ok) throw new Error(response.statusText); return response.json(); })
    .then(function (axis) {
      data = axis;
      if (!axis.first) { box.replaceChildren(html("p", "No dated events to draw.")); return; }
      const first = day(axis.first);
      const last = day(axis.last);
      const pad = Math.max((last - first) * 0.05, 3 * DAY);
      full = [first - pad, last + pad];
      view = full.slice();
      if (controls) {
        controls.hidden = false;
        controls.addEventListener("click", function (event) {
          const action = event.target.dataset && event.target.dataset.zoom;
          // Zoom around the selected event or key date, so it stays in view.
          const focus = selected && selected.date ? day(selected.date) : undefined;
          if (action === "in") zoom(0.6, focus);
          else if (action === "out") zoom(1 / 0.6, focus);
          else if (action === "left") pan(-0.3);
          else if (action === "right") pan(0.3);
          else if (action === "reset") { view = full.slice(); draw(); }
        });
      }
      box.dataset.ready = "true";
      draw();
      window.addEventListener("resize", draw);
    })
    .catch(function (error) { box.replaceChildren(html("p", "Timeline unavailable: " + error.message)); });
})();
