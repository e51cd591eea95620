"""The files a translation round reads and writes: the Vietnamese articles, the curated English
translations (docs/en/articles/<slug>.md) and, beside each, the Vietnamese text it translates
(translations/sources/<slug>.md), kept so that a later export of a stale translation can show the
translator the earlier Vietnamese next to the earlier English.

The English file keeps the format people already write by hand: title, summary, `lang: en` and a
`translation:` record (`of`, `seed`, `source_sha256`, `translator`, `date`, `notes`); an import
adds `accepted_warnings` when --force accepted some. A snapshot is used only while its own
checksum is the translation's `source_sha256`, so a stale or hand-made one is never trusted.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..convert import atomic_write
from ..errors import ArchiveError, _, one_line
from ..forked import fork_map
from ..yamlfile import decode_utf8
from ..render import front_matter
from ..render import body_sha256
from .units import Unit, body_of, summary_of, units_of

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
HEADER = "# Curated English translation: edited by people, never by the converter.\n"
SOURCES = Path("translations") / "sources"
FILES_PER_JOB = 400  # fewer articles per process than this: reading them in one process is quicker


def split(text: str) -> tuple[dict, str]:
    """(front matter, body) of a Markdown file, as python-frontmatter splits it (body stripped),
    with libyaml: reading 5,000 articles is mostly this."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 3)
        if end != -1:
            return yaml.load(text[4:end], Loader=_Loader) or {}, text[end + 5:].strip("\n")
    return {}, text.strip("\n")


def read_page(path: Path, raw: bytes | None = None) -> tuple[dict, str]:
    """split() of the file at *path*: a file that is not UTF-8 or whose front matter is not a YAML
    mapping is an ArchiveError naming it (one line; `tnarchive check` gives its schema's lines)."""
    name = os.path.relpath(path) if path.is_relative_to(Path.cwd()) else str(path)  # as the archive names it
    try:
        meta, body = split(decode_utf8(path.read_bytes() if raw is None else raw, name))
    except yaml.YAMLError as exc:
        raise ArchiveError(_("front matter is not valid YAML: {why}").format(why=one_line(exc)), path=name) from None
    if not isinstance(meta, dict):
        raise ArchiveError(_("front matter is not a mapping of keys to values"), path=name, line=1)
    return meta, body


@dataclass
class Source:
    """A Vietnamese article as a translator needs it."""

    path: Path
    meta: dict
    body: str
    sha256: str  # catalog.body_sha256 of the body: what a translation records
    units: list[Unit]

    @property
    def slug(self) -> str:
        return self.meta["slug"]


@dataclass
class English:
    path: Path
    meta: dict
    body: str
    file_sha256: str  # of the whole file: was it edited since an export?
    record: dict = field(default_factory=dict)  # its `translation:` mapping

    def texts(self, src: Source) -> dict[str, str]:
        """Unit id → English, with the ids of *src*'s units (a summary unit only where *src* has one)."""
        out = {u.id: u.text for u in units_of(self.body, None)}
        if any(u.kind == "summary" for u in src.units) and self.meta.get("summary"):
            out["summary"] = self.meta["summary"]
        return out


def read_source(path: Path) -> Source:
    meta, body = read_page(path)
    return Source(path, meta, body, body_sha256(body), units_of(body, meta.get("summary")))


def read_sources(root: Path, skip: set[str] = frozenset()) -> list[Source]:
    """Every Vietnamese article but those named in *skip* (without .md), in slug order (parsed in
    forked processes when there are many)."""
    folder = root / "docs" / "vi" / "articles"
    paths = [folder / n for n in sorted(os.listdir(folder)) if n.endswith(".md") and n[:-3] not in skip] \
        if folder.is_dir() else []
    return fork_map(read_source, paths, FILES_PER_JOB, chunksize=64)


def english_path(root: Path, slug: str) -> Path:
    return root / "docs" / "en" / "articles" / f"{slug}.md"


def read_english(root: Path, slug: str) -> English | None:
    path = english_path(root, slug)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    meta, body = read_page(path, raw)
    return English(path, meta, body, hashlib.sha256(raw).hexdigest(), meta.get("translation") or {})


def file_sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def earlier_source(root: Path, slug: str, sha256: str | None) -> list[Unit] | None:
    """The units of the Vietnamese text a translation recorded as its source, if it was kept."""
    try:
        meta, body = read_page(root / SOURCES / f"{slug}.md")
    except FileNotFoundError:
        return None
    return units_of(body, meta.get("summary")) if body_sha256(body) == sha256 else None


def keep_source(root: Path, src: Source) -> None:
    """Keep the Vietnamese text just translated (its summary too) beside the translation."""
    meta = {"slug": src.slug, "summary": src.meta.get("summary")}
    atomic_write(root / SOURCES / f"{src.slug}.md",
                 f"---\n# The Vietnamese text docs/en/articles/{src.slug}.md translates (tnarchive translations).\n"
                 f"{front_matter(meta)}---\n\n{src.body}\n".encode("utf-8"))


def write_english(root: Path, src: Source, texts: dict[str, str], translator: str, accepted: list[str],
                  today: str | None = None) -> Path:
    """Write the curated English file for *src* from unit texts; keep earlier notes."""
    old = read_english(root, src.slug)
    record = {
        "of": src.slug, "seed": (src.meta.get("provenance") or {}).get("seed"), "source_sha256": src.sha256,
        "translator": translator, "date": today or dt.date.today().isoformat(),
    }
    if old and old.record.get("notes"):
        record["notes"] = old.record["notes"]
    if accepted:
        record["accepted_warnings"] = accepted
    meta = {"title": " ".join(texts["title"].split()), "summary": summary_of(src.units, texts), "lang": "en",
            "translation": record}
    path = english_path(root, src.slug)
    atomic_write(path, f"---\n{HEADER}{front_matter(meta)}---\n\n{body_of(src.units, texts)}".encode("utf-8"))
    keep_source(root, src)
    return path
