"""Saved web pages (.html) → the same plain text a copied page gives, plus what the markup says.

Block elements become lines separated by blank lines, list items become "- " lines,
scripts, styles and forms disappear. What the page's own markup says is passed on as hints,
better evidence than anything guessed from text, in this order: JSON-LD NewsArticle/Article
(headline, datePublished, author, publisher), OpenGraph and article:published_time,
<time datetime>, <meta name=author>, rel=author links and byline elements, and
<link rel=canonical> for the source URL.
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


_ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNews", "AnalysisNewsArticle", "BlogPosting"}


def _json_ld(soup: BeautifulSoup) -> dict:
    """The page's JSON-LD article object (NewsArticle, Article …), or {}; a broken block is skipped."""
    import json

    for tag in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(tag.get_text() or "null")
        except ValueError:
            continue
        items = data if isinstance(data, list) else (data.get("@graph") or [data]) if isinstance(data, dict) else []
        for item in items:
            kind = item.get("@type") if isinstance(item, dict) else None
            if (kind in _ARTICLE_TYPES) or (isinstance(kind, list) and _ARTICLE_TYPES & set(kind)):
                return item
    return {}


def _names(value) -> list[str]:
    """JSON-LD author/publisher: a name, an object with a name, or a list of them."""
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _hints(soup: BeautifulSoup) -> dict:
    from bs4 import Tag

    ld = _json_ld(soup)
    h1 = soup.find("h1")
    canonical = soup.find("link", attrs={"rel": "canonical"})
    time = soup.find("time", attrs={"datetime": True})
    rel_author = soup.find("a", attrs={"rel": "author"})
    byline = soup.find(class_=lambda c: c and any(k in c.split() for k in ("author", "byline")))
    authors = _names(ld.get("author")) or [
        a for a in [_meta(soup, "author", "article:author", "dc.creator")]
        + [x.get_text(" ", strip=True) for x in (rel_author, byline) if isinstance(x, Tag)] if a
    ][:1]
    return {
        "title": (str(ld["headline"]).strip() if isinstance(ld.get("headline"), str) else None)
        or (h1.get_text(" ", strip=True) if isinstance(h1, Tag) else None) or _meta(soup, "og:title"),
        "published": (str(ld["datePublished"]) if isinstance(ld.get("datePublished"), str) else None)
        or _meta(soup, "article:published_time", "pubdate", "date", "dc.date")
        or (str(time["datetime"]) if isinstance(time, Tag) and "T" in str(time["datetime"]) else None),
        "authors": authors,
        "url": (str(canonical["href"]) if isinstance(canonical, Tag) and canonical.get("href") else None)
        or _meta(soup, "og:url"),
        "site_name": _meta(soup, "og:site_name"),
        "publisher": (_names(ld.get("publisher")) or [None])[0] or _meta(soup, "og:site_name"),
    }


def html_to_text(html: str) -> tuple[str, dict]:
    from bs4 import BeautifulSoup, NavigableString, Tag

    soup = BeautifulSoup(html, "html.parser")
    hints = _hints(soup)
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
