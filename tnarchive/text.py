"""Text helpers shared by every stage: NFC, diacritic folding, slugs.

Folding is the one rule that lets "hop tac" find "hợp tác" and "Gyeongbuk" match
"GYEONGBUK": decompose, drop combining marks, map đ/Đ to d, case-fold. On NFC Vietnamese
text every letter folds to one letter, so folded text keeps the original's offsets (callers
check the length, and fold word by word when it differs).
"""
from __future__ import annotations

import re
import unicodedata

from slugify import slugify as _slugify

_WORD = re.compile(r"\w+", re.UNICODE)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _combining_class() -> re.Pattern:
    """One regex class of every combining mark (what unicodedata.combining flags), for a fast fold()."""
    marks = [i for i in range(0x20000) if unicodedata.combining(chr(i))]
    ranges, start = [], marks[0]
    for a, b in zip(marks, marks[1:] + [-1]):
        if b != a + 1:
            ranges.append(re.escape(chr(start)) + ("-" + re.escape(chr(a)) if a > start else ""))
            start = b
    return re.compile("[" + "".join(ranges) + "]")


_COMBINING = _combining_class()


def fold_slow(text: str) -> str:
    """The folding rule itself, for any text: đ → d, decompose, drop combining marks, case-fold."""
    text = text.replace("đ", "d").replace("Đ", "d")
    return _COMBINING.sub("", unicodedata.normalize("NFD", text)).casefold()


class _FoldTable(dict):
    """Code point → its folded form, for str.translate; each character is worked out on first sight.

    Folding one character at a time gives the same text as fold_slow: NFD decomposes each
    character on its own and only reorders combining marks, which are all dropped, and
    case-folding has no context. translate() runs in C, several times faster than NFD + regex.
    """

    def __missing__(self, code: int) -> str:
        value = self[code] = fold_slow(chr(code))
        return value


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form of *text* (đ → d), as fold_slow, only faster."""
    return text.lower() if text.isascii() else text.translate(_FOLD)


def fold_aligned(text: str) -> str | None:
    """fold(text) when it keeps every character's offset (one character in, one out), else None.

    True of NFC Vietnamese; "ß" (→ "ss") or a lone combining mark (→ "") shift the offsets."""
    if all(len(_FOLD[ord(c)]) == 1 for c in set(text)):
        return fold(text)
    return None


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def slugify(text: str, max_length: int = 60) -> str:
    """ASCII slug: Vietnamese letters folded (đ → d), words joined by '-', cut on a word boundary."""
    return _slugify(fold(text), max_length=max_length, word_boundary=True, save_order=True)

