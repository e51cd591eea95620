"""Every message a maintainer reads exists in Vietnamese and English.

- The catalogue: Babel's own extraction over the package (code and the schemas' x-expected phrases,
  babel.cfg) finds no msgid without a Vietnamese translation, none fuzzy, none whose {placeholders}
  differ, and the committed template holds exactly what the code says.
- The real commands, in a copy of the project: `tnarchive` with LANG=vi_VN.UTF-8, LANG=en_US.UTF-8 and
  `--lang`, on broken data files (one line naming the file and the one line that is wrong, with a plain
  hint), the convert summary and check's findings. The Vietnamese output holds no English sentence,
  the English none in Vietnamese (short word lists; names, quoted values and `commands` left out).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from conftest import ROOT

LOCALE = ROOT / "tnarchive" / "locale"
TNARCHIVE = str(Path(sys.executable).parent / "tnarchive")
VI = {"LANG": "vi_VN.UTF-8"}
EN = {"LANG": "en_US.UTF-8"}
ENGLISH_WORDS = (" the ", " is ", " not ", " found", " file ", " run ", " missing", " no ", " and ", " has ")
VIETNAMESE_WORDS = (" của ", " không ", " hãy ", " chưa ", "bài viết", " tệp", "lỗi", "cảnh báo", " dòng ", " đã ")
_PLACEHOLDER = re.compile(r"\{\w*(?:![rsa])?(?::[^{}]*)?\}")


def extracted() -> dict[str, str]:
    """msgid → where it is written, as `pybabel extract -F babel.cfg` finds them."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f)
    found = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map, options_map, keywords=DEFAULT_KEYWORDS,
            directory_filter=lambda d: os.path.relpath(d, ROOT).split(os.sep)[0] in (".", "tnarchive")):
        for msgid in message if isinstance(message, tuple) else (message,):
            if msgid:
                found.setdefault(msgid, f"{filename}:{lineno}")
    return found


def test_every_message_has_a_vietnamese_translation():
    messages = extracted()
    assert len(messages) > 200  # the extraction ran over the whole package and the schemas
    assert any(".schema.json:" in where for where in messages.values()), "the schemas' x-expected phrases"
    with open(LOCALE / "vi" / "LC_MESSAGES" / "tnarchive.po", "rb") as f:
        entries = [m for m in read_po(f) if m.id]
    # msgid → (translation, the placeholders it may use); a plural message (click's, through ngettext)
    # has one Vietnamese form (nplurals=1), which may use the placeholders of either English form.
    catalog = {}
    for m in entries:
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        string = m.string[0] if isinstance(m.string, tuple) else m.string
        allowed = {p for i in ids for p in _PLACEHOLDER.findall(i)}
        for msgid in ids:
            catalog[msgid] = (m, string, allowed if len(ids) > 1 else None)
    missing = [f"{where}: {msgid!r}" for msgid, where in messages.items()
               if msgid not in catalog or not catalog[msgid][1]]
    fuzzy = [msgid for msgid in messages if msgid in catalog and catalog[msgid][0].fuzzy]
    placeholders = [f"{msgid!r} → {string!r}" for msgid in messages if msgid in catalog
                    for _m, string, allowed in [catalog[msgid]] if string
                    and (sorted(_PLACEHOLDER.findall(msgid)) != sorted(_PLACEHOLDER.findall(string)) if allowed is None
                         else not set(_PLACEHOLDER.findall(string)) <= allowed)]
    not_nfc = [string for _m, string, _a in catalog.values() if string != unicodedata.normalize("NFC", string)]
    assert not missing, "no Vietnamese translation (see CONTRIBUTING.md, 'Messages'):\n" + "\n".join(missing)
    assert not fuzzy, f"fuzzy translations: {fuzzy}"
    assert not placeholders, "placeholders differ:\n" + "\n".join(placeholders)
    assert not not_nfc


