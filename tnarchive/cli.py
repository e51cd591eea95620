"""The `tnarchive` command, and its one error path (_Main.invoke)."""
from __future__ import annotations

import os
import signal
import sys
import threading


def _interrupted_outside_a_command(signum, frame):
    """Ctrl-C while the command starts (imports) or after it is done: one line, not a traceback
    (in the chosen language once tnarchive/errors.py is loaded)."""
    line = "interrupted: nothing was left half-written"
    errors = sys.modules.get("tnarchive.errors")
    try:
        line = errors._(errors.INTERRUPTED_EARLY) if errors else line
    except Exception:  # noqa: BLE001  (a handler at exit must not fail: the English line then)
        pass
    os.write(2, (line + "\n").encode("utf-8", "replace"))
    os._exit(130)


if threading.current_thread() is threading.main_thread():
    signal.signal(signal.SIGINT, _interrupted_outside_a_command)

import gettext as stdlib_gettext  # noqa: E402
import json  # noqa: E402  (after the handler: Ctrl-C while these load is one line too)
import traceback  # noqa: E402
from pathlib import Path  # noqa: E402

import click  # noqa: E402

from . import __version__  # noqa: E402
from .clihelp import Group, use_catalogue  # noqa: E402
from .convert import atomic_write, convert_all, read_seed, seed_files  # noqa: E402
from .datafiles import SetupError, load_context  # noqa: E402
from .errors import LANGUAGES, ArchiveError, N_, Problem, _, bug_line, doing, language, processing, set_language  # noqa: E402
from .inputs import Hashes, input_files  # noqa: E402
from .interrupts import catch_ctrl_c, raise_if_interrupted  # noqa: E402
from .pipeline import ConvertError, convert_page  # noqa: E402
from . import review_items  # noqa: E402
from .review import review_report, translation_status  # noqa: E402

_ROOT = click.Path(file_okay=False, path_type=Path)
# How `inspect` names the converter's evidence (the front matter keeps the English keys; removal
# rules: review_items.REMOVAL_RULES).
EVIDENCE = {"structured data": N_("structured data"), "header line": N_("header line"), "inferred": N_("inferred")}
EXIT_BUG = 3
EXIT_INTERRUPTED = 130


class _Main(Group):
    """Every command's errors end here: the project's own (ArchiveError) as one line per problem,
    Ctrl-C as one line, anything else as one line naming a bug and the file being processed
    (the traceback only with --debug)."""

    def main(self, args=None, **kwargs):
        """click's own messages (a mistyped command or option) in the run's language too."""
        argv = list(sys.argv[1:] if args is None else args)
        chosen = next((argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--lang"), None) or next(
            (a.split("=", 1)[1] for a in argv if a.startswith("--lang=")), None)
        saved = os.environ.get("LANGUAGE"), stdlib_gettext.textdomain()
        use_catalogue(chosen if chosen in LANGUAGES else language())
        try:
            return super().main(args, **kwargs)
        finally:  # as it was (this process may go on: a test, a script calling main)
            if saved[0] is None:
                os.environ.pop("LANGUAGE", None)
            else:
                os.environ["LANGUAGE"] = saved[0]
            stdlib_gettext.textdomain(saved[1])

    def invoke(self, ctx):
        catch_ctrl_c()  # the command stops cleanly (finally, with)
        try:
            result = super().invoke(ctx)
            raise_if_interrupted()  # a Ctrl-C Python swallowed in a finalizer, now the work is done
            return result
        except ArchiveError as exc:
            for line in exc.lines():
                click.echo(line, err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo(_("interrupted: stopped; every file is whole (old or new), nothing half-written"), err=True)
            sys.exit(EXIT_INTERRUPTED)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except OSError as exc:  # the machine's refusal (permission, disk full), not a bug: one line, its file
            where = exc.filename2 or exc.filename or doing() or "tnarchive"  # a rename's target, else its file
            click.echo(str(Problem(str(where), None, exc.strerror or str(exc))), err=True)
            sys.exit(2)
        except Exception as exc:
            if ctx.params.get("debug"):
                traceback.print_exc()
            click.echo(bug_line(exc, doing()), err=True)
            sys.exit(EXIT_BUG)
        finally:
            if threading.current_thread() is threading.main_thread():
                signal.signal(signal.SIGINT, _interrupted_outside_a_command)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]},
             help=N_("Thái Nguyên International Cooperation Archive: convert raw pages and build the "
                     "archive.\n\nEvery problem is printed as one line, PATH:LINE: error: MESSAGE. Exit status: "
                     "0 done; 1 some pages, findings or files had problems (the rest was done); 2 nothing was "
                     "done: a data file, an argument or a folder is wrong, or the run would remove articles "
                     "(see --prune); 3 a bug in tnarchive (one line; --debug shows the traceback); 130 "
                     "interrupted (Ctrl-C)."))
