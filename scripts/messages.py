"""Bring the message catalogue up to date: extract, update, take pending translations, compile.

    .venv/bin/python scripts/messages.py

1. extracts every message of the code and the schemas into tnarchive/locale/tnarchive.pot
   (pybabel extract, babel.cfg);
2. updates tnarchive/locale/vi/LC_MESSAGES/tnarchive.po from it (pybabel update: new messages
   empty, changed ones marked fuzzy, removed ones dropped);
3. fills each still-empty Vietnamese message from tnarchive/locale/pending/*.po (translations
   written alongside a change, in a standard PO file) and removes a pending file once all of
   its messages are in the catalogue;
4. compiles the .mo, and lists the messages still to translate (tests/test_messages.py fails
   on each of them).
"""
from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "tnarchive" / "locale"
PO = LOCALE / "vi" / "LC_MESSAGES" / "tnarchive.po"
PYBABEL = str(Path(sys.executable).parent / "pybabel")


def pybabel(*args: str) -> None:
    subprocess.run([PYBABEL, "--quiet", *args], cwd=ROOT, check=True)


def main() -> int:
    pybabel("extract", "-F", "babel.cfg", "--no-location", "--sort-output", "--width", "100",
            "--project", "tnarchive", "--version", "0.1.0", "-o", str(LOCALE / "tnarchive.pot"), ".")
    pybabel("update", "-i", str(LOCALE / "tnarchive.pot"), "-d", str(LOCALE), "-D", "tnarchive",
            "--width", "100", "--ignore-obsolete")
    with open(PO, "rb") as f:
        catalog = read_po(f, locale="vi")
    for pending in sorted((LOCALE / "pending").glob("*.po")):
        with open(pending, "rb") as f:
            offered = {m.id: m.string for m in read_po(f) if m.id and m.string and not m.fuzzy}
        for msgid, text in offered.items():
            message = catalog.get(msgid)
            if message is not None and (not message.string or message.fuzzy):
                message.string, message.flags = unicodedata.normalize("NFC", text), message.flags - {"fuzzy"}
        if all(msgid in catalog and catalog.get(msgid).string for msgid in offered):
            pending.unlink()
            print(f"messages: {pending.relative_to(ROOT)} merged and removed")
    with open(PO, "wb") as f:
        write_po(f, catalog, width=100, sort_output=True)
    pybabel("compile", "-D", "tnarchive", "-d", str(LOCALE))
    todo = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
    for msgid in todo:
        print(f"messages: to translate in {PO.relative_to(ROOT)}: {msgid!r}")
    print(f"messages: {sum(1 for m in catalog if m.id)} message(s), {len(todo)} to translate")
    return 1 if todo else 0


if __name__ == "__main__":
    sys.exit(main())
