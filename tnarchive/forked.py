"""One function over many independent items, in forked processes, results in the items' order.

Converting pages, extracting events and rendering article bodies each work on one item at a
time with large shared state (the loaded data, the matcher, MkDocs' config). Forked workers
inherit that state, and the items too: only chunk numbers go to a worker and only results come
back. The order of the results never depends on the number of processes, so neither does the
output.

Why not multiprocessing.Pool: its terminate() can hang for ever (CPython issues 73945, 78178,
96995: the task handler waits on a lock of the shared task queue). Ctrl-C during `convert` hung
about once in 200 tries that way. Here each worker has its own pipe and no lock is shared, so
stopping is always the same two steps: kill the workers, reap them.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import wait

from .errors import _
from .interrupts import ignore_interrupts_in_worker

_TASK: Callable | None = None  # the function a forked worker applies (inherited, never pickled)
_ITEMS: Sequence = ()  # the items (inherited, never pickled)
IN_FLIGHT = 2  # chunks handed to each worker ahead, so it never waits for the parent


class WorkerDied(RuntimeError):
    """A worker process ended without sending its results (killed, out of memory)."""


def default_jobs(items: int, per_job: int) -> int:
    """One process per CPU, but no more than one per *per_job* items: below that, starting a
    process costs more than it saves."""
    return max(1, min(os.cpu_count() or 1, items // per_job))


def _worker(conn, chunksize: int, others: list) -> None:
    """Apply _TASK to the chunks whose numbers arrive on *conn*; send back (number, results, error).
    The parent's ends of the other workers' pipes, inherited, are closed: if the parent dies,
    every worker then sees its pipe end and exits."""
    ignore_interrupts_in_worker()
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    for other in others:
        other.close()
    while True:
        try:
            k = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if k is None:
            return
        results, error = [], None
        for item in _ITEMS[k * chunksize:(k + 1) * chunksize]:
            try:
                results.append(_TASK(item))
            except Exception as exc:  # raised in the parent when this item's turn comes
                error = exc
                break
        try:
            try:
                conn.send((k, results, error))
            except OSError:
                raise
            except Exception as exc:  # a result or an error that cannot be pickled
                conn.send((k, results, RuntimeError(f"{type(exc).__name__}: {exc}")))
        except OSError:  # the parent is gone
            return


def _start(jobs: int, chunksize: int) -> tuple[list, list]:
    """*jobs* forked workers and the parent's end of each one's pipe. Ctrl-C is held back while
    they start, so it never lands in a worker before the worker has set it aside."""
    ctx = mp.get_context("fork")
    procs, conns = [], []
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        for _job in range(jobs):
            mine, theirs = ctx.Pipe()
            proc = ctx.Process(target=_worker, args=(theirs, chunksize, list(conns) + [mine]), daemon=True)
            proc.start()
            theirs.close()
            procs.append(proc)
            conns.append(mine)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    return procs, conns


def _stop(procs: list, conns: list, finished: bool) -> None:
    """Workers told to stop (*finished*) or killed (an error, Ctrl-C, a consumer that stopped
    early), and reaped either way: nothing outlives the call, nothing can wait on a lock."""
    for conn in conns:
        if finished:
            try:
                conn.send(None)
            except OSError:
                pass
        conn.close()
    for proc in procs:
        if not finished:
            proc.kill()
        proc.join()


def fork_imap(fn: Callable, items: Sequence, per_job: int, jobs: int | None = None, chunksize: int = 16) -> Iterator:
    """fn(item) for every item, in order, in up to *jobs* processes (default: default_jobs).

    In this process when one job is enough, fork is not available, or this process runs other
    threads (under `mkdocs serve`): a fork copies only the calling thread, and a lock another
    thread holds would stay held in the child for ever. An exception fn raises in a worker is
    raised here when its item's turn comes."""
    global _TASK, _ITEMS
    jobs = min(jobs or default_jobs(len(items), per_job), max(1, len(items)))
    if jobs == 1 or "fork" not in mp.get_all_start_methods() or threading.active_count() > 1:
        yield from (fn(item) for item in items)
        return
    chunks = -(-len(items) // chunksize)
    _TASK, _ITEMS = fn, items
    procs, conns = _start(jobs, chunksize)
    finished = False
    try:
        sent = 0
        for conn in conns:
            for _slot in range(IN_FLIGHT):
                if sent < chunks:
                    conn.send(sent)
                    sent += 1
        arrived: dict[int, tuple] = {}
        for want in range(chunks):
            while want not in arrived:
                for conn in wait(conns):
                    try:
                        k, results, error = conn.recv()
                    except EOFError:
                        proc = procs[conns.index(conn)]
                        proc.join(1)
                        raise WorkerDied(_("a worker process ended without its results (exit status {code})").format(
                            code=proc.exitcode)) from None
                    arrived[k] = (results, error)
                    if sent < chunks:
                        conn.send(sent)
                        sent += 1
            results, error = arrived.pop(want)
            yield from results
            if error is not None:
                raise error
        finished = True
    finally:
        _TASK, _ITEMS = None, ()
        _stop(procs, conns, finished)


def fork_map(fn: Callable, items: Sequence, per_job: int, jobs: int | None = None, chunksize: int = 16) -> list:
    return list(fork_imap(fn, items, per_job, jobs, chunksize))
