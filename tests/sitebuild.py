"""Build a scratch copy of the whole archive once per test session (convert + mkdocs build --strict)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, run


def build_project(dest: Path, mutate=None) -> Path:
    """Copy the project's inputs to *dest*, let *mutate(dest)* change them, convert and build. Returns site/."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("seeds", "data", "overrides"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copytree(ROOT / "docs", dest / "docs", ignore=shutil.ignore_patterns(".manifest.json"))
    shutil.rmtree(dest / "docs/vi/articles")
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    run(["convert"], dest, check=True)
    if mutate:
        mutate(dest)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=dest, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return dest / "site"
