"""The archive's search index: prebuilt with the `lunr` package, split so a reader loads little.

Per language, one lunr index over every page of that language (articles, partners, people)
is built with lunr.py and then cut into shards by the first letters of each term; every shard
is itself a valid lunr.js index holding, for its terms only, the postings and the documents'
vector components. lunr scores a document as the dot product of the query and document
vectors, so the score for one term is the same in its shard as in the whole index: the browser
loads only the shards of the words typed, queries each with lunr.js, and adds the scores.
Documents' text for snippets lives in small chunks loaded only for the results shown. Every
file is a script (`tnaSearch.shard(…)`), so it loads from file:// where fetch() cannot.

Fields: t (title), b (title + text, with token positions for phrases and adjacency),
e (the accented forms, so "hợp" ranks above "hộp" for the query "hợp"), n (a partner's or
person's own names and aliases, in both languages), a (the names and aliases of the partners
and people an article is linked to), k (each whole name of a partner or person as one joined
token, "luangprabang", so a query that is exactly one of its names puts its page first). Everything is folded (case, tone marks, đ → d) by the
same rules as search.js: see `tokens` and `fold` there and here.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field

import lunr.builder
from lunr import get_default_builder
from lunr.stemmer import stemmer
from lunr.token import Token

from ..text import _COMBINING
from .catalog import Article, Catalog
from .l10n import format_date, kind_label
from .markup import page_url, partner_name, person_name

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_MARKS = _COMBINING  # every combining mark, as \p{M} strips in search.js
FIELDS = ("t", "b", "e", "n", "a", "k")
SHARD_BYTES = 48_000  # split a shard by one more letter above this size
CHUNK_DOCS = 4
KIND = {"article": 0, "partner": 1, "person": 2}


def fold(token: str) -> str:
    """Lower-case, no tone or other marks, đ → d: what search.js does with String.normalize."""
    return _MARKS.sub("", unicodedata.normalize("NFD", token.lower())).replace("đ", "d")


def tokens(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


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
            format_date(art.date, art.date_precision, lang),
        ))
    for pid, p in sorted(auth.partners.items()):
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


_STEMS: dict[str, str] = {}


def _stem(words: list[str]) -> list[str]:
    """English titles and text are stemmed with lunr's Porter stemmer, as search.js stems queries."""
    out = []
    for w in words:
        s = _STEMS.get(w)
        if s is None:
            s = _STEMS[w] = str(stemmer(Token(w)))
        out.append(s)
    return out


def folded_tokens(text: str) -> tuple[list[str], list[str]]:
    """Tokens as written and folded, pairwise. Folding the whole text at once is much faster than
    token by token and gives the same tokens (folding keeps letters letters and adds no breaks)."""
    exact = tokens(text)
    folded = _WORD.findall(fold(unicodedata.normalize("NFC", text)))
    if len(folded) != len(exact):  # a character whose folded form breaks differently: fold one by one
        folded = [fold(w) for w in exact]
    return exact, folded


def _fields(doc: Doc, lang: str) -> dict[str, list[str]]:
    body, b = folded_tokens(doc.title + "\n" + doc.text)
    accented = sorted({w for w, f in zip(body, b) if f != w})
    t = b[: len(tokens(doc.title))]
    if lang == "en":
        t, b = _stem(t), _stem(b)
    return {
        "t": t,
        "b": b,
        "e": accented,
        "n": folded_tokens(doc.names)[1],
        "a": folded_tokens(doc.linked)[1],
        "k": sorted({fold("".join(tokens(name))) for name in doc.keys if tokens(name)}),
    }


def _fast_tokenizer(obj, metadata=None, separator=None):
    """lunr.py's tokenizer walks strings a character at a time; ours are token lists already."""
    return [Token(w, {"index": i}) for i, w in enumerate(obj or [])]


def build_lunr(docs: list[Doc], lang: str = "vi") -> dict:
    """One serialised lunr index (lunr.js 2.3.9 schema) over *docs*; refs are list positions."""
    builder = get_default_builder()
    builder.pipeline.reset()  # no English stemmer or stop words on Vietnamese syllables
    builder.search_pipeline.reset()
    builder.metadata_whitelist = ["index"]
    builder.ref("id")
    for f in FIELDS:
        builder.field(f)
    original = lunr.builder.Tokenizer
    lunr.builder.Tokenizer = _fast_tokenizer
    try:
        for i, doc in enumerate(docs):
            builder.add({"id": str(i), **_fields(doc, lang)})
        return builder.build().serialize()
    finally:
        lunr.builder.Tokenizer = original


