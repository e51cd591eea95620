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
from .header import DATE_RANKS
from .datelines import parse_date_line
from .decode import DecodeError, decode
from .errors import _
from .extract import byline as bylines
from .extract import dates, doubts, entities
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

    def known_chrome(self) -> set[str]:
        """Every line data/sources.yml drops already, folded: chrome suggestions leave them out."""
        return {line for built in self._built.values() for line in built.drop_lines}

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
    removed: list[tuple[str, str]]  # (line, the rule that removed it)
    people: list[dict]
    partners: list[dict]
    to_check: list[str] = field(default_factory=list)  # fields found only by a weak rule
    # The review report's items: {"key" (what `checked:` takes, or people/partners with "id"),
    # "code" (what is doubtful), "value", "checked"}; tnarchive/review_items.py words them.
    items: list[dict] = field(default_factory=list)


def is_html(name: str, text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return name.lower().endswith((".html", ".htm")) or head.startswith(("<!doctype html", "<html"))


def convert_page(data: bytes, name: str, ctx: Context) -> Article:
    if len(data) > ctx.max_bytes:
        raise ConvertError(
            _("file is {size:.1f} MB, over the {limit:.0f} MB limit for one article page").format(
                size=len(data) / 1048576, limit=ctx.max_bytes / 1048576))
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
        raise ConvertError(_("no title found: no line of the page reads as a headline"))
    units, removed = segment(page.body, page.title, profile)
    units, byline, warnings = bylines.take_byline(units, profile)
    warnings = page.warnings + warnings
    blocks = classify(units, profile)
    if not any(b.kind == "paragraph" for b in blocks):
        raise ConvertError(_("no article text found once the site's menus and lists are removed"))
    paragraphs = [b.text for b in blocks if b.kind == "paragraph"]
    evidence = {"title": page.header.title_found_by}
    to_check: list[str] = []
    items: list[dict] = []
    date_warnings: list[str] = []

    date = None
    if hints.get("published"):
        date = parse_date_line(hints["published"][:16].replace("T", " "), profile)
        evidence["date"] = "structured data"
    if date is None and page.date_line:
        date = parse_date_line(page.date_line, profile)
        evidence["date"] = "header line"
        if page.date_rank is not None and page.date_rank >= DATE_RANKS["above title"]:
            to_check.append(_('date: from "{line}", printed among the site\'s menus above the title').format(line=page.date_line))
            items.append({"key": "date", "code": "date-menus", "value": page.date_line})
    if date is None and byline.date_text:
        date = parse_date_line(byline.date_text, profile)
        evidence["date"] = "header line"
    if date is None:
        date, date_warnings = dates.infer_from_text(paragraphs)
        warnings += date_warnings
        evidence["date"] = "inferred"

    evidence["authors"] = "header line"
    if hints.get("authors"):
        byline.authors = [{"name": a, "affiliation": None} for a in hints["authors"]]
        evidence["authors"] = "structured data"
    elif not byline.authors and page.header.byline:
        byline.authors = bylines.parse_authors(page.header.byline, profile) or []
    if byline.authors:
        warnings = [w for w in warnings if w != _(bylines.NO_AUTHOR_LINE)]
    src = byline.source
    evidence["source"] = "header line"
    if hints.get("publisher") and not src.get("name"):
        src = {"name": hints["publisher"], "url": src.get("url")}
        evidence["source"] = "structured data"
    if not src.get("url") and hints.get("url"):
        src = {"name": src.get("name") or hints.get("site_name"), "url": hints["url"]}
    named = prof.by_host(ctx.profiles, _host(src.get("url"))) or source
    if named and named.get("name") and (not src.get("name") or _host(src.get("url"))):
        src = {"name": named["name"], "url": src.get("url") or named.get("url")}
    if not src.get("name"):
        h = page.header  # the original paper an aggregator names, the site's banner, the lead's tag
        site = h.glued_source or h.banner or h.source_tag
        src = {"name": site, "url": src.get("url")}
    if page.header.title_found_by == "inferred":
        to_check.append(_('title: "{title}", chosen by its position above the first sentence').format(title=page.title))
        items.append({"key": "title", "code": "title-position", "value": page.title})
    h = page.header
    names = doubts.site_names([s.get("name") for s in ctx.profiles.sources] + [
        profile.name, src.get("name"), h.banner, h.glued_source, h.source_tag, hints.get("site_name"),
        hints.get("publisher")], [src.get("url"), hints.get("url"), profile.url])
    items = _doubt_items(items, page, paragraphs[0], names, profile)

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
            "evidence": {k: evidence[k] for k in ("title", "date", "authors", "source") if k in evidence},
        },
    }
    stem = name.rsplit(".", 1)[0]
    items += _name_items(found, meta["unreviewed"])
    meta = corrections.apply(meta, ctx.corrections.get(stem), ctx.authority, f"data/corrections/{stem}.yml")
    if meta["date"] is None:
        warnings.append(_("article has no date: add one in data/corrections/{stem}.yml once it is known").format(stem=stem))
        items.append({"key": "date", "code": "date-missing", "value": "; ".join(date_warnings) or None})
    elif meta["date_inferred"]:
        item = {"key": "date", "code": "date-inferred", "value": meta["date_inferred"]}
        if date and date.reason and meta["date_inferred"] == date.inferred:  # the converter's own reasoning
            item["explain"] = [date.reason[0], date.reason[1]]
        items.append(item)
    if not meta["authors"]:
        items.append({"key": "authors", "code": "authors-missing", "value": None})
    return Article(
        meta=meta, blocks=blocks, body=body_markdown(meta["title"], blocks), warnings=warnings,
        removed=page.removed + [(line, "related headline after the lead") for line in removed],
        people=found.people, partners=found.partners, to_check=to_check,
        items=corrections.mark_checked(items, ctx.corrections.get(stem)),
    )


def _doubt_items(items: list[dict], page, lead: str, names: set[str], profile: prof.Profile) -> list[dict]:
    """*items* with the doubts about the title, the lead and removed text added (extract/doubts.py).
    A title doubt says more than "chosen by its position", and is said instead."""
    title = doubts.title_doubt(page.title, names, profile)
    if title:
        items = [i for i in items if i["code"] != "title-position"]
        items.append({"key": "title", "code": f"title-{title.replace(' ', '-')}", "value": page.title})
    kind = doubts.lead_doubt(lead, profile)
    if kind:
        items.append({"key": "lead", "code": f"lead-{kind.replace(' ', '-')}", "value": lead})
    return items + [{"key": "removed", "code": f"removed-{where.replace(' ', '-')}", "value": line}
                    for line, where in page.prose_removed]


def _name_items(found: entities.Entities, unreviewed: dict) -> list[dict]:
    """Review items for names: each new one (not in data/ yet), and each known one read from a
    spelling that is only alike."""
    items = [{"key": kind, "code": f"{kind}-new", "id": u["id"], "value": u["name"]}
             for kind in ("people", "partners") for u in unreviewed[kind]]
    seen: set[str] = set()
    for hit in found.hits:
        if hit.score is not None and hit.record not in seen:
            seen.add(hit.record)
            kind = "people" if hit.kind == "person" else "partners"
            items.append({"key": kind, "code": f"{kind}-spelling", "id": hit.record, "value": hit.surface,
                          "score": round(hit.score)})
    return items


def _host(url: str | None) -> str | None:
    from urllib.parse import urlparse

    return urlparse(url).hostname if url else None


def _slug(date: str | None, title: str) -> str:
    return f"{date[:10] if date else 'undated'}-{slugify(title, max_length=50)}"
