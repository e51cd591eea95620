"""The lines a quiet `mkdocs build` ends with: what was built, and what needs a person.

Counts only; `tnarchive check` names every file. The articles older than their inputs are told
here too (a build shows the articles as the last conversion wrote them), with the command."""
from __future__ import annotations

from ..catalog.model import Catalog
from ..errors import _
from ..inputs import Change
from ..staleness import CONVERT
from .translated import status


def lines(cat: Catalog, changes: list[Change] | None) -> list[str]:
    states = [status(a) for a in cat.articles]
    unreviewed = sum(len(a.unreviewed.get("people", [])) + len(a.unreviewed.get("partners", [])) for a in cat.articles)
    out = [_("site built: {articles} article(s), {partners} partner(s), {people} people; English translations: "
             "{current} current, {stale} stale, {missing} missing; {unreviewed} unreviewed name(s)").format(
        articles=len(cat.articles), partners=len(cat.authority.partners), people=len(cat.authority.people),
        current=states.count("current"), stale=states.count("stale"), missing=states.count("missing"),
        unreviewed=unreviewed)]
    if changes:
        out.append(_("the articles are older than {n} file(s) changed since the last conversion ({first}): "
                     "run `{command}`").format(n=len(changes), first=changes[0].path, command=CONVERT))
    return out
