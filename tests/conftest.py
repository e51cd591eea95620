"""Shared fixtures: a scratch copy of the project, and the real `tnarchive` command."""
from __future__ import annotations

import functools
import http.server
import json
import os
import threading
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# Messages follow the locale (tnarchive/errors.py): the suite runs in English whatever the machine's
# locale is, in this process and in every `tnarchive` and `mkdocs` it starts. A test of the Vietnamese
# messages sets LANG (or --lang) itself.
os.environ["LANG"] = "en_US.UTF-8"
for _var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_var, None)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TNARCHIVE = str(Path(sys.executable).parent / "tnarchive")


def run(args: list[str], cwd: Path, check: bool = False, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the installed `tnarchive` command, as a user would."""
    proc = subprocess.run([TNARCHIVE, *args], cwd=cwd, capture_output=True, text=True, timeout=timeout)
    if check and proc.returncode != 0:
        raise AssertionError(f"tnarchive {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


def inspect(path: Path, cwd: Path = ROOT) -> dict:
    proc = run(["inspect", str(path), "--json"], cwd=cwd, check=True)
    return json.loads(proc.stdout)


@pytest.fixture(autouse=True)
def _english_again():
    """A test that chose a language in this process (`--lang` through click's runner) leaves none chosen."""
    yield
    from tnarchive.errors import set_language

    set_language(None)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the project's inputs (seeds, data, docs, mkdocs.yml, overrides) to convert and build in."""
    dest = tmp_path / "project"
    dest.mkdir()
    for name in ("seeds", "data", "overrides"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copytree(ROOT / "docs", dest / "docs", ignore=shutil.ignore_patterns("articles"))
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


@pytest.fixture(scope="session")
def seed_inspections() -> dict[str, dict]:
    return {p.name[:3]: inspect(p) for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The whole archive, converted and built with `mkdocs build --strict`, once per session."""
    from sitebuild import build_project

    return build_project(tmp_path_factory.mktemp("archive") / "project")


@pytest.fixture(scope="session")
def served(built_site, tmp_path_factory):
    """The site served over HTTP under a sub-path, as on a static host: http://127.0.0.1:PORT/archive/."""
    root = tmp_path_factory.mktemp("www")
    (root / "archive").symlink_to(built_site, target_is_directory=True)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a, **k: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/archive/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium",
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield b
        b.close()




# Figures the suite measures, shown in its closing summary (CI keeps the output of passing tests quiet).
REPORT: dict[str, str] = {}


def pytest_terminal_summary(terminalreporter):
    if REPORT:
        terminalreporter.section("archive measurements")
        for key in sorted(REPORT):
            terminalreporter.write_line(f"{key}: {REPORT[key]}")
