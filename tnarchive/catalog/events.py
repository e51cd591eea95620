"""Dated statements in the articles ("Năm 2005, … ký thỏa thuận …"), each cited to its paragraph.

Partner pages and the timeline show what the archive says about a partner by date, so an
event is one sentence of a lead, paragraph or caption that states a date, never a whole
article. Dates are read conservatively: a period ("giai đoạn 2021-2025", "nhiệm kỳ 2020 -
2025"), a target ("định hướng đến năm 2030"), a comparison ("so với cùng kỳ năm 2020") or
anything after the article's own year is not something that happened, so it is not an event.
The English sentence is shown only when the translated block splits into the same number of
sentences, so a citation never pairs a sentence with the wrong translation.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date

from ..extract.entities import Matcher, known_hits
from .model import Article, Catalog, Event

EVENT_KINDS = ("lead", "paragraph", "caption")
_RANK = {"day": 3, "month": 2, "year": 1}

# Words after which a full stop does not end a sentence (compared lower-case, without the stop).
_ABBREV = {
    "tp", "tx", "tt", "ts", "ths", "th.s", "pgs", "gs", "bs", "ks", "cn", "q", "p", "ng", "v.v",
    "mr", "mrs", "ms", "dr", "prof", "no", "nos", "st", "co", "ltd", "inc", "corp", "jr", "sr", "vs",
    "e.g", "i.e", "u.s", "u.k", "approx", "dept", "gov", "gen", "lt", "col", "rep", "sen", "fig",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
_STOP = re.compile(r"[.!?…]+[\"”’»)\]]*(?=\s|$)")  # "...", "…", "?!": a run of stops
_QUOTES = "\"“‘«(["
_SPACE = re.compile(r"\s*")
_OPENING = re.compile(f"[{re.escape(_QUOTES)}]*")
_WORD_START = "([\"“"

_Y = r"(?P<y>(?:19|20)\d{2})(?!\d)"
_FULL = re.compile(rf"(?<![\d/.\-])(?P<d>\d{{1,2}})(?P<s>[/.\-])(?P<m>\d{{1,2}})(?P=s){_Y}(?![/\-]\d)")
_FULL_WORDS = re.compile(rf"ngày\s+(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>\d{{1,2}})\s+năm\s+{_Y}", re.I)
_DAY_MONTH = re.compile(
    r"(?:ngày|sáng|chiều|tối|trưa|đêm|hôm)\s+(?P<d>\d{1,2})(?:\s*[/\-]\s*|\s+tháng\s+)(?P<m>\d{1,2})"
    r"(?!\d|\s*[/\-]\s*\d)", re.I)
_MONTH = re.compile(rf"tháng\s+(?P<m>\d{{1,2}})(?:\s*[/\-]\s*|\s+năm\s+){_Y}", re.I)
_QUARTER = re.compile(rf"quý\s+(?:IV|I{{1,3}}|[1-4])\s*[/\-]\s*{_Y}", re.I)
_YEAR = re.compile(rf"năm\s+{_Y}", re.I)
_RANGE_AFTER = re.compile(r"\s*[-–—]\s*(?:19|20)?\d{2}(?!\d)")
_DURATION_BEFORE = re.compile(r"\d\s+$")
# A year in a clause with one of these is a period, a plan or a comparison, not a dated statement.
_NOT_EVENT = re.compile(
    r"giai đoạn|nhiệm kỳ|chiến lược|tầm nhìn|định hướng|mục tiêu|phấn đấu|kế hoạch|dự kiến|cùng kỳ|so với", re.I)
_CLAUSE = re.compile(r"[,;:()]")


def split_sentences(text: str) -> list[str]:
    """Sentences of one block, Vietnamese or English: "TP. Phổ Yên", "10,5", "4.245", "No. 108" stay whole.

    A stop ends a sentence only when whitespace and a capital, digit or opening quote follow,
    and the word before a single full stop is not a known abbreviation or an initial.
    """
    sentences, start = [], 0
    for m in _STOP.finditer(text):
        # The first character after the stop, past whitespace and opening quotes (found in place:
        # slicing off the rest of the text at every stop made long paragraphs quadratic).
        after = _SPACE.match(text, m.end()).end()
        if after < len(text):
            j = _OPENING.match(text, after).end()
            first = text[j:j + 1]
            if not (first.isupper() or first.isdigit()):
                continue
        if m.group().rstrip("\"”’»)]") == ".":
            i = m.start()  # the word before the stop: back to whitespace, "(", "[" or a quote
            while i > start and not (text[i - 1].isspace() or text[i - 1] in _WORD_START):
                i -= 1
            word = text[i:m.start()]
            if word.lower() in _ABBREV or (len(word) == 1 and word.isupper()):
                continue
        sentence = text[start:m.end()].strip()
        if sentence:
            sentences.append(sentence)
        start = m.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def _day(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def find_date(sentence: str, article_day: str | None) -> tuple[str, str] | None:
    """(date, precision) the sentence states, or None: the most precise date, first in the text.

    *article_day* ("2023-08-10") gives the year of "Ngày 10/8" and bounds every date: a
    date after the article's own year is a plan, not an event.
    """
    text = unicodedata.normalize("NFC", sentence)
    limit = int(article_day[:4]) if article_day else None
    found: list[tuple[int, str, str]] = []  # (position, value, precision)
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, value: str | None, precision: str) -> None:
        if any(m.start() < e and s < m.end() for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        if value and (limit is None or int(value[:4]) <= limit):
            found.append((m.start(), value, precision))

    for rx in (_FULL_WORDS, _FULL):
        for m in rx.finditer(text):
            add(m, _day(int(m["y"]), int(m["m"]), int(m["d"])), "day")
    for m in _DAY_MONTH.finditer(text):
        add(m, _undated_day(int(m["m"]), int(m["d"]), article_day), "day")
    for m in _MONTH.finditer(text):
        add(m, f"{m['y']}-{int(m['m']):02d}" if 1 <= int(m["m"]) <= 12 else None, "month")
    for m in _QUARTER.finditer(text):
        add(m, m["y"], "year")
    for m in _YEAR.finditer(text):
        clause = _CLAUSE.split(text[: m.start()])[-1]
        ok = not (_RANGE_AFTER.match(text, m.end()) or _DURATION_BEFORE.search(text[: m.start()])
                  or _NOT_EVENT.search(clause))
        add(m, m["y"] if ok else None, "year")
    if not found:
        return None
    _, value, precision = min(found, key=lambda f: (-_RANK[f[2]], f[0]))
    return value, precision


def _undated_day(month: int, day: int, article_day: str | None) -> str | None:
    """ "Ngày 10/8" in an article of 2023-08-10 is 2023-08-10; "ngày 19/12" in a January article is last year."""
    if not article_day:
        return None
    year = int(article_day[:4])
    value = _day(year, month, day)
    if value and (date.fromisoformat(value) - date.fromisoformat(article_day)).days > 183:
        value = _day(year - 1, month, day)
    return value


def _records(sentence: str, matcher: Matcher) -> tuple[list[str], list[str]]:
    """Known partners and people named in the sentence, in text order, each once.

    known_hits() is the converter's reading of known names (with the embassy list rule: "Đại sứ
    quán Mỹ, Hàn Quốc" names both embassies) without its search for new names, which the
    article has had already.
    """
    partners: list[str] = []
    people: list[str] = []
    for hit in known_hits(sentence, matcher):
        bucket = partners if hit.kind == "partner" else people
        if hit.record not in bucket:
            bucket.append(hit.record)
    return partners, people


_DIGIT = re.compile(r"\d")  # every date pattern has a digit: a sentence without one states no date
# "2 tỉnh đã ký kết …", "hai bên …": the counterparts named in the sentence before.
_BOTH_SIDES = re.compile(r"\b(?:hai|2)\s+(?:bên|tỉnh|địa phương|nước|thành phố|phía)\b", re.IGNORECASE)


def extract_events(article: Article, matcher: Matcher) -> list[Event]:
    """The article's dated sentences, in text order.

    A sentence that names no partner but speaks of "2 tỉnh" / "hai bên" refers to the
    partners of the sentence before it in the same paragraph, and inherits them.
    """
    english = {}
    if article.translation:
        english = {b.anchor: split_sentences(b.text) for b in article.translation.blocks if b.anchor}
    events: list[Event] = []
    for block in article.blocks:
        if block.kind not in EVENT_KINDS or not block.anchor:
            continue
        sentences = split_sentences(block.text)
        en = english.get(block.anchor)
        records: dict[int, tuple[list[str], list[str]]] = {}

        def named_in(i: int) -> tuple[list[str], list[str]]:
            if i not in records:  # names are read only where a dated sentence needs them
                records[i] = _records(sentences[i], matcher)
            return records[i]

        for i, sentence in enumerate(sentences):
            when = find_date(sentence, article.day) if _DIGIT.search(sentence) else None
            if when is None:
                continue
            partners, people = named_in(i)
            if not partners and _BOTH_SIDES.search(sentence):
                # the partners of the nearest sentence before it that names any
                partners = next((list(p) for p in (named_in(j)[0] for j in range(i - 1, -1, -1)) if p), [])
            if not partners and not article.date:
                continue
            events.append(Event(
                date=when[0], precision=when[1], text=sentence,
                text_en=en[i] if en and len(en) == len(sentences) else None,
                article=article.slug, anchor=block.anchor, partners=partners, people=people,
            ))
    return events


def all_events(catalog: Catalog, matcher: Matcher, per_article: dict[str, list[Event]] | None = None) -> list[Event]:
    """Every article's events, newest first; ties by article slug, then paragraph order.

    *per_article* (slug → extract_events of that article), when given, saves extracting again."""
    indexed = []
    for article in catalog.articles:
        found = per_article[article.slug] if per_article is not None else extract_events(article, matcher)
        for i, ev in enumerate(found):
            indexed.append((ev, (ev.article, int(ev.anchor.lstrip("p") or 0), i)))
    indexed.sort(key=lambda pair: pair[1])
    indexed.sort(key=lambda pair: pair[0].date, reverse=True)  # stable: keeps slug/anchor order
    return [ev for ev, _ in indexed]
