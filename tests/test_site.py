"""The real site builds: `mkdocs build --strict` over the converted seeds, both languages."""
from __future__ import annotations

import re
import subprocess
import sys

from bs4 import BeautifulSoup
from conftest import run


def test_site_builds_strict_in_both_languages(project):
    run(["convert"], project, check=True)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    site = project / "site"
    vi = sorted(p.name for p in (site / "articles").glob("2*.html"))
    en = sorted(p.name for p in (site / "en/articles").glob("2*.html"))
    assert len(vi) == 5 and vi == en
    soup = BeautifulSoup((site / "articles" / vi[-1]).read_text(), "html.parser")
    assert soup.html["lang"] == "vi"
    assert soup.select_one("p.lead") and len(soup.select("p.caption")) == 2
    assert [h.get_text() for h in soup.select("article > h2") if h.get("id") != "related"] == [
        "Thúc đẩy hợp tác quốc tế qua các hoạt động ngoại giao",
        "Điểm sáng thu hút đầu tư và nguồn lực phát triển cộng đồng",
    ]
    # Nothing is requested from another host: no web fonts, no CDN.
    for page in site.rglob("*.html"):
        html = page.read_text()
        assert not re.search(r'<(?:link|script|img)[^>]+(?:href|src)="(?:https?:)?//', html), page
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page
