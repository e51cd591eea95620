"""Broken and hostile inputs (issue 18), each on a fresh copy of a small converted archive,
through the real CLI (click's runner on tnarchive.cli:main, in this process) or a real
`mkdocs build`: the exit code, one line naming the file (and line), and nothing lost."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from tnarchive.cli import main

ARTICLES = Path("docs/vi/articles")
SEED = "003_5afb966c1325a250"  # its article: 2023-08-10-bi-thu-tinh-uy-...
ONE_LINE = re.compile(r"^\S[^\n]*: (error|warning): [^\n]+$")


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> Path:
    """The project's seeds, data and translations, converted once."""
    dest = tmp_path_factory.mktemp("bad_input") / "archive"
    for name in ("seeds", "data", "overrides"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copytree(ROOT / "docs", dest / "docs", ignore=shutil.ignore_patterns("articles"))
    shutil.copytree(ROOT / "docs/en/articles", dest / "docs/en/articles")
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    assert cli(dest, "convert").exit_code == 0
    return dest


@pytest.fixture
def archive(converted, tmp_path, monkeypatch) -> Path:
    dest = tmp_path / "archive"
    shutil.copytree(converted, dest, symlinks=True)
    monkeypatch.chdir(dest)
    return dest


class Result:
    def __init__(self, code: int, out: str, err: str):
        self.exit_code, self.stdout, self.stderr = code, out, err


def cli(cwd: Path, *args: str) -> Result:
    old = os.getcwd()
    os.chdir(cwd)
    try:
        r = CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)
    return Result(r.exit_code, r.stdout, r.stderr)


def articles(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / ARTICLES).glob("*.md"))}


def article_named(root: Path, start: str) -> Path:
    return next((root / ARTICLES).glob(f"{start}*.md"))


def key_line(path: Path, key: str) -> int:
    """The line where the top-level *key* is first written in a YAML file of the project."""
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if line.startswith(f"{key}:"))


PARTNERS_LINE = key_line(ROOT / "data/partners.yml", "partners")


def append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as fh:
        fh.write(text)


def write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


