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
import contextlib
import datetime as dt
import functools
import gzip
import http.server
import importlib.metadata
import io
import json
import os
import platform
import pstats
import re
import resource
import shutil
import signal
import socketserver
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
BIN = Path(sys.executable).parent
TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PAGEFIND_VENV = Path(os.environ.get("PAGEFIND_VENV", "/tmp/pagefind-venv"))
PAGEFIND_VERSION = "1.5.2"

# (query, language of the page it is typed on)
QUERIES = [
    ("hop tac quoc te", "vi"),
    ("Hàn Quốc", "vi"),
    ("Korea", "en"),
    ("Gyeongsangbuk", "vi"),
    ('"hợp tác quốc tế"', "vi"),
    ("thai nguyen", "vi"),
    ("Samsung", "vi"),
    ("dau tu", "vi"),
]
FOLDED_QUERIES = ["thai nguyen", "hop tac"]
# A reader's typing pace for the second search measurement: a key every 150 ms is 80 words a
# minute, a fast typist (the first measurement types each key as soon as the last one's results show).
PACE_MS = 150

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
# mkdocs serve: each edited article is edited twice, its text (a paragraph added) and its title
# (shown on every page that lists the article: its partners', people's and year's).
SERVE_EDITS = ("text", "title")
# Build time is reported per unit: every HTML page, and every article page (both languages).
FLATNESS_UNITS = {
    "html_page": lambda stats: stats["html_pages"],
    "article_page": lambda stats: sum(stats["articles_html"].values()),
}


# ---------------------------------------------------------------------------------------------
# Running commands


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in text.split()]


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        kids = _children(todo.pop())
        out += kids
        todo += kids
    return out


def _pss_kb(pid: int) -> int:
    """The process's proportional set size in kB: its pages, each shared page divided among the
    processes that share it (/proc/PID/smaps_rollup). Summed over a forked build, it counts what
    the machine holds, where the sum of VmRSS counts a shared page once per process."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _status_kb(pid: int, field: str) -> int:
    """A memory figure of /proc/PID/status in kB: VmRSS (now) or VmHWM (the process's peak)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_measured(cmd: list[str], cwd: Path, log: Path, timeout: float | None = None,
                 mem_cap_kb: int | None = None, env: dict | None = None) -> dict:
    """Run *cmd*, returning wall time, peak RSS and how it ended. Output goes to *log*."""
    timefile = log.with_suffix(".time")
    full = [TIME, "-v", "-o", str(timefile), *cmd] if TIME else cmd
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    with open(log, "w") as out:
        proc = subprocess.Popen(full, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env,
                                start_new_session=True)
        seen_kb, total_kb, pss_kb, timed_out, over_mem = 0, 0, 0, False, False
        while proc.poll() is None:
            tree = [proc.pid, *_descendants(proc.pid)]
            for pid in tree:
                seen_kb = max(seen_kb, _status_kb(pid, "VmHWM"))
            # The build forks (one process per language, workers for events): what the machine
            # must hold is the sum of the processes alive at the same moment.
            total_kb = max(total_kb, sum(_status_kb(pid, "VmRSS") for pid in tree))
            pss_kb = max(pss_kb, sum(_pss_kb(pid) for pid in tree))
            if timeout and time.perf_counter() - t0 > timeout:
                timed_out = True
            if mem_cap_kb and seen_kb > mem_cap_kb:
                over_mem = True
            if timed_out or over_mem:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                break
            time.sleep(0.2)
    wall = time.perf_counter() - t0
    rss_kb, method = None, None
    if TIME and timefile.exists():
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", timefile.read_text())
        if m:
            rss_kb, method = int(m.group(1)), "/usr/bin/time -v"
    if rss_kb is None:
        after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        if after > before:
            rss_kb, method = after, "getrusage(RUSAGE_CHILDREN) delta"
        elif seen_kb:
            rss_kb, method = seen_kb, "/proc VmHWM polled every 0.2 s (lower bound)"
    return {"cmd": " ".join(cmd), "wall_s": round(wall, 3), "rc": proc.returncode,
            "timed_out": timed_out, "killed_over_memory": over_mem,
            "peak_rss_bytes": rss_kb * 1024 if rss_kb else None, "rss_method": method,
            "peak_total_rss_bytes": total_kb * 1024 if total_kb else None,
            "total_rss_method": "sum of VmRSS over the process tree, polled every 0.2 s (lower bound)",
            "peak_total_pss_bytes": pss_kb * 1024 if pss_kb else None,
            "total_pss_method": "sum of Pss (smaps_rollup) over the process tree, polled every 0.2 s: "
                                "pages shared by forked processes counted once"}


def _check(res: dict, log: Path, what: str) -> None:
    if res["rc"] != 0:
        tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
        raise RuntimeError(f"{what} failed (exit {res['rc']}); log {log}:\n{tail}")


