"""The built bilingual site, read as files: every page in both languages, links, lang, data."""
from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT

PARTNERS = yaml.safe_load((ROOT / "data/partners.yml").read_text())["partners"]
PEOPLE = yaml.safe_load((ROOT / "data/people.yml").read_text())["people"]
SLUGS = sorted(p.stem for p in (ROOT / "docs/vi/articles").glob("*.md"))


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def html_pages(site: Path) -> list[Path]:
    """Every page a reader reaches by links. 404.html is served by a web server at any depth, so MkDocs
    gives it root-absolute links (set SITE_URL for a sub-path); it is checked on its own below."""
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def test_every_page_exists_in_both_languages(built_site):
    vi = {str(p.relative_to(built_site)) for p in html_pages(built_site) if not str(p.relative_to(built_site)).startswith("en/")}
    en = {str(p.relative_to(built_site / "en")) for p in html_pages(built_site / "en")}
    assert vi == en
    expected = {"index.html", "articles/index.html", "partners/index.html", "people/index.html", "timeline/index.html", "data.html"}
    expected |= {f"partners/{p['id']}.html" for p in PARTNERS} | {f"people/{p['id']}.html" for p in PEOPLE}
    expected |= {f"articles/{s}.html" for s in SLUGS} | {f"timeline/{y}.html" for y in ("2021", "2022", "2023", "2025")}
    assert expected <= vi


def test_html_lang_is_right_on_every_page(built_site):
    for page in html_pages(built_site):
        lang = soup(page).html["lang"]
        assert lang == ("en" if str(page.relative_to(built_site)).startswith("en/") else "vi"), page


def test_no_broken_internal_link_in_either_language(built_site):
    broken = []
    for page in html_pages(built_site):
        for tag in soup(page).find_all(["a", "link", "script", "img"]):
            url = tag.get("href") or tag.get("src")
            if not url or url.startswith(("#", "mailto:", "data:", "javascript:")):
                continue
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                continue  # external (only article sources link out, as plain links)
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(built_site)} → {url}")
            elif parts.fragment and target.suffix == ".html":
                ids = {t.get("id") for t in soup(target).find_all(id=True)}
                if parts.fragment not in ids:
                    broken.append(f"{page.relative_to(built_site)} → {url} (no #{parts.fragment})")
    assert broken == []


def test_nothing_is_requested_from_another_host(built_site):
    for page in html_pages(built_site):
        for tag in soup(page).find_all(["link", "script", "img", "iframe", "source"]):
            url = tag.get("href") or tag.get("src") or ""
            assert not re.match(r"^(https?:)?//", url), f"{page}: {url}"
    for css in built_site.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(errors="ignore")


def test_article_page_body_keeps_the_lead_captions_and_subheadings(built_site):
    page = soup(built_site / "articles/2025-02-10-thai-nguyen-mo-rong-hop-tac-quoc-te-tao-dong-luc.html")
    assert page.select_one("p.lead") and len(page.select("p.caption")) == 2
    assert [h.get_text() for h in page.select("article > h2") if h.get("id") != "related"] == [
        "Thúc đẩy hợp tác quốc tế qua các hoạt động ngoại giao",
        "Điểm sáng thu hút đầu tư và nguồn lực phát triển cộng đồng",
    ]


def test_article_page_header_and_footer(built_site):
    page = soup(built_site / "articles/2025-02-10-thai-nguyen-mo-rong-hop-tac-quoc-te-tao-dong-luc.html")
    meta = page.select_one(".tna-meta")
    assert meta.select_one("time")["datetime"] == "2025-02-10T12:08:00+07:00"
    assert "10 tháng 2 năm 2025, 12:08" in meta.get_text()
    assert "Phan Anh" in meta.get_text()
    chips = {a["href"] for a in meta.select(".tna-meta__partners a")}
    assert "../partners/korea.html" in chips and "../partners/kfhi.html" in chips
    assert {a["href"] for a in meta.select(".tna-meta__people a")} >= {"../people/trinh-viet-hung.html"}
    footer = page.select_one(".tna-footer")
    assert "000_55d9b3378053d648.txt" in footer.get_text()
    assert "ba91ead8fb24245d5e053b04519bdc8d4d3a50684e00ae34821007a9ff518688" in footer.get_text()
    assert footer.select_one(".tna-prev a")["href"] == "2023-08-29-thai-nguyen-chu-dong-tich-cuc-hoi-nhap-quoc-te.html"
    assert footer.select_one(".tna-next") is None  # the newest article
    assert footer.select(".tna-related a")
    en = soup(built_site / "en/articles/2025-02-10-thai-nguyen-mo-rong-hop-tac-quoc-te-tao-dong-luc.html")
    assert "10 February 2025, 12:08" in en.select_one(".tna-meta").get_text()
    assert en.select_one("article h1").get_text().startswith("Thai Nguyen expands international cooperation")
    assert "Republic of Korea" in en.select_one(".tna-meta__partners").get_text()


