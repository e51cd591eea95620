"""Build the site's languages side by side: one forked process per language after the first.

mkdocs-static-i18n builds the languages one after the other in one process (its on_post_build
calls MkDocs' build() again for each further language). Each language's pages depend only on
the catalog, so once the catalog is loaded the plugin forks: a child builds its language, the
way mkdocs-static-i18n would, into a folder of its own beside site_dir, so that no file is
written by two processes; the parent builds the default language, then waits for the children
and moves their pages into site_dir. On two cores the build takes about half as long, and the site is byte for byte the one a sequential build makes.

Not under `mkdocs serve` (its server threads do not survive a fork), never while this process
runs any other thread (a fork copies only the forking thread, and locks held by the others stay
held forever), not when TNARCHIVE_JOBS=1, and not on one core.

The trick: mkdocs-static-i18n's internal build state (`building`, `current_language`,
`build_languages`) is read and set, in the children and while the parent builds every language.
Guard: mkdocs-static-i18n 1.3.1 and those attributes present; otherwise mkdocs-static-i18n builds
the languages one after the other itself, as it does with TNARCHIVE_JOBS=1 (the same site, in
about twice the time on two cores).

A child dies with its parent (PR_SET_PDEATHSIG), so a build that is killed leaves no process behind.
"""
from __future__ import annotations

import copy
import ctypes
import os
import shutil
import signal
import sys
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path

from ...errors import _
from . import guard

ENV = "TNARCHIVE_JOBS"
_PR_SET_PDEATHSIG = 1
_STATE = ("building", "build_languages", "current_language")  # mkdocs-static-i18n's, read and set here
_child = False


class ForkError(RuntimeError):
    """A language built in a forked process failed; the message says which."""


@dataclass
class Forked:
    pid: int
    lang: str
    folder: Path  # where the child builds, beside site_dir


def in_child() -> bool:
    return _child


def may_fork(config, command: str) -> bool:
    if _child or command not in ("build", "gh-deploy") or not hasattr(os, "fork") or threading.active_count() > 1:
        return False
    jobs = os.environ.get(ENV, "").strip()
    if jobs.isdigit():
        if int(jobs) <= 1:
            return False
    elif (os.cpu_count() or 1) < 2:
        return False
    i18n = config.plugins.get("i18n")
    if i18n is None or not all(hasattr(i18n, name) for name in _STATE):
        return False
    if not guard.written_for(guard.STATIC_I18N, "languages (languages built side by side)"):
        return False
    return not i18n.building and len(i18n.build_languages) > 1


def hold_i18n(config, held: bool) -> None:
    """*held*: this process has built every language, so mkdocs-static-i18n's on_post_build must
    not build them again; released (False) once it has run."""
    config.plugins["i18n"].building = held


def current_language(config) -> str:
    """The language mkdocs-static-i18n is building (the default language without it)."""
    return getattr(config.plugins.get("i18n"), "current_language", None) or "vi"


def reset_alternates(config) -> None:
    """The language switch as mkdocs-static-i18n made it for this language (its `extra_alternate`),
    before the theme renders the 404 page: the plugin's on_page_context sets it for every page,
    and the 404 page must not keep the links of the previous language's last page."""
    alternate = getattr(config.plugins.get("i18n"), "extra_alternate", None)
    if alternate:
        config.extra["alternate"] = copy.deepcopy(alternate)
        config.extra.alternate = config.extra["alternate"]


def build_folder(site: Path, lang: str) -> Path:
    return site.parent / f"{site.name}.{lang}-build"


def fork_others(config, on_child) -> list[Forked]:
    """Fork a build of every language but the current one; *on_child(lang)* runs first in each child."""
    i18n = config.plugins["i18n"]
    site = Path(config.site_dir)
    forked = []
    for lang in [x for x in i18n.build_languages if x != i18n.current_language]:
        folder = build_folder(site, lang)
        shutil.rmtree(folder, ignore_errors=True)
        sys.stdout.flush()
        sys.stderr.flush()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:
            _child_build(config, i18n, lang, folder, parent, on_child)  # never returns
        forked.append(Forked(pid, lang, folder))
    return forked


def _child_build(config, i18n, lang: str, folder: Path, parent: int, on_child) -> None:
    global _child
    from mkdocs.commands.build import build

    status = 1
    try:
        _child = True
        _die_with(parent)
        on_child(lang)
        i18n.current_language = lang
        i18n.building = True  # this process builds its own language only
        config.site_dir = str(folder)
        build(config)
        status = 0
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else 1
    except BaseException:  # noqa: BLE001 - reported here, in the child, and by its exit status
        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(status)


def _die_with(parent: int) -> None:
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def join(forked: list[Forked], site: Path) -> None:
    """Wait for every child; move each language's pages into *site*."""
    failed = []
    for f in forked:
        _pid, status = os.waitpid(f.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            failed.append(_("the '{lang}' build (forked process {pid}) failed with exit status {code}; its messages are "
                            "above").format(lang=f.lang, pid=f.pid, code=code))
    if failed:
        for f in forked:
            shutil.rmtree(f.folder, ignore_errors=True)
        raise ForkError("; ".join(failed))
    for f in forked:
        target = site / f.lang
        if target.exists():
            shutil.rmtree(target)
        os.replace(f.folder / f.lang, target)
        shutil.rmtree(f.folder)  # what is left is the theme's files, as the default language wrote them


def abandon(forked: list[Forked]) -> None:
    """The default language's build failed: stop the children and remove their folders."""
    for f in forked:
        try:
            os.kill(f.pid, signal.SIGTERM)
            os.waitpid(f.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        shutil.rmtree(f.folder, ignore_errors=True)
