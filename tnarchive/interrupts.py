"""Bounded, interruptible work: a time limit per page, and Ctrl-C that never leaves half a file.

A page that takes too long (a pathological input the extractors did not foresee) fails on its
own with a message, and the batch goes on. Ctrl-C is held back only for the few instructions
that write one file and rename it into place, so an interrupted run leaves every file whole
and no temporary file behind, and still stops at once.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager

from .errors import ArchiveError, _


class PageTimeout(ArchiveError):
    exit_code = 1


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None):
    """Raise PageTimeout in the body after *seconds* of wall time (main thread only: signals)."""
    if not seconds or not _main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum, frame):
        raise PageTimeout(_("took over {s:g} s to convert; skipped (the rest of the batch goes on)").format(s=seconds))

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def interrupts_deferred():
    """Ctrl-C (SIGINT, SIGTERM) delivered only when the body is done: for writing one file."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    old = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def ignore_interrupts_in_worker() -> None:
    """A worker process leaves Ctrl-C to its parent, which stops the pool (no tracebacks, no zombies)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
