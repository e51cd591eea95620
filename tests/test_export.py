"""`tnarchive export` and `tnarchive verify`: the offline archive, as a reader and a librarian use it."""
from __future__ import annotations

import shutil
import unicodedata
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import run

DATE = "2026-01-02"
NAME = "thai-nguyen-archive"


@pytest.fixture(scope="module")
def export_zip(built_site, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    proc = run(["export", "--out", str(out), "--date", DATE], built_site.parent, check=True, timeout=300)
    assert "writing the BagIt manifest" in proc.stderr and "print edition" in proc.stderr  # progress output
    return out / f"{NAME}-offline-{DATE}.zip"


@pytest.fixture(scope="module")
def unpacked(export_zip, tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(export_zip) as zf:
        zf.extractall(dest)
    return dest / f"{NAME}-offline-{DATE}"


def test_layout_is_a_bag_with_readme_and_opener(unpacked):
    names = {p.name for p in unpacked.iterdir()}
    assert {"bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt", "README.txt", "index.html", "data"} <= names
    readme = (unpacked / "README.txt").read_text(encoding="utf-8")
    assert "[English]" in readme and "[Tiếng Việt]" in readme and DATE in readme and "tnarchive verify" in readme
    assert "Bagging-Date: " + DATE in (unpacked / "bag-info.txt").read_text(encoding="utf-8")


def test_export_is_reproducible(built_site, export_zip, tmp_path):
    run(["export", "--out", str(tmp_path), "--date", DATE], built_site.parent, check=True, timeout=300)
    assert (tmp_path / export_zip.name).read_bytes() == export_zip.read_bytes()
    with zipfile.ZipFile(export_zip) as zf:
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_verify_passes_then_names_the_altered_file(export_zip, unpacked, tmp_path):
    assert run(["verify", str(export_zip)], tmp_path).returncode == 0
    copy = tmp_path / "copy"
    shutil.copytree(unpacked, copy)
    assert run(["verify", str(copy)], tmp_path).returncode == 0
    target = copy / "data/partners/korea.html"
    data = bytearray(target.read_bytes())
    data[100] ^= 1
    target.write_bytes(bytes(data))
    proc = run(["verify", str(copy)], tmp_path)
    assert proc.returncode == 1
    assert "data/partners/korea.html: error: altered" in proc.stderr
    (copy / "data/people/lee-dal-hee.html").unlink()
    assert "data/people/lee-dal-hee.html: error: missing" in run(["verify", str(copy)], tmp_path).stderr


def test_every_link_in_the_export_resolves_to_a_file_in_it(unpacked):
    broken = []
    for page in sorted(unpacked.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["a", "link", "script", "img", "source"]):
            url = tag.get("href") or tag.get("src")
            if not url or url.startswith(("#", "data:", "mailto:")):
                continue
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                assert tag.name == "a", f"{page}: loads {url} from another host"
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file() or unpacked.resolve() not in target.parents:
                broken.append(f"{page.relative_to(unpacked)} → {url}")
    assert broken == []


def test_print_editions_have_every_title_with_diacritics(unpacked, built_site):
    from pypdf import PdfReader

    from tnarchive.catalog.loader import load_catalog

    cat = load_catalog(built_site.parent / "docs", built_site.parent / "data")
    for lang in ("vi", "en"):
        html = (unpacked / f"data/print/{NAME}-{lang}.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in html and "<script" not in html
        text = " ".join(p.extract_text() for p in PdfReader(unpacked / f"data/print/{NAME}-{lang}.pdf").pages)
        text = " ".join(text.split())
        text = unicodedata.normalize("NFC", text)
        for art in cat.articles:
            assert " ".join(art.title_in(lang).split()) in text, (lang, art.title_in(lang))
        if lang == "vi":
            assert "Bí thư Tỉnh ủy Thái Nguyên tiếp và làm việc" in text


def test_export_refuses_a_missing_or_stale_site(built_site, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(built_site.parent, project, ignore=shutil.ignore_patterns("dist"))
    page = next((project / "docs/vi/articles").glob("2021-*.md"))
    page.write_text(page.read_text(encoding="utf-8") + "\nmore\n", encoding="utf-8")
    proc = run(["export", "--out", str(tmp_path / "d"), "--no-pdf"], project)
    assert proc.returncode == 2 and proc.stderr.splitlines() == [
        "site: error: built before the latest changes to docs/, data/, overrides/ or mkdocs.yml: run `./tna build`"]
    # A partner added without converting: the articles are stale too, and the conversion comes first.
    with open(project / "data/partners.yml", "a", encoding="utf-8") as fh:
        fh.write("\n  - id: added-partner\n    name_vi: Tổ chức Hữu nghị Mới\n    name_en: New Friendship Organisation\n    kind: ngo\n")
    proc = run(["export", "--out", str(tmp_path / "d"), "--no-pdf"], project)
    lines = proc.stderr.splitlines()
    assert proc.returncode == 2 and len(lines) == 2, proc.stderr
    assert lines[0].startswith("data/partners.yml: error: changed since the last conversion") and "`./tna convert`" in lines[0]
    assert "`./tna build`" in lines[1] and "mkdocs build" not in proc.stderr
    shutil.rmtree(project / "site")
    proc = run(["export", "--out", str(tmp_path / "d"), "--no-pdf"], project)
    assert proc.returncode == 2 and "site: error: no built site here; run `./tna build` first" in proc.stderr
    assert not (tmp_path / "d").exists() or not list((tmp_path / "d").glob("*.zip"))


@pytest.mark.browser
def test_offline_reader_journey_makes_no_network_request(unpacked, browser):
    requests: list[str] = []
    page = browser.new_page()
    page.on("request", lambda r: requests.append(r.url))
    page.goto((unpacked / "index.html").as_uri())
    page.wait_for_url("**/data/index.html")
    page.click(".tna-home .tna-list a.tna-title >> nth=0")
    assert "/data/articles/" in page.url
    page.click(".tna-meta__partners a >> nth=0")
    assert "/data/partners/" in page.url
    partner = page.url.rsplit("/", 1)[1]
    page.hover(".md-header__option .md-select")
    page.click('a.md-select__link[hreflang="en"]')
    page.wait_for_load_state("load")
    assert page.url.endswith(f"/data/en/partners/{partner}")
    assert page.locator("html").get_attribute("lang") == "en"
    for lang_page, query, expect in (("data/index.html", "hop tac quoc te", "hợp tác quốc tế"),
                                     ("data/en/index.html", "Korea", "Republic of Korea")):
        page.goto((unpacked / lang_page).as_uri())
        page.click("#tna-q")
        page.keyboard.type(query, delay=10)
        page.wait_for_selector("#tna-results:not([hidden]) .tna-result__link")
        assert expect in page.locator("#tna-results").inner_text()
    page.close()
    assert [u for u in requests if u.startswith(("http://", "https://"))] == []
    assert all(u.startswith(("file://", "data:")) for u in requests)
