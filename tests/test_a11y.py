"""Accessibility as a reader meets it: axe-core's WCAG 2.1 A/AA rules in Chromium on every kind of
page in both languages (and the offline export and print edition), keyboard paths driven by key
presses, and no sideways scrolling on a 320 px screen.

axe-core is the npm package pinned in package-lock.json (installed by `scripts/setup.sh --test`) and
is injected from node_modules: nothing is fetched at run time.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from conftest import REPORT, ROOT, run

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules/axe-core/axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ARTICLE = "2023-08-10-bi-thu-tinh-uy-thai-nguyen-tiep-va-lam-viec-voi"
UNTRANSLATED = "2021-10-20-cong-tac-doi-ngoai-tinh-thai-nguyen-9-thang-nam"
COPIES = 101  # copies of a Korea article, so Korea gets a numbered page (100 articles per page)
QUERY = {"vi": "hợp tác", "en": "cooperation"}

# (page kind, path under the language's root): every kind of page the site has.
PAGES = [
    ("home", "index.html"),
    ("article list", "articles/index.html"),
    ("article", f"articles/{ARTICLE}.html"),
    ("article (untranslated in en)", f"articles/{UNTRANSLATED}.html"),
    ("partner", "partners/korea.html"),
    ("partner page 2", "partners/korea-p2.html"),
    ("partner list", "partners/index.html"),
    ("person", "people/lee-dal-hee.html"),
    ("people list", "people/index.html"),
    ("timeline", "timeline/index.html"),
    ("year", "timeline/2023.html"),
    ("data", "data.html"),
    ("maintainers", "maintainers.html"),
    ("404", "404.html"),
]


def _mutate(project: Path) -> None:
    """One English translation removed; a Korea article copied under new slugs (a numbered partner page)."""
    (project / f"docs/en/articles/{UNTRANSLATED}.md").unlink()
    src = project / "docs/vi/articles/2025-02-10-thai-nguyen-mo-rong-hop-tac-quoc-te-tao-dong-luc.md"
    text = src.read_text(encoding="utf-8")
    slug = src.stem
    for i in range(COPIES):
        (src.parent / f"{slug}-{i:03d}.md").write_text(text.replace(f"slug: {slug}", f"slug: {slug}-{i:03d}"), encoding="utf-8")


@pytest.fixture(scope="module")
def a11y_site(tmp_path_factory) -> Path:
    from sitebuild import build_project

    return build_project(tmp_path_factory.mktemp("a11y") / "project", _mutate)


@pytest.fixture(scope="module")
def a11y_served(a11y_site, tmp_path_factory):
    import functools
    import http.server
    import threading

    root = tmp_path_factory.mktemp("a11y-www")
    (root / "archive").symlink_to(a11y_site, target_is_directory=True)
    (root / "assets").symlink_to(a11y_site / "assets", target_is_directory=True)  # a 404 page's links start at /
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/archive/"
    server.shutdown()


@pytest.fixture(scope="module")
def exported(a11y_site, tmp_path_factory) -> Path:
    """The offline export (without PDFs), unpacked: its site and its print edition's HTML."""
    out = tmp_path_factory.mktemp("a11y-dist")
    run(["export", "--out", str(out), "--date", "2026-01-02", "--no-pdf"], a11y_site.parent, check=True, timeout=300)
    (zip_path,) = out.glob("*.zip")
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(out / "unpacked")
    (bag,) = (out / "unpacked").iterdir()
    return bag


def axe(page) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now: one dict per rule."""
    assert AXE.exists(), "axe-core is missing: run scripts/setup.sh --test (npm ci)"
    page.add_script_tag(path=str(AXE))
    return page.evaluate("""tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
        .then(r => r.violations.map(v => ({id: v.id, impact: v.impact,
            nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 160),
                                      summary: (n.failureSummary || '').split('\\n').slice(0, 2).join(' ')}))})))""", TAGS)


def _type_query(page, lang: str, where: str) -> None:
    """A query typed as a reader types it: into the search page's form, or into the header box (results open)."""
    box = page.locator(".tna-search-page__form input" if where == "page" else "#tna-q").first
    box.click()
    box.press_sequentially(QUERY[lang])
    sel = ".tna-search-page__results li" if where == "page" else "#tna-results li"
    page.wait_for_selector(sel, timeout=10_000)


def audit_targets(served: str, exported: Path):
    """(kind, lang, url, action) for every page the audit opens; action prepares the page after load."""
    for lang, pre in (("vi", ""), ("en", "en/")):
        for kind, path in PAGES:
            yield kind, lang, served + pre + path, None
        yield "search page, query typed", lang, served + pre + "search.html", lambda p, lang=lang: _type_query(p, lang, "page")
        yield "search box, results open", lang, served + pre + "index.html", lambda p, lang=lang: _type_query(p, lang, "box")
        yield "export (file://), home", lang, (exported / f"data/{pre}index.html").as_uri(), None
        yield "export (file://), article", lang, (exported / f"data/{pre}articles/{ARTICLE}.html").as_uri(), None
        (printed,) = (exported / "data/print").glob(f"*-{lang}.html")
        yield "print edition", lang, printed.as_uri(), None


def test_axe_finds_no_wcag21_violation_on_any_page(a11y_served, exported, browser):
    page = browser.new_page()
    counts: dict[tuple[str, str], int] = {}
    rules: dict[str, int] = {}
    lines = []
    for kind, lang, url, action in audit_targets(a11y_served, exported):
        response = page.goto(url)
        assert response is None or response.ok, f"{url}: {response.status}"
        if action:
            action(page)
        found = axe(page)
        counts[kind, lang] = sum(len(v["nodes"]) for v in found)
        for v in found:
            rules[v["id"]] = rules.get(v["id"], 0) + len(v["nodes"])
            for n in v["nodes"][:3]:
                lines.append(f"{v['id']} ({v['impact']}) on {kind} [{lang}] {url}\n    {n['target']}: {n['html']}\n    {n['summary']}")
            if len(v["nodes"]) > 3:
                lines.append(f"    … and {len(v['nodes']) - 3} more {v['id']} on that page")
    page.close()
    table = "\n".join(f"{k:<32} {counts[k, 'vi']:>4} {counts[k, 'en']:>4}" for k in dict.fromkeys(k for k, _ in counts))
    print("\npage kind                          vi   en\n" + table + "\nby rule: " + repr(rules))
    REPORT["axe WCAG 2.1 A/AA violations (nodes)"] = str(sum(counts.values()))
    assert not lines, f"{len(lines)} axe violation(s):\n" + "\n".join(lines)
