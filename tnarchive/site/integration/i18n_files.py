"""mkdocs-static-i18n's file reconfiguration, remembered across `mkdocs serve` rebuilds.

On every build, mkdocs-static-i18n makes a new MkDocs File for every file in docs/ and every
language (`folder.create_i18n_file`, several times per file: once for the language being built,
again for each alternate), through pathlib. At 5,000 articles per language that is 3–7 s of
every rebuild under `mkdocs serve`, for files that did not change.

`create_i18n_file` is a pure function of the file's source and destination paths, its inclusion
level, the languages and three settings (docs_dir, site_dir, use_directory_urls). `install()`
wraps it (and `is_relative_to`, which it and `reconfigure_files` call) so each result is made
once per process: the first call keeps the File it made, untouched, and every call returns a
fresh shallow copy of it whose `alternates` list the copy itself, as the original does. The
plugin installs it under `mkdocs serve` only: in a single build every call is new, and keeping
what it made would only cost memory (a copy of every file, in both build processes).

Only for the version whose code this was checked against (pinned in pyproject.toml, checked by
guard.written_for); any other version, or one without these functions, is left alone: each
rebuild then makes its files anew, as mkdocs-static-i18n does (slower, the same site).
"""
from __future__ import annotations

import copy
import functools

from . import guard

_made: dict[tuple, object] = {}  # key → the File create_i18n_file made, never handed out
_installed = False


def _key(file, current_language, default_language, all_languages, config) -> tuple:
    return (file.src_uri, file.dest_uri, file.inclusion, current_language, default_language, tuple(all_languages),
            config.docs_dir, config.site_dir, config.use_directory_urls)


def remembered(create):
    """*create* (folder.create_i18n_file), each result made once and copied after."""

    @functools.wraps(create)
    def create_i18n_file(file, current_language, default_language, all_languages, config):
        key = _key(file, current_language, default_language, all_languages, config)
        made = _made.get(key)
        if made is None:
            made = _made[key] = create(file, current_language, default_language, all_languages, config)
        new = copy.copy(made)
        new.alternates = {current_language: new}
        return new

    return create_i18n_file


def _cached_relative(original):
    cached = functools.lru_cache(maxsize=1 << 16)(original)

    @functools.wraps(original)
    def is_relative_to(src_path, dest_path):
        try:
            return cached(src_path, dest_path)
        except TypeError:  # an argument that cannot be hashed
            return original(src_path, dest_path)

    return is_relative_to


def install() -> bool:
    """Wrap mkdocs-static-i18n's folder reconfiguration (once per process). False if its version
    is not the one this was checked against, or it is not installed."""
    global _installed
    if _installed:
        return True
    try:
        import mkdocs_static_i18n
        from mkdocs_static_i18n import folder, reconfigure
    except ImportError:
        return False
    if not guard.written_for(guard.STATIC_I18N, "i18n_files (files remembered across rebuilds)"):
        return False
    if not all(callable(getattr(m, "is_relative_to", None)) for m in (mkdocs_static_i18n, folder, reconfigure)) \
            or not callable(getattr(folder, "create_i18n_file", None)):
        return False
    folder.create_i18n_file = remembered(folder.create_i18n_file)
    relative = _cached_relative(mkdocs_static_i18n.is_relative_to)
    folder.is_relative_to = relative
    reconfigure.is_relative_to = relative
    _installed = True
    return True
