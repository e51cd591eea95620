"""Read the archive's sources into a Catalog: the one place outside MkDocs that does (export uses it too).

Reading is cached for the life of the process, keyed by what each result depends on: a
file's front matter by its path, size and modification time; an article (its blocks, its
translation's) by those of its files and the data files; an article's events by its text,
its translation and the data files. `mkdocs serve` rebuilds in the same process,
so after an edit only the edited article is read and searched for events again. On a
cold build, events (the slowest part of loading) are extracted in forked processes.
"""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path

import frontmatter

from ..convert import load_context
from ..forked import fork_map
from .catalog import Article, Catalog, Event, make_article
from .events import all_events, extract_events

INPUTS = ("docs", "data", "overrides", "mkdocs.yml")
ARTICLES_PER_JOB = 200  # fewer articles per process than this: extracting in one process is quicker

_POSTS: dict[Path, tuple[tuple[int, int], tuple[dict, str]]] = {}  # path → ((mtime, size), (meta, body))
_EVENTS: dict[tuple, list[Event]] = {}  # (data digest, article key) → its events
_ARTICLES: dict[tuple, Article] = {}  # (data digest, file, its stat, translation, its stat) → the article


def article_files(docs: Path, articles_dir: str = "articles") -> list[Path]:
    """The generated Vietnamese articles, then the curated English translations."""
    return sorted((docs / "vi" / articles_dir).glob("*.md")) + sorted((docs / "en" / articles_dir).glob("*.md"))


def source_files(docs: Path, data: Path, articles_dir: str = "articles") -> list[Path]:
    return article_files(docs, articles_dir) + sorted(data.rglob("*.yml"))


def _post(path: Path) -> tuple[dict, str]:
    st = path.stat()
    key = (st.st_mtime_ns, st.st_size)
    cached = _POSTS.get(path)
    if cached is None or cached[0] != key:
        post = frontmatter.load(path)
        cached = _POSTS[path] = (key, (post.metadata, post.content))
    return cached[1]


def _data_digest(data: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(data.rglob("*.yml")):
        h.update(str(p.relative_to(data)).encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def _event_key(art: Article) -> tuple:
    tr = art.translation
    return (art.slug, art.date, art.body_sha256, tuple((b.kind, b.anchor, b.text) for b in tr.blocks) if tr else None)


def load_catalog(docs: Path, data: Path, articles_dir: str = "articles") -> Catalog:
    ctx = load_context(data)
    digest = _data_digest(data)
    en: dict[str, tuple[Path, tuple[dict, str]]] = {}
    for f in sorted((docs / "en" / articles_dir).glob("*.md")):
        meta, body = _post(f)
        en[(meta.get("translation") or {}).get("of") or f.stem] = (f, (meta, body))
    articles, live = [], set()
    for f in sorted((docs / "vi" / articles_dir).glob("*.md")):
        meta, body = _post(f)
        tr_path, tr_post = en.get(meta.get("slug"), (None, None))
        key = (digest, f, _POSTS[f][0], tr_path, tr_path and _POSTS[tr_path][0])
        if key not in _ARTICLES:
            _ARTICLES[key] = make_article(meta, body, tr_post, ctx.authority)
        articles.append(_ARTICLES[key])
        live.add(key)
    for key in [k for k in _ARTICLES if k not in live]:
        del _ARTICLES[key]
    cat = Catalog(articles=articles, authority=ctx.authority)
    keys = {a.slug: (digest, _event_key(a)) for a in cat.articles}
    todo = [a for a in cat.articles if keys[a.slug] not in _EVENTS]
    found_all = fork_map(functools.partial(extract_events, matcher=ctx.matcher), todo, ARTICLES_PER_JOB, chunksize=32)
    for art, found in zip(todo, found_all):
        _EVENTS[keys[art.slug]] = found
    live = set(keys.values())
    for key in [k for k in _EVENTS if k not in live]:  # an edited article's old events
        del _EVENTS[key]
    cat.events = all_events(cat, ctx.matcher, {a.slug: _EVENTS[keys[a.slug]] for a in cat.articles})
    cat.fingerprint = fingerprint(cat, digest)
    return cat


def fingerprint(cat: Catalog, data_digest: str) -> str:
    """SHA-256 of what the derived pages, data files, feeds and sitemap show: every article's
    metadata (not its text), the events, and data/. Equal fingerprints, equal derived pages."""
    h = hashlib.sha256(data_digest.encode())
    for a in cat.articles:
        tr = a.translation
        h.update(repr((a.slug, a.seed, a.title, a.date, a.date_precision, a.date_inferred, a.authors, a.source, a.summary,
                       a.people, a.partners, a.unreviewed, a.provenance,
                       tr and (tr.title, tr.summary, tr.translator, tr.translated_on, tr.source_sha256, tr.stale,
                               tr.aligned))).encode())
    for e in cat.events:
        h.update(repr((e.date, e.precision, e.text, e.text_en, e.article, e.anchor, e.partners, e.people)).encode())
    return h.hexdigest()


def inputs_digest(root: Path) -> str:
    """SHA-256 over every file a build reads (docs/, data/, overrides/, mkdocs.yml): is site/ current?"""
    h = hashlib.sha256()
    for name in INPUTS:
        base = root / name
        paths = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file()) if base.exists() else []
        for p in paths:
            h.update(str(p.relative_to(root)).encode() + b"\0" + hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()
