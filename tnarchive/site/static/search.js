/* The archive's search: per-language lunr indexes, prebuilt and split by term prefix
 * (tnarchive/site/search_index.py explains the format). Only the shards of the words typed
 * and the text chunks of the results shown are loaded, as <script> files, so search works
 * the same on a web host and from file://. No request leaves the site.
 *
 * Tokens and folding must match search_index.py exactly: NFC, lower case, runs of letters
 * and digits; folded = no marks, đ → d.
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
  var FIELD_BOOST = { t: 3, b: 1, n: 4, a: 3 };
  var STEMMED = { t: true, b: true };  // on the English site, titles and text are stemmed
  var NAME_WEIGHT = 40;
  var registry = { manifest: {}, shard: {}, chunk: {}, index: {} };
  var loaded = {};

  window.tnaSearch = window.tnaSearch || {};
  var api = window.tnaSearch;
  api.manifest = function (lang, key, data) { registry.manifest[lang] = data; };
  api.shard = function (lang, key, data) { (registry.shard[lang] = registry.shard[lang] || {})[key] = data; };
  api.chunk = function (lang, key, data) { (registry.chunk[lang] = registry.chunk[lang] || {})[key] = data; };
  api.bytesRequested = [];

  // ---- text -------------------------------------------------------------------------------
  function fold(s) { return s.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d"); }
  function stem(w) { return window.lunr.stemmer(new window.lunr.Token(w)).toString(); }
  function tokens(s) { return s.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) || []; }
  api.fold = fold;
  api.tokens = tokens;

  function parseQuery(q) {
    var out = [], group = 0, re = /"([^"]*)"?|([^\s"]+)/g, m;
    var trailingSpace = /[\s"]$/.test(q);
    while ((m = re.exec(q)) !== null) {
      var phrase = m[1] !== undefined;
      var words = tokens(phrase ? m[1] : m[2]);
      group += 1;
      for (var i = 0; i < words.length; i++) {
        out.push({ x: words[i], f: fold(words[i]), group: group, phrase: phrase && words.length > 1, partial: false });
      }
    }
    if (out.length && !trailingSpace && !out[out.length - 1].phrase) out[out.length - 1].partial = true;
    return out;
  }
  api.parseQuery = parseQuery;

  // ---- loading ----------------------------------------------------------------------------
  function load(url) {
    if (!loaded[url]) {
      loaded[url] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = url;
        s.async = true;
        s.onload = function () { resolve(); };
        s.onerror = function () { delete loaded[url]; reject(new Error("cannot load " + url)); };
        api.bytesRequested.push(url);
        document.head.appendChild(s);
      });
    }
    return loaded[url];
  }
  function shardFile(key) {
    var out = [];
    for (var ch of key) out.push(ch.codePointAt(0).toString(16));
    return out.join("-") || "_";
  }
  function Engine(base, lang) { this.base = base; this.lang = lang; }
  Engine.prototype.ready = function () {
    var self = this;
    if (!this._ready) {
      this._ready = Promise.all([load(this.base + "lunr.js"), load(this.base + this.lang + "/manifest.js")]).then(function () {
        self.manifest = registry.manifest[self.lang];
        return self;
      });
    }
    return this._ready;
  };
  Engine.prototype.keysFor = function (f, partial) {
    var keys = this.manifest.shards, best = null, more = [];
    for (var i = 0; i < keys.length; i++) {
      var k = keys[i];
      if (f.indexOf(k) === 0 && (best === null || k.length > best.length)) best = k;
      if (partial && k.length > f.length && k.indexOf(f) === 0) more.push(k);
    }
    var out = best === null ? [] : [best];
    // A word still being typed loads the shards it could become only once it says enough:
    // "ho" would pull in every "ho…" shard, most of the bytes and time of a first keystroke.
    return f.length >= 3 && more.length <= 6 ? out.concat(more) : out;
  };
  Engine.prototype.index = function (key) {
    var byLang = registry.index[this.lang] = registry.index[this.lang] || {};
    if (!byLang[key]) byLang[key] = window.lunr.Index.load(registry.shard[this.lang][key]);
    return byLang[key];
  };
  Engine.prototype.termScores = function (tok, onlyKeys) {
    var self = this, keys = this.keysFor(tok.f, tok.partial);
    return Promise.all(keys.map(function (k) { return load(self.base + self.lang + "/s/" + shardFile(k) + ".js"); })).then(function () {
      var scores = new Map(), matched = new Set([tok.f]);
      scores.terms = matched;
      keys.forEach(function (k) {
        var idx = self.index(k), L = window.lunr;
        var results = idx.query(function (q) {
          if (onlyKeys) {
            q.term(tok.f, { fields: ["k"], boost: 40, usePipeline: false,
                            wildcard: tok.partial ? L.Query.wildcard.TRAILING : L.Query.wildcard.NONE });
            return;
          }
          Object.keys(FIELD_BOOST).forEach(function (field) {
            var wildcard = tok.partial ? L.Query.wildcard.TRAILING : L.Query.wildcard.NONE;
            var stemmed = self.lang === "en" && STEMMED[field];
            q.term(stemmed ? stem(tok.f) : tok.f, { fields: [field], boost: FIELD_BOOST[field], usePipeline: false, wildcard: wildcard });
            // While a word is being typed its stem may not be a prefix of the full word's stem.
            if (stemmed && tok.partial && stem(tok.f) !== tok.f) {
              q.term(tok.f, { fields: [field], boost: FIELD_BOOST[field], usePipeline: false, wildcard: wildcard });
            }
            if (!tok.partial && tok.f.length >= 5 && field !== "b") {
              q.term(tok.f, { fields: [field], boost: FIELD_BOOST[field] * 0.3, usePipeline: false, editDistance: 1 });
            }
          });
          if (!tok.partial && tok.f.length >= 5) q.term(tok.f, { fields: ["b"], boost: 0.3, usePipeline: false, editDistance: 1 });
          if (tok.x !== tok.f) q.term(tok.x, { fields: ["e"], boost: 2, usePipeline: false });
        });
        results.forEach(function (r) {
          var pos = [], meta = r.matchData.metadata;
          Object.keys(meta).forEach(function (term) {
            var b = meta[term].b;
            if (b && b.index) pos = pos.concat(b.index);
            matched.add(fold(term));
          });
          var exact = Object.prototype.hasOwnProperty.call(meta, tok.f);
          var prev = scores.get(r.ref);
          if (prev) { prev.s += r.score; prev.pos = prev.pos.concat(pos); prev.exact = prev.exact || exact; }
          else scores.set(r.ref, { s: r.score, pos: pos, exact: exact });
        });
      });
      return scores;
    });
  };
  function adjacent(a, b) {
    var set = new Set(b);
    for (var i = 0; i < a.length; i++) if (set.has(a[i] + 1)) return true;
    return false;
  }
  function phraseAt(lists) {
    var first = lists[0], sets = lists.map(function (l) { return new Set(l); });
    for (var i = 0; i < first.length; i++) {
      var ok = true;
      for (var k = 1; k < sets.length && ok; k++) ok = sets[k].has(first[i] + k);
      if (ok) return true;
    }
    return false;
  }

  /* search(query, {year, country, limit}) → {results: [{ref, score, kind}], total, partialMatch} */
  Engine.prototype.search = function (query, opts) {
    opts = opts || {};
    var self = this, toks = parseQuery(query);
    if (!toks.length || (toks.length === 1 && toks[0].partial && toks[0].f.length < 2)) {
      return Promise.resolve({ results: [], total: 0, tokens: toks });
    }
    /* The whole query as one joined token: "Luang Prabang" → "luangprabang", a partner's exact name. */
    var joined = { f: toks.map(function (t) { return t.f; }).join(""), partial: toks[toks.length - 1].partial };
    joined.x = joined.f;
    var named = new Map();
    return this.ready().then(function () {
      return Promise.all(toks.map(function (t) { return self.termScores(t); }).concat(
        joined.f.length >= 3 ? [self.termScores(joined, true)] : []));
    }).then(function (per) {
      if (per.length > toks.length) named = per.pop();
      var docs = self.manifest.docs, countries = self.manifest.countries;
      var countryIndex = opts.country ? countries.findIndex(function (c) { return c[0] === opts.country; }) : -1;
      function keep(ref) {
        var d = docs[+ref];
        if (opts.year && d[1] !== +opts.year) return false;
        if (opts.country && d[2].indexOf(countryIndex) < 0) return false;
        return true;
      }
      function combine(requireAll) {
        var refs = new Map();
        per.forEach(function (m, i) {
          m.forEach(function (v, ref) {
            var e = refs.get(ref) || { n: 0, s: 0, pos: [] };
            e.n += 1; e.s += v.s; e.pos[i] = v.pos;
            refs.set(ref, e);
          });
        });
        named.forEach(function (v, ref) { if (!refs.has(ref)) refs.set(ref, { n: per.length, s: 0, pos: [] }); });
        var out = [];
        refs.forEach(function (e, ref) {
          // lunr divides a score by the query's own norm, so a boost inside a one-clause query
          // cancels out: the weight of an exact name is applied here instead.
          // A query that is exactly one of a record's names beats one that only begins one.
          if (named.has(ref)) { e.s += NAME_WEIGHT * (named.get(ref).exact ? 1 : 0.25); e.n = per.length; }
          if (requireAll && e.n < per.length) return;
          if (!keep(ref)) return;
          var bonus = 0, phraseOk = true;
          for (var i = 0; i + 1 < toks.length; i++) {
            if (!e.pos[i] || !e.pos[i + 1]) continue;
            if (adjacent(e.pos[i], e.pos[i + 1])) bonus += 1;
          }
          var groups = {};
          toks.forEach(function (t, i) { if (t.phrase) (groups[t.group] = groups[t.group] || []).push(i); });
          Object.keys(groups).forEach(function (g) {
            var idxs = groups[g];
            if (idxs.some(function (i) { return !e.pos[i] || !e.pos[i].length; }) ||
                !phraseAt(idxs.map(function (i) { return e.pos[i]; }))) phraseOk = false;
          });
          if (!phraseOk) return;
          out.push({ ref: ref, score: e.s * (1 + 0.75 * bonus), kind: docs[+ref][0] });
        });
        out.sort(function (a, b) { return b.score - a.score || (+a.ref) - (+b.ref); });
        return out;
      }
      var all = combine(true), partialMatch = false;
      if (!all.length && toks.length > 1) { all = combine(false); partialMatch = all.length > 0; }
      var limit = opts.limit || 10;
      /* Highlight what really matched: "gyeosangbuk" found "gyeongsangbuk", "quo" found "quoc". */
      var marks = [];
      per.forEach(function (m, i) {
        m.terms.forEach(function (term) { marks.push({ f: term, partial: self.lang === "en", group: toks[i].group }); });
      });
      return { results: all.slice(0, limit), total: all.length, tokens: marks, query: toks, partialMatch: partialMatch };
    });
  };
  Engine.prototype.docs = function (refs) {
    var self = this, chunks = {};
    refs.forEach(function (r) { chunks[self.manifest.docs[+r][3]] = true; });
    return Promise.all(Object.keys(chunks).map(function (c) {
      return load(self.base + self.lang + "/d/" + c + ".js");
    })).then(function () {
      return refs.map(function (r) {
        var c = self.manifest.docs[+r][3];
        return registry.chunk[self.lang][c][(+r) % self.manifest.chunk];
      });
    });
  };
  api.Engine = Engine;

  // ---- snippets -----------------------------------------------------------------------------
  function foldedSameLength(text) {
    var out = "";
    for (var ch of text) {
      var f = fold(ch.toLowerCase());
      out += f.length === ch.length ? f : (ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch);
    }
    return out;
  }
  function matchSpans(text, toks) {
    var folded = foldedSameLength(text), spans = [];
    toks.forEach(function (t, i) {
      var esc = t.f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      var re = new RegExp("(?<![\\p{L}\\p{N}])" + esc + (t.partial ? "" : "(?![\\p{L}\\p{N}])"), "gu"), m;
      while ((m = re.exec(folded)) !== null) spans.push([m.index, m.index + m[0].length, i]);
    });
    return spans.sort(function (a, b) { return a[0] - b[0]; });
  }
  function snippet(text, toks, width) {
    width = width || 220;
    var spans = matchSpans(text, toks);
    var start = 0;
    if (spans.length) {
      var best = -1, bestStart = spans[0][0];
      spans.forEach(function (s) {
        var distinct = new Set();
        spans.forEach(function (o) { if (o[0] >= s[0] && o[1] <= s[0] + width) distinct.add(o[2]); });
        if (distinct.size > best) { best = distinct.size; bestStart = s[0]; }
      });
      start = Math.max(0, bestStart - 40);
      var space = text.lastIndexOf(" ", start);
      if (start > 0 && space > start - 20) start = space + 1;
    }
    var end = Math.min(text.length, start + width);
    var frag = document.createDocumentFragment(), at = start;
    if (start > 0) frag.appendChild(document.createTextNode("… "));
    spans.forEach(function (s) {
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
  function renderResults(list, engine, root, found, toks, s) {
    return engine.docs(found.results.map(function (r) { return r.ref; })).then(function (docs) {
      list.textContent = "";
      docs.forEach(function (d, i) {
        var kind = d.k === "partner" ? s.partner : d.k === "person" ? s.person : null;
        var a = el("a", { href: root + d.u, class: "tna-result__link", tabindex: "-1" }, [d.t]);
        var meta = el("div", { class: "tna-result__meta" }, [d.l || ""]);
        if (kind) meta.insertBefore(el("span", { class: "tna-result__kind" }, [kind]), meta.firstChild);
        if (d.p && d.p.length) meta.appendChild(el("span", { class: "tna-result__partners" }, [" · " + d.p.join(", ")]));
        var snip = el("p", { class: "tna-result__snippet" });
        snip.appendChild(snippet(d.x, toks));
        var item = el("li", { class: "tna-result", role: "option", id: list.id + "-" + i, "aria-selected": "false",
                              "data-href": root + d.u }, [a, meta, snip]);
        list.appendChild(item);
      });
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
    var engine = new Engine(base, lang);
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
          api.lastTiming = { query: q, ms: performance.now() - t0, results: found.total };
          box.dispatchEvent(new CustomEvent("tna-search-results", { detail: api.lastTiming }));
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
