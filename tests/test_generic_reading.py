"""Each generic reading rule (data/sources.yml's generic section, data/cues.yml, the header reader)
on a small page of a site no profile knows, through the converter's own page function with the
project's data."""
from __future__ import annotations

import json

import pytest

from conftest import ROOT, run
from tnarchive.datafiles import load_context
from tnarchive.pipeline import convert_page

LEAD = "Ngày 5/3, tỉnh Thái Nguyên tiếp đoàn công tác của tỉnh Gyeongsangbuk-do do bà Lee Dal Hee dẫn đầu."
MORE = "Hai bên thống nhất mở rộng hợp tác trong lĩnh vực giáo dục và đào tạo nghề trong thời gian tới."
TITLE = "Thái Nguyên tiếp đoàn công tác tỉnh Gyeongsangbuk-do"


@pytest.fixture(scope="module")
def ctx():
    return load_context(ROOT / "data")


def page(ctx, *lines: str, name: str = "page.txt"):
    return convert_page("\n".join(lines).encode("utf-8"), name, ctx)


def text_of(art) -> str:
    return "\n".join(b.text for b in art.blocks)


# 1. Nothing is lost silently

@pytest.mark.parametrize("marker", ["Tin liên quan", "Các tin liên quan:", "BÀI VIẾT LIÊN QUAN", "Đọc nhiều"])
def test_a_related_box_in_the_middle_is_a_block_and_the_article_goes_on(ctx, marker):
    art = page(ctx, TITLE, "10:15, 05/03/2024", LEAD, marker,
               "Thái Nguyên đón đoàn Nhật Bản Thái Nguyên đón đoàn Nhật Bản", "Hội thảo du học thu hút học sinh", MORE)
    assert MORE in text_of(art) and "Hội thảo du học" not in text_of(art)
    assert (marker, "related block marker") in art.removed
    assert ("Hội thảo du học thu hút học sinh", "related block") in art.removed


def test_a_related_card_with_its_summary_is_all_removed(ctx):
    art = page(ctx, TITLE, "10:15, 05/03/2024", LEAD, MORE, "Tin bài liên quan",
               "Lào Cai đón đoàn Trung Quốc", "", "Lào Cai đón đoàn Trung Quốc", "",
               "Ngày 3/3, tỉnh Lào Cai đã tiếp đoàn doanh nghiệp Trung Quốc đến tìm hiểu cơ hội đầu tư.")
    assert "Lào Cai" not in text_of(art)
    assert any(rule == "related block (summary)" for _, rule in art.removed)


def test_prose_after_a_footer_marker_is_removed_with_a_warning_naming_it(ctx):
    comment = "Tôi rất vui khi thấy quan hệ hai tỉnh ngày càng phát triển tốt đẹp và bền vững."
    art = page(ctx, TITLE, "10:15, 05/03/2024", LEAD, MORE, "Gửi bình luận", comment)
    assert comment not in text_of(art)
    assert any(comment[:40] in w and "prose-like" in w for w in art.warnings)


def test_the_glued_marker_rule_never_splits_a_marker(ctx):
    art = page(ctx, TITLE, "10:15, 05/03/2024", LEAD, "Các tin liên quan", "Hội thảo du học thu hút học sinh", MORE)
    assert ("Các tin liên quan", "related block marker") in art.removed
    assert "Các" not in [b.text for b in art.blocks]


# 2. The header, read with no profile

@pytest.mark.parametrize("chrome", [
    "Báo Sông Cầu điện tử - Tin tức nhanh nhất", "Trang chủ / Thời sự / Đối ngoại", "Thái Nguyên 29°C Nắng nhẹ",
    "Tỷ giá USD: 25.100 VND", "CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN PHÚ LƯƠNG", "Kinh tế > Đầu tư nước ngoài",
])
def test_banners_breadcrumbs_and_widgets_are_never_the_title(ctx, chrome):
    art = page(ctx, "Thứ Hai, ngày 11/03/2024", chrome, "Thời sự", "Kinh tế", TITLE, "10:15, 05/03/2024", LEAD, MORE)
    assert art.meta["title"] == TITLE
    assert chrome not in text_of(art)


