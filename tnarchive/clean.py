"""Separate the article from the site around it.

A copied page is header chrome (banner, menus, breadcrumbs, the site's date, widgets), the
title, the article, and footer chrome (related articles, most-read lists, counters). The
header is read by `header.read_header`, with or without a site profile. In the text, an end
marker ("Tin liên quan", "BÀI VIẾT LIÊN QUAN:") starts a block of headline-like lines that
ends where prose resumes: a related box in the middle of an article never takes the rest
of the article with it. Only a footer marker (comments, visitor counters) ends the article
for good; prose removed after one is named in a warning. Chrome lines inside the article
(font-size widgets, share prompts, doubled related headlines) are dropped one by one. Every
dropped line is kept in `removed` with the rule that dropped it.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .datelines import parse_date_line
from .errors import _
from .header import DATE_RANKS, Header, is_chrome, is_marker, is_prose, read_header
from .profiles import Profile, marker_key
from .text import Folds, fold

_TERMINAL = tuple(".!?…:;”\")")


@dataclass
class Page:
    title: str | None
    date_line: str | None
    body: list[str]  # article lines, blank lines kept as ""
    removed: list[tuple[str, str]] = field(default_factory=list)  # (line, rule)
    header: Header = field(default_factory=Header)
    date_rank: int | None = None  # header.DATE_RANKS: where the chosen date line was
    warnings: list[str] = field(default_factory=list)
    prose_removed: list[tuple[str, str]] = field(default_factory=list)  # (line, where): text-like lines removed


def split_glued(lines: list[str], markers: tuple[str, ...], folded: Callable[[str], str] = fold,
                whole: frozenset[str] = frozenset()) -> list[str]:
    """Break "…Văn phòng SởThống kê truy cập" into the text and the marker. A cut never falls inside a
    longer marker: "Các tin liên quan" stays one line, though "Tin liên quan" is glued-prone (*whole*:
    every folded marker that must stay whole)."""
    out: list[str] = []
    folded_markers = [fold(m) for m in markers]
    for line in lines:
        pending = [line]
        while pending:
            current = pending.pop(0)
            f = folded(current)
            cut = -1
            for m in folded_markers:
                i = f.find(m)
                if i > 0:
                    i = _outside_longer_marker(f, i, len(m), whole)
                if i > 0 and (cut < 0 or i < cut):
                    cut = i
            if cut > 0:
                out.append(current[:cut].rstrip())
                pending.insert(0, current[cut:])
            else:
                out.append(current)
    return out


def _outside_longer_marker(f: str, i: int, n: int, whole: frozenset[str]) -> int:
    """Where to cut for a marker found at f[i:i+n]: before a longer marker that holds it, if one does."""
    for m in whole:
        if len(m) > n:
            j = f.rfind(m, 0, i + n)
            if j >= 0 and j <= i and i + n <= j + len(m):
                return j
    return i


def split_page(text: str, profile: Profile, title_hint: str | None = None) -> Page:
    folded = Folds().__getitem__  # each line is folded once, however many rules read it
    lines = split_glued(text.split("\n"), profile.glued_markers, folded, profile.end_markers)
    h = read_header(lines, profile, folded, title_hint)
    removed = list(h.removed)
    dates = list(h.dates)
    warnings = [_('prose-like line removed above the title ({rule}): "{line}"').format(rule=rule, line=line[:120])
                for line, rule in h.removed if is_prose(line, strict=True)]
    prose_removed = [(line, "above the title") for line, _rule in h.removed if is_prose(line, strict=True)]
    body: list[str] = list(h.kept_between)
    in_block = ended = confirmed = False
    card = False  # in a block: a headline printed on two lines in a row, a related-article card
    last = None  # the block's last line
    start = h.lead_index
    for j in range(start, len(lines)):
        line = h.lead if j == start and h.lead is not None else lines[j]
        if not line:
            if not in_block and not ended:
                body.append("")
            continue
        if ended:
            removed.append((line, "footer"))
            if is_prose(line, strict=True) and not is_chrome(line, profile, folded) and not confirmed:
                warnings.append(_('prose-like line removed as footer (after "{marker}"): "{line}"').format(
                    marker=ended, line=line[:120]))
                prose_removed.append((line, "footer"))
            continue
        if is_marker(line, profile, folded):
            if marker_key(folded(line)) in profile.footer_markers:
                ended, confirmed = line, marker_key(folded(line)) in profile.confirmed_footers
                removed.append((line, "footer marker"))
            else:
                in_block, card, last = True, False, None
                removed.append((line, "related block marker"))
            continue
        chrome = is_chrome(line, profile, folded)
        if in_block:
            if is_prose(line, strict=True) and not card and not chrome and _goes_on(lines, j + 1, profile, folded):
                in_block = False  # the block ends where prose resumes: the article goes on
            else:
                if is_prose(line, strict=True) and not card and not chrome:
                    warnings.append(_('prose-like line removed in a related block, no article text follows it: "{line}"')
                                    .format(line=line[:120]))
                    prose_removed.append((line, "related block"))
                # A card (headline, the same headline again, a summary) is all related article.
                removed.append((line, "chrome" if chrome else "related block (summary)" if card else "related block"))
                card = not card and line == last
                last = line
                continue
        if chrome:
            removed.append((line, "chrome"))
            continue
        if len(line) <= 60 and parse_date_line(line, profile, fallback=False):
            dates.append((DATE_RANKS["after lead"] if j <= start + 3 else DATE_RANKS["in text"], j, line))
            removed.append((line, "dateline"))
            continue
        body.append(line)
    while body and not body[-1]:
        body.pop()
    best = min(dates, default=None)
    return Page(title=h.title, date_line=best[2] if best else None, body=body, removed=removed, header=h,
                date_rank=best[0] if best else None, warnings=warnings, prose_removed=prose_removed)


def _goes_on(lines: list[str], k: int, profile: Profile, folded: Callable[[str], str]) -> bool:
    """Does the article go on after a sentence met in a related block? Yes when the next line (chrome
    aside) is more prose, a short line (a byline, a date), a marker, or the end of the page; no when it
    is another headline: the sentence was a teaser in a "most read" list."""
    for line in lines[k:]:
        if not line or is_chrome(line, profile, folded):
            continue
        return is_prose(line, strict=True) or len(line.split()) <= 6 or is_marker(line, profile, folded)
    return True


def is_terminal(line: str) -> bool:
    return line.rstrip().endswith(_TERMINAL)
