"""Pages at the old addresses of moved articles, pointing to the new ones.

A correction that gives an article a new slug moves its page; links and bookmarks to the old
address must keep working. `tnarchive convert` records every move in its manifest
(docs/vi/articles/.manifest.json, "redirects": old slug → new slug); after a build this writes a
small page at each old address, in both languages, that sends the reader on (a relative link:
it works from file:// too). An address that a live page uses again is left to that page. A
translation whose `of:` names the old slug stays paired with its article (catalog/loader.py reads
`of` through these moves).
"""
from __future__ import annotations

from pathlib import Path

from ..catalog.loader import moved_articles

PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={new}.html"><link rel="canonical" href="{new}.html">
<title>{new}</title></head>
<body><p><a href="{new}.html">{new}</a></p></body></html>
"""


def write_pages(manifest: Path, site: Path, articles_dir: str = "articles") -> int:
    """In each language, whichever of the two addresses has no page gets one sending the reader to
    the other (a translation not yet renamed after the move still lives at the old address)."""
    written = 0
    for old, new in sorted(moved_articles(manifest).items()):
        for lang, folder in (("vi", site / articles_dir), ("en", site / "en" / articles_dir)):
            for missing, there in ((old, new), (new, old)):
                page = folder / f"{missing}.html"
                if folder.is_dir() and not page.exists() and (folder / f"{there}.html").exists():
                    page.write_text(PAGE.format(lang=lang, new=there), encoding="utf-8")
                    written += 1
    return written
