"""Detection of people and partners: folded, fuzzy, ambiguous, and never inventing a year."""
from __future__ import annotations

import json

from conftest import ROOT, inspect, run


def page(tmp_path, body: str, title: str = "Thái Nguyên tăng cường hợp tác với các đối tác quốc tế") -> dict:
    path = tmp_path / "page.txt"
    path.write_text(f"{title}\n20-10-2023 08:26\n\n{body}\n\nThu Hiền\n", encoding="utf-8")
    return inspect(path)


def ids(got: dict, kind: str) -> list[str]:
    return [p["id"] for p in got[kind] if p["known"]]


def test_names_match_without_diacritics_and_in_capitals(tmp_path):
    got = page(tmp_path, "Doan cong tac cua tinh Gyeongsangbuk-do (Han Quoc) va HÀN QUỐC tham TP. Pho Yen, gap ong Trinh Viet Hung.")
    assert ids(got, "partners") == ["gyeongsangbuk-do", "korea"]
    assert ids(got, "people") == ["trinh-viet-hung"]


def test_small_misspellings_of_foreign_names_are_caught_and_reported(tmp_path):
    got = page(tmp_path, "Đoàn công tác tỉnh Gyeongsanbuk-do và huyện Chillgok thăm Thái Nguyên.")
    assert ids(got, "partners") == ["gyeongsangbuk-do", "chilgok"]
    assert any("Gyeongsanbuk-do" in w and "gyeongsangbuk-do" in w for w in got["warnings"])


def test_ambiguous_short_names_need_context(tmp_path):
    got = page(tmp_path, "Ông Đỗ Đức Anh học tiếng Anh, làm hồ sơ ảnh, rồi mong có dịp sang Anh và Đức.")
    assert ids(got, "partners") == ["united-kingdom", "germany"]


def test_vietnamese_words_are_never_fuzzy_matched(tmp_path):
    got = page(tmp_path, "Hội nghị tại Hải Phòng và Thái Bình bàn về giáo dục, pháp luật và giải pháp.")
    assert ids(got, "partners") == []


def test_no_evidence_no_year(tmp_path):
    text = (ROOT / "seeds/003_5afb966c1325a250.txt").read_text(encoding="utf-8")
    text = text.replace("gần 18 năm qua", "nhiều năm qua").replace("trong suốt 18 năm qua", "trong nhiều năm")
    path = tmp_path / "003-no-year.txt"
    path.write_text(text, encoding="utf-8")
    got = inspect(path)
    assert got["date"] is None and got["date_precision"] is None and got["date_inferred"] is False
    assert any('"Ngày 10/8"' in w and "no evidence for the year" in w for w in got["warnings"])


def test_undated_article_is_reported_for_review(project):
    seed = project / "seeds/003_5afb966c1325a250.txt"
    text = seed.read_text(encoding="utf-8").replace("gần 18 năm qua", "nhiều năm qua").replace("trong suốt 18 năm qua", "lâu nay")
    seed.chmod(0o644)
    seed.write_text(text, encoding="utf-8")
    proc = run(["convert"], project, check=True)
    assert "1 undated" in proc.stdout
    import frontmatter

    post = frontmatter.load(next((project / "docs/vi/articles").glob("undated-*.md")))
    assert post["date"] is None
    report = (project / "reports/review.md").read_text()
    assert "article has no date" in report
    assert json.loads((project / "reports/review.json").read_text())["articles"]["003_5afb966c1325a250.txt"]["date"] is None


def test_seeds_are_the_shared_originals_byte_for_byte():
    shared = ROOT.parent / "shared/seeds"
    originals = sorted(shared.glob("*")) if shared.is_dir() else []
    ours = sorted((ROOT / "seeds").glob("*"))
    assert [p.name for p in ours] == [p.name for p in originals] or not originals
    for a, b in zip(ours, originals):
        assert a.read_bytes() == b.read_bytes(), a.name
