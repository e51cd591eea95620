"""Fields a rule chose that still look wrong: a title that is the site's own name or banner, a
first paragraph that is a byline or a dateline.

The header reader already avoids these, but a title can come from a page's own markup (its
`<title>` is often the site's name), from a profile, or be the only headline-like line left;
a byline the reader did not recognise ("Phóng viên Hồng Nhung") stays as the first paragraph.
A person then has to look: these tests only say *that* a field is doubtful (the review
report's `title` and `lead` items), they change nothing.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlparse

from ..datelines import parse_date_line
from ..header import _DASH, _PROSE_END, looks_like_byline, take_source_tag
from ..profiles import Profile
from ..text import fold
from .byline import parse_authors

_STRONG_CRUMB = re.compile(r"\s(?:>|»|›)\s")
_NOT_LETTER = re.compile(r"[\W_]+")
_MASTHEAD_STARTS = ("cong thong tin", "trang thong tin", "trang tin dien tu")
_SHORT_MASTHEAD_STARTS = ("bao ", "dai ", "tap chi ", "kenh ")
_ZONE = re.compile(r"\b(?:GMT|UTC)\s*\+\s*0?7\b", re.I)


def _key(text: str) -> str:
    """Case, diacritics, spaces and punctuation folded away: "Báo Xây dựng" = "baoxaydung" = "BÁO XÂY DỰNG"."""
    return _NOT_LETTER.sub("", fold(text))


def site_names(names: Iterable[str | None], urls: Iterable[str | None]) -> set[str]:
    """The folded names a site goes by: its names as data/sources.yml and the page give them, and
    each address's host with and without its domain ending ("baoxaydung.com.vn", "baoxaydung")."""
    keys = {_key(n) for n in names if n}
    for url in urls:
        host = (urlparse(url if "://" in url else f"https://{url}").hostname or "") if url else ""
        host = host.removeprefix("www.")
        if host:
            keys |= {_key(host), _key(host.split(".")[0])}
    return {k for k in keys if k}


def title_doubt(title: str, names: set[str], profile: Profile) -> str | None:
    """"site name" when *title* is one of the site's *names* (site_names); "banner" when it reads as
    a masthead ("BÁO THÁI NGUYÊN", "Cổng thông tin điện tử tỉnh …", "Site.vn - slogan"), "Trang
    chủ" or a breadcrumb ("Trang chủ > Tin tức"); "byline" or "dateline" as lead_doubt says; None
    for a headline."""
    if _key(title) in names:
        return "site name"
    f = fold(title).strip()
    n = len(title.split())
    letters = [c for c in title if c.isalpha()]
    first = _DASH.split(f)[0]
    if (
        any(f.startswith(p) for p in profile.drop_prefixes)  # "Trang chủ", "Home"
        or (len(_STRONG_CRUMB.split(title)) >= 2 and not title.rstrip().endswith(_PROSE_END))
        or (letters and all(c.isupper() for c in letters) and n <= 12)
        or (n <= 12 and (f.startswith(_MASTHEAD_STARTS) or ".vn" in first or first.endswith((" dien tu", " online"))))
        or (n <= 5 and f.startswith(_SHORT_MASTHEAD_STARTS))
    ):
        return "banner"
    kind = lead_doubt(title, profile)  # "Phóng viên Hồng Nhung" taken for the headline
    return kind if kind in ("byline", "dateline") else None


def lead_doubt(lead: str, profile: Profile) -> str | None:
    """What the first paragraph is when it is not the lead: "dateline" ("Thứ Hai, 14/08/2023 10:35
    GMT+7"), "byline" ("Phóng viên Nguyễn Văn A", "Hồng Nhung - Sở Ngoại vụ"), "photo credit"
    ("(Ảnh: …)") or "source tag" ("TNO - " alone); None for a sentence of text."""
    text = lead.strip()
    n = len(text.split())
    if n <= 12 and (parse_date_line(text, profile) or (_ZONE.search(text) and any(c.isdigit() for c in text))):
        return "dateline"
    f = fold(text)
    bare = f.lstrip("(").lstrip()
    if any(bare.startswith(w) and not bare[len(w):len(w) + 1].isalnum() for w in map(fold, profile.credit_words)) \
            and (text.startswith("(") or n <= 12):
        return "photo credit"
    if n <= 12 and any(f.startswith(w) and not f[len(w):len(w) + 1].isalnum() for w in profile.byline_words):
        return "byline"
    rest, tag = take_source_tag(text, profile)
    if tag and len(rest.split()) <= 2:
        return "source tag"
    if n <= 10 and not text.endswith(_PROSE_END) and (looks_like_byline(text) or parse_authors(text, profile)):
        return "byline"
    return None