def test_english_translations_are_complete(built_site):
    """Every block of the Vietnamese article has its English counterpart, in the same order."""
    for slug in SLUGS:
        vi = soup(built_site / f"articles/{slug}.html").select_one("article")
        en = soup(built_site / f"en/articles/{slug}.html").select_one("article")
        shape = lambda art: [(t.name, t.get("id") if t.name == "p" else None, tuple(t.get("class") or []))
                             for t in art.select(".md-content__inner > h1, .md-content__inner > h2, .md-content__inner > p[id], .md-content__inner > ul")]
        assert shape(vi) == shape(en), slug
        assert not en.select(".tna-untranslated")


def test_partner_page_shows_hierarchy_articles_and_timeline(built_site):
    page = soup(built_site / "en/partners/chilgok.html")
    facts = page.select_one(".tna-facts").get_text(" ")
    assert "Republic of Korea" in facts and "Gyeongsangbuk" in facts
    crumbs = [a["href"] for a in page.select(".tna-facts a")]
    assert crumbs[:2] == ["korea.html", "gyeongsangbuk-do.html"]
    gb = soup(built_site / "partners/gyeongsangbuk-do.html")
    years = [li.select_one(".tna-when").get_text() for li in gb.select(".tna-events li")]
    assert "2005" in years and "10 tháng 8 năm 2023" in years
    assert years == sorted(years, key=lambda y: y[-4:], reverse=True)
    cite = gb.select_one(".tna-events li a.tna-cite")["href"]
    assert re.match(r"\.\./articles/[\w-]+\.html#p\d+$", cite)
    embassy = soup(built_site / "partners/embassy-korea.html")
    assert "Hàn Quốc" in embassy.select_one(".tna-facts").get_text()


def test_partner_index_groups_by_country_with_counts(built_site):
    page = soup(built_site / "en/partners/index.html")
    korea = page.find("h2", id="korea")
    assert "Republic of Korea" in korea.get_text() and "5 articles" in korea.get_text()
    assert "Gyeongsangbuk-do" in korea.find_next("ul").get_text()
    assert page.find("h2", id="other") is not None  # UNICEF and other international organisations


def test_person_page_lists_dated_roles(built_site):
    page = soup(built_site / "en/people/trinh-viet-hung.html")
    roles = [li.get_text(" ") for li in page.select(".tna-roles li")]
    assert len(roles) == 2 and "2025" in roles[0] and "2023" in roles[1]
    assert len(page.select(".tna-list li")) == 2


def test_timeline_and_year_pages(built_site):
    page = soup(built_site / "timeline/index.html")
    assert [h.get("id") for h in page.select("h2") if h.get("id", "").startswith("y")][:4] == ["y2025", "y2024", "y2023", "y2022"]
    assert page.select(".tna-months a[href='2023.html#m2023-08']")
    svgs = page.select(".tna-charts svg")
    # Bars are links, so each chart is a named group of links, with its numbers in a table beside it.
    assert len(svgs) == 2 and all(s.get("role") == "group" and s.get("aria-labelledby") for s in svgs)
    assert len(page.select(".tna-charts figure details.tnc-data table")) == 2
    year = soup(built_site / "en/timeline/2023.html")
    assert "August 2023" in year.get_text()
    assert len(year.select(".tna-list li")) == 2


def test_home_page_counts_latest_and_top_partners(built_site):
    for lang, words in (("vi", "5 bài viết · 63 đối tác · 10 nhân vật"), ("en", "5 articles · 63 partners · 10 people")):
        page = soup(built_site / ("index.html" if lang == "vi" else "en/index.html"))
        assert page.select_one(".tna-stats").get_text() == words.replace("63", str(len(PARTNERS))).replace("10 ", f"{len(PEOPLE)} ")
        assert len(page.select(".tna-home .tna-list li")) == 5
        assert page.select(".tna-top li")


