"""Source profiles (data/sources.yml) as plain objects: what chrome each kind of site carries."""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlparse

import regex

from .errors import ArchiveError, _
from .patterns import DataPattern, compile_data_regex
from .text import fold


@dataclass(frozen=True)
class Profile:
    """The generic rules merged with one site's additions. Marker sets hold folded text."""

    id: str | None
    name: str | None
    url: str | None
    drop_lines: frozenset[str]
    drop_prefixes: tuple[str, ...]
    drop_patterns: tuple[DataPattern, ...]  # each with its own time limit, so a slow one is named
    end_markers: frozenset[str]
    glued_markers: tuple[str, ...]
    date_patterns: tuple[DataPattern, ...]
    org_words: tuple[str, ...]
    credit_words: tuple[str, ...]
    related_after_lead: bool = False
    footer_markers: frozenset[str] = frozenset()
    confirmed_footers: frozenset[str] = frozenset()  # the site's own footer markers: prose after them is no surprise
    date_labels: tuple[str, ...] = ()
    banner_words: tuple[str, ...] = ()
    byline_words: tuple[str, ...] = ()  # folded: a line opening with one is a byline
    source_tags: tuple[DataPattern, ...] = ()
    closing_patterns: tuple[DataPattern, ...] = ()


@dataclass(frozen=True)
class ProfileSet:
    generic: dict
    sources: tuple[dict, ...] = field(default_factory=tuple)


class ProfileError(ArchiveError):
    pass


def _folded(items) -> list[str]:
    return [fold(i).strip() for i in _strings(items)]


def marker_key(folded_line: str) -> str:
    """An end marker as it is looked up: "CÁC TIN LIÊN QUAN:" and "Các tin liên quan" are one marker."""
    return folded_line.strip().rstrip(":：.").rstrip()


def _strings(items, where: str = "sources.yml") -> list[str]:
    """Every marker must be text: an unquoted "Nguồn:" would be read by YAML as a mapping."""
    out = []
    for item in items or []:
        if not isinstance(item, (str, int, float)):
            raise ProfileError(_("{where}: {item} is not text; put quotes around a marker that ends with ':'")
                               .format(where=where, item=repr(item)))
        out.append(str(item))
    return out


def _compile(patterns, where: str, flags: int = regex.IGNORECASE) -> tuple[DataPattern, ...]:
    """Compiled with a time limit on every match (tnarchive/patterns.py): a data/ pattern cannot hang a run."""
    return tuple(compile_data_regex(p, where, flags | regex.V0) for p in patterns or [])


def load_profiles(data: dict) -> ProfileSet:
    if not isinstance(data, dict) or "generic" not in data:
        raise ProfileError(_("sources.yml: needs a 'generic' section"))
    sources = tuple(data.get("sources") or [])
    for i, s in enumerate(sources):
        if not isinstance(s, dict) or not s.get("id"):
            raise ProfileError(_("sources.yml: source #{n} needs an 'id'").format(n=i + 1))
    profiles = ProfileSet(generic=data["generic"], sources=sources)
    build(profiles, None)  # validate every pattern now, not on the first page that needs it
    for s in sources:
        build(profiles, s)
    return profiles


def detect(profiles: ProfileSet, raw_text: str) -> dict | None:
    """The first source whose detect markers occur in the page, or None."""
    folded = fold(raw_text)
    for s in profiles.sources:
        if any(fold(m) in folded for m in s.get("detect") or []):
            return s
    return None


def by_host(profiles: ProfileSet, host: str | None) -> dict | None:
    if not host:
        return None
    host = host.lower().removeprefix("www.")
    for s in profiles.sources:
        url = s.get("url")
        if url and (urlparse(url).hostname or "").removeprefix("www.") == host:
            return s
    return None


def build(profiles: ProfileSet, source: dict | None) -> Profile:
    g = profiles.generic
    s = source or {}
    where = f"sources.yml ({s.get('id', 'generic')})"

    def both(key):
        return list(g.get(key) or []) + list(s.get(key) or [])

    return Profile(
        id=s.get("id"),
        name=s.get("name"),
        url=s.get("url"),
        drop_lines=frozenset(_folded(both("drop_lines"))),
        drop_prefixes=tuple(_folded(both("drop_prefixes"))),
        drop_patterns=_compile(both("drop_patterns"), where),
        end_markers=frozenset(marker_key(m) for m in _folded(both("end_markers") + both("footer_markers"))),
        footer_markers=frozenset(marker_key(m) for m in _folded(both("footer_markers"))),
        confirmed_footers=frozenset(marker_key(m) for m in _folded(s.get("footer_markers"))),
        glued_markers=tuple(str(m) for m in both("glued_markers")),
        date_patterns=_compile(both("date_patterns"), where),
        org_words=tuple(str(w) for w in both("org_words")),
        credit_words=tuple(str(w) for w in both("credit_words")),
        related_after_lead=bool(s.get("related_after_lead", False)),
        date_labels=tuple(sorted(_strings(both("date_labels"), where), key=len, reverse=True)),
        banner_words=tuple(w.casefold() for w in _strings(both("banner_words"), where)),
        byline_words=tuple(_folded(both("byline_words"))),
        source_tags=_compile(both("source_tags"), where, 0),  # case matters: a tag is upper case
        closing_patterns=_compile(both("closing_patterns"), where, 0),  # and a name capitalised
    )
