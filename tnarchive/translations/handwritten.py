"""Translations written by hand: a skeleton to fill in (`translations new`) and the record that a
translation now translates today's Vietnamese (`translations stamp`), so no one computes a
checksum by hand. Stamping edits only the lines of the `translation:` record it sets, keeping the
file's other lines (comments, notes) as written."""
from __future__ import annotations

import re
from pathlib import Path

from ..convert import atomic_write
from ..errors import _
from ..render import front_matter
from .glossary import Term
from .importing import Problem, unit_problems
from .records import HEADER, Source, english_path, keep_source, read_english
from .units import body_of, summary_of

PLACEHOLDER = "TODO: "


def skeleton(root: Path, src: Source) -> tuple[Path, str | None]:
    path = english_path(root, src.slug)
    if path.exists():
        return path, f"already exists: edit it, then `./tna translations stamp {src.slug}`"
    texts = {u.id: PLACEHOLDER + u.text for u in src.units}
    meta = {"title": texts["title"], "summary": summary_of(src.units, texts), "lang": "en", "translation": {
        "of": src.slug, "seed": (src.meta.get("provenance") or {}).get("seed"), "source_sha256": None,
        "translator": None, "date": None}}
    atomic_write(path, f"---\n{HEADER}{front_matter(meta)}---\n\n{body_of(src.units, texts)}".encode("utf-8"))
    return path, None


def _set(text: str, key: str, value: str) -> str:
    """Set `  key: value` in the front matter's `translation:` mapping (added under it if absent)."""
    line = f"  {key}: {value}"
    head, sep, rest = text.partition("\n---\n")
    rx = re.compile(rf"^  {key}:.*$", re.M)
    if rx.search(head):
        head = rx.sub(lambda _: line, head, count=1)
    elif re.search(r"^translation:\s*$", head, re.M):
        head = re.sub(r"^translation:\s*$", lambda m: m.group() + "\n" + line, head, count=1, flags=re.M)
    else:
        head += f"\ntranslation:\n{line}"
    return head + sep + rest


def stamp(root: Path, src: Source, glossary: dict[str, Term], names: tuple[str, ...], translator: str,
          today: str) -> list[Problem]:
    eng = read_english(root, src.slug)
    if eng is None:
        return [Problem(None, "error", _("no translation: `./tna translations new {slug}` writes one to fill in")
                        .format(slug=src.slug))]
    texts = eng.texts(src)
    problems = [Problem(uid, "error", _("still a placeholder (TODO)")) for uid, t in texts.items() if t.startswith(PLACEHOLDER)]
    if eng.meta.get("title", "").startswith(PLACEHOLDER):
        problems.append(Problem("title", "error", _("the front matter's title is still a placeholder (TODO)")))
    problems += unit_problems(src, texts, glossary, names)
    if any(p.level == "error" for p in problems):
        return problems
    text = eng.path.read_text(encoding="utf-8")
    text = _set(text, "source_sha256", src.sha256)
    text = _set(text, "date", f"'{today}'")
    if translator:
        text = _set(text, "translator", _yaml_scalar(translator))
    text = _set(text, "of", src.slug)
    atomic_write(eng.path, text.encode("utf-8"))
    keep_source(root, src)
    return problems


def _yaml_scalar(value: str) -> str:
    return front_matter({"v": value}).split(":", 1)[1].strip()
