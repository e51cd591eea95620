"""Told when things are out of date: `tnarchive check` names each input changed since the last
conversion (→ `./tna convert`) and a site built before the latest changes (→ `./tna build`)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import run

SEED = "003_5afb966c1325a250.txt"
NEW_PARTNER = ("\n  - id: added-partner\n    name_vi: Tổ chức Hữu nghị Mới\n"
               "    name_en: New Friendship Organisation\n    kind: ngo\n")


@pytest.fixture
def archive(built_site, tmp_path) -> Path:
    """A converted and built copy of the archive (the session's built site, copied)."""
    project = tmp_path / "project"
    shutil.copytree(built_site.parent, project, ignore=shutil.ignore_patterns("dist"))
    return project


def stale_lines(proc) -> list[str]:
    """check's lines that tell of something out of date."""
    return [line for line in proc.stdout.splitlines() if "./tna convert" in line or "./tna build" in line]


def test_a_current_archive_is_not_stale_even_with_new_modification_times(archive):
    assert stale_lines(run(["check"], archive)) == []
    for path in archive.rglob("*"):  # as a checkout or a copy leaves them: every file newer
        os.utime(path, (1_900_000_000, 1_900_000_000), follow_symlinks=False)
    assert stale_lines(run(["check"], archive)) == []


def test_a_partner_added_without_converting_names_the_conversion(archive):
    with open(archive / "data/partners.yml", "a", encoding="utf-8") as fh:
        fh.write(NEW_PARTNER)
    proc = run(["check"], archive)
    assert proc.returncode == 0  # a step to take, not an error in the archive
    assert ("data/partners.yml:1: warning: changed since the last conversion; the articles do not show it yet: "
            "run `./tna convert`") in proc.stdout.splitlines()
    # data/ is an input of the site too: the build is named, after the conversion
    lines = stale_lines(proc)
    assert len(lines) == 2 and lines[1] == ("site:1: warning: built before the latest changes to docs/, data/, "
                                            "overrides/ or mkdocs.yml: run `./tna build`")
    run(["convert"], archive, check=True)
    assert stale_lines(run(["check"], archive)) == [lines[1]]


def test_a_correction_added_changed_or_removed_names_the_conversion(archive):
    correction = archive / "data/corrections" / (Path(SEED).stem + ".yml")
    correction.parent.mkdir(exist_ok=True)
    correction.write_text("note: checked against the printed edition\n", encoding="utf-8")
    rel = f"data/corrections/{correction.name}"
    assert f"{rel}:1: warning: new since the last conversion; the articles do not show it yet: run `./tna convert`" \
        in run(["check"], archive).stdout
    run(["convert"], archive, check=True)
    assert not any(line.startswith(rel) for line in stale_lines(run(["check"], archive)))
    correction.write_text("note: checked again\n", encoding="utf-8")
    assert f"{rel}:1: warning: changed since the last conversion" in run(["check"], archive).stdout
    correction.unlink()
    assert f"{rel}:1: warning: removed since the last conversion; the articles still show it: run `./tna convert`" \
        in run(["check"], archive).stdout


def test_a_changed_seed_names_the_conversion(archive):
    seed = archive / "seeds" / SEED
    seed.chmod(0o644)
    seed.write_text(seed.read_text(encoding="utf-8") + "\nMột đoạn mới.\n", encoding="utf-8")
    proc = run(["check"], archive)
    assert f"seeds/{SEED} changed since this article was converted: run `./tna convert`" in proc.stdout
    assert not any(line.startswith("seeds/") for line in proc.stdout.splitlines())  # told once, on the article
    run(["convert"], archive, check=True)
    assert "./tna convert" not in run(["check"], archive).stdout


def test_a_site_older_than_docs_names_the_build(archive):
    page = next((archive / "docs/en/articles").glob("2021-*.md"))
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    assert stale_lines(run(["check"], archive)) == [
        "site:1: warning: built before the latest changes to docs/, data/, overrides/ or mkdocs.yml: run `./tna build`"]


def test_a_manifest_without_hashes_says_to_convert_once(archive):
    import json

    path = archive / "docs/vi/articles/.manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    del manifest["inputs"]
    path.write_text(json.dumps(manifest), encoding="utf-8")
    lines = [line for line in stale_lines(run(["check"], archive)) if "./tna convert" in line]
    assert lines == ["docs/vi/articles/.manifest.json:1: warning: the last conversion recorded no hashes of its inputs "
                     "(an older tnarchive), so changes since cannot be told: run `./tna convert`"]
