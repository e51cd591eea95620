"""Screenshots of the built site for the README: home, an article, a partner page and the timeline,
in each language (1280×900), and the partner maps (the world, East and Southeast Asia, a year's
partners); with --mobile, home, an article, a partner page and search results on a 390×844 phone
screen (mobile-*.png). Serves site/ on 127.0.0.1 under /archive/ and drives Debian's Chromium.

Usage: .venv/bin/python scripts/screenshots.py [--site site] [--out tests/screenshots] [--mobile]
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
MAPS = {  # name → (page, the map's element)
    "map-world": ("partners/index.html", "#tnm-world"),
    "map-region": ("partners/index.html", "#tnm-region"),
    "map-year": ("timeline/2023.html", "#tnm-y2023"),
}
MOBILE = {
    "home": "index.html",
    "article": PAGES["article"],
    "partner": PAGES["partner"],
    "search": "search.html?q={query}",
}
QUERY = {"vi": "hợp tác", "en": "cooperation"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--site", default="site")
    ap.add_argument("--out", default="tests/screenshots")
    ap.add_argument("--mobile", action="store_true", help="390×844 phone screenshots (mobile-*.png) instead")
    args = ap.parse_args()
    pages, stem = (MOBILE, "mobile-") if args.mobile else (PAGES, "")
    viewport = {"width": 390, "height": 844} if args.mobile else {"width": 1280, "height": 900}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, serve(Path(tmp)) as root:
        shutil.copytree(args.site, Path(tmp) / "archive")
        base = f"{root}/archive/"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium")
            page = browser.new_page(viewport=viewport, device_scale_factor=1)
            for lang, prefix in (("vi", ""), ("en", "en/")):
                for name, path in pages.items():
                    page.goto(base + prefix + path.format(query=QUERY[lang]))
                    page.wait_for_load_state("networkidle")
                    if name == "search":
                        page.wait_for_selector(".tna-search-page__results li")
                    target = out / f"{stem}{name}-{lang}.png"
                    page.screenshot(path=str(target))
                    print(f"wrote {target}")
                for name, (path, element) in ({} if args.mobile else MAPS).items():
                    page.goto(base + prefix + path)
                    target = out / f"{name}-{lang}.png"
                    page.locator(element).screenshot(path=str(target))
                    print(f"wrote {target}")
            browser.close()

if __name__ == "__main__":
    main()
