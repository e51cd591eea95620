"""The files written beside the pages: data downloads, feeds, sitemap, 404 pages, build stamp, search
scripts, and the pages at moved articles' old addresses.

Each is written from the catalog once the pages of a language (the data files and sitemap: of
every language) are built; what they hold is made by exports.py.
"""
from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import mkdocs.contrib.search

from ..catalog.loader import inputs_digest
from ..catalog.model import Catalog
from . import exports, redirects

STATIC = Path(__file__).parent / "static"  # the archive's search scripts


def keep_404(site: Path, lang: str, default_404: bytes | None) -> bytes | None:
    """Every language build writes site/404.html: each language keeps its own (site/en/404.html).
    Returns the default language's, which this puts back after another language's build."""
    page = site / "404.html"
    if not page.exists():
        return default_404
    if lang == "vi":
        return page.read_bytes()
    (site / lang).mkdir(exist_ok=True)
    page.replace(site / lang / "404.html")
    if default_404:
        page.write_bytes(default_404)
    return default_404


def write_stamp(site: Path, root: Path, cat: Catalog) -> None:
    """What this site was built from, so `tnarchive export` can refuse a stale site/."""
    stamp = {"inputs_sha256": inputs_digest(root), "articles": len(cat.articles)}
    (site / ".tnarchive-build.json").write_text(json.dumps(stamp, indent=2) + "\n", encoding="utf-8")


def write_data_files(site: Path, cat: Catalog, records: dict | None) -> None:
    """data/{articles,partners,people}.{json,csv}. *records*: each article's part, kept between
    `mkdocs serve` rebuilds (exports.articles_files)."""
    (site / "data").mkdir(parents=True, exist_ok=True)
    files = {"articles": exports.articles_files(cat, records)}
    for name, rows in (("partners", exports.partners_records(cat)), ("people", exports.people_records(cat))):
        files[name] = exports.to_json(rows), exports.to_csv(rows)
    for name, (as_json, as_csv) in files.items():
        (site / "data" / f"{name}.json").write_text(as_json, encoding="utf-8")
        (site / "data" / f"{name}.csv").write_text(as_csv, encoding="utf-8")


def write_redirects(site: Path, docs: Path, articles_dir: str) -> None:
    """Every language is built: a page at each moved article's old address (redirects.py)."""
    redirects.write_pages(docs / "vi" / articles_dir / ".manifest.json", site, articles_dir)


def write_feed(site: Path, cat: Catalog, lang: str, site_url: str) -> None:
    feed_path = "feed.xml" if lang == "vi" else "en/feed.xml"
    (site / feed_path).parent.mkdir(parents=True, exist_ok=True)
    (site / feed_path).write_text(exports.atom_feed(cat, lang, site_url, feed_path), encoding="utf-8")


def sitemap_urls(cat: Catalog, derived_pages: list[str]) -> list[tuple[str, dict[str, str]]]:
    """Every page's address and its address in each language: the home page, the derived pages
    (*derived_pages*: their source paths), the articles."""
    urls = [("index.html", {"vi": "index.html", "en": "en/index.html"})]
    for src in derived_pages:
        norm = src[:-3] + ".html"
        urls.append((norm, {"vi": norm, "en": f"en/{norm}"}))
    for a in cat.articles:
        urls.append((a.url("vi"), {"vi": a.url("vi"), "en": a.url("en")}))
    return urls


def write_sitemap(site: Path, urls: list[tuple[str, dict[str, str]]], site_url: str) -> None:
    """One bilingual sitemap (an index and its parts), written once every language is built."""
    for name, xml in exports.sitemap_files(urls, site_url).items():
        (site / name).write_text(xml, encoding="utf-8")
    with open(site / "sitemap.xml.gz", "wb") as fh:  # MkDocs writes one; keep it the index's
        with gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
            gz.write((site / "sitemap.xml").read_bytes())


def copy_search_scripts(site: Path) -> None:
    """The archive's search scripts (every *.js in static/, in name order) and lunr.js, from
    MkDocs' own search plugin, into assets/search/, beside the index."""
    out = site / "assets" / "search"
    out.mkdir(parents=True, exist_ok=True)
    lunr_js = Path(mkdocs.contrib.search.__file__).parent / "templates" / "search" / "lunr.js"
    shutil.copyfile(lunr_js, out / "lunr.js")
    for script in sorted(STATIC.glob("*.js")):
        shutil.copyfile(script, out / script.name)
