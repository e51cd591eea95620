"""Article bodies rendered once for both languages (tnarchive/site/integration/rendered.py) are what MkDocs makes."""
from __future__ import annotations

import os

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import Page

from tnarchive.render import body_markdown
from tnarchive.site.integration import rendered
from tnarchive.site.article import add_anchors
from tnarchive.catalog.loader import article_files
from tnarchive.structure import Block


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
        assert ours.title == theirs._title_from_render
        # a Markdown object reused for the next body starts clean
        again = rendered.render(text, file, files, config)
        assert again.content == ours.content


def test_a_body_with_a_link_is_left_to_mkdocs(mkdocs_site):
    config, files = mkdocs_site
    file = next(f for f in files.documentation_pages() if "/articles/" in f.src_uri)
    assert rendered.render("Text with [a link](../index.md).\n", file, files, config) is None
    assert rendered.render("Plain text.\n", file, files, config).content == "<p>Plain text.</p>"


def _page_render(text, file, files, config):
    theirs = _Stub(text, file)
    Page.render(theirs, config, files)
    return theirs


def test_the_converters_articles_take_the_quick_way(mkdocs_site):
    """Every Vietnamese article the seeds give is only the converter's shapes of block, so its lines
    of text skip Python-Markdown's inline patterns (see rendered.skeleton)."""
    config, files = mkdocs_site
    import markdown

    escaped = markdown.Markdown(extensions=config["markdown_extensions"]).ESCAPED_CHARS
    paths = [p for p in article_files(ROOT / "docs") if "/vi/" in p.as_posix()]
    assert paths
    for path in paths:
        assert rendered.skeleton(rendered.anchored_body(path), escaped) is not None, path


# Text as sources give it: Vietnamese, digits, punctuation and everything Markdown or HTML reads
# as markup, entities and things that look like them, a placeholder's look-alike.
_ALPHABET = st.sampled_from(list("aăâđeêoôơuưy ÁàẢãẠHợpTácQuốc 0123456789.,;:!?()'\"/-–+=#*_`[]{}<>&|~^$\\%@\u00a0\t")
                            + ["&amp;", "&#124;", "&lt;", "&x;", "&#xZZ;", "TNAFASTLINE0Z", "1. ", "- ", "  ", "\\\\"])
_LINE = st.lists(_ALPHABET, min_size=1, max_size=40).map("".join).map(str.strip).filter(bool)
_BLOCKS = st.lists(st.tuples(st.sampled_from(["paragraph", "paragraph", "heading", "list_item", "caption"]), _LINE,
                             st.one_of(st.none(), _LINE)), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(title=_LINE, blocks=_BLOCKS)
def test_the_quick_way_renders_what_python_markdown_renders(mkdocs_site, title, blocks):
    """Any article the converter can write (its escaping of any text, its shapes of block) renders to
    the same HTML, table of contents, title and anchors by the quick way as by MkDocs' Page.render."""
    config, files = mkdocs_site
    file = next(f for f in files.documentation_pages() if "/articles/" in f.src_uri)
    text = add_anchors(body_markdown(title, [Block(k, t, c if k == "caption" else None) for k, t, c in blocks]))
    ours = rendered.render(text, file, files, config)
    theirs = _page_render(text, file, files, config)
    if ours is None:  # left to MkDocs: only a body whose HTML has a link or an image
        assert "<a " in theirs.content or "<img" in theirs.content
        return
    assert ours.content == theirs.content
    assert [(x.id, x.title, x.level, len(x.children)) for x in ours.toc] == [(x.id, x.title, x.level, len(x.children)) for x in theirs.toc]
    assert ours.anchors == theirs.present_anchor_ids
    assert ours.title == theirs._title_from_render


@pytest.mark.parametrize("text", [
    "# T\n\nA line *with* markup\n{: #p1 }\n",         # not the converter's: whole to Python-Markdown
    "# T\n\nTwo\nlines\n{: #p1 }\n",
    "# T\n\n    code\n",
    "# T\n\n> quote\n{: #p1 }\n",
    "# T\n\nText TNAFASTLINE0Z\n{: #p1 }\n",
    "# T\n\n- a\n- *b*\n",
    "\n\n# T\n\nText\n{: #p1 }\n",                   # an empty block: no placeholder may stand for it
    "# T\n\nText\n{: #p1 }\n\n",
])
def test_anything_else_is_left_whole_to_python_markdown(mkdocs_site, text):
    config, files = mkdocs_site
    import markdown

    assert rendered.skeleton(text, markdown.Markdown(extensions=config["markdown_extensions"]).ESCAPED_CHARS) is None
    file = next(f for f in files.documentation_pages() if "/articles/" in f.src_uri)
    assert rendered.render(text, file, files, config).content == _page_render(text, file, files, config).content