@pytest.mark.parametrize("line,want", [
    ("14:20, 14/05/2024", "2024-05-14T14:20:00+07:00"),
    ("14/05/2024 14:20", "2024-05-14T14:20:00+07:00"),
    ("Thứ Ba, 14/05/2024 14:20 (GMT+7)", "2024-05-14T14:20:00+07:00"),
    ("14-05-2024 14:20", "2024-05-14T14:20:00+07:00"),
    ("Cập nhật: 14/05/2024 14:20", "2024-05-14T14:20:00+07:00"),
    ("Ngày đăng: 14/05/2024", "2024-05-14"),
    ("Báo Sông CầuBáo Sông Cầu14/05/2024", "2024-05-14"),
])
def test_dateline_shapes(ctx, line, want):
    art = page(ctx, "Thứ Sáu, ngày 17/05/2024", "Thời sự", TITLE, line, LEAD, MORE)
    assert art.meta["date"] == want
    assert art.meta["provenance"]["evidence"]["date"] == "header line"


def test_the_sites_today_line_loses_to_a_dateline_after_the_lead(ctx):
    art = page(ctx, "Thứ Sáu, ngày 17/05/2024", "Thời sự", "Đối ngoại", TITLE, LEAD, "Thứ Ba, 14/05/2024 07:30 (GMT+7)", MORE)
    assert art.meta["date"] == "2024-05-14T07:30:00+07:00"
    assert LEAD in text_of(art)


def test_a_date_among_the_menus_is_listed_to_check(ctx):
    art = page(ctx, "Thứ Sáu, ngày 17/05/2024", "Thời sự", "Đối ngoại", TITLE, LEAD, MORE)
    assert art.meta["date"] == "2024-05-17"
    assert any(c.startswith("date:") for c in art.to_check)


def test_a_glued_source_names_the_source(ctx):
    art = page(ctx, "Nền tảng X - Nền tảng quảng bá", TITLE, "Báo Sông CầuBáo Sông Cầu14/05/2024", LEAD, MORE)
    assert art.meta["source"]["name"] == "Báo Sông Cầu"


@pytest.mark.parametrize("byline,name", [("Hồng Nhung", "Hồng Nhung"), ("THU HÀ", "Thu Hà")])
def test_a_byline_under_the_title_is_the_author_not_the_lead(ctx, byline, name):
    art = page(ctx, TITLE, byline, "10:15, 05/03/2024", LEAD, MORE)
    assert [a["name"] for a in art.meta["authors"]] == [name]
    assert art.meta["summary"] == LEAD


@pytest.mark.parametrize("closing,authors,source", [
    ("MINH ANH", [("Minh Anh", None)], None),
    ("Thu Hà - Sở Ngoại vụ", [("Thu Hà", "Sở Ngoại vụ")], None),
    ("Minh Hà/VOV-Đông Bắc", [("Minh Hà", "VOV-Đông Bắc")], None),
    ("(NTH, VP UBND huyện, 12/3/2024)", [("NTH", "VP UBND huyện")], None),
    ("Nhóm PV Thời sự", [("Nhóm PV Thời sự", None)], None),
    ("Theo Sở Ngoại vụ Thái Nguyên", [], "Sở Ngoại vụ Thái Nguyên"),
])
def test_closing_lines_are_authors_and_sources_not_text(ctx, closing, authors, source):
    art = page(ctx, TITLE, "10:15, 05/03/2024", LEAD, MORE, closing)
    assert [(a["name"], a["affiliation"]) for a in art.meta["authors"]] == authors
    if source:
        assert art.meta["source"]["name"] == source
    assert closing not in text_of(art)


