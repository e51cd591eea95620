"""One line of a page read as a publication date: the shapes Vietnamese sites print.

Lower than both the cleaner (which must know a date line when it meets one in the header)
and the extractor (which turns it into front matter), so neither imports the other.

A line is read after taking off what sites print around the date: a label ("Cập nhật:",
"Ngày đăng:"), a weekday ("Thứ Hai,"), a time zone ("(GMT+7)"), and a source name glued
before it with no space ("Báo Thái NguyênBáo Thái Nguyên23/07/2024"), which is returned
so the caller can use it as the source. The profile's patterns read what is left; dateparser
reads the rest, only when a year is printed (it fills a missing year with this year's).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from .profiles import Profile

_TIME = re.compile(r"\b\d{1,2}[:h]\d{2}\b")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_WEEKDAY = re.compile(r"^(?:Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|[2-7])|Chủ\s+[Nn]hật|CN|T[2-7])\s*[,\-–|]?\s*", re.I)
_ZONE = re.compile(r"\s*\(?\s*(?:GMT|UTC)\s*[+]\s*0?7(?::?00)?\s*\)?\s*$", re.I)
# "Báo Thái NguyênBáo Thái Nguyên23/07/2024": letters glued to the first digit of the date.
_GLUED_SOURCE = re.compile(r"^(?P<src>[^\d\s](?:[^\d]{1,78}[^\d\s])?)(?P<rest>\d{1,2}[/.-]\d{1,2}[/.-]\d{4}.*)$")
_DP_SETTINGS = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY"}


@dataclass
class DateInfo:
    value: str | None
    precision: str | None
    inferred: str | None = None
    reason: tuple[str, dict] | None = None  # (English template, its arguments): `inferred` in the run's language


def fmt(y: int, m: int, d: int, hh: int | None = None, mm: int | None = None) -> DateInfo | None:
    try:
        datetime(y, m, d, hh or 0, mm or 0)
    except ValueError:
        return None
    if hh is None:
        return DateInfo(f"{y:04d}-{m:02d}-{d:02d}", "day")
    return DateInfo(f"{y:04d}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}:00+07:00", "minute")


def glued_source(line: str) -> str | None:
    """The source name glued before a date ("Báo XBáo X23/07/2024" → "Báo X"), or None."""
    m = _GLUED_SOURCE.match(line.strip())
    if not m or not m["src"][-1:].isalpha():
        return None
    src = m["src"].strip()
    half = len(src) // 2
    return src[:half] if len(src) % 2 == 0 and src[:half] == src[half:] else src


def _bare(line: str, profile: Profile) -> str:
    """The date itself: label, weekday, time zone and a glued source name taken off."""
    text = line.strip()
    for label in profile.date_labels:
        if text.casefold().startswith(label.casefold()):
            text = text[len(label):].lstrip(" :")
            break
    if glued_source(text):
        text = _GLUED_SOURCE.match(text)["rest"]
    text = _WEEKDAY.sub("", text)
    text = re.sub(r"^ngày\s+", "", text, flags=re.I)
    return _ZONE.sub("", text).strip()


_NUMERIC_DATE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{1,2}-\d{1,2}")


def parse_date_line(line: str, profile: Profile, fallback: bool = True) -> DateInfo | None:
    """Parse a date line with the profile's patterns, then (*fallback*) dateparser (year required)."""
    if not _YEAR.search(line) or (not fallback and not _NUMERIC_DATE.search(line)):
        return None  # no year, no date: a cheap test for the many lines that are not dates
    for text in dict.fromkeys((line.strip(), _bare(line, profile))):
        for rx in profile.date_patterns:
            m = rx.fullmatch(text)
            if m:
                g = m.groupdict()
                hh = int(g["H"]) if g.get("H") else None
                mm = int(g["M"]) if g.get("M") else None
                return fmt(int(g["Y"]), int(g["m"]), int(g["d"]), hh, mm)
    text = _bare(line, profile)
    if not fallback or len(text) > 60 or not _YEAR.search(text):
        return None  # dateparser fills a missing year with this year: only call it with one present
    import dateparser  # only for a line the profile's patterns do not read: 0.05 s of start-up otherwise

    parsed = dateparser.parse(text, languages=["vi", "en"], settings=_DP_SETTINGS)
    if parsed is None:
        return None
    if _TIME.search(text):
        return fmt(parsed.year, parsed.month, parsed.day, parsed.hour, parsed.minute)
    return fmt(parsed.year, parsed.month, parsed.day)


def is_today_line(line: str) -> bool:
    """ "Thứ Hai, ngày 10/06/2024": the weekday-and-date a site prints in its header for today,
    with no time. It loses to any other date line of the page."""
    text = line.strip()
    return bool(_WEEKDAY.match(text)) and not _TIME.search(text)
