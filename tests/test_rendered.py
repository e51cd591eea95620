"""Article bodies rendered once for both languages (tnarchive/site/rendered.py) are what MkDocs makes."""
from __future__ import annotations

import os

import pytest
from conftest import ROOT
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import Page

from tnarchive.site import rendered
from tnarchive.site.loader import article_files


@pytest.fixture(scope="module")
def mkdocs_site():
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        config = load_config(str(ROOT / "mkdocs.yml"))
        files = get_files(config)
    finally:
        os.chdir(cwd)
    return config, files


class _Stub:
    def __init__(self, markdown, file):
        self.markdown, self.file = markdown, file


def test_rendered_bodies_equal_mkdocs_page_render(mkdocs_site):
    config, files = mkdocs_site
    paths = article_files(ROOT / "docs")
    assert len(paths) >= 10  # the seeds' articles and their translations
    for path in paths:
        file = files.get_file_from_path(str(path.relative_to(ROOT / "docs")))
        text = rendered.anchored_body(path)
        ours = rendered.render(text, file, files, config)
        theirs = _Stub(text, file)
        Page.render(theirs, config, files)
        assert ours is not None, path
        assert ours.content == theirs.content, path
        assert [(x.id, x.title, x.level) for x in ours.toc] == [(x.id, x.title, x.level) for x in theirs.toc]
        assert ours.anchors == theirs.present_anchor_ids and "p1" in ours.anchors
        # a Markdown object reused for the next body starts clean
        again = rendered.render(text, file, files, config)
        assert again.content == ours.content


def test_a_body_with_a_link_is_left_to_mkdocs(mkdocs_site):
    config, files = mkdocs_site
    file = next(f for f in files.documentation_pages() if "/articles/" in f.src_uri)
    assert rendered.render("Text with [a link](../index.md).\n", file, files, config) is None
    assert rendered.render("Plain text.\n", file, files, config).content == "<p>Plain text.</p>"
