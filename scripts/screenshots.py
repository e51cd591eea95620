"""Screenshots of the built site for the README: home, an article, a partner page and the timeline,
in each language. Serves site/ on 127.0.0.1 under /archive/ and drives Debian's Chromium.

Usage: .venv/bin/python scripts/screenshots.py [--site site] [--out tests/screenshots]
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from benchmark.browser import serve  # a quiet local server on 127.0.0.1
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
    with tempfile.TemporaryDirectory() as tmp, serve(Path(tmp)) as root:
        shutil.copytree(args.site, Path(tmp) / "archive")
        base = f"{root}/archive/"
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

if __name__ == "__main__":
    main()
