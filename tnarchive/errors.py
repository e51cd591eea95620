"""The project's one error type and the one way a problem is shown to a person.

Every problem the archive can diagnose is a `Problem` (file, line, message) printed as one line,
`PATH:LINE: error: MESSAGE`. An `ArchiveError` carries one or more of them; the CLI prints them
and exits with a documented code, the MkDocs plugin turns them into MkDocs' `PluginError`.
Anything else that escapes is a bug, and `bug_line` says so in one line.

Every sentence a user reads passes through `_()`: gettext, in the language chosen when the
message is shown (`tnarchive --lang`, else the locale), from the catalogue in tnarchive/locale/.
"""
from __future__ import annotations

import functools
import gettext
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "tnarchive"
LANGUAGES = ("vi", "en")
_chosen: list[str] = []  # set_language's choice, once made


def N_(message: str) -> str:
    """Mark a message kept in a constant: extracted for translation, translated by `_()` when shown."""
    return message


def set_language(lang: str | None) -> None:
    """Choose the language of every later message ("vi" or "en"); None: follow the locale again."""
    _chosen[:] = [lang] if lang else []


def language() -> str:
    """The chosen language, else the locale's: the first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG that is set
    and not empty; Vietnamese when it starts with "vi", English otherwise."""
    if _chosen:
        return _chosen[0]
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    return "en"


@functools.cache
def _catalogue(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue (.mo, made by scripts/setup.sh); when it is missing or older than the .po
    (a translator's edit not yet compiled), the .po itself, read with Babel."""
    if lang == "en":
        return gettext.NullTranslations()
    po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    mo = po.with_suffix(".mo")
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with open(mo, "rb") as f:
            return gettext.GNUTranslations(f)
    if not po.exists():
        return gettext.NullTranslations()
    from babel.messages.pofile import read_po
    with open(po, "rb") as f:
        catalog = read_po(f)
    return _PoTable({m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy})


class _PoTable(gettext.NullTranslations):
    """Translations read straight from a .po file (fuzzy entries left out, as msgfmt does)."""

    def __init__(self, table: dict[str, str]):
        super().__init__()
        self.table = table

    def gettext(self, message: str) -> str:
        return self.table.get(message, message)


def _(message: str) -> str:
    """A user-facing message in the chosen language (the English msgid when it has no translation)."""
    return _catalogue(language()).gettext(message)


def translated(message: str, lang: str) -> str:
    """*message* in *lang* whatever the run's language: the site builds each language's pages."""
    return _catalogue(lang if lang in LANGUAGES else "en").gettext(message)


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    message: str
    level: str = "error"  # "error" | "warning"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {_(self.level)}: {one_line(self.message)}"


LEVELS = (N_("error"), N_("warning"))  # Problem.level, translated when shown
INTERRUPTED_EARLY = N_("interrupted: nothing was left half-written")  # Ctrl-C outside a command (cli.py)


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
