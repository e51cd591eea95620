"""`tnarchive convert` over whole folders: bad input, idempotency, ownership of files."""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from conftest import ROOT, run

ARTICLES = Path("docs/vi/articles")


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_convert_writes_one_article_per_seed(project):
    proc = run(["convert"], project, check=True)
    assert "5 written" in proc.stdout
    names = sorted(p.name for p in (project / ARTICLES).glob("*.md"))
    assert names == sorted(p.name for p in (ROOT / ARTICLES).glob("*.md"))


def test_convert_is_idempotent_and_deterministic(project, tmp_path):
    run(["convert"], project, check=True)
    first = tree(project / ARTICLES)
    second_proc = run(["convert"], project, check=True)
    assert "0 written, 5 unchanged" in second_proc.stdout
    assert tree(project / ARTICLES) == first
    # A second, independent run elsewhere gives the same bytes.
    other = tmp_path / "other"
    run(["convert", "--seeds", str(project / "seeds"), "--data", str(project / "data"), "--out", str(other)], tmp_path, check=True)
    assert tree(other) == first


def test_committed_articles_match_the_converter(project):
    """docs/vi/articles in the repository is exactly what the converter writes today."""
    run(["convert"], project, check=True)
    assert tree(project / ARTICLES) == tree(ROOT / ARTICLES)


