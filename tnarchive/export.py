"""`tnarchive export`: the whole archive as one download that works with no network, and `verify`.

The zip holds a BagIt bag (the layout libraries use for digital preservation): the built site
and the print editions under data/, SHA-256 of every file in manifest-sha256.txt, and at the
top a README in both languages and an index.html that opens the site. Everything is written
reproducibly: files in sorted order, fixed timestamps and permissions, PDF dates pinned to the
export date, so the same inputs give the same zip.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import bagit

from . import __version__
from .catalog.loader import inputs_digest, load_catalog
from .site.printed import print_html

SKIP = {"404.html", ".tnarchive-build.json"}  # 404 pages serve web hosts only; the stamp goes to bag-info
README = """Thái Nguyên International Cooperation Archive — offline edition
Lưu trữ Hợp tác Quốc tế Thái Nguyên — bản ngoại tuyến

[English]
What it is: the complete bilingual archive (Vietnamese and English) as a website that works without
a network. Open index.html in this folder (double-click it). Search works in both languages.
Print editions (HTML and PDF, one per language) are in data/print/.
Built: {date} by tnarchive {version}, from {articles} articles converted from their original pages
(their files and SHA-256 checksums are listed on every article page and in data/data/articles.csv).
Build inputs SHA-256: {digest}
How to verify: this folder is a BagIt bag. Every file under data/ has its SHA-256 in
manifest-sha256.txt. Run `tnarchive verify <this folder or the zip>`, or `bagit.py --validate <folder>`,
or, inside this folder, `sha256sum -c manifest-sha256.txt`.

[Tiếng Việt]
Nội dung: toàn bộ kho lưu trữ song ngữ (tiếng Việt và tiếng Anh) dưới dạng trang web dùng được khi
không có mạng. Mở tệp index.html trong thư mục này (nhấp đúp). Tìm kiếm hoạt động ở cả hai ngôn ngữ.
Bản in (HTML và PDF, mỗi ngôn ngữ một bản) nằm trong data/print/.
Ngày tạo: {date}, bằng tnarchive {version}, từ {articles} bài viết chuyển đổi từ trang gốc
(tệp gốc và mã SHA-256 ghi trên từng trang bài và trong data/data/articles.csv).
Mã SHA-256 của dữ liệu đầu vào: {digest}
Cách kiểm tra: thư mục này là một gói BagIt. Mỗi tệp trong data/ có mã SHA-256 trong
manifest-sha256.txt. Chạy `tnarchive verify <thư mục hoặc tệp zip>`, hoặc `bagit.py --validate <thư mục>`,
hoặc trong thư mục này: `sha256sum -c manifest-sha256.txt`.
"""
OPEN = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=data/index.html">
<title>Lưu trữ Hợp tác Quốc tế Thái Nguyên · Thái Nguyên International Cooperation Archive</title></head>
<body><p><a href="data/index.html">Lưu trữ Hợp tác Quốc tế Thái Nguyên</a> ·
<a href="data/en/index.html" lang="en">Thái Nguyên International Cooperation Archive</a></p></body></html>
"""


class ExportError(RuntimeError):
    pass


@dataclass
class Result:
    zip_path: Path
    files: int
    pdfs: list[Path]


def check_site(root: Path, site: Path) -> dict:
    import json

    stamp_path = site / ".tnarchive-build.json"
    if not (site / "index.html").exists() or not stamp_path.exists():
        raise ExportError(f"{site}: no built site here; run `mkdocs build` (or scripts/build.sh) first")
    stamp = json.loads(stamp_path.read_text(encoding="utf-8"))
    if stamp.get("inputs_sha256") != inputs_digest(root):
        raise ExportError(f"{site}: built from other inputs than docs/, data/ and mkdocs.yml hold now; "
                          "run `mkdocs build` again before exporting")
    return stamp


