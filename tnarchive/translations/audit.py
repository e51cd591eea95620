"""The translation part of `tnarchive check`: for each article, the exact command that fixes a
missing or stale translation; an invalid `source_sha256` as an error; import's unit checks over
current translations written by hand; and the coverage figures.

Findings are (path, line, level, message), as check.Finding takes them.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..datafiles import load_context
from ..errors import _
from ..forked import fork_map
from .coverage import Coverage, coverage
from .exporting import status
from .glossary import terms
from .importing import unit_problems
from .records import read_english, read_sources

_SHA = re.compile(r"[0-9a-f]{64}")


def glossary_names(auth) -> tuple[str, ...]:
    """Every name in data/ as written: the Vietnamese words that may stay in English text."""
    out = []
    for t in terms(auth).values():
        out += [t.vi, t.en, *t.aliases]
    return tuple(dict.fromkeys(out))


def _line(text: str, key: str) -> int:
    for i, line in enumerate(text.split("\n"), 1):
        if line.lstrip().startswith(f"{key}:"):
            return i
    return 1


ARTICLES_PER_JOB = 200  # fewer articles per process than this: auditing them in one process is quicker


def audit(root: Path, skip_articles: set[str] = frozenset(), skip_translations: set[str] = frozenset()
          ) -> tuple[list[tuple[str, int, str, str]], Coverage]:
    """Every article's findings (in forked processes when there are many: the unit checks of a
    current translation take a few milliseconds), and the coverage.

    *skip_articles*, *skip_translations*: the names (without .md) of Vietnamese articles and English
    translations that break their schema; `check` reports those once, so they are not read here (a
    skipped translation counts as not current)."""
    auth = load_context(root / "data").authority
    glossary, names = terms(auth), glossary_names(auth)
    sources = read_sources(root, skip_articles)  # inherited by the forked workers: only indexes travel
    results = fork_map(lambda i: _audit_one(root, sources[i], glossary, names, skip_translations), range(len(sources)),
                       ARTICLES_PER_JOB, chunksize=32)
    out = [f for found, _ in results for f in found]
    return out, coverage(item for _, item in results)


def _audit_one(root: Path, src, glossary, names, skip: set[str]) -> tuple[list, tuple]:
    out = []
    year = int(str(src.meta["date"])[:4]) if src.meta.get("date") else None
    if src.slug in skip:
        return out, (src.slug, year, "stale")
    eng = read_english(root, src.slug)
    state = status(src, eng)
    rel_vi = f"docs/vi/articles/{src.slug}.md"
    rel_en = f"docs/en/articles/{src.slug}.md"
    recorded = eng.record.get("source_sha256") if eng else None
    if eng is None:
        out.append((rel_vi, 1, "warning", _(
            "no English translation yet: `./tna translations export --missing --slug {slug}` (or, to write it "
            "by hand, `./tna translations new {slug}`)").format(slug=src.slug)))
    elif recorded is None:
        out.append((rel_en, 1, "warning", _(
            "not stamped: once it translates the current Vietnamese, run `./tna translations stamp {slug}`")
            .format(slug=src.slug)))
    elif not isinstance(recorded, str) or not _SHA.fullmatch(recorded):
        text = eng.path.read_text(encoding="utf-8")
        out.append((rel_en, _line(text, "source_sha256"), "error", _(
            "translation.source_sha256 is not a SHA-256 (64 hex digits): `./tna translations stamp {slug}` "
            "records the right one").format(slug=src.slug)))
        state = "stale"
    elif state == "stale":
        text = eng.path.read_text(encoding="utf-8")
        out.append((rel_en, _line(text, "source_sha256"), "warning", _(
            "stale: the Vietnamese text changed since this translation: `./tna translations export --stale "
            "--slug {slug}`, or after updating it by hand `./tna translations stamp {slug}`").format(slug=src.slug)))
    else:
        for p in unit_problems(src, eng.texts(src), glossary, names):
            out.append((rel_en, 1, "warning", _("unit {id}: ").format(id=p.unit) + p.message))
    return out, (src.slug, year, state)
