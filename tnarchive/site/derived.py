"""The derived pages of one language (indexes, a page per partner, person and year), in sections,
and which sections an edit touches, so that `mkdocs serve` makes again only those.

A section is one index page, or every page of one partner, person or year (a partner named in
many articles has numbered pages). After an edit that changes some articles' metadata or events,
the sections that show them are made again and the others are kept: a partner's pages show its
articles and the events naming it; a person's show their articles and the articles their roles
cite; a year's show its articles and events, and every year's links to the others. The index
pages (counts, latest articles) are always made again: they are few and bounded in size.
`tests/test_derived_pages.py` holds the result equal to making every page again.
"""
from __future__ import annotations

from . import home, partners, people, timeline
from ..catalog.model import Catalog
from .translated import translations_page
from .markup import page_key, paged, pages_of

Section = tuple  # ("index",) | ("partner", id) | ("person", id) | ("year", 2019)
Sections = dict  # Section → {src_uri: page}


def sections(cat: Catalog, lang: str, previous: Sections | None = None, touched: set | None = None,
             old: Catalog | None = None) -> Sections:
    """Every derived page of *lang*, by section. With *previous* (the sections of the earlier
    catalog *old*) and *touched* (what changed since, `touched_sections`), the untouched sections
    are taken from *previous* as they are, and so are the numbered pages of a touched partner
    whose articles and events did not change (an edit to one of Korea's thousands of articles
    remakes one of its pages). The order is always that of a whole build."""

    def kept(section):
        return previous is not None and touched is not None and section not in touched and section in previous

    pre = "" if lang == "vi" else "en/"
    out: Sections = {("index",): {
        f"{pre}articles/index.md": timeline.articles_index(cat, lang),
        f"{pre}partners/index.md": partners.partner_index(cat, lang),
        f"{pre}people/index.md": people.people_index(cat, lang),
        f"{pre}timeline/index.md": timeline.timeline_index(cat, lang),
        f"{pre}data.md": home.data_page(cat, lang),
        f"{pre}search.md": home.search_page(lang),
        f"{pre}translations.md": translations_page(cat, lang),
    }}
    for pid in cat.authority.partners:
        sec = ("partner", pid)
        if kept(sec):
            out[sec] = previous[sec]
        elif previous is not None and touched is not None and old is not None and sec in previous:
            out[sec] = _partner_pages(cat, pid, lang, old, previous[sec])
        else:
            out[sec] = {f"{pre}partners/{key}.md": content for key, content in partners.partner_pages(cat, pid, lang).items()}
    for pid in cat.authority.people:
        sec = ("person", pid)
        out[sec] = previous[sec] if kept(sec) else {
            f"{pre}people/{key}.md": content for key, content in people.person_pages(cat, pid, lang).items()}
    for y in timeline.years(cat):
        sec = ("year", y)
        out[sec] = previous[sec] if kept(sec) else {f"{pre}timeline/{y}.md": timeline.year_page(cat, y, lang)}
    return out


def _partner_pages(cat: Catalog, pid: str, lang: str, old: Catalog, before: dict[str, str]) -> dict[str, str]:
    """A touched partner's pages, each taken from *before* when what it shows is unchanged: the same
    number of articles and pages, the same articles on it (by digest) and, on the first page, the
    same events citing the same articles. (*old* and *cat* share data/: touched_sections.)"""
    old_chunks = pages_of(old.by_partner.get(pid, []))
    total = len(old.by_partner.get(pid, []))
    pre = "" if lang == "vi" else "en/"

    def digests(c: Catalog, arts) -> list:
        return [c.digests.get(a.slug) for a in arts]

    def events(c: Catalog) -> list:
        return [(e, c.digests.get(e.article)) for e in partners.events_of(c, pid)[: partners.EVENTS_SHOWN]]

    def render(n: int, arts, pages: int) -> str:
        uri = f"{pre}partners/{page_key(pid, n)}.md"
        if (uri in before and pages == len(old_chunks) and len(cat.by_partner.get(pid, [])) == total
                and digests(cat, arts) == digests(old, old_chunks[n - 1]) and (n > 1 or events(cat) == events(old))):
            return before[uri]
        return partners.partner_page(cat, pid, lang, n, arts, pages)

    return {f"{pre}partners/{key}.md": content for key, content in paged(pid, cat.by_partner.get(pid, []), render).items()}


def pages(sections_: Sections) -> dict[str, str]:
    """src_uri → page, in the order of the sections."""
    return {uri: content for sec in sections_.values() for uri, content in sec.items()}


def touched_sections(old: Catalog, new: Catalog) -> set | None:
    """The sections whose pages may differ between *old* and *new*; None for all of them (another
    data/ folder, or a year gained or lost: every year page links to every year; or catalogs
    without the loader's digests)."""
    if old.authority is not new.authority or timeline.years(old) != timeline.years(new):
        return None
    if not old.digests or not new.digests:  # a catalog not made by the loader: nothing to compare by
        return None
    old_events, new_events = _events_by_article(old), _events_by_article(new)
    touched: set = set()
    for slug in old.digests.keys() | new.digests.keys():
        if old.digests.get(slug) == new.digests.get(slug) and old_events.get(slug) == new_events.get(slug):
            continue
        for cat, events in ((old, old_events), (new, new_events)):
            art = cat.by_slug.get(slug)
            if art is not None:
                touched.update(("partner", p) for p in art.partners)
                touched.update(("person", p) for p in art.people)
                touched.update(("person", p) for p in _citing(cat).get(art.seed, ()))
                if art.year:
                    touched.add(("year", art.year))
            for e in events.get(slug, ()):
                touched.update(("partner", p) for p in e.partners)
                touched.update(("person", p) for p in e.people)
                touched.add(("year", int(e.date[:4])))
    return touched


def _events_by_article(cat: Catalog) -> dict[str, list]:
    by = cat.memo.get("events_by_article")
    if by is None:
        by = cat.memo["events_by_article"] = {}
        for e in cat.events:
            by.setdefault(e.article, []).append(e)
    return by


def _citing(cat: Catalog) -> dict[str, list[str]]:
    """seed → the people whose roles cite the article from that seed (their pages show its title)."""
    by = cat.memo.get("citing")
    if by is None:
        by = cat.memo["citing"] = {}
        for person in cat.authority.people.values():
            for r in person.roles:
                if r.get("seed"):
                    by.setdefault(r["seed"], []).append(person.id)
    return by
