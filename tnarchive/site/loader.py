"""Read the archive's sources into a Catalog: the one place outside MkDocs that does (export uses it too)."""
from __future__ import annotations

import hashlib
from pathlib import Path

import frontmatter

from ..convert import load_context
from .catalog import Catalog, build_catalog
from .events import all_events

INPUTS = ("docs", "data", "overrides", "mkdocs.yml")


def source_files(docs: Path, data: Path, articles_dir: str = "articles") -> list[Path]:
    files = sorted((docs / "vi" / articles_dir).glob("*.md")) + sorted((docs / "en" / articles_dir).glob("*.md"))
    return files + sorted(data.rglob("*.yml"))


def load_catalog(docs: Path, data: Path, articles_dir: str = "articles") -> Catalog:
    ctx = load_context(data)
    vi, en = [], {}
    for f in sorted((docs / "vi" / articles_dir).glob("*.md")):
        post = frontmatter.load(f)
        vi.append((post.metadata, post.content))
    for f in sorted((docs / "en" / articles_dir).glob("*.md")):
        post = frontmatter.load(f)
        en[(post.metadata.get("translation") or {}).get("of") or f.stem] = (post.metadata, post.content)
    cat = build_catalog(vi, en, ctx.authority)
    cat.events = all_events(cat, ctx.matcher)
    return cat


def inputs_digest(root: Path) -> str:
    """SHA-256 over every file a build reads (docs/, data/, overrides/, mkdocs.yml): is site/ current?"""
    h = hashlib.sha256()
    for name in INPUTS:
        base = root / name
        paths = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file()) if base.exists() else []
        for p in paths:
            h.update(str(p.relative_to(root)).encode() + b"\0" + hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()
