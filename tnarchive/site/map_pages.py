"""The maps as parts of pages: the partner index's world and region maps with their legend, table
and small multiples by period; a year page's map; a partner page's locator and place.

Small multiples rather than a filter: every period is on the page at once, with no script, and
each panel reuses the world map's outlines by `<use href="#…">` (a reference inside the page,
which works from file://), so a panel costs its dots and a few short elements.
"""
from __future__ import annotations

from collections import Counter

from markupsafe import Markup

from ..catalog.model import Catalog
from .l10n import kind_label, t
from .maps import DOT, HOME, REGION, SHADES, WORLD, View, radius, shade, all_counts, counts, places, s, svg_map
from .markup import a, html, page_url, partner_name
from .outlines import bbox, equal_earth, main_ring

PERIOD = 5  # years per small multiple


def legend(tally, lang: str) -> Markup:
    peak = max(tally.values(), default=1)
    ranges: dict[int, list[int]] = {}
    for n in range(1, peak + 1):
        ranges.setdefault(shade(n, peak), []).append(n)
    items = [html('<li><span class="tnm-swatch tnm-c{}" style="background:{}"></span>{}</li>', i, SHADES[i],
                  t(lang, "count_articles", n=f"{ns[0]}–{ns[-1]}" if ns[0] != ns[-1] else ns[0]))
             for i, ns in sorted(ranges.items())]
    items.append(html('<li><span class="tnm-swatch" style="background:{};border-radius:50%"></span>{}</li>', DOT, s(lang, "dot")))
    items.append(html('<li><span class="tnm-swatch" style="background:{};transform:rotate(45deg) scale(.7)"></span>{}</li>',
                      HOME, s(lang, "home")))
    return html('<ul class="tnm-legend" aria-label="{}">{}</ul>', s(lang, "legend"), Markup("").join(items))


def _figure(svg: str, caption: str) -> Markup:
    return html('<figure class="tnm-figure">{}<figcaption>{}</figcaption></figure>', Markup(svg), caption)


def index_maps(cat: Catalog, lang: str, here: str) -> Markup:
    """The partner index's maps: world, region, the numbers as a table, then the periods."""
    tally = all_counts(cat)
    if not tally:
        return html("<p>{}</p>", s(lang, "none"))
    parts = [
        _figure(svg_map(cat, WORLD, tally, lang, here, "tnm-world", s(lang, "world"), inert_in=REGION),
                f'{s(lang, "world")}. {s(lang, "world_note")}'),
        legend(tally, lang),
        _figure(svg_map(cat, REGION, tally, lang, here, "tnm-region", s(lang, "region"), labels=True), s(lang, "region")),
        table(cat, tally, lang, here),
        periods(cat, tally, lang),
    ]
    return Markup("\n").join(parts)


def table(cat: Catalog, tally, lang: str, here: str) -> Markup:
    rows = []
    for pid, n in sorted(tally.items(), key=lambda kv: (-kv[1], partner_name(cat, kv[0], lang))):
        country = cat.authority.country_of(pid)
        rows.append(html('<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>',
                         a(here, page_url("partners", pid, lang), partner_name(cat, pid, lang)),
                         kind_label(cat.authority.partners[pid].kind, lang),
                         partner_name(cat, country, lang) if country else "", n))
    head = html('<tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr>',
                s(lang, "place"), s(lang, "kind"), s(lang, "country"), s(lang, "count"))
    return html('<details class="tnm-numbers"><summary>{}</summary><table class="tnm-table"><thead>{}</thead>'
                '<tbody>{}</tbody></table></details>', s(lang, "numbers"), head, Markup("").join(rows))


