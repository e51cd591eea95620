"""One size measured from start to end: the corpus made (or reused), converted, built, served and
edited, exported, profiled, and the baselines beside it."""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import io
import json
import os
import pstats
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .baselines import baseline_hugo, baseline_material, baseline_pagefind
from .browser import browser_runs, search_ours
from .measuring import BIN, ROOT, check, run_measured
from .sizes import search_index_stats, site_stats
from .targets import FLATNESS_UNITS
from .workload import PACE_MS, QUERIES, SERVE_EDITS


def prepare_corpus(n: int, proj: Path, seed: int) -> dict:
    import gen_corpus

    meta = proj / "corpus.json"
    reuse = False
    if meta.exists() and (proj / "seeds").is_dir():
        info = json.loads(meta.read_text(encoding="utf-8"))
        reuse = (info.get("count") == n and info.get("seed") == seed and not info.get("encodings")
                 and sum(1 for _ in (proj / "seeds").iterdir()) == n)
    t0 = time.perf_counter()
    if reuse:
        gen_corpus.copy_project(proj)
    else:
        subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_corpus.py"), "--count", str(n),
                        "--out", str(proj), "--seed", str(seed)], check=True, stdout=subprocess.DEVNULL)
    for sub in ("docs/vi/articles", "docs/en/articles", "site", "reports", "dist"):
        shutil.rmtree(proj / sub, ignore_errors=True)
    return {"reused_seeds": reuse, "prepare_s": round(time.perf_counter() - t0, 2)}


def profile_build(proj: Path, work: Path, n: int, out_dir: Path, top: int = 25) -> Path:
    prof = work / f"build-{n}.prof"
    site = work / "profile-site"
    res = run_measured([sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "mkdocs", "build",
                        "--site-dir", str(site)], proj, work / "profile.log")
    check(res, work / "profile.log", "profiled mkdocs build")
    shutil.rmtree(site, ignore_errors=True)
    buf = io.StringIO()
    buf.write(f"# cProfile of `mkdocs build` at {n} articles per language "
              f"(wall {res['wall_s']} s under the profiler), top {top} by cumulative time\n")
    buf.write(f"# command: cd <corpus> && {sys.executable} -m cProfile -o build.prof -m mkdocs build\n\n")
    stats = pstats.Stats(str(prof), stream=buf)
    stats.sort_stats("cumulative").print_stats(top)
    buf.write("\n# top 25 by internal (self) time\n")
    stats.sort_stats("tottime").print_stats(top)
    target = out_dir / f"profile-{n}.txt"
    target.write_text(buf.getvalue(), encoding="utf-8")
    return target


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str | None:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def serve_edits(proj: Path, log: Path, edits: int = 3, start_timeout: float = 1800) -> dict:
    """`mkdocs serve --dirty`: after the first build, edit one article at a time and time how long
    until both its Vietnamese and English pages are served with the new text. Each of *edits*
    articles is edited twice: a paragraph added (its text only), and its title changed (which every
    page listing the article shows: its partners', people's and year's)."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    # Preferably articles without a translation: the English page shows the Vietnamese text, so both change.
    translated = {p.name for p in (proj / "docs" / "en" / "articles").glob("*.md")}
    everything = sorted((proj / "docs" / "vi" / "articles").glob("*.md"))
    articles = [p for p in everything if p.name not in translated] or everything
    picks = [articles[len(articles) * (i + 1) // (edits + 1)] for i in range(edits)]
    out: dict = {"command": "mkdocs serve --dirty --no-strict", "edits": []}
    with open(log, "w") as fh:
        proc = subprocess.Popen([str(BIN / "mkdocs"), "serve", "--dirty", "--no-strict", "-a", f"127.0.0.1:{port}"],
                                cwd=proj, stdout=fh, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            t0 = time.perf_counter()
            while _get(base + "index.html") is None:
                if proc.poll() is not None or time.perf_counter() - t0 > start_timeout:
                    raise RuntimeError(f"mkdocs serve did not start; log {log}")
                time.sleep(0.5)
            out["first_build_s"] = round(time.perf_counter() - t0, 1)
            time.sleep(2)
            for i, (md, kind) in enumerate((md, kind) for md in picks for kind in SERVE_EDITS):
                marker = f"benchedit{i}x{int(time.time())}"
                text = md.read_text(encoding="utf-8")
                if kind == "text":
                    md.write_text(text.rstrip("\n") + f"\n\nĐoạn sửa {marker}.\n", encoding="utf-8")
                else:
                    md.write_text(_retitled(text, marker), encoding="utf-8")
                try:
                    t1 = time.perf_counter()
                    urls = [base + f"articles/{md.stem}.html"]
                    if md.name not in translated:
                        urls.append(base + f"en/articles/{md.stem}.html")
                    while not all(marker in (_get(u) or "") for u in urls):
                        if time.perf_counter() - t1 > 600:
                            raise RuntimeError(f"the edit of {md.name} was not served within 600 s")
                        time.sleep(0.05)
                    out["edits"].append({"article": md.name, "kind": kind, "s": round(time.perf_counter() - t1, 2)})
                finally:
                    md.write_text(text, encoding="utf-8")
                time.sleep(3)
                t2 = time.perf_counter()
                while marker in (_get(urls[0]) or ""):  # wait for the revert to be served too
                    if time.perf_counter() - t2 > 600:
                        break
                    time.sleep(0.1)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            proc.wait()
    times = [e["s"] for e in out["edits"]]
    out["median_s"] = statistics.median(times) if times else None
    out["max_s"] = max(times) if times else None
    for kind in SERVE_EDITS:
        times = [e["s"] for e in out["edits"] if e.get("kind", "text") == kind]
        out[kind] = {"median_s": statistics.median(times) if times else None, "max_s": max(times) if times else None,
                     "count": len(times)}
    return out


def _retitled(text: str, marker: str) -> str:
    """An article's Markdown with *marker* put before its title (a YAML value, quoted or not)."""
    import yaml

    m = re.search(r"^title: (.*)$", text, flags=re.M)
    title = yaml.safe_load(m.group(1))
    return text[: m.start()] + "title: " + json.dumps(f"{marker} {title}", ensure_ascii=False) + text[m.end():]