BAD = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"   \n\n \r\n", "only white space"),
    "binary.txt": (bytes(range(256)) * 40, "binary data"),
    "notitle.txt": ("aa\n\nThống kê truy cập\n".encode(), "no title"),
    "chrome-only.txt": ("Trang chủ Việt Nam hôm nay\n12:08 | 10/02/2025 GMT+7\n\nTiêu đề một bài báo mẫu\n\naa\nTin bài liên quan\n\nMột tin khác rất dài ở đây.\n".encode(), "no article text"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_is_reported_and_the_batch_goes_on(project, name):
    data, reason = BAD[name]
    (project / "seeds" / name).write_bytes(data)
    proc = run(["convert"], project)
    assert proc.returncode == 1
    line = next(l for l in proc.stderr.splitlines() if name in l)
    assert line.startswith(f"seeds/{name}: error: ") and reason in line, line
    assert "Traceback" not in proc.stderr
    assert len(list((project / ARTICLES).glob("*.md"))) == 5, "every good seed still converts"


def test_oversized_file_is_refused_without_reading_it(project):
    big = project / "seeds" / "huge.txt"
    with big.open("wb") as fh:
        fh.write("Tiêu đề\n\n".encode())
        fh.seek(50 * 1024 * 1024)
        fh.write(b"x\n")
    proc = run(["convert"], project)
    assert proc.returncode == 1
    assert "seeds/huge.txt: error: file is 50.0 MB, over the 5 MB limit" in proc.stderr
    assert len(list((project / ARTICLES).glob("*.md"))) == 5


def test_undecodable_bytes_are_reported(project):
    # Invalid UTF-8, and not text in any single-byte encoding either: mostly C0 control bytes.
    (project / "seeds" / "garbled.txt").write_bytes(b"\x81\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 50)
    proc = run(["convert"], project)
    assert proc.returncode == 1 and "seeds/garbled.txt: error: " in proc.stderr


def test_a_failing_seed_keeps_its_previous_article(project):
    run(["convert"], project, check=True)
    seed = project / "seeds" / "002_c9328a74d8cd8d95.txt"
    target = next((project / ARTICLES).glob("2023-08-29-*.md"))
    before = target.read_bytes()
    seed.chmod(0o644)
    seed.write_bytes(b"")  # the page is damaged
    proc = run(["convert"], project)
    assert proc.returncode == 1
    assert target.read_bytes() == before, "nothing already in docs/ is lost"


def test_hand_edited_generated_file_is_not_overwritten(project):
    run(["convert"], project, check=True)
    target = next((project / ARTICLES).glob("2021-10-20-*.md"))
    target.write_text(target.read_text() + "\nA note someone typed here.\n")
    edited = target.read_bytes()
    proc = run(["convert"], project)
    assert proc.returncode == 1
    assert "was edited by hand since the last conversion" in proc.stderr
    assert target.read_bytes() == edited
    forced = run(["convert", "--force"], project, check=True)
    assert "1 written" in forced.stdout
    assert (project / "reports/overwritten" / target.name).read_bytes() == edited


def test_unowned_file_with_the_same_name_is_not_overwritten(project):
    out = project / ARTICLES
    out.mkdir(parents=True)
    stranger = out / "2021-10-20-cong-tac-doi-ngoai-tinh-thai-nguyen-9-thang-nam.md"
    stranger.write_text("# Someone else's page\n")
    proc = run(["convert"], project)
    assert proc.returncode == 1 and "was not written by the converter" in proc.stderr
    assert stranger.read_text() == "# Someone else's page\n"


def test_removed_seed_removes_only_its_own_unchanged_article(project):
    run(["convert"], project, check=True)
    (project / "seeds" / "004_18343bb76387200d.txt").unlink()
    keep = project / ARTICLES / "notes.md"
    keep.write_text("curated\n")
    proc = run(["convert"], project, check=True)
    assert "1 removed" in proc.stdout
    assert not list((project / ARTICLES).glob("2021-10-20-*.md"))
    assert keep.read_text() == "curated\n"


def test_manifest_records_every_written_file(project):
    run(["convert"], project, check=True)
    manifest = json.loads((project / ARTICLES / ".manifest.json").read_text())
    for name, entry in manifest["files"].items():
        data = (project / ARTICLES / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
        assert (project / "seeds" / entry["seed"]).exists()


def test_progress_bar_on_larger_batches(project):
    for i in range(8):
        (project / "seeds" / f"9{i:02d}.txt").write_bytes((ROOT / "seeds/003_5afb966c1325a250.txt").read_bytes().replace(b"10/8", f"1{i}/8".encode()))
    proc = run(["convert", "--progress"], project, check=True)
    assert "13/13" in proc.stderr and "page" in proc.stderr


def test_review_report_lists_inferred_dates(project):
    run(["convert"], project, check=True)
    report = (project / "reports/review.md").read_text()
    assert "`seeds/003_5afb966c1325a250.txt`" in report and "worked out from the text" in report
    data = json.loads((project / "reports/review.json").read_text())
    assert data["articles"]["003_5afb966c1325a250.txt"]["date"] == "2023-08-10"


def test_setup_error_names_the_file(project):
    (project / "data/partners.yml").write_text("partners:\n  - id: x\n    name_vi: X\n    name_en: X\n    kind: planet\n")
    proc = run(["convert"], project)
    assert proc.returncode == 2
    assert proc.stderr.startswith("data/partners.yml:5: error: partners.0.kind: expected one of country,")
    assert proc.stderr.count("\n") == 1


def test_cli_reference_documents_every_command_and_option():
    """`--help` lists each command and its options, and CLI.md documents each under its command's heading."""
    reference = (ROOT / "CLI.md").read_text(encoding="utf-8")
    sections = dict(re.findall(r"^### `tnarchive (\w+)`\n(.*?)(?=^##)", reference + "\n##", re.M | re.S))
    top = run(["--help"], ROOT, check=True).stdout
    assert "--version" in top and "--version" in reference
    commands = re.findall(r"^  (\w+)  ", top, re.M)
    assert set(commands) >= {"convert", "inspect", "check", "export", "verify"}
    for command in commands:
        assert command in sections, f"CLI.md has no section for tnarchive {command}"
        helptext = run([command, "--help"], ROOT, check=True).stdout
        options = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", helptext)) - {"--help"}
        if command == "convert":
            assert options >= {"--seeds", "--out", "--data", "--translations", "--report", "--force", "--progress",
                               "--no-progress", "--jobs"}
        for option in options:
            assert f"`{option}" in sections[command], f"tnarchive {command} {option} is not documented in CLI.md"
