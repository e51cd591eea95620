"""The file edge of the converter: read seeds/ and data/, write docs/vi/articles/.

Every data/ file and correction is checked against its schema before anything is written
(tnarchive/validate.py). What the converter owns is listed in a manifest
(docs/vi/articles/.manifest.json: file → SHA-256 of what it wrote; old slug → new for moved
articles). It overwrites only files it wrote and nobody has changed since, deletes only its own
unchanged files whose seed is gone (more than PRUNE_LIMIT of them, or all, only with --prune),
never follows a seed's link out of seeds/, and writes every file through a temporary file and an
atomic rename with Ctrl-C held back, so an interrupted run never leaves half a file. A page that
fails (or takes over PAGE_TIME_LIMIT) keeps its previous article.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__, validate, yamlfile
from . import corrections as corrections_mod
from .authority import load_authority
from .errors import ArchiveError, Problem, _, bug_line, one_line
from .forked import fork_imap
from .interrupts import interrupts_deferred, time_limit
from .pipeline import Article, Context, ConvertError, convert_page
from .profiles import load_profiles
from .render import document

SEED_SUFFIXES = (".txt", ".html", ".htm")
MANIFEST = ".manifest.json"
PRUNE_LIMIT = 3  # a run may remove this many articles whose seed is gone; more (or all) needs --prune
PAGE_TIME_LIMIT = 60.0  # seconds one page may take in a worker


class SetupError(ArchiveError):
    """The run cannot start (data files, folders, manifest); each problem names its file."""


@dataclass
class Outcome:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    moved: dict[str, str] = field(default_factory=dict)  # this run's moves: old address (slug) → new
    redirects: dict[str, str] = field(default_factory=dict)  # every move so far (the manifest's record)
    articles: dict[str, Article] = field(default_factory=dict)  # seed name → article
    duplicates: dict[str, str] = field(default_factory=dict)  # republished copy's seed → the seed kept


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def atomic_write(path: Path, data: bytes) -> None:
    """Write through a temporary file and a rename, with Ctrl-C held back meanwhile: the file is
    old or new, never half, and no temporary file is left."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with interrupts_deferred():
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def load_context(data_dir: Path) -> Context:
    """Every data/ file read and checked against its schema (tnarchive/validate.py) before any page is
    converted or anything written: corrections included, with the ids they name. Raises ArchiveError
    listing every problem found, one line each."""
    if not data_dir.is_dir():
        raise SetupError(_("no such folder of data files (run tnarchive in the archive's folder, or give --data)"),
                         path=data_dir)
    found: list[Problem] = []

    def read(name: str, schema: str):
        try:
            return validate.data_file(data_dir / name, schema)
        except ArchiveError as exc:
            found.extend(exc.problems)
            return None

    sources, partners, people, cues = (read(f"{n}.yml", n) for n in ("sources", "partners", "people", "cues"))
    corrections = {path.stem: read(f"corrections/{path.name}", "correction")
                   for path in sorted((data_dir / "corrections").glob("*.yml"))}
    if found:
        raise SetupError(problems=found)
    profiles = load_profiles(sources.data)
    names = (str(data_dir / "partners.yml"), str(data_dir / "people.yml"))
    authority = load_authority(partners.data, people.data, *names, lines=dict(zip(names, (partners, people))))
    for stem, doc in corrections.items():
        found += corrections_mod.unknown_ids(doc, authority, str(data_dir / "corrections" / f"{stem}.yml"))
    if found:
        raise SetupError(problems=found)
    return Context(profiles=profiles, authority=authority, cues=cues.data or {},
                   corrections={k: doc.data for k, doc in corrections.items() if doc.data})


def seed_files(seeds_dir: Path) -> list[Path]:
    """The raw pages that may be read (scan_seeds)."""
    return scan_seeds(seeds_dir)[0]


