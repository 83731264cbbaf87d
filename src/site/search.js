// The site index's search and tag filter. The page is complete without
// it: every card is listed, and each tag links to its list of reports.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("search-data").textContent);
  var fold = function (s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  };
  // Word positions: base-32 gaps, a gap's last digit from LAST.
  var MORE = "0123456789abcdefghijklmnopqrstuv";
  var LAST = "ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_";
  var positions = function (text) {
    var at = [], last = 0, value = 0;
    for (var i = 0; i < text.length; i++) {
      var more = MORE.indexOf(text[i]);
      if (more >= 0) { value = value * 32 + more; continue; }
      last += value * 32 + LAST.indexOf(text[i]);
      at.push(last);
      value = 0;
    }
    return at;
  };
  // A quote is found at the section or heading before it; a heading
  // belongs to the section before it.
  var docs = [];
  data.r.forEach(function (report, r) {
    var section = "", place = { anchor: "", title: "" };
    report[2].forEach(function (p) {
      var doc = { report: r, kind: p[0] };
      if (p[0] === "s" || p[0] === "h") {
        section = p[0] === "s" ? p[2] : section;
        doc.anchor = p[1];
        doc.title = p[0] === "s" ? p[2] : section + " \u203a " + p[2];
        doc.excerpt = p[3];
        doc.words = positions(p[4]);
        place = doc;
      } else if (p[0] === "q") {
        doc.anchor = p[3] || place.anchor;
        doc.title = place.title;
        doc.excerpt = p[1];
        doc.words = positions(p[2]);
      } else {
        doc.anchor = "";
        doc.title = p[1];
        doc.excerpt = "";
        doc.words = positions(p[2]);
      }
      docs.push(doc);
    });
  });
  var kinds = { s: "Section", h: "Section", q: "Quote", c: "Code" };
  var box = document.getElementById("search");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  box.hidden = false;

  function matching(word) {
    var set = {};
    data.w.forEach(function (w, i) { if (w.indexOf(word) === 0) { set[i] = true; } });
    return set;
  }

  function search(query) {
    var terms = fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (!terms.length) { return null; }
    var sets = terms.map(matching);
    return docs.filter(function (d) {
      return sets.every(function (set) {
        return d.words.some(function (w) { return set[w]; });
      });
    });
  }

  function el(name, attrs, text) {
    var e = document.createElement(name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) { e.textContent = text; }
    return e;
  }

  function show() {
    var found = search(input.value);
    results.textContent = "";
    if (found === null) { status.textContent = ""; return; }
    status.textContent = found.length === 1 ? "1 result" : found.length + " results";
    var groups = {};
    var order = [];
    found.forEach(function (d) {
      if (!groups[d.report]) { groups[d.report] = []; order.push(d.report); }
      groups[d.report].push(d);
    });
    order.forEach(function (r) {
      var slug = data.r[r][0];
      var section = el("section", { "class": "result-group", "aria-label": data.r[r][1] });
      section.appendChild(el("h3", {}, data.r[r][1]));
      var list = el("ul", {});
      groups[r].slice(0, 20).forEach(function (d) {
        var item = el("li", {});
        var href = slug + "/index.html" + (d.anchor ? "#" + d.anchor : "");
        var link = el("a", { href: href });
        link.appendChild(el("span", { "class": "result-kind" }, kinds[d.kind]));
        link.appendChild(document.createTextNode(" " + d.title));
        item.appendChild(link);
        if (d.excerpt) { item.appendChild(el("p", { "class": "result-excerpt" }, d.excerpt)); }
        list.appendChild(item);
      });
      section.appendChild(list);
      results.appendChild(section);
    });
  }
  input.addEventListener("input", show);
  document.getElementById("search-form").addEventListener("submit", function (e) {
    e.preventDefault();
    show();
  });

  var cards = document.querySelectorAll(".card");
  var buttons = document.querySelectorAll("[data-tag]");
  var chosen = null;
  buttons.forEach(function (b) {
    b.setAttribute("role", "button");
    b.setAttribute("aria-pressed", "false");
    b.addEventListener("click", function (e) {
      e.preventDefault();
      chosen = chosen === b.dataset.tag ? null : b.dataset.tag;
      buttons.forEach(function (o) {
        o.setAttribute("aria-pressed", String(o.dataset.tag === chosen));
      });
      cards.forEach(function (c) {
        var tags = (c.dataset.tags || "").split("|");
        c.hidden = chosen !== null && tags.indexOf(chosen) < 0;
      });
    });
  });
})();
