"""Under `mkdocs serve`, an edit remakes only the derived pages that show what it changed
(derived.touched_sections): the result must equal making every page again, for every kind of edit
an editor makes to the real articles: a title, a partner list, a date, a paragraph with a dated
statement, an article removed, a new year."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tnarchive.site import derived
from tnarchive.catalog.loader import load_catalog

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted(p.name for p in (ROOT / "docs" / "vi" / "articles").glob("*.md"))


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path]:
    docs, data = tmp_path / "docs", tmp_path / "data"
    shutil.copytree(ROOT / "docs", docs)
    shutil.copytree(ROOT / "data", data)
    return docs, data


def _front(md: Path, pattern: str, repl: str) -> None:
    text = md.read_text(encoding="utf-8")
    head, sep, body = text.partition("\n---\n")
    new, n = re.subn(pattern, repl, head, count=1, flags=re.M)
    assert n == 1, pattern
    md.write_text(new + sep + body, encoding="utf-8")


def _edit_and_compare(docs: Path, data: Path, edit) -> tuple[set | None, dict, dict]:
    """Both languages: the sections kept from before the edit plus those made again equal a
    whole remake, page for page and in the same order. Returns what was touched and the sections
    (before, after) of the Vietnamese site."""
    before = load_catalog(docs, data)
    old = {lang: derived.sections(before, lang) for lang in ("vi", "en")}
    edit()
    after = load_catalog(docs, data)
    touched = derived.touched_sections(before, after)
    for lang in ("vi", "en"):
        updated = derived.pages(derived.sections(after, lang, old[lang], touched, before))
        whole = derived.pages(derived.sections(after, lang))
        assert list(updated) == list(whole)
        assert updated == whole, [uri for uri in whole if updated.get(uri) != whole[uri]]
    return touched, old["vi"], derived.sections(after, "vi", old["vi"], touched, before)


def _kept_and_remade(touched, old, new) -> tuple[list, list]:
    assert touched is not None, "expected only some sections to be made again"
    kept = [s for s in new if s != ("index",) and new[s] is old.get(s)]
    remade = [s for s in new if s != ("index",) and new[s] is not old.get(s)]
    return kept, remade


def test_a_title_edit_remakes_only_the_pages_that_list_the_article(project):
    docs, data = project
    name = ARTICLES[0]
    cat = load_catalog(docs, data)
    art = next(a for a in cat.articles if f"{a.slug}.md" == name)
    touched, old, new = _edit_and_compare(
        docs, data, lambda: _front(docs / "vi" / "articles" / name, r"^title: .*$", "title: Tiêu đề đã sửa"))
    kept, remade = _kept_and_remade(touched, old, new)
    assert set(remade) <= touched
    assert {("partner", p) for p in art.partners} <= set(remade)
    assert ("year", art.year) in remade
    assert kept, "the pages of partners and years the article is not on are kept as they were"
    assert all(("partner", p) not in touched for p in cat.authority.partners if p not in art.partners
               and not any(p in e.partners for e in cat.events if e.article == art.slug))
    korea = new[("partner", art.partners[0])]
    assert any("Tiêu đề đã sửa" in page for page in korea.values())


def test_a_title_edit_remakes_the_pages_of_people_whose_roles_cite_the_article(project):
    docs, data = project
    cat = load_catalog(docs, data)
    person = next(p for p in cat.authority.people.values()
                  if any(r.get("seed") for r in p.roles))
    seed = next(r["seed"] for r in person.roles if r.get("seed"))
    art = next(a for a in cat.articles if a.seed == seed)
    md = docs / "vi" / "articles" / f"{art.slug}.md"
    if person.id in art.people:  # the role's citation is then the only link from the person to the article
        _front(md, rf"^- {re.escape(person.id)}\n", "")
        assert person.id not in load_catalog(docs, data).by_slug[art.slug].people
    touched, old, new = _edit_and_compare(
        docs, data, lambda: _front(md, r"^title: .*$", "title: Bài được trích dẫn"))
    assert ("person", person.id) in touched
    assert any("Bài được trích dẫn" in page for page in new[("person", person.id)].values())


def test_partners_removed_and_a_date_moved_to_another_year(project):
    docs, data = project
    md = docs / "vi" / "articles" / ARTICLES[0]
    cat = load_catalog(docs, data)
    art = next(a for a in cat.articles if f"{a.slug}.md" == ARTICLES[0])
    dropped = art.partners[0]
    other_year = next(a.year for a in cat.articles if a.year and a.year != art.year)

    def edit():
        _front(md, rf"^- {re.escape(dropped)}\n", "")
        _front(md, r"^date: .*$", f"date: '{other_year}-06-15T08:00:00+07:00'")

    touched, old, new = _edit_and_compare(docs, data, edit)
    assert {("partner", dropped), ("year", art.year), ("year", other_year)} <= touched
    kept, remade = _kept_and_remade(touched, old, new)
    assert kept


def test_a_paragraph_with_a_dated_statement(project):
    docs, data = project
    md = docs / "vi" / "articles" / ARTICLES[-1]
    cat = load_catalog(docs, data)
    year = next(a.year for a in cat.articles if a.year and f"{a.slug}.md" != ARTICLES[-1])
    sentence = f"\nNgày 12/3/{year}, tỉnh Thái Nguyên ký thỏa thuận hợp tác với tỉnh Gyeongsangbuk-do, Hàn Quốc.\n"
    touched, old, new = _edit_and_compare(
        docs, data, lambda: md.write_text(md.read_text(encoding="utf-8") + sentence, encoding="utf-8"))
    assert ("year", year) in touched
    assert any("12/3" in p or "ký thỏa thuận hợp tác với tỉnh Gyeongsangbuk-do" in p
               for p in new[("year", year)].values())


def test_an_article_removed_and_one_added(project):
    docs, data = project
    gone = docs / "vi" / "articles" / ARTICLES[1]
    copy = docs / "vi" / "articles" / ARTICLES[2].replace(".md", "-ban-sao.md")

    def edit():
        text = (docs / "vi" / "articles" / ARTICLES[2]).read_text(encoding="utf-8")
        slug = ARTICLES[2][:-3]
        copy.write_text(text.replace(f"slug: {slug}", f"slug: {slug}-ban-sao"), encoding="utf-8")
        gone.unlink()
        (docs / "en" / "articles" / ARTICLES[1]).unlink(missing_ok=True)

    touched, _, _ = _edit_and_compare(docs, data, edit)
    assert touched is None or touched  # either way the pages equal a whole remake (checked above)


def test_a_new_year_or_new_data_remakes_everything(project):
    docs, data = project
    md = docs / "vi" / "articles" / ARTICLES[0]
    touched, _, _ = _edit_and_compare(docs, data, lambda: _front(md, r"^date: .*$", "date: '1999-01-02T08:00:00+07:00'"))
    assert touched is None  # every year page links to every year
    people = data / "people.yml"
    touched, _, _ = _edit_and_compare(
        docs, data, lambda: people.write_text(people.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8"))
    assert touched is None


def test_a_partner_with_many_pages_gets_only_the_edited_articles_page_again(project, monkeypatch):
    """Two articles a page, so that Korea's articles fill several numbered pages (as thousands do)."""
    from tnarchive.site import markup

    monkeypatch.setattr(markup.pages_of, "__defaults__", (2,))
    docs, data = project
    cat = load_catalog(docs, data)
    pid = max(cat.by_partner, key=lambda p: len(cat.by_partner[p]))
    arts = cat.by_partner[pid]
    assert len(arts) >= 5, "the seeds name one partner in five articles"
    last = arts[-1]  # on the last page; not cited by the first page's events unless it states them
    md = docs / "vi" / "articles" / f"{last.slug}.md"
    touched, old, new = _edit_and_compare(docs, data, lambda: _front(md, r"^title: .*$", "title: Bài cuối đã sửa"))
    pages_old, pages_new = old[("partner", pid)], new[("partner", pid)]
    assert ("partner", pid) in touched and len(pages_new) == len(pages_old) >= 3
    remade = [uri for uri in pages_new if pages_new[uri] is not pages_old[uri]]
    assert remade and len(remade) < len(pages_new)
    assert any("Bài cuối đã sửa" in pages_new[uri] for uri in remade)
    assert not any("Bài cuối đã sửa" in pages_new[uri] for uri in pages_new if uri not in remade)


def test_a_partner_with_many_pages_after_a_date_change(project, monkeypatch):
    """An article that moves within Korea's list shifts the articles on the pages between."""
    from tnarchive.site import markup

    monkeypatch.setattr(markup.pages_of, "__defaults__", (2,))
    docs, data = project
    cat = load_catalog(docs, data)
    pid = max(cat.by_partner, key=lambda p: len(cat.by_partner[p]))
    first, last = cat.by_partner[pid][0], cat.by_partner[pid][-1]
    md = docs / "vi" / "articles" / f"{last.slug}.md"
    later = f"{first.year}-12-31T23:00:00+07:00"
    _edit_and_compare(docs, data, lambda: _front(md, r"^date: .*$", f"date: '{later}'"))


def test_catalogs_without_digests_are_never_compared(project):
    from tnarchive.catalog.model import Catalog

    docs, data = project
    cat = load_catalog(docs, data)
    bare = Catalog(articles=list(cat.articles), authority=cat.authority)
    assert derived.touched_sections(cat, bare) is None and derived.touched_sections(bare, cat) is None
