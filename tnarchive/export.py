"""`tnarchive export`: the whole archive as one download that works with no network, and `verify`.

The zip holds a BagIt bag (the layout libraries use for digital preservation): the built site
and the print editions under data/, SHA-256 of every file in manifest-sha256.txt, and at the
top a README in both languages and an index.html that opens the site. Everything is written
reproducibly: files in sorted order, fixed timestamps and permissions, PDF dates pinned to the
export date, so the same inputs give the same zip.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import bagit

from . import __version__, staleness
from .catalog.loader import load_catalog
from .errors import ArchiveError, Problem, _, one_line
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


MAX_FILES = 200_000  # verify: files one export may hold
MAX_BYTES = 4 << 30  # verify: bytes it may unpack to
MAX_RATIO = 200  # verify: how many times its compressed size one large file may unpack to
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


class ExportError(ArchiveError):
    pass


def check_arguments(name: str, date: str) -> None:
    """--name and --date become a file name under --out: nothing else may."""
    if not _NAME.fullmatch(name) or ".." in name:
        raise ExportError(_("--name {name!r}: use letters, digits, '.', '_' and '-' only (it becomes part of a file "
                            "name in --out; no '/' or '..')").format(name=name))
    try:
        ok = bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", date)) and bool(dt.date.fromisoformat(date))
    except ValueError:
        ok = False
    if not ok:
        raise ExportError(_("--date {date!r}: expected a date as YYYY-MM-DD, e.g. 2026-12-07").format(date=date))


@dataclass
class Result:
    zip_path: Path
    files: int
    pdfs: list[Path]


def check_site(root: Path, site: Path) -> dict:
    """The build stamp of *site*, once it is known to show the archive as it is now: refused
    (ExportError, one line per reason, each naming its command) when there is no built site,
    when the articles are older than their seeds or data (`./tna convert`), or when the site was
    built before the latest changes (`./tna build`)."""
    import json

    stamp_path = site / staleness.STAMP
    if not (site / "index.html").exists() or not stamp_path.exists():
        raise ExportError(_("no built site here; run `{command}` first").format(command=staleness.BUILD), path=site)
    try:
        stamp = json.loads(stamp_path.read_bytes().decode("utf-8"))
        stamp.get("inputs_sha256")
    except (ValueError, AttributeError):
        raise ExportError(_("not the stamp a build writes; run `{command}` again").format(command=staleness.BUILD),
                          path=stamp_path) from None
    stale = staleness.problems(root, site)
    if stale:  # errors here: nothing is exported
        raise ExportError(problems=[Problem(p.path, p.line, p.message) for p in stale])
    return stamp


def render_pdfs(pages: dict[Path, str], date: str, log=print) -> list[Path]:
    """HTML → PDF in headless Chromium; the PDFs' creation dates are pinned to the export date."""
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("TNARCHIVE_CHROMIUM", "/usr/bin/chromium")
    if not Path(executable).exists():
        raise ExportError(_("{path}: Chromium not found (install Debian's chromium, or use --no-pdf)").format(path=executable))
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
            log(_("export: {name} ({kb} KB)").format(name=pdf_path.name, kb=len(data) // 1024))
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
    check_arguments(name, date)
    stamp = check_site(root, site)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out, prefix=".export-") as tmp:
        bag_dir = Path(tmp) / f"{name}-offline-{date}"
        log(_("export: copying {site}").format(site=site))
        shutil.copytree(site, bag_dir, ignore=lambda d, names: [n for n in names if n in SKIP])
        cat = load_catalog(root / "docs", root / "data")
        printed = bag_dir / "print"
        printed.mkdir()
        pages = {}
        for lang in ("vi", "en"):
            html_path = printed / f"{name}-{lang}.html"
            html_path.write_text(print_html(cat, lang, date), encoding="utf-8")
            pages[printed / f"{name}-{lang}.pdf"] = html_path.read_text(encoding="utf-8")
            log(_("export: print edition {name}").format(name=html_path.name))
        pdfs = render_pdfs(pages, date, log) if pdf else []
        log(_("export: writing the BagIt manifest (SHA-256 of every file)"))
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
    log(_("export: {zip} ({n} files, {kb} KB)").format(zip=zip_path, n=n, kb=zip_path.stat().st_size // 1024))
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


def verify(path: Path) -> list[Problem]:
    """Problems found in an unpacked or zipped export; empty when every file is intact. A zip is
    looked at before it is unpacked: one over the caps (files, bytes, compression ratio) or with a
    name leaving its folder is refused, unread."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = path
        if path.is_file():
            try:
                with zipfile.ZipFile(path) as zf:
                    refused = _zip_refusal(zf)
                    if refused:
                        return [Problem(str(path), None, refused)]
                    zf.extractall(tmp)
            except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError) as exc:
                return [Problem(str(path), None, _("not a zip file ({why})").format(why=one_line(exc)))]
            tops = [p for p in Path(tmp).iterdir() if p.is_dir()]
            if len(tops) != 1:
                return [Problem(str(path), None, _("not an export (expected one folder inside the zip)"))]
            folder = tops[0]
        shown = Path(path) if folder == path else Path(path) / folder.name
        problems = _check_manifest(folder, shown, "manifest-sha256.txt", payload=True)
        problems += _check_manifest(folder, shown, "tagmanifest-sha256.txt", payload=False)
        if problems:
            return problems
        try:
            bagit.Bag(str(folder)).validate(processes=1)
        except bagit.BagError as exc:
            return [Problem(str(path), None, _("not a valid BagIt bag ({why})").format(why=one_line(exc)))]
    return []


def _zip_refusal(zf: zipfile.ZipFile) -> str | None:
    """Why a zip must not be unpacked, or None. Sizes come from its directory; zipfile never reads
    past an entry's recorded size, so a lie there is cut short, not believed."""
    infos = zf.infolist()
    if len(infos) > MAX_FILES:
        return _("refused: {n} files, over the cap of {cap}").format(n=len(infos), cap=MAX_FILES)
    total = sum(i.file_size for i in infos)
    if total > MAX_BYTES:
        return _("refused: it would unpack to {n} MB, over the cap of {cap} MB").format(n=total >> 20, cap=MAX_BYTES >> 20)
    for info in infos:
        name = info.filename
        if name.startswith(("/", "\\")) or ".." in Path(name).parts or ":" in name:
            return _("refused: {name!r} would be written outside the folder it is unpacked in").format(name=name)
        if info.file_size > 1 << 20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            return _("refused: {name} unpacks to {r} times its compressed size (over {cap}: a zip bomb?)").format(
                name=name, r=info.file_size // max(info.compress_size, 1), cap=MAX_RATIO)
    return None


def _check_manifest(folder: Path, shown: Path, name: str, payload: bool) -> list[Problem]:
    import hashlib

    manifest = folder / name
    where = str(shown / name)
    if not manifest.is_file():
        return [Problem(where, None, _("missing"))]
    try:
        text = manifest.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        line = manifest.read_bytes()[: exc.start].count(b"\n") + 1
        return [Problem(where, line, _("not UTF-8 text"))]
    listed, problems = {}, []
    root = folder.resolve()
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split(maxsplit=1)
        if len(parts) != 2 or not re.fullmatch(r"[0-9a-f]{64}", parts[0]):
            problems.append(Problem(where, n, _("malformed line: expected a SHA-256 (64 hex digits), two spaces "
                                                "and a path")))
            continue
        digest, rel = parts[0], parts[1].strip()
        if rel.startswith("/") or ".." in Path(rel).parts or not (folder / rel).resolve().is_relative_to(root):
            problems.append(Problem(where, n, _("path {rel!r} leaves the bag; refused, not read").format(rel=rel)))
            continue
        listed[rel] = digest
    for rel, digest in sorted(listed.items()):
        file = folder / rel
        if not file.is_file():
            problems.append(Problem(str(shown / rel), None, _("missing")))
        elif hashlib.sha256(file.read_bytes()).hexdigest() != digest:
            problems.append(Problem(str(shown / rel), None, _("altered (its SHA-256 differs from {name})").format(name=name)))
    if payload:
        for file in sorted((folder / "data").rglob("*")):
            rel = file.relative_to(folder).as_posix()
            if file.is_file() and rel not in listed:
                problems.append(Problem(str(shown / rel), None, _("not listed in {name}").format(name=name)))
    return problems
