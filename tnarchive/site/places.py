"""Where each partner is, for the maps: a country by its ISO 3166 code (its outline), a province,
city or district by its coordinates (a dot), and an organisation or company at its country unless
its record gives coordinates of its own. `tnarchive check` lists the partners this leaves without a
place, so a maintainer can add lat/lon or iso2 to data/partners.yml.
"""
from __future__ import annotations

from dataclasses import dataclass

import pycountry

from ..authority import Authority
from ..errors import _
from .outlines import topology

POINT_KINDS = {"province", "city", "district"}  # places in their own right: need coordinates


@dataclass(frozen=True)
class Place:
    country: str | None = None  # ISO 3166 numeric code of the outline to shade, e.g. "410"
    point: tuple[float, float] | None = None  # (lon, lat) of a dot
    at: str | None = None  # the partner whose mark stands for this one (itself, or its country)


def numeric_code(iso2: str | None) -> str | None:
    """KR → "410", the id of Korea's outline in the Natural Earth TopoJSON; None when unknown."""
    country = pycountry.countries.get(alpha_2=iso2) if iso2 else None
    return country.numeric if country is not None else None


def place_of(auth: Authority, pid: str) -> Place | None:
    p = auth.partners[pid]
    if p.lat is not None and p.lon is not None:
        return Place(point=(p.lon, p.lat), at=pid)
    if p.kind == "country":
        code = numeric_code(p.iso2)
        return Place(country=code, at=pid) if code in topology()[1] else None
    if p.kind in POINT_KINDS:
        return None
    country = auth.country_of(pid)
    home = place_of(auth, country) if country else None
    return Place(country=home.country, point=home.point, at=country) if home else None


def unplaced(auth: Authority) -> list[tuple[str, str]]:
    """(id, what is missing) for every partner the maps cannot show, in the file's order."""
    out = []
    for pid, p in auth.partners.items():
        if place_of(auth, pid) is not None:
            continue
        if p.kind == "country":
            why = _("iso2 '{iso2}' has no outline: add lat/lon").format(iso2=p.iso2) if p.iso2 else _("no iso2 code")
        elif p.kind in POINT_KINDS:
            why = _("no lat/lon")
        else:
            why = _("no country (parent) and no lat/lon")
        out.append((pid, why))
    return out
