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
"""
from __future__ import annotations

from copy import deepcopy

import re

_SCALARS = ("title", "summary", "slug", "date", "date_precision", "date_inferred")
_SAFE_SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,100}")
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}


class CorrectionError(ValueError):
    pass


def apply(meta: dict, correction: dict | None, authority, where: str) -> dict:
    """Return a copy of *meta* with *correction* applied; unknown ids are an error naming the file."""
    if not correction:
        return meta
    if not isinstance(correction, dict):
        raise CorrectionError(f"{where}: must be a mapping of fields")
    unknown = set(correction) - set(_SCALARS) - {"authors", "source", "people", "partners", "reviewed", "note"}
    if unknown:
        raise CorrectionError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    slug = correction.get("slug")
    if slug is not None and (not _SAFE_SLUG.fullmatch(str(slug)) or str(slug).split("-")[0].upper() in _RESERVED):
        raise CorrectionError(f"{where}: slug {slug!r} must be lower-case letters, digits and '-' "
                              "(no paths, no reserved names such as con or nul)")
    out = deepcopy(meta)
    for key in _SCALARS:
        if key in correction:
            out[key] = correction[key]
    for key in ("authors", "source"):
        if key in correction:
            out[key] = correction[key]
    for kind, records in (("people", authority.people), ("partners", authority.partners)):
        change = correction.get(kind) or {}
        for rid in change.get("add") or []:
            if rid not in records:
                raise CorrectionError(f"{where}: {kind}.add: '{rid}' is not an id in data/{kind}.yml")
            if rid not in out[kind]:
                out[kind].append(rid)
        for rid in change.get("remove") or []:
            out[kind] = [r for r in out[kind] if r != rid]
            out["unreviewed"][kind] = [u for u in out["unreviewed"][kind] if u["id"] != rid]
        reviewed = (correction.get("reviewed") or {}).get(kind) or []
        out["unreviewed"][kind] = [u for u in out["unreviewed"][kind] if u["id"] not in reviewed]
    return out
