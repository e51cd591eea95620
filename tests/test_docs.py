"""The repository's documents: a short README, and links that stay inside the repository and resolve."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT

DOCUMENTS = ["README.md", "ARCHITECTURE.md", "CONTRIBUTING.md", "CLI.md",
             *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "benchmarks").glob("*.md"))]
# [text](target), ![alt](target), <scheme:…> and [label]: target (outside code spans and blocks).
_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|<([a-z][a-z0-9+.-]*:[^>\s]+)>|^\s*\[[^\]]+\]:\s*(\S+)", re.M)
_CODE = re.compile(r"^```.*?^```|`[^`\n]*`", re.M | re.S)


def links(path: Path) -> list[str]:
    text = _CODE.sub("", path.read_text(encoding="utf-8"))
    return [next(g for g in m.groups() if g) for m in _LINK.finditer(text)]


def anchors(path: Path) -> set[str]:
    """The ids GitHub gives the headings of a Markdown file: lower case, punctuation dropped, spaces to dashes."""
    text = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"), flags=re.M | re.S)
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in re.findall(r"^#+ (.+)$", text, re.M)}


def test_readme_is_short():
    assert (ROOT / "README.md").stat().st_size <= 10_000


@pytest.mark.parametrize("name", DOCUMENTS)
def test_links_stay_in_the_repository_and_resolve(name):
    doc = ROOT / name
    assert doc.is_file(), name
    assert "../shared" not in doc.read_text(encoding="utf-8")
    for target in links(doc):
        assert not re.match(r"[a-z][a-z0-9+.-]*:", target, re.I), f"{name}: {target} points outside the repository"
        path, _, anchor = target.partition("#")
        assert not path.startswith("/"), f"{name}: {target} is an absolute path"
        dest = (doc.parent / path).resolve() if path else doc
        assert dest.is_relative_to(ROOT), f"{name}: {target} leaves the repository"
        assert dest.exists(), f"{name}: {target} does not exist"
        if anchor and dest.suffix == ".md":
            assert anchor in anchors(dest), f"{name}: {target}: no such heading"


def test_the_link_reader_sees_every_kind_of_link(tmp_path):
    """The reader above is what the test relies on: it must find each form, and skip code."""
    doc = tmp_path / "doc.md"
    doc.write_text("See [a](A.md#x), ![b](img/b.png \"t\") and <https://example.org/>.\n\n[ref]: ../outside.md\n\n"
                   "`[not](a-link.md)`\n\n```\n[nor](this.md)\n```\n", encoding="utf-8")
    assert links(doc) == ["A.md#x", "img/b.png", "https://example.org/", "../outside.md"]
