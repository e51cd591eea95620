/* The archive's search box and results page: the header's search box (overrides/partials/
 * tna-search.html) with its list of results, its keys and the prefetching it starts, and the
 * full results page (search.html). The searching itself is search-engine.js's, loaded before
 * this file; the two share the one global object window.tnaSearch.
 */
(function () {
  "use strict";

  var STRINGS = {
    vi: {
      placeholder: "Tìm kiếm (nhấn / để bắt đầu)", label: "Tìm trong kho lưu trữ", all: "Xem tất cả kết quả cho",
      none: "Không tìm thấy kết quả", results: "{n} kết quả", year: "Năm", country: "Quốc gia đối tác", any: "Tất cả",
      partner: "Đối tác", person: "Nhân vật", more: "Xem thêm", loading: "Đang tìm…", orResults: "Không có trang nào chứa đủ mọi từ; kết quả dưới đây chứa một phần."
    },
    en: {
      placeholder: "Search (press / to start)", label: "Search the archive", all: "All results for",
      none: "No results", results: "{n} results", year: "Year", country: "Partner country", any: "All",
      partner: "Partner", person: "Person", more: "Show more", loading: "Searching…", orResults: "No page has every word; these have some of them."
    }
  };
  var api = window.tnaSearch;

  /* A result's snippet: the engine's excerpt of its text, the words found marked. */
  function snippet(text, toks) {
    var x = api.excerpt(text, toks), end = x.end;
    var frag = document.createDocumentFragment(), at = x.start;
    if (x.start > 0) frag.appendChild(document.createTextNode("… "));
    x.spans.forEach(function (s) {
      if (s[0] < at || s[1] > end) return;
      frag.appendChild(document.createTextNode(text.slice(at, s[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(s[0], s[1]);
      frag.appendChild(mark);
      at = s[1];
    });
    frag.appendChild(document.createTextNode(text.slice(at, end) + (end < text.length ? " …" : "")));
    return frag;
  }
  api.snippet = snippet;

  // ---- interface ----------------------------------------------------------------------------
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { if (attrs[k] !== null && attrs[k] !== undefined) e.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }
  /* Results show at once; each snippet follows when its document's text has loaded (a file per
   * document: eight of them take 50 ms or more, most of the time of a keystroke). */
  function renderResults(list, engine, root, found, toks, s) {
    var snips = [];
    return engine.docs(found.results.map(function (r) { return r.ref; })).then(function (docs) {
      list.textContent = "";
      docs.forEach(function (d, i) {
        var kind = d.k === "partner" ? s.partner : d.k === "person" ? s.person : null;
        var a = el("a", { href: root + d.u, class: "tna-result__link", tabindex: "-1" }, [d.t]);
        var meta = el("div", { class: "tna-result__meta" }, [d.l || ""]);
        if (kind) meta.insertBefore(el("span", { class: "tna-result__kind" }, [kind]), meta.firstChild);
        if (d.p && d.p.length) meta.appendChild(el("span", { class: "tna-result__partners" }, [" · " + d.p.join(", ")]));
        var snip = el("p", { class: "tna-result__snippet" });
        snips.push(snip);
        var item = el("li", { class: "tna-result", role: "option", id: list.id + "-" + i, "aria-selected": "false",
                              "data-href": root + d.u }, [a, meta, snip]);
        list.appendChild(item);
      });
      list.snippets = Promise.all(engine.texts(found.results.map(function (r) { return r.ref; })).map(function (text, i) {
        return text.then(function (t) {
          if (t !== undefined && list.contains(snips[i])) snips[i].appendChild(snippet(t, toks));
        });
      }));
      return docs.length;
    });
  }

  function setup() {
    var box = document.querySelector("[data-tna-search]");
    if (!box) return;
    var lang = box.getAttribute("data-lang") === "en" ? "en" : "vi";
    var s = STRINGS[lang];
    var base = box.getAttribute("data-base"), root = (box.getAttribute("data-root") || ".").replace(/\/?$/, "/");
    if (!/\/$/.test(base)) base += "/";
    var engine = new api.Engine(base, lang);
    api.engine = engine;
    var input = box.querySelector("input"), list = box.querySelector("[role=listbox]");
    var searchPage = box.getAttribute("data-page");
    var seq = 0, active = -1;

    function options() { return list.querySelectorAll("[role=option]"); }
    function setActive(i) {
      var opts = options();
      if (!opts.length) return;
      active = (i + opts.length) % opts.length;
      opts.forEach(function (o, k) { o.setAttribute("aria-selected", k === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", opts[active].id);
      opts[active].scrollIntoView({ block: "nearest" });
    }
    function close() {
      list.hidden = true; input.setAttribute("aria-expanded", "false"); input.removeAttribute("aria-activedescendant"); active = -1;
    }
    function run() {
      var q = input.value, mine = ++seq, t0 = performance.now();
      if (!q.trim()) { close(); return; }
      engine.search(q, { limit: 8 }).then(function (found) {
        if (mine !== seq) return;
        return renderResults(list, engine, root, found, found.tokens, s).then(function (n) {
          if (mine !== seq) return;
          var more = el("li", { class: "tna-result tna-result--all", role: "option", id: list.id + "-all",
                                "data-href": searchPage + "?q=" + encodeURIComponent(q) },
                        [el("a", { href: searchPage + "?q=" + encodeURIComponent(q), tabindex: "-1" },
                            [n ? s.all + " “" + q + "”" : s.none])]);
          list.appendChild(more);
          list.hidden = false; input.setAttribute("aria-expanded", "true"); active = -1;
          var timing = api.lastTiming = { query: q, ms: performance.now() - t0, results: found.total };
          box.dispatchEvent(new CustomEvent("tna-search-results", { detail: timing }));
          engine.ready().then(function () { if (mine === seq) engine.prefetch(q); });
          list.snippets.then(function () {
            if (mine !== seq) return;
            timing.snippetsMs = performance.now() - t0;
            box.dispatchEvent(new CustomEvent("tna-search-snippets", { detail: timing }));
          });
        });
      });
    }
    input.addEventListener("input", run);
    input.addEventListener("focus", function () { engine.ready(); if (input.value.trim()) run(); });
    input.addEventListener("pointerenter", function () { engine.ready(); }, { once: true });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); if (list.hidden) run(); else setActive(active + 1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); setActive(active - 1); }
      else if (e.key === "Escape") { close(); input.blur(); }
      else if (e.key === "Enter") {
        e.preventDefault();
        var opts = options();
        window.location.href = active >= 0 && opts[active] ? opts[active].getAttribute("data-href")
          : searchPage + "?q=" + encodeURIComponent(input.value);
      }
    });
    list.addEventListener("mousedown", function (e) {
      var item = e.target.closest("[role=option]");
      if (item) { e.preventDefault(); window.location.href = item.getAttribute("data-href"); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
    document.addEventListener("keydown", function (e) {
      var t = e.target, typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
      if (!typing && !e.ctrlKey && !e.metaKey && !e.altKey && (e.key === "/" || e.key === "s" || e.key === "S")) {
        e.preventDefault(); input.focus();
      }
    });
    var page = document.getElementById("tna-search-page");
    if (page) setupPage(page, engine, root, s, input);
  }

  function setupPage(page, engine, root, s, headerInput) {
    var params = new URLSearchParams(window.location.search);
    var form = el("form", { class: "tna-search-page__form", role: "search" });
    var q = el("input", { type: "search", name: "q", id: "tna-page-q", "aria-label": s.label, placeholder: s.placeholder, autocomplete: "off" });
    var year = el("select", { name: "year", id: "tna-page-year", "aria-label": s.year }, [el("option", { value: "" }, [s.year + ": " + s.any])]);
    var country = el("select", { name: "country", id: "tna-page-country", "aria-label": s.country }, [el("option", { value: "" }, [s.country + ": " + s.any])]);
    var status = el("p", { class: "tna-search-page__status", role: "status", "aria-live": "polite" });
    var list = el("ol", { class: "tna-search-page__results", id: "tna-page-results" });
    var more = el("button", { type: "button", class: "md-button", hidden: "" }, [s.more]);
    form.appendChild(q); form.appendChild(year); form.appendChild(country);
    page.appendChild(form); page.appendChild(status); page.appendChild(list); page.appendChild(more);
    var limit = 20, seq = 0;
    engine.ready().then(function () {
      engine.manifest.years.forEach(function (y) { year.appendChild(el("option", { value: String(y) }, [String(y)])); });
      engine.manifest.countries.forEach(function (c) { country.appendChild(el("option", { value: c[0] }, [c[1]])); });
      q.value = params.get("q") || ""; year.value = params.get("year") || ""; country.value = params.get("country") || "";
      if (headerInput) headerInput.value = "";
      go(false);
    });
    function go(push) {
      var mine = ++seq, query = q.value;
      var p = new URLSearchParams();
      if (query) p.set("q", query);
      if (year.value) p.set("year", year.value);
      if (country.value) p.set("country", country.value);
      try { history.replaceState(null, "", "?" + p.toString()); } catch (err) { /* some file:// contexts refuse */ }
      if (!query.trim()) { list.textContent = ""; status.textContent = ""; more.hidden = true; return; }
      status.textContent = s.loading;
      engine.search(query, { limit: limit, year: year.value, country: country.value }).then(function (found) {
        if (mine !== seq) return;
        return renderResults(list, engine, root, found, found.tokens, s).then(function () {
          if (mine !== seq) return;
          status.textContent = (found.total ? s.results.replace("{n}", found.total) : s.none) + (found.partialMatch ? " — " + s.orResults : "");
          more.hidden = found.total <= limit;
          list.querySelectorAll("a").forEach(function (a) { a.removeAttribute("tabindex"); });
        });
      });
    }
    q.addEventListener("input", function () { limit = 20; go(); });
    year.addEventListener("change", function () { go(); });
    country.addEventListener("change", function () { go(); });
    form.addEventListener("submit", function (e) { e.preventDefault(); go(); });
    more.addEventListener("click", function () { limit += 20; go(); });
    q.focus();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
