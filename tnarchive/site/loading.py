"""The catalog as the plugin loads it (catalog/loader.py), with the project's errors made MkDocs' own.

A data file, article or translation that breaks its schema (tnarchive/validate.py) raises
ArchiveError, one line per problem; MkDocs shows a PluginError as its one `Error:` line and
stops the build, never with a traceback. `tnarchive check` reports the same lines.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from ..catalog import loader
from ..catalog.model import Catalog
from ..errors import ArchiveError


def load_catalog(docs: Path, data: Path, articles_dir: str, found: loader.Sources, keep: bool) -> Catalog:
    try:
        return loader.load_catalog(docs, data, articles_dir, found, keep=keep)
    except ArchiveError as exc:
        raise PluginError("\n".join(exc.lines())) from None
