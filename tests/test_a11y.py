"""Accessibility as a reader meets it: axe-core's WCAG 2.1 A/AA rules in Chromium on every kind of
page in both languages (and the offline export and print edition), keyboard paths driven by key
presses (Tab, Enter, arrows, /), and no sideways scrolling at 320 px or at 200 % zoom.

One site is built for the module: the archive with one translation removed (an untranslated article)
and a Korea article copied 101 times (a numbered partner page); one browser opens every page.

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
    ("translations", "translations.html"),
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
        if lang == "vi":  # the file a reader opens first: it forwards to the Vietnamese home page
            yield "export (file://), home", lang, (exported / "index.html").as_uri(), lambda p: p.wait_for_url("**/data/index.html")
        else:
            yield "export (file://), home", lang, (exported / "data/en/index.html").as_uri(), None
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


# ---- keyboard: every path driven by key presses -------------------------------------------------

FOCUSED = """() => { const e = document.activeElement; if (!e || e === document.body) return null;
  const s = getComputedStyle(e), r = e.getBoundingClientRect(), bar = e.querySelector && e.querySelector('.tnc-bar');
  return {tag: e.tagName.toLowerCase(), cls: String(e.className && e.className.baseVal !== undefined ? e.className.baseVal : e.className),
          text: (e.textContent || e.value || '').trim().slice(0, 60), href: e.getAttribute('href'), id: e.id,
          label: e.getAttribute('aria-label'),
          visible: r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight && ((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
                   || (bar !== null && getComputedStyle(bar).strokeWidth !== '0px' && getComputedStyle(bar).stroke !== 'none'))}; }"""


def tab_until(page, wanted, limit: int = 120) -> list[dict]:
    """Press Tab until wanted(focused) is true; every stop on the way must show its focus."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        f = page.evaluate(FOCUSED)
        if f is None:
            continue
        stops.append(f)
        assert f["visible"], f"focus is not visible on {f}"
        if wanted(f):
            return stops
    raise AssertionError(f"not reached with Tab; stops: {[s['tag'] + '.' + s['cls'] for s in stops]}")


def follow(page, key: str = "Enter") -> None:
    """Press a key that must take the reader to another page, and wait for that page."""
    with page.expect_navigation():
        page.keyboard.press(key)


@pytest.fixture(scope="module")
def keyboard_page(browser):
    page = browser.new_page()
    yield page
    page.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_skip_link_then_header_in_order(lang, a11y_served, keyboard_page):
    page = keyboard_page
    pre = "" if lang == "vi" else "en/"
    page.goto(a11y_served + pre + "partners/korea.html")
    stops = tab_until(page, lambda f: f["id"] == "tna-q")
    kinds = [("skip" if "tna-skip" in s["cls"] else "logo" if "md-logo" in s["cls"] else
              "language" if s["tag"] == "button" else "language link" if "md-select__link" in s["cls"] else s["id"]) for s in stops]
    assert kinds == ["skip", "logo", "language", "language link", "language link", "tna-q"], kinds
    # The skip link leads past the header: the next Tab lands in the content.
    page.goto(a11y_served + pre + "partners/korea.html")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.url.endswith("#tna-content")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('article.md-content__inner') !== null")


def test_navigation_drawer_by_keyboard_on_a_small_screen(a11y_served, browser):
    """At 200 % zoom (640 CSS px) the navigation sits in a drawer: reachable, opened with Enter, never focused unseen."""
    page = browser.new_page(viewport={"width": 640, "height": 700})
    page.goto(a11y_served + "en/partners/korea.html")
    stops = tab_until(page, lambda f: "tna-result__link" in f["cls"] or (f["href"] or "").endswith("busan.html"))
    assert not any("md-nav__link" in s["cls"] for s in stops), "closed drawer's links took the focus"
    page.goto(a11y_served + "en/partners/korea.html")
    tab_until(page, lambda f: f["tag"] == "label" and f["label"] == "Navigation")
    page.keyboard.press("Enter")
    assert page.locator("#__drawer").is_checked()
    tab_until(page, lambda f: "md-nav__link" in f["cls"] and f["text"] == "Timeline")
    follow(page)
    assert page.url.endswith("/en/timeline/index.html")
    page.close()


def test_language_switch_by_keyboard(a11y_served, keyboard_page):
    page = keyboard_page
    page.goto(a11y_served + f"articles/{ARTICLE}.html")
    tab_until(page, lambda f: f["tag"] == "a" and "md-select__link" in f["cls"] and f["text"] == "English")
    follow(page)
    assert page.url == a11y_served + f"en/articles/{ARTICLE}.html"
    tab_until(page, lambda f: f["tag"] == "a" and "md-select__link" in f["cls"] and f["text"] == "Tiếng Việt")
    assert page.evaluate("document.activeElement.lang") == "vi"
    follow(page)
    assert page.url == a11y_served + f"articles/{ARTICLE}.html"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_search_combobox_by_keyboard_announces_the_count(lang, a11y_served, keyboard_page):
    page = keyboard_page
    pre = "" if lang == "vi" else "en/"
    page.goto(a11y_served + pre + "timeline/index.html")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "tna-q"
    page.keyboard.type(QUERY[lang])
    page.wait_for_selector("#tna-results [role=option]")
    status = page.locator(".tna-search [role=status]")
    word = {"vi": "kết quả", "en": "results"}[lang]
    page.wait_for_function("w => /\\d/.test(document.querySelector('.tna-search [role=status]').textContent)", arg=word)
    assert re.fullmatch(rf"\d+ {word}", status.inner_text().strip()), status.inner_text()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    second = page.locator("#tna-results [role=option]").nth(1)
    assert second.get_attribute("aria-selected") == "true"
    assert page.locator("#tna-q").get_attribute("aria-activedescendant") == second.get_attribute("id")
    target = page.evaluate("h => new URL(h, location.href).href", second.get_attribute("data-href"))
    follow(page)
    assert page.url == target


def test_chart_links_and_pagination_by_keyboard(a11y_served, keyboard_page):
    page = keyboard_page
    page.goto(a11y_served + "en/timeline/index.html")
    tab_until(page, lambda f: f["tag"] == "a" and "tnc-item" in f["cls"])
    follow(page)
    assert re.search(r"/en/timeline/\d{4}\.html$", page.url), page.url
    page.goto(a11y_served + "partners/korea.html")
    tab_until(page, lambda f: f["tag"] == "a" and (f["href"] or "").endswith("korea-p2.html"))
    follow(page)
    assert page.url.endswith("/partners/korea-p2.html")
    assert page.locator(".tna-pager [aria-current=page]").first.inner_text() == "2"


def test_search_page_filters_by_keyboard(a11y_served, keyboard_page):
    page = keyboard_page
    page.goto(a11y_served + "en/search.html")
    page.wait_for_selector("#tna-page-year option >> nth=1", state="attached")
    assert page.evaluate("document.activeElement.id") == "tna-page-q"  # the page's own box has focus
    page.keyboard.type(QUERY["en"])
    status = page.locator(".tna-search-page__status")
    page.wait_for_function("() => /\\d+ results/.test(document.querySelector('.tna-search-page__status').textContent)")
    before = status.inner_text()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "tna-page-year"
    page.keyboard.press("ArrowDown")  # a closed <select> changes value with the arrow keys
    year = page.evaluate("document.activeElement.value")
    assert re.fullmatch(r"\d{4}", year)
    page.wait_for_function("b => document.querySelector('.tna-search-page__status').textContent !== b", arg=before)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "tna-page-country"
    tab_until(page, lambda f: f["tag"] == "a" and "tna-result__link" in f["cls"])
    assert year in page.locator("#tna-page-results").inner_text()


def test_vietnamese_results_on_the_english_site_say_their_language(a11y_served, keyboard_page):
    """An untranslated article found from the English site: its Vietnamese title and snippet carry lang="vi"."""
    page = keyboard_page
    page.goto(a11y_served + "en/search.html?q=" + "công tác đối ngoại 9 tháng")
    link = page.locator(f'#tna-page-results a[href$="{UNTRANSLATED}.html"]')
    link.wait_for()
    assert link.get_attribute("lang") == "vi"
    assert link.locator("xpath=..").locator(".tna-result__snippet").get_attribute("lang") == "vi"
    translated = page.locator(f'#tna-page-results a[href$="{ARTICLE}.html"]')
    if translated.count():
        assert translated.get_attribute("lang") is None


# ---- small screens ------------------------------------------------------------------------------

@pytest.mark.parametrize("width", [320, 640], ids=["320px", "1280px-at-200pc-zoom"])
def test_no_page_scrolls_sideways(width, a11y_served, browser):
    """At 320 px, and at 640 CSS px (a 1280 px window zoomed to 200 %), nothing is wider than the screen."""
    page = browser.new_page(viewport={"width": width, "height": 700})
    wide = []
    for lang, pre in (("vi", ""), ("en", "en/")):
        for kind, path in PAGES + [("search", f"search.html?q={QUERY[lang]}")]:
            page.goto(a11y_served + pre + path)
            page.wait_for_load_state("load")
            sizes = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            if sizes[0] > sizes[1]:
                culprits = page.evaluate("""w => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > w + 1).slice(0, 3)
                    .map(e => e.tagName.toLowerCase() + '.' + e.className)""", sizes[1])
                wide.append(f"{kind} [{lang}]: {sizes[0]} px wide, {culprits}")
    page.close()
    assert not wide, "\n".join(wide)


def test_header_keeps_the_archive_name_readable_on_a_phone(a11y_served, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    for pre, name in (("", "Lưu trữ Hợp tác Quốc tế Thái Nguyên"), ("en/", "Thái Nguyên International Cooperation Archive")):
        page.goto(a11y_served + pre + f"articles/{ARTICLE}.html")
        title = page.locator(".md-header__topic:first-child .md-ellipsis")
        assert title.inner_text().strip() == name
        # Whole, not cut by an ellipsis: the text fits its box, and stays in view once the page scrolls.
        assert page.evaluate("e => e.scrollWidth <= e.clientWidth", title.element_handle())
        page.mouse.wheel(0, 1500)
        page.wait_for_timeout(300)
        assert title.is_visible() and page.evaluate("e => getComputedStyle(e.closest('.md-header__topic')).opacity", title.element_handle()) == "1"
    page.close()