def shard(index: dict, max_bytes: int = SHARD_BYTES) -> dict[str, dict]:
    """Cut a serialised lunr index into valid lunr indexes by term prefix (see the module docstring)."""
    postings = {}
    for term, posting in index["invertedIndex"]:
        for f in FIELDS:
            if f != "b":  # positions serve phrases in the text only
                for meta in posting[f].values():
                    meta.pop("index", None)
        postings[term] = posting
    vectors: dict[str, list[tuple[int, float]]] = {}
    for ref, flat in index["fieldVectors"]:
        vectors[ref] = list(zip(flat[0::2], flat[1::2]))

    def size(terms: list[str]) -> int:
        return sum(len(json.dumps(postings[t], separators=(",", ":"))) for t in terms) * 2

    groups: dict[str, list[str]] = {}

    def place(prefix: str, terms: list[str]) -> None:
        if len(prefix) >= 4 or size(terms) <= max_bytes or len(terms) == 1:
            groups[prefix] = terms
            return
        here = [t for t in terms if len(fold(t)) <= len(prefix)]
        longer: dict[str, list[str]] = {}
        for t in terms:
            if len(fold(t)) > len(prefix):
                longer.setdefault(fold(t)[: len(prefix) + 1], []).append(t)
        if here:
            groups[prefix] = here
        for p, ts in sorted(longer.items()):
            place(p, ts)

    by_first: dict[str, list[str]] = {}
    for term in sorted(postings):
        by_first.setdefault(fold(term)[:1], []).append(term)
    for p, ts in sorted(by_first.items()):
        place(p, ts)

    # Every vector component goes to the shard of its term, in one pass over the vectors.
    where: dict[int, tuple[str, int]] = {}
    shards = {}
    for key, terms in groups.items():
        inverted = []
        for i, t in enumerate(terms):
            posting = dict(postings[t])
            where[posting["_index"]] = (key, i)
            posting["_index"] = i
            inverted.append([t, posting])
        shards[key] = {"version": index["version"], "fields": index["fields"], "fieldVectors": [],
                       "invertedIndex": inverted, "pipeline": []}
    for ref, comps in vectors.items():
        per_shard: dict[str, list[tuple[int, float]]] = {}
        for ti, score in comps:
            key, new = where[ti]
            per_shard.setdefault(key, []).append((new, score))
        for key, kept in per_shard.items():
            shards[key]["fieldVectors"].append([ref, [x for pair in sorted(kept) for x in pair]])
    return shards


def _script(call: str, lang: str, key, data) -> str:
    payload = json.dumps(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True), ensure_ascii=False)
    payload = payload.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"tnaSearch.{call}({json.dumps(lang)},{json.dumps(key)},JSON.parse({payload}));\n"


def build(cat: Catalog, lang: str, country_names: dict[str, str]) -> dict[str, str]:
    """All search files of one language: relative path (under assets/search/<lang>/) → script text."""
    docs = documents(cat, lang)
    shards = shard(build_lunr(docs, lang))
    countries = sorted({c for d in docs for c in d.countries}, key=lambda c: country_names.get(c, c))
    cindex = {c: i for i, c in enumerate(countries)}
    manifest = {
        "shards": sorted(shards),
        "docs": [[KIND[d.kind], d.year, [cindex[c] for c in d.countries], i // CHUNK_DOCS] for i, d in enumerate(docs)],
        "countries": [[c, country_names.get(c, c)] for c in countries],
        "years": sorted({d.year for d in docs if d.year}, reverse=True),
        "chunk": CHUNK_DOCS,
    }
    files = {"manifest.js": _script("manifest", lang, "manifest", manifest)}
    for key, data in shards.items():
        files[f"s/{shard_file(key)}.js"] = _script("shard", lang, key, data)
    for start in range(0, len(docs), CHUNK_DOCS):
        chunk = [{"t": d.title, "u": d.url, "l": d.label, "k": d.kind, "p": d.partners, "x": d.text}
                 for d in docs[start:start + CHUNK_DOCS]]
        files[f"d/{start // CHUNK_DOCS}.js"] = _script("chunk", lang, start // CHUNK_DOCS, chunk)
    return files


def shard_file(key: str) -> str:
    """A file name for any prefix, safe on every file system: the key's code points in hex."""
    return "-".join(f"{ord(c):x}" for c in key) or "_"
