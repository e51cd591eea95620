"""The archive's search index: per language, lunr's postings split by term, so a reader loads little.

Every page of one language (articles, partners, people) is a document with six fields, all
folded (lower case, no tone or other marks, đ → d) by the same rules as search-engine.js (`tokens`
there and here, and `fold` there, text.fold_search_token here): t (title), b (title + text), e (the accented forms, so "hợp"
ranks above "hộp" for the query "hợp"), n (a partner's or person's own names and aliases, in
both languages), a (the names and aliases of the partners and people an article is linked
to), k (each whole name of a partner or person as one joined token, "luangprabang", so a
query that is exactly one of its names puts its page first). English titles and text are
stemmed with lunr's Porter stemmer, as search-engine.js stems English queries.

The files, under assets/search/<lang>/, all scripts (`tnaSearch.shard(…)`) so they load from
file:// where fetch() cannot:
- manifest.js: the shard files, the keys each holds and how often their terms stand in the
  text (so search-engine.js can fetch the file a word being typed most likely needs next before
  the next key is pressed); the number of documents and every
  document's field lengths (what lunr's BM25 normalises by); per document its kind, year and
  countries (the filters).
- s/<key>.js: the terms whose folded form starts with one of the file's keys (a key grows by
  one letter until its terms are small; small neighbours share a file, named after the first):
  per term and field, its documents and term frequencies, as
  little-endian integers in base64 (search_postings explains why not lunr's JSON). In
  Chromium a script file costs 10–20 ms however small, parsing 100 KB more about 1 ms:
  shards are few and large rather than many and small.
- p/<key>.js: for the same terms, the terms that follow them in the text and where (for
  adjacency and phrases): 40% of the index, loaded once a word is complete, for the next.
- cards.js: every document's title, link, label (date or kind) and partners: what a result
  shows but its snippet, loaded with the manifest, so results show without waiting for files.
- d/<n>.js: one document's text, loaded when the document is shown, for its snippet.
`files` yields the files one at a time and `write` writes each as it comes, so the index is
never held whole as text.
"""
from __future__ import annotations

import base64
import json
import os
import re
import shutil
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from lunr.stemmer import stemmer
from lunr.token import Token

from ..catalog.model import Article, Catalog
from ..text import fold_search_token
from .l10n import format_date, kind_label
from .markup import page_url, partner_name, person_name
from .search_postings import Postings, uint_array, width

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
FIELDS = ("t", "b", "e", "n", "a", "k")
SHARD_BYTES = 100_000  # split a shard by one more letter above this size (base64 bytes)
KIND = {"article": 0, "partner": 1, "person": 2}


class _ChunkTable(dict):
    """A run of text between spaces ("nguyên,") → its tokens (("nguyên",)), each worked out once.

    Tokens never span a space, so the tokens of a text are those of its space-separated runs, in
    order; str.split and lookups are several times faster than a regular expression over every
    character, and the tokenizer is most of the cost of indexing a page."""

    def __init__(self, keep):
        super().__init__()
        self.keep = keep

    def __missing__(self, chunk: str) -> tuple[str, ...]:
        self[chunk] = out = self.keep(_WORD.findall(chunk))
        return out


_FOLDED_CHUNKS = _ChunkTable(lambda found: tuple(map(fold_search_token, found)))
_ACCENTED_CHUNKS = _ChunkTable(lambda found: tuple(w for w in found if fold_search_token(w) != w))


def tokens(text: str) -> list[str]:
    """Runs of letters and digits, NFC, lower case: search-engine.js's `tokens`."""
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


def folded_tokens(text: str) -> tuple[list[str], set[str]]:
    """The folded tokens of *text* in order, and the set of its tokens that folding changes (lower case)."""
    chunks = unicodedata.normalize("NFC", text).lower().split()
    folded = list(chain.from_iterable(map(_FOLDED_CHUNKS.__getitem__, chunks)))
    accented = set(chain.from_iterable(map(_ACCENTED_CHUNKS.__getitem__, set(chunks))))
    return folded, accented


