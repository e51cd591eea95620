"""What an English block must keep of its Vietnamese block: every figure, every named partner and
person (by a glossary name), and no Vietnamese words outside names. Each finding is a sentence
naming what is wrong; `import` refuses on them (--force accepts them), `check` reports them.

Figures are compared as values, not strings: Vietnamese writes 1.500 and 12,5 where English writes
1,500 and 12.5; "1.500 tỷ đồng" may become "VND 1,500 billion" or "VND 1.5 trillion"; a date
"10/8/2023" may become "10 August 2023"; small numbers may be spelt out ("4" → "four"). A
document symbol (1114/QĐ-UBND, 12/2023/NĐ-CP) must appear as it is (or without diacritics).
"""
from __future__ import annotations

import functools
import re
import unicodedata

from ..errors import _
from ..text import MONTHS_EN
from ..text import fold
from .glossary import Term, kept_in

SYMBOL = re.compile(r"\b\d+(?:/\d+)*/[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_VI_SCALE = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
_EN_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SCALE_AFTER = re.compile(r"\s*([^\W\d_]+)")
_EN_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_EN_WORDS.update({w: i for i, w in enumerate(
    "_ first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()) if i})
_EN_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12, "once": 1, "twice": 2})
_EN_WORDS.update({m.lower(): i for i, m in enumerate(MONTHS_EN, 1)})
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _vi_letters() -> frozenset[str]:
    """Letters only Vietnamese writes: đ, ă, ơ, ư and every vowel with a tone mark or a hat."""
    out = {"đ", "ă", "ơ", "ư"}
    for base in "aăâeêioôơuưy":
        for mark in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"):
            out.add(unicodedata.normalize("NFC", base + mark))
    out -= set("aeiouy")
    return frozenset(out | {c.upper() for c in out})


VI_LETTERS = _vi_letters()
# English words that legitimately carry one of those letters.
_LOANWORDS = frozenset({"café", "cafés", "résumé", "née", "protégé", "détente", "entrée", "élite", "débris", "décor"})


def _value(token: str, lang: str) -> float:
    """A number as written in *lang*: vi 1.500,5 / en 1,500.5 (a group of three digits after the
    other separator is a thousands group)."""
    thousands, decimal = (".", ",") if lang == "vi" else (",", ".")
    parts = token.split(decimal)
    whole = parts[0]
    if all(len(g) == 3 for g in whole.split(thousands)[1:]):
        whole = whole.replace(thousands, "")
    elif thousands in whole:  # "1.5" in Vietnamese text, "1,5" in English: the other convention
        whole, parts = whole.replace(thousands, "."), [whole.replace(thousands, ".")]
    try:
        return float(whole if len(parts) == 1 else f"{whole}.{parts[1]}")
    except ValueError:
        return float("nan")


def figures(text: str, lang: str) -> list[tuple[str, set[float]]]:
    """Each number in *text* (outside document symbols): as written, and the values it may stand for."""
    scales = _VI_SCALE if lang == "vi" else _EN_SCALE
    out = []
    bare = SYMBOL.sub(" ", text)
    for m in _NUMBER.finditer(bare):
        v = _value(m.group(), lang)
        values = {v}
        after = _SCALE_AFTER.match(bare, m.end())
        if after and after.group(1).lower() in scales:
            values.add(v * scales[after.group(1).lower()])
        out.append((m.group(), values))
    return out


def _english_values(text: str) -> set[float]:
    values = {v for _, vs in figures(text, "en") for v in vs}
    values |= {float(_EN_WORDS[w.lower()]) for w in _WORD.findall(text) if w.lower() in _EN_WORDS}
    return {round(v, 6) for v in values}


def missing_figures(vi: str, en: str) -> list[str]:
    have = _english_values(en)
    out = [f for f, values in figures(vi, "vi") if not {round(v, 6) for v in values} & have]
    folded = fold(en)
    out += [s for s in SYMBOL.findall(vi) if s not in en and fold(s) not in folded]
    return list(dict.fromkeys(out))


@functools.lru_cache(maxsize=4)
def _lettered(names: tuple[str, ...]) -> tuple[str, ...]:
    """The names written with Vietnamese letters, longest first (so a longer name goes as a whole)."""
    return tuple(sorted((n for n in names if n and not VI_LETTERS.isdisjoint(n)), key=len, reverse=True))


def vietnamese_words(en: str, names: tuple[str, ...]) -> list[str]:
    """Words of *en* written with Vietnamese letters, once *names* (people's names, glossary
    names and document symbols, which keep their letters) are taken out."""
    rest = SYMBOL.sub(" ", en)
    if VI_LETTERS.isdisjoint(rest):
        return []
    for name in _lettered(names):
        if name in rest:
            rest = rest.replace(name, " ")
    return list(dict.fromkeys(w for w in _WORD.findall(rest)
                              if w.lower() not in _LOANWORDS and any(c in VI_LETTERS for c in w)))


def unit_warnings(vi: str, en: str, named: list[Term], names: tuple[str, ...]) -> list[str]:
    """The findings for one unit: figures, glossary names, Vietnamese words."""
    out = []
    lost = missing_figures(vi, en)
    if lost:
        out.append(_("figure(s) missing in English: {figures}").format(figures=", ".join(lost)))
    for term in named:
        if not kept_in(term, en):
            out.append(_("names {name} ({id}) but the English has none of its glossary names ({names})").format(
                name=term.vi, id=term.id, names=", ".join([term.en, *term.aliases[:3]])))
    left = vietnamese_words(en, names)
    if left:
        out.append(_("Vietnamese word(s) left in the English: {words}").format(words=", ".join(left[:6])))
    return out
