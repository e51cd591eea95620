"""The partner maps: the world and East & Southeast Asia on the partner index, the same in small
multiples by period, a year's partners on its year page, and a locator on a partner's page.

A map is inline SVG made at build time (outlines.py): no tiles, no script, no request, so it works
from file:// and in the offline export. A country is shaded by the number of articles naming it or
any partner in it; a province, city or district is a dot sized by the same count for itself and
what lies within it. Each shape and dot is a link to the partner's page named for assistive
technology as "Republic of Korea: 214 articles"; the same numbers are in a table beside the map
and on the partner's page. Colours are fixed on the map's own sea, so they keep WCAG's 3:1
against their neighbours in the light and dark schemes; the table serves readers who cannot see
the map at all.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from html import escape


from ..catalog.model import Article, Catalog
from .l10n import t
from .markup import page_url, partner_name, rel
from .outlines import Box, bbox, country_boxes, equal_earth, main_ring, path, topology
from .places import Place, place_of

SVG_NS = "http://www.w3.org/2000/svg"
SEA, LAND, BORDER = "#f4f7fb", "#e2e2e2", "#ffffff"
SHADES = ("#5578b0", "#3b5f9c", "#254680", "#132c59")  # fewest → most articles; each ≥ 3:1 on LAND and SEA
DOT, HOME = "#b83209", "#000000"
LABEL_CHAR = 8.5  # px: the average width of a label's letter
HOME_PLACE = ("Thái Nguyên", (105.84, 21.59))  # the archive's own province: a marker, not a partner
_STYLE = (
    f".tnm-sea{{fill:{SEA}}}.tnm-land{{fill:{LAND};stroke:{BORDER};stroke-width:.5}}"
    + "".join(f".tnm-c{i}{{fill:{c}}}" for i, c in enumerate(SHADES))
    + f".tnm a path,.tnm use{{stroke:{BORDER};stroke-width:.6}}.tnm-dot{{fill:{DOT};stroke:#fff;stroke-width:1.5}}"
    f".tnm-home{{fill:{HOME};stroke:#fff;stroke-width:1.5}}.tnm-inert{{pointer-events:none}}"
    ".tnm-label{font:600 15px/1 sans-serif;fill:#111;stroke:#fff;stroke-width:3px;paint-order:stroke;pointer-events:none}"
    ".tnm a:focus{outline:none}.tnm a:focus>*,.tnm a:hover>*{stroke:#000;stroke-width:3}"
    ".tnm-swatch{display:inline-block;width:1em;height:1em;vertical-align:-.15em;margin-right:.3em;border:1px solid #fff}"
    ".tnm-legend{display:flex;flex-wrap:wrap;gap:.3em 1.2em;list-style:none;padding:0;margin:.3em 0;font-size:.8rem}"
    ".tnm-legend li{margin:0}.tnm-periods{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.5rem}"
    ".md-typeset .tnm-figure{display:block;width:100%;margin:1em 0}.tnm{display:block}"
    ".md-typeset .tnm-figure figcaption{max-width:none;margin:.3em 0 0;font-style:normal}"
    ".md-typeset .tnm-locator{max-width:480px}.md-typeset .tnm-periods figcaption{font-size:.75rem}"
)

def s(lang: str, key: str, **kw) -> str:
    """A map label in *lang* (the site's string table, l10n.py: keys map_*)."""
    return t(lang, "map_" + key, **kw)


@dataclass(frozen=True)
class View:
    name: str
    box: Box  # projected
    width: int  # px of the viewBox
    tol: float  # simplification tolerance, projected units

    @property
    def scale(self) -> float:
        return self.width / (self.box[2] - self.box[0])

    @property
    def height(self) -> int:
        return round((self.box[3] - self.box[1]) * self.scale)

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = equal_earth(lon, lat)
        return (x - self.box[0]) * self.scale, (y - self.box[1]) * self.scale

    def contains(self, lon: float, lat: float) -> bool:
        x, y = self.xy(lon, lat)
        return 0 <= x <= self.width and 0 <= y <= self.height


def lonlat_box(lon0: float, lat0: float, lon1: float, lat1: float) -> Box:
    """The projected box around a longitude/latitude rectangle (meridians curve in Equal Earth)."""
    edge = [equal_earth(lon0 + (lon1 - lon0) * i / 16, lat) for i in range(17) for lat in (lat0, lat1)]
    edge += [equal_earth(lon, lat0 + (lat1 - lat0) * i / 16) for i in range(17) for lon in (lon0, lon1)]
    return min(x for x, _ in edge), min(y for _, y in edge), max(x for x, _ in edge), max(y for _, y in edge)


def _view(name: str, box: Box, width: int, detail_px: float = 0.8) -> View:
    return View(name, box, width, round(detail_px * (box[2] - box[0]) / width, 4))


WORLD = _view("world", lonlat_box(-180, -57, 180, 84), 960)
REGION = _view("region", lonlat_box(88, -11, 150, 53), 960)


def counts(cat: Catalog, arts: list[Article]) -> Counter:
    """Partner id → articles in *arts* naming it or a partner within it, for the partners that
    have a mark of their own (a country's outline, a dot)."""
    out: Counter = Counter()
    for art in arts:
        out.update({m for p in art.partners for m in _marks_of(cat, p)})
    return out


def _marks_of(cat: Catalog, pid: str) -> tuple[str, ...]:
    """The marked partners an article naming *pid* counts for: *pid* and its ancestors with a mark."""
    memo = cat.memo.setdefault("map_marks", {})
    if pid not in memo:
        chain = [*cat.ancestors(pid), pid] if pid in cat.authority.partners else []
        memo[pid] = tuple(x for x in chain if (pl := places(cat).get(x)) is not None and pl.at == x)
    return memo[pid]


def places(cat: Catalog) -> dict[str, Place]:
    got = cat.memo.get("map_places")
    if got is None:
        got = cat.memo["map_places"] = {
            pid: pl for pid in cat.authority.partners if (pl := place_of(cat.authority, pid)) is not None}
    return got


def all_counts(cat: Catalog) -> Counter:
    got = cat.memo.get("map_counts")
    if got is None:
        got = cat.memo["map_counts"] = counts(cat, cat.articles)
    return got


def shade(n: int, peak: int) -> int:
    """Four classes on a log scale: 1 article and the busiest partner are always told apart."""
    if peak <= 1:
        return 0
    return min(len(SHADES) - 1, int(len(SHADES) * math.log(n) / math.log(peak + 1)))


def radius(view: View, n: int, peak: int) -> float:
    """A dot's area grows with its count; on the world map dots stay small, so that a country
    under its provinces' and cities' dots (Korea) can still be seen and clicked."""
    low, high = (2.5, 5) if view.name == "world" else (4, 9)
    return round(low + high * math.sqrt(n / max(peak, 1)), 1)


def _country_path(view: View, code: str) -> str:
    """A country's outline in *view*: made once per view and country for the process ("" out of view)."""
    key = (view, code)
    if key not in _PATHS:
        b, v = country_boxes().get(code), view.box
        seen = b is not None and b[0] <= v[2] and b[2] >= v[0] and b[1] <= v[3] and b[3] >= v[1]
        _PATHS[key] = path(topology()[1][code], v, view.scale, view.tol) if seen else ""
    return _PATHS[key]


def _background(view: View, skip: frozenset) -> str:
    """One path for every country not drawn on its own (memoised per view: the same on every page)."""
    key = (view, skip)
    if key not in _BACKGROUNDS:
        _BACKGROUNDS[key] = "".join(_country_path(view, c) for c in sorted(topology()[1]) if c not in skip)
    return _BACKGROUNDS[key]


_BACKGROUNDS: dict = {}
_PATHS: dict = {}


def svg_map(cat: Catalog, view: View, tally: Counter, lang: str, here: str, uid: str, title: str,
            labels: bool = False, links: bool = True, marked: str | None = None, inert_in: View | None = None) -> str:
    """One map: every country, the counted ones shaded, the counted points as dots, each a link.
    With links=False (a locator) the map is one image whose name says what it shows. Dots inside
    *inert_in* (the region map shown beside a world map) are drawn but are not links and let clicks
    through: on the world map Korea's dots would cover Korea itself; they are links on the region map."""
    pl = places(cat)
    peak = max(tally.values(), default=1)
    countries = sorted((pid for pid in tally if pl[pid].country and pid == pl[pid].at and not pl[pid].point),
                       key=lambda pid: pl[pid].country)
    if marked and pl.get(marked) and pl[marked].country and marked not in countries:
        countries.append(marked)
    codes = {pl[pid].country: pid for pid in countries}
    paths = {pid: _country_path(view, pl[pid].country) for pid in countries}
    role = f'role="group" aria-labelledby="{uid}-t"' if links else f'role="img" aria-labelledby="{uid}-t"'
    out = [f'<svg xmlns="{SVG_NS}" class="tnm" id="{uid}" viewBox="0 0 {view.width} {view.height}" width="100%" '
           f'style="max-width:{view.width}px;height:auto" {role}><title id="{uid}-t">{escape(title)}</title>'
           f'<style>{_STYLE}</style><rect class="tnm-sea" width="{view.width}" height="{view.height}"/>'
           f'<path class="tnm-land" id="{uid}-bg" d="{_background(view, frozenset(codes))}"/>']
    for pid in countries:
        if not paths[pid]:
            continue
        n = tally.get(pid, 0)
        k = shade(n, peak) if n else len(SHADES) - 1
        name = f"{partner_name(cat, pid, lang)}: {t(lang, 'count_articles', n=n)}"
        shape = f'<path id="{uid}-{pl[pid].country}" d="{paths[pid]}"/>'
        out.append(_linked(shape, name, rel(here, page_url("partners", pid, lang)) if links else None, f"tnm-c{k}"))
    hx, hy = view.xy(*HOME_PLACE[1])
    out.append(f'<rect class="tnm-home" x="{hx - 4:.0f}" y="{hy - 4:.0f}" width="8" height="8" '
               f'transform="rotate(45 {hx:.0f} {hy:.0f})"><title>{escape(s(lang, "home"))}</title></rect>')
    dots = sorted((pid for pid in tally if pl[pid].point and pid == pl[pid].at),
                  key=lambda pid: (-tally[pid], pid))
    if marked and pl.get(marked) and pl[marked].point and marked not in dots:
        dots.append(marked)
    for pid in dots:
        x, y = view.xy(*pl[pid].point)
        if not (0 <= x <= view.width and 0 <= y <= view.height):
            continue
        n = tally.get(pid, 0)
        r = radius(view, n, peak) if n else 6
        if inert_in is not None and inert_in.contains(*pl[pid].point):
            out.append(f'<circle class="tnm-dot tnm-inert" cx="{x:.0f}" cy="{y:.0f}" r="{r}" aria-hidden="true"/>')
            continue
        dot = f'<circle class="tnm-dot" cx="{x:.0f}" cy="{y:.0f}" r="{r}"/>'
        name = f"{partner_name(cat, pid, lang)}: {t(lang, 'count_articles', n=n)}"
        out.append(_linked(dot, name, rel(here, page_url("partners", pid, lang)) if links else None))
    if labels:
        spots = [view.xy(*pl[d].point) for d in dots]
        out += _labels(view, {pl[pid].country: partner_name(cat, pid, lang) for pid in countries}, spots)
        out.append(f'<text class="tnm-label" x="{hx + 8:.0f}" y="{hy + 5:.0f}" aria-hidden="true">Thái Nguyên</text>')
    return "".join(out) + "</svg>"


def _linked(shape: str, name: str, href: str | None, cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    if href is None:
        return f"<g{klass}>{shape}</g>"
    return f'<a href="{escape(href)}" aria-label="{escape(name)}"{klass}><title>{escape(name)}</title>{shape}</a>'


def _labels(view: View, names: dict[str, str], spots: list[tuple[float, float]]) -> list[str]:
    """A name on each shaded country large enough in the view to carry one, at its largest ring's
    centre, or to the left of the country when a dot (*spots*) is under it there: Korea's cities."""
    out = []
    for code, name in sorted(names.items()):
        ring = main_ring(code)
        if not ring:
            continue
        x0, y0, x1, y1 = bbox([ring])
        cx, cy = ((x0 + x1) / 2 - view.box[0]) * view.scale, ((y0 + y1) / 2 - view.box[1]) * view.scale
        fits = len(name) * LABEL_CHAR < 1.5 * (x1 - x0) * view.scale  # else its link's name is enough
        half = len(name) * LABEL_CHAR / 2 + 8
        anchor = "middle"
        if any(abs(x - cx) < half and abs(y - cy) < 20 for x, y in spots):
            cx, anchor, fits = (x0 - view.box[0]) * view.scale - 6, "end", True
        if fits and 0 < cx < view.width and 0 < cy < view.height:
            out.append(f'<text class="tnm-label" x="{cx:.0f}" y="{cy:.0f}" text-anchor="{anchor}" '
                       f'aria-hidden="true">{escape(name)}</text>')
    return out
