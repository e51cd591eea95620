"""What runs beside MkDocs' build of a language: the other languages' forked builds, the search index.

`mkdocs build` uses both cores: once the catalog is loaded (on_files of the default language),
the other language is built by a forked copy of this process into a folder beside site_dir
(integration/languages.py), while this process builds the default language; on_post_build waits
for it and moves its pages into place. Each language's search index is made meanwhile in a
process of its own (spawned, so it shares nothing with the fork). The site is the same, byte for
byte, as a build of one language after the other (`TNARCHIVE_JOBS=1`, and always under
`mkdocs serve`).
"""
from __future__ import annotations

import threading
from multiprocessing import get_context
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..catalog.model import LANGS, Catalog
from ..errors import _
from . import article as article_html
from . import partners, search_index
from .integration import languages


class SearchIndex:
    """The processes that make the search index, one per language (search_index.write).

    Started once the catalog is loaded, they run while MkDocs renders the pages (at 5,000
    articles per language an index takes 13-18 s of CPU, 3 s at 1,000); `wait` waits for them
    once every language is built. One process per language, so that the index is not the last
    thing running on one core while the other is idle. Spawned, not forked: they share nothing
    with this process, and each gets only its language's documents."""

    def __init__(self, nice: int = 0):
        self.nice = nice  # mkdocs serve: a lower priority, so that an edit made meanwhile rebuilds first
        self.procs: list = []

    def start(self, cat: Catalog, site: Path, cancel: threading.Event | None = None) -> None:
        """(*cancel*, under mkdocs serve: set when an edit starts the next build, which then waits
        for this to return; it is checked between the steps.)"""
        self.stop()  # mkdocs serve: the last build's index, if it is still being made
        cancel = cancel or threading.Event()
        for lang in LANGS:
            if cancel.is_set():
                return
            job = (lang, search_index.documents(cat, lang),
                   {pid: partners.partner_name(cat, pid, lang) for pid in cat.authority.partners})
            if cancel.is_set():
                return
            proc = get_context("spawn").Process(target=search_index.write, args=([job], site / "assets" / "search"),
                                                kwargs={"nice": self.nice}, name=f"tnarchive-search-index-{lang}")
            proc.start()  # the documents are handed over here; this process keeps none of them
            self.procs.append(proc)

    def stop(self) -> None:
        for proc in self.procs:
            if proc.is_alive():
                proc.terminate()
            proc.join()
        self.procs = []

    def wait(self) -> None:
        """Wait for the index: a failure there fails the build. (Under `mkdocs serve` there is none
        yet: the index is started after the build, and its process puts it in place a few seconds
        later: search_index.write swaps each language's files.)"""
        procs, self.procs = self.procs, []
        for proc in procs:
            proc.join()
        failed = [p for p in procs if p.exitcode != 0]
        if failed:
            raise PluginError(_("the search index could not be made ({why}); the traceback is above").format(
                why=", ".join(_("{name} ended with status {code}").format(name=p.name, code=p.exitcode) for p in failed)))


class LanguageBuilds:
    """The other languages, each built by a forked copy of this process (integration/languages.py)."""

    def __init__(self):
        self.forked: list[languages.Forked] = []
        self._held = False  # this process built every language: mkdocs-static-i18n is held back

    def fork(self, config, command: str, cat: Catalog, on_child) -> None:
        if languages.may_fork(config, command):
            article_html.relate_all(cat)  # the same in every language: worked out once, before they part
            # The catalog is loaded once; the forked builds share it. (Forked before the search
            # processes start: a fork must not copy a process with threads.)
            self.forked = languages.fork_others(config, on_child=on_child)

    def join(self, config, site: Path) -> None:
        """Wait for the forked builds and move their pages into *site*; mkdocs-static-i18n must then
        not build those languages again (until `release`, after its on_post_build)."""
        try:
            languages.join(self.forked, site)
        except languages.ForkError as exc:
            raise PluginError(str(exc)) from None
        finally:
            self.forked = []
        languages.hold_i18n(config, True)
        self._held = True

    def release(self, config) -> None:
        if self._held:
            languages.hold_i18n(config, False)
            self._held = False

    def abandon(self) -> None:
        if self.forked:
            languages.abandon(self.forked)
            self.forked = []
