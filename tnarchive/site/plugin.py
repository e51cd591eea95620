"""MkDocs plugin `tnarchive`: MkDocs' events, each handed to the module that does the work.

- on_files: the catalog (catalog/loader.py), article bodies rendered ahead (integration/rendered.py),
  the other languages forked and the search index started (orchestration.py), and the derived
  pages of the language being built (derived.py; mkdocs-static-i18n builds each language in turn).
- on_nav, on_page_*: a short navigation; articles' front matter, HTML and JSON-LD (pages.py).
- on_post_build: data files, feeds, sitemap, 404 pages, build stamp, search scripts (publish.py).
What `mkdocs serve` keeps between rebuilds is one object, ServeState (serve_state.py); it also
watches data/ and seeds/, and every served page tells when the articles are older than their
inputs (serve_notice.py). A build prints warnings and a summary (integration/quiet.py, summary.py).
"""
from __future__ import annotations

import logging
import os
from pathlib import Path, PurePosixPath

from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from .. import staleness
from ..catalog.loader import article_files, sources
from ..catalog.model import LANGS, Catalog
from ..errors import ArchiveError
from ..inputs import Hashes
from . import article as article_html
from . import home, loading, pages, publish, serve_notice, summary
from .config import ArchiveConfig
from .integration import i18n_files, languages, rendered, theme, watching
from .integration.quiet import Quiet
from .orchestration import LanguageBuilds, SearchIndex
from .serve_state import SERVE_SEARCH_NICE, ServeState

log = logging.getLogger("mkdocs.plugins.tnarchive")