# ---------------------------------------------------------------------------------------------
# Sizes of things


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def tree_bytes(folder: Path) -> dict:
    raw = zipped = files = 0
    largest = (0, 0, None)
    for p in folder.rglob("*"):
        if p.is_file():
            data = p.read_bytes()
            g = gz(data)
            raw += len(data)
            zipped += g
            files += 1
            if len(data) > largest[0]:
                largest = (len(data), g, str(p.relative_to(folder)))
    return {"files": files, "raw": raw, "gzip": zipped,
            "largest_file": largest[2], "largest_raw": largest[0], "largest_gzip": largest[1]}


def site_stats(site: Path) -> dict:
    total = 0
    html: list[tuple[int, str]] = []
    for p in site.rglob("*"):
        if p.is_file():
            size = p.stat().st_size
            total += size
            if p.suffix == ".html":
                html.append((size, str(p.relative_to(site))))
    html.sort()
    sizes = [s for s, _ in html]
    return {
        "site_bytes": total,
        "html_pages": len(html),
        "median_page_bytes": int(statistics.median(sizes)) if sizes else 0,
        "largest_page_bytes": html[-1][0] if html else 0,
        "largest_page": html[-1][1] if html else None,
        "articles_html": {lang: len(list((site / pre / "articles").glob("*.html")))
                          for lang, pre in (("vi", ""), ("en", "en"))},
    }


def search_index_stats(site: Path) -> dict:
    out = {}
    for lang in ("vi", "en"):
        folder = site / "assets" / "search" / lang
        if folder.is_dir():
            whole = tree_bytes(folder)
            shards = tree_bytes(folder / "s") if (folder / "s").is_dir() else None
            out[lang] = {"raw": whole["raw"], "gzip": whole["gzip"], "files": whole["files"],
                         "largest_shard": shards and shards["largest_file"],
                         "largest_shard_raw": shards and shards["largest_raw"],
                         "largest_shard_gzip": shards and shards["largest_gzip"]}
    return out


# ---------------------------------------------------------------------------------------------
# A local web server


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path):
    handler = functools.partial(_Quiet, directory=str(folder))
    socketserver.ThreadingTCPServer.allow_reuse_address = True
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _bytes_of(urls: list[str], site: Path, prefix: str) -> dict:
    raw = zipped = n = 0
    seen = set()
    for url in urls:
        path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
        if not path.startswith(prefix) or path in seen:
            continue
        seen.add(path)
        f = site / path.lstrip("/")
        if f.is_file():
            data = f.read_bytes()
            raw += len(data)
            zipped += gz(data)
            n += 1
    return {"requests": n, "raw": raw, "gzip": zipped}


def _cold_context(browser):
    ctx = browser.new_context()
    page = ctx.new_page()
    cdp = ctx.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    return ctx, page


_KEY_JS = """
window.__bench = {keys: {}, pending: -1, events: [], first: null, snippets: []};
function __mark() { var b = window.__bench; if (b.pending >= 0 && b.keys[b.pending] === undefined) b.keys[b.pending] = performance.now(); }
document.addEventListener('keydown', __mark, true);
document.addEventListener('beforeinput', __mark, true);
"""

_OURS_JS = _KEY_JS + """
document.addEventListener('tna-search-results', function (e) {
  var b = window.__bench, t = performance.now();
  var ev = {t: t, ms: e.detail.ms, query: e.detail.query, results: e.detail.results};
  if (b.first === null && e.detail.results > 0) {
    b.first = ev;
    b.firstResources = performance.getEntriesByType('resource').map(function (r) { return r.name; });
  }
  b.events.push(ev);
}, true);
document.addEventListener('tna-search-snippets', function (e) {
  window.__bench.snippets.push({t: performance.now(), query: e.detail.query, results: e.detail.results});
}, true);
"""


