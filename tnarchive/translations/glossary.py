"""The glossary: every partner's and person's Vietnamese name, English name and aliases (data/),
as TBX and CSV for CAT tools, and the names a block uses, for the unit's context note and for
the check that the English keeps them.

Names are matched as the converter matches them (authority.tokens: folded words), so "Hàn
Quốc", "HAN QUOC" and "Han Quoc" are one name; ambiguous aliases are left out (the converter
only accepts them in context).
"""
from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass

from translate.storage import tbx

from ..authority import Authority, tokens


@dataclass(frozen=True)
class Term:
    id: str
    kind: str  # "partner" | "person"
    vi: str
    en: str
    aliases: tuple[str, ...]

    @functools.cached_property
    def english_forms(self) -> list[str]:
        """What the English text may call it: the English name or any alias (people: any form), as
        folded words between spaces (_words)."""
        forms = [self.en, *self.aliases] + ([self.vi] if self.kind == "person" else [])
        return [f for f in (_words(x)[:-1] for x in forms) if f.strip()]

    @functools.cached_property
    def vietnamese_forms(self) -> list[str]:
        return [f for f in (_words(x) for x in (self.vi, *self.aliases)) if f.strip()]


def _words(text: str) -> str:
    """Folded words of *text* joined and surrounded by spaces: " han quoc ". A name is in a text
    when its form is a substring of the text's (word boundaries by the spaces), a C-speed search."""
    return " " + " ".join(tokens(text)) + " "


def terms(auth: Authority) -> dict[str, Term]:
    out = {p.id: Term(p.id, "partner", p.name_vi, p.name_en, p.aliases) for p in auth.partners.values()}
    for person in auth.people.values():
        out[person.id] = Term(person.id, "person", person.name, person.name_en or person.name_ascii,
                              tuple(dict.fromkeys((person.name_ascii, *person.aliases))))
    return out


def named_in(text: str, ids: list[str], glossary: dict[str, Term]) -> list[Term]:
    """The terms among *ids* (an article's partners and people) that a Vietnamese block names."""
    words = _words(text)
    return [glossary[i] for i in ids if i in glossary and any(f in words for f in glossary[i].vietnamese_forms)]


def kept_in(term: Term, english: str) -> bool:
    """Does *english* use one of the term's English forms? Its last word may begin a longer one
    (Korea → Korean, Mongolia → Mongolian): the forms have no closing space."""
    words = _words(english)
    return any(f in words for f in term.english_forms)


def tbx_bytes(glossary: dict[str, Term]) -> bytes:
    """One entry per Vietnamese form (the name and each alias) → the English name."""
    store = tbx.tbxfile(sourcelanguage="vi", targetlanguage="en")
    for term in glossary.values():
        for vi in dict.fromkeys((term.vi, *term.aliases)):
            unit = store.addsourceunit(vi)
            unit.settarget(term.en, lang="en")
            also = [a for a in (term.vi, *term.aliases) if a != vi]
            unit.addnote(f"{term.kind} {term.id}" + (f"; also written: {', '.join(also)}" if also else ""),
                         origin="developer")
    return bytes(store)


def csv_text(glossary: dict[str, Term]) -> str:
    """vi, en, kind, id, aliases (joined by " | "): a header row, then one row per record."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["vi", "en", "kind", "id", "aliases"])
    for t in glossary.values():
        w.writerow([t.vi, t.en, t.kind, t.id, " | ".join(t.aliases)])
    return buf.getvalue()