@dataclass
class Doc:
    kind: str
    title: str
    url: str  # site-root-relative
    text: str  # plain text shown in snippets
    date: str | None = None
    year: int = 0
    countries: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)  # display names
    names: str = ""  # field n
    keys: list[str] = field(default_factory=list)  # field k: whole names
    linked: str = ""  # field a
    label: str = ""  # date or kind, shown beside the title
    in_vi: bool = False  # an English page's document whose title and text are Vietnamese (untranslated)


def _article_text(art: Article, lang: str) -> str:
    blocks = art.translation.blocks if lang == "en" and art.translation else art.blocks
    return "\n".join(b.text for b in blocks if b.kind != "title")


def documents(cat: Catalog, lang: str) -> list[Doc]:
    auth = cat.authority
    docs: list[Doc] = []
    for art in cat.articles:
        names = []
        for pid in art.partners:
            p = auth.partners[pid]
            names += [p.name_vi, p.name_en, *p.aliases, *p.ambiguous_aliases]
        for pid in art.people:
            p = auth.people[pid]
            names += [p.name, p.name_en or "", *p.aliases]
        countries = sorted({c for c in (auth.country_of(p) for p in art.partners) if c})
        docs.append(Doc(
            "article", art.title_in(lang), art.url(lang), _article_text(art, lang), art.date, art.year or 0, countries,
            [partner_name(cat, p, lang) for p in art.partners[:6]], "", [], " ".join(names),
            format_date(art.date, art.date_precision, lang), lang == "en" and not art.translation,
        ))
    # A partner page is a search result while it shows articles: named by one, or holding a partner
    # that is. (A record no article names yet, such as an agency added for pages to come, would
    # otherwise outrank the articles for the words of its long name: "Cơ quan Hợp tác Quốc tế …".)
    shown = {a for pid in cat.by_partner for a in (pid, *cat.ancestors(pid))}
    for pid, p in sorted(auth.partners.items()):
        if pid not in shown:
            continue
        country = auth.country_of(pid)
        text = " · ".join([p.name_vi, p.name_en, kind_label(p.kind, lang), *p.aliases])
        names = [p.name_vi, p.name_en, *p.aliases, *p.ambiguous_aliases]
        docs.append(Doc("partner", partner_name(cat, pid, lang), page_url("partners", pid, lang), text, None, 0,
                        [country] if country else [], [], " ".join(names), names, "", kind_label(p.kind, lang)))
    for pid, p in sorted(auth.people.items()):
        roles = [str(r.get("role_vi" if lang == "vi" else "role_en") or r.get("role_vi") or "") for r in p.roles]
        names = [p.name, p.name_ascii, p.name_en or "", *p.aliases]
        docs.append(Doc("person", person_name(cat, pid, lang), page_url("people", pid, lang),
                        " · ".join([p.name, *roles]), None, 0, [], [], " ".join(names), [n for n in names if n], "",
                        roles[-1] if roles else ""))
    return docs


class _StemTable(dict):
    """Folded English word → lunr's Porter stem, each worked out once."""

    def __missing__(self, word: str) -> str:
        self[word] = out = str(stemmer(Token(word)))
        return out


_STEMS = _StemTable()


def _fields(doc: Doc, lang: str) -> dict[str, list[str]]:
    b, accented = folded_tokens(doc.title + "\n" + doc.text)
    t = b[: len(tokens(doc.title))]
    if lang == "en":
        t, b = list(map(_STEMS.__getitem__, t)), list(map(_STEMS.__getitem__, b))
    return {
        "t": t,
        "b": b,
        "e": list(accented),
        "n": folded_tokens(doc.names)[0],
        "a": folded_tokens(doc.linked)[0],
        "k": sorted({fold_search_token("".join(tokens(name))) for name in doc.keys if tokens(name)}),
    }