def replace_line(path: Path, key: str, line: str) -> int:
    """Put *line* in place of the front matter line starting with `key:`; its line number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    n = next(i for i, text in enumerate(lines) if text.startswith(f"{key}:"))
    end = n + 1
    while lines[end].startswith(("  ", "- ")):  # the old value's own lines go with it
        end += 1
    lines[n:end] = [line]
    path.write_text("\n".join(lines), encoding="utf-8")
    return n + 1


def correction(root: Path, text: str) -> None:
    write(root / "data/corrections" / f"{SEED}.yml", text)


# Each case: (break the copy, the exit code, the expected line). Nothing is written by a refused run.
CONVERT_REFUSED = {
    "second partners block": (lambda r: append(r / "data/partners.yml", "partners:\n  - id: x\n"),
                              rf"data/partners\.yml:\d+: error: key 'partners' appears twice in the same block \(line {PARTNERS_LINE}\)"),
    "empty partners file": (lambda r: write(r / "data/partners.yml", ""),
                            r"data/partners\.yml:1: error: the file: expected a 'partners:' list of records, found null"),
    "duplicate key in sources": (lambda r: append(r / "data/sources.yml", "generic: {}\n"),
                                 r"data/sources\.yml:\d+: error: key 'generic' appears twice"),
    "list where a map is expected": (lambda r: write(r / "data/cues.yml", "- ông\n- bà\n"),
                                     r"data/cues\.yml:1: error: the file: expected lists of cue words, found \[\"ông\""),
    "strings where records are expected": (lambda r: write(r / "data/people.yml", "people:\n  - an\n  - binh\n"),
                                           r"data/people\.yml:2: error: people\.0: expected a person record"),
    "numbers where names are expected": (lambda r: write(r / "data/partners.yml", "partners:\n  - id: x\n    name_vi: 5\n"
                                                         "    name_en: X\n    kind: country\n"),
                                         r"data/partners\.yml:3: error: partners\.0\.name_vi: expected text, found 5"),
    "YAML syntax error": (lambda r: append(r / "data/people.yml", "  - id: [unclosed\n"),
                          r"data/people\.yml:\d+: error: the \[ opened on this line is never closed with \]"),
    "bad byte in a data file": (lambda r: write(r / "data/cues.yml", b"person_titles:\n  - \xf4ng\n"),
                                r"data/cues\.yml:2: error: not UTF-8 text \(byte 0xf4\)"),
    "correction date is words": (lambda r: correction(r, 'date: "hôm qua"\n'),
                                 rf"data/corrections/{SEED}\.yml:1: error: date: expected a date as YYYY-MM-DD"),
    "correction impossible date": (lambda r: correction(r, "date: 2023-13-45\n"),
                                   rf"data/corrections/{SEED}\.yml:1: error: date: expected a date .* \(month must be in 1\.\.12\)"),
    "correction authors as a string": (lambda r: correction(r, "title: ok\nauthors: Phan Anh\n"),
                                       rf"data/corrections/{SEED}\.yml:2: error: authors: expected a list of \{{name"),
    "correction slug is a number": (lambda r: correction(r, "slug: 2023\n"),
                                    rf"data/corrections/{SEED}\.yml:1: error: slug: expected a slug in quotes"),
    "correction title is a number": (lambda r: correction(r, "title: 2023\n"),
                                     rf"data/corrections/{SEED}\.yml:1: error: title: expected one line of text, found 2023"),
    "correction people as a list": (lambda r: correction(r, "people: [id]\n"),
                                    rf"data/corrections/{SEED}\.yml:1: error: people: expected \{{add: \[id"),
    "correction title with a newline": (lambda r: correction(r, 'title: "Tiêu đề\\n---\\nđoạn mới"\n'),
                                        rf"data/corrections/{SEED}\.yml:1: error: title: expected one line of text"),
    "correction summary with a newline": (lambda r: correction(r, "summary: |\n  one\n  two\n"),
                                          rf"data/corrections/{SEED}\.yml:1: error: summary: expected one line of text"),
    "correction adds an unknown id": (lambda r: correction(r, "partners:\n  add: [atlantis]\n"),
                                      rf"data/corrections/{SEED}\.yml:2: error: partners\.add: 'atlantis' is not an id"),
    "corrupt manifest": (lambda r: write(r / ARTICLES / ".manifest.json", '{"files": {"a.md": '),
                         r"docs/vi/articles/\.manifest\.json:1: error: not valid JSON .*restore it from version control"),
    "manifest of the wrong shape": (lambda r: write(r / ARTICLES / ".manifest.json", '{"files": []}'),
                                    r"docs/vi/articles/\.manifest\.json: error: files: expected file name → \{seed, sha256\}"),
}


@pytest.mark.parametrize("case", sorted(CONVERT_REFUSED))
def test_convert_refuses_bad_curated_input_before_writing(archive, case):
    damage, expected = CONVERT_REFUSED[case]
    damage(archive)
    before = articles(archive)
    result = cli(archive, "convert")
    assert result.exit_code == 2, result.stderr
    lines = result.stderr.splitlines()
    assert lines and all(ONE_LINE.match(line) for line in lines), result.stderr
    assert re.match(expected, lines[0]), lines
    assert articles(archive) == before, "nothing written"


@pytest.mark.parametrize("args", [("--seeds", "empty"), ("--seeds", "typo-not-seeds")])
def test_convert_never_removes_every_article_by_accident(archive, args):
    (archive / "empty").mkdir()
    before = articles(archive)
    result = cli(archive, "convert", *args)
    assert result.exit_code == 2
    if args[1] == "empty":
        lines = result.stderr.splitlines()
        assert sum("would be removed: its seed" in line for line in lines) == len(before)
        assert "refusing to remove 5 of 5 articles" in lines[-1] and "--prune" in lines[-1]
    else:
        assert result.stderr == "typo-not-seeds: error: no such folder of raw pages\n"
    assert articles(archive) == before
    assert cli(archive, "convert", "--prune", "--seeds", "empty").exit_code == 0, "--prune removes them"
    assert articles(archive) == {}


def test_seed_links_are_not_followed_out_of_seeds_and_dangling_links_keep_the_article(archive):
    os.symlink("/etc/passwd", archive / "seeds/zz_passwd.txt")
    kept = article_named(archive, "2023-08-10")
    before = articles(archive)
    (archive / f"seeds/{SEED}.txt").rename(archive / "moved-away.txt")
    os.symlink(archive / "seeds/gone.txt", archive / f"seeds/{SEED}.txt")
    result = cli(archive, "convert")
    assert result.exit_code == 1
    dangling = [line for line in result.stderr.splitlines() if line.startswith(f"seeds/{SEED}.txt: error: ")]
    assert len(dangling) == 1 and dangling[0].endswith("gone.txt, which does not exist (its article is kept)")
    assert "seeds/zz_passwd.txt: error: is a link to /etc/passwd, outside seeds; links are not followed" in result.stderr
    assert "0 removed" in result.stdout and kept.exists()
    assert articles(archive) == before
    assert not any(b"root:" in text for text in articles(archive).values())


def test_catastrophic_pattern_fails_its_page_only(archive):
    text = (archive / "data/sources.yml").read_text(encoding="utf-8")
    write(archive / "data/sources.yml", text.replace("  drop_patterns:\n", '  drop_patterns:\n    - "(a|aa)+$"\n', 1))
    write(archive / "seeds/zz_slow.txt", "Tiêu đề thử\n\n" + "a" * 60 + "!\n\nĐoạn văn đầu tiên của bài.\n")
    result = cli(archive, "convert")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "seeds/zz_slow.txt: error: regular expression '(a|aa)+$' from sources.yml (generic) took over 0.5 s on one line; "
        "make it simpler (avoid nested repeats such as (a+)+)"]
    assert "5 unchanged" in result.stdout


def test_a_page_over_its_time_limit_fails_alone(archive, monkeypatch):
    import time

    import tnarchive.convert

    real = tnarchive.convert.convert_page

    def slow_on_one(data, name, ctx):
        if name == f"{SEED}.txt":
            time.sleep(30)  # stands for an input the extractors did not foresee
        return real(data, name, ctx)

    monkeypatch.setattr(tnarchive.convert, "convert_page", slow_on_one)
    monkeypatch.setattr(tnarchive.convert, "PAGE_TIME_LIMIT", 0.5)
    before = articles(archive)
    result = cli(archive, "convert")
    assert result.exit_code == 1
    assert result.stderr == f"seeds/{SEED}.txt: error: took over 0.5 s to convert; skipped (the rest of the batch goes on)\n"
    assert "4 unchanged" in result.stdout and articles(archive) == before


def test_unquoted_correction_date_is_text_and_a_new_slug_keeps_the_old_address(archive):
    old = article_named(archive, "2023-08-10").stem
    correction(archive, "date: 2023-08-11\nslug: bi-thu-tiep-doan\n")
    result = cli(archive, "convert")
    assert result.exit_code == 0, result.stderr
    moved = (archive / ARTICLES / "bi-thu-tiep-doan.md").read_text(encoding="utf-8")
    assert "\ndate: '2023-08-11'\n" in moved
    manifest = json.loads((archive / ARTICLES / ".manifest.json").read_text())
    assert manifest["redirects"] == {old: "bi-thu-tiep-doan"}
    assert f"- `{old}` → `bi-thu-tiep-doan`" in (archive / "reports/review.md").read_text()


@pytest.mark.slow
def test_a_moved_article_keeps_its_old_address_in_the_built_site(archive):
    old = article_named(archive, "2023-08-10").stem
    correction(archive, 'slug: "bi-thu-tiep-doan"\n')
    assert cli(archive, "convert").exit_code == 0
    proc = _mkdocs(archive, "--strict")
    assert proc.returncode == 0, proc.stderr
    site = archive / "site"
    assert 'http-equiv="refresh" content="0; url=bi-thu-tiep-doan.html"' in (site / f"articles/{old}.html").read_text()
    assert "Bí thư" in (site / "articles/bi-thu-tiep-doan.html").read_text()
    # The translation, not renamed yet, stays at its address; the new one exists too (mkdocs-static-i18n's fallback).
    assert "refresh" not in (site / f"en/articles/{old}.html").read_text()
    assert (site / "en/articles/bi-thu-tiep-doan.html").exists()


def test_convert_reports_a_translation_it_cannot_read_as_such(archive):
    path = next((archive / "docs/en/articles").glob("2023-08-10*.md"))
    write(path, "Only text, no front matter.\n")
    result = cli(archive, "convert")
    assert result.exit_code == 0
    report = (archive / "reports/review.md").read_text(encoding="utf-8")
    assert f"{path.relative_to(archive)}:1: error: no front matter" in report
    assert "stale" not in report.split(path.stem, 1)[1].split("\n")[0]


CHECK_FINDS = {
    "impossible unquoted date": (lambda r: replace_line(article_named(r, "2023-08-10"), "date", "date: 2023-13-45"),
                                 "date: expected a date as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+07:00, or null, found \"2023-13-45\""),
    "provenance as a string": (lambda r: replace_line(article_named(r, "2023-08-10"), "provenance", "provenance: seed.txt"),
                               "provenance: 'seed.txt' is not of type 'object'"),
    "people as a number": (lambda r: replace_line(article_named(r, "2023-08-10"), "people", "people: 5"),
                           "people: 5 is not of type 'array'"),
    "non-UTF-8 byte in an article": (lambda r: append(article_named(r, "2023-08-10"), "\udcff"), None),
    "translation as a string": (lambda r: replace_line(article_named(r, "2023-08-10", ), "title", "title: x") and
                                replace_line(next((r / "docs/en/articles").glob("2023-08-10*.md")), "translation",
                                             "translation: yes"), "translation: expected {of: SLUG, source_sha256: ...}"),
    "translation without front matter": (lambda r: write(r / "docs/en/articles/2023-08-10-bi-thu-tinh-uy-thai-nguyen-tiep-va-"
                                                         "lam-viec-voi.md", "Just text.\n"), "no front matter"),
    "translation of nothing": (lambda r: write(r / "docs/en/articles/orphan.md", "---\ntitle: Orphan\ntranslation:\n  of: "
                                               f"no-such-article\n  source_sha256: {'a' * 64}\n---\n\nText.\n"),
                               "translates an article that does not exist: translation.of 'no-such-article' names no article"),
    "bad correction": (lambda r: correction(r, "authors: Phan Anh\n"), "authors: expected a list of {name"),
    "corrupt manifest": (lambda r: write(r / ARTICLES / ".manifest.json", "{"), "not valid JSON"),
}


@pytest.mark.parametrize("case", sorted(CHECK_FINDS))
def test_check_reports_each_broken_file_in_one_line(archive, case):
    damage, expected = CHECK_FINDS[case]
    if case == "non-UTF-8 byte in an article":
        path = article_named(archive, "2023-08-10")
        path.write_bytes(path.read_bytes() + b"\xff")
        expected = "not UTF-8 text (byte 0xff)"
    else:
        damage(archive)
    result = cli(archive, "check")
    assert result.exit_code == 1
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert all(ONE_LINE.match(line) for line in result.stdout.splitlines())
    assert len(errors) == 1 and expected in errors[0], result.stdout
    assert re.match(r"^(docs|data)/\S+:\d+: error: ", errors[0])


def test_a_bug_is_one_line_naming_the_file_and_debug_shows_the_traceback(archive, monkeypatch):
    import tnarchive.validate

    def broken(*args):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(tnarchive.validate, "front_matter", broken)
    result = cli(archive, "check")
    assert result.exit_code == 3
    assert result.stderr.startswith("docs/vi/articles/2021-10-20-cong-tac-doi-ngoai-tinh-thai-nguyen-9-thang-nam.md: "
                                    "bug: ZeroDivisionError: division by zero (a bug in tnarchive")
    assert result.stderr.count("\n") == 1
    debug = cli(archive, "--debug", "check")
    assert debug.exit_code == 3 and "Traceback (most recent call last)" in debug.stderr


def test_a_file_that_cannot_be_written_is_one_line_not_a_bug(archive):
    (archive / "reports/review.md").unlink(missing_ok=True)
    (archive / "reports/review.md").mkdir(parents=True)  # where the report goes, a folder stands
    result = cli(archive, "convert")
    assert result.exit_code == 2
    assert result.stderr == "reports/review.md: error: Is a directory\n"
    assert not list((archive / "reports").glob(".*.tmp")), "no temporary file left"


@pytest.mark.parametrize("args, expected", [
    (["--name", "../../x"], "error: --name '../../x': use letters, digits"),
    (["--name", "a/b"], "error: --name 'a/b': use letters, digits"),
    (["--date", "07/12/2026"], "error: --date '07/12/2026': expected a date as YYYY-MM-DD"),
    (["--date", ""], "error: --date '': expected a date as YYYY-MM-DD"),
    (["--date", "2026-02-30"], "error: --date '2026-02-30': expected a date as YYYY-MM-DD"),
])
def test_export_arguments_are_checked_before_anything_is_written(archive, args, expected):
    listing = sorted(p for p in archive.parent.rglob("*"))
    result = cli(archive, "export", "--no-pdf", *args)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [expected + result.stderr.split(expected, 1)[1].split("\n")[0]]
    assert sorted(p for p in archive.parent.rglob("*")) == listing, "nothing written anywhere"


@pytest.fixture
def bag(tmp_path) -> Path:
    import bagit

    folder = tmp_path / "bag"
    (folder / "data").mkdir(parents=True)
    (folder / "data/index.html").write_text("<p>archive</p>\n")
    bagit.make_bag(str(folder), checksums=["sha256"])
    assert cli(tmp_path, "verify", str(folder)).exit_code == 0
    return folder


@pytest.mark.parametrize("line, expected", [
    (f"{'a' * 64}  ../../../etc/passwd\n", ":2: error: path '../../../etc/passwd' leaves the bag; refused, not read"),
    ("justonetoken\n", ":2: error: malformed line: expected a SHA-256"),
    (b"\xff\xfe\n", ":2: error: not UTF-8 text"),
])
def test_verify_refuses_a_manifest_that_leaves_the_bag_or_is_malformed(bag, line, expected):
    manifest = bag / "manifest-sha256.txt"
    manifest.write_bytes(manifest.read_bytes() + (line if isinstance(line, bytes) else line.encode()))
    result = cli(bag.parent, "verify", str(bag))
    assert result.exit_code == 1
    assert f"{manifest}{expected}" in result.stderr.splitlines()[0]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("kind", ["ratio", "size", "files", "path"])
def test_verify_caps_what_a_zip_may_unpack_to(tmp_path, monkeypatch, kind):
    import tnarchive.export

    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        if kind == "ratio":
            zf.writestr("x/data/zeros", b"\0" * (8 << 20))  # 8 MB of zeros in 8 KB
        elif kind == "path":
            zf.writestr("../outside.txt", b"x")
        else:
            for i in range(4):
                zf.writestr(f"x/data/{i}.txt", b"some text " * 100)
    if kind == "size":  # small caps, so that the test stays small
        monkeypatch.setattr(tnarchive.export, "MAX_BYTES", 2000)
    if kind == "files":
        monkeypatch.setattr(tnarchive.export, "MAX_FILES", 3)
    result = cli(tmp_path, "verify", str(bomb))
    assert result.exit_code == 1
    expected = {"ratio": "x/data/zeros unpacks to", "size": "it would unpack to", "files": "4 files, over the cap of 3",
                "path": "'../outside.txt' would be written outside"}[kind]
    assert result.stderr.startswith(f"{bomb}: error: refused: ") and expected in result.stderr
    assert result.stderr.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bomb.zip"], "nothing unpacked next to it"


def _mkdocs(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", *args], cwd=root,
                          capture_output=True, text=True, timeout=600)


@pytest.mark.slow
@pytest.mark.parametrize("case", ["data duplicate key", "translation not UTF-8", "orphan translation", "no plugin"])
def test_mkdocs_build_fails_with_the_message_not_a_traceback(archive, case):
    if case == "data duplicate key":
        appended = len((archive / "data/partners.yml").read_text(encoding="utf-8").splitlines()) + 1
        append(archive / "data/partners.yml", "partners: []\n")
        expected = (f"data/partners.yml:{appended}: error: key 'partners' appears twice in the same block "
                    f"(line {PARTNERS_LINE})")
    elif case == "translation not UTF-8":
        path = next((archive / "docs/en/articles").glob("2023-08-10*.md"))
        path.write_bytes(path.read_bytes() + b"\xff")
        expected = f"{path}:45: error: not UTF-8 text (byte 0xff); save the file as UTF-8"
    elif case == "orphan translation":
        write(archive / "docs/en/articles/orphan.md", "---\ntitle: Orphan\ntranslation:\n  of: no-such-article\n"
                                                      f"  source_sha256: {'a' * 64}\n---\n\nText.\n")
        expected = "docs/en/articles/orphan.md: warning: translates an article that does not exist: translation.of 'no-such-article'"
    else:
        text = (archive / "mkdocs.yml").read_text(encoding="utf-8")
        write(archive / "mkdocs.yml", re.sub(r"(?m)^  - tnarchive\b.*$", "", text))
        expected = "the tnarchive plugin is missing: add '- tnarchive' under plugins: in mkdocs.yml"
    proc = _mkdocs(archive, "--strict")
    assert proc.returncode == 1
    assert expected in proc.stderr, proc.stderr
    if case != "no plugin":  # a template error is MkDocs' own traceback; the line says what to do
        assert "Traceback" not in proc.stderr
