"""Separate the article from the site around it.

A copied page is header chrome (breadcrumbs, skip links, the date line), the title,
the article, and footer chrome (related articles, most-read lists, counters). The
footer starts at the first end marker after the title; everything after it goes.
Chrome lines inside the article (font-size widgets, share prompts, doubled related
headlines) are dropped one by one. Every dropped line is kept in `removed`, so a
reviewer can see what went and nothing disappears unseen.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .extract.dates import parse_date_line
from .profiles import Profile
from .text import Folds, fold

_TERMINAL = tuple(".!?…:;”\")")


@dataclass
class Page:
    title: str | None
    date_line: str | None
    body: list[str]  # article lines, blank lines kept as ""
    removed: list[str] = field(default_factory=list)


def split_glued(lines: list[str], markers: tuple[str, ...], folded: Callable[[str], str] = fold) -> list[str]:
    """Break "…Văn phòng SởThống kê truy cập" into the text and the marker."""
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
                if i > 0 and (cut < 0 or i < cut):
                    cut = i
            if cut > 0:
                out.append(current[:cut].rstrip())
                pending.insert(0, current[cut:])
            else:
                out.append(current)
    return out


def is_chrome(line: str, profile: Profile, folded: Callable[[str], str] = fold) -> bool:
    f = folded(line).strip()
    if f in profile.drop_lines:
        return True
    if any(p.fullmatch(line) for p in profile.drop_patterns):
        return True
    half = len(line) // 2
    # A related headline printed twice on one line: "X X".
    return len(line) > 20 and line[:half].strip() == line[half:].strip() and line[half - 1 : half + 1].count(" ") >= 1


def is_header_chrome(line: str, profile: Profile, folded: Callable[[str], str] = fold) -> bool:
    f = folded(line).strip()
    return is_chrome(line, profile, folded) or f in profile.end_markers or any(f.startswith(p) for p in profile.drop_prefixes)


def match_date(line: str, profile: Profile) -> bool:
    """Is this header line the publication date (a profile pattern, or any full date dateparser reads)?"""
    return parse_date_line(line, profile) is not None


def _looks_like_title(line: str) -> bool:
    return len(line.split()) >= 3 and not line.startswith(("http://", "https://"))


def split_page(text: str, profile: Profile, title_hint: str | None = None) -> Page:
    folded = Folds().__getitem__  # each line is folded once, however many rules read it
    lines = split_glued(text.split("\n"), profile.glued_markers, folded)
    removed: list[str] = []
    title = date_line = None
    i = 0
    # Header: chrome and the date line until the title.
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line:
            continue
        if title_hint and folded(line) == fold(title_hint):
            title = line
            break
        if match_date(line, profile):
            date_line = date_line or line
            continue
        if is_header_chrome(line, profile, folded) or not _looks_like_title(line) or title_hint:
            removed.append(line)
            continue
        title = line
        break
    # Right after the title: more chrome and the date line, until the first text line.
    while i < len(lines):
        line = lines[i]
        if line and match_date(line, profile) and date_line is None:
            date_line = line
        elif line and (folded(line).strip() in profile.end_markers or not is_header_chrome(line, profile, folded)):
            break
        elif line:
            removed.append(line)
        i += 1
    body: list[str] = []
    for j in range(i, len(lines)):
        line = lines[j]
        if folded(line).strip() in profile.end_markers:
            removed.extend(x for x in lines[j:] if x)
            break
        if line and is_chrome(line, profile, folded):
            removed.append(line)
            continue
        body.append(line)
    while body and not body[-1]:
        body.pop()
    return Page(title=title, date_line=date_line, body=body, removed=removed)


def is_terminal(line: str) -> bool:
    return line.rstrip().endswith(_TERMINAL)
