"""Saved web pages (.html) → the same plain text a copied page gives, plus what the markup says.

Block elements become lines separated by blank lines, list items become "- " lines,
scripts, styles and forms disappear. The <h1> (or og:title), the published time,
the author and the canonical URL in <meta> tags are passed on as hints: they are
better evidence than anything guessed from text.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

# bs4 is imported by the functions that use it: most pages are plain text, and importing it
# (soupsieve's CSS parser with it) was 0.12 s of every `tnarchive convert`'s start-up.

_DROP = {"script", "style", "noscript", "template", "iframe", "svg", "form", "button", "select", "input", "textarea", "object", "embed", "canvas"}
_BLOCK = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "h1", "h2", "h3", "h4",
    "h5", "h6", "ul", "ol", "li", "figure", "figcaption", "blockquote", "table", "tr", "td", "th", "pre",
    "address", "dl", "dt", "dd", "hr", "caption", "center",
}


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    from bs4 import Tag

    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        if isinstance(tag, Tag) and tag.get("content"):
            return str(tag["content"]).strip()
    return None


def html_to_text(html: str) -> tuple[str, dict]:
    from bs4 import BeautifulSoup, NavigableString, Tag

    soup = BeautifulSoup(html, "html.parser")
    h1 = soup.find("h1")
    canonical = soup.find("link", attrs={"rel": "canonical"})
    hints = {
        "title": (h1.get_text(" ", strip=True) if isinstance(h1, Tag) else None) or _meta(soup, "og:title"),
        "published": _meta(soup, "article:published_time", "pubdate", "date", "dc.date"),
        "author": _meta(soup, "author", "article:author", "dc.creator"),
        "url": (str(canonical["href"]) if isinstance(canonical, Tag) and canonical.get("href") else None)
        or _meta(soup, "og:url"),
        "site_name": _meta(soup, "og:site_name"),
    }
    if not hints["title"] and soup.title and soup.title.string:
        hints["title"] = soup.title.string.strip()
    for tag in soup.find_all(_DROP):
        tag.decompose()
    parts: list[str] = []

    def walk(node):
        for child in node.children:
            if isinstance(child, NavigableString):
                if child.__class__.__name__ in ("Comment", "Doctype", "Declaration", "ProcessingInstruction", "CData"):
                    continue
                parts.append(str(child).replace("\n", " "))
            elif isinstance(child, Tag):
                if child.name == "br":
                    parts.append("\n")
                    continue
                if child.name == "img":
                    continue
                block = child.name in _BLOCK
                if block:
                    parts.append("\n\n")
                if child.name == "li":
                    parts.append("- ")
                walk(child)
                if block:
                    parts.append("\n\n")

    body = soup.body or soup
    walk(body)
    return "".join(parts), {k: v for k, v in hints.items() if v}
