"""One raw page → one article, as plain data. No file is read or written here.

decode → normalise → split header/body/footer (clean) → segment → byline → classify
→ date → entities → front matter. `convert.py` is the edge that touches files.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from . import __version__, corrections, profiles as prof
from .authority import Authority
from .clean import split_page
from .decode import DecodeError, decode
from .extract import byline as bylines
from .extract import dates, entities
from .htmlinput import html_to_text
from .normalise import normalise
from .render import body_markdown
from .structure import Block, classify, segment
from .text import slugify

MAX_BYTES = 5 * 1024 * 1024  # one article page; a larger file is not a copied article


class ConvertError(ValueError):
    """The page cannot become an article; the message says why."""


@dataclass
class Context:
    profiles: prof.ProfileSet
    authority: Authority
    cues: dict
    corrections: dict[str, dict] = field(default_factory=dict)  # seed stem → correction
    max_bytes: int = MAX_BYTES

    def __post_init__(self):
        self.matcher = entities.Matcher(self.authority, self.cues)
        # Each site's rules merged with the generic ones (folded markers, compiled patterns), once per run.
        self._built = {id(s): prof.build(self.profiles, s) for s in (None, *self.profiles.sources)}

    def profile(self, source: dict | None) -> prof.Profile:
        """prof.build(self.profiles, source), built once."""
        built = self._built.get(id(source))
        return built if built is not None else prof.build(self.profiles, source)


@dataclass
class Article:
    meta: dict
    blocks: list[Block]
    body: str
    warnings: list[str]
    removed: list[str]
    people: list[dict]
    partners: list[dict]


def is_html(name: str, text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return name.lower().endswith((".html", ".htm")) or head.startswith(("<!doctype html", "<html"))


def convert_page(data: bytes, name: str, ctx: Context) -> Article:
    if len(data) > ctx.max_bytes:
        raise ConvertError(
            f"file is {len(data) / 1048576:.1f} MB, over the {ctx.max_bytes / 1048576:.0f} MB limit for one article page"
        )
    try:
        text = decode(data)
    except DecodeError as exc:
        raise ConvertError(str(exc)) from None
    hints: dict = {}
    if is_html(name, text):
        text, hints = html_to_text(text)
    text = normalise(text)
    source = prof.detect(ctx.profiles, text) or prof.by_host(ctx.profiles, hints.get("url"))
    profile = ctx.profile(source)
    page = split_page(text, profile, hints.get("title"))
    if not page.title:
        raise ConvertError("no title found: no line of the page reads as a headline")
    units, removed = segment(page.body, page.title, profile)
    units, byline, warnings = bylines.take_byline(units, profile)
    blocks = classify(units, profile)
    if not any(b.kind == "paragraph" for b in blocks):
        raise ConvertError("no article text found once the site's menus and lists are removed")
    paragraphs = [b.text for b in blocks if b.kind == "paragraph"]

    date = dates.parse_date_line(page.date_line, profile) if page.date_line else None
    if date is None and hints.get("published"):
        date = dates.parse_date_line(hints["published"][:16].replace("T", " "), profile)
    if date is None:
        date, date_warnings = dates.infer_from_text(paragraphs)
        warnings += date_warnings

    if not byline.authors and hints.get("author"):
        byline.authors = [{"name": hints["author"], "affiliation": None}]
        warnings = [w for w in warnings if not w.startswith("no author line")]
    src = byline.source
    if not src.get("url") and hints.get("url"):
        src = {"name": src.get("name") or hints.get("site_name"), "url": hints["url"]}
    named = prof.by_host(ctx.profiles, _host(src.get("url"))) or source
    if named and named.get("name") and (not src.get("name") or _host(src.get("url"))):
        src = {"name": named["name"], "url": src.get("url") or named.get("url")}

    found = entities.detect("\n\n".join([page.title] + [b.text for b in blocks]), ctx.matcher)
    warnings += found.warnings
    sha = hashlib.sha256(data).hexdigest()
    meta = {
        "title": page.title,
        "date": date.value if date else None,
        "date_precision": date.precision if date else None,
        "date_inferred": date.inferred if date else None,
        "authors": byline.authors,
        "source": {"name": src.get("name"), "url": src.get("url")},
        "photo_credit": byline.photo_credit,
        "lang": "vi",
        "slug": _slug(date.value if date else None, page.title),
        "summary": paragraphs[0],
        "people": [p["id"] for p in found.people if p["known"]],
        "partners": [p["id"] for p in found.partners if p["known"]],
        "unreviewed": {
            "people": [{"id": p["id"], "name": p["name"]} for p in found.people if not p["known"]],
            "partners": [{"id": p["id"], "name": p["name_vi"], "kind": p["kind"]} for p in found.partners if not p["known"]],
        },
        "provenance": {
            "seed": name,
            "sha256": sha,
            "source_profile": profile.id,
            "converter": f"tnarchive {__version__}",
        },
    }
    stem = name.rsplit(".", 1)[0]
    meta = corrections.apply(meta, ctx.corrections.get(stem), ctx.authority, f"data/corrections/{stem}.yml")
    if meta["date"] is None:
        warnings.append("article has no date: add one in data/corrections/%s.yml once it is known" % stem)
    return Article(
        meta=meta, blocks=blocks, body=body_markdown(meta["title"], blocks), warnings=warnings,
        removed=page.removed + removed, people=found.people, partners=found.partners,
    )


def _host(url: str | None) -> str | None:
    from urllib.parse import urlparse

    return urlparse(url).hostname if url else None


def _slug(date: str | None, title: str) -> str:
    return f"{date[:10] if date else 'undated'}-{slugify(title, max_length=50)}"