def search_ours(browser, base: str, site: Path, query: str, lang: str, pace_ms: float = 0) -> dict:
    """One query typed into the header box of a cold page, a key at a time, each key once the
    previous key's results show and, with *pace_ms*, no sooner than pace_ms after the previous key."""
    ctx, page = _cold_context(browser)
    try:
        page.add_init_script(_OURS_JS)
        page.goto(f"{base}/{'en/' if lang == 'en' else ''}index.html", wait_until="load")
        page.click("#tna-q")
        per_key, missing = [], 0
        typed = None
        for i, ch in enumerate(query):
            if pace_ms and typed is not None:
                time.sleep(max(0.0, pace_ms / 1000 - (time.monotonic() - typed)))
            page.evaluate(f"window.__bench.pending = {i}")
            typed = time.monotonic()
            page.keyboard.type(ch)
            want = query[: i + 1]
            try:
                page.wait_for_function(
                    "q => window.__bench.events.some(e => e.query === q)", arg=want, timeout=10_000)
            except Exception:
                missing += 1
        try:  # results show first, their snippets once the pages' texts have loaded (a key typed
            # before then replaces them, so only the last key's snippets are timed)
            page.wait_for_function("q => window.__bench.snippets.some(e => e.query === q)", arg=query, timeout=10_000)
        except Exception:
            pass
        bench = page.evaluate("window.__bench")
        first_key = bench["keys"].get("0")
        first = bench["first"]
        # Later keystrokes: those after the one that showed the first results (that one is the
        # first-results time; its shards and, on a cold page, its code are loaded then).
        shown_at = len(first["query"]) if first else len(query)
        for i in range(shown_at, len(query)):
            key_t = bench["keys"].get(str(i))
            ev = next((e for e in bench["events"] if e["query"] == query[: i + 1]), None)
            if key_t is not None and ev is not None:
                per_key.append(ev["t"] - key_t)
        first_render = bench["events"][0] if bench["events"] else None
        final = next((e for e in reversed(bench["events"]) if e["query"] == query), None)
        all_urls = page.evaluate("performance.getEntriesByType('resource').map(r => r.name)")
        final_snip = next((e for e in bench["snippets"] if e["query"] == query), None)
        last_key = bench["keys"].get(str(len(query) - 1))
        return {
            "query": query, "lang": lang, "pace_ms": pace_ms,
            "first_result_ms": round(first["t"] - first_key, 1) if first and first_key is not None else None,
            "first_result_query": first and first["query"],
            "first_render_ms": round(first_render["t"] - first_key, 1) if first_render and first_key is not None else None,
            "keystroke_ms": [round(x, 1) for x in per_key],
            "keystroke_median_ms": round(statistics.median(per_key), 1) if per_key else None,
            "keystroke_max_ms": round(max(per_key), 1) if per_key else None,
            "bytes_before_first_result": _bytes_of(bench.get("firstResources") or [], site, "/assets/search/"),
            "bytes_whole_query": _bytes_of(all_urls, site, "/assets/search/"),
            "results": final and final["results"],
            "final_snippets_ms": round(final_snip["t"] - last_key, 1) if final_snip and last_key is not None else None,
            "keystrokes_without_event": missing,
        }
    finally:
        ctx.close()


_MATERIAL_JS = _KEY_JS + """
new MutationObserver(function () {
  var b = window.__bench;
  if (b.first === null && document.querySelector('.md-search-result__item')) {
    b.first = {t: performance.now()};
    b.firstResources = performance.getEntriesByType('resource').map(function (r) { return r.name; });
  }
}).observe(document, {subtree: true, childList: true});
"""


def search_material(browser, base: str, site: Path, query: str, lang: str) -> dict:
    ctx, page = _cold_context(browser)
    try:
        page.add_init_script(_MATERIAL_JS)
        page.goto(f"{base}/{'en/' if lang == 'en' else ''}index.html", wait_until="load")
        try:
            page.click("input.md-search__input", timeout=5_000)
        except Exception:
            page.keyboard.press("/")
        page.evaluate("window.__bench.pending = 0")
        page.keyboard.type(query, delay=40)
        try:
            page.wait_for_function("() => window.__bench.first !== null", timeout=30_000)
        except Exception:
            pass
        # wait until the index is ready and the result count is shown
        try:
            page.wait_for_function(
                "() => { var m = document.querySelector('.md-search-result__meta');"
                " return m && !/Initiali|Khởi tạo|khởi tạo/.test(m.textContent); }", timeout=30_000)
        except Exception:
            pass
        page.wait_for_timeout(600)
        bench = page.evaluate("window.__bench")
        meta = page.evaluate("(document.querySelector('.md-search-result__meta')||{}).textContent || ''")
        hrefs = page.evaluate(
            "Array.from(document.querySelectorAll('.md-search-result__item > a')).map(a => a.getAttribute('href'))")
        titles = page.evaluate(
            "Array.from(document.querySelectorAll('.md-search-result__item h1')).slice(0,3).map(h => h.textContent)")
        first_key = bench["keys"].get("0")
        first = bench["first"]
        m = re.search(r"(\d[\d.,]*)", meta)
        return {
            "query": query, "lang": lang,
            "first_result_ms": round(first["t"] - first_key, 1) if first and first_key is not None else None,
            "bytes_before_first_result": _bytes_of(bench.get("firstResources") or [], site, "/"),
            "results_meta": meta.strip(), "results": int(re.sub(r"[.,]", "", m.group(1))) if m else 0,
            "shown": len(hrefs),
            "shown_en": sum(1 for h in hrefs if h and ("en/" in h.split("#")[0])),
            "first_titles": titles,
        }
    finally:
        ctx.close()


def search_pagefind(browser, base: str, site: Path, query: str, lang: str) -> dict:
    """Pagefind's JS API, prefix by prefix. Its index files are fetched by a web worker, which the page's
    resource timing does not see, so the bytes come from Playwright's request events."""
    ctx, page = _cold_context(browser)
    urls: list[str] = []
    ctx.on("request", lambda req: urls.append(req.url))
    try:
        page.goto(f"{base}/{'en/' if lang == 'en' else ''}index.html", wait_until="load")
        step = """async ([q, from]) => {
              const t0 = performance.now();
              if (!window.__pf) window.__pf = await import('/pagefind/pagefind.js');
              const pf = window.__pf, times = [];
              let first = null, total = 0, i = from;
              for (; i <= q.length; i++) {
                const s = performance.now();
                const r = await pf.search(q.slice(0, i));
                const data = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
                const e = performance.now();
                times.push(e - s);
                total = r.results.length;
                if (from === 1 && data.length) { first = e - t0; i++; break; }
              }
              return {first, times, total, next: i};
            }"""
        before = len(urls)
        one = page.evaluate(step, [query, 1])
        first_urls = list(urls[before:]) if one["first"] is not None else []
        two = page.evaluate(step, [query, one["next"]]) if one["next"] <= len(query) else {"times": [], "total": one["total"]}
        times = one["times"] + two["times"]
        later = times[1:]
        return {
            "query": query, "lang": lang,
            "first_result_ms": round(one["first"], 1) if one["first"] is not None else None,
            "keystroke_median_ms": round(statistics.median(later), 1) if later else None,
            "keystroke_max_ms": round(max(later), 1) if later else None,
            "bytes_before_first_result": _bytes_of(first_urls, site, "/pagefind/"),
            "bytes_whole_query": _bytes_of(urls, site, "/pagefind/"),
            "results": two["total"],
        }
    finally:
        ctx.close()


