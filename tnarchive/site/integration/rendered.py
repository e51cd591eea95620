"""Article bodies rendered to HTML once, before the languages are built, and shared by them.

An article's Markdown is the same on the Vietnamese page and on the English page that falls
back to it, and rendering it (Python-Markdown, about 4 ms for an article) is the largest cost of
a page. So every article body and translation is rendered once, in forked processes, before the
site's languages are built (the build of each language is forked from the process that holds
them), and the plugin gives MkDocs the cached HTML instead of the Markdown.

Rendering goes through MkDocs' own Page.render steps, with the site's Markdown extensions, so
the HTML, the table of contents and the anchors are exactly those MkDocs makes; the lines of
article text the converter wrote skip Python-Markdown's inline patterns (see `skeleton`), and
the page's own render takes the result (`use`) instead of making a Markdown object again.
A body whose HTML has a link or an image is not cached: MkDocs rewrites those relative to the
page and its language, so such a page is left to MkDocs. The cache lives as long as the process, so
`mkdocs serve` renders only what changed.

The trick: MkDocs' private page processors (`pages._RawHTMLPreprocessor` and the others) and
`page._title_from_render`, and a page's `render` replaced (`take_over`). Guard: MkDocs 1.6.1 and
those names present (`usable`); otherwise nothing is rendered ahead and MkDocs renders each page
itself. What it buys: about a third of a build's time (each body rendered once for both
languages, in forked processes, and the article lines skip Python-Markdown's inline patterns).
"""
from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import markdown
from mkdocs.structure import pages
from mkdocs.structure.toc import TableOfContents, get_toc
from mkdocs.utils import meta as mkdocs_meta

from ...forked import fork_imap
from ..article import add_anchors
from . import guard

BODIES_PER_JOB = 200  # fewer bodies per process than this: rendering in one process is quicker


@dataclass
class Rendered:
    content: str
    toc: TableOfContents
    title: str | None
    anchors: set[str]


_PRIVATE = ("_RawHTMLPreprocessor", "_ExtractAnchorsTreeprocessor", "_RelativePathTreeprocessor",
            "_ExtractTitleTreeprocessor")


@functools.cache
def usable() -> bool:
    """MkDocs is the version this was written against, with the private names it uses."""
    init = getattr(pages.Page.__init__, "__code__", None)  # where a Page gets _title_from_render
    return (guard.written_for(guard.MKDOCS, "rendered (article bodies rendered ahead)")
            and all(hasattr(getattr(pages, name, None), "_register") for name in _PRIVATE)
            and init is not None and "_title_from_render" in init.co_names)


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
    plain = skeleton(text, md.ESCAPED_CHARS)
    if plain is None:
        content = md.convert(text)
    else:
        lines = plain[1]
        content = _PLACEHOLDER.sub(lambda m: lines[int(m[1])], md.convert(plain[0]))
    if relative.links_to_anchors or "<a " in content or "<img" in content:
        return None
    return Rendered(content, get_toc(getattr(md, "toc_tokens", [])), title.title,
                    set(anchors.present_anchor_ids | raw_html.present_anchor_ids))


# The converter's Markdown (tnarchive.render, then add_anchors) is a few shapes of block, each
# line of text escaped so that nothing in it is markup. Python-Markdown spends most of an
# article's time matching its inline patterns against those long lines of plain text, so
# `skeleton` swaps each line for a placeholder, Python-Markdown renders the rest (headings,
# ids, classes, lists, the table of contents, the title: all its own work), and the lines go
# back in as `inline` renders them: escapes undone, entities kept, & and > escaped, as
# Python-Markdown does. Anything else (a curated translation written by hand, say) is left
# whole to Python-Markdown. tests/test_rendered.py holds the two to the same output.
_PLACEHOLDER = re.compile(r"TNAFASTLINE(\d+)Z")
# What would make a line of text more than text for Python-Markdown: inline markup, raw HTML,
# attribute lists, tables, tabs, control characters, leading or trailing space.
_NOT_PLAIN = re.compile(r"[`*_\[\]<{}|~\t\r\x00-\x08\x0b-\x1f\x7f]|^\s|\s$")
# What would make a block's first line more than a paragraph: a heading, quote, list, rule, code.
_BLOCK_START = re.compile(r"[#>=+\-]|\d+[.)]")
_ATTRS = re.compile(r"\{:( \.(lead|caption))? #p\d+ \}")
_INLINE: dict[tuple[str, ...], tuple[re.Pattern, re.Pattern]] = {}
_HTML = {"&": "&amp;", ">": "&gt;"}


