"""The archive's single source of truth for every derived page: articles, partners, people.

Built once per build from the articles' front matter and bodies and from data/; every
page builder (partners, people, timeline, home, data exports) reads only this. Plain data,
no MkDocs types, so each builder is testable on its own.
"""
from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, field

from ..authority import Authority
from ..render import body_sha256

LANGS = ("vi", "en")
_UNESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_ATTR_LINE = re.compile(r"^\{:\s*([^}]*)\}$")


def unescape(md: str) -> str:
    """Plain text of one line the converter escaped (tnarchive.render.escape, inverted)."""
    return html.unescape(_UNESCAPE.sub(r"\1", md))


@dataclass
class Block:
    """One block of an article body. `anchor` ("p3") is set on paragraphs and captions."""

    kind: str  # "title" | "heading" | "paragraph" | "lead" | "caption" | "list"
    text: str  # plain text (list: items joined by "\n")
    anchor: str | None = None


def parse_blocks(body: str) -> list[Block]:
    """Split an article's Markdown into blocks, numbering paragraphs, leads and captions p1, p2, …"""
    blocks: list[Block] = []
    n = 0
    for raw in body.strip().split("\n\n"):
        lines = raw.strip().split("\n")
        if not lines or not lines[0]:
            continue
        if lines[0].startswith("# "):
            blocks.append(Block("title", unescape(lines[0][2:])))
        elif lines[0].startswith("## "):
            blocks.append(Block("heading", unescape(lines[0][3:])))
        elif lines[0].startswith("- "):
            blocks.append(Block("list", "\n".join(unescape(l[2:]) for l in lines if l.startswith("- "))))
        else:
            attrs = _ATTR_LINE.match(lines[-1])
            kind = "paragraph"
            if attrs:
                lines = lines[:-1]
                kind = "lead" if ".lead" in attrs.group(1) else "caption" if ".caption" in attrs.group(1) else kind
            n += 1
            blocks.append(Block(kind, unescape(" ".join(lines)), f"p{n}"))
    return blocks


@dataclass
class Translation:
    title: str
    summary: str | None
    translator: str | None
    translated_on: str | None
    source_sha256: str | None
    stale: bool
    blocks: list[Block] = field(default_factory=list)
    aligned: bool = True  # same blocks, in the same order, as the Vietnamese text


@dataclass
class Article:
    slug: str
    seed: str
    title: str  # Vietnamese, as published
    date: str | None  # "2025-02-10T12:08:00+07:00" | "2023-08-10" | None
    date_precision: str | None
    date_inferred: str | None
    authors: list[dict]
    source: dict
    summary: str
    people: list[str]
    partners: list[str]
    unreviewed: dict
    provenance: dict
    blocks: list[Block]
    body_sha256: str
    translation: Translation | None = None

    @property
    def day(self) -> str | None:
        return self.date[:10] if self.date else None

    @functools.cached_property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None

    def url(self, lang: str) -> str:
        """Site-root-relative URL of the article page in *lang*."""
        return f"{'' if lang == 'vi' else 'en/'}articles/{self.slug}.html"

    def title_in(self, lang: str) -> str:
        return self.translation.title if lang == "en" and self.translation else self.title

    def summary_in(self, lang: str) -> str:
        if lang == "en" and self.translation and self.translation.summary:
            return self.translation.summary
        return self.summary


@dataclass
class Event:
    """A dated statement in an article ("Năm 2005, … ký thỏa thuận …"), cited to its paragraph."""

    date: str  # "2005" | "2019-08" | "2023-08-10"
    precision: str  # "year" | "month" | "day"
    text: str  # the Vietnamese sentence
    text_en: str | None  # the matching English sentence when a translation aligns, else None
    article: str  # slug
    anchor: str  # paragraph anchor, "p4"
    partners: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)


