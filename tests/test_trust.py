"""Trust: `tnarchive check`, republished duplicates, curated work surviving rule changes and re-saved seeds."""
from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import frontmatter
from conftest import ROOT, run

SEED3 = "003_5afb966c1325a250.txt"


def test_check_passes_on_the_archive():
    proc = run(["check"], ROOT)
    assert proc.returncode == 0, proc.stdout
    assert "check: 0 error(s)" in proc.stderr


def test_check_reports_path_line_and_fails(project):
    run(["convert"], project, check=True)
    art = next((project / "docs/vi/articles").glob("2023-08-10-*.md"))
    text = art.read_text(encoding="utf-8")
    text = text.replace("- lee-dal-hee", "- nobody-known").replace("date_precision: day", "date_precision: fortnight")
    art.write_text(text, encoding="utf-8")
    (project / "seeds/004_18343bb76387200d.txt").chmod(0o644)
    (project / "seeds/004_18343bb76387200d.txt").write_bytes(b"changed")
    proc = run(["check"], project)
    assert proc.returncode == 1
    rel = f"docs/vi/articles/{art.name}"
    lines = proc.stdout.splitlines()
    line_no = text.split("\n").index("- nobody-known") + 1
    assert f"{rel}:{line_no}: error: people: 'nobody-known' is not an id in data/people.yml" in lines
    assert any(l.startswith(f"{rel}:") and "date_precision" in l and "fortnight" in l for l in lines)
    assert any("seeds/004_18343bb76387200d.txt changed since this article was converted" in l for l in lines)
    assert any("warning: no English translation yet: `./tna translations export --missing --slug" in l for l in lines)


def test_check_finds_a_seed_without_article_and_stale_translation(project):
    run(["convert"], project, check=True)
    shutil.copytree(ROOT / "docs/en/articles", project / "docs/en/articles", dirs_exist_ok=True)
    (project / "seeds/zz_new.txt").write_text("Tiêu đề bài mới về hợp tác\n\nNội dung đầy đủ của bài mới.\n", encoding="utf-8")
    tr = next((project / "docs/en/articles").glob("2021-10-20-*.md"))
    tr.write_text(re.sub(r"source_sha256: [0-9a-f]+", "source_sha256: " + "f" * 64, tr.read_text(encoding="utf-8")),
                  encoding="utf-8")  # a well-formed digest of another text
    proc = run(["check"], project)
    assert "seeds/zz_new.txt:1: error: no article for this seed" in proc.stdout
    assert f"docs/en/articles/{tr.name}:" in proc.stdout and "stale" in proc.stdout
    assert run(["check", "--strict"], project).returncode == 1


def aggregator_copy(text: str) -> str:
    """The same story as an aggregator republishes it: other header, menus and related links."""
    body = text.split("\n", 1)[1].split("Nguồn Xây Dựng:")[0]  # without the original's source line
    title = text.split("\n", 1)[0]
    return (f"Trang chủ Việt Nam hôm nay\n08:00 | 11/08/2023 GMT+7\n\n{title}\n\naa\n{body}\n\n"
            "Tin bài liên quan\n\nOxfam hỗ trợ người dân sau bão\n\nĐọc nhiều\n\nPhiên bản di động")


def test_republished_copy_is_kept_once_with_both_sources(project):
    original = (project / "seeds" / SEED3).read_text(encoding="utf-8")
    (project / "seeds/005_aggregator.txt").write_text(aggregator_copy(original), encoding="utf-8")
    proc = run(["convert"], project, check=True)
    assert "5 written" in proc.stdout
    post = frontmatter.load(next((project / "docs/vi/articles").glob("2023-08-10-*.md")))
    assert [a["seed"] for a in post["also_published"]] == ["005_aggregator.txt"]
    assert post["also_published"][0]["source"]["name"] == "Thời Đại"
    manifest = json.loads((project / "docs/vi/articles/.manifest.json").read_text())
    assert manifest["duplicates"] == {"005_aggregator.txt": SEED3}
    assert "`005_aggregator.txt` is a copy of `003_5afb966c1325a250.txt`" in (project / "reports/review.md").read_text()
    assert run(["check"], project).returncode == 0


def test_corrections_and_translations_survive_rule_changes_and_resaved_seeds(project):
    run(["convert"], project, check=True)
    shutil.copytree(ROOT / "docs/en/articles", project / "docs/en/articles", dirs_exist_ok=True)
    (project / "data/corrections").mkdir()
    (project / "data/corrections/003_5afb966c1325a250.yml").write_text(
        "title: Bí thư Tỉnh ủy tiếp Đoàn công tác tỉnh Gyeongsangbuk-do\npeople: {add: [trinh-viet-hung]}\n"
        "partners: {remove: [samsung]}\n", encoding="utf-8")
    translation = next((project / "docs/en/articles").glob("2023-08-10-*.md"))
    before = translation.read_bytes()
    # A change in the converter's rules: a new chrome marker in the data, then the seed re-saved with CRLF.
    sources = project / "data/sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8").replace("    - Chia sẻ\n", "    - Chia sẻ\n    - Bản quyền\n", 1), encoding="utf-8")
    seed = project / "seeds" / SEED3
    seed.chmod(0o644)
    seed.write_bytes(seed.read_bytes().replace(b"\n", b"\r\n"))
    run(["convert"], project, check=True)
    post = frontmatter.load(next((project / "docs/vi/articles").glob("2023-08-10-*.md")))
    assert post["title"] == "Bí thư Tỉnh ủy tiếp Đoàn công tác tỉnh Gyeongsangbuk-do"
    assert "trinh-viet-hung" in post["people"] and "samsung" not in post["partners"]
    assert translation.read_bytes() == before


