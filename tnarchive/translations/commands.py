"""`tnarchive translations …`: the translator's round (export, glossary, memory, import) and the
hand-writer's (new, stamp). Run in the archive's folder. Each problem is one line naming the file
(and unit); exit 1 when any file was refused, 2 on a setup error."""
from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import click

from ..clihelp import Group
from ..errors import N_, _

_DIR = click.Path(file_okay=False, path_type=Path)


@click.group(cls=Group, help=N_("Translate the archive in CAT tools (XLIFF, PO, TMX, TBX) and take the translations "
                                "back."))
def translations() -> None:
    """The group of translation commands (their help texts are translated when shown: clihelp.py)."""


def _setup():
    """(root, the articles with their English, the glossary, the names that may keep Vietnamese letters).
    A data file or page that cannot be read raises ArchiveError: the CLI's one error path (tnarchive/cli.py)
    prints one line per problem and exits 2."""
    from ..datafiles import load_context
    from .audit import glossary_names
    from .glossary import terms
    from .records import read_english, read_sources

    root = Path.cwd()
    auth = load_context(root / "data").authority
    articles = [(src, read_english(root, src.slug)) for src in read_sources(root)]
    return root, articles, terms(auth), glossary_names(auth)


@translations.command("export", help=N_("Write one XLIFF (or PO) file per article to translate: OUT/<slug>.xlf (.po). Without "
                              "--missing or --stale, every article (current translations as translated units)."))
@click.option("--missing", is_flag=True, help=N_("Articles with no English translation."))
@click.option("--stale", is_flag=True, help=N_("Translations of an earlier Vietnamese text: only the changed units need work."))
@click.option("--slug", "slugs", multiple=True, help=N_("Only this article (repeatable)."))
@click.option("--since", default=None, help=N_("Only articles dated on or after DATE (YYYY-MM-DD)."))
@click.option("--format", "fmt", type=click.Choice(["xliff", "po"]), default="xliff", show_default=True)
@click.option("--out", "out_dir", type=_DIR, default=Path("translations/out"), show_default=True)
def export_cmd(missing: bool, stale: bool, slugs: tuple[str, ...], since: str | None, fmt: str, out_dir: Path) -> None:
    from ..convert import atomic_write
    from ..forked import fork_map
    from . import memory
    from .exchange import MEMORY, to_po, to_xliff
    from .exporting import ARTICLES_PER_JOB, parcel, selected

    if since is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", since):
        raise click.BadParameter(_("'{since}' is not a date YYYY-MM-DD").format(since=since), param_hint="--since")
    root, articles, glossary, _names = _setup()
    known = {src.slug for src, _en in articles}
    unknown = [s for s in slugs if s not in known]
    for s in unknown:
        click.echo(_("{path}: error: no such article").format(path=f"docs/vi/articles/{s}.md"), err=True)
    mem = memory.build(articles)
    write, ext = (to_xliff, "xlf") if fmt == "xliff" else (to_po, "po")

    def one(article) -> int:
        p = parcel(root, *article, glossary, mem)
        atomic_write(out_dir / f"{p.slug}.{ext}", write(p))
        return sum(1 for it in p.items if it.state == MEMORY)

    chosen = selected(articles, missing, stale, slugs, since)  # inherited by the forked workers: only indexes travel
    filled = fork_map(lambda i: one(chosen[i]), range(len(chosen)), ARTICLES_PER_JOB, chunksize=16)
    n, filled = len(filled), sum(filled)
    click.echo(_("exported {n} article(s) to {out}/ as {format}; {filled} unit(s) filled from the memory").format(
        n=n, out=out_dir, format=fmt.upper(), filled=filled))
    sys.exit(1 if unknown else 0)


@translations.command("glossary", help=N_("Write OUT/glossary.tbx and OUT/glossary.csv: every partner's and person's names (data/)."))
@click.option("--out", "out_dir", type=_DIR, default=Path("translations"), show_default=True)
def glossary_cmd(out_dir: Path) -> None:
    from ..convert import atomic_write
    from .glossary import csv_text, tbx_bytes

    glossary = _setup()[2]
    atomic_write(out_dir / "glossary.tbx", tbx_bytes(glossary))
    atomic_write(out_dir / "glossary.csv", csv_text(glossary).encode("utf-8"))
    click.echo(_("wrote {out}/glossary.tbx and glossary.csv: {n} record(s)").format(out=out_dir, n=len(glossary)))