def scan_seeds(seeds_dir: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """The raw pages in *seeds_dir*, and (path, reason) for each entry that must not be read: a
    symbolic link leading outside the folder (it could publish any file on the machine) or to
    nothing. Such a seed fails, and so keeps its previous article."""
    root = seeds_dir.resolve()
    pages, refused = [], []
    for p in sorted(seeds_dir.iterdir()):
        if p.suffix.lower() not in SEED_SUFFIXES:
            continue
        if p.is_symlink():
            target = p.resolve()
            if not target.is_relative_to(root):
                refused.append((str(p), _("is a link to {t}, outside {d}; links are not followed out of the seeds folder")
                                .format(t=target, d=seeds_dir)))
                continue
            if not target.exists():
                refused.append((str(p), _("is a link to {t}, which does not exist (its article is kept)").format(t=target)))
                continue
        if p.is_file():
            pages.append(p)
    return pages, refused


def read_seed(path: Path, ctx: Context) -> bytes:
    size = path.stat().st_size
    if size > ctx.max_bytes:
        raise ConvertError(
            f"file is {size / 1048576:.1f} MB, over the {ctx.max_bytes / 1048576:.0f} MB limit for one article page"
        )
    return path.read_bytes()


def header_comment(seed: str) -> str:
    stem = seed.rsplit(".", 1)[0]
    return (
        f"Written by `tnarchive convert` from seeds/{seed}. Do not edit this file:\n"
        f"corrections go in data/corrections/{stem}.yml, translations in docs/en/articles/."
    )


PAGES_PER_JOB = 25  # below this many pages per process, starting processes costs more than it saves


def _convert_seed(path: Path, ctx: Context, time_limit_s: float | None
                  ) -> tuple[Article | None, str | None, tuple | None, str | None]:
    """One seed → (article, None, its duplicate_keys, its file's text) or (None, the reason it failed,
    None, None). The text is written as it is unless the batch changes the article's front matter
    (a slug made unique, a republished copy recorded). Never raises (but for Ctrl-C): a bug or a
    page over its time limit must not stop the batch or lose the other pages."""
    try:
        with time_limit(time_limit_s):
            article = convert_page(read_seed(path, ctx), path.name, ctx)
            corrected = path.name.rsplit(".", 1)[0] in ctx.corrections
            problems = validate.problems(article.meta, "article", str(path)) if corrected else []
            if problems:  # a correction made front matter the site could not build
                return None, "; ".join(p.message for p in problems), None, None
            return article, None, duplicate_keys(article), document(article.meta, article.body, header_comment(path.name))
    except ArchiveError as exc:
        return None, "; ".join(p.message for p in exc.problems), None, None
    except (ConvertError, OSError) as exc:
        return None, one_line(exc), None, None
    except Exception as exc:
        return None, bug_line(exc, None).split(": ", 1)[1], None, None


def _convert_seeds(seeds: list[Path], ctx: Context, jobs: int | None, progress: bool, time_limit_s: float | None):
    """(path, article, error, duplicate keys, text) for every seed, in the seeds' order whatever the number of processes.

    Pages are independent, so they convert in `jobs` forked processes (each inherits the loaded
    Context); the results come back in order, so the output does not depend on `jobs`."""
    work = functools.partial(_convert_seed, ctx=ctx, time_limit_s=time_limit_s)
    with contextlib.closing(fork_imap(work, seeds, PAGES_PER_JOB, jobs, chunksize=8)) as results:
        rows = zip(seeds, results)  # closing: Ctrl-C here stops the workers at once, not at garbage collection
        if progress:
            from tqdm import tqdm  # only for a bar: importing it was 0.07 s of every run's start-up

            rows = tqdm(rows, total=len(seeds), unit="page", desc="convert")
        for path, (article, error, keys, text) in rows:
            yield path, article, error, keys, text


def read_manifest(manifest_path: Path) -> dict:
    """The converter's record of what it wrote, checked against tnarchive/schema/manifest.schema.json."""
    if not manifest_path.exists():
        return {}
    name = str(manifest_path)
    restore = _("; restore it from version control")
    try:
        manifest = json.loads(yamlfile.decode_utf8(manifest_path.read_bytes(), name))
    except json.JSONDecodeError as exc:
        raise SetupError(_("not valid JSON ({why})").format(why=exc.msg) + restore, path=name, line=exc.lineno) from None
    except ArchiveError as exc:
        raise SetupError(problems=[Problem(p.path, p.line, p.message + restore) for p in exc.problems]) from None
    found = validate.problems(manifest, "manifest", name)
    if found:
        raise SetupError(problems=[Problem(p.path, p.line, p.message + restore) for p in found])
    return manifest


def convert_all(seeds_dir: Path, out_dir: Path, ctx: Context, force: bool = False,
                progress: bool = False, backup_dir: Path | None = None, jobs: int | None = None,
                prune: bool = False, time_limit_s: float | None = None) -> Outcome:
    """Convert every seed and write what changed. Refuses (SetupError, nothing written) a run that
    would remove more than PRUNE_LIMIT articles, or all of them, unless *prune*. A page that takes
    over *time_limit_s* (default PAGE_TIME_LIMIT) fails alone."""
    outcome = Outcome()
    time_limit_s = time_limit_s or PAGE_TIME_LIMIT
    manifest_path = out_dir / MANIFEST
    manifest = read_manifest(manifest_path)
    files: dict = dict(manifest.get("files", {}))  # file name → {"seed", "sha256"}
    redirects: dict = dict(manifest.get("redirects", {}))  # old slug → new slug, kept for good
    seeds, refused = scan_seeds(seeds_dir)
    outcome.failed.extend(refused)
    slugs: dict[str, str] = {}
    plans: list[tuple[str, str, bytes]] = []
    converted: dict[str, Article] = {}
    dup_keys: dict[str, tuple] = {}
    texts: dict[str, str] = {}  # seed name → its file's text, rendered where it was converted
    for path, article, error, keys, text in _convert_seeds(seeds, ctx, jobs, progress, time_limit_s):
        if article is None:
            outcome.failed.append((str(path), error))
        else:
            converted[path.name] = article
            dup_keys[path.name] = keys
            texts[path.name] = text
    outcome.duplicates = find_duplicates(converted, dup_keys)
    for dup, kept in sorted(outcome.duplicates.items()):
        other = converted.pop(dup)
        converted[kept].meta.setdefault("also_published", []).append({
            "seed": dup, "sha256": other.meta["provenance"]["sha256"], "source": other.meta["source"]})
        texts.pop(kept, None)  # its front matter changed: rendered again below
    for name, article in converted.items():
        path = seeds_dir / name
        slug = article.meta["slug"]
        if slug in slugs:  # two pages with the same date and title: keep both, apart
            slug = f"{slug}-{article.meta['provenance']['sha256'][:8]}"
            article.meta["slug"] = slug
            texts.pop(name, None)
        slugs[slug] = path.name
        outcome.articles[path.name] = article
        text = texts.get(name) or document(article.meta, article.body, header_comment(path.name))
        plans.append((path.name, f"{slug}.md", text.encode("utf-8")))

    produced = {name for _, name, _ in plans}
    failed_seeds = {Path(p).name for p, _ in outcome.failed}
    live_seeds = set(outcome.articles) | set(outcome.duplicates) | failed_seeds
    gone = sorted(name for name, entry in files.items() if name not in produced and entry["seed"] not in live_seeds)
    if gone and not prune and (len(gone) > PRUNE_LIMIT or len(gone) == len(files)):
        raise SetupError(problems=[Problem(str(out_dir / name), None, _("would be removed: its seed {seed} is gone")
                                           .format(seed=seeds_dir / files[name]["seed"])) for name in gone] + [
            Problem("", None, _("refusing to remove {n} of {total} articles (is --seeds {seeds} the right folder?); "
                                "nothing was written. Run again with --prune to remove them")
                    .format(n=len(gone), total=len(files), seeds=seeds_dir))])
    old_slug = {entry["seed"]: name[:-3] for name, entry in files.items() if name not in produced}
    for seed, art in outcome.articles.items():
        old = old_slug.get(seed)
        if old and old != art.meta["slug"]:  # a correction or a new title moved it: the old address redirects
            outcome.moved[old] = art.meta["slug"]
    redirects = {old: outcome.moved.get(new, new) for old, new in redirects.items()} | outcome.moved
    redirects = {old: new for old, new in redirects.items() if old not in {n[:-3] for n in produced}}
    outcome.redirects = redirects

    writes: list[tuple[Path, bytes]] = []
    for seed, name, data in plans:
        target = out_dir / name
        if target.resolve().parent != out_dir.resolve():  # slugs are [a-z0-9-]; never write elsewhere
            outcome.failed.append((str(seeds_dir / seed), f"refusing to write {target}: outside {out_dir}"))
            continue
        owned = files.get(name)
        if target.exists():
            current = target.read_bytes()
            if current == data:
                outcome.unchanged.append(name)
                files[name] = {"seed": seed, "sha256": sha256(data)}
                continue
            if owned is None or sha256(current) not in (owned["sha256"], owned.get("previous")):
                why = "was not written by the converter" if owned is None else "was edited by hand since the last conversion"
                if not force:
                    outcome.failed.append((str(target), f"{why}; not overwritten (put corrections in data/corrections/, or use --force to overwrite keeping a copy)"))
                    continue
                if backup_dir is not None:
                    atomic_write(backup_dir / name, current)
            files[name] = {"seed": seed, "sha256": sha256(data), "previous": sha256(current)}
        else:
            files[name] = {"seed": seed, "sha256": sha256(data)}
        writes.append((target, data))
        outcome.written.append(name)
    # The manifest first, knowing both versions of every file about to change: a run killed
    # while writing leaves each file whole (atomic renames) and still owned, old or new.
    _write_manifest(manifest_path, files, outcome, redirects)
    for target, data in writes:
        atomic_write(target, data)
    for entry in files.values():
        entry.pop("previous", None)

    # Files this converter wrote earlier that no page produces now (seed gone, or slug changed).
    for name, entry in sorted(files.items()):
        if name in produced or entry["seed"] in failed_seeds:
            continue  # a page that failed keeps its previous article
        target = out_dir / name
        if not target.exists():
            del files[name]
        elif sha256(target.read_bytes()) == entry["sha256"]:
            target.unlink()
            del files[name]
            outcome.removed.append(name)
        else:
            outcome.failed.append((str(target), "is no longer produced by any seed but was edited by hand; left in place"))
    _write_manifest(manifest_path, files, outcome, redirects)
    return outcome


def _write_manifest(path: Path, files: dict, outcome: Outcome, redirects: dict) -> None:
    manifest = {"converter": f"tnarchive {__version__}", "files": dict(sorted(files.items())),
                "duplicates": dict(sorted(outcome.duplicates.items()))}
    if redirects:  # old address → new: the site keeps a page at the old one (tnarchive/site/redirects.py)
        manifest["redirects"] = dict(sorted(redirects.items()))
    atomic_write(path, (json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode())


def duplicate_keys(article: Article) -> tuple[str, tuple[str, str], str]:
    """What find_duplicates compares of one article: its fingerprint (the text without anything
    a site adds around it: folded paragraphs, in order), its folded title and day,
    and the start of its folded text. Worked out where the page is converted (in parallel);
    each block is folded once (fold works character by character, so folding the parts is
    folding the whole)."""
    from .text import fold

    folded = [(b.kind, " ".join(fold(b.text).split())) for b in article.blocks]
    text = "\n".join(t for kind, t in folded if kind in ("paragraph", "list_item"))
    key = (" ".join(fold(article.meta["title"]).split()), (article.meta.get("date") or "")[:10])
    body = " ".join(t for _, t in folded if t)[:4000]
    return hashlib.sha256(text.encode("utf-8")).hexdigest(), key, body


def find_duplicates(articles: dict[str, Article],
                    keys: dict[str, tuple[str, tuple[str, str], str]] | None = None) -> dict[str, str]:
    """Republished copies: the same text (once the chrome is gone), or the same title on the same day
    with text at least 95% alike. The seed whose name sorts first is kept; the others map to it.
    Near-duplicates are only sought among pages sharing title and day, so the cost stays linear.
    *keys*: each article's duplicate_keys, if already worked out."""
    from rapidfuzz import fuzz

    kept: dict[str, str] = {}
    by_print: dict[str, str] = {}
    by_title: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for seed in sorted(articles):
        fp, key, body = keys[seed] if keys and seed in keys else duplicate_keys(articles[seed])
        original = by_print.get(fp)
        if original is None:
            for other, other_body in by_title.get(key, []):
                if fuzz.ratio(body, other_body, score_cutoff=95):
                    original = other
                    break
        if original is not None:
            kept[seed] = original
            continue
        by_print[fp] = seed
        by_title.setdefault(key, []).append((seed, body))
    return kept
