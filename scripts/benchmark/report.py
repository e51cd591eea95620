"""The report: results.json (everything measured, and the targets checked) and results.md (tables)."""
from __future__ import annotations

import json
from pathlib import Path

from .comparison import baseline_lines, side_by_side
from .measuring import peak_rss
from .sizes import human_bytes, with_unit
from .targets import TARGETS, evaluate
from .workload import PACE_MS, SERVE_EDITS


def serve_summary(serve: dict) -> str:
    parts = []
    for kind in SERVE_EDITS:
        one = serve.get(kind) or {}
        if one.get("count"):
            parts.append(f"{kind}: median {one['median_s']} s, slowest {one['max_s']} s of {one['count']}")
    if not parts:  # results written before edits had kinds
        parts.append(f"median {serve['median_s']} s, slowest {serve['max_s']} s of {len(serve['edits'])}")
    return "; ".join(parts) + f" (first build {serve['first_build_s']} s)"


def write_markdown(results: dict, path: Path) -> None:
    sizes = {int(k): v for k, v in results["sizes"].items()}
    m = results["machine"]
    checks = results["checks"]
    L = ["# Benchmarks", "",
         f"Measured {m['date']} by `scripts/bench.py` on {m['cores']} cores, {human_bytes(m['memory_bytes'])} RAM, "
         f"{m['cpu']}; {m['os']}; Python {m['python']}; "
         + ", ".join(f"{k} {v}" for k, v in m["versions"].items() if v) + f"; {m['chromium']}"
         + (f"; {m['hugo']}" if m.get("hugo") else "") + ".", "",
         f"Command: `{results['command']}`", "",
         "Corpora are SYNTHETIC (scripts/gen_corpus.py, seed 1): N raw pages converted into N Vietnamese "
         "articles, English placeholder translations for 30%; the English site still has N article pages "
         "(Vietnamese fallback). Peak RSS: the sum over the processes of a command (polled every 0.2 s; the build forks), and the largest single process (" + m["rss_method"] + "). Times are one run each (no repetition).", ""]
    if results.get("notes"):
        L += ["## Notes", ""] + [f"- {x}" for x in results["notes"]] + [""]
    L += ["## Targets", "", "| size | check | value | target | result | note |", "| --- | --- | --- | --- | --- | --- |"]
    for c in checks:
        v = c["value"]
        if isinstance(v, int) and "bytes" in c["check"].lower() or "RSS" in c["check"] or "(gzip)" in c["check"]:
            v = human_bytes(v) if v is not None else "–"
        L.append(f"| {c['size']} | {c['check']} | {v} | {c['target']} | **{c['result']}** | {c.get('note') or ''} |")
    L.append("")
    for n, r in sorted(sizes.items()):
        if "build" not in r:
            continue
        b, s, c = r["build"], r["site"], r["convert"]
        L += [f"## {n:,} articles per language" + (" (PARTIAL: the run stopped before this size finished)"
                                                    if r.get("partial") else ""), "", "| metric | value |", "| --- | --- |",
              f"| convert: wall | {c['wall_s']} s ({c['articles']} articles, {c['articles_per_s']} articles/s) |",
              f"| convert: peak RSS | {human_bytes(peak_rss(c))} (all processes together) |",
              f"| placeholder translations written | {r['translations']['written']} |",
              f"| mkdocs build: wall | {b['wall_s']} s |",
              f"| mkdocs build: per HTML page | {b['ms_per_html_page']} ms |",
              f"| mkdocs build: per article page | {b.get('ms_per_article_page', 'not measured')} ms |",
              f"| mkdocs build: peak RSS | {human_bytes(peak_rss(b))} (all processes together; largest single process "
              f"{human_bytes(b['peak_rss_bytes'])}"
              + (f"; proportional set size summed, shared pages counted once: {human_bytes(b['peak_total_pss_bytes'])}"
                 if b.get("peak_total_pss_bytes") else "") + ") |",
              "| mkdocs serve --dirty, one article edited until served again (vi and en) | "
              + (serve_summary(r["serve"]) if (r.get('serve') or {}).get('edits')
                 else (r.get('serve') or {}).get('error', 'not measured')) + " |",
              f"| HTML pages | {s['html_pages']:,} (articles: vi {s['articles_html']['vi']:,}, en {s['articles_html']['en']:,}) |",
              f"| site bytes | {human_bytes(s['site_bytes'])} |",
              f"| median HTML page | {human_bytes(s['median_page_bytes'])} |",
              f"| largest HTML page | {human_bytes(s['largest_page_bytes'])} (`{s['largest_page']}`) |"]
        for lang, si in r["search_index"].items():
            L.append(f"| search index {lang} (assets/search/{lang}/) | {human_bytes(si['raw'])} raw, {human_bytes(si['gzip'])} gzip, "
                     f"{si['files']} files; largest shard `{si['largest_shard']}` {human_bytes(si['largest_shard_raw'])} raw / "
                     f"{human_bytes(si['largest_shard_gzip'])} gzip |")
        e = r.get("export_nopdf")
        if e:
            L.append(f"| export --no-pdf | {e['wall_s']} s, zip {human_bytes(e['zip_bytes'])} |")
        if "export_pdf" in r:
            e = r["export_pdf"]
            L.append(f"| export with PDF | {e['wall_s']} s, zip {human_bytes(e['zip_bytes'])}"
                     + ("" if e["rc"] == 0 else f" (did not finish within {e['wall_s']:.0f} s)" if e["timed_out"]
                        else f" (exit {e['rc']})") + " |")
        L.append("")
        if r.get("search"):
            L += ["Search (header box, cold page, one key at a time, waiting for the results after each key):", "",
                  "| query | page | first results after first keystroke | later keystrokes median / max | "
                  "snippets shown after the last key | "
                  "bytes before first result (raw / gzip, requests) | results |",
                  "| --- | --- | --- | --- | --- | --- | --- |"]
            for q in r["search"]:
                if "error" in q:
                    L.append(f"| `{q['query']}` | {q['lang']} | error: {q['error'][:120]} | | | | |")
                    continue
                bb = q["bytes_before_first_result"]
                L.append(f"| `{q['query']}` | {q['lang']} | {with_unit(q['first_result_ms'], 'ms')} | "
                         f"{with_unit(q['keystroke_median_ms'], 'ms')} / {with_unit(q['keystroke_max_ms'], 'ms')} | "
                         f"{with_unit(q.get('final_snippets_ms'), 'ms')} | "
                         f"{human_bytes(bb['raw'])} / {human_bytes(bb['gzip'])}, {bb['requests']} | {q['results']} |")
            L.append("")
        if r.get("search_paced"):
            L += [f"The same queries typed at a reader's pace, a key every {PACE_MS} ms (the shard files guessed "
                  "for the next key have that long to arrive; the first results wait for the second key, so "
                  "their time is the first measurement's):", "",
                  "| query | page | later keystrokes median / max | keystrokes over 50 ms |",
                  "| --- | --- | --- | --- |"]
            for q in r["search_paced"]:
                if "error" in q:
                    L.append(f"| `{q['query']}` | {q['lang']} | error: {q['error'][:120]} | |")
                    continue
                L.append(f"| `{q['query']}` | {q['lang']} | "
                         f"{with_unit(q['keystroke_median_ms'], 'ms')} / {with_unit(q['keystroke_max_ms'], 'ms')} | "
                         f"{sum(k > TARGETS['keystroke_ms'] for k in q['keystroke_ms'])} of {len(q['keystroke_ms'])} |")
            L.append("")
        if r.get("baselines"):
            L += baseline_lines(n, r)
    side = side_by_side(sizes)
    if side:
        L += ["## Side by side (ratio = ours / other)", "",
              "| size | metric | ours | plain Material | ratio | Pagefind | ratio | hugo | ratio |",
              "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        for row in side:
            L.append("| " + " | ".join(str(x) for x in row) + " |")
        L.append("")
    if any(r.get("profile_file") for r in sizes.values()):
        for n, r in sizes.items():
            if r.get("profile_file"):
                L += [f"Profile of the {n:,} build: `{r['profile_file']}`.", ""]
    path.write_text("\n".join(L) + "\n", encoding="utf-8")


def write_all(results: dict, out_dir: Path) -> None:
    sizes = {int(k): v for k, v in results["sizes"].items()}
    results["checks"] = evaluate(sizes)
    (out_dir / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    write_markdown(results, out_dir / "results.md")
