/* The archive's search engine: per-language indexes prebuilt by tnarchive/site/search_index.py
 * (which explains the files), loaded as <script> files so search works the same on a web host
 * and from file://; only the shards of the words typed and the documents shown are loaded, and
 * no request leaves the site. It knows nothing of the page: search-ui.js (loaded after it) draws
 * the search box and the results; the two share the one global object window.tnaSearch.
 *
 * Scores are lunr's: a document's score for one word is the sum over fields of
 * (query vector · field vector) / |query vector|, where the field vector's components are
 * BM25 weights computed here exactly as lunr.js's Builder computes them (`component`), from
 * the term frequencies and field lengths in the shards. lunr.js itself finds the terms one edit
 * away from a word (its TokenSet, as its own queries do) and stems English. The sums run over
 * typed arrays: lunr.js's own query takes 40–130 ms for a word found in 5,000 pages (one
 * MatchData object per page), these a few milliseconds.
 *
 * Tokens and folding must match search_index.py exactly: NFC, lower case, runs of letters
 * and digits; folded = no marks, đ → d.
 */
(function () {
  "use strict";

  var FIELD_BOOST = { t: 3, b: 1, n: 4, a: 3 };
  var STEMMED = { t: true, b: true };  // on the English site, titles and text are stemmed
  var NAME_WEIGHT = 40;
  var K1 = 1.2, B = 0.75;  // lunr's BM25 parameters
  var EXACT = 0, PREFIX = 1, FUZZY = 2;
  var registry = { manifest: {}, cards: {}, shard: {}, pairs: {}, text: {} };
  var loaded = {};

  window.tnaSearch = window.tnaSearch || {};
  var api = window.tnaSearch;
  function keep(kind) {
    return function (lang, key, data) { (registry[kind][lang] = registry[kind][lang] || {})[key] = data; };
  }
  api.manifest = function (lang, key, data) { registry.manifest[lang] = data; };
  api.cards = function (lang, key, data) { registry.cards[lang] = data; };
  api.shard = keep("shard");
  api.pairs = keep("pairs");
  api.text = keep("text");

  // ---- text -------------------------------------------------------------------------------
  function fold(s) { return s.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d"); }
  var stems = new Map();
  function stem(w) {
    if (!stems.has(w)) stems.set(w, window.lunr.stemmer(new window.lunr.Token(w)).toString());
    return stems.get(w);
  }
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

  // ---- the index's data -------------------------------------------------------------------
  /* n little-endian unsigned integers of `size` bytes, from byte `at` of the base64 text
   * `b64`: only the characters that hold them are decoded (a shard is 100 KB; a word needs a
   * few of its postings, and a first keystroke runs this code before the browser has compiled it). */
  function uints(b64, at, n, size) {
    var first = Math.floor(at / 3), p = at - first * 3;
    var bin = atob(b64.slice(first * 4, Math.ceil((at + n * size) / 3) * 4)), out = new Uint32Array(n), i;
    if (size === 2) for (i = 0; i < n; i++, p += 2) out[i] = bin.charCodeAt(p) | bin.charCodeAt(p + 1) << 8;
    else for (i = 0; i < n; i++, p += 4) out[i] = (bin.charCodeAt(p) | bin.charCodeAt(p + 1) << 8 | bin.charCodeAt(p + 2) << 16) + bin.charCodeAt(p + 3) * 16777216;
    return out;
  }
  api.uints = uints;

  /* One shard: its terms (sorted), where each term's postings are, decoded on first use. */
  function Shard(data, idSize) {
    var at = 0;
    this.terms = data.terms;
    this.where = new Map();
    for (var i = 0; i < data.terms.length; i++) {
      var fields = {}, post = data.post[i], df = 0;
      for (var j = 0; j < post.length; j += 2) {
        fields[post[j]] = [at, post[j + 1]];
        at += post[j + 1] * (idSize + 2);
        df += post[j + 1];
      }
      this.where.set(data.terms[i], { fields: fields, df: df });
    }
    this.b64 = data.bin;
    this.idSize = idSize;
    this.cache = new Map();
  }
  Shard.prototype.posting = function (term, field) {
    var w = this.where.get(term), seg = w && w.fields[field];
    if (!seg) return null;
    var key = term + "/" + field, p = this.cache.get(key);
    if (!p) {
      var n = seg[1];
      p = { ids: uints(this.b64, seg[0], n, this.idSize), tf: uints(this.b64, seg[0] + n * this.idSize, n, 2) };
      this.cache.set(key, p);
    }
    return p;
  };
  Shard.prototype.expand = function (term, mode) {
    if (mode === EXACT) return this.where.has(term) ? [term] : [];
    if (mode === PREFIX) return this.terms.filter(function (t) { return t.lastIndexOf(term, 0) === 0; });
    if (!this.tokenSet) this.tokenSet = window.lunr.TokenSet.fromArray(this.terms.slice().sort());
    return this.tokenSet.intersect(window.lunr.TokenSet.fromFuzzyString(term, 1)).toArray();
  };

  /* The words that follow each term of a shard, and where. */
  function Pairs(data, idSize) {
    var at = 0;
    this.next = new Map();
    for (var i = 0; i < data.next.length; i++) {
      var list = data.next[i][1], entries = [];
      for (var j = 0; j < list.length; j += 2) {
        entries.push([list[j], at, list[j + 1]]);
        at += list[j + 1] * idSize;
      }
      this.next.set(data.next[i][0], entries);
    }
    this.b64 = data.bin;
    this.idSize = idSize;
  }
  Pairs.prototype.mark = function (first, nextTerms, out) {
    var entries = this.next.get(first) || [];
    for (var i = 0; i < entries.length; i++) {
      if (!nextTerms.has(entries[i][0])) continue;
      var ids = uints(this.b64, entries[i][1], entries[i][2], this.idSize);
      for (var k = 0; k < ids.length; k++) out[ids[k]] = 1;
    }
  };

  /* lunr.js's Builder: idf, then each field vector component, rounded to 3 decimals. */
  function idf(df, n) { return Math.log(1 + Math.abs((n - df + 0.5) / (df + 0.5))); }
  function component(idfValue, tf, norm) {
    var score = idfValue * ((K1 + 1) * tf) / (norm + tf);
    return Math.round(score * 1000) / 1000;
  }
  api.component = component;

  function Engine(base, lang) {
    this.base = base;
    this.lang = lang;
    this.shards = new Map();
    this.pairs = new Map();
    this.norms = {};
    this.cache = new Map();  // a word's scores (and two words' adjacency), kept across keystrokes
    this.textQueue = [];
    this.textWaiting = new Map();  // document → callbacks waiting for its text
    this.textLoading = 0;
  }
  Engine.prototype.ready = function () {
    var self = this;
    if (!this._ready) {
      this._ready = Promise.all(["lunr.js", this.lang + "/manifest.js", this.lang + "/cards.js"].map(function (f) {
        return load(self.base + f);
      })).then(function () {
        self.manifest = registry.manifest[self.lang];
        self.cards = registry.cards[self.lang];
        self.n = self.manifest.n;
        Object.keys(self.manifest.lengths).forEach(function (f) { self.norm(f); });
        return self;
      });
    }
    return this._ready;
  };
  /* k1 (1 − b + b · length / average length) of every document, for one field: lunr's normalisation. */
  Engine.prototype.norm = function (field) {
    if (!this.norms[field]) {
      var l = this.manifest.lengths[field], n = this.n, avg = l[1] / n;
      var lengths = uints(l[2], 0, n, l[0]), out = new Float64Array(n);
      for (var i = 0; i < n; i++) out[i] = K1 * (1 - B + B * (lengths[i] / avg));
      this.norms[field] = out;
    }
    return this.norms[field];
  };
  /* The shard files to load for a word: the one whose key is the longest prefix of the word
   * and, for a word being typed, the files of the longer keys it could become. */
  Engine.prototype.keysFor = function (f, partial) {
    var files = this.manifest.shards, best = null, bestLength = -1, more = [];
    for (var i = 0; i < files.length; i++) {
      for (var j = 0; j < files[i].length; j++) {
        var k = files[i][j];
        if (f.indexOf(k) === 0 && k.length > bestLength) { best = files[i][0]; bestLength = k.length; }
        if (partial && k.length > f.length && k.indexOf(f) === 0 && more.indexOf(files[i][0]) < 0) more.push(files[i][0]);
      }
    }
    var out = best === null ? [] : [best];
    more.forEach(function (k) { if (k !== best) out.push(k); });
    // A word still being typed loads the files it could become only once it says enough:
    // "ho" would pull in every "ho…" shard, most of the bytes and time of a first keystroke.
    return f.length >= 3 && out.length <= 4 ? out : out.slice(0, 1);
  };
  /* The shard files the next key most likely needs, loaded now, while the reader is still
   * typing: a file costs a browser 15–30 ms to fetch and run, most of a keystroke that needs
   * one. For the word being typed, each letter that could come next is weighed by how often
   * the terms under its keys stand in the text (the manifest's weights). Breadth first: the
   * first file of each of the eight likeliest letters (each at least a sixteenth of the weight),
   * then the likeliest letters' further files, eight files at most. (Measured at 5,000 articles:
   * typed at a key every 150 ms, 0 of 195 keystrokes over 50 ms, slowest 40 ms, where every
   * file for the likeliest letter first left 2 over; typed as soon as results show, 4 of 130
   * where it left 11. Loading the guesses two at a time, likeliest first, did no better.)
   * Returns the keys asked for. */
  Engine.prototype.prefetch = function (query) {
    var toks = parseQuery(query), last = toks[toks.length - 1];
    if (!this.manifest || !last || !last.partial) return [];
    var f = last.f, files = this.manifest.shards, weights = this.manifest.weights;
    var mass = new Map(), total = 0, stay = 0, stayLength = -1;
    for (var i = 0; i < files.length; i++) {
      for (var j = 0; j < files[i].length; j++) {
        var k = files[i][j], w = weights[i][j];
        if (k.length > f.length && k.indexOf(f) === 0) {
          var c = String.fromCodePoint(k.codePointAt(f.length));
          mass.set(c, (mass.get(c) || 0) + w);
          total += w;
        } else if (f.indexOf(k) === 0 && k.length > stayLength) { stay = w; stayLength = k.length; }
      }
    }
    total += stay;  // the words that stay in the file already loaded
    var self = this, out = [], budget = 8;
    var letters = Array.from(mass.keys()).sort(function (a, b) { return mass.get(b) - mass.get(a) || (a < b ? -1 : 1); })
      .filter(function (c) { return mass.get(c) * 16 >= total; }).slice(0, 8);
    var want = letters.map(function (c) { return self.keysFor(f + c, true); });
    // First the file each likely letter needs first, then the rest of the likeliest letters' files.
    for (var depth = 0; depth < 4 && out.length < budget; depth++) {
      want.forEach(function (keys) {
        var key = keys[depth];
        if (key !== undefined && out.length < budget && out.indexOf(key) < 0) { out.push(key); self.shard(key); }
      });
    }
    return out;
  };
  /* A shard (folder "s") or its word pairs ("p") for one key, loaded once and kept in *cache*. */
  Engine.prototype.part = function (cache, folder, kind, Make, key) {
    var self = this;
    if (!cache.has(key)) {
      cache.set(key, load(this.base + this.lang + "/" + folder + "/" + shardFile(key) + ".js").then(function () {
        return new Make(registry[kind][self.lang][key], self.manifest.ids);
      }));
    }
    return cache.get(key);
  };
  Engine.prototype.shard = function (key) { return this.part(this.shards, "s", "shard", Shard, key); };
  Engine.prototype.pairsOf = function (key) { return this.part(this.pairs, "p", "pairs", Pairs, key); };

  /* The query's clauses for one word, as lunr.js query terms: [field, term, mode, boost]. */
  Engine.prototype.clauses = function (tok, onlyKeys) {
    var out = [], lang = this.lang;
    if (onlyKeys) return [["k", tok.f, tok.partial ? PREFIX : EXACT, 1]];
    Object.keys(FIELD_BOOST).forEach(function (field) {
      var boost = FIELD_BOOST[field], stemmed = lang === "en" && STEMMED[field];
      out.push([field, stemmed ? stem(tok.f) : tok.f, tok.partial ? PREFIX : EXACT, boost]);
      // While a word is being typed its stem may not be a prefix of the full word's stem.
      if (stemmed && tok.partial && stem(tok.f) !== tok.f) out.push([field, tok.f, PREFIX, boost]);
      if (!tok.partial && tok.f.length >= 5) out.push([field, tok.f, FUZZY, boost * 0.3]);
    });
    if (tok.x !== tok.f) out.push(["e", tok.x, EXACT, 2]);
    return out;
  };

  /* One word's lunr score in every document it matches, as typed arrays; cached, so later
   * keystrokes recompute only the word being typed. */
  Engine.prototype.termScores = function (tok, onlyKeys) {
    var self = this, id = (onlyKeys ? "k " : "") + tok.f + " " + tok.x + (tok.partial ? " *" : "");
    if (this.cache.has(id)) return this.cache.get(id);
    var keys = this.keysFor(tok.f, tok.partial);
    if (this.lang === "en" && !onlyKeys && stem(tok.f) !== tok.f) {
      this.keysFor(stem(tok.f), tok.partial).forEach(function (k) { if (keys.indexOf(k) < 0) keys.push(k); });
    }
    var done = Promise.all(keys.map(function (k) { return self.shard(k); })).then(function (shards) {
      return self.score(tok, onlyKeys, keys, shards);
    });
    this.cache.set(id, done);
    if (this.cache.size > 64) this.cache.delete(this.cache.keys().next().value);
    return done;
  };
  Engine.prototype.score = function (tok, onlyKeys, keys, shards) {
    var n = this.n, s = new Float64Array(n), hit = new Uint8Array(n), exact = new Uint8Array(n);
    var vectors = {}, home = new Map(), terms = new Set([tok.f]), bterms = new Map();
    this.clauses(tok, onlyKeys).forEach(function (c) {
      var q = vectors[c[0]] = vectors[c[0]] || new Map();
      shards.forEach(function (sh, i) {
        sh.expand(c[1], c[2]).forEach(function (t) {
          q.set(t, (q.get(t) || 0) + c[3]);
          home.set(t, i);
        });
      });
    });
    var dot = new Float64Array(n), seen = new Uint8Array(n);
    for (var field in vectors) {
      var q = vectors[field], magnitude = 0, touched = [];
      q.forEach(function (w) { magnitude += w * w; });
      magnitude = Math.sqrt(magnitude);
      var norm = this.norm(field);
      q.forEach(function (w, t) {
        var sh = shards[home.get(t)], p = sh.posting(t, field);
        if (!p) return;
        var df = sh.where.get(t).df, wIdf = idf(df, n), ids = p.ids, tf = p.tf;
        terms.add(fold(t));
        if (field === "b") bterms.set(t, keys[home.get(t)]);
        for (var i = 0; i < ids.length; i++) {
          var d = ids[i];
          hit[d] = 1;
          if (!seen[d]) { seen[d] = 1; touched.push(d); }
          dot[d] += w * component(wIdf, tf[i], norm[d]);
          if (t === tok.f) exact[d] = 1;
        }
      });
      for (var j = 0; j < touched.length; j++) {
        s[touched[j]] += dot[touched[j]] / magnitude;
        dot[touched[j]] = 0;
        seen[touched[j]] = 0;
      }
    }
    return { s: s, hit: hit, exact: exact, terms: terms, bterms: bterms };
  };

  /* Documents where a term of one word is directly followed by a term of the next. */
  Engine.prototype.adjacency = function (a, c) {
    var self = this, id = a.id + "|" + c.id;
    if (this.cache.has(id)) return this.cache.get(id);
    var firstKeys = [];
    a.scores.bterms.forEach(function (key) { if (firstKeys.indexOf(key) < 0) firstKeys.push(key); });
    var done = Promise.all(firstKeys.map(function (k) { return self.pairsOf(k); })).then(function (pairs) {
      var out = new Uint8Array(self.n), nextTerms = new Set(c.scores.bterms.keys());
      a.scores.bterms.forEach(function (key, term) { pairs[firstKeys.indexOf(key)].mark(term, nextTerms, out); });
      return out;
    });
    this.cache.set(id, done);
    return done;
  };

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
    /* A later word just begun ("hàn q") waits for its second letter: one letter would load a
     * shard of its own and match nearly everything. */
    var last = toks[toks.length - 1];
    if (toks.length > 1 && last.partial && last.f.length < 2) toks = toks.slice(0, -1);
    var per, named = null, adjacent = [];
    return this.ready().then(function () {
      return Promise.all(toks.map(function (t) { return self.termScores(t); }).concat(
        joined.f.length >= 3 ? [self.termScores(joined, true)] : []));
    }).then(function (scores) {
      if (scores.length > toks.length) named = scores.pop();
      per = scores;
      // A word followed by a space is complete: the words that follow it are fetched now, so
      // they are there when the next word is typed.
      if (!toks[toks.length - 1].partial) per[per.length - 1].bterms.forEach(function (key) { self.pairsOf(key); });
      var words = toks.map(function (t, i) { return { id: t.f + " " + t.x + (t.partial ? " *" : ""), scores: per[i] }; });
      return Promise.all(words.slice(1).map(function (w, i) { return self.adjacency(words[i], w); }));
    }).then(function (adj) {
      adjacent = adj;
      var m = self.manifest, countryIndex = -1;
      if (opts.country) countryIndex = m.countries.findIndex(function (c) { return c[0] === opts.country; });
      var phrasePairs = [];  // i: words i and i + 1 stand in one quoted phrase
      for (var i = 0; i + 1 < toks.length; i++) phrasePairs.push(toks[i].phrase && toks[i + 1].phrase && toks[i].group === toks[i + 1].group);
      var limit = opts.limit || 10;
      /* The best `limit` documents, best first (ties: archive order), and how many match: a
       * short sorted list rather than sorting thousands of matches on every keystroke. */
      function combine(requireAll) {
        var top = [], total = 0;
        for (var d = 0; d < self.n; d++) {
          var count = 0, score = 0, k;
          for (k = 0; k < per.length; k++) if (per[k].hit[d]) { count += 1; score += per[k].s[d]; }
          // lunr divides a score by the query's own norm, so a boost inside a one-clause query
          // cancels out: the weight of an exact name is applied here instead.
          // A query that is exactly one of a record's names beats one that only begins one.
          if (named && named.hit[d]) { score += NAME_WEIGHT * (named.exact[d] ? 1 : 0.25); count = per.length; }
          if (count === 0 || (requireAll && count < per.length)) continue;
          if (opts.year && m.year[d] !== +opts.year) continue;
          if (opts.country && m.country[d].indexOf(countryIndex) < 0) continue;
          var bonus = 0, phraseOk = true;
          for (k = 0; k < adjacent.length; k++) {
            if (adjacent[k][d]) bonus += 1;
            else if (phrasePairs[k]) phraseOk = false;
          }
          if (!phraseOk) continue;
          total += 1;
          score *= 1 + 0.75 * bonus;
          if (top.length === limit && score <= top[limit - 1].score) continue;  // d comes after: ties keep archive order
          var at = top.length;
          while (at > 0 && top[at - 1].score < score) at -= 1;
          top.splice(at, 0, { ref: d, score: score, kind: m.kind[d] });
          if (top.length > limit) top.pop();
        }
        return { results: top, total: total };
      }
      var found = combine(true), partialMatch = false;
      if (!found.total && toks.length > 1) { found = combine(false); partialMatch = found.total > 0; }
      /* Highlight what really matched: "gyeosangbuk" found "gyeongsangbuk", "quo" found "quoc". */
      var marks = [];
      per.forEach(function (p, i) {
        p.terms.forEach(function (term) { marks.push({ f: term, partial: self.lang === "en", group: toks[i].group }); });
      });
      return { results: found.results, total: found.total, tokens: marks, query: toks, partialMatch: partialMatch };
    });
  };
  /* What a result shows but its snippet: title, link, label, partners, kind. */
  Engine.prototype.docs = function (refs) {
    var c = this.cards, kinds = ["article", "partner", "person"], m = this.manifest;
    return Promise.resolve(refs.map(function (r) {
      return { t: c.title[r], u: c.url[r], l: c.label[r], k: kinds[m.kind[r]],
               p: c.partners[r].map(function (i) { return c.names[i]; }) };
    }));
  };
  /* The texts of the documents shown, a promise each, for their snippets: a file each, two at a
   * time, best first, so they never hold up the shards of the next keystroke (a browser opens
   * six connections to a host; eight snippet files at once made the next word wait 50–80 ms).
   * Asking again replaces the documents still waiting. */
  Engine.prototype.texts = function (refs) {
    var self = this, byLang = registry.text[this.lang] = registry.text[this.lang] || {};
    this.textQueue = refs.filter(function (r) { return !(r in byLang); });
    var each = refs.map(function (r) {
      if (r in byLang) return Promise.resolve(byLang[r]);
      return new Promise(function (resolve) {
        if (!self.textWaiting.has(r)) self.textWaiting.set(r, []);
        self.textWaiting.get(r).push(resolve);
      });
    });
    function pump() {
      while (self.textLoading < 2 && self.textQueue.length) {
        var r = self.textQueue.shift();
        if (r in byLang) continue;
        self.textLoading += 1;
        var finish = function (r) {
          return function () {
            self.textLoading -= 1;
            (self.textWaiting.get(r) || []).forEach(function (resolve) { resolve(byLang[r]); });
            self.textWaiting.delete(r);
            pump();
          };
        }(r);
        load(self.base + self.lang + "/d/" + r + ".js").then(finish, finish);
      }
    }
    pump();
    return each;
  };
  Engine.EXACT = EXACT; Engine.PREFIX = PREFIX; Engine.FUZZY = FUZZY;
  api.Engine = Engine;

  // ---- snippets -----------------------------------------------------------------------------
  /* The text lower-cased and folded character by character, so offsets in it are offsets in the
   * text; a character whose folded form has another length is kept as it is. */
  var folded1 = new Map(), foldedTexts = new Map();
  function foldedSameLength(text) {
    var done = foldedTexts.get(text);  // the same pages come back as a word is typed
    if (done === undefined) {
      foldedTexts.set(text, done = foldText(text));
      if (foldedTexts.size > 64) foldedTexts.delete(foldedTexts.keys().next().value);
    }
    return done;
  }
  function foldText(text) {
    return text.replace(/[^a-z0-9\s.,;:()]/gu, function (ch) {
      var f = folded1.get(ch);
      if (f === undefined) {
        var lower = ch.toLowerCase();
        f = fold(lower);
        if (f.length !== ch.length) f = lower.length === ch.length ? lower : ch;
        folded1.set(ch, f);
      }
      return f;
    });
  }
  /* Where the words found stand in the text: one regular expression for them all. */
  function matchSpans(text, toks) {
    var folded = foldedSameLength(text), spans = [], group = new Map(), full = [], part = [];
    toks.forEach(function (t, i) {
      if (!group.has(t.f)) group.set(t.f, i);
      (t.partial ? part : full).push(t.f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    });
    var byLength = function (a, b) { return b.length - a.length; };
    var alts = [];
    if (full.length) alts.push("(" + full.sort(byLength).join("|") + ")(?![\\p{L}\\p{N}])");
    if (part.length) alts.push("(" + part.sort(byLength).join("|") + ")");
    if (!alts.length) return spans;
    var re = new RegExp("(?<![\\p{L}\\p{N}])(?:" + alts.join("|") + ")", "gu"), m;
    while ((m = re.exec(folded)) !== null) {
      var word = m[1] !== undefined ? m[1] : m[2];
      spans.push([m.index, m.index + word.length, group.get(word)]);
    }
    return spans;
  }
  /* The stretch of about `width` characters of the text that holds the most distinct words
   * found, and where the words found stand in the text: {start, end, spans: [[from, to, word], …]}. */
  function excerpt(text, toks, width) {
    width = width || 220;
    var spans = matchSpans(text, toks);
    var start = 0;
    if (spans.length) {
      var best = -1, bestStart = spans[0][0], counts = new Map(), j = 0;
      for (var i = 0; i < spans.length; i++) {  // spans[i..j) lie within width of spans[i]
        while (j < spans.length && spans[j][1] <= spans[i][0] + width) {
          counts.set(spans[j][2], (counts.get(spans[j][2]) || 0) + 1);
          j += 1;
        }
        if (counts.size > best) { best = counts.size; bestStart = spans[i][0]; }
        var c = counts.get(spans[i][2]) - 1;
        if (c > 0) counts.set(spans[i][2], c); else counts.delete(spans[i][2]);
      }
      start = Math.max(0, bestStart - 40);
      var space = text.lastIndexOf(" ", start);
      if (start > 0 && space > start - 20) start = space + 1;
    }
    return { start: start, end: Math.min(text.length, start + width), spans: spans };
  }
  api.excerpt = excerpt;
})();