def _summarise_search(rows: list[dict]) -> dict:
    firsts = [r["first_result_ms"] for r in rows if r.get("first_result_ms") is not None]
    keys = [k for r in rows for k in r.get("keystroke_ms", [])]
    meds = [r["keystroke_median_ms"] for r in rows if r.get("keystroke_median_ms") is not None]
    maxes = [r["keystroke_max_ms"] for r in rows if r.get("keystroke_max_ms") is not None]
    gz_before = [r["bytes_before_first_result"]["gzip"] for r in rows if r.get("bytes_before_first_result")]
    return {
        "queries": len(rows),
        "without_result": [r["query"] for r in rows if r.get("first_result_ms") is None],
        "first_result_ms_median": round(statistics.median(firsts), 1) if firsts else None,
        "first_result_ms_max": round(max(firsts), 1) if firsts else None,
        "keystroke_ms_median": round(statistics.median(keys or meds), 1) if (keys or meds) else None,
        "keystroke_ms_max": round(max(keys or maxes), 1) if (keys or maxes) else None,
        "bytes_before_first_gzip_max": max(gz_before) if gz_before else None,
        "bytes_before_first_raw_max": max(r["bytes_before_first_result"]["raw"] for r in rows) if rows else None,
        "keystroke_ms_p90": round(sorted(keys)[int(len(keys) * 0.9)], 1) if keys else None,
        "keystroke_ms_p95": round(sorted(keys)[int(len(keys) * 0.95)], 1) if keys else None,
        "keystrokes": len(keys),
        "keystrokes_over_50_ms": sum(k > 50 for k in keys) if keys else None,
        "final_snippets_ms_max": max((r["final_snippets_ms"] for r in rows if r.get("final_snippets_ms") is not None), default=None),
    }


def browser_runs(fn, site: Path, queries, quick: bool) -> tuple[list[dict], dict]:
    from playwright.sync_api import sync_playwright

    rows = []
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for q, lang in queries:
                try:
                    rows.append(fn(browser, base, site, q, lang))
                except Exception as exc:  # one failing query must not lose the others
                    rows.append({"query": q, "lang": lang, "error": repr(exc)[:500]})
            version = browser.version
        finally:
            browser.close()
    return rows, {"chromium": version, **_summarise_search([r for r in rows if "error" not in r])}


# ---------------------------------------------------------------------------------------------
# Baselines


MATERIAL_YML = """\
# Benchmark baseline written by scripts/bench.py: plain Material + mkdocs-static-i18n + Material's
# built-in search, Material's DEFAULT navigation (no nav:), no tnarchive plugin.
site_name: Lưu trữ Hợp tác Quốc tế Thái Nguyên
use_directory_urls: false
docs_dir: {docs}
site_dir: {site}
theme:
  name: material
  language: vi
  font: false
plugins:
  - search
  - i18n:
      docs_structure: folder
      fallback_to_default: true
      reconfigure_material: true
      languages:
        - locale: vi
          name: Tiếng Việt
          default: true
          build: true
        - locale: en
          name: English
          build: true
markdown_extensions:
  - attr_list
  - toc:
      permalink: false
"""


def baseline_material(proj: Path, work: Path, queries, timeout: float) -> dict:
    folder = work / "material"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    site = folder / "site"
    (folder / "mkdocs.yml").write_text(MATERIAL_YML.format(docs=proj / "docs", site=site), encoding="utf-8")
    res = run_measured([str(BIN / "mkdocs"), "build", "-f", str(folder / "mkdocs.yml")], folder,
                       folder / "build.log", timeout=timeout, mem_cap_kb=18 * 1024 * 1024)
    out = {"build": res, "time_limit_s": timeout}
    if res["timed_out"] or res["killed_over_memory"] or res["rc"] != 0:
        out["finished"] = False
        out["note"] = (f"did not finish within {timeout:.0f} s" if res["timed_out"] else
                       "killed above 18 GB RSS" if res["killed_over_memory"] else f"failed (exit {res['rc']})")
        shutil.rmtree(site, ignore_errors=True)
        return out
    out["finished"] = True
    out["site"] = site_stats(site)
    index = site / "search" / "search_index.json"
    if index.exists():
        data = index.read_bytes()
        out["search_index"] = {"raw": len(data), "gzip": gz(data)}
    rows, summary = browser_runs(search_material, site, list(queries) + [(q, "vi") for q in FOLDED_QUERIES
                                                                          if q not in [x for x, _ in queries]],
                                 quick=False)
    out["search"] = rows
    out["search_summary"] = summary
    out["folded"] = {r["query"]: {"results": r.get("results"), "first_titles": r.get("first_titles")}
                     for r in rows if r["query"] in FOLDED_QUERIES}
    shutil.rmtree(site, ignore_errors=True)  # can be many GB
    return out


