"""`tnarchive check`: what a maintainer runs before publishing. Every finding is `path:line: level: message`.

Errors (exit 1): front matter that breaks the schema (tnarchive/schema/article.schema.json),
unknown people/partner ids, duplicate slugs or a slug that is not the file's name, an article
whose seed is missing or changed since it was converted, a seed with no article, a translation
of an article that does not exist, a translation whose `of:` names no article, a translation whose
source_sha256 is not a SHA-256, any file (data/, corrections, the manifest, an article or a
translation) that breaks its schema (tnarchive/validate.py, the same checks convert and the site
make). Warnings: data files or corrections changed since the last conversion (→ `./tna convert`), a
site/ built before the latest changes (→ `./tna build`), missing and stale translations (each with the command that fixes it), import's unit
checks over current translations (tnarchive/translations/audit.py), unreviewed names, articles
without a date (unless their correction lists `checked: [date]`), corrections for seeds that do not
exist, partners with no place on the maps. A file that breaks its schema is reported by its
schema's lines only, not again by the translations audit.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from . import corrections, staleness, validate, yamlfile
from .convert import MANIFEST, SEED_SUFFIXES, read_manifest
from .datafiles import load_context
from .errors import ArchiveError, Problem, _, processing
from .site.places import unplaced
from .staleness import CONVERT
from .translations.audit import audit as audit_translations


def Finding(path: str, line: int | None, level: str, message: str) -> Problem:  # noqa: N802 (reads as a record)
    """One finding of check: the project's Problem, always with a line (1: the file as a whole)."""
    return Problem(path, line or 1, message, level)


def _findings(exc: ArchiveError, root: Path) -> list[Finding]:
    """An ArchiveError's problems as findings, their paths relative to the archive."""
    def rel(path: str) -> str:
        return str(Path(path).relative_to(root)) if Path(path).is_relative_to(root) else path

    return [Finding(rel(p.path), p.line or 1, p.level, p.message) for p in exc.problems]


def _page(path: Path, root: Path, schema: str, out: list[Finding]) -> tuple[dict, str, yamlfile.Doc, bool] | None:
    """A page's front matter, body, parsed front matter and whether it fits *schema*, its findings
    added to *out*; None when it cannot be read at all."""
    rel = str(path.relative_to(root))
    found: list = []
    with processing(rel):
        try:
            doc, body = validate.read_doc(path, schema, rel, found)
        except ArchiveError as exc:
            out.extend(_findings(exc, root))
            return None
    out.extend(_findings(ArchiveError(problems=found), root))
    return doc.data, body, doc, not found


