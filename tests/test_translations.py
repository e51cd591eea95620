"""A translator's round through the real CLI: export to XLIFF/PO, fill the targets with
translate-toolkit as a CAT tool would, import, build; the stale round; each refusal; the
hand-written path (new, stamp, check); the exported files through translate-toolkit's and
gettext's own validators."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import frontmatter
import pytest
import yaml
from conftest import ROOT, TNARCHIVE, run
from lxml import etree
from translate.storage import factory, pypo, xliff

from tnarchive.render import body_sha256
from tnarchive.text import fold

KOREA = "2023-08-10-bi-thu-tinh-uy-thai-nguyen-tiep-va-lam-viec-voi"
REPORT = "2025-02-10-thai-nguyen-mo-rong-hop-tac-quoc-te-tao-dong-luc"
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@pytest.fixture
def archive(project: Path) -> Path:
    """The seeds converted, with no English translations."""
    run(["convert"], project, check=True)
    return project


def _names() -> list[tuple[str, str]]:
    """(folded Vietnamese name, English name) of every partner and person in data/."""
    partners = yaml.safe_load((ROOT / "data/partners.yml").read_text())["partners"]
    people = yaml.safe_load((ROOT / "data/people.yml").read_text())["people"]
    return [(fold(r["name_vi"]), r["name_en"]) for r in partners] + [
        (fold(r["name"]), r.get("name_en") or r["name"]) for r in people]


NAMES = _names()


def english(vi: str, uid: str) -> str:
    """A stand-in for a translator's English: the words without diacritics, numbers in English
    notation (1.500,5 → 1,500.5), and the English name of every partner and person named."""
    folded = NUMBER.sub(lambda m: m.group().translate(str.maketrans(".,", ",.")), fold(vi))
    names = [en for vi_name, en in NAMES if vi_name in fold(vi)]
    return f"EN {uid}: {folded}" + (f" ({'; '.join(names)})" if names else "")


def fill(path: Path, edit=None) -> None:
    """Translate every unit of an exported file through translate-toolkit, as a CAT tool saves it."""
    store = factory.getobject(str(path))
    for unit in store.units:
        if unit.isheader():
            continue
        uid = unit.getcontext() if isinstance(store, pypo.pofile) else unit.getid().rpartition(xliff.ID_SEPARATOR)[2]
        unit.target = english(str(unit.source), uid)
        if isinstance(store, pypo.pofile):
            unit.markfuzzy(False)
        else:
            unit.set_state_n(100)
        if edit:
            edit(uid, unit)
    if isinstance(store, pypo.pofile):
        store.updateheader(Last_Translator="Trần Minh Anh <tma@example.org>")
    store.save()


def units(path: Path) -> dict[str, object]:
    store = factory.getobject(str(path))
    if isinstance(store, pypo.pofile):
        return {u.getcontext(): u for u in store.units if not u.isheader()}
    return {u.getid().rpartition(xliff.ID_SEPARATOR)[2]: u for u in store.units}


def test_round_trip_through_a_cat_tool_and_the_site(archive):
    out = run(["translations", "export", "--missing"], archive, check=True)
    assert "exported 5 article(s)" in out.stdout
    xlf = archive / f"translations/out/{KOREA}.xlf"
    first = xlf.read_bytes()
    run(["translations", "export", "--missing", "--slug", KOREA], archive, check=True)
    assert xlf.read_bytes() == first, "the same article exports to the same file, ids and all"
    found = units(xlf)
    assert list(found)[:3] == ["title", "p1", "p2"]
    assert f"article {KOREA} · 2023-08-10" in found["p1"].getnotes()
    assert "Hàn Quốc = Republic of Korea" in found["p1"].getnotes()
    fill(xlf)
    po_dir = archive / "po"
    run(["translations", "export", "--missing", "--slug", REPORT, "--format", "po", "--out", str(po_dir)], archive, check=True)
    fill(po_dir / f"{REPORT}.po")
    proc = run(["translations", "import", str(xlf), str(po_dir / f"{REPORT}.po"), "--translator", "Lê Hoa"], archive)
    assert proc.returncode == 0, proc.stderr
    assert "imported 2 file(s), refused 0" in proc.stdout
    for slug, who in ((KOREA, "Lê Hoa"), (REPORT, "Lê Hoa")):
        post = frontmatter.load(archive / f"docs/en/articles/{slug}.md")
        vi = frontmatter.load(archive / f"docs/vi/articles/{slug}.md")
        assert post["translation"]["source_sha256"] == body_sha256(vi.content)
        assert post["translation"]["translator"] == who and post["translation"]["of"] == slug
        assert post["title"].startswith("EN title: ")
    # The PO's own Last-Translator is used when no --translator is given.
    run(["translations", "export", "--missing", "--slug", "2021-10-20-cong-tac-doi-ngoai-tinh-thai-nguyen-9-thang-nam",
         "--format", "po", "--out", str(po_dir)], archive, check=True)
    fill(po_dir / "2021-10-20-cong-tac-doi-ngoai-tinh-thai-nguyen-9-thang-nam.po")
    run(["translations", "import", str(po_dir / "2021-10-20-cong-tac-doi-ngoai-tinh-thai-nguyen-9-thang-nam.po")], archive, check=True)
    post = frontmatter.load(archive / "docs/en/articles/2021-10-20-cong-tac-doi-ngoai-tinh-thai-nguyen-9-thang-nam.md")
    assert post["translation"]["translator"] == "Trần Minh Anh"

    check = run(["check"], archive)
    assert "translations: 3 of 5 article(s) translated and current (60.0 %), 0 stale, 2 missing" in check.stderr
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=archive, capture_output=True, text=True)
    assert build.returncode == 0, build.stderr[-3000:]
    page = (archive / f"site/en/articles/{KOREA}.html").read_text()
    assert "EN p3: vui mung don chao" in page
    assert "tna-untranslated" not in page
    assert "tna-untranslated" in (archive / "site/en/articles/2023-08-29-thai-nguyen-chu-dong-tich-cuc-hoi-nhap-quoc-te.html").read_text()
    cov = (archive / "site/en/translations.html").read_text()
    assert "3 of 5 articles have a current English translation (60.0 %)" in cov
    assert 'href="articles/2023-08-29-thai-nguyen-chu-dong-tich-cuc-hoi-nhap-quoc-te.html"' in cov
    assert "3 trên 5 bài có bản dịch tiếng Anh cập nhật (60.0 %)" in (archive / "site/translations.html").read_text()


def _import(archive: Path, *args: str) -> subprocess.CompletedProcess:
    return run(["translations", "import", *args, "--translator", "Lê Hoa"], archive)


def test_stale_round_trip_marks_only_the_changed_unit(archive):
    run(["translations", "export", "--missing", "--slug", KOREA], archive, check=True)
    xlf = archive / f"translations/out/{KOREA}.xlf"
    fill(xlf)
    assert _import(archive, str(xlf)).returncode == 0
    vi = archive / f"docs/vi/articles/{KOREA}.md"
    old_p5 = units(xlf)["p5"].source
    vi.write_text(vi.read_text().replace("sẽ ngày càng phát triển", "sẽ phát triển mạnh mẽ hơn nữa"))
    assert "stale: the Vietnamese text changed" in run(["check"], archive).stdout
    assert f"`./tna translations export --stale --slug {KOREA}`" in run(["check"], archive).stdout

    out = run(["translations", "export", "--stale"], archive, check=True)
    assert "exported 1 article(s)" in out.stdout
    again = units(xlf)
    review = [uid for uid, u in again.items() if u.get_state_n() < 100]
    assert review == ["p5"]
    alt = again["p5"].getalttrans()[0]
    assert str(alt.source) == old_p5 and str(alt.target) == str(again["p5"].target) == english(old_p5, "p5")
    assert again["p4"].get_state_n() == 100 and str(again["p4"].target).startswith("EN p4:")
    # PO: the earlier Vietnamese as #| msgid, the earlier English as a fuzzy msgstr.
    run(["translations", "export", "--stale", "--format", "po", "--out", "po"], archive, check=True)
    po = units(archive / f"po/{KOREA}.po")
    assert [uid for uid, u in po.items() if u.isfuzzy()] == ["p5"]
    assert "#| msgid" in (archive / f"po/{KOREA}.po").read_text()

    refused = _import(archive, str(xlf))  # importing it untouched: the unit still needs review
    assert refused.returncode == 1 and f"{xlf}: unit p5: warning: still marked as needing review" in refused.stderr

    def update(uid, unit):
        if uid != "p5":
            unit.target = str(again[uid].target)

    fill(xlf, update)
    assert _import(archive, str(xlf)).returncode == 0
    assert "stale" not in run(["check"], archive).stdout
    assert KOREA not in run(["check"], archive).stdout


def _exported(archive: Path, slug: str = KOREA) -> Path:
    run(["translations", "export", "--slug", slug], archive, check=True)
    path = archive / f"translations/out/{slug}.xlf"
    fill(path)
    return path


def _edit_xml(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


REFUSALS = [
    ("missing", lambda p: _edit_xml(p, 'id="p9"', 'id="p99"'),
     ["unit p9: error: missing: the Vietnamese has this block", "unit p99: error: added: the Vietnamese has no such block"]),
    ("empty", lambda p: _set_target(p, "p2", ""), ["unit p2: error: empty: no English for this block"]),
    ("figure", lambda p: _set_target(p, "p4", english(_source(p, "p4"), "p4").replace("8.76", "8.7")),
     ["unit p4: warning: figure(s) missing in English: 8,76"]),
    ("symbol", lambda p: _set_target(p, "p9", "EN p9: under Decision 1114/QD-UBND"), []),
    ("name", lambda p: _set_target(p, "p8", "Provincial leaders pose with the delegation from Gyeongsangbuk-do."),
     ["unit p8: warning: names Hàn Quốc (korea) but the English has none of its glossary names (Republic of Korea"]),
    ("letters", lambda p: _set_target(p, "p9", "EN p9: the two sides discussed hợp tác in education"),
     ["unit p9: warning: Vietnamese word(s) left in the English: hợp, tác"]),
]


def _source(path: Path, uid: str) -> str:
    return str(units(path)[uid].source)


def _set_target(path: Path, uid: str, text: str) -> None:
    store = factory.getobject(str(path))
    next(u for u in store.units if u.getid().endswith(xliff.ID_SEPARATOR + uid)).target = text
    store.save()


@pytest.mark.parametrize("case,spoil,messages", REFUSALS, ids=[r[0] for r in REFUSALS])
def test_each_refusal_names_the_file_and_unit(archive, case, spoil, messages):
    path = _exported(archive)
    spoil(path)
    proc = _import(archive, str(path))
    for m in messages:
        assert f"{path}: {m}" in proc.stderr
    target = archive / f"docs/en/articles/{KOREA}.md"
    if case == "symbol":  # a document symbol written without diacritics is kept; nothing to refuse
        assert proc.returncode == 0, proc.stderr
        return
    assert proc.returncode == 1 and not target.exists()
    forced = _import(archive, str(path), "--force")
    if "error" in messages[0]:
        assert forced.returncode == 1 and not target.exists(), "--force never accepts a structural error"
    else:
        assert forced.returncode == 0
        accepted = frontmatter.load(target)["translation"]["accepted_warnings"]
        assert any(messages[0].split(": ", 1)[1][:40] in a for a in accepted)


def test_symbol_missing_and_vietnamese_changed_and_hand_edits(archive):
    vi = archive / f"docs/vi/articles/{KOREA}.md"
    vi.write_text(vi.read_text().replace("nông thôn mới...", "nông thôn mới theo Quyết định 1114/QĐ-UBND."))
    path = _exported(archive)
    _set_target(path, "p9", "EN p9: new rural areas under the decision")
    proc = _import(archive, str(path))
    assert f"{path}: unit p9: warning: figure(s) missing in English: 1114/QĐ-UBND" in proc.stderr
    # The Vietnamese changes after the export: refused, even with --force, pointing at the stale workflow.
    fill(path)
    vi.write_text(vi.read_text().replace("hai bên đã cùng nhau", "hai bên đã"))
    proc = _import(archive, str(path), "--force")
    assert proc.returncode == 1
    assert (f"{path}: error: the Vietnamese text changed since this file was exported: export it again with "
            f"`./tna translations export --stale --slug {KOREA}`") in proc.stderr
    # A translation edited by hand after the export is never replaced without saying so.
    path = _exported(archive)
    target = archive / f"docs/en/articles/{KOREA}.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("---\ntitle: A hand-made translation\n---\n\n# A hand-made translation\n")
    proc = _import(archive, str(path))
    assert proc.returncode == 1 and f"{path}: warning: docs/en/articles/{KOREA}.md was written since the export" in proc.stderr
    assert target.read_text().startswith("---\ntitle: A hand-made translation")
    assert _import(archive, str(path), "--force").returncode == 0
    assert (archive / f"reports/overwritten/en-{KOREA}.md").read_text().startswith("---\ntitle: A hand-made")
    # Not one of ours.
    bogus = archive / "bogus.po"
    bogus.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n')
    assert f"{bogus}: error: cannot read it: not exported by `./tna translations export`" in _import(archive, str(bogus)).stderr


def test_memory_fills_identical_blocks_and_tmx_tbx_csv(archive):
    path = _exported(archive)
    assert _import(archive, str(path)).returncode == 0
    # A second article repeating a block of the first, word for word.
    src = archive / f"docs/vi/articles/{KOREA}.md"
    twin = archive / "docs/vi/articles/2023-09-01-twin.md"
    twin.write_text(src.read_text().replace(f"slug: {KOREA}", "slug: 2023-09-01-twin")
                    .replace("Bí thư Tỉnh ủy Thái Nguyên tiếp", "Chủ tịch tỉnh tiếp"))
    out = run(["translations", "export", "--missing"], archive, check=True)
    assert "unit(s) filled from the memory" in out.stdout
    twin_units = units(archive / "translations/out/2023-09-01-twin.xlf")
    assert str(twin_units["p4"].target).startswith("EN p4:")
    assert f"the same Vietnamese in {KOREA}#p4" in twin_units["p4"].getnotes()
    assert 'state-qualifier="leveraged-tm"' in (archive / "translations/out/2023-09-01-twin.xlf").read_text()
    assert not twin_units["title"].target  # its changed title is left to translate

    run(["translations", "memory"], archive, check=True)
    run(["translations", "glossary"], archive, check=True)
    tmx = factory.getobject(str(archive / "translations/memory.tmx"))
    pairs = {str(u.source): str(u.target) for u in tmx.units}
    assert pairs[_source(path, "p4")] == english(_source(path, "p4"), "p4") and len(pairs) == len(units(path))
    tbx = etree.parse(str(archive / "translations/glossary.tbx"))
    terms = [[t.text for t in e.iter("term")] for e in tbx.iter("termEntry")]
    assert ["Hàn Quốc", "Republic of Korea"] in terms and ["Nam Hàn", "Republic of Korea"] in terms
    assert "Hàn Quốc,Republic of Korea,partner,korea," in (archive / "translations/glossary.csv").read_text()


def test_hand_written_translation_new_stamp_and_check(archive):
    slug = REPORT
    assert f"no English translation yet: `./tna translations export --missing --slug {slug}`" in run(["check"], archive).stdout
    run(["translations", "new", slug], archive, check=True)
    path = archive / f"docs/en/articles/{slug}.md"
    skeleton = frontmatter.load(path)
    vi = frontmatter.load(archive / f"docs/vi/articles/{slug}.md")
    assert skeleton["translation"]["of"] == slug and skeleton.content.count("TODO: ") == vi.content.count("\n\n") + 1
    proc = run(["translations", "stamp", slug], archive)
    assert proc.returncode == 1 and f"docs/en/articles/{slug}.md: unit p1: error: still a placeholder (TODO)" in proc.stderr
    # The translator replaces each placeholder (here: with the stand-in English), keeping the layout.
    text = path.read_text()
    text = re.sub(r"TODO: (.*)", lambda m: english(m.group(1), "x"), text)
    text = text.replace("source_sha256: null", "source_sha256: not-a-checksum")
    path.write_text(text)
    found = run(["check"], archive)
    assert found.returncode == 1
    assert f"translation.source_sha256 is not a SHA-256 (64 hex digits): `./tna translations stamp {slug}`" in found.stdout
    assert run(["translations", "stamp", slug, "--translator", "Lê Hoa"], archive).returncode == 0
    post = frontmatter.load(path)
    assert post["translation"]["source_sha256"] == body_sha256(vi.content) and post["translation"]["translator"] == "Lê Hoa"
    assert "# Curated English translation" in path.read_text(), "the file's own lines are kept"
    after = run(["check"], archive)
    assert after.returncode == 0 and f"{slug}.md: 1" not in after.stdout
    assert "translations: 1 of 5 article(s) translated and current (20.0 %)" in after.stderr
    # Import's unit checks run on it too: a figure removed by hand is reported by `check`.
    head, sep, body = path.read_text().partition("\n---\n")
    path.write_text(head + sep + body.replace("2024", "last year"))
    assert f"docs/en/articles/{slug}.md:1: warning: unit p1: figure(s) missing in English: 2024" in run(["check"], archive).stdout


# XLIFF 1.1/1.2 as far as the export uses it (RELAX NG, after the OASIS schema's content models).
XLIFF_RNG = """<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="urn:oasis:names:tc:xliff:document:1.1"
  datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start><element name="xliff"><attribute name="version"/><oneOrMore><ref name="file"/></oneOrMore></element></start>
  <define name="file"><element name="file">
    <attribute name="original"/><attribute name="source-language"/><attribute name="datatype"/>
    <optional><attribute name="target-language"/></optional>
    <optional><element name="header"><zeroOrMore><ref name="note"/></zeroOrMore></element></optional>
    <element name="body"><oneOrMore><ref name="unit"/></oneOrMore></element></element></define>
  <define name="note"><element name="note"><optional><attribute name="from"/></optional><text/></element></define>
  <define name="target"><element name="target">
    <optional><attribute name="state"><choice><value>translated</value><value>needs-review-translation</value>
      <value>needs-translation</value><value>new</value><value>final</value><value>signed-off</value></choice></attribute></optional>
    <optional><attribute name="state-qualifier"><value>leveraged-tm</value></attribute></optional>
    <optional><attribute name="xml:lang"/></optional><text/></element></define>
  <define name="unit"><element name="trans-unit"><attribute name="id"><data type="NMTOKEN"/></attribute>
    <optional><attribute name="xml:space"/></optional><optional><attribute name="approved"/></optional>
    <element name="source"><text/></element><optional><ref name="target"/></optional>
    <zeroOrMore><ref name="note"/></zeroOrMore>
    <zeroOrMore><element name="alt-trans"><optional><attribute name="origin"/></optional>
      <optional><attribute name="xml:lang"/></optional>
      <optional><attribute name="xml:space"/></optional>
      <optional><element name="source"><text/></element></optional><ref name="target"/></element></zeroOrMore>
  </element></define>
