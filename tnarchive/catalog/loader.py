"""Read the archive's sources into a Catalog: the one place outside MkDocs that does (export uses it too).

Reading is cached for the life of the process, keyed by what each result depends on: a
file's front matter by its path, size and modification time; an article (its blocks, its
translation's) by those of its files and the data files; an article's events by its text,
its translation and the data files. `mkdocs serve` rebuilds in the same process,
so after an edit only the edited article is read and searched for events again (the data
files are parsed again only when one of them changed). On a
cold build, events (the slowest part of loading) are extracted in forked processes.
"""
from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from .. import validate
from ..datafiles import load_context
from ..errors import N_, Problem
from ..errors import _ as tr  # `_` is a throwaway name in this module
from ..pipeline import Context
from ..forked import fork_map
from .model import Article, Catalog, Event, make_article
from .events import all_events, extract_events

NO_ORIGINAL = N_("translates an article that does not exist: translation.of '{of}' names no article in "
                  "docs/vi/articles/")

log = logging.getLogger("mkdocs.plugins.tnarchive")
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
INPUTS = ("docs", "data", "overrides", "mkdocs.yml")
ARTICLES_PER_JOB = 200  # fewer articles per process than this: extracting in one process is quicker
FILES_PER_JOB = 400  # the same for reading front matter (under 1 ms a file)

_PATHS: dict[str, Path] = {}
_POSTS: dict[Path, tuple[tuple[int, int], tuple[dict, str]]] = {}  # path → ((mtime, size), (meta, body))
_EVENTS: dict[tuple, tuple[list[Event], bytes]] = {}  # (data digest, article key) → its events, their digest
# (data digest, file, its stat, translation, its stat) → the article and its part of the fingerprint
_ARTICLES: dict[tuple, tuple[Article, bytes]] = {}
_CONTEXT: dict[str, Context] = {}  # data digest → what load_context read (the latest only)
_ALL_EVENTS: dict[str, object] = {}  # the last load's events in date order, and what they came from


def _markdown_files(folder: Path) -> list[tuple[Path, os.stat_result]]:
    """The `*.md` files in *folder* (not below it), sorted by name, each with its stat: one
    scandir instead of a glob and a stat per file (a tenth of the time at 6,500 files)."""
    try:
        with os.scandir(folder) as it:
            found = [(e.name, e) for e in it if e.name.endswith(".md") and e.is_file()]
    except FileNotFoundError:
        return []
    return [(_path(e.path), e.stat()) for _, e in sorted(found)]


def _path(path: str) -> Path:
    """One Path object per file for the life of the process (making 6,500 of them anew on every
    rebuild under `mkdocs serve` took a fifth of a second)."""
    p = _PATHS.get(path)
    if p is None:
        p = _PATHS[path] = Path(path)
    return p


def article_files(docs: Path, articles_dir: str = "articles") -> list[Path]:
    """The generated Vietnamese articles, then the curated English translations."""
    return [p for lang in ("vi", "en") for p, _ in _markdown_files(docs / lang / articles_dir)]


@dataclass(frozen=True)
class Sources:
    """The article files of each language with their stats, and a stamp of every source file (the
    articles and data/, with modification times and sizes): equal stamps, same catalog."""
    vi: list[tuple[Path, os.stat_result]]
    en: list[tuple[Path, os.stat_result]]
    stamp: tuple


def sources(docs: Path, data: Path, articles_dir: str = "articles") -> Sources:
    vi, en = _markdown_files(docs / "vi" / articles_dir), _markdown_files(docs / "en" / articles_dir)
    found = vi + en + [(p, p.stat()) for p in sorted(data.rglob("*.yml"))]
    return Sources(vi, en, tuple((str(p), st.st_mtime_ns, st.st_size) for p, st in found))


def _stat_key(st: os.stat_result) -> tuple[int, int]:
    return st.st_mtime_ns, st.st_size


# An article's front matter that only the archive reads (tnarchive/schema/article.schema.json, and a
# translation's record): MkDocs and the theme read none of it.
ARCHIVE_KEYS = frozenset(json.loads((Path(__file__).parent.parent / "schema" / "article.schema.json")
                                    .read_text(encoding="utf-8"))["properties"]) - {"title"} | {"translation"}


