"""Bounded, interruptible work: a time limit per page, and Ctrl-C that never leaves half a file.

A page that takes too long (a pathological input the extractors did not foresee) fails on its
own with a message, and the batch goes on. Ctrl-C is held back only for the few instructions
that write one file and rename it into place, so an interrupted run leaves every file whole
and no temporary file behind, and still stops at once.
"""
from __future__ import annotations

import signal
import sys
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

    running = [True]

    def expired(signum, frame):
        if not running[0]:  # the body is over
            return
        signal.setitimer(signal.ITIMER_REAL, 0.05)  # again soon, should this land in a finalizer (_unraisable)
        raise PageTimeout(_("took over {s:g} s to convert; skipped (the rest of the batch goes on)").format(s=seconds))

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        running[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_pressed = False  # Ctrl-C arrived during the command (kept even where Python swallowed it)
_default_unraisable = sys.unraisablehook


def _on_ctrl_c(signum, frame):
    global _pressed
    _pressed = True
    raise KeyboardInterrupt


def _unraisable(unraisable) -> None:
    """Python cannot raise an exception out of a finalizer (a __del__, a weakref callback): a
    Ctrl-C that lands in one is printed as "Exception ignored ... Traceback" and lost. The
    traceback is not printed; the interrupt is not lost either (_pressed, raise_if_interrupted).
    A page's time limit, the same: its timer fires again until the limit is raised outside one."""
    if unraisable.exc_type is not None and issubclass(unraisable.exc_type, (KeyboardInterrupt, PageTimeout)):
        return
    _default_unraisable(unraisable)


def catch_ctrl_c() -> None:
    """For the duration of a command: Ctrl-C raises KeyboardInterrupt and is remembered."""
    global _pressed
    _pressed = False
    sys.unraisablehook = _unraisable
    if _main_thread():
        signal.signal(signal.SIGINT, _on_ctrl_c)


def raise_if_interrupted() -> None:
    """Raise the Ctrl-C that Python swallowed in a finalizer; at points where stopping is clean."""
    if _pressed:
        raise KeyboardInterrupt


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
