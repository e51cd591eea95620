"""Is what the archivist looks at older than what it is made from? Told by `check`, `export` and
the page under `mkdocs serve`, each naming the command that brings it up to date.

- The articles (docs/vi/articles/) against their inputs: the seeds and the files of data/ the
  last conversion read, by the hashes it recorded in its manifest (tnarchive/inputs.py) →
  `./tna convert`.
- The site (site/) against docs/, data/, overrides/ and mkdocs.yml, by the build stamp the
  plugin writes (tnarchive/site/publish.py) → `./tna build`.
"""
from __future__ import annotations

import json
from pathlib import Path

from .catalog.loader import inputs_digest
from .convert import MANIFEST, read_manifest, seed_files
from .errors import N_, ArchiveError, Problem, _
from .inputs import Change, Hashes, changes, input_files, stat_stamp

CONVERT = "./tna convert"
BUILD = "./tna build"
STAMP = ".tnarchive-build.json"  # written into site/ by every `mkdocs build`

_WHY = {
    "changed": N_("changed since the last conversion; the articles do not show it yet: run `{command}`"),
    "added": N_("new since the last conversion; the articles do not show it yet: run `{command}`"),
    "removed": N_("removed since the last conversion; the articles still show it: run `{command}`"),
}


def manifest_path(root: Path) -> Path:
    return root / "docs" / "vi" / "articles" / MANIFEST


def article_changes(root: Path, hashes: Hashes | None = None, seeds: bool = True) -> list[Change] | None:
    """The inputs (seeds, data files, corrections) that differ from what the last conversion read:
    empty when nothing was converted yet (no manifest), None when the conversion recorded no inputs
    (an older tnarchive). *seeds*: False leaves the seeds out (not even read). Raises SetupError for
    a manifest that cannot be read (it names the file)."""
    path = manifest_path(root)
    if not path.exists():
        return []
    recorded = _recorded(path)
    if recorded is None:
        return None
    folder = root / "seeds"
    read = seed_files(folder) if seeds and folder.is_dir() else []
    current = (hashes or Hashes()).of(input_files(read, root / "data"))
    if not seeds:
        recorded = {k: v for k, v in recorded.items() if not k.startswith("seeds/")}
    return changes(recorded, current)


_READ: dict[Path, tuple[tuple[int, int, int], dict | None]] = {}  # manifest → (its stat, its inputs)


def _recorded(path: Path) -> dict | None:
    """The manifest's inputs, read again only when the file changed: checking it against its schema
    takes about a second at 5,000 articles, and `mkdocs serve` asks after every edit."""
    stamp = stat_stamp(path.stat())
    known = _READ.get(path)
    if known is None or known[0] != stamp:
        known = _READ[path] = (stamp, read_manifest(path).get("inputs"))
    return known[1]


def change_problem(change: Change) -> Problem:
    """One line for one changed input, naming it and `./tna convert`."""
    return Problem(change.path, None, _(_WHY[change.how]).format(command=CONVERT), "warning")


def unrecorded_problem(root: Path) -> Problem:
    return Problem(str(manifest_path(root).relative_to(root)), None,
                   _("the last conversion recorded no hashes of its inputs (an older tnarchive), so changes since "
                     "cannot be told: run `{command}`").format(command=CONVERT), "warning")


def site_stale(root: Path, site: Path) -> bool | None:
    """Whether *site* was built from other docs/, data/, overrides/ or mkdocs.yml than there are now;
    None when there is no built site (or no stamp to tell)."""
    try:
        stamp = json.loads((site / STAMP).read_bytes().decode("utf-8"))
        built_from = stamp.get("inputs_sha256")
    except (OSError, ValueError, AttributeError):
        return None
    return built_from != inputs_digest(root)


def site_problem(site: Path) -> Problem:
    return Problem(str(site), None, _("built before the latest changes to docs/, data/, overrides/ or mkdocs.yml: "
                                      "run `{command}`").format(command=BUILD), "warning")


def problems(root: Path, site: Path, seeds: bool = True) -> list[Problem]:
    """Everything out of date, one line each, the conversion's first (a build after it shows its
    articles). *site*: the built site, as the user named it. *seeds*: False leaves out the seeds
    (`check` tells of each per article). An unreadable manifest is left to whoever reads it."""
    try:
        found = article_changes(root, seeds=seeds)
    except ArchiveError:
        found = []
    out = [unrecorded_problem(root)] if found is None else [change_problem(c) for c in found]
    if site_stale(root, root / site):
        out.append(site_problem(site))
    return out
