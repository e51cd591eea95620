"""Article bodies rendered to HTML once, before the languages are built, and shared by them.

An article's Markdown is the same on the Vietnamese page and on the English page that falls
back to it, and rendering it (Python-Markdown, about 4 ms for an article) is the largest cost of
a page. So every article body and translation is rendered once, in forked processes, before the
site's languages are built (the build of each language is forked from the process that holds
them), and the plugin gives MkDocs the cached HTML instead of the Markdown.

Rendering goes through MkDocs' own Page.render, with the site's Markdown extensions, so the
HTML, the table of contents and the anchors are exactly those MkDocs makes. A body whose HTML
has a link or an image is not cached: MkDocs rewrites those relative to the page and its
language, so such a page is left to MkDocs. The cache lives as long as the process, so
`mkdocs serve` renders only what changed.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import markdown
from mkdocs.structure import pages
from mkdocs.structure.toc import TableOfContents, get_toc
from mkdocs.utils import meta as mkdocs_meta

from ..forked import fork_imap
from .article import add_anchors

BODIES_PER_JOB = 200  # fewer bodies per process than this: rendering in one process is quicker


@dataclass
class Rendered:
    content: str
    toc: TableOfContents
    title: str | None
    anchors: set[str]


_CACHE: dict[tuple[str, str], Rendered | None] = {}  # (extensions, sha256 of the Markdown) → result
_MARKDOWN: dict[str, markdown.Markdown] = {}  # extensions → this process's Markdown object


def _extensions(config) -> str:
    return json.dumps([repr(config["markdown_extensions"]), repr(config["mdx_configs"])], sort_keys=True)


def _key(config, text: str) -> tuple[str, str]:
    return _extensions(config), hashlib.sha256(text.encode("utf-8")).hexdigest()


def render(text: str, file, files, config) -> Rendered | None:
    """What MkDocs' Page.render makes of *text*, or None when it has links or images.

    Page.render's steps, with one Markdown object per process (reset between bodies) instead of
    a new one per page: making one loads every extension again, which costs as much as rendering
    an article. tests/test_rendered.py holds the result to Page.render's own."""
    key = _extensions(config)
    md = _MARKDOWN.get(key)
    if md is None:
        md = _MARKDOWN[key] = markdown.Markdown(extensions=config["markdown_extensions"],
                                                extension_configs=config["mdx_configs"] or {})
    md.reset()
    raw_html = pages._RawHTMLPreprocessor()
    raw_html._register(md)
    anchors = pages._ExtractAnchorsTreeprocessor(file, files, config)
    anchors._register(md)
    relative = pages._RelativePathTreeprocessor(file, files, config)
    relative._register(md)
    title = pages._ExtractTitleTreeprocessor()
    title._register(md)
    content = md.convert(text)
    if relative.links_to_anchors or "<a " in content or "<img" in content:
        return None
    return Rendered(content, get_toc(getattr(md, "toc_tokens", [])), title.title,
                    set(anchors.present_anchor_ids | raw_html.present_anchor_ids))


def cached(text: str, file, files, config) -> Rendered | None:
    key = _key(config, text)
    if key not in _CACHE:
        _CACHE[key] = render(text, file, files, config)
    return _CACHE[key]


def anchored_body(path: Path) -> str:
    """An article file's Markdown as the plugin hands it to MkDocs: front matter off (cut where MkDocs
    cuts it, without parsing the YAML again: a mismatch would only miss the cache), paragraph anchors on."""
    doc = path.read_text(encoding="utf-8-sig")
    m = mkdocs_meta.YAML_RE.match(doc)
    return add_anchors(doc[m.end():].lstrip("\n") if m else doc)


def prerender(paths: list[Path], file, files, config, jobs: int | None = None) -> None:
    """Render every article file in *paths* not cached yet, in up to *jobs* forked processes.

    *file* is any page File of the build: rendering reads it only to resolve links, and a body
    with links is not cached."""
    todo: dict[tuple[str, str], str] = {}
    for path in paths:
        text = anchored_body(path)
        key = _key(config, text)
        if key not in _CACHE:
            todo[key] = text
    results = fork_imap(lambda text: render(text, file, files, config), list(todo.values()), BODIES_PER_JOB, jobs)
    for key, result in zip(todo, results):
        _CACHE[key] = result
