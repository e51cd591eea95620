"""The seeds' blocks read with the project's own pipeline and turned into templates whose partners,
people and years are slots, and what the generator draws from data/.

Folding for the generator's own bookkeeping (which partners a page's text names in any form):
NFD and dropping what is not ASCII is fast and, like the converter's fold, ignores case and tone
marks (đ → d); the Latin names the archive's records use survive it."""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import ROOT

# How often the generator keeps the partner a seed paragraph names (else it draws another of
# the same kind), and the exponent of the Zipf-like weights 1/rank**s over partners and people
# ranked by how often the real seeds name them (Hàn Quốc and Gyeongsangbuk-do first).
KEEP_ORIGINAL = 0.55
ZIPF_S = 1.3

_WORD_BYTES = bytes(c if chr(c).isalnum() else 32 for c in range(128)) + b" " * 128


def norm_words(text: str) -> str:
    """Folded words of *text* separated by single spaces, padded: ' ha noi '."""
    ascii_text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D")).encode("ascii", "ignore")
    return " " + " ".join(ascii_text.lower().translate(_WORD_BYTES).decode("ascii").split()) + " "


@functools.lru_cache(maxsize=1 << 16)
def norm_piece(text: str) -> str:
    """norm_words of a short piece of text, unpadded, remembered: names and sentences recur."""
    return norm_words(text).strip()


def latin(text: str) -> bool:
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text)


@dataclass
class Slot:
    kind: str  # "partner" | "person" | "year"
    record: str | None = None
    surface: str = ""
    year: int = 0
    title: str | None = None  # person slot: "ông"/"bà"/"Ông"/"Bà" that precedes the name
    next_upper: bool = False  # the next word starts with a capital


@dataclass(eq=False)
class Template:
    parts: list  # str | Slot
    seed_year: int
    credit: str | None = None
    partner_ids: frozenset = frozenset()  # the partners its slots name in the seed
    norms: list = field(default_factory=list)  # norm_words of each literal part (None for slots)

    def __post_init__(self):
        self.partner_ids = frozenset(p.record for p in self.parts if isinstance(p, Slot) and p.kind == "partner")
        self.norms = [norm_words(p).strip() if isinstance(p, str) else None for p in self.parts]


@dataclass
class Source:
    """Everything the generator recombines, taken once from the seeds and data/."""

    authority: object
    leads: list[Template]
    paragraphs: list[Template]
    captions: list[Template]
    numbered_captions: list[Template]
    headings: list[Template]
    list_items: list[Template]
    titles: list[Template]
    chrome_lines: list[str]
    partner_rank: dict[str, int]
    person_rank: dict[str, int]
    by_kind: dict[str, list[str]]
    by_nationality: dict[str, list[str]]
    female: set
    partner_norms: dict[str, list[str]]
    partner_aliases: dict[str, list[str]] = field(default_factory=dict)  # usable in text: Latin, capitalised
    person_aliases: dict[str, list[str]] = field(default_factory=dict)
    partner_weights: list[float] = field(default_factory=list)
    partner_ids: list[str] = field(default_factory=list)
    person_ids: list[str] = field(default_factory=list)
    person_weights: list[float] = field(default_factory=list)


_YEAR = re.compile(r"(?<!\d)(?<!\d[.,])(?:19[5-9]\d|20[0-4]\d)(?!\d)(?![.,]\d)")
_TITLE_BEFORE = re.compile(r"(?:^|(?<=\s))(ông|bà|Ông|Bà)\s+$")
PREV_WORD = re.compile(r"(\w+)\s+$")


def _template(text: str, seed_year: int, matcher, credit: str | None = None) -> Template:
    from tnarchive.extract.entities import find_known

    spans: list[tuple[int, int, Slot]] = []
    for hit in find_known(text, matcher):
        start = hit.start
        slot = Slot("partner" if hit.kind == "partner" else "person", hit.record, hit.surface)
        if slot.kind == "person":
            m = _TITLE_BEFORE.search(text[:start])
            if m:
                slot.title = m.group(1)
                start = m.start(1)
        nxt = re.match(r"\s+(\w)", text[hit.end:hit.end + 8])
        slot.next_upper = bool(nxt) and nxt.group(1).isupper()
        spans.append((start, hit.end, slot))
    for m in _YEAR.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e, _ in spans):
            spans.append((m.start(), m.end(), Slot("year", year=int(m.group()))))
    spans.sort(key=lambda x: x[0])
    parts: list = []
    pos = 0
    for s, e, slot in spans:
        if s > pos:
            parts.append(text[pos:s])
        parts.append(slot)
        pos = e
    if pos < len(text):
        parts.append(text[pos:])
    return Template(parts, seed_year, credit)


