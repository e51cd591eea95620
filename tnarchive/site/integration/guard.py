"""Is the installed version of a dependency the one a trick was written against?"""
from __future__ import annotations

import functools
import logging
from importlib import metadata

log = logging.getLogger("mkdocs.plugins.tnarchive")

# The versions the tricks were written against (pinned in pyproject.toml).
MKDOCS = ("mkdocs", "1.6.1")
STATIC_I18N = ("mkdocs-static-i18n", "1.3.1")
MATERIAL = ("mkdocs-material", "9.7.0")


@functools.cache
def installed(dist: str) -> str | None:
    """The installed version of the distribution *dist*, or None."""
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def written_for(dependency: tuple[str, str], trick: str) -> bool:
    """True when *dependency* (name, version) is installed at exactly that version. Otherwise *trick*
    is skipped for the public path, and the log says so once."""
    dist, version = dependency
    found = installed(dist)
    if found == version:
        return True
    _skipped(trick, dist, found, version)
    return False


@functools.cache
def _skipped(trick: str, dist: str, found: str | None, version: str) -> None:
    log.info(f"tnarchive: {dist} {found} is not {version}, which {trick} was written for: "
             "the public path is used instead (slower, the same site)")
