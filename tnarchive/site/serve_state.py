"""What the plugin keeps from one build to the next, for `mkdocs serve` (and `--dirty` builds).

The plugin object lives across `mkdocs serve` rebuilds (it defines on_startup), and so does this:
the derived pages last made and the catalog they were made from, their files under `--dirty`,
what the data files, feeds and sitemap were last written from, each article's part of the data
files, and the thread that starts the search index once edits pause.
"""
from __future__ import annotations

import gc
import hashlib
import shutil
import tempfile
import threading
from pathlib import Path

from mkdocs.structure.files import File

from ..catalog.model import Catalog
from . import derived
from .orchestration import SearchIndex

SERVE_SEARCH_NICE = 10  # mkdocs serve: how much lower the search index processes' priority is
SERVE_SEARCH_DELAY = 1.0  # mkdocs serve: seconds without an edit before the search index is remade


class ServeState:
    def __init__(self, command: str = "build", dirty: bool = False):
        self.serving = command == "serve"
        self.dirty = dirty
        # lang → (catalog fingerprint, the catalog the pages were made from, its derived pages by section)
        self.memo: dict[str, tuple] = {}
        self.page_dir: Path | None = None  # --dirty: derived pages as files, rewritten when changed
        self.page_texts: dict[str, tuple[str, str]] = {}  # src_uri → (the page, what its file in page_dir holds)
        self.published: str | None = None  # fingerprint of the data files, feeds and sitemap last written
        self.sitemap: tuple | None = None  # (site_url, the addresses) of the sitemap last written
        self.records: dict | None = {} if self.serving else None  # each article's part of data/articles.*
        self.search_thread: threading.Thread | None = None  # starts the search index after the build
        self.search_cancel = threading.Event()  # set by the next rebuild

    @staticmethod
    def freeze_kept() -> None:
        """After the first build: what every rebuild keeps (catalog, rendered bodies, caches) is left
        out of Python's garbage collections, which otherwise walk it in most rebuilds (about 1 s each
        at 5,000 articles per language). Collected first: the first build's pages are garbage by now."""
        gc.collect()
        gc.freeze()

    def derived_pages(self, cat: Catalog, lang: str) -> dict[str, str]:
        """The derived pages of *lang*. A single build makes them once. Under `mkdocs serve` they are
        made again only when what they show has changed (an edit to an article's text that changes no
        title, date, name or event leaves them as they were), and then only the sections that show the
        edited articles (derived.touched_sections): at 5,000 articles a title edit remakes a few dozen
        pages of a language instead of some seven hundred."""
        if not self.serving:
            return derived.pages(derived.sections(cat, lang))
        memo = self.memo.get(lang)
        if memo is None:
            secs = derived.sections(cat, lang)
        elif memo[0] == cat.fingerprint:
            secs = memo[2]
        else:
            old_cat, old_sections = memo[1], memo[2]
            secs = derived.sections(cat, lang, old_sections, derived.touched_sections(old_cat, cat), old_cat)
        self.memo[lang] = (cat.fingerprint, cat, secs)  # an equal fingerprint: the same metadata and events
        return derived.pages(secs)

    def derived_file(self, config, src_uri: str, content: str, head: str) -> File:
        """MkDocs' File for a derived page. Under `--dirty` it is a real file, rewritten only when the
        page changes, so that MkDocs skips the pages that did not change. (The derived pages are
        remembered while the catalog's fingerprint stays the same: the same *content* object is not
        hashed again.)"""
        if not self.dirty:
            return File.generated(config, src_uri, content=head + "\n---\n")
        if self.page_dir is None:
            self.page_dir = Path(tempfile.mkdtemp(prefix="tnarchive-pages-"))
        path = self.page_dir / src_uri
        known = self.page_texts.get(src_uri)
        if known is not None and known[0] is content:
            text = known[1]
        else:  # a page made again since: hashed again
            text = f"{head}\n---\n<!-- {hashlib.sha256(content.encode('utf-8')).hexdigest()} -->\n"
        if known is None or known[1] != text or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        self.page_texts[src_uri] = (content, text)
        return File(src_uri, str(self.page_dir), config.site_dir, config.use_directory_urls)

    def unpublished(self, cat: Catalog, site: Path) -> bool:
        """--dirty: the data files, feeds and sitemap stay as they are while what they list is unchanged."""
        return not (self.dirty and self.published == cat.fingerprint and (site / "sitemap.xml").exists())

    def sitemap_changed(self, site_url: str, urls: list, site: Path) -> bool:
        """mkdocs serve: an edit that changes no address leaves the sitemap as it was."""
        if not self.serving:
            return True
        if self.sitemap == (site_url, urls) and (site / "sitemap.xml").exists():
            return False
        self.sitemap = (site_url, urls)
        return True

    def index_later(self, search: SearchIndex, cat: Catalog, site: Path) -> None:
        """The pages are served (and the browser reloaded) at once; the index follows once edits
        pause for SERVE_SEARCH_DELAY seconds. An edit within them cancels it: its rebuild neither
        waits for nor competes with an index that would be out of date (handing the documents to
        the index process holds this process for about 1.5 s at 5,000 articles)."""
        cancel = self.search_cancel = threading.Event()

        def later():
            if not cancel.wait(SERVE_SEARCH_DELAY):
                search.start(cat, site, cancel)

        self.search_thread = threading.Thread(target=later, daemon=True)
        self.search_thread.start()

    def cancel_index(self, search: SearchIndex) -> None:
        """The last build's index: cancelled if still waiting; stopped if being made, since it
        indexes the catalog before this edit (rather than wait for it, 30 s of CPU at 5,000
        articles, or let it take a core from this build). The one started after this build
        replaces it."""
        if self.search_thread is not None:
            self.close_index(search)

    def close_index(self, search: SearchIndex) -> None:
        self.search_cancel.set()
        if self.search_thread is not None:
            self.search_thread.join()
            self.search_thread = None
        search.stop()

    def close(self, search: SearchIndex) -> None:
        self.close_index(search)
        if self.page_dir is not None:
            shutil.rmtree(self.page_dir, ignore_errors=True)
            self.page_dir = None
            self.page_texts = {}