def periods(cat: Catalog, tally, lang: str) -> Markup:
    """Small multiples: one world panel per five years, drawn with the index's world outlines."""
    arts_by_year: dict[int, list] = {}
    for x in cat.articles:
        if x.year:
            arts_by_year.setdefault(x.year, []).append(x)
    if not arts_by_year:
        return Markup("")
    first = min(arts_by_year) // PERIOD * PERIOD
    peak = max(tally.values(), default=1)
    pl = places(cat)
    panels = []
    for start in range(first, max(arts_by_year) + 1, PERIOD):
        label = f"{start}–{start + PERIOD - 1}"
        part = counts(cat, [x for y in range(start, start + PERIOD) for x in arts_by_year.get(y, [])])
        body = ['<use href="#tnm-world-bg"/>']
        for pid in sorted((p for p in tally if pl[p].country and not pl[p].point), key=lambda p: pl[p].country):
            cls = f"tnm-c{shade(part[pid], peak)}" if part.get(pid) else "tnm-land"
            body.append(f'<use href="#tnm-world-{pl[pid].country}" class="{cls}"/>')
        for pid in sorted((p for p in part if pl[p].point), key=lambda p: (-part[p], p)):
            x, y = WORLD.xy(*pl[pid].point)
            body.append(f'<circle class="tnm-dot" cx="{x:.0f}" cy="{y:.0f}" r="{radius(WORLD, part[pid], peak)}"/>')
        named = sorted(part.items(), key=lambda kv: (-kv[1], partner_name(cat, kv[0], lang)))
        desc = f"{label}: " + ("; ".join(f"{partner_name(cat, p, lang)}: {t(lang, 'count_articles', n=n)}" for p, n in named)
                               or s(lang, "none"))
        svg = (f'<svg xmlns="http://www.w3.org/2000/svg" class="tnm tnm-panel" viewBox="0 0 {WORLD.width} {WORLD.height}" '
               f'width="100%" style="height:auto" role="img" aria-label="{Markup.escape(desc)}">'
               f'<rect class="tnm-sea" width="{WORLD.width}" height="{WORLD.height}"/>{"".join(body)}</svg>')
        total = len({x.slug for y in range(start, start + PERIOD) for x in arts_by_year.get(y, [])})
        panels.append(_figure(svg, f"{label} · {t(lang, 'count_articles', n=total)}"))
    return html('<h2 id="map-periods">{}</h2><div class="tnm-periods">{}</div>', s(lang, "periods"), Markup("").join(panels))


def year_map(cat: Catalog, year: int, arts: list, lang: str, here: str) -> Markup:
    """The partners named in the year's articles *arts*, on the world map."""
    tally = counts(cat, arts)
    if not tally:
        return Markup("")
    title = s(lang, "year", year=year)
    region = f'{title}: {s(lang, "region")}'
    return Markup("\n").join([
        _figure(svg_map(cat, WORLD, tally, lang, here, f"tnm-y{year}", title, inert_in=REGION),
                f'{title}. {s(lang, "world_note")}'),
        legend(tally, lang),
        _figure(svg_map(cat, REGION, tally, lang, here, f"tnm-y{year}-region", region, labels=True), region)])


def locator_view(cat: Catalog, pid: str) -> View | None:
    """A window around the partner's mark: its dot, or its country's main outline, with a margin."""
    pl = places(cat).get(pid)
    if pl is None:
        return None
    if pl.point:
        lon, lat = pl.point
        x0, y0 = equal_earth(lon - 12, lat + 9)
        x1, y1 = equal_earth(lon + 12, lat - 9)
        box = (min(x0, x1), y0, max(x0, x1), y1)
    else:
        x0, y0, x1, y1 = bbox([main_ring(pl.country)])
        pad = max(x1 - x0, y1 - y0, 0.25) * 0.6
        grow = max(0.0, (y1 - y0 + 2 * pad) * 4 / 3 - (x1 - x0 + 2 * pad)) / 2  # no taller than 4:3
        box = (x0 - pad - grow, y0 - pad, x1 + pad + grow, y1 + pad)
    width = 480
    tol = REGION.tol if width / (box[2] - box[0]) >= REGION.scale / 2 else WORLD.tol
    return View("locator", box, width, tol)


def partner_place(cat: Catalog, pid: str, lang: str, here: str) -> tuple[list, Markup]:
    """The partner page's facts row about its place, and its locator map (both empty without a place)."""
    pl = places(cat).get(pid)
    if pl is None:
        return [], Markup("")
    at = pl.at
    name = partner_name(cat, at, lang)
    if at == pid:
        fact = (s(lang, "on_map"), s(lang, "on_map_text", n=all_counts(cat).get(pid, 0), name=name))
    else:
        fact = (s(lang, "on_map"), html("{}", s(lang, "at_country", name="")) + a(here, page_url("partners", at, lang), name))
    view = locator_view(cat, at)
    title = s(lang, "locator", name=partner_name(cat, pid, lang))
    svg = svg_map(cat, view, Counter(), lang, here, f"tnm-loc-{at}", title, links=False, marked=at)
    return [fact], html('<figure class="tnm-figure tnm-locator">{}</figure>', Markup(svg))
