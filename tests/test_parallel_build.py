"""`mkdocs build` builds the English site in a forked process beside the Vietnamese one.

The site must be byte for byte the one a one-process build makes, a failure in the forked
language must fail the whole build, and nothing may be left behind.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run

pytestmark = pytest.mark.slow


def build(project: Path, site: str, jobs: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("TNARCHIVE_JOBS", None)
    if jobs:
        env["TNARCHIVE_JOBS"] = jobs
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site], cwd=project,
                          env=env, capture_output=True, text=True, timeout=600)


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_parallel_build_is_the_sequential_build(project):
    run(["convert"], project, check=True)
    forked = build(project, "site-forked")
    assert forked.returncode == 0, forked.stderr[-3000:]
    one = build(project, "site-one", jobs="1")
    assert one.returncode == 0, one.stderr[-3000:]
    a, b = tree(project / "site-forked"), tree(project / "site-one")
    assert "en/index.html" in a and "assets/search/en/manifest.js" in a and "sitemap.xml" in a
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []
    assert not [p.name for p in project.iterdir() if p.name.endswith("-build")], "the forked build's folder is removed"


def test_failure_in_the_forked_language_fails_the_build(project):
    run(["convert"], project, check=True)
    original = next((ROOT / "docs/en/articles").glob("*.md"))
    translation = project / "docs/en/articles" / original.name
    translation.parent.mkdir(parents=True, exist_ok=True)
    text = original.read_text(encoding="utf-8")
    translation.write_text(text + "\nSee [a page that does not exist](nowhere.md).\n", encoding="utf-8")
    proc = build(project, "site")
    assert proc.returncode != 0
    assert "'en' build" in proc.stderr and "nowhere.md" in proc.stderr
    assert not [p.name for p in project.iterdir() if p.name.endswith("-build")]
