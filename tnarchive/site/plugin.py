"""MkDocs plugin `tnarchive`: a thin event layer; the work lives in small modules beside it.

- on_files: builds the catalog (articles + data/) once per build and adds the derived
  pages of the language being built (mkdocs-static-i18n builds each language in turn):
  article index, partner and person pages, timeline and year pages, data page.
- on_nav: a short navigation of index pages; articles are reached through them.
- on_page_markdown: titles and descriptions HTML-escaped (MkDocs templates do not
  autoescape); paragraph anchors on articles; generated sections on the home page.
- on_page_content: the article header and footer, JSON-LD; derived pages' HTML put back.
- on_page_context: the language switch points at the same page in the other language.
- on_post_build: data downloads (JSON, CSV), Atom feeds, the bilingual sitemap.

`mkdocs build` uses both cores: once the catalog is loaded (on_files of the default language),
the other language is built by a forked copy of this process into a folder beside site_dir
(see `languages.py`), while this process builds the default language; on_post_build waits
for it and moves its pages into place. Each language's search index is made meanwhile in a
process of its own (spawned, so it shares nothing with the fork). The site is the same, byte for
byte, as a build of one language after the other (`TNARCHIVE_JOBS=1`, and always under `mkdocs serve`).
With `mkdocs build`, the catalog, the article bodies and related articles are worked out before
the fork, in forked workers where the work is per article (loader, rendered).
"""
from __future__ import annotations

import copy
import functools
import gc
import hashlib
import json
import logging
import os
import shutil
import tempfile
import threading
from multiprocessing import get_context
from pathlib import Path, PurePosixPath

import jinja2
import mkdocs.contrib.search
from markupsafe import Markup, escape
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import meta as mkdocs_meta

from ..errors import ArchiveError
from . import article as article_html
from . import derived, exports, home, i18n_files, languages, partners, redirects, rendered, search_index, watching
from .catalog import LANGS, Catalog
from .loader import article_files, inputs_digest, load_catalog, sources
from .l10n import t

log = logging.getLogger("mkdocs.plugins.tnarchive")


