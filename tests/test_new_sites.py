"""Pages from sites the seeds do not cover, as a new article would arrive: `tnarchive inspect` answers."""
from __future__ import annotations

from conftest import FIXTURES, inspect, run, ROOT


def test_plain_text_page_from_a_new_site():
    got = inspect(FIXTURES / "new_site_news.txt")
    assert got["title"] == "Thái Nguyên đón đoàn doanh nghiệp Nhật Bản tìm hiểu cơ hội đầu tư"
    assert got["date"] == "2024-05-06T14:30:00+07:00" and got["date_precision"] == "minute"
    assert got["authors"] == [{"name": "Minh Châu", "affiliation": "Báo Thái Nguyên"}]
    people = {p["name"]: p["known"] for p in got["people"]}
    assert people == {"Đặng Xuân Trường": False, "Takahashi Kenji": False}
    partners = {p["id"]: p for p in got["partners"]}
    assert partners["japan"]["known"] is True
    assert partners["gunma"] == {"id": "gunma", "name_vi": "Gunma", "name_en": None, "kind": "province", "known": False}
    assert partners["gunma-precision"]["kind"] == "company" and partners["gunma-precision"]["known"] is False
    assert "oxfam" not in partners  # named only in the footer's related list
    body = got["body_markdown"]
    for chrome in ("Chia sẻ", "Theo dõi chúng tôi", "Bình luận", "Tin cùng chuyên mục", "Bản quyền", "Thời sự", "Minh Châu - Báo"):
        assert chrome not in body, chrome
    assert got["captions"] == ["Phó Chủ tịch UBND tỉnh Đặng Xuân Trường tặng quà lưu niệm cho ông Takahashi Kenji. (Ảnh: Minh Châu)"]


def test_saved_html_page_from_a_new_site():
    got = inspect(FIXTURES / "new_site_page.html")
    assert got["title"] == "Thái Nguyên và Lào tăng cường hợp tác giáo dục"
    assert got["date"] == "2024-03-15T09:05:00+07:00"
    assert got["authors"] == [{"name": "Hồng Nhung", "affiliation": None}]
    assert got["source"]["url"] == "https://baoquocte.vn/thai-nguyen-va-lao-tang-cuong-hop-tac-giao-duc-12345.html"
    assert got["headings"] == ["Mở rộng đào tạo"]
    assert got["captions"] == ["Toàn cảnh buổi làm việc. (Ảnh: Hồng Nhung)"]
    assert "\n- Trao đổi giảng viên\n- Học bổng cho sinh viên\n" in got["body_markdown"]
    assert {p["id"] for p in got["partners"] if p["known"]} == {"laos", "luang-prabang"}
    assert [p["name"] for p in got["people"]] == ["Sisouk Vongphachanh"]
    assert not got["people"][0]["known"]
    body = got["body_markdown"]
    assert "tracking" not in body and "font-family" not in body and "Oxfam" not in body and "Thế giới" not in body
    assert "Thái Nguyên &amp; mở thêm" in body  # the page's "&amp;" is the text "&", escaped again for Markdown


def test_new_names_are_written_as_unreviewed_and_reported(project):
    (project / "seeds" / "new_site_news.txt").write_bytes((FIXTURES / "new_site_news.txt").read_bytes())
    run(["convert"], project, check=True)
    import frontmatter

    post = frontmatter.load(next((project / "docs/vi/articles").glob("2024-05-06-*.md")))
    assert post["people"] == []
    assert {"id": "takahashi-kenji", "name": "Takahashi Kenji"} in post["unreviewed"]["people"]
    assert {"id": "gunma", "name": "Gunma", "kind": "province"} in post["unreviewed"]["partners"]
    report = (project / "reports/review.md").read_text()
    assert "New person: Takahashi Kenji (id `takahashi-kenji`) is not in data/people.yml yet." in report
    assert "New partner: Gunma (id `gunma`) is not in data/partners.yml yet." in report


def test_inspect_writes_nothing(tmp_path):
    before = sorted(p.name for p in (ROOT / "docs/vi/articles").iterdir())
    proc = run(["inspect", str(FIXTURES / "new_site_news.txt")], tmp_path, check=False)
    assert proc.returncode == 2 and proc.stderr == "data: error: no such folder of data files (run tnarchive in " \
        "the archive's folder, or give --data)\n"  # no data/ in tmp_path
    run(["inspect", str(FIXTURES / "new_site_news.txt"), "--json"], ROOT, check=True)
    assert sorted(p.name for p in (ROOT / "docs/vi/articles").iterdir()) == before
    assert list(tmp_path.iterdir()) == []
