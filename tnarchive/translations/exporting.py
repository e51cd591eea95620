"""Which articles go out, and each as a Parcel of units with its context and earlier state.

An article's status: `missing` (no English file), `stale` (the English records another
Vietnamese text than today's) or `current`. A stale article goes out whole: the units whose
Vietnamese is unchanged since the translation carry their English as translated; the changed
ones carry the earlier English marked for review, with the earlier Vietnamese beside it (kept by
import and stamp in translations/sources/); new units are empty. Blocks found word for word in
the memory are filled from it and marked.
"""
from __future__ import annotations

from pathlib import Path

from .exchange import DONE, MEMORY, NEW, REVIEW, Item, Parcel
from .glossary import Term, named_in
from .memory import Memory
from .records import English, Source, earlier_source

ARTICLES_PER_JOB = 100  # fewer articles per process than this: exporting them in one process is quicker


def status(src: Source, eng: English | None) -> str:
    if eng is None:
        return "missing"
    return "current" if eng.record.get("source_sha256") == src.sha256 else "stale"


def selected(articles: list[tuple[Source, English | None]], missing: bool, stale: bool, slugs: tuple[str, ...],
             since: str | None) -> list[tuple[Source, English | None]]:
    """--missing / --stale: those (both: either); neither: every article. --slug and --since narrow."""
    wanted = {s for s, on in (("missing", missing), ("stale", stale)) if on} or {"missing", "stale", "current"}
    out = []
    for src, eng in articles:
        date = str(src.meta.get("date") or "")
        if status(src, eng) in wanted and (not slugs or src.slug in slugs) and (not since or date[:10] >= since):
            out.append((src, eng))
    return out


def context_note(src: Source, kind: str, named: list[Term]) -> str:
    date = str(src.meta.get("date") or "undated")[:10]
    note = f"article {src.slug} · {date} · {kind}"
    if named:
        note += " · names: " + "; ".join(f"{t.vi} = {t.en}" for t in named)
    return note


def parcel(root: Path, src: Source, eng: English | None, glossary: dict[str, Term], mem: Memory) -> Parcel:
    ids = [*(src.meta.get("partners") or []), *(src.meta.get("people") or [])]
    # No translator: whoever translates this round names themselves (PO: Last-Translator; --translator).
    p = Parcel(src.slug, src.sha256, eng.file_sha256 if eng else "none")
    state = status(src, eng)
    english = eng.texts(src) if eng else {}
    earlier = {u.id: u.text for u in earlier_source(root, src.slug, eng.record.get("source_sha256")) or []} if eng else {}
    for u in src.units:
        it = Item(u.id, u.text, note=context_note(src, u.kind, named_in(u.text, ids, glossary)))
        before = english.get(u.id)
        if before and (state == "current" or earlier.get(u.id) == u.text):
            it.target, it.state = before, DONE
        elif before:
            it.target, it.state, it.previous = before, REVIEW, (earlier.get(u.id, ""), before)
        elif u.text in mem:
            it.target, it.memory_of = mem[u.text]
            it.state = MEMORY
        else:
            it.state = NEW
        p.items.append(it)
    return p
