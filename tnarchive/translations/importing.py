"""`translations import`: a translated XLIFF or PO file back into docs/en/articles/<slug>.md.

A file is refused, with one line per problem naming the file and the unit, on structural errors
(no such article, the Vietnamese changed since the export, a unit missing, added or left empty,
no translator) and on warnings (a figure, a glossary name or a document symbol not kept,
Vietnamese words left outside names, a unit still marked for review, an English file edited by
hand since the export). --force accepts the warnings, never the errors, and records them in the
translation's front matter; a hand-edited English file it replaces is first copied to
reports/overwritten/. The same unit checks run over hand-written translations in `check`.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from ..errors import _
from .checks import unit_warnings
from .exchange import REVIEW, FormatError, Parcel, read
from .glossary import Term, named_in
from .records import Source, english_path, file_sha256, write_english

FILES_PER_JOB = 100  # fewer files per process than this: importing them in one process is quicker


@dataclass(frozen=True)
class Problem:
    unit: str | None
    level: str  # "error" | "warning"
    message: str

    def line(self, where: str) -> str:
        unit = _("unit {id}: ").format(id=self.unit) if self.unit else ""
        return f"{where}: {unit}{_(self.level)}: {self.message}"


def unit_problems(src: Source, texts: dict[str, str], glossary: dict[str, Term], names: tuple[str, ...]) -> list[Problem]:
    """Units missing, added or empty, and each unit's warnings: for an import and for `check`."""
    out: list[Problem] = []
    ids = [u.id for u in src.units]
    out += [Problem(i, "error", _("missing: the Vietnamese has this block, the translation does not")) for i in ids if i not in texts]
    out += [Problem(i, "error", _("added: the Vietnamese has no such block")) for i in texts if i not in ids]
    linked = [*(src.meta.get("partners") or []), *(src.meta.get("people") or [])]
    for u in src.units:
        en = texts.get(u.id)
        if en is None:
            continue
        if not en.strip():
            out.append(Problem(u.id, "error", _("empty: no English for this block")))
            continue
        out += [Problem(u.id, "warning", w) for w in unit_warnings(u.text, en, named_in(u.text, linked, glossary), names)]
    return out


def examine(root: Path, parcel: Parcel, src: Source | None, glossary: dict[str, Term], names: tuple[str, ...],
            translator: str) -> list[Problem]:
    if src is None:
        return [Problem(None, "error", _("no Vietnamese article '{slug}' in docs/vi/articles/").format(slug=parcel.slug))]
    if parcel.source_sha256 != src.sha256:
        return [Problem(None, "error", _("the Vietnamese text changed since this file was exported: export it again with "
                                  "`./tna translations export --stale --slug {slug}` and translate the marked units")
                        .format(slug=src.slug))]
    out: list[Problem] = []
    current = {u.id: u.text for u in src.units}
    for it in parcel.items:
        if it.id in current and " ".join(it.source.split()) != " ".join(current[it.id].split()):
            out.append(Problem(it.id, "error", _("its Vietnamese differs from the article's: the source text was edited in the file")))
    out += unit_problems(src, {it.id: it.target for it in parcel.items}, glossary, names)
    out += [Problem(it.id, "warning", _("still marked as needing review (fuzzy / needs-review-translation)"))
            for it in parcel.items if it.state == REVIEW]
    if not (translator or parcel.translator):
        out.append(Problem(None, "error", _("no translator named: set Last-Translator (PO), or pass --translator NAME")))
    now = file_sha256(english_path(root, src.slug))
    if (now or "none") != parcel.english_sha256:
        out.append(Problem(None, "warning", (
            _("{path} was written since the export; --force replaces it (a copy goes to reports/overwritten/)")
            if parcel.english_sha256 == "none" else
            _("{path} was edited since the export; --force replaces it (a copy goes to reports/overwritten/)"))
            .format(path=f"docs/en/articles/{src.slug}.md")))
    return out


def import_file(root: Path, path: Path, sources: dict[str, Source], glossary: dict[str, Term], names: tuple[str, ...],
                force: bool, translator: str, today: str | None = None) -> tuple[Path | None, list[Problem]]:
    """Import one file; (the English file written or None, the problems found)."""
    try:
        parcel = read(path)
    except (FormatError, OSError, ValueError) as exc:
        return None, [Problem(None, "error", _("cannot read it: {why}").format(why=exc))]
    src = sources.get(parcel.slug)
    problems = examine(root, parcel, src, glossary, names, translator)
    if any(p.level == "error" for p in problems) or (problems and not force):
        return None, problems
    target = english_path(root, src.slug)
    if target.exists() and file_sha256(target) != parcel.english_sha256:
        backup = root / "reports" / "overwritten" / f"en-{src.slug}.md"
        backup.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, backup)
    accepted = [p.line(f"{path.name}") for p in problems]
    written = write_english(root, src, {it.id: it.target for it in parcel.items}, translator or parcel.translator,
                            accepted, today)
    return written, problems
