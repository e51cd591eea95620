"""An article's list item (on year, partner and person pages) is kept across catalog reloads, as
under `mkdocs serve`, and made again exactly when what it shows changes."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from tnarchive.catalog.loader import load_catalog
from tnarchive.site.markup import article_item

ROOT = Path(__file__).resolve().parent.parent


def _project(tmp_path: Path) -> tuple[Path, Path]:
    docs, data = tmp_path / "docs", tmp_path / "data"
    shutil.copytree(ROOT / "docs", docs)
    shutil.copytree(ROOT / "data", data)
    return docs, data


def _retitle(md: Path, new: str) -> None:
    text = md.read_text(encoding="utf-8")
    md.write_text(re.sub(r"^title: .*$", f"title: {new}", text, count=1, flags=re.M), encoding="utf-8")


def test_an_edited_article_gets_a_new_item_and_the_others_are_reused(tmp_path):
    docs, data = _project(tmp_path)
    cat = load_catalog(docs, data)
    edited, other = cat.articles[0], cat.articles[1]
    here = "partners/some-partner.html"
    before_edited = article_item(cat, edited, "vi", here)
    before_other = article_item(cat, other, "vi", here)
    assert article_item(cat, other, "vi", here) is before_other  # made once

    _retitle(docs / "vi" / "articles" / f"{edited.slug}.md", "Tiêu đề đã sửa cho bài kiểm tra")
    cat2 = load_catalog(docs, data)
    after_edited = article_item(cat2, cat2.by_slug[edited.slug], "vi", here)
    after_other = article_item(cat2, cat2.by_slug[other.slug], "vi", here)
    assert "Tiêu đề đã sửa cho bài kiểm tra" in after_edited and after_edited != before_edited
    assert after_other is before_other  # not made again: nothing it shows changed
    # another folder, another language: items of their own (links are relative to the folder)
    assert article_item(cat2, cat2.by_slug[other.slug], "en", here) is not after_other
    assert article_item(cat2, cat2.by_slug[other.slug], "vi", "timeline/2020.html") is not after_other


def test_a_change_to_the_authority_files_makes_every_item_again(tmp_path):
    docs, data = _project(tmp_path)
    cat = load_catalog(docs, data)
    art = next(a for a in cat.articles if a.partners)
    here = "people/someone.html"
    before = article_item(cat, art, "vi", here)
    partners = next(p for p in data.rglob("*.yml") if "partners" in p.name)
    partners.write_text(partners.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    cat2 = load_catalog(docs, data)
    after = article_item(cat2, cat2.by_slug[art.slug], "vi", here)
    assert after == before and after is not before  # the same text, made again from the new data
