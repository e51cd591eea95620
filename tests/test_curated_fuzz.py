"""Every curated file, mutated (keys dropped, types swapped, duplicates injected, the file cut,
bad bytes added): each run ends in success or in ArchiveError lines `PATH[:LINE]: error: MESSAGE`
naming a file, never another exception, never a hang (issue 18).

Each case goes through the function the CLI uses for that file, in this process: load_context
(convert, check, the site) for data/ and corrections, read_doc (check, the site) for articles
and translations, read_manifest (convert, check) for the manifest. The number of cases is printed.
"""
from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tnarchive.convert import read_manifest
from tnarchive.datafiles import load_context
from tnarchive.errors import ArchiveError
from tnarchive.validate import read_doc

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = next((ROOT / "docs/vi/articles").glob("2023-08-10*.md"))
TRANSLATION = next((ROOT / "docs/en/articles").glob("2023-08-10*.md"))
CASES_PER_FILE = 125
LINE = re.compile(r"^\S[^\n]*?(:\d+)?: error: [^\n]+$")
COUNT = {"cases": 0, "refused": 0}
SECONDS = 5.0


def _small_data() -> dict[str, str]:
    """data/ cut down to a few records (the mutations need structure, not bulk), and a correction."""
    partners = yaml.safe_load((ROOT / "data/partners.yml").read_text(encoding="utf-8"))["partners"]
    roots = [p for p in partners if not p.get("parent")][:3]
    kids = [p for p in partners if p.get("parent") in {r["id"] for r in roots}][:2]
    people = yaml.safe_load((ROOT / "data/people.yml").read_text(encoding="utf-8"))["people"][:3]
    sources = yaml.safe_load((ROOT / "data/sources.yml").read_text(encoding="utf-8"))
    sources = {"generic": {k: v[:3] for k, v in sources["generic"].items()}, "sources": sources["sources"][:2]}
    dump = lambda d: yaml.safe_dump(d, allow_unicode=True, sort_keys=False)  # noqa: E731
    return {
        "partners.yml": dump({"partners": roots + kids}),
        "people.yml": dump({"people": people}),
        "sources.yml": dump(sources),
        "cues.yml": dump({k: v[:3] for k, v in yaml.safe_load((ROOT / "data/cues.yml").read_text(encoding="utf-8")).items()}),
        "corrections/003_5afb966c1325a250.yml": 'title: "Tiêu đề sửa"\ndate: "2023-08-10"\ndate_precision: day\n'
                                                 f"authors: [{{name: Phan Anh, affiliation: null}}]\n"
                                                 f"people: {{add: [{people[0]['id']}], remove: []}}\n"
                                                 f"partners: {{add: [{roots[0]['id']}]}}\nreviewed: {{people: [x]}}\n",
    }


DATA = _small_data()
FILES = [*DATA, "article", "translation", "manifest"]
VALUES = [5, -1.5, "text", "", [], {}, None, True, "2023-13-45", [1, [2]], {"a": {"b": None}}, "x\n---\ny"]
BYTES = [b"\xff", b"\x00", b"\t", b": ", b"&a ", b"*a", b"[", b"{", b"---\n", b"\xc3", b"- ", b"\n  ", b"'", b"<<: *a"]


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, path + (i,))


def _set(data, path, new=None, drop=False):
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    if drop:
        del parent[path[-1]]
    else:
        parent[path[-1]] = new


@st.composite
def mutation(draw, text: str, fmt: str) -> bytes:
    """One of the five kinds of damage, applied to *text* (YAML, or JSON for the manifest)."""
    kind = draw(st.sampled_from(["drop", "swap", "duplicate", "cut", "bytes"]))
    raw = text.encode("utf-8")
    if kind in ("drop", "swap"):
        head, body = ("", text)
        if fmt == "page":
            _, fm, rest = text.split("---\n", 2)
            head, body = fm, rest
        data = json.loads(body) if fmt == "json" else yaml.safe_load(head if fmt == "page" else body)
        paths = [p for p in _paths(data) if p]
        if paths:
            path = draw(st.sampled_from(paths))
            _set(data, path, draw(st.sampled_from(VALUES)), drop=kind == "drop")
        if fmt == "json":
            return json.dumps(data).encode()
        dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        return (f"---\n{dumped}---\n{body}" if fmt == "page" else dumped).encode("utf-8")
    lines = raw.split(b"\n")
    if kind == "duplicate":
        candidates = [i for i, line in enumerate(lines) if b":" in line] or [0]
        i = draw(st.sampled_from(candidates))
        j = draw(st.integers(i + 1, len(lines)))
        return b"\n".join(lines[:j] + [lines[i]] + lines[j:])
    if kind == "cut":
        return raw[: draw(st.integers(0, len(raw)))]
    at = draw(st.integers(0, len(raw)))
    return raw[:at] + draw(st.sampled_from(BYTES)) + raw[at:]


def _outcome(run) -> None:
    start = time.perf_counter()
    try:
        run()
    except ArchiveError as exc:
        lines = exc.lines()
        assert lines, "a refusal says why"
        for line in lines:
            assert LINE.match(line), line
        COUNT["refused"] += 1
    assert time.perf_counter() - start < SECONDS
    COUNT["cases"] += 1


FUZZ = settings(max_examples=CASES_PER_FILE, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("curated_fuzz") / "data"
    return folder


def _write_data(folder: Path, name: str, damaged: bytes) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "corrections").mkdir(parents=True)
    for file, text in DATA.items():
        (folder / file).write_bytes(damaged if file == name else text.encode("utf-8"))


@pytest.mark.parametrize("name", FILES)
def test_every_mutation_ends_in_success_or_one_clear_error(name, data_dir, tmp_path):
    if name in DATA:
        @FUZZ
        @given(mutation(DATA[name], "yaml"))
        def case(damaged):
            _write_data(data_dir, name, damaged)
            _outcome(lambda: load_context(data_dir))
    elif name == "manifest":
        text = (ROOT / "docs/vi/articles/.manifest.json").read_text(encoding="utf-8")
        target = tmp_path / ".manifest.json"

        @FUZZ
        @given(mutation(text, "json"))
        def case(damaged):
            target.write_bytes(damaged)
            _outcome(lambda: read_manifest(target))
    else:
        source = ARTICLE if name == "article" else TRANSLATION
        target = tmp_path / source.name

        @FUZZ
        @given(mutation(source.read_text(encoding="utf-8"), "page"))
        def case(damaged):
            target.write_bytes(damaged)
            _outcome(lambda: read_doc(target, name))
    case()


def test_zz_count_of_cases():
    """Runs after the others (file order): at least 1,000 cases, none crashed, none hung."""
    print(f"\ncurated fuzz: {COUNT['cases']} mutated files, {COUNT['refused']} refused with one line per problem, "
          f"none crashed, each under {SECONDS:.0f} s")
    if COUNT["cases"]:
        assert COUNT["cases"] >= CASES_PER_FILE * len(FILES)
        assert COUNT["cases"] >= 1000