@click.version_option(__version__, prog_name="tnarchive")
@click.option("--debug", is_flag=True, help=N_("On a bug, print the Python traceback too."))
@click.option("--lang", type=click.Choice(LANGUAGES), default=None, is_eager=True, expose_value=False,
              callback=lambda ctx, param, value: set_language(value),
              help=N_("Language of the messages (default: the locale's, LANG; Vietnamese when it starts with vi)."))
def main(debug: bool) -> None:
    """The group: --lang is applied by its callback, --debug read by _Main.invoke."""


@main.command(help=N_("Convert every raw page in SEEDS into Markdown with front matter under OUT.\n\nOutput is "
                      "deterministic: the same inputs give byte-identical files. Pages that fail are reported "
                      "as \"FILE: error: REASON\" and keep their previous article; the others still convert. "
                      "Exit status: 0 all converted, 1 some pages failed, 2 nothing done (a data file is "
                      "wrong, or articles would be removed without --prune), 130 interrupted."))
@click.option("--seeds", "seeds_dir", type=_ROOT, default=Path("seeds"), show_default=True,
              help=N_("Folder of raw pages (.txt, .html). Never modified."))
@click.option("--out", "out_dir", type=_ROOT, default=Path("docs/vi/articles"), show_default=True,
              help=N_("Folder for the generated Vietnamese articles."))
@click.option("--data", "data_dir", type=_ROOT, default=Path("data"), show_default=True,
              help=N_("Folder of authority files, source profiles and corrections."))
@click.option("--translations", "translations_dir", type=_ROOT, default=Path("docs/en/articles"), show_default=True,
              help=N_("Folder of curated English translations, checked for missing and stale ones (never written)."))
@click.option("--report", "report_dir", type=_ROOT, default=Path("reports"), show_default=True,
              help=N_("Folder for review.md / review.json: unreviewed names, inferred dates, warnings."))
@click.option("--force", is_flag=True,
              help=N_("Overwrite generated files edited by hand (a copy goes to REPORT/overwritten/)."))
@click.option("--progress/--no-progress", default=None,
              help=N_("Show a progress bar (default: when more than 5 pages and stderr is a terminal)."))
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help=N_("Processes that convert pages (default: one per CPU, at most one per 25 pages). "
                      "The output does not depend on it."))
@click.option("--prune", is_flag=True,
              help=N_("Allow removing articles whose seed is gone when that is more than a few of them, or all of "
                      "them (without it such a run refuses and lists what would go)."))
