"""Bytes → str, whatever the page arrived as.

Order matters: a byte-order mark is authoritative; then strict UTF-8 (most pages);
then UTF-16 without BOM (recognised by its NUL pattern); then legacy single-byte
Vietnamese encodings, scored by how Vietnamese the result looks. ftfy repairs
mojibake (UTF-8 read as Windows-1252 and saved again) afterwards. NFC comes last,
because Windows-1258 spells tones as combining marks.
"""
from __future__ import annotations

import codecs
import re

import ftfy

from .errors import _


class DecodeError(ValueError):
    """The bytes are not a text page we can read; the message says why."""


_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,  # "&amp;" in a plain-text page is text, not an entity
    uncurl_quotes=False,  # Vietnamese typography uses “ ” on purpose
    fix_latin_ligatures=False,
    fix_character_width=False,
    explain=False,
    normalization="NFC",
)


def fix_text(text: str) -> str:
    """ftfy.fix_text(text) with this module's settings, through ftfy's public API only.

    (An earlier version skipped ftfy for pages it would not change by reading ftfy's private
    pattern through Python's private regular-expression parser: 0.5 ms a page instead of about
    6 ms, but an upgrade of ftfy or Python could stop `convert` from starting. The conversion
    stays well above its 50 articles/s target without it.)"""
    return ftfy.fix_text(text, config=_FTFY)


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


# Unicode category Cc (C0 and C1 controls, DEL) except \t \n \v \f \r.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_VOWELS = set("aeiouyâêôăơưAEIOUYÂÊÔĂƠƯ")


def _is_cp1258_vietnamese(text: str) -> bool:
    """Windows-1258 writes tones as combining marks after vowels; other code pages do not."""
    marks = [i for i, c in enumerate(text) if c in _TONE_MARKS]
    if not marks:
        return False
    after_vowel = sum(1 for i in marks if i > 0 and text[i - 1] in _VOWELS)
    return after_vowel >= 0.9 * len(marks)


def _legacy(data: bytes) -> str:
    try:
        text = data.decode("cp1258")
        if _is_cp1258_vietnamese(text):
            return text
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only for the rare legacy page: its import was 0.014 s of every run

    guess = from_bytes(data).best()
    if guess is None:
        raise DecodeError(_("cannot decode: not UTF-8, UTF-16 or a known legacy Vietnamese encoding"))
    return str(guess)


def decode(data: bytes) -> str:
    """Decode a raw page to NFC text; raise DecodeError with the reason when it is not text."""
    if not data.strip():
        raise DecodeError(_("empty file") if not data else _("file holds only white space"))
    text: str | None = None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise DecodeError(_("byte-order mark says {enc} but the bytes are not ({why})")
                                  .format(enc=enc, why=exc.reason)) from None
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
                    raise DecodeError(_("binary data, not a text page (NUL byte at offset {offset})").format(offset=nul)) from None
                text = _legacy(data)
    text = text.lstrip("\ufeff")
    controls = len(_CONTROLS.findall(text, 0, 20000))
    if controls > 0.05 * min(len(text), 20000):
        raise DecodeError(_("binary data, not a text page (too many control characters)"))
    return fix_text(text)