def load_source(root: Path = ROOT) -> Source:
    """Read the seeds through the project's own pipeline and build the generator's pools."""
    from tnarchive import profiles as prof
    from tnarchive.convert import seed_files
    from tnarchive.datafiles import load_context
    from tnarchive.pipeline import ConvertError, convert_page
    from tnarchive.text import fold

    ctx = load_context(root / "data")
    auth = ctx.authority
    leads, paragraphs, captions, numbered, headings, items, titles = [], [], [], [], [], [], []
    mentions: dict[str, list[int]] = {}
    female: set = set()
    male: set = set()
    chrome: list[str] = []
    generic = prof.build(ctx.profiles, None)
    markers = generic.end_markers | generic.drop_lines  # folded
    detects = [fold(str(m)) for s in ctx.profiles.sources for m in s.get("detect") or []]
    for n, path in enumerate(seed_files(root / "seeds")):
        try:
            art = convert_page(path.read_bytes(), path.name, ctx)
        except ConvertError:
            continue
        year = int((art.meta["date"] or "2023")[:4])
        titles.append(_template(art.meta["title"], year, ctx.matcher))
        first = True
        for b in art.blocks:
            tpl = _template(b.text, year, ctx.matcher, b.credit)
            if b.kind == "paragraph":
                (leads if first else paragraphs).append(tpl)
                first = False
            elif b.kind == "heading":
                headings.append(tpl)
            elif b.kind == "list_item":
                items.append(tpl)
            elif b.kind == "caption":
                (numbered if re.match(r"^Ảnh\s*\d+\s*:", b.text) else captions).append(tpl)
            for part in tpl.parts:
                if isinstance(part, Slot) and part.kind != "year":
                    counts = mentions.setdefault(part.record, [0, 0, -1])
                    counts[1] += 1
                    if counts[2] != n:
                        counts[0], counts[2] = counts[0] + 1, n
                    if part.kind == "person" and part.title:
                        (female if part.title.lower() == "bà" else male).add(part.record)
        for line in art.removed:  # site chrome of the real pages, reused where it names nobody
            folded = fold(line).strip()  # and would not make the converter take the page for another site's
            if len(line) >= 25 and folded not in markers and not any(d in folded for d in detects):
                chrome.append(line)
    # Records the seeds name often come first; the others keep their order in data/.
    order = {pid: i for i, pid in enumerate(auth.partners)}
    ranked = sorted(auth.partners, key=lambda p: (-mentions.get(p, [0, 0])[0], -mentions.get(p, [0, 0])[1], order[p]))
    partner_rank = {pid: i + 1 for i, pid in enumerate(ranked)}
    porder = {pid: i for i, pid in enumerate(auth.people)}
    pranked = sorted(auth.people, key=lambda p: (-mentions.get(p, [0, 0])[0], -mentions.get(p, [0, 0])[1], porder[p]))
    person_rank = {pid: i + 1 for i, pid in enumerate(pranked)}
    by_kind: dict[str, list[str]] = {}
    for pid in ranked:
        by_kind.setdefault(auth.partners[pid].kind, []).append(pid)
    by_nat: dict[str, list[str]] = {}
    for pid in pranked:
        by_nat.setdefault(auth.people[pid].nationality or "", []).append(pid)
    for person in auth.people.values():  # untitled in the seeds: "Thị", or a "-woman" title
        if person.id not in female and person.id not in male:
            roles = " ".join(str(r.get("role_en", "")) for r in person.roles)
            if " Thị " in f" {person.name} " or "woman" in roles:
                female.add(person.id)
    norms: dict[str, list[str]] = {}
    for p in auth.partners.values():
        names = [p.name_vi, p.name_en, *p.aliases, *p.ambiguous_aliases]
        if p.kind == "embassy" and p.parent:  # "Đại sứ quán Mỹ, Hàn Quốc": a country's name links its embassy
            q = auth.partners[p.parent]
            names += [q.name_vi, q.name_en, *q.aliases, *q.ambiguous_aliases]
        norms[p.id] = sorted({norm_words(x) for x in names if norm_words(x).strip()})
    every_name = sorted({x for v in norms.values() for x in v} | {
        norm_words(x) for person in auth.people.values() for x in (person.name, person.name_ascii, *person.aliases)})
    chrome = [line for line, n in ((x, norm_words(x)) for x in dict.fromkeys(chrome)) if not any(x in n for x in every_name)]
    src = Source(
        authority=auth, leads=leads, paragraphs=paragraphs, captions=captions, numbered_captions=numbered,
        headings=headings, list_items=items, titles=titles, chrome_lines=chrome, partner_rank=partner_rank,
        person_rank=person_rank, by_kind=by_kind, by_nationality=by_nat, female=female, partner_norms=norms,
    )
    src.partner_aliases = {p.id: [a for a in p.aliases if a[:1].isupper() and latin(a)] for p in auth.partners.values()}
    src.person_aliases = {p.id: [a for a in p.aliases if latin(a)] for p in auth.people.values()}
    src.partner_ids = ranked
    src.partner_weights = [1 / partner_rank[p] ** ZIPF_S for p in ranked]
    src.person_ids = pranked
    src.person_weights = [1 / person_rank[p] ** ZIPF_S for p in pranked]
    return src
