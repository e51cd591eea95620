"""Curated corrections live in data/corrections/ and survive every re-conversion."""
from __future__ import annotations

import json
from pathlib import Path

import frontmatter
import jsonschema
import yaml
from conftest import ROOT, run

SCHEMA = json.loads((ROOT / "tnarchive/schema/article.schema.json").read_text())


def article(project: Path, prefix: str):
    return frontmatter.load(next((project / "docs/vi/articles").glob(f"{prefix}-*.md")))


def test_every_article_matches_the_schema():
    for path in (ROOT / "docs/vi/articles").glob("*.md"):
        jsonschema.validate(frontmatter.load(path).metadata, SCHEMA)


def test_corrections_survive_reconversion(project):
    run(["convert"], project, check=True)
    corrections = project / "data/corrections"
    corrections.mkdir()
    (corrections / "004_18343bb76387200d.yml").write_text(yaml.safe_dump({
        "title": "Công tác đối ngoại của tỉnh Thái Nguyên trong 9 tháng đầu năm 2021",
        "people": {"add": ["trinh-viet-hung"]},
        "partners": {"remove": ["korea-education-research-institute"]},
        "source": {"name": "Sở Ngoại vụ tỉnh Thái Nguyên", "url": "https://songoaivu.thainguyen.gov.vn"},
    }, allow_unicode=True), encoding="utf-8")
    for _ in range(2):  # applied, and still there on the next run
        run(["convert"], project, check=True)
        post = article(project, "2021-10-20")
        assert post["title"] == "Công tác đối ngoại của tỉnh Thái Nguyên trong 9 tháng đầu năm 2021"
        assert post.content.startswith("# Công tác đối ngoại của tỉnh Thái Nguyên trong 9 tháng đầu năm 2021\n")
        assert "trinh-viet-hung" in post["people"]
        assert "korea-education-research-institute" not in post["partners"]
        assert post["source"]["name"] == "Sở Ngoại vụ tỉnh Thái Nguyên"
        assert post["slug"].startswith("2021-10-20-cong-tac-doi-ngoai-tinh-thai-nguyen"), "slug stays stable"


def test_reviewed_partner_survives_reconversion(project):
    (project / "seeds/new.txt").write_bytes((ROOT / "tests/fixtures/new_site_news.txt").read_bytes())
    run(["convert"], project, check=True)
    assert {"id": "gunma", "name": "Gunma", "kind": "province"} in article(project, "2024-05-06")["unreviewed"]["partners"]
    # A reviewer adds the partner to the records and marks the person as checked.
    partners = yaml.safe_load((project / "data/partners.yml").read_text())
    partners["partners"].append({"id": "gunma", "name_vi": "Gunma", "name_en": "Gunma Prefecture", "kind": "province", "parent": "japan"})
    (project / "data/partners.yml").write_text(yaml.safe_dump(partners, allow_unicode=True, sort_keys=False))
    (project / "data/corrections").mkdir()
    (project / "data/corrections/new.yml").write_text("reviewed:\n  people: [takahashi-kenji]\n")
    for _ in range(2):
        run(["convert"], project, check=True)
        post = article(project, "2024-05-06")
        assert "gunma" in post["partners"]
        assert all(p["id"] != "gunma" for p in post["unreviewed"]["partners"])
        assert all(p["id"] != "takahashi-kenji" for p in post["unreviewed"]["people"])


def test_translation_is_never_touched(project):
    run(["convert"], project, check=True)
    translation = project / "docs/en/articles/2021-10-20-cong-tac-doi-ngoai-tinh-thai-nguyen-9-thang-nam.md"
    translation.parent.mkdir(parents=True, exist_ok=True)
    translation.write_text("---\ntitle: Thai Nguyen's external relations\n---\n\nHuman translation.\n")
    before = translation.read_bytes()
    run(["convert"], project, check=True)
    (project / "seeds/004_18343bb76387200d.txt").unlink()  # even when its seed goes away
    run(["convert"], project, check=True)
    assert translation.read_bytes() == before


def test_bad_correction_names_the_file(project):
    (project / "data/corrections").mkdir()
    run(["convert"], project, check=True)
    (project / "data/corrections/003_5afb966c1325a250.yml").write_text("people:\n  add: [nobody-at-all]\n")
    before = {p.name: p.read_bytes() for p in (project / "docs/vi/articles").iterdir()}
    proc = run(["convert"], project)
    assert proc.returncode == 2, "corrections are checked before anything is written"
    assert proc.stderr == ("data/corrections/003_5afb966c1325a250.yml:2: error: people.add: 'nobody-at-all' "
                           "is not an id in data/people.yml\n")
    assert {p.name: p.read_bytes() for p in (project / "docs/vi/articles").iterdir()} == before
