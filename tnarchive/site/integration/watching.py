"""`mkdocs serve`: watch the docs folder through the kernel's file events instead of polling it.

MkDocs watches with watchdog's PollingObserver, which walks and stats every file under docs/ twice
a second. At 5,000 articles per language (6,500 files) each walk takes about a third of a second
of Python, so the watcher keeps most of a core busy and holds the GIL against the rebuild it has
just started: a rebuild then takes about twice as long as its own work.

`use_native(server)` moves every path MkDocs watches to watchdog's native observer (inotify on
Linux) with the same handlers. Only events that change something start a rebuild: inotify also
reports files being opened and closed without a write, and the build reads every page it renders.
Where no native observer can be had (a file system without inotify, such as some network and
container mounts), the polling observer stays; the plugin option `watcher: polling` keeps it
always.

The trick: MkDocs' LiveReloadServer's private `_watched_paths` and `_watch_refs`. Guard: MkDocs
1.6.1 and both present as dicts; otherwise the server polls, as MkDocs does (the same rebuilds,
a busier core).
"""
from __future__ import annotations

import logging

from watchdog import events

from . import guard

log = logging.getLogger("mkdocs.plugins.tnarchive")

# What changes a file or a folder's contents; not FileOpenedEvent or FileClosedNoWriteEvent.
CHANGES = [
    events.FileCreatedEvent, events.FileModifiedEvent, events.FileDeletedEvent, events.FileMovedEvent,
    events.FileClosedEvent, events.FileAttribEvent,
    events.DirCreatedEvent, events.DirDeletedEvent, events.DirMovedEvent, events.DirModifiedEvent,
]


def native_observer_class():
    """watchdog's native observer for this system, or None if it has none (it would poll)."""
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    return None if issubclass(Observer, PollingObserver) else Observer


def use_native(server) -> bool:
    """Move the paths *server* (MkDocs' LiveReloadServer, before it starts) watches to the native
    observer. Returns False, leaving the server as it was, when that cannot be done here."""
    native = native_observer_class()
    watched = getattr(server, "_watched_paths", None)  # MkDocs 1.6: path → number of watch() calls
    refs = getattr(server, "_watch_refs", None)  # and path → its watch in the observer
    if not guard.written_for(guard.MKDOCS, "watching (native file events)"):
        return False
    if native is None or not isinstance(watched, dict) or not isinstance(refs, dict) or not hasattr(server, "observer"):
        return False

    class ChangesOnly(native):
        def schedule(self, event_handler, path, *, recursive=False, event_filter=None, **kw):
            return super().schedule(event_handler, path, recursive=recursive,
                                    event_filter=event_filter if event_filter is not None else CHANGES, **kw)

    counts = dict(watched)
    polling = server.observer
    try:
        _watch_with(server, ChangesOnly(), counts)
    except OSError as exc:  # e.g. inotify watches exhausted, or a file system without inotify
        log.info(f"tnarchive: watching by polling ({exc})")
        _watch_with(server, polling, counts)
        return False
    return True


def _watch_with(server, observer, counts: dict[str, int]) -> None:
    """Unwatch every path *server* watches now, then watch each of *counts* (path → number of
    watch() calls) as often again through *observer*."""
    for path, n in list(server._watched_paths.items()):
        if path not in server._watch_refs:  # counted by a watch() whose observer refused it
            del server._watched_paths[path]
            continue
        for _ in range(n):
            server.unwatch(path)
    server.observer = observer
    for path, n in counts.items():
        for _ in range(n):
            server.watch(path)