def test_slug_corrections_cannot_leave_docs(project):
    (project / "data/corrections").mkdir()
    for bad in ("../../etc/passwd", "/abs/path", "con", "Upper", "a/b"):
        (project / "data/corrections/003_5afb966c1325a250.yml").write_text(f"slug: {json.dumps(bad)}\n", encoding="utf-8")
        proc = run(["convert"], project)
        assert proc.returncode == 2 and "slug: expected a slug in quotes: lower-case letters" in proc.stderr, bad
    written = {p.resolve() for p in project.rglob("*") if p.is_file()}
    assert all(project.resolve() in p.parents for p in written)
    assert not (project / "etc").exists() and not list((project / "docs").rglob("passwd*"))


def _many_seeds(project, n: int) -> None:
    base = (project / "seeds" / SEED3).read_text(encoding="utf-8")
    for i in range(n):
        text = base.replace("Ngày 10/8", f"Ngày {1 + i % 28}/{1 + i % 12}").replace(
            "Bí thư Tỉnh ủy Thái Nguyên tiếp và làm việc", f"Bài số {i}: Bí thư Tỉnh ủy Thái Nguyên tiếp và làm việc", 1)
        (project / "seeds" / f"8{i:04d}.txt").write_text(text + f"\n\nĐoạn riêng số {i}.\n", encoding="utf-8")


def test_convert_killed_halfway_leaves_docs_usable(project):
    import signal
    import subprocess
    import time

    from conftest import TNARCHIVE

    _many_seeds(project, 300)
    run(["convert"], project, check=True)
    # Change every page, then kill the next run while it writes.
    for seed in (project / "seeds").glob("8*.txt"):
        seed.write_text(seed.read_text(encoding="utf-8").replace("Đoạn riêng", "Đoạn mới"), encoding="utf-8")
    proc = subprocess.Popen([TNARCHIVE, "convert"], cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(3.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    for md in (project / "docs/vi/articles").glob("*.md"):
        post = frontmatter.load(md)
        assert post["title"] and post.content.startswith("# "), md
    assert not list((project / "docs/vi/articles").glob(".*.tmp"))
    again = run(["convert"], project)
    assert again.returncode == 0, again.stderr
    assert "Đoạn mới" in next((project / "docs/vi/articles").glob("*bai-so-7-*.md")).read_text(encoding="utf-8")


def test_build_killed_halfway_leaves_the_previous_site(project):
    import signal
    import subprocess
    import sys
    import time

    _many_seeds(project, 150)
    run(["convert"], project, check=True)
    shutil.copytree(ROOT / "scripts", project / "scripts")
    env = {"MKDOCS": str(Path(sys.executable).parent / "mkdocs"), "PATH": "/usr/bin:/bin"}
    subprocess.run(["bash", "scripts/build-site.sh"], cwd=project, check=True, env=env, capture_output=True)
    before = sorted(str(p.relative_to(project / "site")) for p in (project / "site").rglob("*.html"))
    (project / "docs/vi/index.md").write_text("# Trang chủ mới\n", encoding="utf-8")
    proc = subprocess.Popen(["bash", "scripts/build-site.sh"], cwd=project, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Killed once the new pages are being written (not after a fixed time: a fast build could finish first).
    def pages_written() -> bool:
        try:
            return any((project / "site.partial").rglob("*.html"))
        except FileNotFoundError:  # a folder renamed while it was walked (the search index swaps its own)
            return False

    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline and not pages_written():
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL, "the build ended before it could be killed halfway"
    after = sorted(str(p.relative_to(project / "site")) for p in (project / "site").rglob("*.html"))
    assert after == before and len(before) > 300
    assert "Trang chủ mới" not in (project / "site/index.html").read_text(encoding="utf-8")


def test_maintainers_page_documents_every_check_message():
    import re as _re

    source = (ROOT / "tnarchive/check.py").read_text(encoding="utf-8")
    messages = {"is not an id in data/", "is also used by", "is not the file's name", "changed since this article was converted",
                "is gone", "no article for this seed", "translates an article that does not exist",
                "no English translation yet", "stale", "unreviewed", "no date", "no seed with this name",
                "no place on the maps"}
    for m in messages:
        assert m.split(" ")[0] in source
    for lang in ("vi", "en"):
        page = (ROOT / f"docs/{lang}/maintainers.md").read_text(encoding="utf-8")
        assert "tnarchive check" in page and "data/sources.yml" in page and "docs/en/articles/" in page
        for m in messages:
            assert m in page, (lang, m)
    assert _re.search(r"\| message \| what to do \|", (ROOT / "docs/en/maintainers.md").read_text())