def postings(docs: list[Doc], lang: str) -> Postings:
    """Every document's fields, indexed; documents are numbered in list order."""
    index = Postings(FIELDS, pairs_of="b")
    for doc in docs:
        index.add(_fields(doc, lang))
    return index


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _script(call: str, lang: str, key, data) -> str:
    """One search file: a call that hands its data (JSON, which is JavaScript) to search-engine.js."""
    payload = _dumps(data).replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"tnaSearch.{call}({json.dumps(lang)},{json.dumps(key)},{payload});\n"


def _b64(parts: list[bytes]) -> str:
    return base64.b64encode(b"".join(parts)).decode("ascii")


def shard_keys(sizes: dict[str, int], max_bytes: int = SHARD_BYTES) -> dict[str, str]:
    """Term → key of its shard: the shortest prefix of the folded term whose terms fit in
    *max_bytes*, splitting by one more letter at a time up to four; a term shorter than the
    longer prefixes stays in the shorter shard ("ng" in shard "ng" beside shard "ngu")."""
    out: dict[str, str] = {}

    def place(prefix: str, terms: list[str]) -> None:
        if len(prefix) >= 4 or sum(sizes[t] for t in terms) <= max_bytes or len(terms) == 1:
            out.update((t, prefix) for t in terms)
            return
        longer: dict[str, list[str]] = {}
        for t in terms:
            if len(fold_search_token(t)) > len(prefix):
                longer.setdefault(fold_search_token(t)[: len(prefix) + 1], []).append(t)
            else:
                out[t] = prefix
        for p, ts in sorted(longer.items()):
            place(p, ts)

    by_first: dict[str, list[str]] = {}
    for term in sorted(sizes):
        by_first.setdefault(fold_search_token(term)[:1], []).append(term)
    for p, ts in sorted(by_first.items()):
        place(p, ts)
    return out


def bundles(sizes: dict[str, int], max_bytes: int = SHARD_BYTES) -> list[list[str]]:
    """Shard keys, in order, grouped into files of up to *max_bytes*: splitting "han" leaves
    "hans" and "hanq" with a few hundred bytes each, and a file costs a browser 10–20 ms however
    small, so neighbours share one (a word being typed, "han…", loads a few files, not six)."""
    out: list[list[str]] = []
    total = max_bytes
    for key in sorted(sizes):
        if total + sizes[key] > max_bytes:
            out.append([])
            total = 0
        out[-1].append(key)
        total += sizes[key]
    return out


def _tfs(tfs: list[int]) -> bytes:
    """Term frequencies as 16-bit integers; a word repeated more than 65,535 times in one field
    counts as 65,535 (its BM25 component has long stopped growing)."""
    try:
        return uint_array(tfs, "H")
    except OverflowError:
        return uint_array([min(tf, 0xFFFF) for tf in tfs], "H")


