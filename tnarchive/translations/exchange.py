"""Translation units ↔ the files CAT tools read: XLIFF 1.2 and gettext PO, one file per article,
written and read with translate-toolkit.

One file per article, not per batch: an article is what a translator is assigned, what an import
accepts or refuses as a whole, and what a re-export replaces; a refused article does not hold up
the others, and OmegaT, memoQ or Weblate take a folder of files as one project (Poedit opens one
at a time, which suits one article).

The file carries what import needs to refuse safely: the article's slug, the checksum of the
Vietnamese text it was made from and of the English file as it was then (`none` if there was none).
In XLIFF these are notes in the file's <header>; in PO, header fields (X-TNA-…). A stale unit's
earlier state is the earlier English as its target, marked needs-review-translation, and an
<alt-trans origin="previous-version"> holding the earlier Vietnamese and English; in PO, the
earlier English as msgstr, `#, fuzzy` and the earlier Vietnamese as `#| msgid`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from translate.storage import factory, pypo, xliff

from ..errors import _

NS_KEYS = ("slug", "source-sha256", "english-sha256", "translator")
NEW, DONE, REVIEW, MEMORY = "new", "translated", "needs-review", "memory"


@dataclass
class Item:
    """One unit in a file: the Vietnamese, the English target if any, its state, its notes."""

    id: str
    source: str
    target: str = ""
    state: str = NEW  # NEW | DONE | REVIEW | MEMORY
    note: str = ""
    previous: tuple[str, str] | None = None  # (earlier Vietnamese, earlier English)
    memory_of: str = ""  # where a MEMORY target comes from ("slug#p3")


@dataclass
class Parcel:
    slug: str
    source_sha256: str
    english_sha256: str  # "none": there was no English file at export time
    translator: str = ""
    items: list[Item] = field(default_factory=list)


class FormatError(ValueError):
    """A file that is not one of ours: the message names what is missing."""


def to_xliff(p: Parcel) -> bytes:
    store = xliff.xlifffile(sourcelanguage="vi", targetlanguage="en")
    original = f"docs/vi/articles/{p.slug}.md"
    store.addsourceunit("", filename=original, createifmissing=True)  # makes the <file>
    store.removeunit(store.units[0])
    node = store.getfilenode(original)
    header = store.getheadernode(node, createifmissing=True)
    node.remove(header)  # XLIFF wants <header> before <body>
    node.insert(0, header)
    for key, value in zip(NS_KEYS, (p.slug, p.source_sha256, p.english_sha256, p.translator)):
        note = header.makeelement(store.namespaced("note"), {"from": "tnarchive"})
        note.text = f"{key}: {value}"
        header.append(note)
    for it in p.items:
        unit = store.addsourceunit(it.source, filename=original)
        unit.setid(it.id)
        if it.note:
            unit.addnote(it.note, origin="developer")
        if it.target:
            unit.settarget(it.target)
            unit.set_state_n(80 if it.state == REVIEW else 100)
            if it.state == MEMORY:
                unit.addnote(f"filled from the translation memory: the same Vietnamese in {it.memory_of}", origin="tnarchive")
                unit.xmlelement.find(store.namespaced("target")).set("state-qualifier", "leveraged-tm")
        if it.previous:
            unit.addalttrans(it.previous[1], origin="previous-version", lang="en", sourcetxt=it.previous[0] or None)
    return bytes(store)


def to_po(p: Parcel) -> bytes:
    store = pypo.pofile()
    store.updateheader(add=True, Language="en", Last_Translator=p.translator or "", POT_Creation_Date="",
                       PO_Revision_Date="", Project_Id_Version=f"tnarchive {p.slug}",
                       X_Source_Language="vi", X_TNA_Slug=p.slug, X_TNA_Source_SHA256=p.source_sha256,
                       X_TNA_English_SHA256=p.english_sha256)
    for it in p.items:
        unit = store.addsourceunit(it.source)
        unit.setcontext(it.id)
        if it.note:
            unit.addnote(it.note, origin="developer")
        if it.target:
            unit.target = it.target
        if it.state == MEMORY:
            unit.addnote(f"filled from the translation memory: the same Vietnamese in {it.memory_of}", origin="translator")
        if it.previous:
            unit.prev_source = it.previous[0]
        unit.markfuzzy(it.state == REVIEW)
    return bytes(store)


def read(path: Path) -> Parcel:
    """A translated file back as a Parcel (state REVIEW: the unit is still marked as needing work)."""
    store = factory.getobject(str(path))
    if isinstance(store, pypo.pofile):
        head = store.parseheader()
        meta = {k: head.get(f"X-TNA-{h}", "") for k, h in zip(NS_KEYS, ("Slug", "Source-SHA256", "English-SHA256"))}
        meta["translator"] = _person(head.get("Last-Translator", ""))
        units = [(u.getcontext(), u) for u in store.units if not u.isheader()]
    elif isinstance(store, xliff.xlifffile):
        meta = {}
        names = store.getfilenames()
        header = store.getheadernode(store.getfilenode(names[0])) if names else None
        for note in header.iter(store.namespaced("note")) if header is not None else ():
            key, _sep, value = (note.text or "").partition(":")
            meta[key.strip()] = value.strip()
        units = [(u.getid().rpartition(xliff.ID_SEPARATOR)[2], u) for u in store.units]  # getid(): "original\x04id"
    else:
        raise FormatError(_("not an XLIFF or PO file"))
    if not meta.get("slug") or not meta.get("source-sha256"):
        raise FormatError(_("not exported by `./tna translations export` (no slug or source checksum in its header)"))
    p = Parcel(meta["slug"], meta["source-sha256"], meta.get("english-sha256") or "none", meta.get("translator", ""))
    for uid, u in units:
        target = str(u.target or "")
        review = u.isfuzzy() if isinstance(store, pypo.pofile) else _unreviewed(u, target)
        p.items.append(Item(uid, str(u.source or ""), target, REVIEW if review else DONE))
    return p


def _unreviewed(unit, target: str) -> bool:
    """An XLIFF unit still marked needs-review whose target is still the earlier English: a tool
    that changes the text but leaves the state attribute alone has still done the work."""
    if unit.get_state_n() >= 100:
        return False
    earlier = [str(alt.target or "") for alt in unit.getalttrans()]
    return not earlier or target in earlier


def _person(last_translator: str) -> str:
    """"Name <email>" → "Name" (Poedit fills Last-Translator so); the template's placeholder → ""."""
    name = last_translator.split("<")[0].strip()
    return "" if name in ("", "FULL NAME") else name