def check(root: Path, report: dict | None = None) -> list[Finding]:
    """*report*, if given, receives "translations": the coverage line (tnarchive/translations/coverage.py)."""
    docs, data, seeds = root / "docs", root / "data", root / "seeds"
    out: list[Finding] = []
    try:
        ctx = load_context(data)
    except ArchiveError as exc:
        return _findings(exc, root)
    for pid, why in unplaced(ctx.authority):  # partners the maps cannot show
        out.append(Finding(str((data / "partners.yml").relative_to(root)), ctx.authority.partner_lines.get(pid, 1), "warning",
                           _("partner '{pid}' has no place on the maps: {why}").format(pid=pid, why=why)))
    articles = docs / "vi" / "articles"
    try:
        manifest = read_manifest(articles / MANIFEST)
    except ArchiveError as exc:
        out += _findings(exc, root)
        manifest = {}
    slugs: dict[str, str] = {}
    seeds_seen: dict[str, str] = {}
    bodies: dict[str, str] = {}
    broken: set[str] = set()
    for path in sorted(articles.glob("*.md")):
        rel = str(path.relative_to(root))
        page = _page(path, root, "article", out)
        if page is not None:  # ids are checked even when other fields are wrong
            meta, body, doc, valid = page
            for kind, records in (("people", ctx.authority.people), ("partners", ctx.authority.partners)):
                ids = meta.get(kind) if isinstance(meta.get(kind), list) else []
                for i, rid in enumerate(ids):
                    if isinstance(rid, str) and rid not in records:
                        out.append(Finding(rel, doc.line((kind, i)), "error", _("{kind}: '{rid}' is not an id in data/{kind}.yml").format(kind=kind, rid=rid)))
        if page is None or not valid:  # reported once: not again as a seed without article or a translation of nothing
            broken.add(path.stem)
            seeds_seen[(manifest.get("files", {}).get(path.name) or {}).get("seed", "")] = rel
            continue
        slug = meta["slug"]
        if slug in slugs:
            out.append(Finding(rel, doc.line(("slug",)), "error", _("slug '{slug}' is also used by {other}").format(slug=slug, other=slugs[slug])))
        else:
            slugs[slug] = rel
        if path.stem != slug:
            out.append(Finding(rel, doc.line(("slug",)), "error", _("slug '{slug}' is not the file's name ({name})").format(slug=slug, name=path.stem)))
        seed = meta["provenance"]["seed"]
        seeds_seen[seed] = rel
        seed_path = seeds / seed
        if not seed_path.is_file():
            out.append(Finding(rel, doc.line(("provenance", "seed")), "error", _("its seed seeds/{seed} is gone").format(seed=seed)))
        elif hashlib.sha256(seed_path.read_bytes()).hexdigest() != meta["provenance"]["sha256"]:
            out.append(Finding(rel, doc.line(("provenance", "sha256")), "error",
                               _("seeds/{seed} changed since this article was converted: run `{command}`").format(seed=seed, command=CONVERT)))
        stem = seed.rsplit(".", 1)[0]
        if not meta["date"] and not corrections.settled(ctx.corrections.get(stem), "date"):
            out.append(Finding(rel, doc.line(("date",)), "warning", _(
                "no date: write `date:` in data/corrections/{stem}.yml once it is known, or `checked: [date]` if it "
                "cannot be known").format(stem=stem)))
        for kind in ("people", "partners"):
            for i, u in enumerate(meta["unreviewed"][kind]):
                out.append(Finding(rel, doc.line(("unreviewed", kind, i)), "warning",
                                   (_("unreviewed partner: {name} ({id})") if kind == "partners" else _("unreviewed person: {name} ({id})"))
                                   .format(name=u.get("name"), id=u.get("id"))))
        bodies[slug] = body
    duplicates = manifest.get("duplicates") or {}
    for seed in sorted(p for p in seeds.iterdir() if p.is_file() and p.suffix.lower() in SEED_SUFFIXES) if seeds.is_dir() else []:
        if seed.name not in seeds_seen and seed.name not in duplicates:
            out.append(Finding(str(seed.relative_to(root)), 1, "error", _("no article for this seed: run `{command}` and read its errors").format(command=CONVERT)))
    translations = docs / "en" / "articles"
    unreadable: set[str] = set()  # translations that break their schema: the audit does not read them
    for tpath in sorted(translations.glob("*.md")) if translations.is_dir() else []:
        rel = str(tpath.relative_to(root))
        page = _page(tpath, root, "translation", out)
        if page is None or not page[3]:
            unreadable.add(tpath.stem)
            continue
        meta, _body, doc, _valid = page
        of = meta["translation"]["of"]
        of = (manifest.get("redirects") or {}).get(of, of)  # an article moved by a correction keeps its translation
        if of not in bodies and of not in broken:  # a broken article is reported once, as itself
            out.append(Finding(rel, doc.line(("translation", "of")), "error",
                               _("translates an article that does not exist: translation.of '{of}' names no article in "
                                 "docs/vi/articles/").format(of=of)))
    found, cov = audit_translations(root, skip_articles=broken, skip_translations=unreadable)
    out += [Finding(*f) for f in found]
    if report is not None:
        report["translations"] = cov.line()
    for cpath in sorted((data / "corrections").glob("*.yml")) if (data / "corrections").is_dir() else []:
        if not any((seeds / (cpath.stem + s)).exists() for s in SEED_SUFFIXES):
            out.append(Finding(str(cpath.relative_to(root)), 1, "warning", _("no seed with this name: the correction applies to nothing")))
    # Out of date: data files and corrections changed since the conversion (the seeds are told per
    # article above), the site built before the latest changes.
    out += [Finding(p.path, p.line, p.level, p.message) for p in staleness.problems(root, Path("site"), seeds=False)]
    return out
