"""The maintainers' guide, followed as written: a day's work through `./tna`.

docs/vi/maintainers.md and docs/en/maintainers.md tell one continuous example. Their code blocks
(indented: the site's Markdown has no fenced blocks) are of three kinds, told apart by their first
line, and this test relies on exactly that convention:

- a **command block** starts with a shell command (`./tna`, `bash`, `cp`, `cat`): every line is run,
  in order, in a fresh copy of the project, and must exit 0;
- a **file block** starts with a comment naming the file (`# data/corrections/X.yml`): it is what
  the guide tells the archivist to write there, so the test writes it (appended to a file that
  exists, such as data/partners.yml);
- any other block is an example (a field, an excerpt) and is not run.

The only steps the guide leaves to a text editor are filling in a translation (`translations new`,
then `stamp`) and the translator's XLIFF file (`import`): the test does those with its own English.
`./tna serve` runs on a free port until the page answers. Each language's page runs with its own
locale, and every message must be in that language. The two pages the archivist "downloads" are
tests/fixtures/guide/ (written for the test, modelled on a provincial portal and a news site).
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

SHELL_WORDS = ("./tna", "bash", "cp", "cat")
FILE_BLOCK = re.compile(r"# ((?:data|docs)/\S+\.(?:yml|md))$")
SEED_A, SLUG_A = "2024-05-15-cong-thong-tin-khon-kaen", "2024-05-15-tinh-thai-nguyen-don-doan-cong-tac-tinh-khon-kaen"
SEED_B, SLUG_B = "2024-06-03-baothainguyen-hoi-thao", "2024-06-03-hoi-thao-hop-tac-giao-duc-nghe-nghiep-voi-tinh"
# Words of an English sentence (checked in the Vietnamese run) and of a Vietnamese one (in the English run).
ENGLISH = (" the ", " is ", " not ", " found", " file", " run ", " missing", " article")
VIETNAMESE = (" tệp", " bản sửa", " chạy lệnh", " thư mục", " bản ghi", " đã kiểm tra", " cảnh báo", " lỗi")

# The translator's English for the two new articles, by Vietnamese block.
ENGLISH_TEXT = {
    "Thái Nguyên đón đoàn công tác tỉnh Khon Kaen (Thái Lan)":
        "Thai Nguyen welcomes a delegation from Khon Kaen province (Thailand)",
    "Sáng ngày 14/5/2024, tại trụ sở UBND tỉnh, Phó Chủ tịch UBND tỉnh Thái Nguyên đã tiếp đoàn công tác tỉnh Khon "
    "Kaen (Thái Lan) do ông Somsak Kittiwong, Phó Tỉnh trưởng tỉnh Khon Kaen, làm trưởng đoàn, sang tìm hiểu khả năng "
    "hợp tác về du lịch và nông nghiệp.":
        "On the morning of 14/5/2024, at the provincial People's Committee, a Vice Chairman of the Thai Nguyen People's "
        "Committee received a delegation from Khon Kaen province (Thailand) led by Mr Somsak Kittiwong, Vice Governor "
        "of Khon Kaen, which came to explore cooperation in tourism and agriculture.",
    "Tại buổi tiếp, lãnh đạo tỉnh giới thiệu với đoàn về vùng chè đặc sản, các khu du lịch sinh thái và những chính "
    "sách thu hút đầu tư mới của tỉnh.":
        "At the meeting the provincial leaders presented the speciality tea area, the eco-tourism sites and the "
        "province's new investment policies.",
    "Phía tỉnh Khon Kaen bày tỏ mong muốn trao đổi kinh nghiệm trồng và chế biến chè, cà phê, đồng thời mời doanh "
    "nghiệp Thái Nguyên tham dự hội chợ nông sản tổ chức tại Khon Kaen vào tháng 9/2024.":
        "The Khon Kaen side hoped to share experience in growing and processing tea and coffee, and invited Thai "
        "Nguyen businesses to a farm produce fair in Khon Kaen in September (9/2024).",
    "Hai bên thống nhất giao các sở, ngành liên quan xây dựng kế hoạch trao đổi đoàn trong năm 2024 và nghiên cứu ký "
    "kết biên bản ghi nhớ hợp tác.":
        "The two sides agreed to have the departments concerned plan exchanges of delegations in 2024 and study a "
        "memorandum of understanding on cooperation.",
    "Quang cảnh buổi tiếp đoàn công tác tỉnh Khon Kaen. (Ảnh: Thu Hà)": "The reception of the Khon Kaen delegation. (Photo: Thu Hà)",
    "Hội thảo hợp tác giáo dục nghề nghiệp với tỉnh Gyeongsangbuk-do":
        "Seminar on vocational education cooperation with Gyeongsangbuk-do province",
    "Minh Khoa 03/06/2024 09:30": "Minh Khoa, 03/06/2024 09:30",
    "Ngày 3/6/2024, Trường Cao đẳng Công nghiệp Thái Nguyên phối hợp với tỉnh Gyeongsangbuk-do (Hàn Quốc) tổ chức hội "
    "thảo về đào tạo nghề cho thanh niên.":
        "On 3/6/2024 Thai Nguyen Industrial College and Gyeongsangbuk-do province (Republic of Korea) held a seminar "
        "on vocational training for young people.",
    "Hội thảo có sự tham gia của đại diện các trường nghề, doanh nghiệp trong khu công nghiệp và chuyên gia giáo dục "
    "của tỉnh bạn.":
        "It was attended by vocational schools, businesses of the industrial parks and education experts from the "
        "partner province.",
    "Gắn đào tạo với nhu cầu doanh nghiệp": "Training for what businesses need",
    "Các đại biểu thảo luận về chương trình thực tập tại doanh nghiệp, chuẩn kỹ năng nghề và việc công nhận chứng chỉ "
    "giữa hai bên.":
        "Delegates discussed internships in businesses, vocational skill standards and the mutual recognition of "
        "certificates.",
    "Các đại biểu tham dự hội thảo. (Ảnh: Minh Khoa)": "Delegates at the seminar. (Photo: Minh Khoa)",
    "Dự kiến năm 2025, 40 học sinh của trường sẽ sang thực tập tại các doanh nghiệp của tỉnh Gyeongsangbuk-do.":
        "In 2025, 40 of the college's students are expected to train at businesses in Gyeongsangbuk-do province.",
}


def guide_blocks(page: Path) -> list[tuple[str, list[str]]]:
    """The page's indented code blocks, in order, as (kind, lines): "command", "file" or "example"."""
    blocks, current, previous_blank = [], None, True
    for line in page.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("    ") and (current is not None or previous_blank):
            current = (current or []) + [line[4:]]
        elif current is not None and not line.strip():
            current.append("")
        else:
            if current is not None:
                while current and not current[-1]:
                    current.pop()
                first = current[0]
                kind = ("command" if first.split(" ")[0] in SHELL_WORDS else
                        "file" if FILE_BLOCK.fullmatch(first) else "example")
                blocks.append((kind, current))
            current = None
        previous_blank = not line.strip()
    return blocks


