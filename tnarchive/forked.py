"""One function over many independent items, in forked processes, results in the items' order.

Converting pages, extracting events and rendering article bodies each work on one item at a
time with large shared state (the loaded data, the matcher, MkDocs' config). Forked workers
inherit that state instead of receiving it pickled; only the items and the results travel.
The order of the results never depends on the number of processes, so neither does the output.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import threading
from collections.abc import Callable, Iterator, Sequence

from .interrupts import ignore_interrupts_in_worker

_TASK: Callable | None = None  # the function a forked worker applies (inherited, never pickled)


def default_jobs(items: int, per_job: int) -> int:
    """One process per CPU, but no more than one per *per_job* items: below that, starting a
    process costs more than it saves."""
    return max(1, min(os.cpu_count() or 1, items // per_job))


def _call(item):
    return _TASK(item)


def fork_imap(fn: Callable, items: Sequence, per_job: int, jobs: int | None = None, chunksize: int = 16) -> Iterator:
    """fn(item) for every item, in order, in up to *jobs* processes (default: default_jobs).

    In this process when one job is enough, fork is not available, or this process runs other
    threads (under `mkdocs serve`): a fork copies only the calling thread, and a lock another
    thread holds would stay held in the child for ever."""
    global _TASK
    jobs = min(jobs or default_jobs(len(items), per_job), max(1, len(items)))
    if jobs == 1 or "fork" not in mp.get_all_start_methods() or threading.active_count() > 1:
        yield from (fn(item) for item in items)
        return
    _TASK = fn
    try:  # workers ignore Ctrl-C: the parent gets it, and leaving the `with` terminates them all
        with mp.get_context("fork").Pool(jobs, initializer=ignore_interrupts_in_worker) as pool:
            yield from pool.imap(_call, items, chunksize=chunksize)
    finally:
        _TASK = None


def fork_map(fn: Callable, items: Sequence, per_job: int, jobs: int | None = None, chunksize: int = 16) -> list:
    return list(fork_imap(fn, items, per_job, jobs, chunksize))
