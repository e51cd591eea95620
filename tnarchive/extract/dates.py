"""Publication dates: read from the page header, or inferred from the text with the reasoning kept.

A date is written at the precision the page gives: "2025-02-10T12:08:00+07:00" when the
page prints a time (minute), "2023-08-10" when it prints only a day. When the page prints
no date, the lead's "Ngày 10/8" gives day and month; the year is taken only from evidence
in the text (a relationship begun in a known year that is "gần 18 năm" old), and the
reasoning is recorded. With no evidence the date stays empty: never invented.
"""
from __future__ import annotations

import re

from ..datelines import DateInfo, fmt as _fmt
from ..errors import N_, _, translated

# The reasoning recorded in the article's front matter (date_inferred) is this English text, so the
# article is the same whatever the locale; the review report shows it translated (DateInfo.reason).
FROM_EVENT = N_('the page prints no publication date; taken from the event date "{event}" in the lead')
FROM_DURATION = N_('the page prints only "{day}"; the year {year} follows from the text: a relationship begun in '
                   '{base} ("{base_quote}") is "{quote}" old ({base} + {n}), and no year after {year} is mentioned')

_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_FULL_DATE = re.compile(r"\b(?:ngày\s+)?(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<Y>(?:19|20)\d{2})\b", re.I)
_DAY_MONTH = re.compile(r"\b(?P<w>(?:Ngày|ngày|Sáng|sáng|Chiều|chiều|Tối|tối|Trưa|trưa)\s+(?P<d>\d{1,2})/(?P<m>\d{1,2}))(?![/\d])")
_DURATION = re.compile(r"(?P<q>(?:(?:gần|hơn|trên|khoảng|suốt|tròn)\s+)?(?P<n>\d{1,3})\s+năm\s+qua)", re.I)
_START_YEAR = re.compile(
    r"(?P<q>(?:[Tt]ừ\s+)?[Nn]ăm\s+(?P<y>(?:19|20)\d{2}))(?P<rest>[^.]*)", re.I
)
_START_CUES = ("lần đầu", "đến nay", "thiết lập", "bắt đầu", "khởi đầu")


def infer_from_text(paragraphs: list[str]) -> tuple[DateInfo | None, list[str]]:
    """The article's date from its own text, with the reasoning; or None and a warning."""
    lead = " ".join(paragraphs[:2])
    full = _FULL_DATE.search(lead)
    if full:
        info = _fmt(int(full["Y"]), int(full["m"]), int(full["d"]))
        if info:
            _reason(info, FROM_EVENT, event=full.group(0))
            return info, []
    dm = _DAY_MONTH.search(lead)
    if not dm:
        return None, [_("no publication date on the page and no dated event in the lead: date left empty for review")]
    text = " ".join(paragraphs)
    year, reason = _infer_year(text)
    if year is None:
        return None, [_('the page prints only "{day}" and the text gives no evidence for the year: date left empty for review')
                    .format(day=dm["w"])]
    info = _fmt(year, int(dm["m"]), int(dm["d"]))
    if info is None:
        return None, [_('"{day}" is not a valid date in {year}: date left empty for review').format(day=dm["w"], year=year)]
    _reason(info, FROM_DURATION, day=dm["w"], **reason)
    return info, []


def _reason(info: DateInfo, template: str, **args) -> None:
    info.inferred, info.reason = template.format(**args), (template, args)


def _recorded_pattern(template: str) -> re.Pattern:
    """A regular expression that reads a reasoning written with *template* back into its values."""
    seen: set[str] = set()

    def field(m: re.Match) -> str:
        name = m.group(1)
        if name in seen:
            return f"(?P={name})"
        seen.add(name)
        return f"(?P<{name}>.+?)"

    return re.compile(re.sub(r"\\\{(\w+)\\\}", field, re.escape(template)) + r"\Z", re.S)


_RECORDED = [(t, _recorded_pattern(t)) for t in (FROM_EVENT, FROM_DURATION)]


def reasoning_in(recorded: str, lang: str) -> str:
    """The inferred date's reasoning as recorded in the front matter (English), said in *lang*: the
    Vietnamese site shows it in Vietnamese. A reasoning written by hand stays as it is."""
    for template, pattern in _RECORDED:
        m = pattern.match(recorded)
        if m:
            return translated(template, lang).format(**m.groupdict())
    return recorded


def _infer_year(text: str) -> tuple[int | None, dict]:
    durations = [(int(m["n"]), m["q"]) for m in _DURATION.finditer(text)]
    starts = []
    for m in _START_YEAR.finditer(text):
        if any(cue in m["rest"].lower() or cue in m["q"].lower() for cue in _START_CUES) or m["q"].lower().startswith("từ"):
            starts.append((int(m["y"]), m["q"]))
    if not durations or not starts:
        return None, {}
    base, base_quote = min(starts)
    candidates = {base + n for n, _ in durations}
    if len(candidates) != 1:
        return None, {}
    year = candidates.pop()
    latest = max(int(y) for y in _YEAR.findall(text))
    if year < latest:
        return None, {}
    n, quote = durations[0]
    return year, {"year": year, "base": base, "base_quote": base_quote, "quote": quote, "n": n}
