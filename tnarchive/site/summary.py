"""The line a quiet `mkdocs build` ends with: what was built, and what needs a person.

Counts only; `tnarchive check` names every file (and tells what is out of date)."""
from __future__ import annotations

from ..catalog.model import Catalog
from ..errors import _
from .translated import status


def line(cat: Catalog) -> str:
    states = [status(a) for a in cat.articles]
    unreviewed = sum(len(a.unreviewed.get("people", [])) + len(a.unreviewed.get("partners", [])) for a in cat.articles)
    return _("site built: {articles} article(s), {partners} partner(s), {people} people; English translations: "
             "{current} current, {stale} stale, {missing} missing; {unreviewed} unreviewed name(s)").format(
        articles=len(cat.articles), partners=len(cat.authority.partners), people=len(cat.authority.people),
        current=states.count("current"), stale=states.count("stale"), missing=states.count("missing"),
        unreviewed=unreviewed)