def commands(page: Path) -> list[str]:
    return [line for kind, lines in guide_blocks(page) if kind == "command" for line in lines if line.strip()]


def test_the_two_guides_give_the_same_commands_and_files():
    """The English page is the Vietnamese page's twin: the same commands and files, in the same order."""
    vi, en = ROOT / "docs/vi/maintainers.md", ROOT / "docs/en/maintainers.md"
    same = [[re.sub(r"--lang (vi|en)", "--lang LANG", c) for c in commands(p)] for p in (vi, en)]
    assert same[0] == same[1]  # but for the language each page shows with --lang
    files = [[FILE_BLOCK.fullmatch(lines[0])[1] for kind, lines in guide_blocks(p) if kind == "file"] for p in (vi, en)]
    assert files[0] == files[1]
    # the guide's day, in order: install, add pages, convert, correct, records, translate, preview, check, publish, export
    steps = ["bash scripts/build.sh", "cp ", "./tna convert", "./tna translations new", "./tna translations stamp",
             "./tna translations import", "./tna serve", "./tna check", "./tna build", "./tna export", "./tna verify"]
    found = [next(i for i, c in enumerate(commands(vi)) if c.startswith(s)) for s in steps]
    assert found == sorted(found), found
    assert {"data/partners.yml", "data/people.yml", f"data/corrections/{SEED_A}.yml"} <= set(files[0])
    for page in (vi, en):
        text = page.read_text(encoding="utf-8")
        assert "README" not in text and "```" not in text and not re.search(r"\]\((?!\.)[a-z]+:", text)
        for field in ("title", "summary", "note", "slug", "date", "date_precision", "date_inferred", "authors",
                      "source", "people", "partners", "reviewed", "checked"):
            assert re.search(rf"^    {field}:", text, re.M), (page.name, field)


