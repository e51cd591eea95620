"""The three baselines the archive is compared with: plain Material (its built-in search, default
navigation), Pagefind indexing our built site, and Debian's hugo building the same articles."""
from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from .browser import KEY_JS, browser_runs, bytes_of, cold_context
from .measuring import BIN, check, run_measured
from .sizes import gz, site_stats, tree_bytes
from .workload import FOLDED_QUERIES

PAGEFIND_VENV = Path(os.environ.get("PAGEFIND_VENV", "/tmp/pagefind-venv"))
PAGEFIND_VERSION = "1.5.2"


_MATERIAL_JS = KEY_JS + """
new MutationObserver(function () {
  var b = window.__bench;
  if (b.first === null && document.querySelector('.md-search-result__item')) {
    b.first = {t: performance.now()};
    b.firstResources = performance.getEntriesByType('resource').map(function (r) { return r.name; });
  }
}).observe(document, {subtree: true, childList: true});
"""


def search_material(browser, base: str, site: Path, query: str, lang: str) -> dict:
    ctx, page = cold_context(browser)
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
            "bytes_before_first_result": bytes_of(bench.get("firstResources") or [], site, "/"),
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
    ctx, page = cold_context(browser)
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
            "bytes_before_first_result": bytes_of(first_urls, site, "/pagefind/"),
            "bytes_whole_query": bytes_of(urls, site, "/pagefind/"),
            "results": two["total"],
        }
    finally:
        ctx.close()


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
    check(res, work / "pagefind.log", "pagefind")
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
