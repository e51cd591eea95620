"""Reading data/: the source profiles, the authority records, the cues and the corrections.

What the converter, `check`, and the site's catalog all start from, so it lives below all of
them: nothing here imports a command. Every file is checked against its schema
(tnarchive/validate.py) before use, so each of them accepts or refuses a file with the same lines.
"""
from __future__ import annotations

from pathlib import Path

from . import corrections, validate
from .authority import load_authority
from .errors import ArchiveError, Problem, _
from .inputs import DATA_FILES
from .pipeline import Context
from .profiles import load_profiles


class SetupError(ArchiveError):
    """The run cannot start (data files, folders, manifest); each problem names its file."""


def load_context(data_dir: Path) -> Context:
    """Every data/ file read and checked against its schema before any page is converted or anything
    written: corrections included, with the ids they name. Raises SetupError listing every problem
    found, one line each."""
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

    sources, partners, people, cues = (read(name, name.removesuffix(".yml")) for name in DATA_FILES)
    fixes = {path.stem: read(f"corrections/{path.name}", "correction")
             for path in sorted((data_dir / "corrections").glob("*.yml"))}
    if found:
        raise SetupError(problems=found)
    profiles = load_profiles(sources.data)
    names = (str(data_dir / "partners.yml"), str(data_dir / "people.yml"))
    authority = load_authority(partners.data, people.data, *names, lines=dict(zip(names, (partners, people))))
    for stem, doc in fixes.items():
        found += corrections.unknown_ids(doc, authority, str(data_dir / "corrections" / f"{stem}.yml"))
    if found:
        raise SetupError(problems=found)
    return Context(profiles=profiles, authority=authority, cues=cues.data or {},
                   corrections={k: doc.data for k, doc in fixes.items() if doc.data})
