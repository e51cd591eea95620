"""`mkdocs serve --dirty`, as someone editing the archive uses it: an edit shows on every page that
shows what was edited (the article, its partners' pages, the article list), the search index
follows, and the server stays quiet between edits (its file watcher does not rebuild on the
build's own reading of the files)."""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from conftest import run

SLUG = "2021-10-20-cong-tac-doi-ngoai-tinh-thai-nguyen-9-thang-nam"
TITLE = "Công tác đối ngoại tỉnh Thái Nguyên 9 tháng năm 2021"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return ""


def _wait(what, timeout: float, proc, log: Path):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if what():
            return
        assert proc.poll() is None, f"mkdocs serve ended:\n{log.read_text()[-3000:]}"
        time.sleep(0.1)
    raise AssertionError(f"not served within {timeout} s:\n{log.read_text()[-3000:]}")


def _builds(log: Path) -> int:
    return log.read_text(encoding="utf-8").count("Building documentation...")


def _search_files_hold(index: Path, text: str) -> bool:
    """Whether a search file of *index* holds *text*. The serve process swaps the folder's files
    while they are read here: a file gone meanwhile means the new ones are not all in place yet."""
    try:
        return index.is_dir() and any(text in p.read_text(encoding="utf-8") for p in index.rglob("*.js"))
    except FileNotFoundError:
        return False


def test_an_edit_under_mkdocs_serve_reaches_every_page_that_shows_it(project: Path):
    run(["convert"], project, check=True)
    md = project / "docs" / "vi" / "articles" / f"{SLUG}.md"
    original = md.read_text(encoding="utf-8")
    assert f"title: {TITLE}\n" in original
    port = _port()
    base = f"http://127.0.0.1:{port}/"
    log = project / "serve.log"
    with open(log, "w") as fh:
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "-a", f"127.0.0.1:{port}"],
                                cwd=project, stdout=fh, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        _wait(lambda: TITLE in _get(base + f"articles/{SLUG}.html"), 180, proc, log)
        site = Path(re.search(r"Building 'vi' documentation to directory: (\S+)", log.read_text()).group(1))

        # Quiet between edits: the build reads every page, and that must not start another build.
        time.sleep(3)
        quiet = _builds(log)
        time.sleep(3)
        assert _builds(log) == quiet, log.read_text()[-3000:]

        # A new title: the article, the partners it names and the article list show it.
        new_title = "Tiêu đề đã sửa trong khi xem thử"
        md.write_text(original.replace(f"title: {TITLE}\n", f"title: {new_title}\n"), encoding="utf-8")
        pages = [f"articles/{SLUG}.html", "partners/embassy-laos.html", "partners/gyeongsangbuk-do.html", "articles/index.html"]
        _wait(lambda: all(new_title in _get(base + p) for p in pages), 120, proc, log)
        assert TITLE not in _get(base + "partners/embassy-laos.html")
        # and the search index, remade in its own process once the pages are served
        index = site / "assets" / "search" / "vi"
        _wait(lambda: _search_files_hold(index, new_title), 120, proc, log)

        # A changed paragraph only: the article shows it; the derived pages are left as they were.
        before = (site / "partners" / "embassy-laos.html").stat().st_mtime_ns
        text = md.read_text(encoding="utf-8")
        md.write_text(text + "\nMột đoạn mới viết thêm khi xem thử.\n", encoding="utf-8")
        _wait(lambda: "Một đoạn mới viết thêm khi xem thử." in _get(base + f"articles/{SLUG}.html"), 120, proc, log)
        assert (site / "partners" / "embassy-laos.html").stat().st_mtime_ns == before

        # Back as it was.
        md.write_text(original, encoding="utf-8")
        _wait(lambda: all(TITLE in _get(base + p) and new_title not in _get(base + p) for p in pages), 120, proc, log)
        assert "Traceback" not in log.read_text(encoding="utf-8")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