def inline(line: str, escaped: list[str]) -> str | None:
    """Python-Markdown's HTML for one line of escaped plain text, or None if it is more than that:
    a backslash before one of *escaped* stands for that character; an entity stays as it is;
    any other & and > are escaped."""
    key = tuple(escaped)
    if key not in _INLINE:
        chars = "[" + re.escape("".join(key)) + "]"
        _INLINE[key] = (re.compile("\\\\" + chars),
                        re.compile("\\\\(" + chars + ")|&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z0-9]+);|[&>]"))
    escapes, parts = _INLINE[key]
    if _NOT_PLAIN.search(escapes.sub("", line)):  # markup but for what a backslash makes text
        return None
    return parts.sub(lambda m: _HTML.get(m[1], m[1]) if m[1] is not None else _HTML.get(m[0], m[0]), line)


def skeleton(text: str, escaped: list[str]) -> tuple[str, list[str]] | None:
    """(*text* with each line of article text replaced by a placeholder, those lines' HTML), or
    None when *text* is not only the converter's shapes of block: one heading line; one line of
    text with or without its attribute list ({: .lead #p1 }); lines of a list ("- …")."""
    if not text.endswith("\n") or "\n\n\n" in text or "TNAFASTLINE" in text:
        return None
    out, lines = [], []

    def hold(line: str) -> str | None:
        html = inline(line, escaped)
        if html is None or not line or _BLOCK_START.match(line):
            return None
        lines.append(html)
        return f"TNAFASTLINE{len(lines) - 1}Z"

    for block in text[:-1].split("\n\n"):
        rows = block.split("\n")
        first = rows[0]
        if first.startswith(("# ", "## ")) and len(rows) == 1:
            out.append(block)
            continue
        if first.startswith("- "):
            held = [hold(r[2:]) if r.startswith("- ") else None for r in rows]
            if None in held:
                return None
            out.append("\n".join(f"- {h}" for h in held))
            continue
        if len(rows) > 2 or (len(rows) == 2 and not _ATTRS.fullmatch(rows[1])):
            return None
        held_line = hold(first)
        if held_line is None:
            return None
        out.append("\n".join([held_line] + rows[1:]))
    return "\n\n".join(out) + "\n", lines


def take_over(page, done: Rendered) -> None:
    """MkDocs calls page.render next: this page's takes the body rendered ahead of time instead
    of making a Markdown object (1 ms a page) to render it again."""
    page.render = functools.partial(use, page, done)


def use(page, done: Rendered, config=None, files=None) -> None:
    """What Page.render sets on *page*, from a body rendered ahead of time (it has no links, or
    it would not have been cached)."""
    page.content, page.toc, page._title_from_render = done.content, done.toc, done.title
    page.present_anchor_ids = set(done.anchors)
    page.links_to_anchors = {}


def cached(text: str, file, files, config) -> Rendered | None:
    """The body rendered ahead (rendered now if not yet), or None: MkDocs renders the page itself."""
    if not usable():
        return None
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
    if not usable():
        return
    todo: dict[tuple[str, str], str] = {}
    for path in paths:
        text = anchored_body(path)
        key = _key(config, text)
        if key not in _CACHE:
            todo[key] = text
    results = fork_imap(lambda text: render(text, file, files, config), list(todo.values()), BODIES_PER_JOB, jobs)
    for key, result in zip(todo, results):
        _CACHE[key] = result
