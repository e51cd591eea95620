"""Screenshots of the built site for the README: home, an article, a partner page and the timeline,
in each language. Serves site/ on 127.0.0.1 under /archive/ and drives Debian's Chromium.

Usage: .venv/bin/python scripts/screenshots.py [--site site] [--out tests/screenshots]
"""
from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = {
    "home": "",
    "article": "articles/2023-08-10-bi-thu-tinh-uy-thai-nguyen-tiep-va-lam-viec-voi.html",
    "partner": "partners/gyeongsangbuk-do.html",
    "timeline": "timeline/",
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--site", default="site")
    ap.add_argument("--out", default="tests/screenshots")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(args.site, Path(tmp) / "archive")
        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep the output to the files written
                pass

        handler = functools.partial(Quiet, directory=tmp)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/archive/"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium")
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for lang, prefix in (("vi", ""), ("en", "en/")):
                for name, path in PAGES.items():
                    page.goto(base + prefix + path)
                    page.wait_for_load_state("networkidle")
                    target = out / f"{name}-{lang}.png"
                    page.screenshot(path=str(target))
                    print(f"wrote {target}")
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
