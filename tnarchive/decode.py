"""Bytes → str, whatever the page arrived as.

Order matters: a byte-order mark is authoritative; then strict UTF-8 (most pages);
then UTF-16 without BOM (recognised by its NUL pattern); then legacy single-byte
Vietnamese encodings, scored by how Vietnamese the result looks. ftfy repairs
mojibake (UTF-8 read as Windows-1252 and saved again) afterwards. NFC comes last,
because Windows-1258 spells tones as combining marks.
"""
from __future__ import annotations

import codecs
import unicodedata

import ftfy
from charset_normalizer import from_bytes


class DecodeError(ValueError):
    """The bytes are not a text page we can read; the message says why."""


_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

# Letters that only Vietnamese text uses in quantity: the test for "does this decoding make sense".
_VI_LETTERS = set(
    "ăâđêôơưĂÂĐÊÔƠƯ"
    "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ"
)

_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,  # "&amp;" in a plain-text page is text, not an entity
    uncurl_quotes=False,  # Vietnamese typography uses “ ” on purpose
    fix_latin_ligatures=False,
    fix_character_width=False,
    explain=False,
    normalization="NFC",
)


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) / 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _vietnamese_score(text: str) -> float:
    composed = unicodedata.normalize("NFC", text)
    letters = sum(1 for c in composed if c.isalpha())
    if not letters:
        return 0.0
    vi = sum(1 for c in composed if c in _VI_LETTERS)
    odd = sum(1 for c in composed if unicodedata.category(c) in ("Co", "Cn", "Cc") and c not in "\n\r\t")
    odd += composed.count("\ufffd")
    return (vi - 5 * odd) / letters


def _legacy(data: bytes) -> str:
    candidates: list[tuple[float, str]] = []
    for enc in ("cp1258", "cp1252"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_vietnamese_score(text), text))
    guess = from_bytes(data).best()
    if guess is not None:
        text = str(guess)
        candidates.append((_vietnamese_score(text), text))
    if not candidates:
        raise DecodeError("cannot decode: not UTF-8, UTF-16 or a known legacy Vietnamese encoding")
    candidates.sort(key=lambda c: c[0], reverse=True)
    return candidates[0][1]


def decode(data: bytes) -> str:
    """Decode a raw page to NFC text; raise DecodeError with the reason when it is not text."""
    if not data.strip():
        raise DecodeError("empty file" if not data else "file holds only white space")
    text: str | None = None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"byte-order mark says {enc} but the bytes are not ({exc.reason})") from None
            break
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            enc16 = _looks_utf16(data)
            if enc16:
                try:
                    text = data.decode(enc16)
                except UnicodeDecodeError:
                    text = None
            if text is None:
                nul = data.find(b"\x00")
                if nul >= 0:
                    raise DecodeError(f"binary data, not a text page (NUL byte at offset {nul})") from None
                text = _legacy(data)
    text = text.lstrip("\ufeff")
    controls = sum(1 for c in text[:20000] if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f\v")
    if controls > 0.05 * min(len(text), 20000):
        raise DecodeError("binary data, not a text page (too many control characters)")
    return ftfy.fix_text(text, config=_FTFY)
