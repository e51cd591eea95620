"""Small bar charts as inline SVG, drawn at build time.

The archive is read offline and from a plain file copy, so a chart is markup in the page:
no JavaScript, no fonts or files fetched, nothing but the SVG namespace as a URL. Colours
are the Material theme's CSS custom properties (with fallbacks for a page without them),
so a chart follows the light and dark schemes. To assistive technology a chart is named by
its <title> and described by its <desc> (in the page language, written by the caller): an
image (role="img") when it has no links, a group of links (role="group") when its bars are
links, since links inside an image are nested interactive content that screen readers skip.
Each bar has its own <title>, its link's name and tooltip; `data_table` gives the same
numbers as a table behind <details> for readers who cannot see the bars. The output is one line with no blank lines, so it can sit in
Markdown as a raw HTML block, and depends only on its input, so rebuilds do not churn.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from html import escape

SVG_NS = "http://www.w3.org/2000/svg"
FONT = 12  # px, in viewBox units; the chart scales down with the page, never up
_CHAR = 0.6 * FONT  # average glyph width, for sizing the label column
_STYLE = (
    ".tnc-bar{fill:var(--md-primary-fg-color,#4051b5)}"
    ".tnc-txt{fill:var(--md-default-fg-color,#000000de);font-size:%dpx;font-family:inherit}"
    ".tnc-axis{stroke:var(--md-default-fg-color--lighter,#00000052);stroke-width:1}"
    "a:hover .tnc-bar,a:focus .tnc-bar{fill:var(--md-accent-fg-color,#526cfe)}" % FONT
)

Item = tuple[str, int, "str | None"]
Fmt = Callable[[int], str]


def num(x: float) -> str:
    """Compact number for coordinates and counts: 12, 12.5, never 12.000000."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def years_series(counts: dict[int, int]) -> list[tuple[str, int, None]]:
    """Every year from the first to the last, gaps as 0, so a quiet year shows as a gap."""
    if not counts:
        return []
    return [(str(y), counts.get(y, 0), None) for y in range(min(counts), max(counts) + 1)]


def _svg(kind: str, items: list[Item], title: str, desc: str, width: float, height: float, body: list[str]) -> str:
    key = repr((kind, title, desc, [tuple(i) for i in items])).encode("utf-8")
    uid = "tnc-" + hashlib.sha1(key).hexdigest()[:10]  # stable and unique per chart on a page
    role = "group" if any(href for _, _, href in items) else "img"
    head = (
        f'<svg xmlns="{SVG_NS}" class="tnc tnc-{kind}" viewBox="0 0 {num(width)} {num(height)}" '
        f'width="100%" style="max-width:{num(width)}px;height:auto" role="{role}" '
        f'aria-labelledby="{uid}-t" aria-describedby="{uid}-d">'
        f'<title id="{uid}-t">{escape(title)}</title><desc id="{uid}-d">{escape(desc)}</desc>'
        f"<style>{_STYLE}</style>"
    )
    return head + "".join(body) + "</svg>"


def _bar(rect: str, tip: str, href: str | None, extra: str = "") -> str:
    """One item: its <title> tooltip, the bar, its labels; a link around it when given one."""
    inner = f"<title>{escape(tip)}</title>{rect}{extra}"
    if href:
        return f'<a href="{escape(href)}" class="tnc-item">{inner}</a>'
    return f'<g class="tnc-item">{inner}</g>'


def _short(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def data_table(items: list[Item], summary: str, headers: tuple[str, str], fmt: Fmt = num) -> str:
    """The chart's numbers as a table behind <details>: each label (a link where the bar is one) and its count."""
    def label_cell(label: str, href: str | None) -> str:
        return f'<a href="{escape(href)}">{escape(label)}</a>' if href else escape(label)

    rows = "".join(f'<tr><th scope="row">{label_cell(label, href)}</th><td>{escape(fmt(count))}</td></tr>'
                   for label, count, href in items)
    return (
        f'<details class="tnc-data"><summary>{escape(summary)}</summary><table><thead><tr>'
        f'<th scope="col">{escape(headers[0])}</th><th scope="col">{escape(headers[1])}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></details>"
    )


def bar_chart(items: list[Item], title: str, desc: str, fmt: Fmt = num) -> str:
    """Vertical bars in the given order (years, oldest first): count above, label below."""
    longest = max((len(_short(label, 16)) for label, _, _ in items), default=0)
    slot, plot_h, top, bottom, side = max(40, longest * _CHAR + 8), 160, FONT + 8, FONT + 12, 8
    bar_w = 28
    n = len(items)
    width = side * 2 + max(n, 6) * slot
    height = top + plot_h + bottom
    x0 = side + (max(n, 6) - n) * slot / 2
    peak = max((c for _, c, _ in items), default=0) or 1
    base = top + plot_h
    body = [f'<line class="tnc-axis" x1="{num(side)}" y1="{num(base)}" x2="{num(width - side)}" y2="{num(base)}"/>']
    for i, (label, count, href) in enumerate(items):
        h = plot_h * max(count, 0) / peak
        x = x0 + i * slot + (slot - bar_w) / 2
        cx = x + bar_w / 2
        rect = f'<rect class="tnc-bar" x="{num(x)}" y="{num(base - h)}" width="{num(bar_w)}" height="{num(h)}"/>'
        texts = (
            f'<text class="tnc-txt" x="{num(cx)}" y="{num(base - h - 4)}" text-anchor="middle">{escape(fmt(count))}</text>'
            f'<text class="tnc-txt" x="{num(cx)}" y="{num(base + FONT + 4)}" text-anchor="middle">'
            f"{escape(_short(label, 16))}</text>"
        )
        body.append(_bar(rect, f"{label}: {fmt(count)}", href, texts))
    return _svg("vbar", items, title, desc, width, height, body)


def hbar_chart(items: list[Item], title: str, desc: str, fmt: Fmt = num) -> str:
    """Horizontal bars in the given order (partner countries, sorted by the caller)."""
    row, bar_h, plot_w, pad, gap = 24, 16, 280, 8, 6
    longest = max((len(_short(label, 30)) for label, _, _ in items), default=0)
    label_w = min(30, max(6, longest)) * _CHAR + pad
    count_w = max((len(fmt(c)) for _, c, _ in items), default=1) * _CHAR + pad
    width = label_w + gap + plot_w + gap + count_w
    height = pad * 2 + max(len(items), 1) * row
    peak = max((c for _, c, _ in items), default=0) or 1
    x0 = label_w + gap
    body = [f'<line class="tnc-axis" x1="{num(x0)}" y1="{num(pad)}" x2="{num(x0)}" y2="{num(height - pad)}"/>']
    for i, (label, count, href) in enumerate(items):
        y = pad + i * row + (row - bar_h) / 2
        w = plot_w * max(count, 0) / peak
        ty = y + bar_h / 2 + FONT * 0.35  # baseline that centres a line of text on the bar
        rect = f'<rect class="tnc-bar" x="{num(x0)}" y="{num(y)}" width="{num(w)}" height="{num(bar_h)}"/>'
        texts = (
            f'<text class="tnc-txt" x="{num(label_w)}" y="{num(ty)}" text-anchor="end">{escape(_short(label, 30))}</text>'
            f'<text class="tnc-txt" x="{num(x0 + w + gap)}" y="{num(ty)}">{escape(fmt(count))}</text>'
        )
        body.append(_bar(rect, f"{label}: {fmt(count)}", href, texts))
    return _svg("hbar", items, title, desc, width, height, body)