def render_pdfs(pages: dict[Path, str], date: str, log=print) -> list[Path]:
    """HTML → PDF in headless Chromium; the PDFs' creation dates are pinned to the export date."""
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("TNARCHIVE_CHROMIUM", "/usr/bin/chromium")
    if not Path(executable).exists():
        raise ExportError(f"{executable}: Chromium not found (install Debian's chromium, or use --no-pdf)")
    fixed = f"D:{date.replace('-', '')}000000+00'00'".encode()
    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu",
                                                                     "--disable-background-networking"])
        for pdf_path, html in pages.items():
            page = browser.new_page()
            page.set_content(html, wait_until="load")
            page.pdf(path=str(pdf_path), format="A4", print_background=True, display_header_footer=True,
                     header_template="<span></span>",
                     footer_template='<div style="font-size:8px;width:100%;text-align:center"><span class="pageNumber"></span></div>',
                     margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"})
            page.close()
            data = pdf_path.read_bytes()
            data = re.sub(rb"/(CreationDate|ModDate) \(D:\d{14}[^)]*\)", lambda m: b"/" + m.group(1) + b" (" + fixed[: len(m.group(0)) - len(m.group(1)) - 4].ljust(len(m.group(0)) - len(m.group(1)) - 4, b" ") + b")", data)
            pdf_path.write_bytes(data)
            log(f"export: {pdf_path.name} ({len(data) // 1024} KB)")
            out.append(pdf_path)
        browser.close()
    return out


def _zip(folder: Path, zip_path: Path) -> int:
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    tmp = zip_path.with_suffix(".zip.tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in files:
            info = zipfile.ZipInfo(str(Path(folder.name) / path.relative_to(folder)), date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes(), compresslevel=9)
    os.replace(tmp, zip_path)
    return len(files)


def export(root: Path, site: Path, out: Path, name: str, date: str, pdf: bool = True, log=print) -> Result:
    stamp = check_site(root, site)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out, prefix=".export-") as tmp:
        bag_dir = Path(tmp) / f"{name}-offline-{date}"
        log(f"export: copying {site}")
        shutil.copytree(site, bag_dir, ignore=lambda d, names: [n for n in names if n in SKIP])
        cat = load_catalog(root / "docs", root / "data")
        printed = bag_dir / "print"
        printed.mkdir()
        pages = {}
        for lang in ("vi", "en"):
            html_path = printed / f"{name}-{lang}.html"
            html_path.write_text(print_html(cat, lang, date), encoding="utf-8")
            pages[printed / f"{name}-{lang}.pdf"] = html_path.read_text(encoding="utf-8")
            log(f"export: print edition {html_path.name}")
        pdfs = render_pdfs(pages, date, log) if pdf else []
        log("export: writing the BagIt manifest (SHA-256 of every file)")
        bag = bagit.make_bag(str(bag_dir), {
            "Source-Organization": "Thái Nguyên International Cooperation Archive",
            "External-Description": "Bilingual archive of news articles on Thái Nguyên province's foreign relations: "
                                    "offline website and print editions.",
            "Bagging-Date": date,
            "Bag-Software-Agent": f"tnarchive {__version__} (bagit {bagit.VERSION})",
            "Source-Inputs-SHA256": stamp["inputs_sha256"],
            "Articles": str(stamp.get("articles", len(cat.articles))),
        }, checksums=["sha256"])
        (bag_dir / "README.txt").write_text(README.format(date=date, version=__version__, articles=len(cat.articles),
                                                          digest=stamp["inputs_sha256"]), encoding="utf-8")
        (bag_dir / "index.html").write_text(OPEN, encoding="utf-8")
        bag.save()  # the new top-level files enter the tag manifest
        _sort_manifests(bag_dir)
        zip_path = out / f"{name}-offline-{date}.zip"
        n = _zip(bag_dir, zip_path)
    log(f"export: {zip_path} ({n} files, {zip_path.stat().st_size // 1024} KB)")
    return Result(zip_path, n, [out / p.name for p in pdfs])


def _sort_manifests(bag_dir: Path) -> None:
    """bagit writes manifest lines in file-system order; sort them (and re-hash the tag manifest)."""
    import hashlib

    for name in ("manifest-sha256.txt",):
        path = bag_dir / name
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(sorted(lines, key=lambda line: line.split("  ", 1)[-1])), encoding="utf-8")
    tag_lines = []
    for path in sorted(p for p in bag_dir.iterdir() if p.is_file() and not p.name.startswith("tagmanifest-")):
        tag_lines.append(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.name}\n")
    (bag_dir / "tagmanifest-sha256.txt").write_text("".join(tag_lines), encoding="utf-8")


def verify(path: Path) -> list[str]:
    """Problems found in an unpacked or zipped export; empty when every file is intact."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = path
        if path.is_file():
            try:
                with zipfile.ZipFile(path) as zf:
                    zf.extractall(tmp)
            except zipfile.BadZipFile as exc:
                return [f"not a zip file ({exc})"]
            tops = [p for p in Path(tmp).iterdir() if p.is_dir()]
            if len(tops) != 1:
                return ["not an export (expected one folder inside the zip)"]
            folder = tops[0]
        problems = _check_manifest(folder, "manifest-sha256.txt", payload=True)
        problems += _check_manifest(folder, "tagmanifest-sha256.txt", payload=False)
        if problems:
            return problems
        try:
            bagit.Bag(str(folder)).validate(processes=1)
        except bagit.BagError as exc:
            return [f"not a valid BagIt bag ({exc})"]
    return []


def _check_manifest(folder: Path, name: str, payload: bool) -> list[str]:
    import hashlib

    manifest = folder / name
    if not manifest.is_file():
        return [f"{name}: missing"]
    listed = {}
    for line in manifest.read_text(encoding="utf-8").splitlines():
        if line.strip():
            digest, rel = line.split(maxsplit=1)
            listed[rel.strip()] = digest
    problems = []
    for rel, digest in sorted(listed.items()):
        file = folder / rel
        if not file.is_file():
            problems.append(f"{rel}: missing")
        elif hashlib.sha256(file.read_bytes()).hexdigest() != digest:
            problems.append(f"{rel}: altered (its SHA-256 differs from {name})")
    if payload:
        for file in sorted((folder / "data").rglob("*")):
            rel = file.relative_to(folder).as_posix()
            if file.is_file() and rel not in listed:
                problems.append(f"{rel}: not listed in {name}")
    return problems
