/* Desmigratif Kit: a notebook page as slides, offline (no reveal.js, no CDN).
 *
 * Open any notebook page with ?presentasi=1 (e.g. a teaching notebook from the facilitator
 * guide). Once Voila has rendered every cell, the page is cut into slides at each markdown
 * cell that begins with a heading (#, ## or ###) and shows one slide at a time, large, with
 * buttons and keys: Right/PageDown/Space next, Left/PageUp back, Home/End first/last (not
 * while typing in an answer field). The widgets stay live (exercises can be answered on the
 * projector). "Semua" leaves slide mode and shows the whole page again. The slide number is
 * kept in the address (#salindia-3), so a reload comes back to the same slide.
 */
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  if (!params.has("presentasi")) { return; }
  document.documentElement.classList.add("dk-slides-mode");

  var TEXT = {
    prev: "\u25C0 Sebelumnya", next: "Berikutnya \u25B6", all: "Semua",
    label: "Presentasi", of: " / "
  };
  var slides = [];
  var current = 0;
  var nav = null;

  function rendered() {
    if (document.getElementById("loading")) { return false; }
    var root = document.getElementById("rendered_cells");
    return !!root && root.style.display !== "none";
  }

  function startsSlide(cell) {
    var md = cell.querySelector(".jp-MarkdownCell .jp-RenderedMarkdown, .jp-MarkdownOutput");
    if (!md) { return false; }
    var first = md.firstElementChild;
    return !!first && /^H[1-3]$/.test(first.tagName);
  }

  function build() {
    var root = document.getElementById("rendered_cells");
    var cells = Array.prototype.filter.call(
      root.querySelectorAll("[cell-index]"),
      function (cell) { return !cell.hidden && !cell.classList.contains("dk-lab-only"); }
    );
    var slide = null;
    cells.forEach(function (cell) {
      if (!slide || startsSlide(cell)) { slide = []; slides.push(slide); }
      slide.push(cell);
    });
    if (!slides.length) { return; }
    nav = document.createElement("nav");
    nav.className = "dk-slides-nav";
    nav.setAttribute("aria-label", TEXT.label);
    nav.innerHTML =
      '<button type="button" data-go="-1">' + TEXT.prev + "</button>" +
      '<span class="dk-slides-count" data-testid="nomor-salindia"></span>' +
      '<button type="button" data-go="1">' + TEXT.next + "</button>" +
      '<button type="button" data-go="all" class="dk-slides-all">' + TEXT.all + "</button>";
    nav.addEventListener("click", function (event) {
      var go = event.target.getAttribute("data-go");
      if (go === "all") { leave(); } else if (go) { show(current + Number(go)); }
    });
    document.body.appendChild(nav);
    document.addEventListener("keydown", onKey);
    var fromHash = /#salindia-(\d+)/.exec(window.location.hash);
    show(fromHash ? Number(fromHash[1]) - 1 : 0);
  }

  function show(index) {
    current = Math.max(0, Math.min(slides.length - 1, index));
    slides.forEach(function (cells, i) {
      cells.forEach(function (cell) {
        cell.classList.toggle("dk-slide-hidden", i !== current);
      });
    });
    nav.querySelector(".dk-slides-count").textContent =
      (current + 1) + TEXT.of + slides.length;
    nav.querySelector('[data-go="-1"]').disabled = current === 0;
    nav.querySelector('[data-go="1"]').disabled = current === slides.length - 1;
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", "#salindia-" + (current + 1));
    }
    window.scrollTo(0, 0);
    window.dispatchEvent(new Event("resize"));  // widgets (charts, tables) re-measure
  }

  function leave() {
    document.documentElement.classList.remove("dk-slides-mode");
    slides.forEach(function (cells) {
      cells.forEach(function (cell) { cell.classList.remove("dk-slide-hidden"); });
    });
    document.removeEventListener("keydown", onKey);
    if (nav) { nav.remove(); }
  }

  function onKey(event) {
    var target = event.target;
    if (target && (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable)) {
      return;
    }
    var step = {ArrowRight: 1, PageDown: 1, " ": 1, ArrowLeft: -1, PageUp: -1}[event.key];
    if (step) { event.preventDefault(); show(current + step); }
    else if (event.key === "Home") { event.preventDefault(); show(0); }
    else if (event.key === "End") { event.preventDefault(); show(slides.length - 1); }
  }

  var timer = window.setInterval(function () {
    if (rendered()) { window.clearInterval(timer); build(); }
  }, 200);
})();
