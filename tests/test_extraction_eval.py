"""The converter scored against hand-written pages from sites the seeds do not cover.

scripts/eval_extraction.py is run as a maintainer runs it; the targets are the issue's:
97 % of checks on the corpus, 95 % on the held-back pages (written before the converter was
tuned and never tuned against), no sentence of article text lost on any page, no banner or
breadcrumb as a title, no title fragment as a person.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT

CORPORA = {"pages": 0.97, "heldback": 0.95}


def _evaluate(name: str) -> dict:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts/eval_extraction.py"), str(ROOT / "tests/extraction" / name), "--json"],
        capture_output=True, text=True, timeout=300, check=True,
    )
    return json.loads(proc.stdout)


@pytest.fixture(scope="module", params=sorted(CORPORA))
def scored(request):
    return request.param, _evaluate(request.param)


def test_corpus_is_large_and_varied_enough():
    res = _evaluate("pages")
    assert len(res["pages"]) >= 24 and res["layouts"] >= 12
    assert len(list((ROOT / "tests/extraction/heldback").glob("*.yml"))) >= 8


def test_score_meets_target(scored):
    name, res = scored
    failing = "\n".join(f"{f['page']} [{f['field']}] {f['check']}" for f in res["failures"])
    assert res["total"]["score"] >= CORPORA[name], failing


def test_no_sentence_lost_and_no_banner_title(scored):
    _, res = scored
    lost = [f for f in res["failures"] if f["field"] in ("kept", "title")]
    assert lost == []


def test_no_title_fragment_as_person(scored):
    _, res = scored
    assert [f for f in res["failures"] if "title fragment" in f["check"]] == []
