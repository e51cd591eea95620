"""Read the archive's sources into a Catalog: the one place outside MkDocs that does (export uses it too).

Reading is cached for the life of the process, keyed by what each result depends on: a
file's front matter by its path, size and modification time; an article's events by its
text, its translation and the data files. `mkdocs serve` rebuilds in the same process,
so after an edit only the edited article is read and searched for events again. On a
cold build, events (the slowest part of loading) are extracted in forked processes.
"""
from __future__ import annotations

import hashlib
import multiprocessing as mp
import os
from pathlib import Path

import frontmatter

from ..convert import load_context
from ..extract.entities import Matcher
from .catalog import Article, Catalog, Event, build_catalog
from .events import all_events, extract_events

INPUTS = ("docs", "data", "overrides", "mkdocs.yml")
ARTICLES_PER_JOB = 200  # fewer articles per process than this: extracting in one process is quicker

_POSTS: dict[Path, tuple[tuple[int, int], tuple[dict, str]]] = {}  # path → ((mtime, size), (meta, body))
_EVENTS: dict[tuple, list[Event]] = {}  # (data digest, article key) → its events


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


_WORK: tuple[list[Article], Matcher] | None = None  # what a forked worker extracts from


def _extract(i: int) -> list[Event]:
    articles, matcher = _WORK
    return extract_events(articles[i], matcher)


def _extract_all(articles: list[Article], matcher: Matcher, jobs: int | None = None) -> list[list[Event]]:
    """extract_events of every article, in order, in up to *jobs* forked processes."""
    global _WORK
    jobs = jobs or max(1, min(os.cpu_count() or 1, len(articles) // ARTICLES_PER_JOB))
    if jobs == 1 or "fork" not in mp.get_all_start_methods():
        return [extract_events(a, matcher) for a in articles]
    _WORK = (articles, matcher)
    try:
        with mp.get_context("fork").Pool(jobs) as pool:
            return pool.map(_extract, range(len(articles)), chunksize=32)
    finally:
        _WORK = None


def load_catalog(docs: Path, data: Path, articles_dir: str = "articles") -> Catalog:
    ctx = load_context(data)
    vi, en = [], {}
    for f in sorted((docs / "vi" / articles_dir).glob("*.md")):
        vi.append(_post(f))
    for f in sorted((docs / "en" / articles_dir).glob("*.md")):
        meta, body = _post(f)
        en[(meta.get("translation") or {}).get("of") or f.stem] = (meta, body)
    cat = build_catalog(vi, en, ctx.authority)
    digest = _data_digest(data)
    keys = {a.slug: (digest, _event_key(a)) for a in cat.articles}
    todo = [a for a in cat.articles if keys[a.slug] not in _EVENTS]
    for art, found in zip(todo, _extract_all(todo, ctx.matcher)):
        _EVENTS[keys[art.slug]] = found
    live = set(keys.values())
    for key in [k for k in _EVENTS if k not in live]:  # an edited article's old events
        del _EVENTS[key]
    cat.events = all_events(cat, ctx.matcher, {a.slug: _EVENTS[keys[a.slug]] for a in cat.articles})
    return cat


def inputs_digest(root: Path) -> str:
    """SHA-256 over every file a build reads (docs/, data/, overrides/, mkdocs.yml): is site/ current?"""
    h = hashlib.sha256()
    for name in INPUTS:
        base = root / name
        paths = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file()) if base.exists() else []
        for p in paths:
            h.update(str(p.relative_to(root)).encode() + b"\0" + hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()