def test_data_downloads(built_site):
    articles = json.loads((built_site / "data/articles.json").read_text())
    assert [a["slug"] for a in articles] == sorted(SLUGS, reverse=True)
    rows = list(csv.DictReader(io.StringIO((built_site / "data/articles.csv").read_text())))
    assert len(rows) == 5
    assert len(json.loads((built_site / "data/partners.json").read_text())) == len(PARTNERS)
    for lang in ("", "en/"):
        links = [a["href"] for a in soup(built_site / f"{lang}data.html").select(".tna-downloads a")]
        assert any(l.endswith("data/articles.csv") for l in links)


def test_json_ld_on_article_partner_and_person_pages(built_site):
    def ld(path):
        return [json.loads(s.string) for s in soup(path).select('script[type="application/ld+json"]')]

    assert ld(built_site / "articles/2023-08-10-bi-thu-tinh-uy-thai-nguyen-tiep-va-lam-viec-voi.html")[0]["@type"] == "NewsArticle"
    assert ld(built_site / "partners/korea.html")[0]["@type"] == "Country"
    assert ld(built_site / "en/people/lee-dal-hee.html")[0]["@type"] == "Person"


def test_feeds_and_sitemap(built_site):
    ns = {"a": "http://www.w3.org/2005/Atom"}
    for feed in ("feed.xml", "en/feed.xml"):
        assert len(ET.parse(built_site / feed).getroot().findall("a:entry", ns)) == 5
    sm = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    index = ET.parse(built_site / "sitemap.xml").getroot()
    assert index.tag == f"{sm}sitemapindex" and (built_site / "sitemap.xml").stat().st_size < 2000
    parts = [s.findtext(f"{sm}loc") for s in index]
    assert parts and all((built_site / p).is_file() for p in parts)
    locs = [u.findtext(f"{sm}loc") for p in parts for u in ET.parse(built_site / p).getroot()]
    assert any(l.endswith("partners/korea.html") for l in locs)
    assert any(l.endswith("articles/2023-08-10-bi-thu-tinh-uy-thai-nguyen-tiep-va-lam-viec-voi.html") for l in locs)


def test_each_language_keeps_its_own_404_page(built_site):
    assert soup(built_site / "404.html").html["lang"] == "vi"
    assert soup(built_site / "en/404.html").html["lang"] == "en"


def test_language_links_on_every_page_point_at_the_same_page(built_site):
    for page in html_pages(built_site):
        rel = str(page.relative_to(built_site))
        norm = rel[3:] if rel.startswith("en/") else rel
        for link in soup(page).select("a.md-select__link"):
            target = (page.parent / link["href"]).resolve()
            expected = built_site / (norm if link["hreflang"] == "vi" else f"en/{norm}")
            assert target == expected.resolve(), f"{rel}: {link['hreflang']} → {link['href']}"


@pytest.fixture(scope="module")
def site_with_translation_gaps(tmp_path_factory):
    """One translation removed, and one Vietnamese article changed after it was translated."""
    from sitebuild import build_project

    def mutate(project):
        (project / "docs/en/articles/2021-10-20-cong-tac-doi-ngoai-tinh-thai-nguyen-9-thang-nam.md").unlink()
        (project / "data/corrections").mkdir(exist_ok=True)
        (project / "data/corrections/003_5afb966c1325a250.yml").write_text(
            "title: Bí thư Tỉnh ủy Thái Nguyên tiếp Đoàn công tác tỉnh Gyeongsangbuk-do (Hàn Quốc)\n", encoding="utf-8")
        people = project / "data/people.yml"  # a person recorded with no English form of the name
        people.write_text(people.read_text(encoding="utf-8").replace("    name_en: Trinh Viet Hung\n", "", 1), encoding="utf-8")
        from conftest import run

        proc = run(["convert"], project, check=True)
        assert "2 translation(s) missing or stale" in proc.stdout
        report = (project / "reports/review.md").read_text()
        assert "2021-10-20-cong-tac-doi-ngoai-tinh-thai-nguyen-9-thang-nam: no English translation yet" in report
        assert "2023-08-10-bi-thu-tinh-uy-thai-nguyen-tiep-va-lam-viec-voi: the Vietnamese text changed since it was translated" in report

    return build_project(tmp_path_factory.mktemp("gaps") / "project", mutate)


