"""The plugin's settings in mkdocs.yml (`plugins: - tnarchive: …`), typed and validated by MkDocs."""
from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ArchiveConfig(Config):
    data_dir = c.Type(str, default="data")  # the authority records, source profiles, corrections
    articles_dir = c.Type(str, default="articles")  # under docs/<lang>/
    # mkdocs serve: "native" watches docs/ through the kernel's file events (inotify), "polling"
    # as MkDocs does (walking every file twice a second; for file systems without inotify).
    watcher = c.Choice(("native", "polling"), default="native")