class _CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled templates kept in memory for the life of the process. Jinja checks each
    against its template's source (a bucket's checksum), so a changed template is compiled again."""

    def __init__(self):
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket):
        self._code[bucket.key] = bucket.bytecode_to_string()


_TEMPLATES = _CompiledTemplates()
SERVE_SEARCH_NICE = 10  # mkdocs serve: how much lower the search index processes' priority is
SERVE_SEARCH_DELAY = 1.0  # mkdocs serve: seconds without an edit before the search index is remade
NAV = ("articles", "timeline", "partners", "people")


class ArchivePlugin(BasePlugin):
    config_scheme = (
        ("data_dir", c.Type(str, default="data")),
        ("articles_dir", c.Type(str, default="articles")),
        # mkdocs serve: "native" watches docs/ through the kernel's file events (inotify), "polling"
        # as MkDocs does (walking every file twice a second; for file systems without inotify).
        ("watcher", c.Choice(("native", "polling"), default="native")),
    )

    def __init__(self):
        self._html: dict[str, str] = {}
        self.catalog: Catalog | None = None
        self._stamp: tuple | None = None
        self.lang = "vi"
        self.command = "build"
        self._derived: list[str] = []  # the default language's derived pages, for the sitemap
        self._forked: list[languages.Forked] = []
        self._search: list = []  # the processes that make the search index (search_index.write), one per language
        self._search_thread: threading.Thread | None = None  # mkdocs serve: starts it after the build
        self._search_cancel = threading.Event()  # mkdocs serve: set by the next rebuild
        self.dirty = False
        # mkdocs serve: lang → (catalog fingerprint, the catalog the pages were made from, its derived pages by section)
        self._memo: dict[str, tuple] = {}
        self._page_dir: Path | None = None  # mkdocs serve --dirty: derived pages as files, rewritten when changed
        self._page_texts: dict[str, tuple[str, str]] = {}  # src_uri → (the page, what its file in _page_dir holds)
        self._published: str | None = None  # fingerprint of the data files, feeds and sitemap last written
        self._release_i18n = False  # this process built every language: mkdocs-static-i18n is held back
        self._sitemap: tuple | None = None  # mkdocs serve: (site_url, the addresses) of the sitemap last written
        self._records: dict = {}  # mkdocs serve: each article's part of data/articles.json and .csv (exports.articles_files)

    def on_startup(self, *, command, dirty):
        # Defining on_startup also keeps this plugin object across `mkdocs serve` rebuilds, so the
        # catalog, the derived pages and the search process of the last build are still here.
        self.command = command
        self.dirty = dirty
        if command == "serve":  # rebuilds copy mkdocs-static-i18n's files instead of remaking them
            i18n_files.install()  # (not in a single build: it would only keep a copy of every file)

    def on_serve(self, server, *, config, builder):
        """After the first build, before the server starts."""
        if self.config["watcher"] == "native" and watching.use_native(server):
            log.debug("tnarchive: watching for changes through the kernel's file events")
        # What every rebuild keeps (catalog, rendered bodies, caches) is left out of Python's garbage
        # collections, which otherwise walk it in most rebuilds (about 1 s each at 5,000 articles per
        # language). Collected first: the first build's pages and files are garbage by now.
        gc.collect()
        gc.freeze()
        return server

    @event_priority(100)
    def on_pre_build(self, *, config):
        if self.command == "serve" and self._search_thread is not None:
            # mkdocs serve: the last build's index is started after it, once edits pause. If it is
            # waiting, cancel it; if it is being made it indexes the catalog before this edit: stop it
            # rather than wait for it (at 5,000 articles it takes about 30 s of CPU) or let it take a
            # core from this build. The one started after this build replaces it.
            self._search_cancel.set()
            self._search_thread.join()
            self._search_thread = None
            self._stop_search()

    def on_shutdown(self):
        self._search_cancel.set()
        if self._search_thread is not None:
            self._search_thread.join()
        self._stop_search()
        if self._page_dir is not None:
            shutil.rmtree(self._page_dir, ignore_errors=True)
            self._page_dir = None
            self._page_texts = {}

    # -- inputs ---------------------------------------------------------------------------
    def _language(self, config) -> str:
        i18n = config.plugins.get("i18n")
        return getattr(i18n, "current_language", None) or "vi"

    def _load(self, config) -> Catalog:
        docs = Path(config.docs_dir)
        data = Path(config.config_file_path).parent / self.config["data_dir"]
        found = sources(docs, data, self.config["articles_dir"])
        if self.catalog is None or found.stamp != self._stamp:
            try:
                self.catalog, self._stamp = load_catalog(docs, data, self.config["articles_dir"], found,
                                                          keep=self.command == "serve"), found.stamp
            except ArchiveError as exc:  # a data file or an article breaks its schema: one line each, no traceback
                raise PluginError("\n".join(exc.lines())) from None
        return self.catalog

    # -- derived pages --------------------------------------------------------------------
    @event_priority(-110)  # after mkdocs-static-i18n has chosen the language's files
    def on_files(self, files, config):
        self.lang = self._language(config)
        first = self.lang == LANGS[0]
        # The other languages of the same build use the catalog the first one loaded.
        cat = self._load(config) if first or self.catalog is None else self.catalog
        if first and not self.dirty:
            # Article bodies are rendered once for every language, before the languages part ways.
            # (A dirty rebuild renders only the pages that changed: it renders them as it goes.)
            docs = Path(config.docs_dir)
            page = next((f for f in files.documentation_pages() if self._is_article_file(f)), None)
            if page is not None:
                rendered.prerender(article_files(docs, self.config["articles_dir"]), page, files, config)
        if first and languages.may_fork(config, self.command):
            article_html.relate_all(cat)  # the same in every language: worked out once, before they part
            # The catalog is loaded once, here; the forked builds of the other languages share it.
            # (Forked before the search process starts: a fork must not copy a process with threads.)
            self._forked = languages.fork_others(config, on_child=self._in_child)
        if first and self.command != "serve":
            self._start_search(cat, Path(config.site_dir))
        # Derived pages are HTML already: MkDocs gets only their front matter, and on_page_content
        # puts the HTML back, so Python-Markdown never re-parses large raw HTML blocks.
        self._html = {}
        pages = self._derived_pages(cat, self.lang)
        if first:
            self._derived = list(pages)
        for src_uri, content in pages.items():
            head, _, body = content.partition("\n---\n")
            self._html[src_uri] = body
            files.append(self._derived_file(config, src_uri, content, head))
        return files

    def _derived_pages(self, cat: Catalog, lang: str) -> dict[str, str]:
        """The derived pages of *lang*. A single build makes them once. Under `mkdocs serve` they are
        made again only when what they show has changed (an edit to an article's text that changes no
        title, date, name or event leaves them as they were), and then only the sections that show the
        edited articles (derived.touched_sections): at 5,000 articles a title edit remakes a few dozen
        pages of a language instead of some seven hundred."""
        if self.command != "serve":
            return derived.pages(derived.sections(cat, lang))
        memo = self._memo.get(lang)
        if memo is None:
            secs = derived.sections(cat, lang)
        elif memo[0] == cat.fingerprint:
            secs = memo[2]
        else:
            old_cat, old_sections = memo[1], memo[2]
            secs = derived.sections(cat, lang, old_sections, derived.touched_sections(old_cat, cat), old_cat)
        self._memo[lang] = (cat.fingerprint, cat, secs)  # an equal fingerprint: the same metadata and events
        return derived.pages(secs)

    def _derived_file(self, config, src_uri: str, content: str, head: str) -> File:
        """MkDocs' File for a derived page. Under `mkdocs serve --dirty` it is a real file, rewritten
        only when the page changes, so that MkDocs skips the pages that did not change. (The derived
        pages are remembered while the catalog's fingerprint stays the same: the same *content*
        object is not hashed again.)"""
        if not self.dirty:
            return File.generated(config, src_uri, content=head + "\n---\n")
        if self._page_dir is None:
            self._page_dir = Path(tempfile.mkdtemp(prefix="tnarchive-pages-"))
        path = self._page_dir / src_uri
        known = self._page_texts.get(src_uri)
        if known is not None and known[0] is content:
            text = known[1]
        else:  # a page made again since: hashed again
            text = f"{head}\n---\n<!-- {hashlib.sha256(content.encode('utf-8')).hexdigest()} -->\n"
        if known is None or known[1] != text or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        self._page_texts[src_uri] = (content, text)
        return File(src_uri, str(self._page_dir), config.site_dir, config.use_directory_urls)

    @event_priority(-110)
    def on_nav(self, nav, config, files):
        lang = self.lang
        pre = "" if lang == "vi" else "en/"
        items = [nav.homepage] if nav.homepage else []
        if nav.homepage:
            nav.homepage.title = t(lang, "home")
        for key in NAV:
            f = files.get_file_from_path(f"{pre}{key}/index.md")
            if f is not None:
                items.append(Page(t(lang, key), f, config))
        data = files.get_file_from_path(f"{pre}data.md")
        if data is not None:
            items.append(Page(t(lang, "data"), data, config))
        for f in files.documentation_pages():  # the curated maintainers' page
            if f.url == f"{pre}maintainers.html":
                items.append(Page(t(lang, "maintainers"), f, config))
        new = Navigation(items, items)
        new.homepage = nav.homepage
        return new

    # -- pages ----------------------------------------------------------------------------
    def _is_article_file(self, file) -> bool:
        path = PurePosixPath(file.src_uri)
        return bool(self.catalog) and path.parent.name == self.config["articles_dir"] and path.stem in self.catalog.by_slug

    def _article(self, page):
        return self.catalog.by_slug[PurePosixPath(page.file.src_uri).stem] if self._is_article_file(page.file) else None

    def on_page_read_source(self, page, config):
        """An article's source with the front matter MkDocs needs (loader.page_front_matter) in place
        of the archive's own: MkDocs gets the same text and title, and parses far less YAML."""
        src = page.file.abs_src_path  # None for the derived pages (File.generated)
        front = self.catalog.page_meta.get(os.path.normpath(src)) if self.catalog and src else None
        if front is None:
            return None
        doc = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
        m = mkdocs_meta.YAML_RE.match(doc)
        return f"---\n{front}---\n{doc[m.end():]}" if m else doc

    def on_page_markdown(self, markdown, page, config, files):
        for key in ("title", "description"):
            value = page.meta.get(key)
            if isinstance(value, str) and not isinstance(value, Markup):
                page.meta[key] = escape(value)
        if self._article(page) is not None:
            markdown = article_html.add_anchors(markdown)
            done = rendered.cached(markdown, page.file, files, config)
            if done is None:  # links or images: MkDocs renders them relative to this page
                return markdown
            # MkDocs calls page.render next: this page's takes the body rendered ahead of time
            # instead of making a Markdown object (1 ms a page) to render it again.
            page.render = functools.partial(rendered.use, page, done)
            return ""
        if page.file.url in ("index.html", "en/index.html", "./", "en/") and self.catalog:
            return markdown + home.home_sections(self.catalog, self.lang)
        return markdown

    def on_page_content(self, html, page, config, files):
        art = self._article(page)
        cat = self.catalog
        if art is not None:
            head = str(article_html.header(cat, art, self.lang))
            i = html.find("</h1>")
            html = html[: i + 5] + head + html[i + 5 :] if i >= 0 else head + html
            if self.lang == "en" and art.translation is None:
                html = f'<div lang="vi">{html}</div>'
            html += str(article_html.footer(cat, art, self.lang))
            return html + exports.jsonld_script(exports.jsonld_article(art, self.lang, page.url, cat))
        html = self._html.pop(page.file.src_uri, html)
        path = PurePosixPath(page.file.src_uri)
        if path.parent.name == "partners" and path.stem in cat.authority.partners:
            return html + exports.jsonld_script(exports.jsonld_partner(path.stem, cat, self.lang, page.url))
        if path.parent.name == "people" and path.stem in cat.authority.people:
            return html + exports.jsonld_script(exports.jsonld_person(path.stem, cat, self.lang, page.url))
        return html

    def on_env(self, env, config, files):
        """`tna_once` for overrides/main.html. And the 404 page is rendered next, before any page: its
        language switch must not keep the links of the previous language's last page
        (mkdocs-static-i18n's own links, as in the default language)."""
        once: dict[tuple, str] = {}

        def tna_once(*key, caller):
            """{% call tna_once(key…) %}…{% endcall %}: the body rendered once per key and language."""
            key = (self.lang, *key)
            if key not in once:
                once[key] = caller()
            return once[key]

        env.globals["tna_once"] = tna_once
        # MkDocs makes a new Jinja environment for every build (and every language), which parses
        # and compiles each template again: 0.4 s per language of every `mkdocs serve` rebuild at
        # 5,000 articles. Compiled templates are kept for the process, checked against their source.
        if env.bytecode_cache is None:
            env.bytecode_cache = _TEMPLATES
        # The theme's sitemap.xml template lists every page through Jinja (2 s per language at 5,000
        # articles) and would be overwritten anyway: _write_sitemap writes the bilingual one.
        config.theme.static_templates.discard("sitemap.xml")
        i18n = config.plugins.get("i18n")
        if i18n is not None and getattr(i18n, "extra_alternate", None):
            config.extra["alternate"] = copy.deepcopy(i18n.extra_alternate)
            config.extra.alternate = config.extra["alternate"]
        return env

    def on_page_context(self, context, page, config, nav):
        """The language switch lands on the same page in the other language (relative links)."""
        url = page.url or "index.html"
        norm = url[3:] if url.startswith("en/") else url
        names = {"vi": "Tiếng Việt", "en": "English"}
        alternates = [{"name": names[lang], "lang": lang, "link": norm if lang == "vi" else f"en/{norm}"} for lang in LANGS]
        # mkdocs-static-i18n sets the attribute on article pages; Material reads the attribute first.
        config.extra["alternate"] = alternates
        config.extra.alternate = alternates
        return context

    @event_priority(-200)  # after every other plugin's on_post_page
    def on_post_page(self, output, page, config):
        """The page's HTML is written next and nothing reads it again: MkDocs would keep it until
        the build ends (every page's, in each language's process: a third of a build's memory)."""
        page.content = None
        return output

    # -- files beside the pages -----------------------------------------------------------
    def _start_search(self, cat: Catalog, site: Path, cancel: threading.Event | None = None) -> None:
        """Start making the search index, one process per language.

        Started once the catalog is loaded, they run while MkDocs renders the pages (at 5,000
        articles per language an index takes 13-18 s of CPU, 3 s at 1,000); _finish_search waits
        for them once every language is built. One process per language, so that the index
        is not the last thing running on one core while the other is idle. Spawned, not forked:
        they share nothing with this process, and each gets only its language's documents.
        (*cancel*, under mkdocs serve: set when an edit starts the next build, which then waits for
        this to return; it is checked between the steps.)"""
        self._stop_search()  # mkdocs serve: the last build's index, if it is still being made
        cancel = cancel or threading.Event()
        for lang in LANGS:
            if cancel.is_set():
                return
            job = (lang, search_index.documents(cat, lang),
                   {pid: partners.partner_name(cat, pid, lang) for pid in cat.authority.partners})
            if cancel.is_set():
                return
            # Under mkdocs serve at a lower priority: an edit made while it runs rebuilds first.
            proc = get_context("spawn").Process(target=search_index.write, args=([job], site / "assets" / "search"),
                                                kwargs={"nice": SERVE_SEARCH_NICE if self.command == "serve" else 0},
                                                name=f"tnarchive-search-index-{lang}")
            proc.start()  # the documents are handed over here; this process keeps none of them
            self._search.append(proc)

    def _start_search_later(self, cat: Catalog, site: Path, cancel: threading.Event) -> None:
        """mkdocs serve: start the search index once edits pause for SERVE_SEARCH_DELAY seconds. An
        edit within them cancels it: its rebuild neither waits for nor competes with an index that
        would be out of date (handing the documents to the index process holds this process for
        about 1.5 s at 5,000 articles)."""
        if cancel.wait(SERVE_SEARCH_DELAY):
            return
        self._start_search(cat, site, cancel)

    def _stop_search(self) -> None:
        for proc in self._search:
            if proc.is_alive():
                proc.terminate()
            proc.join()
        self._search = []

    def _finish_search(self, site: Path) -> None:
        """Add the engine and lunr.js (from MkDocs itself), and wait for the index: a failure there
        fails the build. Under `mkdocs serve` the index is started once the pages are written, and its
        process puts it in place a few seconds later (search_index.write swaps each language's files)."""
        out = site / "assets" / "search"
        out.mkdir(parents=True, exist_ok=True)
        lunr_js = Path(mkdocs.contrib.search.__file__).parent / "templates" / "search" / "lunr.js"
        shutil.copyfile(lunr_js, out / "lunr.js")
        shutil.copyfile(Path(__file__).parent / "static" / "search.js", out / "search.js")
        # (mkdocs serve: none yet; the index is started after the build, _post_build)
        procs, self._search = self._search, []
        for proc in procs:
            proc.join()
        failed = [p for p in procs if p.exitcode != 0]
        if failed:
            raise PluginError("the search index could not be made (" + ", ".join(
                f"{p.name} ended with status {p.exitcode}" for p in failed) + "); the traceback is above")

    def _in_child(self, lang: str) -> None:
        """Called in a forked build of *lang*: it builds that language's pages only (the search
        index, the sitemap and the data files are the parent's)."""
        self._forked = []
        self._search = []  # the parent's
        self.lang = lang

    @event_priority(0)  # before mkdocs-static-i18n's on_post_build (-100), which builds the next language
    def _post_build(self, config):
        cat = self.catalog
        if cat is None:
            return
        site = Path(config.site_dir)
        # Every language build writes site/404.html; keep each language's own.
        if (site / "404.html").exists():
            if self.lang == "vi":
                self._404 = (site / "404.html").read_bytes()
            else:
                (site / self.lang).mkdir(exist_ok=True)
                (site / "404.html").replace(site / self.lang / "404.html")
                if getattr(self, "_404", None):
                    (site / "404.html").write_bytes(self._404)
        site_url = config.site_url or ""
        # mkdocs serve --dirty: the data files, feeds and sitemap stay as they are while what they
        # list is unchanged.
        unchanged = self.dirty and self._published == cat.fingerprint and (site / "sitemap.xml").exists()
        if self.lang == "vi" and self.command != "serve":
            # What this site was built from, so `tnarchive export` can refuse a stale site/.
            root = Path(config.config_file_path).parent
            stamp = {"inputs_sha256": inputs_digest(root), "articles": len(cat.articles)}
            (site / ".tnarchive-build.json").write_text(json.dumps(stamp, indent=2) + "\n", encoding="utf-8")
        if self.lang == "vi" and not unchanged:
            (site / "data").mkdir(parents=True, exist_ok=True)
            files = {"articles": exports.articles_files(cat, self._records if self.command == "serve" else None)}
            for name, records in (("partners", exports.partners_records(cat)), ("people", exports.people_records(cat))):
                files[name] = exports.to_json(records), exports.to_csv(records)
            for name, (as_json, as_csv) in files.items():
                (site / "data" / f"{name}.json").write_text(as_json, encoding="utf-8")
                (site / "data" / f"{name}.csv").write_text(as_csv, encoding="utf-8")
        feed_path = "feed.xml" if self.lang == "vi" else "en/feed.xml"
        if not unchanged:
            (site / feed_path).parent.mkdir(parents=True, exist_ok=True)
            (site / feed_path).write_text(exports.atom_feed(cat, self.lang, site_url, feed_path), encoding="utf-8")
        if self._forked:
            try:
                languages.join(self._forked, site)
            except languages.ForkError as exc:
                raise PluginError(str(exc)) from None
            finally:
                self._forked = []
            self._write_sitemap(cat, site, site_url)
            self._write_redirects(config, site)
            self._finish_search(site)
            # This process has built every language: mkdocs-static-i18n must not build them again.
            config.plugins["i18n"].building = True
            self._release_i18n = True
        elif self.lang == LANGS[-1] and not languages.in_child():
            if not unchanged:
                self._write_sitemap(cat, site, site_url)
            self._write_redirects(config, site)
            self._published = cat.fingerprint
            self._finish_search(site)
            if self.command == "serve":
                # The pages are served (and the browser reloaded) at once; the index follows.
                self._search_cancel = threading.Event()
                self._search_thread = threading.Thread(target=self._start_search_later,
                                                       args=(cat, site, self._search_cancel), daemon=True)
                self._search_thread.start()

    @event_priority(-200)  # after mkdocs-static-i18n's on_post_build
    def _post_build_last(self, config):
        if self._release_i18n:
            config.plugins["i18n"].building = False
            self._release_i18n = False

    on_post_build = CombinedEvent(_post_build, _post_build_last)

    def _write_redirects(self, config, site: Path) -> None:
        """Every language is built: a page at each moved article's old address (site/redirects.py)."""
        articles = self.config["articles_dir"]
        redirects.write_pages(Path(config.docs_dir) / "vi" / articles / ".manifest.json", site, articles)

    def on_build_error(self, *, error):
        if not languages.in_child():
            self._stop_search()
        if self._forked:
            languages.abandon(self._forked)
            self._forked = []

    def _write_sitemap(self, cat: Catalog, site: Path, site_url: str) -> None:
        """One bilingual sitemap (an index and its parts), written once every language is built."""
        import gzip

        urls = [("index.html", {"vi": "index.html", "en": "en/index.html"})]
        for src in self._derived:
            norm = src[:-3] + ".html"
            urls.append((norm, {"vi": norm, "en": f"en/{norm}"}))
        for a in cat.articles:
            urls.append((a.url("vi"), {"vi": a.url("vi"), "en": a.url("en")}))
        if self.command == "serve":  # an edit that changes no address leaves the sitemap as it was
            if self._sitemap == (site_url, urls) and (site / "sitemap.xml").exists():
                return
            self._sitemap = (site_url, urls)
        for name, xml in exports.sitemap_files(urls, site_url).items():
            (site / name).write_text(xml, encoding="utf-8")
        with open(site / "sitemap.xml.gz", "wb") as fh:  # MkDocs writes one; keep it the index's
            with gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
                gz.write((site / "sitemap.xml").read_bytes())
