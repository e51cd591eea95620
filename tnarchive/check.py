"""`tnarchive check`: what a maintainer runs before publishing. Every finding is `path:line: message`.

Errors (exit 1): front matter that breaks the schema (tnarchive/schema/article.schema.json),
unknown people/partner ids, duplicate slugs or a slug that is not the file's name, an article
whose seed is missing or changed since it was converted, a seed with no article, a translation
of an article that does not exist, a translation whose source_sha256 is not a SHA-256. Warnings:
missing and stale translations (each with the command that fixes it), import's unit checks over
current translations (tnarchive/translations/audit.py), unreviewed names, articles without a
date, corrections for seeds that do not exist, partners with no place on the maps.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import frontmatter
import jsonschema
import yaml

from .convert import MANIFEST, SEED_SUFFIXES
from .datafiles import SetupError, load_context
from .site.places import unplaced
from .translations.audit import audit as audit_translations

SCHEMA = json.loads((Path(__file__).parent / "schema" / "article.schema.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    level: str  # "error" | "warning"
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level}: {self.message}"


def _line_of(text: str, key: str, value: str | None = None) -> int:
    """The line of `key:` in the front matter (or of a list item holding *value*), 1 if not found."""
    lines = text.split("\n")
    for i, line in enumerate(lines, 1):
        if value is not None and re.match(rf"^\s*-\s+{re.escape(value)}\s*$", line):
            return i
    for i, line in enumerate(lines, 1):
        if re.match(rf"^{re.escape(key)}\s*:", line):
            return i
    return 1


def check(root: Path, report: dict | None = None) -> list[Finding]:
    """*report*, if given, receives "translations": the coverage line (tnarchive/translations/coverage.py)."""
    docs, data, seeds = root / "docs", root / "data", root / "seeds"
    out: list[Finding] = []
    try:
        ctx = load_context(data)
    except SetupError as exc:
        return [Finding(str(data), 1, "error", str(exc))]
    records = (data / "partners.yml").read_text(encoding="utf-8").split("\n")
    for pid, why in unplaced(ctx.authority):  # partners the maps cannot show
        line = next((i for i, x in enumerate(records, 1) if x.strip() == f"- id: {pid}"), 1)
        out.append(Finding(str((data / "partners.yml").relative_to(root)), line, "warning",
                           f"partner '{pid}' has no place on the maps: {why}"))
    validator = jsonschema.Draft202012Validator(SCHEMA)
    slugs: dict[str, str] = {}
    seeds_seen: dict[str, str] = {}
    bodies: dict[str, str] = {}
    articles = docs / "vi" / "articles"
    for path in sorted(articles.glob("*.md")):
        rel = str(path.relative_to(root))
        text = path.read_text(encoding="utf-8")
        try:
            post = frontmatter.loads(text)
        except yaml.YAMLError as exc:
            out.append(Finding(rel, 1, "error", f"front matter is not valid YAML: {exc}"))
            continue
        meta = post.metadata
        for err in sorted(validator.iter_errors(meta), key=lambda e: list(e.absolute_path)):
            key = str(err.absolute_path[0]) if err.absolute_path else err.validator
            where = "/".join(str(p) for p in err.absolute_path) or "front matter"
            out.append(Finding(rel, _line_of(text, key), "error", f"{where}: {err.message}"))
        for kind, records in (("people", ctx.authority.people), ("partners", ctx.authority.partners)):
            for rid in meta.get(kind) or []:
                if rid not in records:
                    out.append(Finding(rel, _line_of(text, kind, rid), "error", f"{kind}: '{rid}' is not an id in data/{kind}.yml"))
        slug = meta.get("slug")
        if slug and slug in slugs:
            out.append(Finding(rel, _line_of(text, "slug"), "error", f"slug '{slug}' is also used by {slugs[slug]}"))
        elif slug:
            slugs[slug] = rel
        if slug and path.stem != slug:
            out.append(Finding(rel, _line_of(text, "slug"), "error", f"slug '{slug}' is not the file's name ({path.stem})"))
        prov = meta.get("provenance") or {}
        seed = prov.get("seed")
        if seed:
            seeds_seen[seed] = rel
            seed_path = seeds / seed
            if not seed_path.is_file():
                out.append(Finding(rel, _line_of(text, "seed"), "error", f"its seed seeds/{seed} is gone"))
            elif hashlib.sha256(seed_path.read_bytes()).hexdigest() != prov.get("sha256"):
                out.append(Finding(rel, _line_of(text, "sha256"), "error",
                                   f"seeds/{seed} changed since this article was converted: run `tnarchive convert`"))
        if not meta.get("date"):
            out.append(Finding(rel, _line_of(text, "date"), "warning", "no date: add one in data/corrections/ once known"))
        for kind in ("people", "partners"):
            for u in (meta.get("unreviewed") or {}).get(kind) or []:
                out.append(Finding(rel, _line_of(text, "unreviewed"), "warning",
                                   f"unreviewed {kind[:-1] if kind == 'partners' else 'person'}: {u.get('name')} ({u.get('id')})"))
        if slug:
            bodies[slug] = post.content
    for seed in sorted(p for p in seeds.iterdir() if p.is_file() and p.suffix.lower() in SEED_SUFFIXES) if seeds.is_dir() else []:
        if seed.name not in seeds_seen and not _is_recorded_duplicate(articles, seed.name):
            out.append(Finding(str(seed.relative_to(root)), 1, "error", "no article for this seed: run `tnarchive convert` and read its errors"))
    translations = docs / "en" / "articles"
    found, cov = audit_translations(root)
    out += [Finding(*f) for f in found]
    if report is not None:
        report["translations"] = cov.line()
    for tpath in sorted(translations.glob("*.md")) if translations.is_dir() else []:
        if tpath.stem not in bodies:
            out.append(Finding(str(tpath.relative_to(root)), 1, "error", "translates an article that does not exist"))
    for cpath in sorted((data / "corrections").glob("*.yml")) if (data / "corrections").is_dir() else []:
        if not any((seeds / (cpath.stem + s)).exists() for s in SEED_SUFFIXES):
            out.append(Finding(str(cpath.relative_to(root)), 1, "warning", "no seed with this name: the correction applies to nothing"))
    return out


def _is_recorded_duplicate(articles: Path, seed: str) -> bool:
    """A republished copy of another seed's article is recorded in that article, not converted again."""
    manifest = articles / MANIFEST
    if not manifest.exists():
        return False
    return seed in (json.loads(manifest.read_text(encoding="utf-8")).get("duplicates") or {})
