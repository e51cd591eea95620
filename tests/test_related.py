"""Related articles and the front matter MkDocs is given: the fast paths against plain definitions."""
from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import yaml

from tnarchive.site import article as article_html
from tnarchive.catalog.model import Article, Catalog
from tnarchive.catalog.loader import load_catalog, page_front_matter

ROOT = Path(__file__).resolve().parent.parent


def make(slug, year, partners=(), people=()):
    return Article(
        slug=slug, seed=f"{slug}.txt", title=slug, date=f"{year}-01-01" if year else None,
        date_precision="day" if year else None, date_inferred=None, authors=[], source={}, summary="",
        people=list(people), partners=list(partners), unreviewed={}, provenance={}, blocks=[], body_sha256="",
    )


def tags(art: Article) -> list[str]:
    return [*art.partners, *(f"person:{p}" for p in art.people)]


def reference(cat: Catalog, art: Article, limit: int = 5) -> list[str]:
    """The definition: the other articles of the article's three rarest partners and people
    (named by more than this article; partners before people on a tie), by most partners and
    people shared, then fewest years apart (undated: year 0), then slug."""
    named_by = {t: [o for o in cat.articles if t in tags(o)] for t in tags(art)}
    rarest = sorted((t for t in tags(art) if len(named_by[t]) > 1), key=lambda t: len(named_by[t]))[:3]
    scored = set()
    for t in rarest:
        for other in named_by[t]:
            if other.slug != art.slug:
                shared = len(set(tags(art)) & set(tags(other)))
                scored.add((-shared, abs((other.year or 0) - (art.year or 0)), other.slug))
    return [slug for *_, slug in sorted(scored)[:limit]]


def related(cat: Catalog, art: Article) -> list[str]:
    return [other.slug for other in article_html.related(cat, art)]


def test_most_shared_first_then_nearest_year_then_slug():
    arts = [
        make("a", 2020, ["p1", "p2"], ["x"]),
        make("b", 2010, ["p1", "p2"]),  # shares two, ten years apart
        make("e", 2000, ["p2"], ["x"]),  # shares two, twenty years apart
        make("d", 2019, ["p1"]),
        make("g", 2020, ["p1"]),  # ties with c: by slug
        make("c", 2020, ["p1"]),
        make("f", 2020, ["p3"]),  # shares nothing
        make("u", None, ["p2"]),  # undated: counted as year 0
    ]
    cat = Catalog(articles=arts, authority=None)
    assert related(cat, cat.by_slug["a"]) == ["b", "e", "c", "g", "d"]
    assert related(cat, cat.by_slug["f"]) == []  # no partner in common with anyone
    assert related(cat, cat.by_slug["u"]) == ["e", "b", "a"]


def test_matches_the_definition_on_a_random_archive():
    """Below RELATED_POOL articles per partner or person the candidates are every article that
    shares one, so the fast ranking must give exactly the plain definition's lists."""
    rng = random.Random(7)
    partners = [f"p{i}" for i in range(40)]
    people = [f"h{i}" for i in range(30)]
    arts = [make(f"s{i:03d}", rng.choice([None, *range(2000, 2026)]),
                 rng.sample(partners, rng.randint(0, 4)), rng.sample(people, rng.randint(0, 2)))
            for i in range(250)]
    cat = Catalog(articles=arts, authority=None)
    article_html.relate_all(cat)  # ahead of time, as the build does: the same lists
    for art in cat.articles:
        assert related(cat, art) == reference(cat, art), art.slug


def test_matches_the_definition_on_the_real_articles():
    cat = load_catalog(ROOT / "docs", ROOT / "data")
    base = cat.articles[0]
    many = [dataclasses.replace(a, slug=f"{a.slug}-{i}") for i in range(30) for a in cat.articles]
    for c in (cat, Catalog(articles=many, authority=cat.authority)):
        for art in c.articles:
            assert related(c, art) == reference(c, art)
    assert related(cat, base)  # the seeds do share partners


def test_page_front_matter_keeps_what_mkdocs_reads_and_round_trips():
    meta = {"title": 'Lãnh đạo: "Hàn Quốc" — #1\n---\n... null', "slug": "x", "provenance": {"seed": "a"},
            "summary": "…", "partners": ["korea"], "translation": {"of": "x"}, "hide": ["toc"], "template": "main.html"}
    front = page_front_matter(meta)
    assert yaml.safe_load(front) == {"title": meta["title"], "hide": ["toc"], "template": "main.html"}
    assert "\n---" not in front and "\n..." not in front  # cannot end MkDocs' front matter early
