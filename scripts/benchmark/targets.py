"""The archive's targets, and each size's results checked against them."""
from __future__ import annotations

from .measuring import peak_rss
from .workload import PACE_MS, SERVE_EDITS

TARGETS = {
    "first_result_ms": 300,
    "keystroke_ms": 50,
    "search_bytes_gzip": 1_000_000,
    "flatness": 1.3,
    "peak_build_rss_bytes": 2 * 1024 ** 3,
    "build_s_5000": 90,
    "convert_rate": 50,
    "median_page_bytes": 40_000,
    "largest_page_bytes": 400_000,
    "serve_edit_s": 5,
}

# Build time is reported per unit: every HTML page, and every article page (both languages).
FLATNESS_UNITS = {
    "html_page": lambda stats: stats["html_pages"],
    "article_page": lambda stats: sum(stats["articles_html"].values()),
}


def _verdict(ok) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


def evaluate(sizes: dict[int, dict]) -> list[dict]:
    checks = []

    def add(size, name, value, target, ok, note=""):
        checks.append({"size": size, "check": name, "value": value, "target": target,
                       "result": _verdict(ok), "note": note})

    for n, r in sorted(sizes.items()):
        if "build" not in r:
            continue
        rate = r["convert"]["articles_per_s"]
        add(n, "conversion rate (articles/s)", rate, ">= 50", rate >= TARGETS["convert_rate"])
        med = r["site"]["median_page_bytes"]
        add(n, "median HTML page (bytes)", med, "< 40 KB", med < TARGETS["median_page_bytes"])
        big = r["site"]["largest_page_bytes"]
        add(n, "largest HTML page (bytes)", big, "<= 400 KB", big <= TARGETS["largest_page_bytes"],
            r["site"]["largest_page"])
        rss = peak_rss(r["build"])
        add(n, "peak build RSS, all processes together (bytes)", rss, "< 2 GB (target stated at 5,000)",
            None if rss is None else rss < TARGETS["peak_build_rss_bytes"])
        serve = r.get("serve") or {}
        what = {"text": "a paragraph added", "title": "its title changed"}
        for kind in SERVE_EDITS:
            one = serve.get(kind) or {}
            if one.get("max_s") is not None:
                add(n, f"mkdocs serve --dirty: one article edited ({what[kind]}), served again, slowest of "
                    f"{one['count']} (s)", one["max_s"], "< 5 s", one["max_s"] < TARGETS["serve_edit_s"],
                    f"median {one['median_s']} s")
        if n >= 5000:
            add(n, "mkdocs build, whole bilingual site (s)", r["build"]["wall_s"], "< 90 s",
                r["build"]["wall_s"] < TARGETS["build_s_5000"])
        s = r.get("search_summary") or {}
        if s.get("queries"):
            add(n, "search: first result after first keystroke, worst query (ms)", s["first_result_ms_max"],
                "<= 300 ms", None if s["first_result_ms_max"] is None else
                s["first_result_ms_max"] <= TARGETS["first_result_ms"] and not s["without_result"],
                ("no result for " + ", ".join(s["without_result"])) if s["without_result"] else
                f"median {s['first_result_ms_median']} ms")
            for how, ks in (("typed as soon as results show", s),
                            (f"typed at {PACE_MS} ms a key", r.get("search_paced_summary") or {})):
                if not ks.get("queries"):
                    continue
                add(n, f"search: later keystrokes, {how}, median (ms)", ks["keystroke_ms_median"], "<= 50 ms",
                    None if ks["keystroke_ms_median"] is None else ks["keystroke_ms_median"] <= TARGETS["keystroke_ms"])
                add(n, f"search: later keystrokes, {how}, slowest (ms)", ks["keystroke_ms_max"], "<= 50 ms",
                    None if ks["keystroke_ms_max"] is None else ks["keystroke_ms_max"] <= TARGETS["keystroke_ms"],
                    f"90th / 95th percentile {ks.get('keystroke_ms_p90')} / {ks.get('keystroke_ms_p95')} ms; "
                    f"{ks.get('keystrokes_over_50_ms')} of {ks.get('keystrokes')} keystrokes over 50 ms"
                    if ks.get("keystroke_ms_p90") is not None else "")
            add(n, "search: bytes before first result, worst query (gzip)", s["bytes_before_first_gzip_max"],
                "<= 1 MB (target stated at 5,000)",
                None if s["bytes_before_first_gzip_max"] is None else
                s["bytes_before_first_gzip_max"] <= TARGETS["search_bytes_gzip"])
    ns = sorted(k for k, v in sizes.items() if "build" in v)
    pairs = set(zip(ns, ns[1:]))
    if 1000 in sizes and 5000 in sizes:
        pairs.add((1000, 5000))
    for small, big in sorted(pairs):
        for unit in FLATNESS_UNITS:
            key = f"s_per_{unit}"
            if key not in sizes[big]["build"] or key not in sizes[small]["build"]:  # older results (--resume)
                continue
            ratio = sizes[big]["build"][key] / sizes[small]["build"][key]
            add(f"{big}/{small}", f"flatness: build time per {unit.replace('_', ' ').replace('html', 'HTML')}, ratio",
                round(ratio, 3), "<= 1.3", ratio <= TARGETS["flatness"],
                "" if (small, big) == (1000, 5000) else "target stated for 5000/1000")
    return checks