class ArchivePlugin(BasePlugin[ArchiveConfig]):
    def __init__(self):
        self.catalog: Catalog | None = None
        self._stamp: tuple | None = None  # the sources the catalog was loaded from
        self.lang = "vi"
        self.command = "build"
        self.state = ServeState()
        self.search = SearchIndex()
        self.languages = LanguageBuilds()
        self._html: dict[str, str] = {}  # this language's derived pages' HTML, by source path
        self._derived: list[str] = []  # the default language's derived pages, for the sitemap
        self._404: bytes | None = None  # the default language's 404 page
        self.quiet = Quiet()
        self.hashes = Hashes()  # of the seeds and data files, kept across serve rebuilds
        self.stale: list | None = None  # inputs changed since the last conversion (staleness.article_changes)

    def on_startup(self, *, command, dirty):
        # Defining on_startup keeps this plugin object (the catalog, ServeState) across serve rebuilds.
        self.command = command
        self.state = ServeState(command, dirty)
        self.quiet.start(command)
        if command == "serve":  # rebuilds copy mkdocs-static-i18n's files instead of remaking them
            i18n_files.install()  # (not in a single build: it would only keep a copy of every file)
            self.search = SearchIndex(nice=SERVE_SEARCH_NICE)

    def on_serve(self, server, *, config, builder):
        """After the first build, before the server starts. data/ (the records, the corrections) and
        seeds/ are watched too: a change rebuilds with the catalog loaded again, and the pages say
        when the articles need converting again."""
        root = Path(config.config_file_path).parent
        for folder in (root / self.config.data_dir, root / "seeds"):
            if folder.is_dir():
                server.watch(str(folder))
        if self.config.watcher == "native" and watching.use_native(server):
            log.debug("tnarchive: watching for changes through the kernel's file events")
        self.state.freeze_kept()
        return server

    @event_priority(100)
    def on_pre_build(self, *, config):
        if self.state.serving:  # the last build's search index, if it is still to come
            self.state.cancel_index(self.search)

    def on_shutdown(self):
        self.state.close(self.search)
        self.quiet.restore()

    def _load(self, config) -> Catalog:
        docs = Path(config.docs_dir)
        data = Path(config.config_file_path).parent / self.config.data_dir
        found = sources(docs, data, self.config.articles_dir)
        if self.catalog is None or found.stamp != self._stamp:
            self.catalog = loading.load_catalog(docs, data, self.config.articles_dir, found, keep=self.state.serving)
            self._stamp = found.stamp
        return self.catalog

    @event_priority(-110)  # after mkdocs-static-i18n has chosen the language's files
    def on_files(self, files, config):
        self.lang = languages.current_language(config)
        first = self.lang == LANGS[0]
        # The other languages of the same build use the catalog the first one loaded.
        cat = self._load(config) if first or self.catalog is None else self.catalog
        if first and self.state.serving:  # (a build leaves it to `check`: reading the manifest is ~1 s at 5,000 articles)
            self.stale = self._stale(config)
        if first and not self.state.dirty:
            # Article bodies are rendered once for every language, before the languages part ways.
            # (A dirty rebuild renders only the pages that changed: it renders them as it goes.)
            page = next((f for f in files.documentation_pages() if self._article(f)), None)
            if page is not None:
                rendered.prerender(article_files(Path(config.docs_dir), self.config.articles_dir), page, files, config)
        if first:
            self.languages.fork(config, self.command, cat, on_child=self._in_child)
        if first and not self.state.serving:
            self.search.start(cat, Path(config.site_dir))
        # Derived pages are HTML already: MkDocs gets only their front matter, and on_page_content
        # puts the HTML back, so Python-Markdown never re-parses large raw HTML blocks.
        self._html = {}
        derived = self.state.derived_pages(cat, self.lang)
        if first:
            self._derived = list(derived)
        for src_uri, content in derived.items():
            head, _, body = content.partition("\n---\n")
            self._html[src_uri] = body
            files.append(self.state.derived_file(config, src_uri, content, head))
        return files

    def _stale(self, config) -> list | None:
        """The inputs changed since the last conversion; None when that cannot be told (`check` says why)."""
        try:
            return staleness.article_changes(Path(config.config_file_path).parent, self.hashes)
        except ArchiveError:
            return None

    def _in_child(self, lang: str) -> None:
        """Called in a forked build of *lang*: it builds that language's pages only (the search
        index, the sitemap and the data files are the parent's)."""
        self.languages = LanguageBuilds()
        self.search = SearchIndex()  # the parent's processes are not this one's
        self.lang = lang

    @event_priority(-110)
    def on_nav(self, nav, config, files):
        return pages.navigation(nav, config, files, self.lang)

    def _article(self, file):
        """The catalog's article whose page *file* is, or None."""
        path = PurePosixPath(file.src_uri)
        return self.catalog.by_slug.get(path.stem) if self.catalog and path.parent.name == self.config.articles_dir else None

    def on_page_read_source(self, page, config):
        src = page.file.abs_src_path  # None for the derived pages (File.generated)
        front = self.catalog.page_meta.get(os.path.normpath(src)) if self.catalog and src else None
        return None if front is None else pages.article_source(src, front)

    def on_page_markdown(self, markdown, page, config, files):
        pages.escape_meta(page)
        if self._article(page.file) is not None:
            markdown = article_html.add_anchors(markdown)
            done = rendered.cached(markdown, page.file, files, config)
            if done is None:  # links or images (or no rendering ahead): MkDocs renders the page
                return markdown
            rendered.take_over(page, done)
            return ""
        if page.file.url in ("index.html", "en/index.html", "./", "en/") and self.catalog:
            return markdown + home.home_sections(self.catalog, self.lang)
        return markdown

    def on_page_content(self, html, page, config, files):
        art = self._article(page.file)
        if art is not None:
            return pages.article_content(html, page, self.catalog, art, self.lang)
        return pages.derived_content(self._html.pop(page.file.src_uri, html), page, self.catalog, self.lang)

    def on_env(self, env, config, files):
        """The 404 page is rendered next, before any page: its language switch is mkdocs-static-i18n's."""
        theme.add_once(env)
        theme.keep_compiled(env)
        theme.drop_sitemap_template(config)
        languages.reset_alternates(config)
        return env

    def on_page_context(self, context, page, config, nav):
        pages.language_switch(page, config)
        return context

    @event_priority(-200)  # after every other plugin's on_post_page
    def on_post_page(self, output, page, config):
        """The page's HTML is written next and nothing reads it again: MkDocs would keep it until
        the build ends (every page's, in each language's process: a third of a build's memory)."""
        page.content = None
        if self.state.serving:
            output = serve_notice.add_script(output, page.url)
        return output

    @event_priority(0)  # before mkdocs-static-i18n's on_post_build (-100), which builds the next language
    def _post_build(self, config):
        cat = self.catalog
        if cat is None:
            return
        site, site_url, vi = Path(config.site_dir), config.site_url or "", self.lang == "vi"
        self._404 = publish.keep_404(site, self.lang, self._404)
        publishing = self.state.unpublished(cat, site)
        if vi and not self.state.serving:
            publish.write_stamp(site, Path(config.config_file_path).parent, cat)
        if vi and self.state.serving:
            serve_notice.write(site, self.stale)
        if vi and publishing:
            publish.write_data_files(site, cat, self.state.records)
        if publishing:
            publish.write_feed(site, cat, self.lang, site_url)
        if self.languages.forked:
            self.languages.join(config, site)
            publishing = True
        elif self.lang != LANGS[-1] or languages.in_child():
            return
        publish.write_redirects(site, Path(config.docs_dir), self.config.articles_dir)  # moved articles
        urls = publish.sitemap_urls(cat, self._derived)
        if publishing and self.state.sitemap_changed(site_url, urls, site):
            publish.write_sitemap(site, urls, site_url)
        self.state.published = cat.fingerprint
        publish.copy_search_scripts(site)
        self.search.wait()
        if self.state.serving:  # the pages are served (and the browser reloaded) at once; the index follows
            self.state.index_later(self.search, cat, site)
        elif not (config.strict and self.quiet.warned()):  # a strict build that warned is refused next
            self.quiet.say(summary.line(cat))

    @event_priority(-200)  # after mkdocs-static-i18n's on_post_build
    def _post_build_last(self, config):
        self.languages.release(config)

    on_post_build = CombinedEvent(_post_build, _post_build_last)

    def on_build_error(self, *, error):
        if not languages.in_child():
            self.search.stop()
        self.languages.abandon()
