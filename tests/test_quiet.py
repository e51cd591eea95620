"""Quiet by default: converting and building the archive print a few lines of counts; details come
with -v; warnings and errors are always shown, and `--strict` still refuses a build that warned."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, run


def _lines(proc: subprocess.CompletedProcess) -> list[str]:
    return [line for line in (proc.stdout + proc.stderr).splitlines() if line.strip()]


def _mkdocs(project: Path, *args: str) -> subprocess.CompletedProcess:
    """`mkdocs build` as the command line runs it (its console output is what is measured)."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *args], cwd=project, capture_output=True,
                          text=True, timeout=600)


def test_converting_and_building_the_seeds_prints_a_few_lines(project):
    convert = run(["convert"], project, check=True)
    summary = _lines(convert)  # the counts, and what needs the archivist's eye (the worklist)
    assert len(summary) == 2 and "converted 5 page(s)" in summary[0] and "reports/review.md" in summary[1]
    (project / "scripts").mkdir()
    script = project / "scripts/build-site.sh"  # what `./tna build` runs; it builds the folder it is in
    script.write_bytes((ROOT / "scripts/build-site.sh").read_bytes())
    build = subprocess.run(["bash", str(script)], cwd=project, capture_output=True, text=True,
                           timeout=600, env={"MKDOCS": str(Path(sys.executable).parent / "mkdocs"), "PATH": "/usr/bin:/bin"})
    assert build.returncode == 0, build.stderr[-3000:]
    lines = _lines(convert) + _lines(build)
    assert len(lines) <= 15, "\n".join(lines)
    assert not any("not included in the" in line or line.startswith("INFO") for line in lines)
    assert any(line.startswith("site built: 5 article(s)") for line in lines)
    assert (project / "site/index.html").is_file()

    # -v: every article written (convert), MkDocs' own progress (mkdocs build).
    (project / "docs/vi/articles" / next((project / "docs/vi/articles").glob("2021-*.md")).name).unlink()
    verbose = run(["convert", "-v"], project, check=True)
    assert [line for line in _lines(verbose) if line.startswith("written: ")] == [
        f"written: docs/vi/articles/{p.name}" for p in (project / "docs/vi/articles").glob("2021-*.md")]
    detailed = _mkdocs(project, "-v", "--site-dir", "site.v")
    assert detailed.returncode == 0 and "Building documentation" in detailed.stderr and len(_lines(detailed)) > 50


def test_a_warning_is_shown_and_a_strict_build_still_refused(project):
    run(["convert"], project, check=True)
    page = project / "docs/vi/maintainers.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[a page that does not exist](nowhere.md)\n", encoding="utf-8")
    proc = _mkdocs(project, "--strict")
    assert proc.returncode == 1
    warnings = [line for line in _lines(proc) if line.startswith("WARNING")]
    assert len(warnings) == 1 and "nowhere.md" in warnings[0]
    assert "Aborted with 1 warnings in strict mode!" in proc.stdout + proc.stderr
    assert "site built" not in proc.stdout + proc.stderr  # no summary for a refused build