def _pagefind_python() -> Path:
    py = PAGEFIND_VENV / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PAGEFIND_VENV)], check=True)
    ok = subprocess.run([str(py), "-c", "import pagefind_bin_extended"], capture_output=True).returncode == 0
    if not ok:
        subprocess.run([str(py), "-m", "pip", "install", "-q", f"pagefind[extended]=={PAGEFIND_VERSION}"], check=True)
    return py


def baseline_pagefind(site: Path, work: Path, queries) -> dict:
    py = _pagefind_python()
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    res = run_measured([str(py), "-m", "pagefind", "--site", str(site)], work, work / "pagefind.log")
    _check(res, work / "pagefind.log", "pagefind")
    version = subprocess.run([str(py), "-m", "pagefind", "--version"], capture_output=True, text=True).stdout.strip()
    out = {"version": version, "index": res, "index_bytes": tree_bytes(site / "pagefind")}
    rows, summary = browser_runs(search_pagefind, site, list(queries) + [(q, "vi") for q in FOLDED_QUERIES
                                                                          if q not in [x for x, _ in queries]],
                                 quick=False)
    out["search"] = rows
    out["search_summary"] = summary
    out["note"] = "Pagefind loads its index with fetch() and WebAssembly: it does not work over file://."
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    return out


HUGO_CONFIG = """baseURL = "http://localhost/"
title = "Thai Nguyen archive (hugo baseline)"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
[markup.goldmark.renderer]
unsafe = false
"""
HUGO_SINGLE = """<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><header><a href="{{ "/" | relURL }}">{{ site.Title }}</a></header><main><h1>{{ .Title }}</h1>
<time>{{ .Date.Format "2006-01-02" }}</time>{{ .Content }}</main></body></html>
"""
HUGO_LIST = """<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
"""


def baseline_hugo(proj: Path, work: Path) -> dict:
    hugo = shutil.which("hugo")
    if not hugo:
        return {"available": False, "note": "hugo is not installed (apt-get install -y hugo did not run or failed)"}
    import frontmatter

    folder = work / "hugo"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "content" / "articles").mkdir(parents=True)
    (folder / "layouts" / "_default").mkdir(parents=True)
    (folder / "config.toml").write_text(HUGO_CONFIG)
    (folder / "layouts" / "_default" / "single.html").write_text(HUGO_SINGLE)
    (folder / "layouts" / "_default" / "list.html").write_text(HUGO_LIST)
    (folder / "layouts" / "index.html").write_text(HUGO_LIST)
    n = 0
    for md in sorted((proj / "docs" / "vi" / "articles").glob("*.md")):
        post = frontmatter.load(md)
        body = "\n".join(line for line in post.content.splitlines()
                         if not line.startswith("# ") and not re.fullmatch(r"\{:[^}]*\}", line.strip()))
        date = str(post.metadata.get("date") or "2000-01-01")
        front = json.dumps({"title": post.metadata.get("title", md.stem), "date": date}, ensure_ascii=False)
        (folder / "content" / "articles" / md.name).write_text(front + "\n\n" + body + "\n", encoding="utf-8")
        n += 1
    version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.strip()
    res = run_measured([hugo, "--quiet", "-s", str(folder), "-d", str(folder / "public")], folder, folder / "build.log")
    out = {"available": True, "version": version, "articles": n, "build": res}
    if res["rc"] == 0:
        out["site"] = site_stats(folder / "public")
    shutil.rmtree(folder / "public", ignore_errors=True)
    return out


# ---------------------------------------------------------------------------------------------
# One size


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
    _check(res, work / "profile.log", "profiled mkdocs build")
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


def _serve_summary(serve: dict) -> str:
    parts = []
    for kind in SERVE_EDITS:
        one = serve.get(kind) or {}
        if one.get("count"):
            parts.append(f"{kind}: median {one['median_s']} s, slowest {one['max_s']} s of {one['count']}")
    if not parts:  # results written before edits had kinds
        parts.append(f"median {serve['median_s']} s, slowest {serve['max_s']} s of {len(serve['edits'])}")
    return "; ".join(parts) + f" (first build {serve['first_build_s']} s)"


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
    _check(conv, logs / "convert.log", "tnarchive convert")
    articles = len(list((proj / "docs" / "vi" / "articles").glob("*.md")))
    conv["articles"] = articles
    conv["articles_per_s"] = round(articles / conv["wall_s"], 1)
    r["convert"] = conv
    t0 = time.perf_counter()
    written = gen_corpus.write_translations(proj, 0.3, args.seed)
    r["translations"] = {"written": len(written), "share": 0.3, "s": round(time.perf_counter() - t0, 2)}

    log("mkdocs build")
    build = run_measured([str(BIN / "mkdocs"), "build"], proj, logs / "build.log")
    _check(build, logs / "build.log", "mkdocs build")
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
    _check(exp, logs / "export.log", "tnarchive export --no-pdf")
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


