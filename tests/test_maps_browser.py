"""The partner maps in Chromium: over HTTP under a sub-path and from file://, in both languages, with
no request to another host; a click on Korea; the same numbers on the map, in its table and on
the partner pages; axe-core's WCAG 2.1 A/AA rules when axe-core is installed."""
from __future__ import annotations

import gzip
import re

import pytest

from conftest import ROOT

pytestmark = pytest.mark.browser
INDEX = {"vi": "partners/index.html", "en": "en/partners/index.html"}
COUNT = re.compile(r"^(.+): (\d+) (?:bài|articles)$")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def visit(browser, url: str, requests: list[str]):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url)
    return page


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("where", ["http", "file"])
def test_maps_render_offline_in_both_languages(where, lang, served, built_site, browser):
    base = served if where == "http" else built_site.as_uri() + "/"
    pre = "" if lang == "vi" else "en/"
    requests: list[str] = []
    page = visit(browser, base + INDEX[lang], requests)
    for uid in ("#tnm-world", "#tnm-region"):
        box = page.locator(uid).bounding_box()
        assert box["width"] > 600 and box["height"] > 250, (uid, box)
        assert page.locator(f"{uid} a[href]").count() >= 10
    assert page.locator(".tnm-periods svg").count() >= 2  # small multiples (the seeds span 2023–2025)
    assert page.locator(".tnm-periods use").count() > 10
    page.goto(base + pre + "timeline/2023.html")
    assert page.locator("#tnm-y2023").bounding_box()["width"] > 400
    assert page.locator("#tnm-y2023 a[aria-label]").count() >= 1
    page.goto(base + pre + "partners/chilgok.html")
    locator = page.locator(".tnm-locator svg[role=img]")
    assert locator.bounding_box()["width"] > 200 and locator.locator("circle.tnm-dot").count() == 1
    page.close()
    assert [u for u in requests if not (u.startswith(base) or u.startswith("data:"))] == []


@pytest.mark.parametrize("uid", ["#tnm-world", "#tnm-region"])
def test_clicking_korea_on_the_map_opens_its_page(uid, served, browser):
    requests: list[str] = []
    page = visit(browser, served + INDEX["vi"], requests)
    link = page.locator(f'{uid} a[aria-label^="Hàn Quốc:"]')
    link.scroll_into_view_if_needed()
    # A point of Korea's shape not under one of its provinces' or cities' dots: a reader's click.
    point = link.evaluate("""a => {
        const r = a.getBoundingClientRect();
        for (let y = r.top + 1; y < r.bottom; y += 2) for (let x = r.left + 1; x < r.right; x += 2) {
            const hit = document.elementFromPoint(x, y);
            if (hit && hit.closest('a') === a) return [x, y];
        }
        return null; }""")
    assert point is not None
    page.mouse.click(*point)
    page.wait_for_url("**/partners/korea.html")
    assert page.locator("article h1").inner_text() == "Hàn Quốc"
    page.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_map_names_table_and_partner_pages_agree(lang, served, browser):
    requests: list[str] = []
    page = visit(browser, served + INDEX[lang], requests)
    named: dict[str, int] = {}
    for uid in ("#tnm-world", "#tnm-region"):
        for label, href in page.locator(f"{uid} a[aria-label]").evaluate_all(
                "els => els.map(a => [a.getAttribute('aria-label'), new URL(a.getAttribute('href'), location.href).href])"):
            name, n = COUNT.match(label).groups()
            assert named.setdefault(href, int(n)) == int(n), label  # the same in both views
    table = dict(page.locator(".tnm-table tbody tr").evaluate_all(
        "rows => rows.map(r => [r.querySelector('a').href, +r.lastElementChild.textContent])"))
    assert named and table == named
    assert any(n > 1 for n in named.values())
    for href, n in named.items():
        page.goto(href)
        row = page.locator(".tna-facts tr", has_text="Trên bản đồ" if lang == "vi" else "On the map")
        assert row.locator("td").inner_text().startswith(f"{n} "), (href, n)
    page.close()


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed in node_modules")
@pytest.mark.parametrize("path", ["partners/index.html", "en/partners/index.html", "timeline/2023.html",
                                  "en/partners/chilgok.html"])
def test_axe_finds_no_violation_on_the_map_pages(path, served, browser):
    page = visit(browser, served + path, [])
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""() => axe.run({runOnly: {type: 'tag', values:
        ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})""")
    page.close()
    found = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
             if any(".tnm" in str(n["target"]) or "tnm" in n["html"] for n in v["nodes"])]
    assert found == []


def test_the_maps_cost_at_most_60_kb_gzip_on_their_page(built_site):
    for lang, path in INDEX.items():
        html = (built_site / path).read_text(encoding="utf-8")
        maps = "".join(re.findall(r'<figure class="tnm-figure.*?</figure>|<details class="tnm-numbers">.*?</details>'
                                  r'|<ul class="tnm-legend".*?</ul>|<h2 id="map-periods">.*?</div>', html, re.S))
        assert maps.count("<svg") >= 4  # the world, the region, two periods at least
        assert len(gzip.compress(maps.encode("utf-8"))) <= 60 * 1024, lang