def test_a_closing_line_dates_a_page_with_no_dateline(ctx):
    art = page(ctx, TITLE, LEAD, MORE, "(NTH, VP UBND huyện, 12/3/2024)")
    assert art.meta["date"] == "2024-03-12"


@pytest.mark.parametrize("tag,source", [("(Sông Cầu.vn) - ", "Sông Cầu.vn"), ("(VOV5)- ", "VOV5"), ("QĐND - ", "QĐND")])
def test_a_source_tag_opening_the_lead_moves_into_the_source(ctx, tag, source):
    art = page(ctx, TITLE, "10:15, 05/03/2024", tag + LEAD, MORE)
    assert art.meta["summary"] == LEAD and art.meta["source"]["name"] == source


@pytest.mark.parametrize("chrome", [
    "(0) Bình luận", "Bình luận (3)", "Phản hồi", "Mời quý độc giả theo dõi Sông Cầu.vn trên",
    "Thái Nguyên tiếp đoàn công tác tỉnh Gyeongsangbuk-do - Ảnh 1.", "Chia sẻ Facebook Zalo", "Tags: Hàn Quốc hợp tác",
])
def test_other_chrome_on_any_site(ctx, chrome):
    art = page(ctx, TITLE, "10:15, 05/03/2024", LEAD, chrome, MORE)
    assert chrome not in text_of(art) and MORE in text_of(art)


def test_nổi_bật_starts_a_block(ctx):
    art = page(ctx, TITLE, "10:15, 05/03/2024", LEAD, MORE, "Nổi bật", "Khai mạc lễ hội trà")
    assert "Khai mạc" not in text_of(art)


# 4. Saved HTML: structured data first

HTML = """<!DOCTYPE html><html><head><title>x</title>
<link rel="canonical" href="https://song-cau.example.vn/bai-viet-1.html">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"%s","datePublished":"2024-04-15T10:25:00+07:00",
"author":[{"@type":"Person","name":"Việt Hà"}],"publisher":{"@type":"Organization","name":"Báo Sông Cầu"}}</script>
</head><body><p>Thứ Ba, ngày 16/04/2024</p><h1>%s</h1><p>%s</p><p>%s</p></body></html>""" % (TITLE, TITLE, LEAD, MORE)


def test_json_ld_gives_title_date_author_publisher_and_canonical_url(ctx):
    art = convert_page(HTML.encode("utf-8"), "page.html", ctx)
    m = art.meta
    assert (m["title"], m["date"], m["authors"][0]["name"]) == (TITLE, "2024-04-15T10:25:00+07:00", "Việt Hà")
    assert m["source"] == {"name": "Báo Sông Cầu", "url": "https://song-cau.example.vn/bai-viet-1.html"}
    assert set(m["provenance"]["evidence"].values()) == {"structured data"}


def test_time_datetime_and_rel_author_without_json_ld(ctx):
    html = (f'<html><body><h1>{TITLE}</h1><a rel="author" href="/a">Hải Yến</a>'
            f'<time datetime="2024-02-27T08:10:00+07:00">27/02/2024</time><p>{LEAD}</p><p>{MORE}</p></body></html>')
    art = convert_page(html.encode("utf-8"), "page.html", ctx)
    assert art.meta["date"] == "2024-02-27T08:10:00+07:00" and art.meta["authors"][0]["name"] == "Hải Yến"


# 5. Names

@pytest.mark.parametrize("sentence,person", [
    ("Tiếp đoàn có Đại sứ Nhật Bản Ito Naoki và đại diện các doanh nghiệp.", "Ito Naoki"),
    ("Thống đốc Jeannette Young đánh giá cao tiềm năng của tỉnh.", "Jeannette Young"),
    ("Phó Tỉnh trưởng Somchai Rattanakul dẫn đầu đoàn đại biểu.", "Somchai Rattanakul"),
    ("Ma Văn Tuấn, Phó Chủ tịch UBND huyện, phát biểu tại buổi lễ.", "Ma Văn Tuấn"),
])
def test_people_by_title_of_office_or_written_name_first(ctx, sentence, person):
    art = page(ctx, TITLE, "10:15, 05/03/2024", LEAD, sentence, MORE)
    assert person in [p["name"] for p in art.people]


