(function () {
  "use strict";
  var shown = null, pinned = false;
  function readingOf(m) { return document.getElementById(m.getAttribute("aria-describedby")); }
  function hide() {
    if (!shown) return;
    shown.r.hidden = true;
    shown.m.setAttribute("aria-expanded", "false");
    shown = null; pinned = false;
  }
  function show(m) {
    var r = readingOf(m);
    if (!r) return;
    if (shown && shown.m === m) return;
    hide();
    r.hidden = false;
    m.setAttribute("aria-expanded", "true");
    var box = m.getBoundingClientRect(), host = r.offsetParent || document.body;
    var origin = host.getBoundingClientRect();
    var left = Math.max(0, Math.min(box.left - origin.left, host.clientWidth - r.offsetWidth));
    r.style.left = left + "px";
    r.style.top = (box.bottom - origin.top + 6) + "px";
    shown = { m: m, r: r };
  }
  function claimOf(e) { return e.target.closest ? e.target.closest("mark.claim[data-claim]") : null; }
  document.addEventListener("focusin", function (e) { var m = claimOf(e); if (m) show(m); });
  document.addEventListener("focusout", function (e) { var m = claimOf(e); if (m && shown && shown.m === m && !pinned) hide(); });
  document.addEventListener("mouseover", function (e) { var m = claimOf(e); if (m && !pinned) show(m); });
  document.addEventListener("mouseout", function (e) {
    var m = claimOf(e);
    if (m && !pinned && shown && shown.m === m && document.activeElement !== m) hide();
  });
  document.addEventListener("click", function (e) {
    var m = claimOf(e);
    if (m) { show(m); pinned = true; m.focus(); return; }
    var a = e.target.closest ? e.target.closest("a.goto, table.claims a") : null;
    if (a) {
      var t = document.getElementById(a.getAttribute("href").slice(1));
      if (t && t.matches("mark.claim")) { e.preventDefault(); t.focus(); show(t); pinned = true; return; }
    }
    if (shown && !(e.target.closest && e.target.closest(".reading"))) hide();
  });
  document.addEventListener("keydown", function (e) {
    var m = claimOf(e);
    if (e.key === "Escape") { hide(); return; }
    if (m && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); show(m); pinned = true; }
  });
  Array.prototype.forEach.call(document.querySelectorAll("mark.claim[data-claim]"), function (m) {
    m.setAttribute("aria-expanded", "false");
  });
})();
(function () {
  "use strict";
  var table = document.getElementById("findings-table"), filter = document.getElementById("filter");
  if (!table) return;
  var body = table.tBodies[0];
  if (filter) filter.addEventListener("input", function () {
    var q = filter.value.toLowerCase();
    Array.prototype.forEach.call(body.rows, function (r) {
      r.hidden = q !== "" && r.textContent.toLowerCase().indexOf(q) < 0;
    });
  });
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
    th.tabIndex = 0;
    function sort() {
      var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows);
      function key(r) { var c = r.cells[i]; return c.getAttribute("data-sort") || c.textContent; }
      rows.sort(function (a, b) { return dir * key(a).localeCompare(key(b), undefined, { numeric: true }); });
      rows.forEach(function (r) { body.appendChild(r); });
    }
    th.addEventListener("click", sort);
    th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
  });
})();
