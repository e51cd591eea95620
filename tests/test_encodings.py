"""Whatever encoding a page arrives in, the article that comes out is the same NFC text.

The variants are built here from seed 003: Windows-1258 (with its combining tone marks),
UTF-16 with and without BOM, UTF-8 with BOM, CRLF, NFD, mojibake, odd spaces.
"""
from __future__ import annotations

import unicodedata

import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252")
import pytest
from conftest import ROOT, inspect

SEED = ROOT / "seeds/003_5afb966c1325a250.txt"
TEXT = SEED.read_text(encoding="utf-8")


def to_cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: base letters it has, tone marks as combining characters."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        letter_marks = "".join(m for m in decomposed[1:] if m in "\u0302\u0306\u031b")  # â ă ơ ư ê ô
        tones = "".join(m for m in decomposed[1:] if m not in letter_marks)
        out += unicodedata.normalize("NFC", decomposed[0] + letter_marks).encode("cp1258") + tones.encode("cp1258")
    return bytes(out)


VARIANTS = {
    "cp1258": lambda t: to_cp1258(t),
    "utf16-bom": lambda t: t.encode("utf-16"),
    "utf16le-no-bom": lambda t: t.encode("utf-16-le"),
    "utf16be-no-bom": lambda t: t.encode("utf-16-be"),
    "utf8-bom": lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    "crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "cr": lambda t: t.replace("\n", "\r").encode("utf-8"),
    "nfd": lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),
    # UTF-8 read as Windows-1252 (undefined bytes kept as C1 controls, as browsers do) and saved as UTF-8.
    "mojibake": lambda t: t.encode("utf-8").decode("sloppy-windows-1252").encode("utf-8"),
    "odd-spaces": lambda t: t.replace(" ", "\u00a0", 40).replace("Thái", "Th\u200bái", 3).replace("\n\n", "\n\u00a0\n").encode("utf-8"),
}


@pytest.fixture(scope="module")
def reference():
    return inspect(SEED)


def test_cp1258_really_uses_combining_marks():
    data = to_cp1258("Nguyễn Thanh Hải")
    assert b"\xde" in data or b"\xec" in data or b"\xd2" in data  # a combining tone mark byte
    assert data.decode("cp1258") != "Nguyễn Thanh Hải"  # decoded but not yet NFC


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_variant_gives_the_same_article(variant, reference, tmp_path):
    path = tmp_path / f"{variant}.txt"
    path.write_bytes(VARIANTS[variant](TEXT))
    got = inspect(path)
    for key in ("title", "date", "authors", "source", "headings", "captions", "body_markdown"):
        assert got[key] == reference[key], key
    assert {p["id"] for p in got["partners"]} == {p["id"] for p in reference["partners"]}
    assert unicodedata.is_normalized("NFC", got["body_markdown"])
    assert "\u00a0" not in got["body_markdown"] and "\u200b" not in got["body_markdown"]


def test_written_files_are_nfc():
    for path in (ROOT / "docs/vi/articles").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", text), path
        assert "\r" not in text
