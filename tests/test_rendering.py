"""Article text stays text in the rendered site: a real convert, a real `mkdocs build`, a real browser."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import run

EVIL_TITLE = 'Hợp tác <script>alert("title")</script></title><script>alert(9)</script> & "Thái Nguyên": --- !!python/object &anchor'
EVIL = f"""{EVIL_TITLE}
12:08 | 10/02/2025 GMT+7

Ngày 10/2, đoàn <img src=x onerror=alert(1)> thăm Thái Nguyên & ký kết; xem [link](javascript:alert(2)) và `code` *nhấn* _gạch_.
# không phải tiêu đề
| a | b |
1. không phải danh sách
{{: onclick="alert(3)" }}
{{{{ config.site_name }}}} {{% raw %}} <!-- comment --> &lt;escaped&gt; ~~x~~ ==y== ^z^ $w$
Phan Anh
"""
LINES = [
    "# không phải tiêu đề",
    "| a | b |",
    "1. không phải danh sách",
    '{: onclick="alert(3)" }',
    "{{ config.site_name }} {% raw %} <!-- comment --> &lt;escaped&gt; ~~x~~ ==y== ^z^ $w$",
]


@pytest.fixture(scope="module")
def evil_site(tmp_path_factory) -> Path:
    import shutil

    from conftest import ROOT

    project = tmp_path_factory.mktemp("evil")
    for name in ("data", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("articles"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "seeds").mkdir()
    (project / "seeds/evil.txt").write_text(EVIL, encoding="utf-8")
    run(["convert"], project, check=True)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return project / "site"


def page(site: Path) -> Path:
    return next((site / "articles").glob("2025-02-10-*.html"))


def test_front_matter_keeps_the_text(evil_site):
    import frontmatter

    post = frontmatter.load(next((evil_site.parent / "docs/vi/articles").glob("*.md")))
    assert post["title"] == EVIL_TITLE
    assert post["slug"] == "2025-02-10-hop-tac-script-alert-title-script-title-script"


def test_rendered_html_shows_text_not_markup(evil_site):
    soup = BeautifulSoup(page(evil_site).read_text(), "html.parser")
    article = soup.select_one("article")
    ld = article.select('script[type="application/ld+json"]')
    assert len(ld) == 1 and "</script" not in ld[0].string and "<" not in ld[0].string
    for generated in article.select('.tna-meta, .tna-footer, script[type="application/ld+json"]'):
        generated.decompose()  # the archive's own header, footer and JSON-LD; the text is what is left
    assert soup.title.get_text().startswith(EVIL_TITLE)
    assert article.h1.get_text() == EVIL_TITLE
    assert not article.find_all(["script", "img", "a", "code", "em", "strong", "table", "ol", "del", "mark"])
    assert [h.get_text() for h in article.find_all(["h1", "h2", "h3"])] == [EVIL_TITLE]
    assert not [t for t in article.find_all(True) if t.has_attr("onclick")]
    text = article.get_text("\n")
    for line in LINES:
        assert line in text, line
    assert "<img src=x onerror=alert(1)>" in text and "[link](javascript:alert(2))" in text


@pytest.mark.browser
def test_no_script_runs_in_the_browser(evil_site, browser):
    dialogs: list[str] = []
    pg = browser.new_page()
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.goto(page(evil_site).as_uri())
    pg.wait_for_load_state("load")
    assert pg.title().startswith(EVIL_TITLE)
    assert pg.locator("article h1").inner_text() == EVIL_TITLE
    assert pg.locator("article script:not([type='application/ld+json']), article img, a[href^='javascript']").count() == 0
    body = pg.locator("article").inner_text()
    pg.close()
    assert dialogs == []
    assert "<img src=x onerror=alert(1)>" in body
