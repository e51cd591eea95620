"""The review report as the archivist's worklist (issue 20, point 6), through the real CLI.

The pages in tests/fixtures/worklist/ are written for these tests, each in the shape of a page
the converter gets wrong in a way it must say: a site's logo or portal name taken as the title,
a byline or dateline taken as the title or the first paragraph, a date from the site's menus.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, run

PAGES = FIXTURES / "worklist"
SEEDS = {  # the seeds: their titles and leads are right, no title or lead item may name them
    p.name for p in (ROOT / "seeds").iterdir()}

# page → the codes of the title, lead and date items it must get (and no others of those keys)
EXPECTED = {
    "logo-in-h1.html": {"title-site-name"},
    "portal-title-only.html": {"title-banner", "date-inferred"},
    "byline-as-title.txt": {"title-byline", "date-missing"},
    "dateline-as-title.txt": {"title-dateline", "date-missing"},
    "byline-first-paragraph.html": {"lead-byline"},
    "credit-line-as-lead.txt": {"title-position", "lead-byline", "date-inferred"},
    "portal-today-date.txt": {"date-menus"},
    "prose-after-comments.txt": set(),
}


def _project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for name in ("seeds", "data"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copytree(ROOT / "docs", dest / "docs", ignore=shutil.ignore_patterns("articles"))
    for page in PAGES.iterdir():
        shutil.copy(page, dest / "seeds" / page.name)
    return dest


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """The project's seeds and the worklist pages, converted once: (folder, convert's output, review.md, review.json)."""
    project = _project(tmp_path_factory.mktemp("worklist") / "project")
    proc = run(["convert"], project)
    assert proc.returncode == 1, proc.stderr  # menu-only.txt fails, the rest converts
    return (project, proc, (project / "reports/review.md").read_text(encoding="utf-8"),
            json.loads((project / "reports/review.json").read_text(encoding="utf-8")))


def _part(md: str, seed: str) -> str:
    """The report's part for one article: from its heading to the next."""
    at = md.index(f"`seeds/{seed}`")
    return md[md.rindex("\n## ", 0, at):].split("\n## ", 2)[1]


def test_the_new_doubts_fire_on_the_pages_that_need_them_and_never_on_the_seeds(converted):
    _project_dir, _proc, _md, data = converted
    for seed, article in data["articles"].items():
        codes = {i["code"] for i in article["items"] if i["key"] in ("title", "lead", "date")}
        if seed in SEEDS:
            assert not {c for c in codes if c.startswith(("title", "lead"))}, (seed, codes)
        else:
            assert codes == EXPECTED[seed], seed


def test_the_worklist_is_grouped_by_article_with_the_file_field_and_line_for_each_item(converted):
    _project_dir, _proc, md, data = converted
    assert md.startswith("# Worklist after `./tna convert`")
    assert "**How to use this list**" in md and "`checked: [date, title]`" in md
    open_items = sum(not i["checked"] for a in data["articles"].values() for i in a["items"])
    assert f"{open_items} item(s) to check in " in md and "1 page(s) failed" in md
    # failed pages come first, before any article
    assert md.index("## Pages that failed") < md.index("\n## ", md.index("## Pages that failed") + 5)
    assert "- `seeds/menu-only.txt`: " in md.split("## Pages that failed")[1].split("\n## ")[0]
    logo = _part(md, "logo-in-h1.html")
    assert logo.startswith("Báo Sông Cầu (2024-05-14)")  # the article's title and date, as a person knows it
    assert "corrections `data/corrections/logo-in-h1.yml`" in logo
    assert "- **title**: The title “Báo Sông Cầu” is the name of the site" in logo
    assert '  - in `data/corrections/logo-in-h1.yml`: `title: "Báo Sông Cầu"` or `checked: [title]`' in logo
    # a new name: the record to add, or the name marked as reviewed
    assert "  - in `data/partners.yml`: `- id: gunma`" in logo
    assert "`reviewed: {partners: [gunma]}`" in logo
    lead = _part(md, "byline-first-paragraph.html")
    assert "- **lead**: The first paragraph looks like the author's name (a byline)" in lead
    assert '`summary: "…"`' in lead and "`checked: [lead]`" in lead
    undated = _part(md, "byline-as-title.txt")
    assert undated.startswith("Phóng viên Nguyễn Thu Hà (no date)")
    assert '`date: "YYYY-MM-DD"` or `checked: [date]`' in undated
    assert "- **authors**: No author was found on the page." in undated and "`checked: [authors]`" in undated
    today = _part(md, "portal-today-date.txt")
    assert "“Thứ Sáu, ngày 17/05/2024”" in today and '`date: "2024-05-17"` or `checked: [date]`' in today
    prose = _part(md, "prose-after-comments.txt")
    assert "- **removed**: A line that reads like article text was removed with the page's footer: “Buổi làm việc" in prose
    assert "  - in `data/corrections/prose-after-comments.yml`: `checked: [removed]`" in prose
    assert "- **partners**: “Gyeongsanbuk-do” was read as the partner `gyeongsangbuk-do`" in prose
    assert "  - in `data/partners.yml`: `- Gyeongsanbuk-do`" in prose  # the spelling, as an alias
    # every article is listed in the JSON form, every item with its key, its sentences and where to write
    assert set(data["articles"]) >= set(EXPECTED) | SEEDS
    item = next(i for i in data["articles"]["logo-in-h1.html"]["items"] if i["key"] == "title")
    assert item["checked"] is False and item["value"] == "Báo Sông Cầu" and item["code"] == "title-site-name"
    assert {"file": "data/corrections/logo-in-h1.yml", "line": "checked: [title]"} in item["where"]


