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
import unicodedata

import ftfy
import ftfy.badness
import ftfy.chardata


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


# ftfy.fix_text (6.3) fixes a text line by line (each line with its "\n"), and leaves a line as it
# is when ftfy's test for mojibake (badness.is_bad) finds none in it, none of the fixes it applies
# finds anything to change, and it is NFC. fix_text() below recognises such a text (most pages)
# at once and returns it as it is; any other text goes through ftfy.fix_text itself, so the
# result is always ftfy's. What each fix replaces (a character, CR LF, a terminal escape, an
# entity) lies within one line, so a fix that leaves the whole text unchanged leaves every line
# unchanged; remove_control_chars is a str.translate, so looking for the characters of its table
# is enough (and faster).
_BADNESS = ftfy.badness.BADNESS_RE
_CONTROL_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(ftfy.chardata.CONTROL_CHARS)) + "]")
_FTFY_FIXES = [ftfy.FIXERS[name] for name in (
    "unescape_html", "fix_c1_controls", "fix_latin_ligatures", "fix_character_width", "uncurl_quotes",
    "fix_line_breaks", "fix_surrogates", "remove_terminal_escapes",
) if getattr(_FTFY, name)]


def _commonness(chars: set[str]) -> int:
    """Roughly how often a set of characters occurs in a page: ASCII, white space and Latin small
    letters (Vietnamese is written with them) everywhere, capitals now and then, the rest rarely."""
    return sum(1000 if c.isascii() or c.isspace() or (c.islower() and "LATIN" in unicodedata.name(c, ""))
               else 10 if c.isupper() else 1 for c in chars)


def _cues(pattern: re.Pattern) -> tuple[re.Pattern, int] | None:
    """(a class of characters every match of *pattern* holds one of, the longest match), read from
    the parsed pattern: for each of its alternatives, the rarest character or class it cannot do
    without. None when the pattern is not an alternation of such sequences (or the re module's
    parser, which this reads, is not the one it knows)."""

    def chars(op, av) -> set[str] | None:  # the characters one item matches, if a plain set
        if op is sre.MAX_REPEAT and av[0] >= 1 and len(av[2]) == 1:
            op, av = av[2][0]
        if op is sre.LITERAL:
            return {chr(av)}
        if op is sre.IN and all(o in (sre.LITERAL, sre.RANGE) for o, _ in av):
            return {chr(c) for o, a in av for c in ((a,) if o is sre.LITERAL else range(a[0], a[1] + 1))}
        return None

    try:
        from re import _constants as sre
        from re import _parser

        tree = _parser.parse(pattern.pattern, pattern.flags)
        width = tree.getwidth()[1]
        if pattern.flags & re.IGNORECASE or len(tree) != 1 or tree[0][0] is not sre.BRANCH or width >= sre.MAXREPEAT:
            return None
        required: set[str] = set()
        for branch in tree[0][1][1]:
            sets = [s for s in (chars(op, av) for op, av in branch) if s]
            if not sets:
                return None
            required |= min(sets, key=_commonness)
    except Exception:  # a pattern this reading does not know: no quick test
        return None
    return re.compile("[" + "".join(map(re.escape, sorted(required))) + "]"), width


_MOJIBAKE_CUES = _cues(_BADNESS)


def _bad_between(text: str, lo: int, hi: int) -> bool:
    """ftfy's test on text[lo:hi], line by line as ftfy reads it: ^ matches at a line's start only."""
    while lo < hi:
        nl = text.find("\n", lo, hi)
        end = hi if nl < 0 else nl + 1
        if lo == 0 or text[lo - 1] == "\n":
            if _BADNESS.search(text[lo:end]):  # the line's start is the string's: ^ may match there
                return True
        elif _BADNESS.search(text, lo, end):
            return True
        lo = end
    return False


def may_have_mojibake(text: str) -> bool:
    """False when ftfy's test for mojibake finds none in any line of *text* (True when it may).

    Every match of its pattern holds one of the cue characters and is at most `width` long, so
    only the few characters around each cue (a few dozen on a Vietnamese page) are searched."""
    if _MOJIBAKE_CUES is None:
        return True
    cue, width = _MOJIBAKE_CUES
    lo = hi = 0  # the window being gathered: overlapping windows are searched as one
    for m in cue.finditer(text):
        start = max(0, m.start() - width + 1)
        if start > hi and _bad_between(text, lo, hi):
            return True
        if start > hi or hi == 0:
            lo = start
        hi = min(len(text), m.start() + width)
    return _bad_between(text, lo, hi)


def fix_text(text: str) -> str:
    """ftfy.fix_text(text) with this module's settings; a text it would not change is returned at once."""
    if (
        len(text) <= _FTFY.max_decode_length  # else ftfy cuts it elsewhere than at line breaks
        and unicodedata.is_normalized("NFC", text)
        and not may_have_mojibake(text)
        and not (_FTFY.remove_control_chars and _CONTROL_CHARS.search(text))
        and all(fix(text) == text for fix in _FTFY_FIXES)
    ):
        return text
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
        raise DecodeError("cannot decode: not UTF-8, UTF-16 or a known legacy Vietnamese encoding")
    return str(guess)


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
    controls = len(_CONTROLS.findall(text, 0, 20000))
    if controls > 0.05 * min(len(text), 20000):
        raise DecodeError("binary data, not a text page (too many control characters)")
    return fix_text(text)
