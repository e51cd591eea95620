"""Country outlines for the partner maps: Natural Earth's 1:50m countries as TopoJSON (vendored
from npm's `world-atlas`, see geo/README.md), decoded, projected and simplified in Python at build
time, so the maps are plain SVG paths in the page: nothing fetched, nothing run in the browser.

The projection is Equal Earth (Šavrič, Patterson & Jenny 2018), an equal-area projection made for
world maps of this kind: a country's area on the map is its area on Earth, so large countries do
not look more important than they are. Its formula is a few lines, as published; tests hold it to
the reference values. Lines are simplified per arc (Douglas–Peucker, as TopoJSON's own tools do),
so neighbouring countries keep a shared, gapless border at every tolerance. Everything here depends
only on the data file and its arguments (no hash order, no clock), so the SVG is the same on every
build. The decoded geometry is kept for the process: it is the same for every page and build.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "geo" / "countries-50m.json"

_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    """(longitude, latitude) in degrees → (x, y) on the unit sphere, y growing southward (as in SVG)."""
    theta = math.asin(_M * math.sin(math.radians(lat)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = math.radians(lon) * math.cos(theta) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, -y


Ring = list  # [(x, y), ...] projected
Box = tuple  # (x0, y0, x1, y1) projected


@lru_cache(maxsize=1)
def topology() -> tuple[list[list[tuple[float, float]]], dict[str, list], list[list[tuple[float, float]]], frozenset]:
    """(projected arcs, ISO 3166 numeric code → polygons as lists of rings of arc indices, the arcs
    in longitude/latitude, the arcs that cross the antimeridian: Fiji's and Russia's)."""
    topo = json.loads(DATA.read_text(encoding="utf-8"))
    (kx, ky), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs, lonlat, crossing = [], [], set()
    for i, arc in enumerate(topo["arcs"]):  # delta-encoded integer positions
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * kx + tx, y * ky + ty))
        if any(abs(b[0] - a[0]) > 180 for a, b in zip(pts, pts[1:])):
            crossing.add(i)
        lonlat.append(pts)
        arcs.append([equal_earth(lon, lat) for lon, lat in pts])

    def polygons(geom: dict) -> list:
        if geom.get("type") == "Polygon":
            return [geom["arcs"]]
        return list(geom.get("arcs") or []) if geom.get("type") == "MultiPolygon" else []

    countries: dict[str, list] = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        if geom.get("id"):
            countries.setdefault(geom["id"], []).extend(polygons(geom))
    return arcs, countries, lonlat, frozenset(crossing)


@lru_cache(maxsize=None)
def _wrapped(ring: tuple[int, ...], tol: float) -> list[tuple[Box, Ring]]:
    """A ring crossing the antimeridian (the data's rings are on the sphere), cut there into parts
    that each lie within ±180°, projected and simplified: drawn as it is, it would be a band
    across the whole map. (Box, points) of each part."""
    arcs = topology()[2]
    pts: Ring = []
    for i in ring:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(arc[1:] if pts else arc)
    flat = [pts[0]]
    for lon, lat in pts[1:]:  # longitudes made continuous: 179.9 then 180.1, not -179.9
        lon += 360 * round((flat[-1][0] - lon) / 360)
        flat.append((lon, lat))
    parts = []
    for shift in (-360, 0, 360):
        part = _clip([(lon + shift, lat) for lon, lat in flat], (-180, -90, 180, 90))
        if len(part) >= 3:
            projected = _simplify([equal_earth(lon, lat) for lon, lat in part], tol)
            parts.append((bbox([projected]), projected))
    return parts


@lru_cache(maxsize=1)
def country_boxes() -> dict[str, Box]:
    """ISO numeric code → the box around the country's outlines: a view skips what lies outside it."""
    arcs, countries, _, _ = topology()
    boxes = {}
    for code, polys in countries.items():
        pts = [p for poly in polys for ring in poly for i in ring for p in arcs[i if i >= 0 else ~i]]
        if pts:
            boxes[code] = bbox([pts])
    return boxes


@lru_cache(maxsize=1)
def arc_boxes() -> list[Box]:
    return [bbox([arc]) for arc in topology()[0]]


def _ring_box(ring: list[int]) -> Box:
    boxes = [arc_boxes()[i if i >= 0 else ~i] for i in ring]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _simplify(pts: list, tol: float) -> list:
    """Douglas–Peucker, iteratively, keeping the ends (arc ends are where borders meet), after a
    pass that drops points nearer than *tol* to the last one kept (as simplify.js does: the 1:50m
    data is dense for a world map, and this makes the second pass several times faster)."""
    if len(pts) < 3:
        return pts
    tol2 = tol * tol
    near = [pts[0]]
    for p in pts[1:-1]:
        q = near[-1]
        if (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2 >= tol2:
            near.append(p)
    near.append(pts[-1])
    pts = near
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        i, j = stack.pop()
        (ax, ay), (bx, by) = pts[i], pts[j]
        dx, dy = bx - ax, by - ay
        norm = dx * dx + dy * dy
        best, at = -1.0, -1
        for k in range(i + 1, j):
            px, py = pts[k]
            if norm:
                d = (dx * (ay - py) - dy * (ax - px)) ** 2 / norm
            else:
                d = (px - ax) ** 2 + (py - ay) ** 2
            if d > best:
                best, at = d, k
        if best > tol2:
            keep[at] = True
            stack += [(i, at), (at, j)]
    return [p for p, k in zip(pts, keep) if k]


_SIMPLE: dict[float, list] = {}  # tolerance → arc index → simplified arc, made when first drawn


def simple_arc(i: int, tol: float) -> list:
    """Arc *i* simplified at *tol*: only the arcs a view draws are simplified (the region's few)."""
    arcs = _SIMPLE.get(tol)
    if arcs is None:
        arcs = _SIMPLE[tol] = [None] * len(topology()[0])
    if arcs[i] is None:
        arcs[i] = _simplify(topology()[0][i], tol)
    return arcs[i]


def ring_points(ring: list[int], tol: float | None = None) -> Ring:
    """A ring's points from its arcs (~i is arc i reversed), simplified at *tol* if given; shared
    ends are not repeated."""
    out: Ring = []
    for i in ring:
        j = i if i >= 0 else ~i
        pts = topology()[0][j] if tol is None else simple_arc(j, tol)
        pts = pts if i >= 0 else pts[::-1]
        out.extend(pts[1:] if out else pts)
    return out


@lru_cache(maxsize=None)
def main_ring(code: str) -> Ring:
    """The outer ring of a country's largest part (mainland France, not French Guiana): where its
    name goes and what a locator map frames."""
    rings = [ring_points(poly[0]) for poly in topology()[1].get(code, [])]
    return max(rings, key=lambda r: abs(_area(r)), default=[])


def _clip(ring: Ring, box: Box) -> Ring:
    """Sutherland–Hodgman against the box: what lies outside the view costs no bytes."""
    x0, y0, x1, y1 = box
    edges = ((lambda p: p[0] >= x0, 0, x0), (lambda p: p[0] <= x1, 0, x1),
             (lambda p: p[1] >= y0, 1, y0), (lambda p: p[1] <= y1, 1, y1))
    for inside, axis, v in edges:
        if not ring:
            break
        out: Ring = []
        prev = ring[-1]
        for cur in ring:
            if inside(cur) != inside(prev):
                t = (v - prev[axis]) / (cur[axis] - prev[axis])
                cut = (prev[0] + t * (cur[0] - prev[0]), prev[1] + t * (cur[1] - prev[1]))
                out.append((v, cut[1]) if axis == 0 else (cut[0], v))
            if inside(cur):
                out.append(cur)
            prev = cur
        ring = out
    return ring


def bbox(rings: list[Ring]) -> Box:
    xs = [x for r in rings for x, _ in r]
    ys = [y for r in rings for _, y in r]
    return min(xs), min(ys), max(xs), max(ys)


def path(polygons: list, box: Box, scale: float, tol: float, min_area_px: float = 4.0) -> str:
    """SVG path data of *polygons* (rings of arc indices) simplified at *tol* inside *box*, in pixels
    at *scale* with the box's corner at 0,0: relative moves rounded to whole pixels, rings whose box
    is smaller than *min_area_px* dropped (islands that would be a speck). Empty when nothing is in view."""
    x0, y0 = box[0], box[1]
    out = []
    for (rx0, ry0, rx1, ry1), points in _parts(polygons, tol):
        if rx0 > box[2] or rx1 < box[0] or ry0 > box[3] or ry1 < box[1]:
            continue
        if (rx1 - rx0) * (ry1 - ry0) * scale * scale < min_area_px:  # a speck at this scale
            continue
        pts = points()
        if rx0 < box[0] or rx1 > box[2] or ry0 < box[1] or ry1 > box[3]:
            pts = _clip(pts, box)
        px = [(round((x - x0) * scale), round((y - y0) * scale)) for x, y in pts]
        px = [p for i, p in enumerate(px) if i == 0 or p != px[i - 1]]
        if len(px) < 3:
            continue
        steps = [f"M{px[0][0]} {px[0][1]}"]
        steps += [_step(b[0] - a[0], b[1] - a[1]) for a, b in zip(px, px[1:])]
        out.append("".join(steps) + "z")
    return "".join(out)


def _parts(polygons: list, tol: float):
    """(box, a function giving the points) of every ring, a ring across the antimeridian cut in
    parts; the points are made only for the rings a view shows."""
    crossing = topology()[3]
    for poly in polygons:
        for ring in poly:
            if crossing.isdisjoint(i if i >= 0 else ~i for i in ring):
                yield _ring_box(ring), lambda ring=ring: ring_points(ring, tol)
            else:
                for box, pts in _wrapped(tuple(ring), tol):
                    yield box, lambda pts=pts: pts


def _step(dx: int, dy: int) -> str:
    return f"l{dx}{dy}" if dy < 0 else f"l{dx} {dy}"


def _area(px: list) -> float:
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(px, px[1:] + px[:1])) / 2
