"""Author and source lines at the foot of an article, moved out of the body into metadata.

"Kim Ngân (Sở Ngoại vụ tỉnh Thái Nguyên)" is an author with an affiliation,
"Thu Hiền – Văn phòng Sở" too (the affiliation after a dash starts with an
organisation word from sources.yml), while "Việt Hoan - Kim Oanh" is two authors.
"Nguồn Xây Dựng: https://…" and a bare "thainguyen.gov.vn" name the source.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

from ..errors import N_, _
from ..profiles import Profile
from ..structure import split_credit

NO_AUTHOR_LINE = N_("no author line found at the end of the article")  # dropped when the page's data names one

_URL = re.compile(r"^(?:https?://\S+|(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|gov|edu|info|int)(?:/\S*)?)$", re.I)
_SOURCE = re.compile(r"^(?:Nguồn|Source)\s*(?P<name>[^:]*?)\s*:\s*(?P<rest>.*)$", re.I)
_THEO = re.compile(r"^Theo\s+(?P<name>[^.]{2,80})$")
_SEPARATORS = re.compile(r"\s+[-–—]\s+|\s*,\s*|\s+và\s+")
_PAREN = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<aff>[^()]+)\)$")
_NAME_WORD = re.compile(r"^(?:[A-ZĐÀ-Ỹ][\w'’.-]*|[A-ZĐ]{1,4}\.?)$")


@dataclass
class Byline:
    authors: list[dict] = field(default_factory=list)
    source: dict = field(default_factory=lambda: {"name": None, "url": None})
    photo_credit: str | None = None
    date_text: str | None = None  # a date printed in the closing line: "(NTH, VP UBND huyện, 12/3/2024)"


def _is_name(text: str) -> bool:
    ws = text.split()
    return 1 <= len(ws) <= 5 and len(text) <= 40 and all(_NAME_WORD.match(w) for w in ws) and not any(
        c.isdigit() for c in text
    )


def _is_org(text: str, profile: Profile) -> bool:
    return any(text == w or text.startswith(w + " ") for w in profile.org_words)


def _closing(line: str, profile: Profile) -> list[dict] | None:
    """A closing line of a shape in sources.yml's closing_patterns: "(NTH, VP UBND huyện, 12/3/2024)",
    "Minh Hà/VOV-Đông Bắc", "Nhóm PV Thời sự"."""
    for rx in profile.closing_patterns:
        m = rx.fullmatch(line.strip())
        if m:
            aff = m.groupdict().get("aff")
            return [{"name": m["name"].strip(), "affiliation": aff.strip() if aff else None}]
    return None


def closing_date(line: str, profile: Profile) -> str | None:
    for rx in profile.closing_patterns:
        m = rx.fullmatch(line.strip())
        if m and m.groupdict().get("date"):
            return m["date"]
    return None


def _name_case(name: str) -> str:
    """ "PHẠM ĐỨC" → "Phạm Đức": a name printed in capitals is written as a name. Initials stay."""
    ws = name.split()
    return name.title() if len(ws) >= 2 and name.isupper() else name


def parse_authors(line: str, profile: Profile) -> list[dict] | None:
    """Authors in a byline, or None when the line is not a byline."""
    closing = _closing(line, profile)
    if closing:
        return closing
    if len(line) > 120 or line.endswith((".", "!", "?", ":", ";")):
        return None
    authors: list[dict] = []
    for part in _SEPARATORS.split(line.strip()):
        part = part.strip()
        if not part:
            return None
        m = _PAREN.match(part)
        if m and _is_name(m.group("name")):
            authors.append({"name": m.group("name").strip(), "affiliation": m.group("aff").strip()})
        elif authors and _is_org(part, profile) and authors[-1]["affiliation"] is None:
            authors[-1]["affiliation"] = part
        elif _is_name(part) and not _is_org(part, profile):
            authors.append({"name": _name_case(part), "affiliation": None})
        else:
            return None
    return authors or None


def _source(line: str) -> dict | None:
    m = _SOURCE.match(line)
    if m:
        name, rest = m.group("name").strip(), m.group("rest").strip()
        if _URL.match(rest):
            url = rest if "://" in rest else f"https://{rest}"
            return {"name": name or urlparse(url).hostname, "url": url}
        return {"name": rest or name or None, "url": None}
    if _URL.match(line):
        if "://" in line:
            return {"name": urlparse(line).hostname, "url": line}
        return {"name": line.rstrip("/"), "url": f"https://{line.rstrip('/')}"}
    m = _THEO.match(line)
    if m:
        return {"name": m.group("name").strip(), "url": None}
    return None


def take_byline(units: list[tuple[str, bool]], profile: Profile) -> tuple[list[tuple[str, bool]], Byline, list[str]]:
    """Remove the trailing author/source lines from *units* and return them as metadata."""
    units = list(units)
    byline = Byline()
    warnings: list[str] = []
    found_source = found_authors = False
    for _attempt in range(3):
        if not units:
            break
        text = units[-1][0]
        src = None if found_source else _source(text)
        if src:
            byline.source = src
            found_source = True
            units.pop()
            continue
        if found_authors:
            break
        body, credit = split_credit(text, profile)
        authors = parse_authors(body, profile)
        if authors:
            byline.authors = authors
            byline.photo_credit = credit
            byline.date_text = closing_date(body, profile)
            found_authors = True
            units.pop()
            continue
        break
    if not byline.authors:
        warnings.append(_(NO_AUTHOR_LINE))
    return units, byline, warnings