@click.option("-v", "--verbose", is_flag=True, help=N_("Also list every article written, removed or moved."))
def convert(seeds_dir: Path, out_dir: Path, data_dir: Path, translations_dir: Path, report_dir: Path, force: bool,
            progress: bool | None, jobs: int | None, prune: bool, verbose: bool) -> None:
    # Hashed before they are read: a file changed during the run is newer than the record, so stale.
    inputs = Hashes().of(input_files(seed_files(seeds_dir), data_dir)) if seeds_dir.is_dir() else None
    ctx = load_context(data_dir)
    if not seeds_dir.is_dir():
        raise SetupError(_("no such folder of raw pages"), path=seeds_dir)
    n = sum(1 for _entry in seeds_dir.iterdir())
    show = progress if progress is not None else (n > 5 and sys.stderr.isatty())
    outcome = convert_all(seeds_dir, out_dir, ctx, force=force, progress=show,
                          backup_dir=report_dir / "overwritten", jobs=jobs, prune=prune, inputs=inputs)
    translations = translation_status(outcome, translations_dir)
    md, data = review_report(outcome, translations, ctx.known_chrome())
    atomic_write(report_dir / "review.md", md.encode("utf-8"))
    atomic_write(report_dir / "review.json", (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    for path, reason in outcome.failed:
        click.echo(str(Problem(path, None, reason)), err=True)
    if verbose:
        _list_outcome(outcome, out_dir)
    unreviewed = sum(len(a.meta["unreviewed"]["people"]) + len(a.meta["unreviewed"]["partners"]) for a in outcome.articles.values())
    undated = sum(1 for a in outcome.articles.values() if not a.meta["date"])
    click.echo(_(
        "converted {n} page(s) into {out}: {written} written, {unchanged} unchanged, {removed} removed, "
        "{failed} failed; {unreviewed} unreviewed name(s), {undated} undated, {todo} translation(s) missing or stale "
        "(see {report})").format(
        n=len(outcome.articles), out=out_dir, written=len(outcome.written), unchanged=len(outcome.unchanged),
        removed=len(outcome.removed), failed=len(outcome.failed), unreviewed=unreviewed, undated=undated,
        todo=sum(1 for v in translations.values() if v != "current"), report=report_dir / "review.md"))
    if data["items_to_check"] or outcome.failed:
        click.echo(_("{items} item(s) need your eye, {failed} page(s) failed: the worklist is {report}").format(
            items=data["items_to_check"], failed=len(outcome.failed), report=report_dir / "review.md"))
    else:
        click.echo(_("nothing in {report} needs your eye").format(report=report_dir / "review.md"))
    sys.exit(1 if outcome.failed else 0)


def _list_outcome(outcome, out_dir: Path) -> None:
    """convert -v: one line per article written, removed or moved (the summary only counts them)."""
    for name in outcome.written:
        click.echo(_("written: {path}").format(path=out_dir / name))
    for name in outcome.removed:
        click.echo(_("removed: {path}").format(path=out_dir / name))
    for old, new in sorted(outcome.moved.items()):
        click.echo(_("moved: {old} → {new}").format(old=old, new=new))


def _project_data(data_dir: Path) -> Path:
    """A relative --data folder not found here is looked for in the folders above, up to the project's
    root, so that `tnarchive inspect FILE` works from any folder inside the project."""
    if data_dir.is_absolute() or (data_dir / "sources.yml").exists():
        return data_dir
    for parent in Path.cwd().parents:
        if (parent / data_dir / "sources.yml").exists():
            return parent / data_dir
    return data_dir


@main.command(help=N_("Show what the converter would extract from one raw FILE, writing nothing.\n\nWith --json: "
                      "one object with the keys title, date, date_precision, date_inferred, authors, source, "
                      "people, partners, headings, captions, body_markdown, warnings. Without it, the summary "
                      "also says how each field was found, which fields to check (found only by a weak rule) "
                      "and every line taken out with the rule that took it. Works from any folder inside the "
                      "project."))
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help=N_("Print one JSON object instead of a summary."))
@click.option("--data", "data_dir", type=_ROOT, default=Path("data"), show_default=True,
              help=N_("Folder of authority files and source profiles."))
def inspect(file: Path, as_json: bool, data_dir: Path) -> None:
    ctx = load_context(_project_data(data_dir))
    try:
        with processing(file):
            art = convert_page(read_seed(file, ctx), file.name, ctx)
    except (ConvertError, OSError) as exc:
        click.echo(str(Problem(str(file), None, str(exc))), err=True)
        sys.exit(1)
    m = art.meta
    out = {
        "title": m["title"],
        "date": m["date"],
        "date_precision": m["date_precision"],
        "date_inferred": bool(m["date_inferred"]),
        "authors": m["authors"],
        "source": {"name": m["source"]["name"], "url": m["source"]["url"]},
        "people": art.people,
        "partners": art.partners,
        "headings": [b.text for b in art.blocks if b.kind == "heading"],
        "captions": [b.text + (f" (Ảnh: {b.credit})" if b.credit else "") for b in art.blocks if b.kind == "caption"],
        "body_markdown": art.body,
        "warnings": art.warnings,
    }
    if as_json:
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    new = _(" [new]")
    click.echo(_("title:    {title}").format(title=out["title"]))
    click.echo((_("date:     {date} ({precision}, inferred)") if out["date_inferred"] else _("date:     {date} ({precision})"))
               .format(date=out["date"], precision=out["date_precision"]))
    click.echo(_("authors:  {names}").format(names="; ".join(
        a["name"] + (f" ({a['affiliation']})" if a["affiliation"] else "") for a in out["authors"])))
    click.echo(_("source:   {name} {url}").format(name=out["source"]["name"], url=out["source"]["url"] or ""))
    click.echo(_("people:   {names}").format(names=", ".join(p["name"] + ("" if p["known"] else new) for p in out["people"])))
    click.echo(_("partners: {names}").format(
        names=", ".join(p["name_vi"] + ("" if p["known"] else new) for p in out["partners"])))
    click.echo(_("headings: {headings}, captions: {captions}").format(headings=len(out["headings"]),
                                                                     captions=len(out["captions"])))
    for w in out["warnings"]:
        click.echo(_("warning:  {text}").format(text=w))
    click.echo(_("evidence: {how}").format(how=", ".join(
        _("{field} from {how}").format(field=k, how=_(EVIDENCE.get(v, v)))
        for k, v in m["provenance"].get("evidence", {}).items())))
    for c in art.to_check:
        click.echo(_("to check: {text}").format(text=c))
    for item in art.items:  # the doubts the review report adds: a title that is the site's name, a byline as the lead
        if item["key"] in ("title", "lead") and item["code"] != "title-position":
            click.echo(_("to check: {text}").format(text=review_items.sentences(item, m, file.name)[0]))
    for line, rule in art.removed:
        click.echo(_("removed:  [{rule}] {line}").format(rule=_(rule), line=line))


@main.command(help=N_("Check the archive in the current folder: front matter against the schema, known ids, "
                      "unique slugs, seeds and their checksums, translations. Prints each finding as "
                      "PATH:LINE: LEVEL: MESSAGE; exits 1 on errors (or, with --strict, on warnings)."))
@click.option("--strict", is_flag=True, help=N_("Treat warnings (missing or stale translations, unreviewed names, "
              "undated articles) as errors too."))
def check(strict: bool) -> None:
    from .check import check as run_check

    report: dict = {}
    findings = run_check(Path.cwd(), report)
    for f in findings:
        click.echo(str(f))
    click.echo(report.get("translations", ""), err=True)
    errors = sum(1 for f in findings if f.level == "error")
    warnings = len(findings) - errors
    click.echo(_("check: {errors} error(s), {warnings} warning(s)").format(errors=errors, warnings=warnings), err=True)
    sys.exit(1 if errors or (strict and warnings) else 0)


@main.command(help=N_("Write dist/NAME-offline-DATE.zip: the whole bilingual site working from file://, print "
                      "editions (HTML and PDF) and a BagIt manifest of SHA-256 checksums. Refuses a missing or "
                      "stale site/, and articles older than their seeds, data files or corrections: each line names "
                      "the command to run."))
@click.option("--site", "site_dir", type=_ROOT, default=Path("site"), show_default=True, help=N_("The built site to export."))
@click.option("--out", "out_dir", type=_ROOT, default=Path("dist"), show_default=True, help=N_("Folder for the zip."))
@click.option("--name", default="thai-nguyen-archive", show_default=True, help=N_("Name at the start of the zip's file name."))
@click.option("--date", "date_", default=None, help=N_("Date in the file name and bag-info (default: today, UTC; "
              "or SOURCE_DATE_EPOCH)."))
@click.option("--pdf/--no-pdf", default=True, show_default=True, help=N_("Make PDF print editions with headless Chromium."))
def export(site_dir: Path, out_dir: Path, name: str, date_: str | None, pdf: bool) -> None:
    import datetime as dt
    import os

    from .export import ExportError
    from .export import export as run_export

    if date_ is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        try:
            now = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise ExportError(_("SOURCE_DATE_EPOCH={e!r}: expected seconds since 1970").format(e=epoch)) from None
        date_ = now.strftime("%Y-%m-%d")
    run_export(Path.cwd(), site_dir, out_dir, name, date_, pdf=pdf, log=lambda m: click.echo(m, err=True))


@main.command(help=N_("Check an export (the zip, or the unpacked folder): every file present and unaltered. "
                      "Exit 1 when not; a zip over the caps (files, size, compression ratio) or naming paths "
                      "outside it is refused unread."))
@click.argument("path", type=click.Path(exists=True, path_type=Path))
def verify(path: Path) -> None:
    from .export import verify as run_verify

    problems = run_verify(path)
    for p in problems:
        click.echo(str(p), err=True)
    if problems:
        sys.exit(1)
    click.echo(_("{path}: valid: every file matches its SHA-256 in the manifest").format(path=path))


from .translations.commands import translations  # noqa: E402  (the group's own module)

main.add_command(translations)

if __name__ == "__main__":
    main()
