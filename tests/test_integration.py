"""The dependency tricks (tnarchive/site/integration/): each falls back to the public path on any
other version of its dependency, and the public path gives the same site."""
from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import material
import pytest
from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

from tnarchive.site.integration import guard, i18n_files, languages, rendered, watching

ROOT = Path(__file__).resolve().parent.parent

# Run in the build's own process: every version check answers "another version".
PUBLIC_PATH_BUILD = """
import sys
from tnarchive.site.integration import guard
guard.installed = lambda dist: "0.0-not-the-pinned-version"
from mkdocs.__main__ import cli
sys.exit(cli(["build", "--strict", "--verbose", "--site-dir", sys.argv[1]]))
"""


def _differences(a: Path, b: Path) -> list[str]:
    """The files that differ between two folders, or are in only one of them."""
    files = {p.relative_to(a) for p in a.rglob("*") if p.is_file()} | {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    return sorted(str(f) for f in files if not (a / f).is_file() or not (b / f).is_file()
                  or (a / f).read_bytes() != (b / f).read_bytes())


def test_every_guard_forced_to_the_public_path_builds_the_same_site(built_site, tmp_path):
    """One build with every trick off (the languages one after the other, each page rendered by
    MkDocs itself): the same site, byte for byte, as the normal build of the same project."""
    site = tmp_path / "site"
    proc = subprocess.run([sys.executable, "-c", PUBLIC_PATH_BUILD, str(site)], cwd=built_site.parent,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "is not 1.6.1, which rendered" in proc.stderr  # the tricks were skipped, and the log (-v) says so
    assert "is not 1.3.1, which languages" in proc.stderr
    assert _differences(built_site, site) == []


@pytest.fixture
def other_versions(monkeypatch):
    monkeypatch.setattr(guard, "installed", lambda dist: "0.0-not-the-pinned-version")
    rendered.usable.cache_clear()
    yield
    rendered.usable.cache_clear()


def test_pinned_versions_use_every_trick():
    assert rendered.usable()
    assert guard.written_for(guard.MKDOCS, "test") and guard.written_for(guard.STATIC_I18N, "test")
    assert guard.written_for(guard.MATERIAL, "test")


def test_rendering_ahead_falls_back_to_mkdocs(other_versions):
    assert rendered.usable() is False
    assert rendered.cached("Một đoạn văn.\n", None, None, {"markdown_extensions": [], "mdx_configs": {}}) is None


def test_languages_are_not_forked_on_another_version(other_versions):
    class I18n:
        building, build_languages, current_language = False, ["vi", "en"], "vi"

    class Config:
        plugins = {"i18n": I18n()}

    assert languages.may_fork(Config(), "build") is False


def test_serve_keeps_polling_on_another_mkdocs(other_versions, tmp_path):
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(tmp_path))
    observer = server.observer
    assert watching.use_native(server) is False
    assert server.observer is observer and isinstance(observer, PollingObserver)
    assert server._watched_paths == {str(tmp_path): 1}


def test_i18n_files_left_alone_on_another_version(other_versions, monkeypatch):
    from mkdocs_static_i18n import folder

    monkeypatch.setattr(i18n_files, "_installed", False)
    before = folder.create_i18n_file
    assert i18n_files.install() is False
    assert folder.create_i18n_file is before


# The blocks of Material's templates that overrides/ copies, as Material 9.7.0 has them. A Material
# whose block differs fails here: compare the block with its copy in overrides/, carry the change
# over, and record the new hash (and version in integration/guard.py).
MATERIAL_BLOCKS = {
    # overrides/main.html's site_nav: Material's, with the navigation rendered once per folder.
    ("base.html", "site_nav"): "08b0b8418133d46ea078a7737f096bed62048ed4be5f9c1ba790b3cd3f498cbc",
    # overrides/partials/header.html: Material's whole header, with the archive's search box.
    ("partials/header.html", None): "8cf3fb15bcf969ff596649616fd99366b3c31c08d57a86d05308efc16d8fa75f",
}


@pytest.mark.parametrize("template,block", MATERIAL_BLOCKS)
def test_overrides_copy_the_installed_materials_blocks(template, block):
    text = (Path(material.__file__).parent / "templates" / template).read_text(encoding="utf-8")
    if block is not None:
        found = re.search(r"\{% block " + block + r" %\}.*?\{% endblock %\}", text, re.S)
        assert found, f"Material's {template} has no block {block}: overrides/main.html overrides it"
        text = found[0]
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == MATERIAL_BLOCKS[template, block], (
        f"Material's {template} {block or ''} is not the one overrides/ copies (Material {guard.MATERIAL[1]})")


def test_blocks_the_overrides_extend_are_still_there():
    """overrides/main.html wraps Material's `config` block (super()): the block must exist."""
    base = (Path(material.__file__).parent / "templates" / "base.html").read_text(encoding="utf-8")
    for name in re.findall(r"\{% block (\w+) %\}", (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")):
        assert "{% block " + name + " %}" in base, name


def test_no_fork_while_other_threads_run():
    """Under `mkdocs serve` (server and watcher threads) work runs in this process: a fork would copy
    only the calling thread, and a lock another thread holds would stay held in the child."""
    import os
    import threading

    from tnarchive.forked import fork_map

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert set(fork_map(lambda _: os.getpid(), list(range(40)), per_job=1, jobs=2)) == {os.getpid()}

        class I18n:
            building, build_languages, current_language = False, ["vi", "en"], "vi"

        class Config:
            plugins = {"i18n": I18n()}

        assert languages.may_fork(Config(), "build") is False
    finally:
        stop.set()
        thread.join()


def test_every_search_script_is_published(built_site):
    """Each script in tnarchive/site/static/ (and MkDocs' lunr.js) lands in assets/search/."""
    static = sorted((ROOT / "tnarchive" / "site" / "static").glob("*.js"))
    assert static
    for script in static:
        assert (built_site / "assets" / "search" / script.name).read_bytes() == script.read_bytes()
    assert (built_site / "assets" / "search" / "lunr.js").stat().st_size > 0
