"""Text helpers shared by every stage: NFC, diacritic folding, slugs.

Two folding rules, each with one name, used everywhere it applies:
- `fold`: what lets "hop tac" match "hợp tác" and "Gyeongbuk" match "GYEONGBUK" in the converter
  and the catalog (authority names, chrome markers, duplicates, slugs): decompose, drop combining
  marks, map đ/Đ to d, case-fold. `fold_slow` is the rule written out, `fold` the same faster,
  `fold_aligned` the same when it keeps every offset. On NFC Vietnamese text every letter folds to
  one letter, so folded text keeps the original's offsets (callers check the length, and fold word
  by word when it differs).
- `fold_search_token`: the search index's rule, which the browser applies to queries
  (tnarchive/site/static: `fold`, with String.normalize and \\p{M}): decompose, drop every
  character of Unicode category M, đ → d; no case-folding (tokens are lower-cased before).
"""
from __future__ import annotations

import re
import unicodedata

from slugify import slugify as _slugify

_WORD = re.compile(r"\w+", re.UNICODE)
# English month names: the site's dates in English and the translation checks' dates in English text.
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold_slow(text: str) -> str:
    """The folding rule itself, for any text: đ → d, decompose, drop combining marks, case-fold."""
    text = text.replace("đ", "d").replace("Đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).casefold()


class _FoldTable(dict):
    """Code point → its folded form, for str.translate; each character is worked out on first sight.

    Folding one character at a time gives the same text as fold_slow: NFD decomposes each
    character on its own and only reorders combining marks, which are all dropped, and
    case-folding has no context. translate() runs in C, several times faster than fold_slow.
    """

    def __missing__(self, code: int) -> str:
        value = self[code] = fold_slow(chr(code))
        return value


_FOLD = _FoldTable()

# Below this code point (Latin, Greek, Cyrillic, Vietnamese, punctuation), a plain dict holds every
# character's folded form: str.translate is a third faster with a plain dict than with _FoldTable.
_FAST_LIMIT = 0x2500
_BEYOND_FAST = re.compile(f"[^\\x00-\\u{_FAST_LIMIT - 1:04x}]")


def _fast_table() -> dict[int, str]:
    """fold_slow of each character below _FAST_LIMIT, in one pass over them all: joined by NUL (a
    character that folds to itself and never combines), each folds on its own."""
    chars = [chr(code) for code in range(1, _FAST_LIMIT)]
    folded = fold_slow("\x00".join(chars)).split("\x00")
    return {0: "\x00", **{ord(c): f for c, f in zip(chars, folded)}}


_FAST = _fast_table()


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form of *text* (đ → d), as fold_slow, only faster."""
    if text.isascii():
        return text.lower()
    return text.translate(_FAST if _BEYOND_FAST.search(text) is None else _FOLD)


class Folds(dict):
    """text → fold(text), each worked out once: one page's lines are folded by several rules.
    *limit*: emptied when it holds that many, for a table kept for the life of a process."""

    def __init__(self, limit: int | None = None):
        super().__init__()
        self.limit = limit

    def __missing__(self, text: str) -> str:
        if self.limit is not None and len(self) >= self.limit:
            self.clear()
        value = self[text] = fold(text)
        return value


def fold_aligned(text: str) -> str | None:
    """fold(text) when it keeps every character's offset (one character in, one out), else None.

    True of NFC Vietnamese; "ß" (→ "ss") or a lone combining mark (→ "") shift the offsets."""
    if all(len(_FOLD[ord(c)]) == 1 for c in set(text)):
        return fold(text)
    return None


class _SearchFoldTable(dict):
    """Token → fold_search_token(token), each worked out once: the archive's text has a few
    thousand distinct syllables, so folding by lookup is far cheaper than folding the text."""

    def __missing__(self, token: str) -> str:
        out = "".join(c for c in unicodedata.normalize("NFD", token) if not unicodedata.category(c).startswith("M"))
        self[token] = out = out.replace("đ", "d")
        return out


_SEARCH_FOLD = _SearchFoldTable()


def fold_search_token(token: str) -> str:
    """A lower-cased token without tone or other marks, đ → d: what the search script does to a
    query (String.normalize("NFD"), drop \\p{M}). Not `fold`: that rule case-folds ("ß" → "ss") and
    drops only combining marks; the index must match the browser's rule exactly."""
    return _SEARCH_FOLD[token]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def slugify(text: str, max_length: int = 60) -> str:
    """ASCII slug: Vietnamese letters folded (đ → d), words joined by '-', cut on a word boundary."""
    return _slugify(fold(text), max_length=max_length, word_boundary=True, save_order=True)

