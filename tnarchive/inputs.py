"""What a conversion reads, as content hashes: the seeds and every file of data/ it loads.

`tnarchive convert` records these hashes in its manifest; `check`, `export` and `mkdocs serve`
hash the same files again and compare (tnarchive/staleness.py). Hashes, not modification times:
a git checkout, a copy or an unzip gives files new times without changing them, and an edit saved
within the same second as the conversion would keep an older time.

Keys are paths as the archive shows them, relative to its root: `seeds/<name>`, `data/<name>.yml`,
`data/corrections/<name>.yml`.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

DATA_FILES = ("sources.yml", "partners.yml", "people.yml", "cues.yml")  # what datafiles.load_context reads


@dataclass(frozen=True)
class Change:
    """One input that differs from what the last conversion read."""

    path: str  # e.g. "data/partners.yml"
    how: str  # "changed" | "added" | "removed"


def input_files(seeds: list[Path], data_dir: Path) -> dict[str, Path]:
    """Key → file for *seeds* (the seeds a conversion reads) and the data files in *data_dir*."""
    files = {f"seeds/{p.name}": p for p in seeds}
    files.update({f"data/{name}": data_dir / name for name in DATA_FILES if (data_dir / name).is_file()})
    corrections = data_dir / "corrections"
    if corrections.is_dir():
        files.update({f"data/corrections/{p.name}": p for p in sorted(corrections.glob("*.yml")) if p.is_file()})
    return files


def stat_stamp(st: os.stat_result) -> tuple[int, int, int]:
    """(size, modification time, inode): a file whose stamp is unchanged need not be read again."""
    return st.st_size, st.st_mtime_ns, st.st_ino


class Hashes:
    """SHA-256 of files, remembered by (size, modification time, inode): a file whose stat is the
    same as when it was last hashed is not read again (`mkdocs serve` asks after every edit).
    Modification times only ever spare a read here; the hash decides."""

    def __init__(self):
        self._known: dict[Path, tuple[tuple[int, int, int], str]] = {}

    def of(self, files: dict[str, Path]) -> dict[str, str]:
        out = {}
        for key, path in files.items():
            try:
                st = os.stat(path)
            except OSError:  # gone meanwhile: it is not an input any more
                continue
            stamp = stat_stamp(st)
            known = self._known.get(path)
            if known is None or known[0] != stamp:
                try:
                    known = (stamp, hashlib.sha256(path.read_bytes()).hexdigest())
                except OSError:
                    continue
                self._known[path] = known
            out[key] = known[1]
        return out


def changes(recorded: dict[str, str], current: dict[str, str]) -> list[Change]:
    """Every input whose hash differs, that is new, or that is gone, in path order."""
    out = []
    for key in sorted(recorded.keys() | current.keys()):
        if key not in current:
            out.append(Change(key, "removed"))
        elif key not in recorded:
            out.append(Change(key, "added"))
        elif recorded[key] != current[key]:
            out.append(Change(key, "changed"))
    return out