</grammar>"""


def test_exported_files_pass_translate_toolkit_gettext_and_schema_checks(archive):
    path = _exported(archive)
    assert _import(archive, str(path)).returncode == 0
    vi = archive / f"docs/vi/articles/{KOREA}.md"
    vi.write_text(vi.read_text().replace("sẽ ngày càng phát triển", "sẽ phát triển hơn"))
    run(["translations", "export"], archive, check=True)  # every kind of unit: new, translated, needs review
    run(["translations", "export", "--format", "po", "--out", "po"], archive, check=True)
    schema = etree.RelaxNG(etree.fromstring(XLIFF_RNG.encode()))
    files = sorted((archive / "translations/out").glob("*.xlf"))
    assert len(files) == 5
    for f in files:
        doc = etree.parse(str(f))
        assert schema.validate(doc), f"{f.name}: {schema.error_log}"
        ids = doc.xpath("//x:trans-unit/@id", namespaces={"x": "urn:oasis:names:tc:xliff:document:1.1"})
        assert len(ids) == len(set(ids))
        assert isinstance(factory.getobject(str(f)), xliff.xlifffile)
    for f in sorted((archive / "po").glob("*.po")):
        gettext = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(f)], capture_output=True, text=True)
        assert gettext.returncode == 0, gettext.stderr
    bindir = Path(TNARCHIVE).parent
    for src, dest in (("po", "filtered-po"), ("translations/out", "filtered-xlf")):
        proc = subprocess.run([str(bindir / "pofilter"), "--progress=none", "-t", "variables", "-t", "xmltags",
                               "-t", "printf", str(archive / src), str(archive / dest)], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        assert "Traceback" not in proc.stderr
        assert not any((archive / dest).iterdir()), "no unit fails translate-toolkit's format checks"
        # pofilter reads the earlier state the same way: only the changed unit is fuzzy.
        fuzzy = archive / f"fuzzy-{dest}"
        subprocess.run([str(bindir / "pofilter"), "--progress=none", "-t", "isfuzzy", str(archive / src), str(fuzzy)],
                       capture_output=True, text=True, check=True)
        assert [p.stem for p in fuzzy.iterdir()] == [KOREA]
        flagged = next(fuzzy.iterdir()).read_text()
        assert ('msgctxt "p5"' in flagged) if src == "po" else ('id="p5"' in flagged and flagged.count("<trans-unit") == 1)