def _project(tmp_path: Path) -> Path:
    """A fresh copy of the repository's tracked files, sharing this checkout's installed .venv."""
    venv = ROOT / ".venv"
    assert Path(sys.prefix).resolve() == venv.resolve(), "run the tests with .venv/bin/python"
    # setup.sh skips pip when .venv/.installed matches: make sure it does, so the copy never reinstalls the shared .venv
    subprocess.run(["bash", "scripts/setup.sh"], cwd=ROOT, check=True, capture_output=True, timeout=600)
    dest = tmp_path / "project"
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, tracked.decode().split("\0")):
        if (ROOT / name).is_file() and not name.startswith("tests/"):
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, dest / name)
    (dest / ".venv").symlink_to(venv, target_is_directory=True)
    return dest


def _fill_translation(path: Path) -> None:
    """What the translator does in an editor: every `TODO: <Vietnamese>` becomes its English
    (in the front matter inside single quotes, where YAML doubles a quote)."""
    def english(m):
        quoted = m[1].endswith("'")
        vietnamese = m[2][:-1].replace("''", "'") if quoted else m[2]
        text = ENGLISH_TEXT[vietnamese]
        return m[1] + (text.replace("'", "''") + "'" if quoted else text)
    path.write_text(re.sub(r"^(.*?)TODO: (.*)$", english, path.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")


def _translated_xliff(exported: Path, dest: Path) -> None:
    """The translator's file: the exported XLIFF with an English target for every unit."""
    def unit(m):
        return f'{m[0]}<target state="translated">{html.escape(ENGLISH_TEXT[html.unescape(m[1])], quote=False)}</target>'
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(re.sub(r"<source>(.*?)</source>", unit, exported.read_text(encoding="utf-8")), encoding="utf-8")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(cmd: str, cwd: Path, env: dict) -> str:
    """`./tna serve` on a free port: wait for the home page, fetch it, stop the server."""
    port = _free_port()
    log = (cwd / "serve.log").open("w")
    proc = subprocess.Popen(["bash", "-c", f"{cmd} --dev-addr 127.0.0.1:{port}"], cwd=cwd, env=env,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
                    page = r.read().decode("utf-8")
                    assert r.status == 200
                    return page
            except OSError:
                assert proc.poll() is None, (cwd / "serve.log").read_text()
                assert time.monotonic() < deadline, "./tna serve did not answer within 120 s"
                time.sleep(0.5)
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()


def _front_matter(path: Path) -> dict:
    import yaml
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


LANGS = [
    pytest.param("vi", "vi_VN.UTF-8"),
    pytest.param("en", "en_US.UTF-8"),
]


@pytest.mark.parametrize("lang,locale", LANGS)
def test_a_day_of_work_as_the_guide_writes_it(tmp_path, lang, locale):
    project = _project(tmp_path)
    home = tmp_path / "home"
    (home / "Downloads").mkdir(parents=True)
    for name in ("tin-khon-kaen.txt", "hoi-thao-giao-duc.html"):
        shutil.copy(FIXTURES / "guide" / name, home / "Downloads" / name)
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(HOME=str(home), LANG=locale)
    outputs: list[str] = []
    ran: list[str] = []
    page = project / "docs" / lang / "maintainers.md"

    def run(cmd: str) -> None:
        if cmd.startswith("./tna translations stamp"):
            _fill_translation(project / "docs/en/articles" / f"{cmd.split()[3]}.md")
        if cmd.startswith("./tna translations import"):
            xlf = Path(cmd.split()[3].replace("~", str(home)))
            _translated_xliff(project / "translations/out" / xlf.name, xlf)
        if cmd.startswith("./tna serve"):
            served = _serve(cmd, project, env)
            assert "<html" in served and "Thái Nguyên" in served
            ran.append(cmd)
            return
        proc = subprocess.run(["bash", "-c", cmd], cwd=project, env=env, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, f"{cmd} exited {proc.returncode}:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
        outputs.append(f"$ {cmd}\n{proc.stdout}{proc.stderr}")
        ran.append(cmd)
        after(cmd, proc)

    converts = []

    def after(cmd: str, proc) -> None:
        """Each step's visible result."""
        articles = project / "docs/vi/articles"
        if cmd.startswith("./tna inspect"):
            assert "Khon Kaen" in proc.stdout
        if cmd == "./tna convert":
            converts.append(cmd)
            report = (project / "reports/review.md").read_text(encoding="utf-8")
            meta = _front_matter(articles / f"{SLUG_A}.md")
            if len(converts) == 1:  # the new pages, before any correction
                assert (articles / f"{SLUG_B}.md").exists()
                assert SEED_A in report and "Somsak Kittiwong" in report and "Khon Kaen" in report
                assert [p["id"] for p in meta["unreviewed"]["partners"]] == ["khon-kaen"]
                assert str(meta["date"]) == "2024-05-15"  # the site's "today" line, which the report names
                assert "15/05/2024" in report
            if len(converts) == 2:  # the corrections applied
                assert meta["title"] == "Thái Nguyên đón đoàn công tác tỉnh Khon Kaen (Thái Lan)"
                assert str(meta["date"]) == "2024-05-14"
                assert _front_matter(articles / f"{SLUG_B}.md")["summary"].startswith("Ngày 3/6/2024")
                entry = json.loads((project / "reports/review.json").read_text(encoding="utf-8"))["articles"][f"{SEED_A}.txt"]
                assert '"checked": true' in json.dumps(entry), entry
            if len(converts) == 3:  # the new records: linked, no longer unreviewed
                assert "khon-kaen" in meta["partners"] and "somsak-kittiwong" in meta["people"]
                assert meta["unreviewed"] == {"people": [], "partners": []}
        if cmd.startswith("./tna translations stamp"):
            assert re.search(r"source_sha256: [0-9a-f]{64}", (project / f"docs/en/articles/{SLUG_A}.md").read_text(encoding="utf-8"))
        if cmd.startswith("./tna translations import"):
            assert _front_matter(project / f"docs/en/articles/{SLUG_B}.md")["title"].startswith("Seminar on vocational")
        if cmd == "./tna build":
            site = project / "site"
            assert "Thái Nguyên đón đoàn công tác tỉnh Khon Kaen (Thái Lan)" in (site / f"articles/{SLUG_A}.html").read_text(encoding="utf-8")
            assert SLUG_A in (site / "partners/khon-kaen.html").read_text(encoding="utf-8")
            english = (site / f"en/articles/{SLUG_A}.html").read_text(encoding="utf-8")
            assert "Thai Nguyen welcomes a delegation from Khon Kaen province" in english and "tna-untranslated" not in english
            assert "Seminar on vocational" in (site / f"en/articles/{SLUG_B}.html").read_text(encoding="utf-8")
        if cmd.startswith("./tna verify"):
            [zipped] = (project / "dist").glob("*.zip")
            assert proc.stdout.startswith(f"dist/{zipped.name}: ") and proc.stdout.count("\n") == 1

    for kind, lines in guide_blocks(page):
        if kind == "command":
            for cmd in filter(None, (line.strip() for line in lines)):
                run(cmd)
        elif kind == "file":
            target = project / FILE_BLOCK.fullmatch(lines[0])[1]
            body = "\n".join(lines[1:]) + "\n"
            existed = target.exists()
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("a", encoding="utf-8") as f:
                f.write("\n" + body if existed else body)

    assert len(converts) >= 3 and any(c.startswith("./tna serve") for c in ran)
    words, text = (ENGLISH, "Vietnamese") if lang == "vi" else (VIETNAMESE, "English")
    # what a message cites is data, not its language: quoted lines, a partner's names in parentheses
    cited = re.compile(r'\([^()]*\)|"[^"\n]*"|“[^”\n]*”|`[^`\n]*`')
    wrong = [(cmd, [w for w in words if w in cited.sub("", out).lower()]) for cmd, out in (o.split("\n", 1) for o in outputs)]
    wrong = [(cmd, found) for cmd, found in wrong if found]
    assert not wrong, f"messages not in {text}: {wrong}"


def _tna(args: list[str], cwd: Path, locale: str = "en_US.UTF-8", tna: Path = ROOT / "tna") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    return subprocess.run([str(tna), *args], cwd=cwd, env={**env, "LANG": locale}, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("locale,words", [("vi_VN.UTF-8", "thư mục dự án"), ("en_US.UTF-8", "project folder")])
def test_tna_help_is_one_line_in_the_locales_language(locale, words):
    proc = _tna(["-h"], ROOT, locale)
    assert proc.returncode == 0 and proc.stdout.count("\n") == 1 and words in proc.stdout
    assert "./tna serve" in proc.stdout


@pytest.mark.parametrize("locale,words", [("vi_VN.UTF-8", "hãy chạy lệnh bash scripts/build.sh trước"),
                                          ("en_US.UTF-8", "run bash scripts/build.sh first")])
def test_tna_without_the_install_says_what_to_run(tmp_path, locale, words):
    shutil.copy(ROOT / "tna", tmp_path / "tna")
    proc = _tna(["convert"], tmp_path, locale, tmp_path / "tna")
    assert proc.returncode == 2 and proc.stdout == "" and proc.stderr.count("\n") == 1 and words in proc.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["tna"], "it must write nothing"


def test_tna_runs_tnarchive_from_any_folder_with_paths_relative_to_the_caller(tmp_path):
    """`./tna` works in its own folder (where seeds/, data/ are), but a file named from elsewhere is the caller's."""
    seed = next((ROOT / "seeds").glob("*.txt"))
    assert _tna(["--version"], ROOT).stdout.startswith("tnarchive, version")
    for cwd, arg in ((ROOT, f"seeds/{seed.name}"), (ROOT / "seeds", seed.name), (tmp_path, os.path.relpath(seed, tmp_path))):
        proc = _tna(["inspect", arg, "--json"], cwd)
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout)["title"]
    shutil.copy(seed, tmp_path / "mine.txt")  # a file only the caller's folder has
    proc = _tna(["inspect", "mine.txt", "--json"], tmp_path)
    assert proc.returncode == 0 and json.loads(proc.stdout)["title"] == json.loads(_tna(["inspect", str(seed), "--json"], ROOT).stdout)["title"]
    proc = _tna(["inspect", "no-such.txt"], tmp_path)
    assert proc.returncode != 0 and "no-such.txt" in proc.stderr
