"""The project's one error type and the one way a problem is shown to a person.

Every problem the archive can diagnose is a `Problem` (file, line, message) printed as one line,
`PATH:LINE: error: MESSAGE`. An `ArchiveError` carries one or more of them; the CLI prints them
and exits with a documented code, the MkDocs plugin turns them into MkDocs' `PluginError`.
Anything else that escapes is a bug, and `bug_line` says so in one line.

Every sentence a user reads passes through `_()`, so a later gettext pass (Vietnamese
messages) has a single place to hook in.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass


def N_(message: str) -> str:
    """Mark a message kept in a constant: extracted for translation, translated by `_()` when shown."""
    return message


def _(message: str) -> str:
    """Translate a user-facing message (identity until the gettext catalogues exist)."""
    return message


def N_(message: str) -> str:
    """Mark a module-level message for translation; `_()` translates it when it is shown."""
    return message


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    message: str
    level: str = "error"  # "error" | "warning"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {_(self.level)}: {one_line(self.message)}"


class ArchiveError(Exception):
    """One or more problems in the archive's inputs: shown to the user, never as a traceback.
    `exit_code`: what the CLI exits with (2: the run could not start or was refused)."""

    exit_code = 2

    def __init__(self, message: str | None = None, *, path: str | None = None, line: int | None = None,
                 problems: list[Problem] | None = None):
        self.problems = list(problems or [])
        if message is not None:
            self.problems.append(Problem(str(path) if path is not None else "", line, message))
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """One line per problem; a problem without a file is just its message."""
        return [str(p) if p.path else f"{_(p.level)}: {one_line(p.message)}" for p in self.problems]

    def __reduce__(self):  # raised in a forked worker, it arrives whole in the parent
        return _rebuild, (type(self), self.problems)


def _rebuild(cls, problems):
    return cls(problems=problems)


def one_line(text: str) -> str:
    """A message folded onto one line (library messages often span several)."""
    return " ".join(str(text).split())


def bug_line(exc: BaseException, doing: str | None) -> str:
    """The single line shown for an exception that is not an ArchiveError: a bug in tnarchive.
    *doing*: the file being processed when it happened."""
    return _("{where}: bug: {kind}: {msg} (a bug in tnarchive: run again with --debug for the traceback, "
             "and please report it)").format(where=doing or "tnarchive", kind=type(exc).__name__,
                                               msg=one_line(exc)[:300])


_DOING: list[str] = []


@contextmanager
def processing(name):
    """Name the file being worked on, for the one line a bug prints (bug_line). An exception
    leaves the name in place: the CLI, catching it, says which file it came from."""
    _DOING.append(str(name))
    yield
    _DOING.pop()


def doing() -> str | None:
    return _DOING[-1] if _DOING else None
