"""Hostile and broken input: the converter converts or says why, never crashes, never hangs.

Hypothesis generates the cases; the number run is printed in the test output. Every case goes
through the same function `tnarchive convert` uses for one page, and a sample through the CLI.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tnarchive import decode
from tnarchive.datafiles import load_context
from tnarchive.pipeline import ConvertError, convert_page
from tnarchive.text import fold, fold_aligned, fold_slow

ROOT = Path(__file__).resolve().parent.parent
CTX = load_context(ROOT / "data")
SEED_TEXT = (ROOT / "seeds/003_5afb966c1325a250.txt").read_text(encoding="utf-8")
SECONDS_PER_PAGE = 5.0
COUNT = {"cases": 0}


@pytest.fixture(scope="module", autouse=True)
def report_case_count():
    """After this module's tests, however many of them ran: the number of inputs converted or
    refused, in the suite's closing summary."""
    yield
    if COUNT["cases"]:
        from conftest import REPORT

        REPORT["fuzz"] = f"{COUNT['cases']} inputs converted or refused, none crashed, each under {SECONDS_PER_PAGE:.0f} s"


def convert_or_refuse(data: bytes) -> None:
    start = time.perf_counter()
    try:
        art = convert_page(data, "fuzz.txt", CTX)
    except ConvertError as exc:
        assert str(exc), "a refusal says why"
    else:
        assert art.meta["title"] and "\x00" not in art.body
    assert time.perf_counter() - start < SECONDS_PER_PAGE
    COUNT["cases"] += 1


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

unicode_text = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=3000)
hostile_lines = st.lists(st.one_of(
    st.sampled_from(["", " ", "\u00a0", "\u200b", "\u202e", "\u0301\u0301\u0301", "Tin bài liên quan", "aa",
                     "Thống kê truy cập", "(Ảnh: ", "- ", "# ", "| a | b |", "<script>alert(1)</script>", "---",
                     "title: x: y", "&anchor *alias", "!!python/object:os.system", "{{ config }}", "{: onclick=x }",
                     "javascript:alert(1)", "../../etc/passwd", "/abs/path", "CON", "NUL.txt", "x" * 5000]),
    unicode_text.map(lambda s: s[:200])), max_size=60)


@FUZZ
@given(unicode_text)
def test_fast_fold_is_the_folding_rule(text):
    """fold() works a character at a time; it must equal the rule (NFD, drop marks, case-fold) on any text."""
    assert fold(text) == fold_slow(text)
    aligned = fold_aligned(text)
    if aligned is not None:
        assert len(aligned) == len(text) and all(aligned[i] == fold_slow(c) for i, c in enumerate(text))


@FUZZ
@given(st.text(alphabet=st.characters(max_codepoint=0x24FF), max_size=300))
def test_fold_of_latin_greek_cyrillic_vietnamese_is_the_folding_rule(text):
    """The same below U+2500, where fold() reads a table made in one pass over all those characters."""
    assert fold(text) == fold_slow(text)


def test_clean_seeds_pass_ftfy_unchanged():
    """ftfy (decode.fix_text) leaves each of the clean seeds as it is."""
    for seed in sorted((ROOT / "seeds").iterdir()):
        text = seed.read_text(encoding="utf-8")
        assert decode.fix_text(text) == text


def test_fold_examples():
    assert fold("ĐẠI SỨ QUÁN Hàn Quốc") == "dai su quan han quoc"
    assert fold_aligned("Thái Nguyên") == "thai nguyen"
    assert fold("Straße") == "strasse" and fold_aligned("Straße") is None
    assert fold_aligned("a\u0301b") is None  # a lone combining mark folds to nothing


@FUZZ
@given(st.binary(max_size=5000))
def test_random_bytes(data):
    convert_or_refuse(data)


@FUZZ
@given(unicode_text)
def test_random_unicode(text):
    for enc in ("utf-8", "utf-16"):
        convert_or_refuse(text.encode(enc, errors="surrogatepass"))


@FUZZ
@given(hostile_lines)
def test_hostile_lines_around_a_real_article(lines):
    mid = len(lines) // 2
    text = "\n".join(lines[:mid]) + "\n" + SEED_TEXT + "\n" + "\n".join(lines[mid:])
    convert_or_refuse(text.encode("utf-8", errors="surrogatepass"))


@FUZZ
@given(st.integers(min_value=1, max_value=len(SEED_TEXT.encode()) - 1))
def test_truncated_multibyte_sequences(cut):
    convert_or_refuse(SEED_TEXT.encode("utf-8")[:cut])


@pytest.mark.parametrize("data", [
    b"\n" * 200_000,                                            # thousands of blank lines
    ("Tiêu đề bài báo dài\n\n" + "chữ " * 400_000).encode(),   # one very long line (1.6 MB)
    ("Tiêu đề\n" + "Ảnh 1: " * 50_000 + "\n").encode(),          # a pathological caption run
    ("Tiêu đề bài báo\n\n" + ("Nguyễn " * 3000) + "\n").encode(),
    "\ud800\udfff".encode("utf-8", "surrogatepass") * 1000,
], ids=["blank-lines", "long-line", "caption-run", "name-run", "surrogates"])
def test_extreme_shapes(data):
    convert_or_refuse(data)
