#!/usr/bin/env python3
"""Measure the archive at several sizes and write benchmarks/results.md and results.json.

For each size N (N synthetic articles per language; English placeholder translations for 30%,
the English site still has N article pages through mkdocs-static-i18n's Vietnamese fallback):

1. `tnarchive convert` (subprocess): wall time, articles/s, peak RSS.
2. `mkdocs build` of the whole bilingual site: wall time, time per HTML page, peak RSS, site
   bytes, HTML page count, median and largest page, search index bytes per language.
   Then `mkdocs serve --dirty`: the time from editing one article (a paragraph added; its title
   changed) until its pages are served with the edit.
3. `tnarchive export --no-pdf` (and with PDF up to 1,000 articles unless --quick): time, zip size.
4. Search in Chromium over a local http.server (127.0.0.1): for each query, on a cold page (new
   browser context, cache disabled), type one key at a time into the header box (#tna-q), waiting
   for the page's `tna-search-results` event after each key; record the time from the first
   keystroke to the first rendered results, the time of each later keystroke (each key typed
   after the one that showed the first results, from its keydown to its results), and the bytes of
   /assets/search/ loaded before the first results (raw, and gzip level 6 of each file). Then the
   same queries again typed at a reader's pace (PACE_MS, a key every 150 ms, each key also after
   the previous key's results): the time the shard files guessed for the next key have to arrive.
5. Unless --skip-baselines: plain Material (built-in `search` plugin, default navigation, no
   tnarchive plugin, under a time limit), Pagefind 1.5.2 indexing our built site, and Debian's
   `hugo` building the same N articles with a hand-written minimal layout.

Peak RSS comes from `/usr/bin/time -v` ("Maximum resident set size") when it exists, otherwise
from resource.getrusage(RUSAGE_CHILDREN).ru_maxrss (a high-water mark over all children, so only
an increase is attributable to one command); results.json records which one was used.

Corpora are generated with scripts/gen_corpus.py into --work (default /tmp/tnarchive-bench/nN);
seeds already generated there with the same count and seed are reused (generation is not measured).
Every conversion starts from empty docs/vi/articles and docs/en/articles. Results are written after
each size, so a run that is stopped keeps what it measured.

Example:
    .venv/bin/python scripts/bench.py --sizes 100,1000,5000 --out benchmarks/
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from benchmark.measuring import ROOT, machine_info
from benchmark.report import write_all
from benchmark.scenarios import bench_size
from benchmark.targets import TARGETS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="bench.py",
        description=__doc__.split("\n\n")[0] + " See the module docstring for what is measured.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__.split("\n\n", 1)[1],
    )
    parser.add_argument("--sizes", default="100,1000,5000",
                        help="comma-separated numbers of articles per language (default: 100,1000,5000)")
    parser.add_argument("--with-10000", action="store_true", help="also measure 10,000 articles per language")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks",
                        help="folder for results.md, results.json, results-<N>.json, profile-<N>.txt (default: benchmarks/)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/tnarchive-bench"),
                        help="scratch folder for corpora and built sites (default: /tmp/tnarchive-bench)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed for gen_corpus.py (default: 1)")
    parser.add_argument("--skip-baselines", action="store_true",
                        help="do not measure plain Material, Pagefind or hugo")
    parser.add_argument("--skip-serve", action="store_true",
                        help="do not measure `mkdocs serve --dirty` rebuilding after an edit")
    parser.add_argument("--quick", action="store_true",
                        help="CI mode: no PDF export, 2 browser queries, no profile")
    parser.add_argument("--material-timeout", type=float, default=900,
                        help="time limit in seconds for the plain-Material baseline build (default: 900)")
    parser.add_argument("--profile", type=int, default=None, metavar="N",
                        help="profile `mkdocs build` with cProfile at size N (default: 5000 if measured, "
                             "else none; 0 to disable); writes profile-N.txt")
    parser.add_argument("--pdf-timeout", type=float, default=600,
                        help="time limit in seconds for the export with PDF (default: 600)")
    parser.add_argument("--resume", action="store_true",
                        help="keep the sizes already in OUT/results.json that this run does not measure")
    parser.add_argument("--keep", action="store_true", help="keep the built sites in --work")
    args = parser.parse_args(argv)

    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    if args.with_10000 and 10000 not in sizes:
        sizes.append(10000)
    sizes = sorted(set(sizes))
    if args.profile is None:
        args.profile = 0 if args.quick else (5000 if 5000 in sizes else 0)
    out_dir = args.out.resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    args.work = args.work.resolve()
    if args.work == ROOT or ROOT.is_relative_to(args.work) or args.work.is_relative_to(ROOT):
        parser.error("--work must be outside the project")
    args.work.mkdir(parents=True, exist_ok=True)

    results = {"command": " ".join(["scripts/bench.py", *(argv if argv is not None else sys.argv[1:])]),
               "machine": machine_info(), "targets": TARGETS, "sizes": {}, "notes": []}
    previous = out_dir / "results.json"
    if args.resume and previous.exists():
        old = json.loads(previous.read_text(encoding="utf-8"))
        results["sizes"] = {k: v for k, v in old.get("sizes", {}).items() if int(k) not in sizes}
        results["notes"] = old.get("notes", [])
        results["command"] = old.get("command", "") + " ; then " + results["command"]
    for n in sizes:
        t0 = time.perf_counter()
        try:
            def checkpoint(partial, n=n):
                results["sizes"][str(n)] = {**partial, "partial": True}
                try:
                    write_all(results, out_dir)
                except Exception as exc:  # a report bug must not stop the measurements
                    print(f"[bench] cannot write the partial report: {exc!r}", flush=True)

            r = bench_size(n, args, out_dir, checkpoint)
        except Exception as exc:
            results["notes"].append(f"size {n} failed: {exc!r}"[:2000])
            write_all(results, out_dir)
            raise
        r["bench_wall_s"] = round(time.perf_counter() - t0, 1)
        results["sizes"][str(n)] = r
        (out_dir / f"results-{n}.json").write_text(json.dumps(r, indent=1, ensure_ascii=False) + "\n",
                                                   encoding="utf-8")
        write_all(results, out_dir)
    print(f"wrote {out_dir / 'results.md'} and {out_dir / 'results.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
