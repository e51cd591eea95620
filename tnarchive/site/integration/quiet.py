"""`mkdocs build` quiet by default: warnings and errors, then one line of counts.

MkDocs prints its progress at INFO (a dozen lines a build, from MkDocs and mkdocs-static-i18n,
none of them needing action). Its own `--quiet` is no answer: it raises the `mkdocs` logger to
ERROR, so warnings are neither shown nor counted, and `--strict` no longer fails on them. Here the
level of MkDocs' console handler alone is raised to WARNING for a build: every warning is still
shown, and still counted by `--strict` (MkDocs counts through a handler of its own). `mkdocs build
-v` (the logger at DEBUG) and `mkdocs serve` print as MkDocs does.

The console handler is found by the name MkDocs' command line gives it; without it (MkDocs run
from Python, or another version) nothing changes and MkDocs prints as it always does.
"""
from __future__ import annotations

import logging
import sys

HANDLER = "MkDocsStreamHandler"  # mkdocs/__main__.py, State
log = logging.getLogger("mkdocs.plugins.tnarchive")


def _console() -> logging.Handler | None:
    return next((h for h in logging.getLogger("mkdocs").handlers if h.name == HANDLER), None)


class Quiet:
    """Raises the console handler to WARNING for one build; `restore` puts it back."""

    def __init__(self):
        self.handler: logging.Handler | None = None
        self.level = logging.NOTSET

    def start(self, command: str) -> None:
        handler = _console()
        if command != "build" or handler is None or logging.getLogger("mkdocs").level != logging.INFO:
            return  # serve, -v (DEBUG) or -q (ERROR): as MkDocs prints
        self.handler, self.level = handler, handler.level
        handler.setLevel(logging.WARNING)

    @property
    def active(self) -> bool:
        return self.handler is not None

    def say(self, line: str) -> None:
        """*line* on the console even while INFO is held back (the build's summary); logged at INFO
        otherwise (shown with -v, hidden by -q)."""
        if self.active:
            print(line, file=sys.stderr, flush=True)
        else:
            log.info(line)

    @staticmethod
    def warned() -> bool:
        """Whether this build has logged a warning or an error so far (MkDocs' own count, which
        `--strict` reads at the end: such a build is about to be refused)."""
        from mkdocs.utils import CountHandler

        counters = (h for h in logging.getLogger("mkdocs").handlers if isinstance(h, CountHandler))
        return any(counter.get_counts() for counter in counters)

    def restore(self) -> None:
        if self.handler is not None:
            self.handler.setLevel(self.level)
            self.handler = None