def bench_size(n: int, args, out_dir: Path, checkpoint=lambda r: None) -> dict:
    import gen_corpus

    work = args.work / f"n{n}"
    proj = work / "corpus"
    logs = work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    r: dict = {"size": n, "started": dt.datetime.now().isoformat(timespec="seconds")}
    log = lambda msg: print(f"[bench {n}] {msg}", flush=True)  # noqa: E731

    log("preparing corpus")
    r["corpus"] = prepare_corpus(n, proj, args.seed)

    log("convert")
    conv = run_measured([str(BIN / "tnarchive"), "convert", "--no-progress"], proj, logs / "convert.log")
    check(conv, logs / "convert.log", "tnarchive convert")
    articles = len(list((proj / "docs" / "vi" / "articles").glob("*.md")))
    conv["articles"] = articles
    conv["articles_per_s"] = round(articles / conv["wall_s"], 1)
    r["convert"] = conv
    t0 = time.perf_counter()
    written = gen_corpus.write_translations(proj, 0.3, args.seed)
    r["translations"] = {"written": len(written), "share": 0.3, "s": round(time.perf_counter() - t0, 2)}

    log("mkdocs build")
    build = run_measured([str(BIN / "mkdocs"), "build"], proj, logs / "build.log")
    check(build, logs / "build.log", "mkdocs build")
    site = proj / "site"
    stats = site_stats(site)
    # Per article page (both languages) as well as per HTML page: the partner and person pages are
    # a fixed, cheap set whose share of all pages shrinks as the archive grows.
    for unit, count in FLATNESS_UNITS.items():
        pages = max(1, count(stats))
        build[f"s_per_{unit}"] = round(build["wall_s"] / pages, 5)
        build[f"ms_per_{unit}"] = round(1000 * build["wall_s"] / pages, 2)
    r["build"] = build
    r["site"] = stats
    r["search_index"] = search_index_stats(site)
    checkpoint(r)

    log("search in Chromium")
    queries = QUERIES[:2] if args.quick else QUERIES
    rows, summary = browser_runs(search_ours, site, queries, args.quick)
    r["search"] = rows
    r["search_summary"] = summary
    checkpoint(r)
    log(f"search in Chromium, typed at {PACE_MS} ms a key")
    rows, summary = browser_runs(functools.partial(search_ours, pace_ms=PACE_MS), site, queries, args.quick)
    r["search_paced"] = rows
    r["search_paced_summary"] = summary
    checkpoint(r)

    if not args.skip_serve:
        log("mkdocs serve --dirty: edit one article")
        try:
            r["serve"] = serve_edits(proj, logs / "serve.log")
        except Exception as exc:
            r["serve"] = {"error": repr(exc)[:1000]}
        checkpoint(r)

    log("export")
    exp = run_measured([str(BIN / "tnarchive"), "export", "--site", "site", "--out", str(work / "dist-nopdf"),
                        "--no-pdf", "--date", "2025-01-01"], proj, logs / "export.log")
    check(exp, logs / "export.log", "tnarchive export --no-pdf")
    zips = sorted((work / "dist-nopdf").glob("*.zip"))
    exp["zip_bytes"] = zips[-1].stat().st_size if zips else None
    r["export_nopdf"] = exp
    shutil.rmtree(work / "dist-nopdf", ignore_errors=True)
    if n <= 1000 and not args.quick:
        log("export with PDF")
        exp = run_measured([str(BIN / "tnarchive"), "export", "--site", "site", "--out", str(work / "dist-pdf"),
                            "--pdf", "--date", "2025-01-01"], proj, logs / "export-pdf.log",
                           timeout=args.pdf_timeout)
        zips = sorted((work / "dist-pdf").glob("*.zip"))
        exp["zip_bytes"] = zips[-1].stat().st_size if zips else None
        r["export_pdf"] = exp
        shutil.rmtree(work / "dist-pdf", ignore_errors=True)

    checkpoint(r)

    if args.profile and n == args.profile:
        log("cProfile of mkdocs build")
        r["profile_file"] = str(profile_build(proj, work, n, out_dir).name)
        checkpoint(r)

    if not args.skip_baselines:
        r["baselines"] = {}
        log("baseline: pagefind")
        try:
            r["baselines"]["pagefind"] = baseline_pagefind(site, work, queries)
        except Exception as exc:
            r["baselines"]["pagefind"] = {"error": repr(exc)[:1000]}
        log("baseline: hugo")
        try:
            r["baselines"]["hugo"] = baseline_hugo(proj, work)
        except Exception as exc:
            r["baselines"]["hugo"] = {"error": repr(exc)[:1000]}

        log("baseline: plain Material (time limit %d s)" % args.material_timeout)
        try:
            r["baselines"]["material"] = baseline_material(proj, work, queries, args.material_timeout)
        except Exception as exc:
            r["baselines"]["material"] = {"error": repr(exc)[:1000]}

    r["finished"] = dt.datetime.now().isoformat(timespec="seconds")
    if not args.keep:
        shutil.rmtree(site, ignore_errors=True)
    log("done")
    return r
