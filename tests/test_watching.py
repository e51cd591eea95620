"""mkdocs serve's file watcher (tnarchive/site/integration/watching.py), on MkDocs' own LiveReloadServer:
moved to the native observer with the same paths, and back to polling if the native one refuses."""
from __future__ import annotations

import time
from pathlib import Path

from mkdocs.livereload import LiveReloadServer
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from tnarchive.site.integration import watching


def _server(root: Path) -> LiveReloadServer:
    return LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(root))


def test_paths_move_to_the_native_observer_and_only_changes_start_a_build(tmp_path):
    docs = tmp_path / "docs"
    (docs / "vi").mkdir(parents=True)
    page = docs / "vi" / "a.md"
    page.write_text("# a\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n", encoding="utf-8")
    server = _server(tmp_path)
    server.watch(str(docs))
    server.watch(str(docs))
    server.watch(str(config))
    assert watching.use_native(server) is True
    assert not isinstance(server.observer, PollingObserver)
    assert server._watched_paths == {str(docs): 2, str(config): 1}
    server.observer.start()
    try:
        time.sleep(0.3)
        page.read_text(encoding="utf-8")  # what the build does to every page: not a change
        time.sleep(0.5)
        assert server._want_rebuild is False
        page.write_text("# b\n", encoding="utf-8")
        deadline = time.monotonic() + 5
        while not server._want_rebuild and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server._want_rebuild is True
    finally:
        server.observer.stop()
        server.observer.join()


def test_a_native_observer_that_refuses_a_path_leaves_polling(tmp_path, monkeypatch):
    class Refusing(Observer):
        calls = 0

        def schedule(self, *args, **kwargs):
            Refusing.calls += 1
            if Refusing.calls == 2:
                raise OSError("inotify watch limit reached")
            return super().schedule(*args, **kwargs)

    monkeypatch.setattr(watching, "native_observer_class", lambda: Refusing)
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    server = _server(tmp_path)
    server.watch(str(tmp_path / "docs"))
    server.watch(str(tmp_path / "mkdocs.yml"))
    polling = server.observer
    assert watching.use_native(server) is False
    assert server.observer is polling
    assert server._watched_paths == {str(tmp_path / "docs"): 1, str(tmp_path / "mkdocs.yml"): 1}
    assert set(server._watch_refs) == set(server._watched_paths)
