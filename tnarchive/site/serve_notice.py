"""`mkdocs serve`: every page says so when the articles are older than their inputs.

After a seed, a correction or a data file changes, the preview still shows the articles as the
last conversion wrote them (a data file's records change the partner and person pages at once,
but not which articles name them). While serving, each page loads a small script
(static/serve/notice.js) that asks for status.json, rewritten at every rebuild, and shows the
notice above the page's text in the page's language. A script, not text written into each page,
because `mkdocs serve --dirty` does not rebuild pages whose Markdown did not change. A normal
build writes neither the script nor its tag.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from ..inputs import Change
from .l10n import t

FOLDER = "assets/tna-serve"  # in the served site
SCRIPT = Path(__file__).parent / "static" / "serve" / "notice.js"
NAMED = 3  # files named in the notice; the others are counted


def texts(changes: list[Change] | None) -> dict[str, str]:
    """The notice in each language, or nothing when the articles are current (or nothing can be told)."""
    if not changes:
        return {}
    paths = [c.path for c in changes]
    files = ", ".join(paths[:NAMED]) + (f" (+{len(paths) - NAMED})" if len(paths) > NAMED else "")
    return {lang: t(lang, "serve_stale", files=files) for lang in ("vi", "en")}


def write(site: Path, changes: list[Change] | None) -> None:
    """The script and the status it reads, into the served site."""
    folder = site / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SCRIPT, folder / "notice.js")
    (folder / "status.json").write_text(json.dumps(texts(changes), ensure_ascii=False), encoding="utf-8")


def add_script(output: str, page_url: str) -> str:
    """The page's HTML with the script's tag before </body> (its path relative to the page)."""
    tag = f'<script src="{"../" * page_url.count("/")}{FOLDER}/notice.js"></script>'
    at = output.rfind("</body>")
    return output + tag if at < 0 else output[:at] + tag + output[at:]