# ---------------------------------------------------------------------------------------------
# Targets and reports


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


def peak_rss(res: dict) -> int | None:
    """Peak memory of a command: the sum over its processes when it forks, else its own peak."""
    values = [v for v in (res.get("peak_total_rss_bytes"), res.get("peak_rss_bytes")) if v]
    return max(values) if values else None


def machine_info() -> dict:
    cpu = None
    with contextlib.suppress(OSError):
        m = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        cpu = m and m.group(1).strip()
    mem = None
    with contextlib.suppress(OSError):
        m = re.search(r"MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text())
        mem = m and int(m.group(1)) * 1024

    def ver(pkg):
        try:
            return importlib.metadata.version(pkg)
        except importlib.metadata.PackageNotFoundError:
            return None

    hugo = shutil.which("hugo")
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip() \
        if Path(CHROMIUM).exists() else None
    return {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "cores": os.cpu_count(), "memory_bytes": mem, "cpu": cpu,
        "os": platform.platform(), "python": platform.python_version(),
        "versions": {p: ver(p) for p in ("tnarchive", "mkdocs", "mkdocs-material", "mkdocs-static-i18n",
                                         "lunr", "Markdown", "playwright")},
        "chromium": chromium,
        "hugo": subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.strip() if hugo else None,
        "rss_method": "/usr/bin/time -v (Maximum resident set size)" if TIME
        else "resource.getrusage(RUSAGE_CHILDREN).ru_maxrss delta",
    }


def _mb(b) -> str:
    if b is None:
        return "–"
    if b >= 1024 ** 3:
        return f"{b / 1024 ** 3:.2f} GB"
    if b >= 1024 ** 2:
        return f"{b / 1024 ** 2:.1f} MB"
    return f"{b / 1024:.1f} KB"


def _s(x, unit="s") -> str:
    return "–" if x is None else f"{x:g} {unit}"


def write_markdown(results: dict, path: Path) -> None:
    sizes = {int(k): v for k, v in results["sizes"].items()}
    m = results["machine"]
    checks = results["checks"]
    L = ["# Benchmarks", "",
         f"Measured {m['date']} by `scripts/bench.py` on {m['cores']} cores, {_mb(m['memory_bytes'])} RAM, "
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
            v = _mb(v) if v is not None else "–"
        L.append(f"| {c['size']} | {c['check']} | {v} | {c['target']} | **{c['result']}** | {c.get('note') or ''} |")
    L.append("")
    for n, r in sorted(sizes.items()):
        if "build" not in r:
            continue
        b, s, c = r["build"], r["site"], r["convert"]
        L += [f"## {n:,} articles per language" + (" (PARTIAL: the run stopped before this size finished)"
                                                    if r.get("partial") else ""), "", "| metric | value |", "| --- | --- |",
              f"| convert: wall | {c['wall_s']} s ({c['articles']} articles, {c['articles_per_s']} articles/s) |",
              f"| convert: peak RSS | {_mb(peak_rss(c))} (all processes together) |",
              f"| placeholder translations written | {r['translations']['written']} |",
              f"| mkdocs build: wall | {b['wall_s']} s |",
              f"| mkdocs build: per HTML page | {b['ms_per_html_page']} ms |",
              f"| mkdocs build: per article page | {b.get('ms_per_article_page', 'not measured')} ms |",
              f"| mkdocs build: peak RSS | {_mb(peak_rss(b))} (all processes together; largest single process "
              f"{_mb(b['peak_rss_bytes'])}"
              + (f"; proportional set size summed, shared pages counted once: {_mb(b['peak_total_pss_bytes'])}"
                 if b.get("peak_total_pss_bytes") else "") + ") |",
              f"| mkdocs serve --dirty, one article edited until served again (vi and en) | "
              + (_serve_summary(r["serve"]) if (r.get('serve') or {}).get('edits')
                 else (r.get('serve') or {}).get('error', 'not measured')) + " |",
              f"| HTML pages | {s['html_pages']:,} (articles: vi {s['articles_html']['vi']:,}, en {s['articles_html']['en']:,}) |",
              f"| site bytes | {_mb(s['site_bytes'])} |",
              f"| median HTML page | {_mb(s['median_page_bytes'])} |",
              f"| largest HTML page | {_mb(s['largest_page_bytes'])} (`{s['largest_page']}`) |"]
        for lang, si in r["search_index"].items():
            L.append(f"| search index {lang} (assets/search/{lang}/) | {_mb(si['raw'])} raw, {_mb(si['gzip'])} gzip, "
                     f"{si['files']} files; largest shard `{si['largest_shard']}` {_mb(si['largest_shard_raw'])} raw / "
                     f"{_mb(si['largest_shard_gzip'])} gzip |")
        e = r.get("export_nopdf")
        if e:
            L.append(f"| export --no-pdf | {e['wall_s']} s, zip {_mb(e['zip_bytes'])} |")
        if "export_pdf" in r:
            e = r["export_pdf"]
            L.append(f"| export with PDF | {e['wall_s']} s, zip {_mb(e['zip_bytes'])}"
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
                L.append(f"| `{q['query']}` | {q['lang']} | {_s(q['first_result_ms'], 'ms')} | "
                         f"{_s(q['keystroke_median_ms'], 'ms')} / {_s(q['keystroke_max_ms'], 'ms')} | "
                         f"{_s(q.get('final_snippets_ms'), 'ms')} | "
                         f"{_mb(bb['raw'])} / {_mb(bb['gzip'])}, {bb['requests']} | {q['results']} |")
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
                         f"{_s(q['keystroke_median_ms'], 'ms')} / {_s(q['keystroke_max_ms'], 'ms')} | "
                         f"{sum(k > TARGETS['keystroke_ms'] for k in q['keystroke_ms'])} of {len(q['keystroke_ms'])} |")
            L.append("")
        if r.get("baselines"):
            L += _baseline_lines(n, r)
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


def _baseline_lines(n: int, r: dict) -> list[str]:
    L = []
    b = r["baselines"]
    mat = b.get("material") or {}
    L.append("Baselines:")
    L.append("")
    if "error" in mat:
        L.append(f"- plain Material: error {mat['error'][:300]}")
    elif not mat.get("finished"):
        L.append(f"- plain Material (default navigation, built-in search): **{mat.get('note')}** "
                 f"(ran {mat['build']['wall_s']} s, peak RSS seen {_mb(mat['build']['peak_rss_bytes'])})")
    else:
        ms, ss = mat["site"], mat.get("search_summary", {})
        L.append(f"- plain Material (default navigation, built-in search): build {mat['build']['wall_s']} s, "
                 f"peak RSS {_mb(mat['build']['peak_rss_bytes'])}, site {_mb(ms['site_bytes'])}, "
                 f"{ms['html_pages']:,} pages, median page {_mb(ms['median_page_bytes'])}, largest "
                 f"{_mb(ms['largest_page_bytes'])} (`{ms['largest_page']}`), search_index.json "
                 f"{_mb(mat.get('search_index', {}).get('raw'))} raw / {_mb(mat.get('search_index', {}).get('gzip'))} gzip; "
                 f"first result median {_s(ss.get('first_result_ms_median'), 'ms')}, worst "
                 f"{_s(ss.get('first_result_ms_max'), 'ms')}; no result for: {', '.join(ss.get('without_result') or []) or 'none'}")
        for q in mat.get("search", []):
            if q["query"] in FOLDED_QUERIES:
                if "error" in q or q.get("shown") is None:
                    L.append(f"  - folded query `{q['query']}`: not measured ({q.get('error', '')[:100]})")
                    continue
                L.append(f"  - folded query `{q['query']}`: {q.get('results')} results ({q.get('results_meta')!r}); of the "
                         f"{q.get('shown')} shown, {q.get('shown') - q.get('shown_en')} Vietnamese and {q.get('shown_en')} "
                         f"English pages; first titles {q.get('first_titles')}")
    pf = b.get("pagefind") or {}
    if "error" in pf:
        L.append(f"- Pagefind: error {pf['error'][:300]}")
    elif pf:
        ss = pf["search_summary"]
        L.append(f"- Pagefind {pf['version']}: index {pf['index']['wall_s']} s, peak RSS {_mb(pf['index']['peak_rss_bytes'])}, "
                 f"index {_mb(pf['index_bytes']['raw'])} in {pf['index_bytes']['files']} files; first result "
                 f"(import + search + 10 results' data, prefix by prefix) median {_s(ss['first_result_ms_median'], 'ms')}, "
                 f"worst {_s(ss['first_result_ms_max'], 'ms')}; later prefixes median {_s(ss['keystroke_ms_median'], 'ms')}, "
                 f"max {_s(ss['keystroke_ms_max'], 'ms')}; bytes before first result worst {_mb(ss['bytes_before_first_gzip_max'])} gzip. "
                 + pf["note"])
        for q in pf.get("search", []):
            if q.get("query") in FOLDED_QUERIES:
                L.append(f"  - folded query `{q['query']}`: {q.get('results')} results")
    hg = b.get("hugo") or {}
    if "error" in hg:
        L.append(f"- hugo: error {hg['error'][:300]}")
    elif hg.get("available"):
        L.append(f"- hugo ({hg['version']}): {hg['articles']} articles, minimal hand-written layout, build "
                 f"{hg['build']['wall_s']} s, peak RSS {_mb(hg['build']['peak_rss_bytes'])}"
                 + (f", {hg['site']['html_pages']} pages, {_mb(hg['site']['site_bytes'])}" if hg.get("site") else ""))
    elif hg:
        L.append(f"- hugo: {hg.get('note')}")
    L.append("")
    return L


def side_by_side(sizes: dict[int, dict]) -> list[list]:
    rows = []

    def ratio(a, b):
        return "–" if not a or not b else f"{a / b:.2f}"

    for n, r in sorted(sizes.items()):
        b = r.get("baselines")
        if not b:
            continue
        mat = b.get("material") or {}
        pf = b.get("pagefind") or {}
        hg = b.get("hugo") or {}
        mfin = mat.get("finished")
        ours_b = r["build"]["wall_s"]
        mb = mat["build"]["wall_s"] if mfin else (f"> {mat.get('time_limit_s')} s (did not finish)"
                                                  if mat.get("build", {}).get("timed_out") else mat.get("note", "–"))
        hb = hg.get("build", {}).get("wall_s") if hg.get("available") else None
        rows.append([n, "build time (s)", ours_b, mb, ratio(ours_b, mat["build"]["wall_s"]) if mfin else "–",
                     f"index {pf['index']['wall_s']}" if pf.get("index") else "–", "–",
                     hb if hb is not None else "–", ratio(ours_b, hb)])
        o_rss = peak_rss(r["build"])
        m_rss = mat.get("build", {}).get("peak_rss_bytes") if mfin else None
        rows.append([n, "peak build RSS", _mb(o_rss), _mb(m_rss) if mfin else "–", ratio(o_rss, m_rss),
                     _mb(pf.get("index", {}).get("peak_rss_bytes")), "–",
                     _mb(hg.get("build", {}).get("peak_rss_bytes")), ratio(o_rss, hg.get("build", {}).get("peak_rss_bytes"))])
        ms = mat.get("site", {}) if mfin else {}
        rows.append([n, "site bytes", _mb(r["site"]["site_bytes"]), _mb(ms.get("site_bytes")),
                     ratio(r["site"]["site_bytes"], ms.get("site_bytes")), "–", "–",
                     _mb(hg.get("site", {}).get("site_bytes")), ratio(r["site"]["site_bytes"], hg.get("site", {}).get("site_bytes"))])
        rows.append([n, "median / largest HTML page",
                     f"{_mb(r['site']['median_page_bytes'])} / {_mb(r['site']['largest_page_bytes'])}",
                     f"{_mb(ms.get('median_page_bytes'))} / {_mb(ms.get('largest_page_bytes'))}" if ms else "–",
                     ratio(r["site"]["median_page_bytes"], ms.get("median_page_bytes")), "–", "–", "–", "–"])
        o_idx = sum(v["gzip"] for v in r["search_index"].values())
        o_idx_raw = sum(v["raw"] for v in r["search_index"].values())
        m_idx = mat.get("search_index", {}) if mfin else {}
        p_idx = pf.get("index_bytes", {})
        rows.append([n, "search index, all languages (raw / gzip)", f"{_mb(o_idx_raw)} / {_mb(o_idx)}",
                     f"{_mb(m_idx.get('raw'))} / {_mb(m_idx.get('gzip'))}" if m_idx else "–",
                     ratio(o_idx, m_idx.get("gzip")),
                     f"{_mb(p_idx.get('raw'))} / {_mb(p_idx.get('gzip'))}" if p_idx else "–",
                     ratio(o_idx, p_idx.get("gzip")), "–", "–"])
        os_ = r.get("search_summary", {})
        mss = mat.get("search_summary", {}) if mfin else {}
        pss = pf.get("search_summary", {})
        rows.append([n, "first result, median / worst query (ms)",
                     f"{os_.get('first_result_ms_median')} / {os_.get('first_result_ms_max')}",
                     f"{mss.get('first_result_ms_median')} / {mss.get('first_result_ms_max')}" if mss else "–",
                     ratio(os_.get("first_result_ms_median"), mss.get("first_result_ms_median")),
                     f"{pss.get('first_result_ms_median')} / {pss.get('first_result_ms_max')}" if pss else "–",
                     ratio(os_.get("first_result_ms_median"), pss.get("first_result_ms_median")), "–", "–"])
        rows.append([n, "bytes before first result, worst query (gzip)", _mb(os_.get("bytes_before_first_gzip_max")),
                     _mb(mss.get("bytes_before_first_gzip_max")) if mss else "–",
                     ratio(os_.get("bytes_before_first_gzip_max"), mss.get("bytes_before_first_gzip_max")),
                     _mb(pss.get("bytes_before_first_gzip_max")) if pss else "–",
                     ratio(os_.get("bytes_before_first_gzip_max"), pss.get("bytes_before_first_gzip_max")), "–", "–"])
        if mfin or pss:
            def folded(rows_):
                return ", ".join(f"{q['query']}: {q.get('results')}" for q in rows_ or []
                                 if q.get("query") in FOLDED_QUERIES)
            ours_f = ", ".join(f"{q['query']}: {q.get('results')}" for q in r.get("search", [])
                               if q.get("query") in FOLDED_QUERIES)
            rows.append([n, "results for folded queries", ours_f or "–", folded(mat.get("search")) if mfin else "–",
                         "", folded(pf.get("search")) or "–", "", "–", ""])
    return rows


def write_all(results: dict, out_dir: Path) -> None:
    sizes = {int(k): v for k, v in results["sizes"].items()}
    results["checks"] = evaluate(sizes)
    (out_dir / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    write_markdown(results, out_dir / "results.md")


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
