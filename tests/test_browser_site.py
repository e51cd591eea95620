"""A reader in Chromium: navigating, switching language, on a host sub-path and from file://."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
ARTICLE = "2023-08-10-bi-thu-tinh-uy-thai-nguyen-tiep-va-lam-viec-voi"


def open_page(browser, requests: list[str]):
    page = browser.new_page()
    page.on("request", lambda r: requests.append(r.url))
    return page


def switch_language(page, lang: str) -> None:
    page.hover(".md-header__option .md-select")
    page.click(f'a.md-select__link[hreflang="{lang}"]')
    page.wait_for_load_state("load")


@pytest.mark.parametrize("where", ["http", "file"])
def test_reader_journey(where, served, built_site, browser):
    base = served if where == "http" else built_site.as_uri() + "/"
    requests: list[str] = []
    page = open_page(browser, requests)
    page.goto(base + "index.html")
    assert page.locator("html").get_attribute("lang") == "vi"
    page.click("nav.md-nav--primary >> text=Đối tác")
    assert page.url.endswith("/partners/index.html")
    page.click("h2#korea >> a")
    assert page.url.endswith("/partners/korea.html")
    assert page.locator("article h1").inner_text() == "Hàn Quốc"
    page.click(f'.tna-list a[href$="{ARTICLE}.html"]')
    assert page.url.endswith(f"/articles/{ARTICLE}.html")
    assert "10 tháng 8 năm 2023" in page.locator(".tna-meta").inner_text()
    # The language switch lands on the same article in English, and back.
    switch_language(page, "en")
    assert page.url.endswith(f"/en/articles/{ARTICLE}.html")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("article h1").inner_text().startswith("Secretary of Thai Nguyen provincial Party Committee")
    assert "10 August 2023" in page.locator(".tna-meta").inner_text()
    page.click('.tna-meta__partners a:has-text("Gyeongsangbuk-do")')
    assert page.url.endswith("/en/partners/gyeongsangbuk-do.html")
    # An event on the partner's timeline links to the very paragraph it cites.
    page.click('.tna-events a.tna-cite >> nth=0')
    page.wait_for_load_state("load")
    anchor = page.url.split("#")[1]
    assert anchor.startswith("p") and page.locator(f"article [id='{anchor}']").count() == 1
    switch_language(page, "vi")
    assert "/en/" not in page.url and page.url.split("#")[0].endswith(".html")
    assert page.locator("html").get_attribute("lang") == "vi"
    page.close()
    outside = [u for u in requests if not (u.startswith(base) or u.startswith("data:"))]
    assert outside == [], outside


@pytest.mark.parametrize("path", [
    "index.html", "articles/index.html", f"articles/{ARTICLE}.html", "partners/index.html", "partners/chilgok.html",
    "people/index.html", "people/lee-dal-hee.html", "timeline/index.html", "timeline/2023.html", "data.html",
])
def test_language_switch_keeps_the_page(path, served, browser):
    requests: list[str] = []
    page = open_page(browser, requests)
    page.goto(served + path)
    switch_language(page, "en")
    assert page.url == served + "en/" + path
    assert page.locator("html").get_attribute("lang") == "en"
    switch_language(page, "vi")
    assert page.url == served + path
    page.close()