def test_convert_says_how_many_items_need_an_eye_and_where_the_worklist_is(converted):
    _project_dir, proc, _md, data = converted
    assert f"{data['items_to_check']} item(s) need your eye, 1 page(s) failed: the worklist is reports/review.md" \
        in proc.stdout


def test_a_checked_item_leaves_the_worklist_and_check_but_stays_in_the_json(tmp_path):
    project = _project(tmp_path / "project")
    (project / "seeds/menu-only.txt").unlink()
    run(["convert"], project, check=True)
    warned = run(["check"], project).stdout
    assert "no date: write `date:` in data/corrections/byline-as-title.yml" in warned
    assert "`seeds/byline-as-title.txt`" in (project / "reports/review.md").read_text(encoding="utf-8")
    (project / "data/corrections").mkdir(exist_ok=True)
    (project / "data/corrections/byline-as-title.yml").write_text(
        'title: "Thái Nguyên ký kết hợp tác giáo dục với tỉnh Gunma"\nchecked: [date, authors]\n'
        "reviewed: {partners: [gunma]}\n", encoding="utf-8")
    (project / "data/corrections/portal-today-date.yml").write_text("checked:\n  - date\n", encoding="utf-8")
    proc = run(["convert"], project, check=True)
    md = (project / "reports/review.md").read_text(encoding="utf-8")
    assert "`seeds/byline-as-title.txt`" not in md  # every item settled: the article leaves the list
    today = _part(md, "portal-today-date.txt")
    assert "**date**" not in today and "**authors**" in today  # only the checked key is quiet
    data = json.loads((project / "reports/review.json").read_text(encoding="utf-8"))
    items = {i["code"]: i["checked"] for i in data["articles"]["byline-as-title.txt"]["items"]}
    assert items == {"title-byline": True, "date-missing": True, "authors-missing": True, "partners-new": True}
    assert f"{data['items_checked']} item(s) already checked" in md and data["items_checked"] >= 5
    assert f"{data['items_to_check']} item(s) need your eye" in proc.stdout
    assert "byline-as-title" not in run(["check"], project).stdout


def test_an_unknown_key_under_checked_is_an_error_naming_the_file_and_line(tmp_path):
    project = _project(tmp_path / "project")
    (project / "data/corrections").mkdir(exist_ok=True)
    (project / "data/corrections/portal-today-date.yml").write_text("checked:\n  - date\n  - titel\n", encoding="utf-8")
    for command in ("convert", "check"):
        proc = run([command], project)
        line = ('data/corrections/portal-today-date.yml:3: error: checked.1: expected one of date, title, lead, '
                'authors, removed, found "titel"')
        assert line in (proc.stderr + proc.stdout).splitlines(), command
        assert proc.returncode != 0


def test_inspect_names_the_doubts_before_anything_is_converted():
    out = run(["inspect", str(PAGES / "byline-first-paragraph.html")], ROOT, check=True).stdout
    assert "to check: The first paragraph looks like the author's name (a byline), not the start of the article: " \
           "“Phóng viên Nguyễn Thu Hà”." in out
    out = run(["inspect", str(PAGES / "logo-in-h1.html")], ROOT, check=True).stdout
    assert "to check: The title “Báo Sông Cầu” is the name of the site, not the article's headline." in out