def test_untranslated_article_appears_in_english_with_notice(site_with_translation_gaps):
    page = soup(site_with_translation_gaps / "en/articles/2021-10-20-cong-tac-doi-ngoai-tinh-thai-nguyen-9-thang-nam.html")
    assert page.html["lang"] == "en"
    assert page.select_one(".tna-untranslated")
    assert "20 October 2021, 08:26" in page.select_one(".tna-meta").get_text()  # English metadata
    assert "Embassy" in page.select_one(".tna-meta__partners").get_text()
    body = page.select_one('div[lang="vi"]')
    assert body is not None and "Công tác đối ngoại 9 tháng năm 2021" in body.get_text()
    listing = soup(site_with_translation_gaps / "en/articles/index.html")
    item = listing.select_one('a[href="2021-10-20-cong-tac-doi-ngoai-tinh-thai-nguyen-9-thang-nam.html"]')
    assert item["lang"] == "vi"


def test_stale_translation_is_flagged(site_with_translation_gaps):
    page = soup(site_with_translation_gaps / "en/articles/2023-08-10-bi-thu-tinh-uy-thai-nguyen-tiep-va-lam-viec-voi.html")
    assert page.select_one(".tna-stale")
    fresh = soup(site_with_translation_gaps / "en/articles/2023-08-29-thai-nguyen-chu-dong-tich-cuc-hoi-nhap-quoc-te.html")
    assert not fresh.select_one(".tna-stale") and not fresh.select_one(".tna-untranslated")


def test_a_vietnamese_name_heading_an_english_page_is_marked_vietnamese(site_with_translation_gaps):
    """A person with no English form of the name: the English page's one <h1> says lang="vi", so a
    screen reader pronounces the name as Vietnamese; on the Vietnamese page it needs no mark."""
    en = soup(site_with_translation_gaps / "en/people/trinh-viet-hung.html")
    assert [(h.get("lang"), h.get_text(strip=True)) for h in en.find_all("h1")] == [("vi", "Trịnh Việt Hùng")]
    assert en.title.get_text().startswith("Trịnh Việt Hùng")
    vi = soup(site_with_translation_gaps / "people/trinh-viet-hung.html")
    assert [(h.get("lang"), h.get_text(strip=True)) for h in vi.find_all("h1")] == [(None, "Trịnh Việt Hùng")]
    named = soup(site_with_translation_gaps / "en/people/pham-hoang-son.html")  # an English form: no mark
    assert [h.get("lang") for h in named.find_all("h1")] == [None]


def test_an_inferred_dates_reasoning_is_given_in_the_pages_language(built_site):
    """The converter records why it inferred a date in English (the article is the same in any
    locale); each site says it in its own language."""
    slug = "2023-08-10-bi-thu-tinh-uy-thai-nguyen-tiep-va-lam-viec-voi"
    vi = soup(built_site / f"articles/{slug}.html").select_one(".tna-inferred")
    en = soup(built_site / f"en/articles/{slug}.html").select_one(".tna-inferred")
    assert vi.get_text() == "(ngày suy luận)" and en.get_text() == "(date inferred)"
    assert vi["title"].startswith('trang gốc chỉ in "Ngày 10/8"; năm 2023 suy ra từ nội dung bài') and "2005 + 18" in vi["title"]
    assert en["title"].startswith('the page prints only "Ngày 10/8"; the year 2023 follows from the text')


def test_long_listings_are_paged_and_bounded():
    """A partner named in thousands of articles gets numbered pages, never one page without bound."""
    import dataclasses

    from tnarchive.site import partners, timeline
    from tnarchive.catalog.model import Catalog
    from tnarchive.catalog.loader import load_catalog

    cat = load_catalog(ROOT / "docs", ROOT / "data")
    base = next(a for a in cat.articles if "korea" in a.partners)
    many = [dataclasses.replace(base, slug=f"{base.slug}-{i:04d}") for i in range(1200)]
    big = Catalog(articles=many, authority=cat.authority)
    pages = partners.partner_pages(big, "korea", "en")
    assert list(pages)[:3] == ["korea", "korea-p2", "korea-p3"] and len(pages) == 12
    assert all(len(html) < 400_000 for html in pages.values())
    from tnarchive.site import exports

    ld = exports.jsonld_script(exports.jsonld_partner("korea", big, "en", "en/partners/korea.html"))
    assert len(pages["korea"]) + len(ld) < 400_000
    assert 'href="korea-p2.html"' in pages["korea"] and 'href="korea.html"' in pages["korea-p12"]
    assert len(timeline.timeline_index(big, "vi")) < 100_000
    assert len(timeline.articles_index(big, "vi")) < 100_000