def test_a_title_fragment_is_never_a_person(ctx):
    art = page(ctx, TITLE, "10:15, 05/03/2024", LEAD, "Buổi lễ có ông Phó Chủ tịch cùng các thành viên đoàn tham dự.", MORE)
    assert not [p for p in art.people if p["name"].startswith("Phó")]


def test_a_province_glued_to_a_persons_name_makes_no_partner(ctx):
    art = page(ctx, TITLE, "10:15, 05/03/2024", LEAD,
               "Đoàn của tỉnh Fukuoka Tanaka Yuji làm trưởng đoàn đã tới thăm khu công nghiệp.", "Ông Tanaka Yuji cảm ơn tỉnh.", MORE)
    partners = [p["id"] for p in art.partners]
    assert "fukuoka" in partners and not [p for p in partners if "tanaka" in p]


@pytest.mark.parametrize("name", ["JICA", "Cơ quan Hợp tác Quốc tế Nhật Bản", "Japan International Cooperation Agency"])
def test_a_partner_is_found_by_its_english_and_vietnamese_names_and_abbreviation(ctx, name):
    art = page(ctx, TITLE, "10:15, 05/03/2024", LEAD, f"Dự án do {name} tài trợ đã hoàn thành đúng hạn.", MORE)
    assert "jica" in [p["id"] for p in art.partners]


def test_currency_is_no_country(ctx):
    art = page(ctx, TITLE, "10:15, 05/03/2024", LEAD, "Dự án có tổng vốn ba triệu đô la Mỹ.", MORE)
    assert "united-states" not in [p["id"] for p in art.partners]


# 3. Chrome learned across pages, the review report, inspect from anywhere

def test_convert_suggests_chrome_recurring_on_a_sites_pages_and_lists_removed_lines(project):
    seeds = project / "seeds"
    for old in seeds.iterdir():
        old.unlink()
    pages = [(TITLE, LEAD), ("Thái Nguyên đón đoàn doanh nghiệp Hàn Quốc đầu xuân",
                              "Ngày 9/2, lãnh đạo tỉnh Thái Nguyên gặp mặt các doanh nghiệp Hàn Quốc đầu năm mới.")]
    for n, (title, lead) in enumerate(pages):
        (seeds / f"p{n}.txt").write_text("\n".join([
            "Báo Sông Cầu điện tử - Tin tức nhanh nhất", "Góc nhìn Sông Cầu", title, "10:15, 05/03/2024", lead,
            "Hồng Nhung", "Bình luận", "Đường dây nóng: 0208 3855 111"]), encoding="utf-8")
    run(["convert"], project, check=True)
    data = json.loads((project / "reports/review.json").read_text(encoding="utf-8"))
    assert "Góc nhìn Sông Cầu" in data["suggested_chrome"]["Báo Sông Cầu"]
    removed = data["articles"]["p0.txt"]["chrome_removed"]
    assert {"line": "Báo Sông Cầu điện tử - Tin tức nhanh nhất", "rule": "site banner"} in removed
    assert "Suggested chrome for data/sources.yml" in (project / "reports/review.md").read_text(encoding="utf-8")


def test_inspect_works_from_a_folder_inside_the_project():
    sub = ROOT / "tests" / "extraction"
    out = run(["inspect", "pages/05-provincial-paper.txt"], sub, check=True).stdout
    assert "title:    KOICA hỗ trợ Thái Nguyên nâng cao năng lực y tế cơ sở" in out
    assert "removed:  [chrome] Thái Nguyên 31°C Có mây" in out
    assert "date from header line" in out
