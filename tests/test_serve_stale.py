"""`mkdocs serve` (what `./tna serve` runs) as an archivist previews with it: a record added to
data/ shows without restarting, a changed seed or correction puts a notice on the page saying to
convert again, and the server prints no warnings while a reader browses."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run
from test_serve import _get, _port, _wait

SLUG = "2023-08-10-bi-thu-tinh-uy-thai-nguyen-tiep-va-lam-viec-voi"
SEED = "003_5afb966c1325a250.txt"
NEW_PARTNER = ("\n  - id: added-partner\n    name_vi: Tổ chức Hữu nghị Mới\n"
               "    name_en: New Friendship Organisation\n    kind: ngo\n")
NOTICE_VI = "Trang gốc, bản sửa hoặc tệp dữ liệu đã đổi: chạy ./tna convert để cập nhật bài viết."
NOTICE_EN = "A seed, a correction or a data file has changed: run ./tna convert to update the articles."


def _status(base: str) -> dict:
    text = _get(base + "assets/tna-serve/status.json")
    return json.loads(text) if text else {"unread": True}


def _notice(browser, url: str) -> str | None:
    """The notice's text as a reader sees it on the page at *url*, or None."""
    page = browser.new_page()
    try:
        with page.expect_response(lambda r: r.url.endswith("/assets/tna-serve/status.json")) as status:
            page.goto(url)  # (the live-reload connection stays open: the page never goes idle)
        status.value.finished()
        page.wait_for_timeout(300)  # the script's last step, after the status arrives
        box = page.query_selector(".tna-serve-notice")
        return box.inner_text() if box and box.is_visible() else None
    finally:
        page.close()


@pytest.mark.browser
def test_serve_reloads_data_and_says_when_the_articles_need_converting(project: Path, browser):
    run(["convert"], project, check=True)
    port = _port()
    base = f"http://127.0.0.1:{port}/"
    log = project / "serve.log"
    with open(log, "w") as fh:
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                cwd=project, stdout=fh, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        _wait(lambda: "Bí thư Tỉnh ủy" in _get(base + f"articles/{SLUG}.html"), 180, proc, log)
        assert _status(base) == {}
        assert _notice(browser, base + f"articles/{SLUG}.html") is None

        # A partner added to data/: its page is served at the next rebuild, no restart.
        with open(project / "data/partners.yml", "a", encoding="utf-8") as fh:
            fh.write(NEW_PARTNER)
        _wait(lambda: "Tổ chức Hữu nghị Mới" in _get(base + "partners/added-partner.html"), 120, proc, log)
        assert "data/partners.yml" in _status(base).get("vi", "")
        run(["convert"], project, check=True)
        _wait(lambda: _status(base) == {}, 120, proc, log)

        # A seed changed: every page says to convert, in its own language.
        seed = project / "seeds" / SEED
        seed.chmod(0o644)
        seed.write_text(seed.read_text(encoding="utf-8") + "\nMột đoạn mới của trang gốc.\n", encoding="utf-8")
        _wait(lambda: f"seeds/{SEED}" in _status(base).get("vi", ""), 120, proc, log)
        shown = _notice(browser, base + f"articles/{SLUG}.html")
        assert shown is not None and shown.startswith(NOTICE_VI) and f"seeds/{SEED}" in shown
        shown = _notice(browser, base + "en/partners/korea.html")
        assert shown is not None and shown.startswith(NOTICE_EN)

        # Converted again: the notice goes.
        run(["convert"], project, check=True)
        _wait(lambda: _status(base) == {}, 120, proc, log)
        assert _notice(browser, base + "index.html") is None
        output = log.read_text(encoding="utf-8")
        assert "Traceback" not in output
        warnings = [line for line in output.splitlines() if "WARNING" in line]
        # none but the 404s of this test's own asking for the new page before it was built (no sitemap.xml)
        assert [w for w in warnings if "GET /partners/added-partner.html " not in w] == [], warnings
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def test_a_normal_build_has_no_serve_notice_and_no_head_language_links(built_site):
    for page in (built_site / "index.html", built_site / f"articles/{SLUG}.html", built_site / "en/partners/korea.html"):
        html = page.read_text(encoding="utf-8")
        assert "tna-serve" not in html
        # Material fetches sitemap.xml beside every head rel=alternate link: none, so no 404s
        assert '<link rel="alternate"' not in html
        assert 'class="md-select__link"' in html and 'hreflang="en"' in html  # the header's switch stays
    assert not (built_site / "assets/tna-serve").exists()
