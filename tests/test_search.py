"""The archive's search, in Chromium over the built site: relevance, behaviour, speed of a query."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.browser
CASES = yaml.safe_load((Path(__file__).parent / "search_relevance.yml").read_text(encoding="utf-8"))["queries"]

RUN = """async ([q, opts]) => {
  const e = window.tnaSearch.engine; await e.ready();
  const found = await e.search(q, opts);
  const docs = await e.docs(found.results.map(r => r.ref));
  return {total: found.total, urls: docs.map(d => d.u), titles: docs.map(d => d.t)};
}"""


def search(page, q, **opts):
    return page.evaluate(RUN, [q, {"limit": 10, **opts}])


@pytest.fixture(scope="module")
def pages(browser, served):
    vi, en = browser.new_page(), browser.new_page()
    vi.goto(served + "index.html")
    en.goto(served + "en/index.html")
    yield {"vi": vi, "en": en}
    vi.close()
    en.close()


def test_relevance(pages):
    assert len(CASES) >= 25
    p1 = r5 = 0.0
    misses = []
    for case in CASES:
        got = search(pages[case["lang"]], case["q"])["urls"]
        top_ok = bool(got) and got[0] in case["top"]
        rel = case["relevant"]
        recall = len(set(got[:5]) & set(rel)) / min(len(rel), 5)
        p1 += top_ok
        r5 += recall
        if not top_ok or recall < 1:
            misses.append(f"{case['lang']} {case['q']!r}: got {got[:5]}")
    p1, r5 = p1 / len(CASES), r5 / len(CASES)
    from conftest import REPORT

    REPORT["search relevance"] = f"{len(CASES)} queries: precision@1 = {p1:.3f}, recall@5 = {r5:.3f}"
    print(f"\nsearch relevance over {len(CASES)} queries: precision@1 = {p1:.3f}, recall@5 = {r5:.3f}")
    for m in misses:
        print("  miss:", m)
    assert p1 >= 0.9 and r5 >= 0.9, misses


def test_english_site_returns_only_english_pages(pages):
    for q in ("Korea", "Thai Nguyen", "hop tac", "Gyeongsangbuk"):
        urls = search(pages["en"], q)["urls"]
        assert urls and all(u.startswith("en/") for u in urls), (q, urls)
    for q in ("Korea", "hop tac"):
        assert all(not u.startswith("en/") for u in search(pages["vi"], q)["urls"])


def test_tone_marks_change_the_order_not_the_matches(pages):
    # "hợp", "họp" and "hop" fold alike: the same pages match, whichever form is typed.
    totals = {q: search(pages["vi"], q + " ")["total"] for q in ("hợp", "họp", "hop", "HỢP")}
    assert len(set(totals.values())) == 1 and totals["hop"] > 0, totals


def test_phrase_needs_the_words_in_order(pages):
    assert search(pages["vi"], '"quốc tế hợp tác"')["total"] == 0
    assert search(pages["vi"], "quốc tế hợp tác")["total"] >= 3  # unquoted: all words, any order
    ordered = search(pages["vi"], '"hợp tác quốc tế"')["total"]
    assert 0 < ordered <= search(pages["vi"], "hợp tác quốc tế")["total"]


def test_filters_by_year_and_country(pages):
    all_ = search(pages["vi"], "hop tac")["urls"]
    y2023 = search(pages["vi"], "hop tac", year="2023")["urls"]
    assert y2023 and set(y2023) < set(all_) and all(u.startswith("articles/2023-") for u in y2023)
    finland = search(pages["vi"], "hop tac", country="finland")["urls"]
    assert finland == ["articles/2021-10-20-cong-tac-doi-ngoai-tinh-thai-nguyen-9-thang-nam.html"]


def test_header_search_folded_query_shows_accented_article_with_highlights(browser, served, built_site):
    for base in (served, built_site.as_uri() + "/"):
        requests: list[str] = []
        page = browser.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.goto(base + "partners/korea.html")
        page.keyboard.press("/")
        assert page.evaluate("document.activeElement.id") == "tna-q"
        page.keyboard.type("hop tac quoc te", delay=20)
        page.wait_for_selector("#tna-results:not([hidden]) .tna-result__link")
        # Snippets follow the results, once the pages' texts have loaded.
        page.wait_for_function("(t => t && t.query === 'hop tac quoc te' && t.snippetsMs)(window.tnaSearch.lastTiming)")
        first = page.locator("#tna-results .tna-result").first
        assert "Thái Nguyên: mở rộng hợp tác quốc tế" in first.locator(".tna-result__link").inner_text()
        marks = first.locator("mark").all_inner_texts()
        assert {"hợp", "tác", "quốc", "tế"} <= {m.lower() for m in marks}
        assert page.get_attribute("#tna-q", "aria-expanded") == "true"
        page.keyboard.press("ArrowDown")
        assert page.get_attribute("#tna-q", "aria-activedescendant") == "tna-results-0"
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.endswith("articles/2025-02-10-thai-nguyen-mo-rong-hop-tac-quoc-te-tao-dong-luc.html")
        page.close()
        assert [u for u in requests if not u.startswith(base)] == []


def test_results_page_deep_link_with_filters(browser, served, built_site):
    for base in (served, built_site.as_uri() + "/"):
        page = browser.new_page()
        page.goto(base + "search.html?q=hop%20tac&year=2023")
        page.wait_for_function("document.querySelectorAll('#tna-page-results .tna-result').length > 0")
        assert page.input_value("#tna-page-q") == "hop tac" and page.input_value("#tna-page-year") == "2023"
        links = page.locator("#tna-page-results .tna-result__link").evaluate_all("as => as.map(a => a.getAttribute('href'))")
        assert links and all("articles/2023-" in h for h in links)
        assert "kết quả" in page.inner_text(".tna-search-page__status")
        page.select_option("#tna-page-country", "finland")
        page.select_option("#tna-page-year", "")
        page.wait_for_function("location.search.includes('country=finland')")
        page.wait_for_function("document.querySelectorAll('#tna-page-results .tna-result').length === 1")
        page.close()
        en = browser.new_page()
        en.goto(base + "en/search.html?q=Korea")
        en.wait_for_function("document.querySelectorAll('#tna-page-results .tna-result').length > 0")
        assert en.locator("#tna-page-results .tna-result__link").first.inner_text() == "Republic of Korea"
        assert "results" in en.inner_text(".tna-search-page__status")
        en.close()


def test_a_query_transfers_little(browser, served):
    """Only the manifest, lunr, the shards of the words typed and the chunks of results shown load."""
    page = browser.new_page()
    sizes: dict[str, int] = {}
    page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())) if "/assets/search/" in r.url else None)
    page.goto(served + "index.html")
    page.click("#tna-q")
    page.evaluate("""() => {
      window.__t = {};
      document.addEventListener('keydown', () => { window.__t.key = window.__t.key || performance.now(); }, true);
      document.addEventListener('tna-search-results', e => {
        if (e.detail.results && !window.__t.shown) window.__t.shown = performance.now(); }, true);
    }""")
    page.keyboard.type("Korea", delay=20)
    page.wait_for_selector("#tna-results:not([hidden]) .tna-result__link")
    shards = [u for u in sizes if "/s/" in u]
    assert 1 <= len(shards) <= 4, shards
    assert not [u for u in sizes if "/en/" in u], "the Vietnamese page loads only the Vietnamese index"
    t = page.evaluate("window.__t")
    from conftest import REPORT

    REPORT["search cold query"] = (f"'Korea' on a cold page: first results {t['shown'] - t['key']:.0f} ms after the first key, "
                                   f"{sum(sizes.values())} bytes of search files in {len(sizes)} requests")
    page.close()


@pytest.fixture(scope="module")
def accent_site(tmp_path_factory):
    """Two extra articles whose words differ only by tone marks: "hộp" (box) and "hợp"."""
    from sitebuild import build_project

    box = ("Doanh nghiệp Hàn Quốc mở nhà máy sản xuất hộp giấy tại Thái Nguyên\n12:00 | 01/03/2024 GMT+7\n\n"
           "Nhà máy sản xuất hộp giấy và hộp nhựa của doanh nghiệp Hàn Quốc đi vào hoạt động; mỗi năm nhà máy làm ra "
           "hàng triệu chiếc hộp.\n\nSản phẩm hộp giấy được xuất khẩu sang nhiều nước.\n\nMinh Anh\n")
    meet = ("Thái Nguyên và Gyeongsangbuk-do trao đổi kinh nghiệm đào tạo nghề\n12:00 | 02/03/2024 GMT+7\n\n"
            "Hai tỉnh thống nhất hợp đồng đào tạo nghề cho lao động trẻ trong năm tới.\n\n"
            "Các bên cũng trao đổi về giáo dục nghề nghiệp.\n\nMinh Anh\n")

    def mutate(project):
        (project / "seeds/900_box.txt").write_text(box, encoding="utf-8")
        (project / "seeds/901_meet.txt").write_text(meet, encoding="utf-8")
        from conftest import run

        run(["convert"], project, check=True)

    return build_project(tmp_path_factory.mktemp("accents") / "project", mutate)


def test_accented_query_ranks_exact_form_first(browser, accent_site):
    page = browser.new_page()
    page.goto((accent_site / "index.html").as_uri())
    box = "articles/2024-03-01-doanh-nghiep-han-quoc-mo-nha-may-san-xuat-hop-giay.html"
    meet = "articles/2024-03-02-thai-nguyen-va-gyeongsangbuk-do-trao-doi-kinh.html"
    hop = [u for u in search(page, "hợp ")["urls"] if u in (box, meet)]
    hoop = [u for u in search(page, "hộp ")["urls"] if u in (box, meet)]
    folded = [u for u in search(page, "hop ")["urls"] if u in (box, meet)]
    page.close()
    assert hop[0] == meet, hop      # "hợp" (once) above "hộp" (five times)
    assert hoop[0] == box, hoop
    assert set(folded) == {box, meet}  # without tone marks, both are found
