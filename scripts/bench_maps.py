"""What the partner maps cost: the time they add to making the derived pages (both languages, in
this process), and the size of the map pages in a built site.

    .venv/bin/python scripts/gen_corpus.py --count 1000 --out /tmp/corpus --translations /tmp/corpus/docs/en/articles
    (cd /tmp/corpus && mkdocs build)
    .venv/bin/python scripts/bench_maps.py --project /tmp/corpus

The derived pages are made three times from one loaded catalog: once to warm the article items
every listing shares, once with the map functions replaced by empty ones, once with the real ones
timed (outline caches cleared first, so the decoding of the outlines is counted). CPU time of this
process, which a machine shared with other work distorts less than wall-clock time; wall-clock
time is printed beside it.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import re
import time
from pathlib import Path

from markupsafe import Markup

from tnarchive.site import derived, maps, outlines, partners, timeline
from tnarchive.catalog.loader import load_catalog

MAP_FUNCTIONS = {(partners, "index_maps"), (partners, "partner_place"), (timeline, "year_map")}
PAGES = ["partners/index.html", "en/partners/index.html", "timeline/2023.html", "en/timeline/2023.html",
         "partners/korea.html", "en/partners/chilgok.html"]
MAP_PARTS = re.compile(r'<figure class="tnm-figure.*?</figure>|<details class="tnm-numbers">.*?</details>'
                       r'|<ul class="tnm-legend".*?</ul>|<h2 id="map-periods">.*?</div>', re.S)


def use_maps(real: bool, spent: dict[str, float]) -> None:
    for module, name in MAP_FUNCTIONS:
        original = getattr(module, f"_real_{name}", None) or getattr(module, name)
        setattr(module, f"_real_{name}", original)
        setattr(module, name, _timed(original, name, spent) if real else _empty(name))


def _timed(f, name: str, spent: dict[str, float]):
    @functools.wraps(f)
    def run(*args, **kw):
        t = time.process_time()
        try:
            return f(*args, **kw)
        finally:
            spent[name] = spent.get(name, 0.0) + time.process_time() - t
    return run


def _empty(name: str):
    return (lambda *a, **k: ([], Markup(""))) if name == "partner_place" else (lambda *a, **k: Markup(""))


def make_pages(cat) -> tuple[float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    for lang in ("vi", "en"):
        derived.sections(cat, lang)
    return time.process_time() - cpu, time.perf_counter() - wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--project", type=Path, default=Path("."), help="folder with docs/, data/ and the built site/")
    args = ap.parse_args()
    cat = load_catalog(args.project / "docs", args.project / "data")
    spent: dict[str, float] = {}
    use_maps(False, spent)
    make_pages(cat)
    without = make_pages(cat)
    use_maps(True, spent)
    cat.memo.clear()
    maps._PATHS.clear()
    maps._BACKGROUNDS.clear()
    outlines._SIMPLE.clear()
    for cached in (outlines.topology, outlines.country_boxes, outlines.arc_boxes, outlines.main_ring, outlines._wrapped):
        cached.cache_clear()
    with_maps = make_pages(cat)
    print(f"{len(cat.articles)} articles; derived pages of both languages: {without[0]:.2f} s CPU ({without[1]:.2f} s wall) "
          f"without maps, {with_maps[0]:.2f} s CPU ({with_maps[1]:.2f} s wall) with them: maps add "
          f"{with_maps[0] - without[0]:.2f} s CPU; in the map functions {sum(spent.values()):.2f} s CPU "
          + str({k: round(v, 2) for k, v in sorted(spent.items())}))
    site = args.project / "site"
    for page in PAGES:
        path = site / page
        if not path.exists():
            continue
        html = path.read_text(encoding="utf-8")
        part = "".join(MAP_PARTS.findall(html))
        print(f"{page}: {len(html) / 1024:.1f} KB ({_gz(html):.1f} KB gzip); the maps with their legend, table and "
              f"periods {len(part) / 1024:.1f} KB ({_gz(part):.1f} KB gzip)")


def _gz(text: str) -> float:
    return len(gzip.compress(text.encode("utf-8"), 9)) / 1024


if __name__ == "__main__":
    main()
