"""mkdocs-static-i18n's file reconfiguration, remembered across rebuilds (tnarchive/site/integration/i18n_files.py):
the same Files as the library makes, every time, and no File shared between two calls."""
from __future__ import annotations

from pathlib import Path

import mkdocs_static_i18n
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, get_files
from mkdocs_static_i18n import folder

from tnarchive.site.integration import guard, i18n_files

ROOT = Path(__file__).resolve().parent.parent


def _original():
    return getattr(folder.create_i18n_file, "__wrapped__", folder.create_i18n_file)


def _state(f: File) -> dict:
    """Everything a File holds, with its alternates by language and by where they point."""
    out = {k: v for k, v in vars(f).items() if k != "alternates"}
    for name in ("src_uri", "dest_uri", "url", "abs_src_path", "abs_dest_path", "name", "edit_uri"):
        out[name] = getattr(f, name)
    out["alternates"] = {lang: (alt.src_uri, alt.dest_uri) for lang, alt in f.alternates.items()}
    return out


@pytest.fixture(scope="module")
def config(tmp_path_factory):
    docs = tmp_path_factory.mktemp("docs")
    for rel in ("vi/index.md", "en/index.md", "vi/articles/2020-01-02-a.md", "en/articles/2020-01-02-a.md",
                "vi/articles/2021-03-04-b.md", "vi/README.md", "vi/images/a b.png", "en/sub/deep/page.md",
                "other.md", "assets/x.css", "vi/maintainers.md"):
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text("# x\n", encoding="utf-8")
    cfg = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(docs.parent / "site"))
    return cfg


def test_installs_for_the_pinned_version_only():
    assert mkdocs_static_i18n.version == guard.STATIC_I18N[1]  # pyproject.toml pins it
    assert i18n_files.install() is True
    assert folder.create_i18n_file.__wrapped__ is not None


@pytest.mark.parametrize("use_directory_urls", [False, True])
def test_same_files_as_the_library_makes(config, use_directory_urls):
    config.use_directory_urls = use_directory_urls
    i18n_files.install()
    wrapped, original = folder.create_i18n_file, _original()
    langs = ["vi", "en"]
    files = list(get_files(config))
    assert len(files) >= 10
    for file in files:
        for current in langs:
            expected = original(file, current, "vi", langs, config)
            for _ in range(2):  # the first call makes it, the second copies what the first made
                got = wrapped(file, current, "vi", langs, config)
                assert _state(got) == _state(expected), file.src_uri
                assert got.alternates == {current: got}  # lists itself, not the kept one
            # and of a File the library has already reconfigured (its alternates pass does this)
            again = original(expected, "en", "vi", langs, config)
            assert _state(wrapped(expected, "en", "vi", langs, config)) == _state(again)


def test_no_file_is_shared_between_calls(config):
    i18n_files.install()
    config.use_directory_urls = False
    file = next(f for f in get_files(config) if f.src_uri == "vi/articles/2020-01-02-a.md")
    first = folder.create_i18n_file(file, "vi", "vi", ["vi", "en"], config)
    first.page = "a page MkDocs attached"
    first.alternates["en"] = "an alternate mkdocs-static-i18n added"
    first.dest_uri = "changed.html"
    second = folder.create_i18n_file(file, "vi", "vi", ["vi", "en"], config)
    assert second is not first
    assert second.page is None
    assert second.alternates == {"vi": second}
    assert second.dest_uri == "articles/2020-01-02-a.html"