def page_front_matter(meta: dict) -> str:
    """The front matter MkDocs is given for an article's page (the plugin's on_page_read_source):
    its title and any key the archive does not define (hide, template, …), without the archive's
    own metadata, which the plugin reads from the catalog. MkDocs parses each page's front matter
    again, and an article's is long: this saves a millisecond a page."""
    return yaml.dump({k: v for k, v in meta.items() if k not in ARCHIVE_KEYS}, Dumper=_Dumper,
                     allow_unicode=True, width=100_000, sort_keys=False)


def moved_articles(manifest: Path) -> dict[str, str]:
    """Old slug → new slug of the articles a correction moved (the converter's manifest records them;
    it was checked against its schema when convert wrote or read it)."""
    try:
        return dict(json.loads(manifest.read_text(encoding="utf-8")).get("redirects") or {})
    except (OSError, ValueError, AttributeError):
        return {}


def _parse(path: Path) -> tuple[dict, str, str]:
    """One article or translation, checked against its schema (tnarchive/validate.py): a broken
    file fails the build with one line naming it (ArchiveError), as `tnarchive check` reports it."""
    meta, body = validate.read_page(path, "translation" if path.parent.parent.name == "en" else "article")
    return meta, body, page_front_matter(meta)


def _posts(files: list[tuple[Path, os.stat_result]], keep: bool) -> list[tuple[dict, str, str]]:
    """Each file's (front matter, text): from the last load where the file is unchanged, the others
    parsed (in forked processes when there are many: the YAML is most of the time it takes)."""
    todo = [p for p, st in files if (_POSTS.get(p) or (None,))[0] != _stat_key(st)]
    parsed = dict(zip(todo, fork_map(_parse, todo, FILES_PER_JOB, chunksize=64)))
    out = []
    for p, st in files:
        post = parsed[p] if p in parsed else _POSTS[p][1]
        if keep:
            _POSTS[p] = (_stat_key(st), post)
        out.append(post)
    return out