@translations.command("memory", help=N_("Write OUT/memory.tmx: every block of every current translation."))
@click.option("--out", "out_dir", type=_DIR, default=Path("translations"), show_default=True)
def memory_cmd(out_dir: Path) -> None:
    from ..convert import atomic_write
    from .memory import pairs, tmx_bytes

    articles = _setup()[1]
    atomic_write(out_dir / "memory.tmx", tmx_bytes(articles))
    click.echo(_("wrote {out}/memory.tmx: {n} block(s)").format(out=out_dir, n=sum(len(pairs(s, e)) for s, e in articles)))


@translations.command("import", help=N_("Write docs/en/articles/<slug>.md from translated XLIFF or PO FILES, refusing a file "
                              "with one line per problem (FILE: unit ID: LEVEL: MESSAGE)."))
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help=N_("Accept warnings (recorded in the translation's front matter); "
              "never errors."))
@click.option("--translator", default="", help=N_("Who translated (default: the file's Last-Translator or header note)."))
def import_cmd(files: tuple[Path, ...], force: bool, translator: str) -> None:
    from ..forked import fork_map
    from .importing import FILES_PER_JOB, import_file

    root, articles, glossary, names = _setup()
    sources = {src.slug: src for src, _en in articles}
    # Files in forked processes (each writes only its own article), reported in the order given.
    results = fork_map(lambda path: import_file(root, path, sources, glossary, names, force, translator),
                       list(files), FILES_PER_JOB, chunksize=16)
    written = refused = 0
    for path, (out, problems) in zip(files, results):
        for p in problems:
            click.echo(p.line(str(path)) + (_(" (accepted: --force)") if out else ""), err=True)
        if out:
            written += 1
        else:
            refused += 1
    click.echo(_("imported {written} file(s), refused {refused}").format(written=written, refused=refused))
    sys.exit(1 if refused else 0)


@translations.command("new", help=N_("Write docs/en/articles/SLUG.md to translate by hand: the front matter filled in and one "
                              "placeholder (\"TODO: \" and the Vietnamese) per block, in order. Then `translations stamp "
                              "SLUG`."))
@click.argument("slug")
def new_cmd(slug: str) -> None:
    from .handwritten import skeleton

    root, articles = _setup()[:2]
    src = next((s for s, _en in articles if s.slug == slug), None)
    if src is None:
        click.echo(_("{path}: error: no such article").format(path=f"docs/vi/articles/{slug}.md"), err=True)
        sys.exit(1)
    path, err = skeleton(root, src)
    if err:
        click.echo(_("{path}: error: {why}").format(path=path.relative_to(root), why=err), err=True)
        sys.exit(1)
    click.echo(_("wrote {path}: replace each TODO with its English, then `./tna translations stamp {slug}`").format(
        path=path.relative_to(root), slug=slug))


@translations.command("stamp", help=N_("Record that docs/en/articles/SLUG.md now translates the current Vietnamese (its "
                              "source_sha256), after checking its units; placeholders left or units missing refuse."))
@click.argument("slug")
@click.option("--translator", default="", help=N_("Record who updated it."))
def stamp_cmd(slug: str, translator: str) -> None:
    from .handwritten import stamp

    root, articles, glossary, names = _setup()
    src = next((s for s, _en in articles if s.slug == slug), None)
    if src is None:
        click.echo(_("{path}: error: no such article").format(path=f"docs/vi/articles/{slug}.md"), err=True)
        sys.exit(1)
    problems = stamp(root, src, glossary, names, translator, dt.date.today().isoformat())
    where = f"docs/en/articles/{slug}.md"
    for p in problems:
        click.echo(p.line(where), err=True)
    if any(p.level == "error" for p in problems):
        sys.exit(1)
    click.echo(_("stamped {path}: translates the Vietnamese text {sha}").format(path=where, sha=src.sha256[:12]))
