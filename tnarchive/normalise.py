"""Normalise decoded text: one kind of line end, one kind of space, NFC.

Pages copied from browsers carry non-breaking spaces (a line holding only U+00A0 is
a blank line), zero-width spaces and soft hyphens; none of them is text a reader sees.
"""
from __future__ import annotations

import re
import unicodedata

_LINE_ENDS = re.compile(r"\r\n|\r|\u2028|\u2029|\x85|\x0b|\x0c")
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_RUNS = re.compile(r" {2,}")


def _drop_controls(text: str) -> str:
    # Fast path: after the space and line-end rules, a clean page is printable apart from its
    # line feeds (str.isprintable runs in C); only other pages are read character by character.
    if text.replace("\n", "").isprintable():
        return text
    return "".join(
        c for c in text if c == "\n" or unicodedata.category(c) not in ("Cc", "Cs", "Cf", "Co", "Cn")
    )


def normalise(text: str) -> str:
    """Return *text* with LF line ends, plain spaces, no invisible characters, NFC, trimmed lines."""
    text = _LINE_ENDS.sub("\n", text)
    text = _SPACES.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    text = _drop_controls(text)
    text = unicodedata.normalize("NFC", text)
    lines = [_RUNS.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n") + "\n"
