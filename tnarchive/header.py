"""The top of a page read with no site profile: banner, menus, title, dateline, byline, source tag.

A copied page starts with the site around the article: its banner ("Site.vn - slogan"), the
"today" date, menus, a weather or exchange-rate widget, breadcrumbs. Then come the headline,
the dateline and byline in some order, and the lead. The lead is the anchor: the first line
that reads as prose (a sentence of several words). The title is the headline-like line
nearest above it; lines between them are the dateline, a byline, a source tag or chrome.
The article's own dateline (next to the title or just after the lead) beats a date printed
among the menus, which is usually the site's "today".
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .datelines import glued_source, is_today_line, parse_date_line
from .profiles import Profile, marker_key
from .text import fold, words

_PROSE_END = (".", "…", ".”", '."', ".)", "!", "!”")
_CRUMB = re.compile(r"\s(?:/|>|»|›|\|)\s")
_DASH = re.compile(r"\s[-–|]\s")
_NAME_PART = re.compile(r"^[A-ZĐÀ-Ỹ][\w'’.]*$")
_BYLINE_SPLIT = re.compile(r"\s+[-–—]\s+|\s*,\s*|\s+và\s+")

# Where a date line was found, best first: the article's own dateline beats the site's "today".
DATE_RANKS = {"under title": 0, "right above title": 1, "after lead": 1, "in text": 2, "above title": 3,
              "site header": 4}


def is_prose(line: str, strict: bool = False) -> bool:
    """A sentence of article text: several words and a closing full stop. Not *strict*: a long run
    of words too (a lead copied without its last characters)."""
    n = len(line.split())
    return (n >= 8 and line.rstrip().endswith(_PROSE_END)) or (not strict and n >= 25)


def is_banner(line: str, profile: Profile) -> bool:
    """The site's own name and slogan: "Báo X điện tử - Tin tức ...", "VOV.VN - Đài Tiếng nói Việt Nam",
    "CỔNG THÔNG TIN ĐIỆN TỬ TỈNH X", "Trang thông tin điện tử huyện Y", "Tuổi Trẻ Online"."""
    letters = [c for c in line if c.isalpha()]
    if len(line.split()) >= 2 and letters and all(c.isupper() for c in letters):
        return True
    low = line.casefold()

    def has_word(text: str) -> bool:
        return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text) for w in profile.banner_words)

    parts = _DASH.split(low)
    if len(parts) >= 2:
        first = parts[0]
        return has_word(parts[-1]) or ".vn" in first or first.startswith("báo ") or first.endswith((" điện tử", " online"))
    return len(low.split()) <= 10 and (low.startswith(("cổng thông tin", "trang thông tin")) or low.endswith((" online", " điện tử")))


def banner_name(line: str) -> str:
    """ "Báo Thái Nguyên điện tử - Tin tức ..." → "Báo Thái Nguyên"; "Tuổi Trẻ Online" → "Tuổi Trẻ"."""
    parts = _DASH.split(line)
    name = " - ".join(parts[:-1]) if len(parts) >= 2 else line
    for tail in (" điện tử", " online", " Online", " ONLINE"):
        if name.endswith(tail) and len(name) > len(tail) + 2:
            name = name[: -len(tail)]
    return name.strip()


def is_breadcrumb(line: str, profile: Profile, folded: Callable[[str], str] = fold) -> bool:
    f = folded(line).strip()
    if any(f.startswith(p) for p in profile.drop_prefixes):
        return True
    parts = _CRUMB.split(line)
    return len(parts) >= 2 and all(len(p.split()) <= 6 for p in parts) and not line.rstrip().endswith(_PROSE_END)


def looks_like_byline(line: str) -> bool:
    """ "Hồng Nhung", "THU HÀ", "Thanh Tùng - Mai Phương": two to four capitalised words a name."""
    if len(line) > 60 or any(c.isdigit() for c in line) or line.rstrip().endswith(_PROSE_END + (":", ";", "?")):
        return False
    for part in _BYLINE_SPLIT.split(line.strip()):
        ws = part.split()
        if not 2 <= len(ws) <= 4 or not all(_NAME_PART.match(w) for w in ws):
            return False
    return True


def is_chrome(line: str, profile: Profile, folded: Callable[[str], str] = fold) -> bool:
    f = folded(line).strip()
    if f in profile.drop_lines:
        return True
    if any(rx.fullmatch(line) for rx in profile.drop_patterns):
        return True
    half = len(line) // 2
    # A related headline printed twice on one line: "X X".
    return len(line) > 20 and line[:half].strip() == line[half:].strip() and line[half - 1 : half + 1].count(" ") >= 1


def is_marker(line: str, profile: Profile, folded: Callable[[str], str] = fold) -> bool:
    return marker_key(folded(line)) in profile.end_markers


def take_source_tag(line: str, profile: Profile) -> tuple[str, str | None]:
    """ "(Vietnam+) - Chiều 28/9, …" → ("Chiều 28/9, …", "Vietnam+"); a line with no tag is returned as it is."""
    for rx in profile.source_tags:
        m = rx.match(line)
        if m and not any(c.isdigit() for c in m["src"][:3]) and ":" not in m["src"]:
            return line[m.end():].lstrip(), m["src"].strip()
    return line, None


def _title_like(line: str, profile: Profile, folded: Callable[[str], str]) -> bool:
    n = len(words(line))
    return (
        4 <= n <= 40
        and not line.rstrip().endswith((".", ":", ";"))
        and not line.startswith(("http://", "https://"))
        and not is_banner(line, profile)
        and not is_breadcrumb(line, profile, folded)
        and not is_chrome(line, profile, folded)
        and not is_marker(line, profile, folded)
        and parse_date_line(line, profile) is None
    )


@dataclass
class Header:
    title: str | None = None
    title_index: int = -1
    lead_index: int = 0  # where the article text starts
    lead: str | None = None  # the lead line with its source tag taken off, when it had one
    title_found_by: str = "inferred"  # "structured data" | "header line" | "inferred"
    dates: list[tuple[int, int, str]] = field(default_factory=list)  # (rank, position, line)
    byline: str | None = None
    banner: str | None = None
    glued_source: str | None = None
    source_tag: str | None = None
    removed: list[tuple[str, str]] = field(default_factory=list)  # (line, rule)
    kept_between: list[str] = field(default_factory=list)  # unrecognised lines between title and lead


def _lead_index(lines: list[str], start: int, profile: Profile, folded) -> int | None:
    for i in range(start, len(lines)):
        line = lines[i]
        if line and not is_chrome(line, profile, folded) and is_prose(take_source_tag(line, profile)[0]):
            return i
    return None


def read_header(lines: list[str], profile: Profile, folded: Callable[[str], str] = fold,
                title_hint: str | None = None) -> Header:
    h = Header()
    hint_at = None
    if title_hint:
        key = fold(title_hint).strip()
        hint_at = next((i for i, line in enumerate(lines) if line and folded(line).strip() == key), None)
    lead = _lead_index(lines, (hint_at + 1) if hint_at is not None else 0, profile, folded)
    if hint_at is not None:
        h.title, h.title_index, h.title_found_by = lines[hint_at], hint_at, "structured data"
    elif title_hint:
        h.title, h.title_found_by = title_hint, "structured data"
    else:
        end = lead if lead is not None else len(lines)
        for i in range(end - 1, -1, -1):
            if lines[i] and _title_like(lines[i], profile, folded):
                h.title, h.title_index = lines[i], i
                break
        if h.title is None:  # no headline above the first sentence: the first headline-like line at all
            for i, line in enumerate(lines):
                if line and _title_like(line, profile, folded):
                    h.title, h.title_index = line, i
                    lead = _lead_index(lines, i + 1, profile, folded)
                    break
        if h.title is not None:
            above = [x for x in lines[max(0, h.title_index - 3) : h.title_index] if x][-2:]
            near = lines[h.title_index + 1 : (lead if lead is not None else h.title_index + 4)] + above
            h.title_found_by = "header line" if h.title_index == 0 or any(
                x and (parse_date_line(x, profile) or looks_like_byline(x)) for x in near
            ) else "inferred"
    lead = lead if lead is not None else h.title_index + 1
    h.lead_index = lead
    for i in range(0, max(h.title_index, 0)):
        _header_line(lines[i], i, "above title", profile, folded, h, lines)
    for i in range(h.title_index + 1, lead):
        line = lines[i]
        if not line:
            continue
        rest, tag = take_source_tag(line, profile)
        if tag and not rest:
            h.source_tag = h.source_tag or tag
            h.removed.append((line, "source tag"))
        elif parse_date_line(line, profile):
            h.dates.append((DATE_RANKS["under title"], i, line))
            h.glued_source = h.glued_source or glued_source(line)
            h.removed.append((line, "dateline"))
        elif h.byline is None and looks_like_byline(line):
            h.byline = line
            h.removed.append((line, "byline under the title"))
        elif is_chrome(line, profile, folded) or is_breadcrumb(line, profile, folded) or is_banner(line, profile):
            h.removed.append((line, "chrome"))
        else:
            h.kept_between.append(line)
    if lead < len(lines):
        h.lead, tag = take_source_tag(lines[lead], profile)
        if tag:
            h.source_tag = h.source_tag or tag
            h.removed.append((lines[lead][: len(lines[lead]) - len(h.lead)].strip(), "source tag"))
    return h


def _header_line(line: str, i: int, where: str, profile: Profile, folded, h: Header, lines: list[str]) -> None:
    """A line above the title: chrome of some kind; a date there is at best the site's 'today'."""
    if not line:
        return
    if parse_date_line(line, profile):
        src = glued_source(line)
        if src:
            h.glued_source = h.glued_source or src
        adjacent = not any(lines[i + 1 : h.title_index])
        rank = DATE_RANKS["site header"] if is_today_line(line) else DATE_RANKS["right above title" if adjacent else where]
        h.dates.append((rank, i, line))
        h.removed.append((line, "date line above the title"))
    elif h.banner is None and h.title_index > i and is_banner(line, profile):
        h.banner = banner_name(line)
        h.removed.append((line, "site banner"))
    elif is_breadcrumb(line, profile, folded):
        h.removed.append((line, "breadcrumb"))
    elif is_chrome(line, profile, folded):
        h.removed.append((line, "chrome"))
    else:
        h.removed.append((line, "page header (menu, widget)"))