def _data_digest(data: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(data.rglob("*.yml")):
        h.update(str(p.relative_to(data)).encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def _event_key(art: Article) -> tuple:
    tr = art.translation
    return (art.slug, art.date, art.body_sha256, tuple((b.kind, b.anchor, b.text) for b in tr.blocks) if tr else None)


def _context(data: Path, digest: str) -> Context:
    """load_context, read again only when a data file changed (the YAML takes 0.4 s to parse)."""
    ctx = _CONTEXT.get(digest)
    if ctx is None:
        ctx = load_context(data)
        _CONTEXT.clear()
        _CONTEXT[digest] = ctx
    return ctx


def load_catalog(docs: Path, data: Path, articles_dir: str = "articles", found: Sources | None = None,
                 keep: bool = True) -> Catalog:
    """The catalog of the articles in *docs* and the records in *data* (*found*: their files, if
    the caller has listed them already).

    *keep*: remember each file's front matter and text for the next load (`mkdocs serve`). A single
    build passes False: the text is in the catalog's articles already, and a second copy of every
    article kept in memory would be inherited by the forked build of the other language."""
    found = found or sources(docs, data, articles_dir)
    digest = _data_digest(data)
    ctx = _context(data, digest)
    en: dict[str, tuple[Path, tuple[dict, str]]] = {}
    en_stats = dict(found.en)
    posts = _posts(found.vi + found.en, keep)
    page_meta = {os.path.normpath(f): fm for (f, _), (_, _, fm) in zip(found.vi + found.en, posts)}
    moves = moved_articles(docs / "vi" / articles_dir / ".manifest.json")  # a moved article keeps its translation
    for (f, st), (meta, body, _) in zip(found.en, posts[len(found.vi):]):
        of = (meta.get("translation") or {}).get("of") or f.stem
        en[moves.get(of, of)] = (f, (meta, body))
    slugs = {meta["slug"] for meta, _, _ in posts[:len(found.vi)]}
    for of, (f, _post) in sorted(en.items()):
        if of not in slugs:  # a warning: `mkdocs build --strict` fails on it, as `tnarchive check` does
            log.warning(str(Problem(str(f), None, tr(NO_ORIGINAL).format(of=of),
                                    level="warning")))
    articles, article_digests, live = [], {}, set()
    for (f, st), (meta, body, _) in zip(found.vi, posts):
        tr_path, tr_post = en.get(meta.get("slug"), (None, None))
        key = (digest, f, _stat_key(st), tr_path, tr_path and _stat_key(en_stats[tr_path]))
        if key not in _ARTICLES:
            art = make_article(meta, body, tr_post, ctx.authority)
            _ARTICLES[key] = (art, _article_digest(art))
        art, art_digest = _ARTICLES[key]
        articles.append(art)
        article_digests[art.slug] = art_digest
        live.add(key)
    for key in [k for k in _ARTICLES if k not in live]:
        del _ARTICLES[key]
    cat = Catalog(articles=articles, authority=ctx.authority, page_meta=page_meta)
    keys = {a.slug: (digest, _event_key(a)) for a in cat.articles}
    todo = [a for a in cat.articles if keys[a.slug] not in _EVENTS]
    found_all = fork_map(functools.partial(extract_events, matcher=ctx.matcher), todo, ARTICLES_PER_JOB, chunksize=32)
    for art, events in zip(todo, found_all):
        _EVENTS[keys[art.slug]] = (events, _events_digest(events))
    live = set(keys.values())
    for key in [k for k in _EVENTS if k not in live]:  # an edited article's old events
        del _EVENTS[key]
    event_digests = [_EVENTS[keys[a.slug]][1] for a in cat.articles]
    # The events of every article in order, sorted by date: the same list as the last load's when
    # no article's events changed (an edit to a paragraph without any).
    order = (digest, tuple((a.slug, d) for a, d in zip(cat.articles, event_digests)))
    if _ALL_EVENTS.get("order") != order:
        _ALL_EVENTS.update(order=order, events=all_events(cat, ctx.matcher, {a.slug: _EVENTS[keys[a.slug]][0]
                                                                             for a in cat.articles}))
    cat.events = list(_ALL_EVENTS["events"])
    cat.fingerprint = fingerprint(cat, digest, [article_digests[a.slug] for a in cat.articles], event_digests)
    data_part = digest.encode()
    cat.digests = {slug: d + data_part for slug, d in article_digests.items()}
    return cat


def fingerprint(cat: Catalog, data_digest: str, article_digests: list[bytes], event_digests: list[bytes]) -> str:
    """SHA-256 of what the derived pages, data files, feeds and sitemap show: every article's
    metadata (not its text) and its events (their digests, in the order of cat.articles), and
    data/. Equal fingerprints, equal derived pages. The digests are kept with the cached articles
    and their events, so a rebuild after an edit hashes only what the edit changed."""
    h = hashlib.sha256(data_digest.encode())
    for art, events in zip(article_digests, event_digests, strict=True):
        h.update(art)
        h.update(events)
    return h.hexdigest()


def _events_digest(events: list[Event]) -> bytes:
    return hashlib.sha256(repr([(e.date, e.precision, e.text, e.text_en, e.article, e.anchor, e.partners, e.people)
                                for e in events]).encode()).digest()


def _article_digest(a: Article) -> bytes:
    """The part of the fingerprint one article gives: its metadata, not its text."""
    tr = a.translation
    return hashlib.sha256(repr((
        a.slug, a.seed, a.title, a.date, a.date_precision, a.date_inferred, a.authors, a.source, a.summary,
        a.people, a.partners, a.unreviewed, a.provenance,
        tr and (tr.title, tr.summary, tr.translator, tr.translated_on, tr.source_sha256, tr.stale, tr.aligned),
    )).encode()).digest()


def inputs_digest(root: Path) -> str:
    """SHA-256 over every file a build reads (docs/, data/, overrides/, mkdocs.yml): is site/ current?"""
    h = hashlib.sha256()
    for name in INPUTS:
        base = root / name
        paths = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file()) if base.exists() else []
        for p in paths:
            h.update(str(p.relative_to(root)).encode() + b"\0" + hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()
