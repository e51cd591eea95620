#!/usr/bin/env python3
"""Score the converter against hand-written pages with gold expectations.

Each page in a corpus directory (tests/extraction/pages/, tests/extraction/heldback/) is a raw
page (.txt or .html) next to a .yml of the same stem that says what a careful reader would
extract: title, date with precision, authors, source, people, partners, lines that must be
gone and sentences that must stay. Every expectation is one check; a person or partner found
that the gold does not list is one failing check too (a confident wrong name costs as much as
a missed one). Prints the accuracy per field and every failing check.

Usage: scripts/eval_extraction.py [DIR ...] [--data data] [--json]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tnarchive.convert import read_seed  # noqa: E402
from tnarchive.datafiles import load_context  # noqa: E402
from tnarchive.pipeline import ConvertError, convert_page  # noqa: E402
from tnarchive.text import fold  # noqa: E402

FIELDS = ("title", "date", "authors", "source", "people", "partners", "gone", "kept")
_UNESCAPE = re.compile(r"\\(.)")


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _body_text(markdown: str) -> str:
    """The article text as a reader sees it: Markdown escapes undone, the title heading left out."""
    lines = markdown.split("\n")
    if lines and lines[0].startswith("# "):
        lines = lines[1:]
    text = "\n".join(lines).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&#124;", "|")
    return _norm(_UNESCAPE.sub(r"\1", text))


def _fragment_words(cues: dict) -> set[str]:
    words = set()
    for phrase in (cues.get("role_words") or []) + (cues.get("person_titles") or []):
        words.update(fold(w) for w in str(phrase).split())
    return words


def check_page(raw: Path, gold: dict, ctx) -> list[tuple[str, bool, str]]:
    """(field, passed, what was checked) for every expectation of one page."""
    checks: list[tuple[str, bool, str]] = []
    try:
        art = convert_page(read_seed(raw, ctx), raw.name, ctx)
    except ConvertError as exc:
        n = 4 + len(gold.get("people") or []) + len(gold.get("partners") or []) + len(gold.get("gone") or []) + len(gold.get("kept") or [])
        return [("title", False, f"page not converted: {exc}")] + [("kept", False, "page not converted")] * (n - 1)
    m = art.meta
    checks.append(("title", _norm(m["title"] or "") == _norm(gold["title"]), f"title {m['title']!r} (want {gold['title']!r})"))
    want_date, want_prec = gold.get("date"), gold.get("date_precision")
    checks.append(("date", m["date"] == want_date and m["date_precision"] == want_prec,
                   f"date {m['date']} ({m['date_precision']}) (want {want_date} ({want_prec}))"))
    got_auth = sorted(fold(a["name"]) for a in m["authors"])
    want_auth = sorted(fold(a) for a in gold.get("authors") or [])
    checks.append(("authors", got_auth == want_auth, f"authors {[a['name'] for a in m['authors']]} (want {gold.get('authors')})"))
    src, want_src = m["source"], gold.get("source") or {}
    ok = fold(src.get("name") or "") == fold(want_src.get("name") or "")
    if want_src.get("url"):
        ok = ok and src.get("url") == want_src["url"]
    checks.append(("source", ok, f"source {src} (want {want_src})"))
    found_people = {fold(p["name"]): p["name"] for p in art.people}
    want_people = {fold(p) for p in gold.get("people") or []}
    for p in gold.get("people") or []:
        checks.append(("people", fold(p) in found_people, f"person {p!r} found (got {sorted(found_people.values())})"))
    fragments = _fragment_words(ctx.cues)
    for f, name in found_people.items():
        if f not in want_people:
            kind = "a title fragment" if all(w in fragments for w in f.split()) else "not in the gold"
            checks.append(("people", False, f"unexpected person {name!r} ({kind})"))
    found_partners = {p["id"] for p in art.partners}
    for pid in gold.get("partners") or []:
        checks.append(("partners", pid in found_partners, f"partner {pid!r} found (got {sorted(found_partners)})"))
    for pid in sorted(found_partners - set(gold.get("partners") or [])):
        checks.append(("partners", False, f"unexpected partner {pid!r}"))
    body = _body_text(art.body)
    for line in gold.get("gone") or []:
        checks.append(("gone", _norm(line) not in body, f"chrome gone: {line!r}"))
    for sentence in gold.get("kept") or []:
        checks.append(("kept", _norm(sentence) in body, f"sentence kept: {sentence!r}"))
    return checks


def evaluate(dirs: list[Path], data_dir: Path) -> dict:
    ctx = load_context(data_dir)
    result: dict = {"pages": {}, "fields": {}, "failures": [], "layouts": set()}
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for d in dirs:
        for gold_path in sorted(d.glob("*.yml")):
            raws = [p for p in d.glob(gold_path.stem + ".*") if p.suffix != ".yml"]
            if len(raws) != 1:
                raise SystemExit(f"{gold_path}: needs exactly one page file of the same name")
            gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
            result["layouts"].add(gold.get("layout"))
            checks = check_page(raws[0], gold, ctx)
            key = f"{d.name}/{raws[0].name}"
            result["pages"][key] = {"passed": sum(ok for _, ok, _ in checks), "checks": len(checks)}
            for field, ok, what in checks:
                totals[field][0] += ok
                totals[field][1] += 1
                if not ok:
                    result["failures"].append({"page": key, "field": field, "check": what})
    result["fields"] = {f: {"passed": totals[f][0], "checks": totals[f][1]} for f in FIELDS if f in totals}
    passed = sum(v[0] for v in totals.values())
    checks = sum(v[1] for v in totals.values())
    result["total"] = {"passed": passed, "checks": checks, "score": passed / checks if checks else 0.0}
    result["layouts"] = len(result["layouts"])
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="*", type=Path, default=[ROOT / "tests/extraction/pages"])
    ap.add_argument("--data", type=Path, default=ROOT / "data")
    ap.add_argument("--json", action="store_true", help="print the result as one JSON object")
    args = ap.parse_args(argv)
    res = evaluate(args.dirs, args.data)
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
        return 0
    print(f"{len(res['pages'])} pages, {res['layouts']} layouts")
    for f, v in res["fields"].items():
        print(f"  {f:9} {v['passed']:4}/{v['checks']:<4} {100 * v['passed'] / v['checks']:5.1f} %")
    t = res["total"]
    print(f"  {'total':9} {t['passed']:4}/{t['checks']:<4} {100 * t['score']:5.1f} %")
    for fail in res["failures"]:
        print(f"FAIL {fail['page']} [{fail['field']}] {fail['check']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
