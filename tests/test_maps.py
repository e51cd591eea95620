"""The partner maps' parts: the projection against its published figures, partners' places from
data/partners.yml, `tnarchive check` naming a partner without one, and deterministic SVG."""
from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT, run
from tnarchive.authority import AuthorityError, load_authority
from tnarchive.site import maps
from tnarchive.catalog.model import Catalog
from tnarchive.site.outlines import equal_earth
from tnarchive.site.places import Place, place_of, unplaced


def authority():
    return load_authority(yaml.safe_load((ROOT / "data/partners.yml").read_text(encoding="utf-8")), {"people": []})


def test_equal_earth_matches_the_published_extent():
    # Šavrič, Patterson & Jenny (2018): the map spans x ±2.706629 at the equator and y ±1.317363 at the poles.
    assert equal_earth(180, 0)[0] == pytest.approx(2.706629, abs=1e-6)
    assert equal_earth(0, 90)[1] == pytest.approx(-1.317363, abs=1e-6)
    assert equal_earth(0, -90)[1] == pytest.approx(1.317363, abs=1e-6)
    assert equal_earth(0, 0) == (0.0, -0.0)
    x, y = equal_earth(-30, 45)
    assert x == pytest.approx(-equal_earth(30, 45)[0]) and y == pytest.approx(equal_earth(30, 45)[1])


def test_every_partner_in_the_data_has_a_place_but_unicef():
    auth = authority()
    assert place_of(auth, "korea") == Place(country="410", at="korea")
    assert place_of(auth, "busan").point == pytest.approx((129.03, 35.10))
    assert place_of(auth, "samsung") == Place(country="410", at="korea")  # a company at its country
    assert place_of(auth, "relo-hanoi").at == "united-states"  # through its embassy
    assert unplaced(auth) == [("unicef", "no country (parent) and no lat/lon")]
    countries = [p for p in auth.partners.values() if p.kind == "country"]
    assert all(place_of(auth, p.id).country for p in countries)


def test_a_place_needs_both_coordinates_in_range():
    data = yaml.safe_load((ROOT / "data/partners.yml").read_text(encoding="utf-8"))
    busan = next(r for r in data["partners"] if r["id"] == "busan")
    del busan["lon"]
    with pytest.raises(AuthorityError, match="busan.*both lat and lon"):
        load_authority(data, {"people": []})
    busan["lon"] = 229.0
    with pytest.raises(AuthorityError, match="'lon' must be a number of degrees"):
        load_authority(data, {"people": []})


def test_check_lists_partners_without_a_place(project):
    text = (project / "data/partners.yml").read_text(encoding="utf-8")
    text = re.sub(r"(  - id: busan\n(?:    .*\n)*?)    lat: .*\n    lon: .*\n", r"\1", text)
    (project / "data/partners.yml").write_text(text, encoding="utf-8")
    out = run(["check"], project).stdout
    lines = [x for x in out.splitlines() if "no place on the maps" in x]
    assert lines == [
        f"data/partners.yml:{text.split(chr(10)).index('  - id: busan') + 1}: warning: partner 'busan' has no place on the maps: no lat/lon",
        f"data/partners.yml:{text.split(chr(10)).index('  - id: unicef') + 1}: warning: partner 'unicef' has no place on the maps: no country (parent) and no lat/lon",
    ]


def test_counts_take_in_the_partners_within_and_the_map_is_deterministic():
    from tnarchive.catalog.model import Article

    auth = authority()
    arts = [Article(slug=f"a{i}", seed=f"{i}.txt", title=f"t{i}", date=f"2019-0{i}-01", date_precision="day",
                    date_inferred=None, authors=[], source={}, summary="", people=[], partners=ps, unreviewed={},
                    provenance={}, blocks=[], body_sha256="")
            for i, ps in enumerate([["chilgok"], ["gyeongsangbuk-do", "samsung"], ["laos"]], 1)]
    cat = Catalog(articles=arts, authority=auth)
    tally = maps.counts(cat, cat.articles)
    assert tally == {"korea": 2, "gyeongsangbuk-do": 2, "chilgok": 1, "laos": 1}
    first = maps.svg_map(cat, maps.REGION, tally, "en", "en/partners/index.html", "m", "Map")
    assert first == maps.svg_map(cat, maps.REGION, tally, "en", "en/partners/index.html", "m", "Map")
    assert 'aria-label="Republic of Korea: 2 articles"' in first
    assert 'href="gyeongsangbuk-do.html" aria-label="Gyeongsangbuk-do: 2 articles"' in first
    assert "Busan" not in first  # named in no article: no dot


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_colours_keep_wcag_non_text_contrast():
    for shade in maps.SHADES:  # a shaded country against the sea and the unshaded land around it
        assert _contrast(shade, maps.SEA) >= 3 and _contrast(shade, maps.LAND) >= 3, shade
    assert _contrast(maps.DOT, "#ffffff") >= 3  # a dot against its white ring, on any fill
    assert _contrast(maps.HOME, "#ffffff") >= 3