def test_the_committed_template_is_what_the_code_says():
    with open(LOCALE / "tnarchive.pot", "rb") as f:
        template = {i for m in read_po(f) if m.id for i in (m.id if isinstance(m.id, tuple) else (m.id,))}
    assert template == set(extracted()), "run the extract and update steps of CONTRIBUTING.md ('Messages')"


def tna(cwd: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    """The installed command, as a user runs it, in the locale *env* gives."""
    clean = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    return subprocess.run([TNARCHIVE, *args], cwd=cwd, env={**clean, **env}, capture_output=True, text=True,
                          timeout=300)


def prose(line: str) -> str:
    """A message without what it quotes: `commands`, "values", 'ids', paths and names in parentheses."""
    line = re.sub(r"`[^`]*`|\"[^\"]*\"|'[^']*'|\S+/\S*", " ", line)
    return " " + re.sub(r"\([^()]*[A-ZĐ][^()]*\)", " ", line) + " "


def assert_vietnamese(text: str) -> None:
    for line in text.splitlines():
        english = [w for w in ENGLISH_WORDS if w in prose(line)]
        assert not english, f"English {english} in the Vietnamese output: {line}"


def assert_english(text: str) -> None:
    for line in text.splitlines():
        vietnamese = [w for w in VIETNAMESE_WORDS if w in prose(line)]
        assert not vietnamese, f"Vietnamese {vietnamese} in the English output: {line}"


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    """The project's seeds and data, not yet converted."""
    dest = tmp_path_factory.mktemp("messages") / "fresh"
    for name in ("seeds", "data"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copytree(ROOT / "docs", dest / "docs", ignore=shutil.ignore_patterns("articles"))
    return dest


@pytest.fixture(scope="module")
def converted(fresh, tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("messages") / "converted"
    shutil.copytree(fresh, dest)
    assert tna(dest, "convert", env=EN).returncode == 0
    return dest


@pytest.fixture
def archive(fresh, tmp_path) -> Path:
    dest = tmp_path / "archive"
    shutil.copytree(fresh, dest)
    return dest


def _korea(lines: list[str]) -> int:
    """Index of the korea record's '- id:' line in data/partners.yml."""
    return lines.index("  - id: korea")


def _replace(field: str, new: str):
    def damage(lines: list[str]) -> int:
        i = next(j for j in range(_korea(lines), len(lines)) if lines[j].startswith(f"    {field}:"))
        lines[i] = new
        return i + 1
    return damage


def _repeat(field: str):
    def damage(lines: list[str]) -> int:
        i = next(j for j in range(_korea(lines), len(lines)) if lines[j].startswith(f"    {field}:"))
        lines.insert(i + 1, lines[i])
        return i + 2
    return damage


# case → (damage returning the 1-based line that is wrong, the English hint, the Vietnamese hint)
BROKEN = {
    "indented more": (_replace("kind", "     kind: country"), "the indentation does not match the line above",
                      "thụt lề không khớp với dòng trên"),
    "indented less": (_replace("kind", "   kind: country"), "the indentation does not match the line above",
                      "thụt lề không khớp với dòng trên"),
    "tab": (_replace("kind", "\tkind: country"), "a tab is used for indentation", "thụt lề bằng phím Tab"),
    "no space after colon": (_replace("kind", "    kind:country"), "a space is missing after ':': write kind: country",
                             "thiếu dấu cách sau dấu ':': hãy viết kind: country"),
    "unclosed quote": (_replace("name_en", '    name_en: "Republic of Korea'),
                       'the quote " opened on this line is never closed', 'dấu ngoặc " mở ở dòng này chưa được đóng'),
    "colon in a value": (_replace("name_en", "    name_en: Korea: the Republic"),
                         "the value contains ':' but is not in quotes; write it as name_en: \"Korea: the Republic\"",
                         "giá trị có dấu ':' nhưng không nằm trong ngoặc kép; hãy viết name_en: \"Korea: the Republic\""),
    "duplicate key": (_repeat("kind"), "key 'kind' appears twice in the same block", "trường 'kind' xuất hiện hai lần"),
}


@pytest.mark.parametrize("case", list(BROKEN))
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_broken_data_file_names_the_one_wrong_line_with_a_hint(archive, case, lang):
    damage, hint_en, hint_vi = BROKEN[case]
    path = archive / "data" / "partners.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    wrong = damage(lines)
    path.write_text("\n".join(lines), encoding="utf-8")
    proc = tna(archive, "convert", env=VI if lang == "vi" else EN)
    assert proc.returncode == 2, proc.stderr
    level, hint = ("lỗi", hint_vi) if lang == "vi" else ("error", hint_en)
    assert proc.stderr.startswith(f"data/partners.yml:{wrong}: {level}: "), proc.stderr
    assert hint in proc.stderr
    assert proc.stderr.count("\n") == 1, "one line, naming one line of the file"
    (assert_vietnamese if lang == "vi" else assert_english)(proc.stderr)
    assert not (archive / "docs" / "vi" / "articles").exists(), "nothing converted"


@pytest.mark.parametrize("env,option,lang", [
    (VI, [], "vi"), (EN, [], "en"), (EN, ["--lang", "vi"], "vi"), (VI, ["--lang", "en"], "en"),
    ({"LANG": "en_US.UTF-8", "LC_ALL": "vi_VN.UTF-8"}, [], "vi"),  # the first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG
    ({"LANG": "vi_VN.UTF-8", "LANGUAGE": "en_GB:en"}, [], "en"),
])
def test_check_speaks_the_chosen_language(converted, env, option, lang):
    proc = tna(converted, *option, "check", env=env)
    assert proc.returncode == 0, proc.stderr
    findings = proc.stdout.splitlines()
    assert findings, "the converted seeds have unreviewed names and missing translations to report"
    if lang == "vi":
        assert all(re.match(r"^\S+:\d+: cảnh báo: ", f) for f in findings), findings
        assert re.search(r"^kiểm tra: 0 lỗi, \d+ cảnh báo$", proc.stderr, re.M), proc.stderr
        assert "bản dịch: 0 trên 5 bài viết" in proc.stderr
        assert_vietnamese(proc.stdout + proc.stderr)
    else:
        assert all(re.match(r"^\S+:\d+: warning: ", f) for f in findings), findings
        assert re.search(r"^check: 0 error\(s\), \d+ warning\(s\)$", proc.stderr, re.M), proc.stderr
        assert_english(proc.stdout + proc.stderr)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_convert_summary_and_a_page_that_fails(archive, lang):
    (archive / "seeds" / "999_empty.txt").write_bytes(b"")
    proc = tna(archive, "convert", env=VI if lang == "vi" else EN)
    assert proc.returncode == 1, proc.stderr
    if lang == "vi":
        assert proc.stderr.strip() == "seeds/999_empty.txt: lỗi: tệp trống"
        assert proc.stdout.startswith("đã chuyển đổi 5 trang vào docs/vi/articles: 5 bài ghi mới"), proc.stdout
        assert_vietnamese(proc.stdout + proc.stderr)
    else:
        assert proc.stderr.strip() == "seeds/999_empty.txt: error: empty file"
        assert proc.stdout.startswith("converted 5 page(s) into docs/vi/articles: 5 written"), proc.stdout
        assert_english(proc.stdout + proc.stderr)


def test_inspect_and_a_schema_error_in_vietnamese(converted, tmp_path):
    """inspect's labels and evidence, and a data file's schema error with its x-expected phrase."""
    seed = sorted((converted / "seeds").glob("*.txt"))[0]
    proc = tna(converted, "inspect", str(seed), env=VI)
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"^tiêu đề:  \S", proc.stdout, re.M) and "căn cứ:" in proc.stdout
    labels = "\n".join(line.split(":")[0] for line in proc.stdout.splitlines())
    assert_vietnamese(labels)
    fix = converted / "data" / "corrections" / f"{seed.stem}.yml"
    fix.parent.mkdir(exist_ok=True)
    fix.write_text("date: hôm qua\n", encoding="utf-8")
    try:
        proc = tna(converted, "check", env=VI)
    finally:
        fix.unlink()
    assert f"data/corrections/{seed.stem}.yml:1: lỗi: date: cần một ngày dạng YYYY-MM-DD" in proc.stdout + proc.stderr


@pytest.mark.slow
def test_mkdocs_build_fails_on_a_broken_data_file_in_the_locale_language(tmp_path):
    """The MkDocs plugin's errors follow LANG like the command's."""
    dest = tmp_path / "site-project"
    for name in ("data", "overrides"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copytree(ROOT / "docs", dest / "docs")
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    path = dest / "data" / "partners.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    wrong = _replace("kind", "   kind: country")(lines)
    path.write_text("\n".join(lines), encoding="utf-8")
    clean = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    proc = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build"], cwd=dest, capture_output=True,
                          text=True, timeout=600, env={**clean, "LANG": "vi_VN.UTF-8"})
    assert proc.returncode != 0
    assert f"data/partners.yml:{wrong}: lỗi: thụt lề không khớp với dòng trên" in proc.stderr, proc.stderr[-2000:]


def test_help_is_translated_when_shown(converted):
    """click reads help texts at import, before --lang: they are translated when --help prints them."""
    vi = tna(converted, "--lang", "vi", "convert", "--help", env=EN)
    assert "Chuyển đổi mọi trang gốc trong SEEDS" in vi.stdout and "Thư mục chứa các trang gốc" in vi.stdout
    en = tna(converted, "convert", "--help", env=EN)
    assert "Convert every raw page in SEEDS" in en.stdout and "Folder of raw pages" in en.stdout
    assert "Cách dùng: tnarchive convert [OPTIONS]" in vi.stdout and "Tùy chọn:" in vi.stdout
    top = tna(converted, "--help", env=VI)
    assert "Kho lưu trữ Hợp tác quốc tế Thái Nguyên" in top.stdout and "Kiểm tra kho lưu trữ" in top.stdout
    assert "Hiện hướng dẫn này rồi thoát." in top.stdout and "\nLệnh:\n" in top.stdout
    assert_vietnamese(top.stdout)


def test_an_uncompiled_catalogue_is_read_from_the_po(tmp_path, monkeypatch):
    """A fresh clone before scripts/setup.sh (no .mo), or a .po edited since the last compile: the .po."""
    from tnarchive import errors

    po = tmp_path / "vi" / "LC_MESSAGES" / "tnarchive.po"
    po.parent.mkdir(parents=True)
    po.write_text((LOCALE / "vi" / "LC_MESSAGES" / "tnarchive.po").read_text(encoding="utf-8")
                  .replace('msgstr "lỗi"', 'msgstr "LỖI"'), encoding="utf-8")
    monkeypatch.setattr(errors, "LOCALE_DIR", tmp_path)
    errors._catalogue.cache_clear()
    try:
        errors.set_language("vi")
        assert errors._("error") == "LỖI"
        assert errors._("a message nobody wrote") == "a message nobody wrote"
        errors.set_language("en")
        assert errors._("error") == "error"
    finally:
        errors._catalogue.cache_clear()


def test_a_mistyped_command_line_is_answered_in_the_same_language(tmp_path):
    """click's own messages (a command or option that does not exist) follow the locale and --lang."""
    vi = tna(tmp_path, "convrt", env=VI)
    assert vi.returncode == 2
    assert "Không có lệnh 'convrt'. Có phải ý bạn là 'convert'?" in vi.stderr
    assert "Error" not in vi.stderr and "Try " not in vi.stderr and "Usage" not in vi.stderr
    option = tna(tmp_path, "--lang", "vi", "check", "--jbs", env=EN)
    assert "Lỗi: Không có tùy chọn '--jbs'." in option.stderr
    en = tna(tmp_path, "convrt", env=EN)
    assert "Error: No such command 'convrt'. Did you mean 'convert'?" in en.stderr
