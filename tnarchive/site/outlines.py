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
def topology() -> tuple[list[list[tuple[float, float]]], dict[str, list], list]:
    """(projected arcs, ISO 3166 numeric code → polygons as lists of rings of arc indices, land polygons)."""
    topo = json.loads(DATA.read_text(encoding="utf-8"))
    (kx, ky), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:  # delta-encoded integer positions
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append(equal_earth(x * kx + tx, y * ky + ty))
        arcs.append(pts)

    def polygons(geom: dict) -> list:
        if geom.get("type") == "Polygon":
            return [geom["arcs"]]
        return list(geom.get("arcs") or []) if geom.get("type") == "MultiPolygon" else []

    countries: dict[str, list] = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        if geom.get("id"):
            countries.setdefault(geom["id"], []).extend(polygons(geom))
    land = [p for g in topo["objects"]["land"]["geometries"] for p in polygons(g)]
    return arcs, countries, land


def _simplify(pts: list, tol: float) -> list:
    """Douglas–Peucker, iteratively, keeping the ends (arc ends are where borders meet)."""
    if len(pts) < 3:
        return pts
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    tol2 = tol * tol
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


@lru_cache(maxsize=8)
def simplified_arcs(tol: float) -> list[list]:
    return [_simplify(arc, tol) for arc in topology()[0]]


def ring_points(ring: list[int], arcs: list[list]) -> Ring:
    """A ring's points from its arcs (~i is arc i reversed); shared ends are not repeated."""
    out: Ring = []
    for i in ring:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(pts[1:] if out else pts)
    return out


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


def path(polygons: list, box: Box, scale: float, tol_px: float, min_area_px: float = 2.0) -> str:
    """SVG path data of *polygons* (rings of arc indices) inside *box*, in pixels at *scale* with the
    box's corner at 0,0: relative moves rounded to whole pixels, rings smaller than *min_area_px*
    dropped (islands that would be a speck). Empty when nothing is in view."""
    arcs = simplified_arcs(round(tol_px / scale, 9))
    x0, y0 = box[0], box[1]
    out = []
    for poly in polygons:
        for ring in poly:
            pts = _clip(ring_points(ring, arcs), box)
            px = [(round((x - x0) * scale), round((y - y0) * scale)) for x, y in pts]
            px = [p for i, p in enumerate(px) if i == 0 or p != px[i - 1]]
            if len(px) < 3 or abs(_area(px)) < min_area_px:
                continue
            steps = [f"M{px[0][0]} {px[0][1]}"]
            steps += [_step(b[0] - a[0], b[1] - a[1]) for a, b in zip(px, px[1:])]
            out.append("".join(steps) + "z")
    return "".join(out)


def _step(dx: int, dy: int) -> str:
    return f"l{dx}{dy}" if dy < 0 else f"l{dx} {dy}"


def _area(px: list) -> float:
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(px, px[1:] + px[:1])) / 2
