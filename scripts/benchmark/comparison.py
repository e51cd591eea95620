"""The report's comparison with the baselines: their paragraph under each size, and the side-by-side table."""
from __future__ import annotations

from .measuring import peak_rss
from .sizes import human_bytes, with_unit
from .workload import FOLDED_QUERIES


def baseline_lines(n: int, r: dict) -> list[str]:
    L = []
    b = r["baselines"]
    mat = b.get("material") or {}
    L.append("Baselines:")
    L.append("")
    if "error" in mat:
        L.append(f"- plain Material: error {mat['error'][:300]}")
    elif not mat.get("finished"):
        L.append(f"- plain Material (default navigation, built-in search): **{mat.get('note')}** "
                 f"(ran {mat['build']['wall_s']} s, peak RSS seen {human_bytes(mat['build']['peak_rss_bytes'])})")
    else:
        ms, ss = mat["site"], mat.get("search_summary", {})
        L.append(f"- plain Material (default navigation, built-in search): build {mat['build']['wall_s']} s, "
                 f"peak RSS {human_bytes(mat['build']['peak_rss_bytes'])}, site {human_bytes(ms['site_bytes'])}, "
                 f"{ms['html_pages']:,} pages, median page {human_bytes(ms['median_page_bytes'])}, largest "
                 f"{human_bytes(ms['largest_page_bytes'])} (`{ms['largest_page']}`), search_index.json "
                 f"{human_bytes(mat.get('search_index', {}).get('raw'))} raw / {human_bytes(mat.get('search_index', {}).get('gzip'))} gzip; "
                 f"first result median {with_unit(ss.get('first_result_ms_median'), 'ms')}, worst "
                 f"{with_unit(ss.get('first_result_ms_max'), 'ms')}; no result for: {', '.join(ss.get('without_result') or []) or 'none'}")
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
        L.append(f"- Pagefind {pf['version']}: index {pf['index']['wall_s']} s, peak RSS {human_bytes(pf['index']['peak_rss_bytes'])}, "
                 f"index {human_bytes(pf['index_bytes']['raw'])} in {pf['index_bytes']['files']} files; first result "
                 f"(import + search + 10 results' data, prefix by prefix) median {with_unit(ss['first_result_ms_median'], 'ms')}, "
                 f"worst {with_unit(ss['first_result_ms_max'], 'ms')}; later prefixes median {with_unit(ss['keystroke_ms_median'], 'ms')}, "
                 f"max {with_unit(ss['keystroke_ms_max'], 'ms')}; bytes before first result worst {human_bytes(ss['bytes_before_first_gzip_max'])} gzip. "
                 + pf["note"])
        for q in pf.get("search", []):
            if q.get("query") in FOLDED_QUERIES:
                L.append(f"  - folded query `{q['query']}`: {q.get('results')} results")
    hg = b.get("hugo") or {}
    if "error" in hg:
        L.append(f"- hugo: error {hg['error'][:300]}")
    elif hg.get("available"):
        L.append(f"- hugo ({hg['version']}): {hg['articles']} articles, minimal hand-written layout, build "
                 f"{hg['build']['wall_s']} s, peak RSS {human_bytes(hg['build']['peak_rss_bytes'])}"
                 + (f", {hg['site']['html_pages']} pages, {human_bytes(hg['site']['site_bytes'])}" if hg.get("site") else ""))
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
        rows.append([n, "peak build RSS", human_bytes(o_rss), human_bytes(m_rss) if mfin else "–", ratio(o_rss, m_rss),
                     human_bytes(pf.get("index", {}).get("peak_rss_bytes")), "–",
                     human_bytes(hg.get("build", {}).get("peak_rss_bytes")), ratio(o_rss, hg.get("build", {}).get("peak_rss_bytes"))])
        ms = mat.get("site", {}) if mfin else {}
        rows.append([n, "site bytes", human_bytes(r["site"]["site_bytes"]), human_bytes(ms.get("site_bytes")),
                     ratio(r["site"]["site_bytes"], ms.get("site_bytes")), "–", "–",
                     human_bytes(hg.get("site", {}).get("site_bytes")), ratio(r["site"]["site_bytes"], hg.get("site", {}).get("site_bytes"))])
        rows.append([n, "median / largest HTML page",
                     f"{human_bytes(r['site']['median_page_bytes'])} / {human_bytes(r['site']['largest_page_bytes'])}",
                     f"{human_bytes(ms.get('median_page_bytes'))} / {human_bytes(ms.get('largest_page_bytes'))}" if ms else "–",
                     ratio(r["site"]["median_page_bytes"], ms.get("median_page_bytes")), "–", "–", "–", "–"])
        o_idx = sum(v["gzip"] for v in r["search_index"].values())
        o_idx_raw = sum(v["raw"] for v in r["search_index"].values())
        m_idx = mat.get("search_index", {}) if mfin else {}
        p_idx = pf.get("index_bytes", {})
        rows.append([n, "search index, all languages (raw / gzip)", f"{human_bytes(o_idx_raw)} / {human_bytes(o_idx)}",
                     f"{human_bytes(m_idx.get('raw'))} / {human_bytes(m_idx.get('gzip'))}" if m_idx else "–",
                     ratio(o_idx, m_idx.get("gzip")),
                     f"{human_bytes(p_idx.get('raw'))} / {human_bytes(p_idx.get('gzip'))}" if p_idx else "–",
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
        rows.append([n, "bytes before first result, worst query (gzip)", human_bytes(os_.get("bytes_before_first_gzip_max")),
                     human_bytes(mss.get("bytes_before_first_gzip_max")) if mss else "–",
                     ratio(os_.get("bytes_before_first_gzip_max"), mss.get("bytes_before_first_gzip_max")),
                     human_bytes(pss.get("bytes_before_first_gzip_max")) if pss else "–",
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
