#!/usr/bin/env python3
"""Generate a synthetic but realistic corpus of raw article pages, for benchmarks.

    .venv/bin/python scripts/gen_corpus.py --count 5000 --out /tmp/corpus --seed 1 [--encodings]
    cd /tmp/corpus && tnarchive convert && mkdocs build

Every page is SYNTHETIC: Vietnamese text recombined from the body paragraphs of the real
seeds in seeds/ (extracted with the project's own pipeline, `tnarchive.pipeline.convert_page`),
with the partners and people it names redrawn from data/partners.yml and data/people.yml
with skewed, Zipf-like frequencies, wrapped in the chrome of the three sites the seeds come
from (Thời Đại, the Thái Nguyên provincial portal, Báo Xây dựng). The pages are for
measuring the converter and the site build at scale; they are not news and must never be
mixed into the real archive.

What lands in --out:
  seeds/NNNNN_<16 hex>.txt   the raw pages (the hex is the start of the page's SHA-256)
  data/, docs/ (without docs/vi/articles and docs/en/articles), mkdocs.yml, overrides/
                             copies from this project, so the folder builds on its own
  corpus.json                what the generator put into each page: file, site style, encoding,
                             date, title, byline authors, source URL, block counts (paragraphs
                             with the lead, headings, captions, list items), the partners and
                             people written into the title and body (a country listed after
                             "Đại sứ quán X," is read by the converter as that country's
                             embassy), and the partners named only in the site chrome, which
                             the converter must not report

With --translations DIR the pages are converted (`tnarchive convert` in --out) and
placeholder English translations are written into DIR for about 30% of the articles
(see write_translations). Same --seed and --count: byte-identical files.
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from random import Random

if str(Path(__file__).resolve().parent) not in sys.path:  # its parts, scripts/corpus/, also when loaded by path
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import ROOT  # noqa: E402 (the parts are found through the line above)
from corpus.article import compose_article  # noqa: E402
from corpus.chrome import wrap_in_chrome  # noqa: E402
from corpus.encodings import encode, encoding_for  # noqa: E402
from corpus.sources import Source, load_source  # noqa: E402
from corpus.translations import write_translations  # noqa: E402

GENERATED_NAME = re.compile(r"^\d{5,}_[0-9a-f]{16}\.txt$")
STYLES = ("thoidai", "portal", "baoxaydung")
STYLE_WEIGHTS = (0.45, 0.40, 0.15)


def build_page(src: Source, seed: int, index: int) -> tuple[str, dict]:
    """The text of page *index* and what went into it. Depends only on (seed, index): one random
    stream, drawn from in a fixed order (the article, then its chrome)."""
    rng = Random(f"gen_corpus:{seed}:{index}")
    style = rng.choices(STYLES, weights=STYLE_WEIGHTS)[0]
    article = compose_article(src, rng, style)
    text, chrome_ids, authors, source_url = wrap_in_chrome(src, rng, article)
    kinds = collections.Counter(kind for kind, _, _ in article.blocks)
    info = {
        "style": style,
        "date": f"{article.dt:%Y-%m-%dT%H:%M}:00+07:00",
        "title": article.title,
        "authors": authors[:1] if style != "baoxaydung" else authors,
        "source_url": source_url,
        "blocks": {"paragraphs": 1 + kinds["paragraph"], "headings": kinds["heading"], "captions": kinds["caption"],
                   "list_items": kinds["list"]},
        "partners": article.page.partners,
        "people": article.page.people,
        "chrome_partners": chrome_ids,
    }
    return text, info


def _ignore_articles(docs: Path):
    def ignore(folder: str, names: list[str]) -> list[str]:
        here = Path(folder)
        return ["articles"] if here.parent == docs and here.name in ("vi", "en") and "articles" in names else []
    return ignore


def copy_project(out: Path, root: Path = ROOT) -> None:
    """data/, docs/ (without the articles), mkdocs.yml and overrides/: what a build needs besides seeds."""
    shutil.copytree(root / "data", out / "data", dirs_exist_ok=True)
    shutil.copytree(root / "docs", out / "docs", dirs_exist_ok=True, ignore=_ignore_articles(root / "docs"))
    shutil.copytree(root / "overrides", out / "overrides", dirs_exist_ok=True)
    shutil.copy2(root / "mkdocs.yml", out / "mkdocs.yml")


_JOB: dict = {}  # what the worker processes need, set before they are forked


def _write_page(i: int) -> tuple[str, int, str, dict]:
    job = _JOB
    text, info = build_page(job["src"], job["seed"], i)
    data, enc = encode(text, encoding_for(job["seed"], i) if job["encodings"] else None)
    name = f"{i:0{job['width']}d}_{hashlib.sha256(data).hexdigest()[:16]}.txt"
    (job["seeds"] / name).write_bytes(data)
    return name, len(data), enc, info


def _pages(count: int, jobs: int):
    """(name, size, encoding, info) of every page, in order, written by *jobs* processes."""
    import multiprocessing as mp

    if jobs > 1 and count >= 200 and "fork" in mp.get_all_start_methods():
        with mp.get_context("fork").Pool(jobs) as pool:
            yield from pool.imap(_write_page, range(count), chunksize=50)
    else:
        yield from map(_write_page, range(count))


def generate(count: int, out: Path, seed: int = 1, encodings: bool = False, root: Path = ROOT,
             jobs: int = 1) -> dict:
    """Write *count* pages into out/seeds/, the project copies and out/corpus.json. Returns totals.

    Page i depends only on (seed, i), so the files are the same whatever *jobs* is.
    """
    out = out.resolve()
    if out == root.resolve() or root.resolve().is_relative_to(out):
        raise SystemExit(f"error: --out {out} would overwrite the project itself; choose another folder")
    seeds = out / "seeds"
    if seeds.is_dir():
        strangers = sorted(p.name for p in seeds.iterdir() if not GENERATED_NAME.match(p.name))
        if strangers:
            raise SystemExit(f"error: {seeds} holds files this script did not write ({', '.join(strangers[:3])}…); "
                             "choose an empty folder")
        for p in seeds.iterdir():
            p.unlink()
    seeds.mkdir(parents=True, exist_ok=True)
    copy_project(out, root)
    _JOB.update(src=load_source(root), seed=seed, encodings=encodings, seeds=seeds,
                width=max(5, len(str(count - 1))))
    total = encoded = 0
    pages = []
    for name, size, enc, info in _pages(count, jobs):
        encoded += enc != "utf-8"
        total += size
        pages.append({"file": name, "encoding": enc, **info})
    manifest = {
        "generator": "scripts/gen_corpus.py",
        "note": "SYNTHETIC pages for benchmarks, recombined from the project's seeds: not real articles.",
        "seed": seed,
        "count": count,
        "encodings": encodings,
        "pages": pages,
    }
    (out / "corpus.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                     encoding="utf-8")
    return {"pages": count, "bytes": total, "encoded": encoded}


def tnarchive_command() -> list[str]:
    """The installed `tnarchive` next to this Python, or the package's CLI through this Python."""
    exe = Path(sys.executable).parent / "tnarchive"
    if exe.exists():
        return [str(exe)]
    return [sys.executable, "-c", "import sys; from tnarchive.cli import main; sys.exit(main())"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="gen_corpus.py",
        description=(
            "Generate a SYNTHETIC corpus of raw article pages for benchmarks: Vietnamese text recombined "
            "from the body paragraphs of the real seeds (read with tnarchive's own pipeline), 8-25 paragraphs, "
            "0-3 subheadings, 0-3 captions with photo credits, sometimes a list, dates spread over 2006-2025 "
            "in the seeds' header formats, partners and people from data/ with Zipf-like frequencies, and the "
            "chrome of the three sites the seeds come from (related-article blocks naming other partners, "
            "visitor counters, source lines). Writes OUT/seeds/NNNNN_<16 hex>.txt, copies of data/, docs/ "
            "(without the articles), mkdocs.yml and overrides/, and OUT/corpus.json (what each page contains), "
            "so that `cd OUT && tnarchive convert && mkdocs build` builds an archive of that size."),
        epilog=(
            "Example: .venv/bin/python scripts/gen_corpus.py --count 5000 --out /tmp/corpus --seed 1 --encodings. "
            "The same --seed and --count give byte-identical files; page N is the same whatever --count is. "
            "Prints one summary line: pages, bytes, time. To add the translations after converting yourself, call "
            "write_translations(OUT, share=0.3, seed=SEED) from this file (python -c 'import sys; "
            "sys.path.insert(0, \"scripts\"); import gen_corpus; gen_corpus.write_translations(\"/tmp/corpus\")')."),
    )
    parser.add_argument("--count", type=int, required=True, metavar="N", help="number of pages to write (1 or more)")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR",
                        help="folder for the corpus (created; its seeds/ is replaced; never the project itself)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    parser.add_argument("--encodings", action="store_true",
                        help="save about 5%% of the pages as Windows-1258 with combining tone marks, UTF-16 with BOM, "
                             "UTF-8 with BOM or with CRLF line ends (one page in every 20), as the converter must decode")
    parser.add_argument("--jobs", type=int, default=min(os.cpu_count() or 1, 8), metavar="N",
                        help="processes that write pages (default: the number of CPUs, at most 8); "
                             "the output does not depend on it")
    parser.add_argument("--translations", type=Path, metavar="DIR",
                        help="also convert the pages (tnarchive convert in OUT) and write placeholder English "
                             "translations, clearly labelled as synthetic, for about 30%% of the articles into DIR "
                             "(usually OUT/docs/en/articles); reports/review.md in OUT predates them")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be 1 or more")
    translations = args.translations.resolve() if args.translations else None
    out = args.out.resolve()

    t0 = time.perf_counter()
    stats = generate(args.count, out, seed=args.seed, encodings=args.encodings, jobs=max(1, args.jobs))
    elapsed = time.perf_counter() - t0
    line = (f"gen_corpus: {stats['pages']} pages, {stats['bytes']} bytes ({stats['bytes'] / 1048576:.1f} MiB), "
            f"{stats['encoded']} re-encoded, in {out / 'seeds'} in {elapsed:.2f} s (seed {args.seed})")
    status = 0
    if translations:
        t1 = time.perf_counter()
        proc = subprocess.run([*tnarchive_command(), "convert", "--no-progress"], cwd=out,
                              capture_output=True, text=True)
        t2 = time.perf_counter()
        if proc.returncode != 0:
            sys.stderr.write(proc.stdout + proc.stderr)
            status = proc.returncode
            if proc.returncode == 2:
                print(line)
                return status
        written = write_translations(out, share=0.3, seed=args.seed, en_dir=translations)
        line += (f"; converted in {t2 - t1:.2f} s; {len(written)} placeholder translations in {translations} "
                 f"in {time.perf_counter() - t2:.2f} s")
    print(line)
    return status


if __name__ == "__main__":
    sys.exit(main())
