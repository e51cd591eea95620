"""Sizes of things: a site's pages, its search files, any folder (raw and gzip level 6), and how
the report shows a size or a time."""
from __future__ import annotations

import gzip
import statistics
from pathlib import Path


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def tree_bytes(folder: Path) -> dict:
    raw = zipped = files = 0
    largest = (0, 0, None)
    for p in folder.rglob("*"):
        if p.is_file():
            data = p.read_bytes()
            g = gz(data)
            raw += len(data)
            zipped += g
            files += 1
            if len(data) > largest[0]:
                largest = (len(data), g, str(p.relative_to(folder)))
    return {"files": files, "raw": raw, "gzip": zipped,
            "largest_file": largest[2], "largest_raw": largest[0], "largest_gzip": largest[1]}


def site_stats(site: Path) -> dict:
    total = 0
    html: list[tuple[int, str]] = []
    for p in site.rglob("*"):
        if p.is_file():
            size = p.stat().st_size
            total += size
            if p.suffix == ".html":
                html.append((size, str(p.relative_to(site))))
    html.sort()
    sizes = [s for s, _ in html]
    return {
        "site_bytes": total,
        "html_pages": len(html),
        "median_page_bytes": int(statistics.median(sizes)) if sizes else 0,
        "largest_page_bytes": html[-1][0] if html else 0,
        "largest_page": html[-1][1] if html else None,
        "articles_html": {lang: len(list((site / pre / "articles").glob("*.html")))
                          for lang, pre in (("vi", ""), ("en", "en"))},
    }


def search_index_stats(site: Path) -> dict:
    out = {}
    for lang in ("vi", "en"):
        folder = site / "assets" / "search" / lang
        if folder.is_dir():
            whole = tree_bytes(folder)
            shards = tree_bytes(folder / "s") if (folder / "s").is_dir() else None
            out[lang] = {"raw": whole["raw"], "gzip": whole["gzip"], "files": whole["files"],
                         "largest_shard": shards and shards["largest_file"],
                         "largest_shard_raw": shards and shards["largest_raw"],
                         "largest_shard_gzip": shards and shards["largest_gzip"]}
    return out


def human_bytes(b) -> str:
    if b is None:
        return "–"
    if b >= 1024 ** 3:
        return f"{b / 1024 ** 3:.2f} GB"
    if b >= 1024 ** 2:
        return f"{b / 1024 ** 2:.1f} MB"
    return f"{b / 1024:.1f} KB"


def with_unit(x, unit="s") -> str:
    return "–" if x is None else f"{x:g} {unit}"
