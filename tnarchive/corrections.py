"""Curated corrections (data/corrections/<seed stem>.yml) merged into what the converter extracted.

People fix what the machine got wrong here, never in the generated Markdown, so a
correction survives every re-conversion. Each field is optional:

    title: "A fixed title"
    date: "2023-08-10"            # with date_precision, and date_inferred: null to clear the note
    date_precision: day
    summary: "..."
    authors: [{name: ..., affiliation: ...}]
    source: {name: ..., url: ...}
    slug: a-fixed-slug
    people:   {add: [id, ...], remove: [id, ...]}
    partners: {add: [id, ...], remove: [id, ...]}
    reviewed: {people: [id, ...], partners: [id, ...]}   # unreviewed names a person has checked
    checked: [date, title, lead, authors, removed]        # review items a person has checked

Its shape is tnarchive/schema/correction.schema.json, checked when data/ is loaded, before
anything is written.
"""
from __future__ import annotations

from copy import deepcopy

from .errors import Problem, _

_SCALARS = ("title", "summary", "slug", "date", "date_precision", "date_inferred")
# A review item's key (the list `checked:` takes, in tnarchive/schema/correction.schema.json) → the
# field whose correction settles the item too.
_FIELD_OF = {"date": "date", "title": "title", "lead": "summary", "authors": "authors"}


def settled(correction: dict | None, key: str, rid: str | None = None) -> bool:
    """Has a person dealt with the review item *key*: listed it under `checked:`, or written the
    field it doubts? A name (*key* people or partners, its id *rid*): listed under `reviewed:` or
    removed."""
    correction = correction or {}
    if key in ("people", "partners"):
        return rid in ((correction.get("reviewed") or {}).get(key) or []) or \
            rid in ((correction.get(key) or {}).get("remove") or [])
    return key in (correction.get("checked") or []) or (key in _FIELD_OF and _FIELD_OF[key] in correction)


def mark_checked(items: list[dict], correction: dict | None) -> list[dict]:
    """Each review item with "checked": whether the correction settles it (settled)."""
    return [{**item, "checked": settled(correction, item["key"], item.get("id"))} for item in items]


def unknown_ids(doc, authority, where: str) -> list[Problem]:
    """Ids a correction (already checked against its schema) adds that no record has, each at its line."""
    found = []
    correction = doc.data or {}
    for kind, records in (("people", authority.people), ("partners", authority.partners)):
        # only `add` must name a record: `remove` and `reviewed` also name unreviewed, new names
        for i, rid in enumerate((correction.get(kind) or {}).get("add") or []):
            if rid not in records:
                found.append(Problem(where, doc.line((kind, "add", i)),
                                     _("{kind}.add: '{rid}' is not an id in data/{kind}.yml").format(rid=rid, kind=kind)))
    return found


def apply(meta: dict, correction: dict | None, authority, where: str) -> dict:
    """Return a copy of *meta* with *correction* applied. The correction was checked when it was
    loaded (tnarchive/schema/correction.schema.json and unknown_ids), so this cannot fail."""
    if not correction:
        return meta
    out = deepcopy(meta)
    for key in _SCALARS:
        if key in correction:
            out[key] = correction[key]
    if "authors" in correction:
        out["authors"] = [{"name": a["name"], "affiliation": a.get("affiliation")} for a in correction["authors"]]
    if "source" in correction:
        out["source"] = {"name": correction["source"].get("name"), "url": correction["source"].get("url")}
    for kind in ("people", "partners"):
        change = correction.get(kind) or {}
        for rid in change.get("add") or []:
            if rid not in out[kind]:
                out[kind].append(rid)
        for rid in change.get("remove") or []:
            out[kind] = [r for r in out[kind] if r != rid]
            out["unreviewed"][kind] = [u for u in out["unreviewed"][kind] if u["id"] != rid]
        reviewed = (correction.get("reviewed") or {}).get(kind) or []
        out["unreviewed"][kind] = [u for u in out["unreviewed"][kind] if u["id"] not in reviewed]
    return out