@dataclass
class Catalog:
    articles: list[Article]  # newest first; undated last
    authority: Authority
    events: list[Event] = field(default_factory=list)  # newest first; filled by events.all_events
    fingerprint: str = ""  # of everything but the articles' text: what lists, indexes and feeds show (loader)
    # article file (absolute, normalised path) → the front matter MkDocs gets for its page (loader.page_front_matter)
    page_meta: dict[str, str] = field(default_factory=dict)
    # slug → digest of the article's metadata and of data/ (loader): what an article's list item shows
    digests: dict[str, bytes] = field(default_factory=dict)
    by_slug: dict[str, Article] = field(init=False, default_factory=dict)
    by_partner: dict[str, list[Article]] = field(init=False, default_factory=dict)
    by_person: dict[str, list[Article]] = field(init=False, default_factory=dict)
    dated: list[Article] = field(init=False, default_factory=list)  # newest first
    dated_position: dict[str, int] = field(init=False, default_factory=dict)
    memo: dict[str, dict] = field(init=False, default_factory=dict)  # derived data worked out once per build

    def __post_init__(self):
        self.articles = sorted(self.articles, key=sort_key)
        self.by_slug = {a.slug: a for a in self.articles}
        self.dated = [a for a in self.articles if a.date]
        self.dated_position = {a.slug: i for i, a in enumerate(self.dated)}
        for a in self.articles:
            for pid in a.partners:
                self.by_partner.setdefault(pid, []).append(a)
            for pid in a.people:
                self.by_person.setdefault(pid, []).append(a)

    def children(self, partner_id: str) -> list[str]:
        return sorted((p.id for p in self.authority.partners.values() if p.parent == partner_id),
                      key=lambda i: self.authority.partners[i].name_en)

    def ancestors(self, partner_id: str) -> list[str]:
        """Outermost first: korea → gyeongsangbuk-do for chilgok."""
        chain: list[str] = []
        parent = self.authority.partners[partner_id].parent
        while parent and parent not in chain and parent in self.authority.partners:
            chain.insert(0, parent)
            parent = self.authority.partners[parent].parent
        return chain


def sort_key(a: Article) -> tuple:
    """Newest first; undated articles last, by slug. A day-only date counts as that day's start."""
    return (a.date is None, "" if a.date is None else _neg((a.date + "T00:00")[:16]), a.slug)


def _iso(value) -> str | None:
    """Front matter edited by hand may hold an unquoted YAML date: keep ISO text either way."""
    if value is None or value == "":
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _neg(s: str) -> str:
    return "".join(chr(0x10FFFF - ord(c)) for c in s)


def build_catalog(vi_posts: list[tuple[dict, str]], en_posts: dict[str, tuple[dict, str]], authority: Authority) -> Catalog:
    """vi_posts: (front matter, body) of each generated article; en_posts: slug → (front matter, body)."""
    articles = [make_article(meta, body, en_posts.get(meta["slug"]), authority) for meta, body in vi_posts]
    return Catalog(articles=articles, authority=authority)


def make_article(meta: dict, body: str, en_post: tuple[dict, str] | None, authority: Authority) -> Article:
    """One article from its front matter and body, and its translation's, when there is one."""
    sha = body_sha256(body)
    art = Article(
        slug=meta["slug"], seed=(meta.get("provenance") or {}).get("seed", ""), title=meta["title"], date=_iso(meta.get("date")),
        date_precision=meta.get("date_precision"), date_inferred=meta.get("date_inferred"),
        authors=meta.get("authors") or [], source=meta.get("source") or {"name": None, "url": None},
        summary=meta.get("summary") or "", people=[p for p in meta.get("people") or [] if p in authority.people],
        partners=[p for p in meta.get("partners") or [] if p in authority.partners],
        unreviewed=meta.get("unreviewed") or {"people": [], "partners": []}, provenance=meta.get("provenance") or {},
        blocks=parse_blocks(body), body_sha256=sha,
    )
    if en_post is not None:
        emeta, ebody = en_post
        tr = emeta.get("translation") or {}
        art.translation = Translation(
            title=emeta.get("title") or art.title, summary=emeta.get("summary"),
            translator=tr.get("translator"), translated_on=str(tr["date"]) if tr.get("date") else None,
            source_sha256=tr.get("source_sha256"), stale=tr.get("source_sha256") != sha,
            blocks=parse_blocks(ebody),
        )
        art.translation.aligned = [(b.kind, b.anchor) for b in art.translation.blocks] == [
            (b.kind, b.anchor) for b in art.blocks]
    return art
