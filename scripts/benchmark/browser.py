"""Search timed in Chromium: the built site served on 127.0.0.1, each query typed into the header
box of a cold page a key at a time, and the bytes of the search files loaded before the first results."""
from __future__ import annotations

import contextlib
import functools
import http.server
import socketserver
import statistics
import threading
import time
import urllib.parse
from pathlib import Path

from .sizes import gz

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


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


def bytes_of(urls: list[str], site: Path, prefix: str) -> dict:
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


def cold_context(browser):
    ctx = browser.new_context()
    page = ctx.new_page()
    cdp = ctx.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    return ctx, page


KEY_JS = """
window.__bench = {keys: {}, pending: -1, events: [], first: null, snippets: []};
function __mark() { var b = window.__bench; if (b.pending >= 0 && b.keys[b.pending] === undefined) b.keys[b.pending] = performance.now(); }
document.addEventListener('keydown', __mark, true);
document.addEventListener('beforeinput', __mark, true);
"""


_OURS_JS = KEY_JS + """
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
    ctx, page = cold_context(browser)
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
            "bytes_before_first_result": bytes_of(bench.get("firstResources") or [], site, "/assets/search/"),
            "bytes_whole_query": bytes_of(all_urls, site, "/assets/search/"),
            "results": final and final["results"],
            "final_snippets_ms": round(final_snip["t"] - last_key, 1) if final_snip and last_key is not None else None,
            "keystrokes_without_event": missing,
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
