"""Recover the article's structure from its lines: paragraphs, headings, lists, captions.

Plain-text copies lose the markup but keep its traces, and these rules read them:
- a line that repeats the line above it (or the article title) right over a caption is
  the image's alt text: the caption is kept once;
- a caption ends with a photo credit "(Ảnh: …)" or starts with "Ảnh 1:";
- a line cut in two (no closing punctuation, the next starts in lower case) is joined;
- a short line standing alone with no closing punctuation, followed by text, is a heading;
- "- " or "• " starts a list item.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from .clean import is_terminal
from .profiles import Profile
from .text import Folds, fold

_BULLET = re.compile(r"^(?:[-•+*–▪●]\s+)(?P<t>.+)$")
_NUMBERED_CAPTION = re.compile(r"^(?:Ảnh|Hình|Photo)\s*\d+\s*[:.]", re.IGNORECASE)
_HEADLINE_MAX = 150


@dataclass
class Block:
    kind: str  # paragraph | heading | list_item | caption
    text: str
    credit: str | None = None


@dataclass
class Body:
    blocks: list[Block]
    removed: list[str] = field(default_factory=list)


@lru_cache(maxsize=64)
def credit_regexes(credit_words: tuple[str, ...]) -> tuple[re.Pattern, tuple[re.Pattern, ...]]:
    """(the credit words alone, which every credit regex needs, the credit regexes), built once per
    profile's credit words, not for every line read."""
    words = "|".join(re.escape(w) for w in credit_words) or "Ảnh"
    return re.compile(words, re.IGNORECASE), (
        # "… (Ảnh: Kim Oanh)" / "… (Ảnh TNGOV)"
        re.compile(rf"\s*[(\[]\s*(?:{words})\s*:?\s*(?P<c>[^()\[\]]+?)\s*[)\]]\s*\.?\s*$", re.IGNORECASE),
        # "… 9/2024. Ảnh: (vonhai.thainguyen.gov.vn)"
        re.compile(rf"\s*(?:{words})\s*:\s*[(\[]\s*(?P<c>[^()\[\]]+?)\s*[)\]]\s*\.?\s*$", re.IGNORECASE),
        # "…. Ảnh: Kim Oanh"
        re.compile(rf"(?<=[.!?])\s*(?:{words})\s*:\s*(?P<c>[^.()]{{2,60}}?)\s*$", re.IGNORECASE),
    )


def split_credit(text: str, profile: Profile) -> tuple[str, str | None]:
    words, regexes = credit_regexes(profile.credit_words)
    if not words.search(text):  # no credit word, no credit (one quick search, not three slow ones)
        return text, None
    for rx in regexes:
        m = rx.search(text)
        if m:
            return text[: m.start()].rstrip(), m.group("c").strip()
    return text, None


def _same(a: str, b: str, folded: Callable[[str], str] = fold) -> bool:
    return folded(a).strip(" .") == folded(b).strip(" .")


def _starts_with(long: str, short: str, folded: Callable[[str], str] = fold) -> bool:
    return folded(long).startswith(folded(short).rstrip(" ."))


def _groups(lines: list[str]) -> list[list[str]]:
    groups: list[list[str]] = [[]]
    for line in lines:
        if line:
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def _related_after_lead(groups: list[list[str]], removed: list[str]) -> None:
    """Drop bare headlines glued under the lead (an inline "related articles" box)."""
    if not groups or len(groups[0]) < 2:
        return
    keep = [groups[0][0]]
    for line in groups[0][1:]:
        if len(line) <= _HEADLINE_MAX and not is_terminal(line):
            removed.append(line)
        else:
            keep.append(line)
    groups[0] = keep


def _units(groups: list[list[str]], title: str | None, profile: Profile) -> list[tuple[str, bool]]:
    """Flatten groups to (text, is_caption) units, folding alt lines into their captions."""
    folded = Folds().__getitem__  # each line is compared with its neighbours: folded once
    units: list[tuple[str, bool]] = []
    for group in groups:
        i = 0
        while i < len(group):
            line = group[i]
            nxt = group[i + 1] if i + 1 < len(group) else None
            if nxt is not None:
                has_credit = split_credit(nxt, profile)[1] is not None
                if (_same(line, nxt, folded) and not _BULLET.match(line)) or (
                    has_credit and _starts_with(nxt, line, folded)
                ) or (title and _same(line, title, folded) and (has_credit or len(group) == 2)):
                    units.append((nxt, True))  # `line` was the image's alt text
                    i += 2
                    continue
            units.append((line, False))
            i += 1
    # An alt line standing alone above an identical caption, a blank line between.
    deduped: list[tuple[str, bool]] = []
    for text, cap in units:
        if deduped and _same(deduped[-1][0], text, folded) and not _BULLET.match(text):
            deduped[-1] = (text, True)
            continue
        deduped.append((text, cap))
    # A line broken in two: no closing punctuation, the next begins in lower case.
    joined: list[tuple[str, bool]] = []
    for text, cap in deduped:
        if joined and not is_terminal(joined[-1][0]) and text[:1].islower() and not _BULLET.match(text):
            prev, prev_cap = joined[-1]
            joined[-1] = (f"{prev} {text}", prev_cap or cap)
            continue
        joined.append((text, cap))
    return joined


def _is_heading(text: str, is_last: bool) -> bool:
    return (
        not is_last
        and len(text) <= 120
        and len(text.split()) <= 16
        and text[:1].isupper()
        and not is_terminal(text)
        and not _NUMBERED_CAPTION.match(text)
    )


def segment(lines: list[str], title: str | None, profile: Profile) -> tuple[list[tuple[str, bool]], list[str]]:
    """Article lines → ordered units (text, known caption); also the lines dropped as chrome."""
    removed: list[str] = []
    groups = _groups(lines)
    if profile.related_after_lead:
        _related_after_lead(groups, removed)
    return _units(groups, title, profile), removed


def classify(units: list[tuple[str, bool]], profile: Profile) -> list[Block]:
    blocks: list[Block] = []
    for n, (text, known_caption) in enumerate(units):
        bullet = _BULLET.match(text)
        if bullet:
            blocks.append(Block("list_item", bullet.group("t").strip()))
            continue
        body, credit = split_credit(text, profile)
        if credit is not None or known_caption or _NUMBERED_CAPTION.match(text):
            blocks.append(Block("caption", body if credit is not None else text, credit))
        elif n > 0 and _is_heading(text, n == len(units) - 1):
            blocks.append(Block("heading", text))
        else:
            blocks.append(Block("paragraph", text))
    return blocks
