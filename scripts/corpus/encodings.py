"""Legacy encodings the converter must decode: a page now and then saved as Windows-1258 with
combining tone marks, UTF-16, UTF-8 with a BOM or with CRLF line ends."""
from __future__ import annotations

import codecs
import unicodedata
from random import Random

ENCODING_VARIANTS = ("cp1258", "utf-16", "utf-8-sig", "crlf")
ENCODING_EVERY = 20  # with --encodings, one page in each run of 20 (5%) is re-encoded
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as old Vietnamese pages use it: tone marks as combining characters."""
    table = {}
    for ch in set(text):
        d = unicodedata.normalize("NFD", ch)
        if len(d) > 1 and any(c in _TONES for c in d):
            base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))
            table[ord(ch)] = base + "".join(c for c in d if c in _TONES)
    return text.translate(table).encode("cp1258")


def encode(text: str, variant: str | None) -> tuple[bytes, str]:
    if variant == "cp1258":
        try:
            return to_cp1258(text), "cp1258"
        except UnicodeEncodeError:  # a name Windows-1258 cannot spell: keep the page readable
            variant = "utf-8-sig"
    if variant == "utf-16":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "utf-16"
    if variant == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8"), "utf-8-sig"
    if variant == "crlf":
        return text.replace("\n", "\r\n").encode("utf-8"), "crlf"
    return text.encode("utf-8"), "utf-8"


def encoding_for(seed: int, index: int) -> str | None:
    """One page in every run of ENCODING_EVERY gets a legacy encoding, cycling through the variants."""
    block = index // ENCODING_EVERY
    rb = Random(f"gen_corpus:{seed}:encoding:{block}")
    if index % ENCODING_EVERY != rb.randrange(ENCODING_EVERY):
        return None
    offset = Random(f"gen_corpus:{seed}:encoding").randrange(len(ENCODING_VARIANTS))
    return ENCODING_VARIANTS[(block + offset) % len(ENCODING_VARIANTS)]
