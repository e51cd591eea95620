"""Regular expressions written in data/ files, compiled so that none can hang a run.

A person editing data/sources.yml can write a pattern that backtracks for minutes on one
line ("(a+)+$"). They are compiled with the `regex` package, whose matching takes a time
limit; a pattern over it is an error naming the pattern, for that page only.
"""
from __future__ import annotations

import regex

from .errors import ArchiveError, _

TIME_LIMIT = 0.5  # seconds one data pattern may spend on one line


class PatternError(ArchiveError):
    """A data/ pattern that does not compile, or took too long on one line."""


class DataPattern:
    """A compiled data/ pattern whose matching methods stop after TIME_LIMIT seconds."""

    __slots__ = ("_rx", "pattern", "where")

    def __init__(self, rx, where: str):
        self._rx, self.pattern, self.where = rx, rx.pattern, where

    def _run(self, method, text, *args):
        try:
            return method(text, *args, timeout=TIME_LIMIT)
        except TimeoutError:
            raise PatternError(_("regular expression {rx!r} from {where} took over {limit} s on one line; "
                                 "make it simpler (avoid nested repeats such as (a+)+)")
                               .format(rx=self.pattern, where=self.where or "data/", limit=TIME_LIMIT)) from None

    def fullmatch(self, text, *args):
        return self._run(self._rx.fullmatch, text, *args)

    def match(self, text, *args):
        return self._run(self._rx.match, text, *args)

    def search(self, text, *args):
        return self._run(self._rx.search, text, *args)


def compile_data_regex(pattern: str, where: str, flags=regex.IGNORECASE | regex.V0) -> DataPattern:
    try:
        return DataPattern(regex.compile(str(pattern), flags), where)
    except (regex.error, OverflowError, RecursionError) as exc:
        raise PatternError(_("bad regular expression {rx!r}: {why}").format(rx=str(pattern), why=exc)) from None