def _shards(index: Postings, ids: str) -> Iterator[tuple[list[str], list[int], dict, dict]]:
    """(keys, their weights, postings, following words) per file, in key order, each made when
    it is written. A key's weight is how many times its terms stand in the pages' titles and
    texts (field b): how likely a word being typed goes on into it. (Not documents per term:
    the commonest words stand in nearly every page, so their document counts are all alike.)"""
    per_doc = 2 + (2 if ids == "H" else 4)
    following = index.following()
    sizes = {t: sum(len(d) for _, d, _ in index.postings(t)) * per_doc * 4 // 3 for t in index.vocabulary()}
    keys = shard_keys(sizes, SHARD_BYTES)
    by_key: dict[str, list[str]] = {}
    for term in sorted(keys):
        by_key.setdefault(keys[term], []).append(term)
    text = index.terms["b"]
    for group in bundles({k: sum(sizes[t] for t in ts) for k, ts in by_key.items()}, SHARD_BYTES):
        weights = [sum(sum(text[t][1::2]) for t in by_key[key] if t in text) for key in group]
        terms = [t for key in group for t in by_key[key]]
        post, parts = [], []
        for term in terms:
            counts = []
            for f, docs, tfs in index.postings(term):
                counts += [f, len(docs)]
                parts += [uint_array(docs, ids), _tfs(tfs)]
            post.append(counts)
        pairs, pair_parts = [], []
        for term in terms:
            nexts = following.get(term)
            if nexts:
                counts = []
                for c in sorted(nexts):
                    counts += [c, len(nexts[c])]
                    pair_parts.append(uint_array(nexts[c], ids))
                pairs.append([term, counts])
        yield group, weights, {"terms": terms, "post": post, "bin": _b64(parts)}, {"next": pairs, "bin": _b64(pair_parts)}


def files(docs: list[Doc], lang: str, country_names: dict[str, str]) -> Iterator[tuple[str, str]]:
    """The search files of *docs*, numbered in list order (see the module docstring)."""
    countries = sorted({c for d in docs for c in d.countries}, key=lambda c: country_names.get(c, c))
    cindex = {c: i for i, c in enumerate(countries)}
    for i, d in enumerate(docs):
        yield f"d/{i}.js", _script("text", lang, i, d.text)
    names = sorted({p for d in docs for p in d.partners})
    pindex = {p: i for i, p in enumerate(names)}
    cards = {"title": [d.title for d in docs], "url": [d.url for d in docs], "label": [d.label for d in docs],
             "partners": [[pindex[p] for p in d.partners] for d in docs], "names": names,
             "vi": [i for i, d in enumerate(docs) if d.in_vi]}  # shown with lang="vi" (search-ui.js)
    yield "cards.js", _script("cards", lang, "cards", cards)
    index = postings(docs, lang)
    ids = width(len(docs))
    keys, weights = [], []
    for group, group_weights, data, following in _shards(index, ids):
        keys.append(group)
        weights.append(group_weights)
        yield f"s/{shard_file(group[0])}.js", _script("shard", lang, group[0], data)
        yield f"p/{shard_file(group[0])}.js", _script("pairs", lang, group[0], following)
    lengths = {}
    for f in FIELDS:
        code = width(max(index.lengths[f], default=0))
        lengths[f] = [2 if code == "H" else 4, sum(index.lengths[f]), _b64([uint_array(index.lengths[f].tolist(), code)])]
    manifest = {
        "shards": keys,  # per shard file, the keys it holds; the file is named after the first
        "weights": weights,  # per shard file, per key, its weight (see _shards): what search-engine.js prefetches
        "n": len(docs),
        "ids": 2 if ids == "H" else 4,
        "lengths": lengths,  # field → [bytes per length, total, lengths in base64]
        "kind": [KIND[d.kind] for d in docs],
        "year": [d.year for d in docs],
        "country": [[cindex[c] for c in d.countries] for d in docs],
        "countries": [[c, country_names.get(c, c)] for c in countries],
        "years": sorted({d.year for d in docs if d.year}, reverse=True),
    }
    yield "manifest.js", _script("manifest", lang, "manifest", manifest)


def write(jobs: list[tuple[str, list[Doc], dict[str, str]]], out: Path, nice: int = 0) -> None:
    """Write each (language, documents, country names) job's files under out/<language>/.

    A language's files are written beside the old ones and put in their place when complete,
    so a site being served never shows half an index. *nice*: lower this process's priority by
    that much first (`mkdocs serve`: an index is background work, the next edit's rebuild is not)."""
    if nice:
        os.nice(nice)
    for lang, docs, country_names in jobs:
        new = out / f".{lang}.new"
        if new.exists():
            shutil.rmtree(new)
        for folder in ("s", "p", "d"):
            (new / folder).mkdir(parents=True)
        for rel, text in files(docs, lang, country_names):  # one file at a time
            (new / rel).write_text(text, encoding="utf-8")
        if (out / lang).exists():
            shutil.rmtree(out / lang)
        new.rename(out / lang)


def shard_file(key: str) -> str:
    """A file name for any prefix, safe on every file system: the key's code points in hex."""
    return "-".join(f"{ord(c):x}" for c in key) or "_"
