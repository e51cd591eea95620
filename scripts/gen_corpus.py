#!/usr/bin/env python3
"""Generate a synthetic but realistic corpus of raw article pages, for benchmarks.

    .venv/bin/python scripts/gen_corpus.py --count 5000 --out /tmp/corpus --seed 1 [--encodings]
    cd /tmp/corpus && tnarchive convert && mkdocs build

Every page is SYNTHETIC: Vietnamese text recombined from the body paragraphs of the real
seeds in seeds/ (extracted with the project's own pipeline, `tnarchive.pipeline.convert_page`),
with the partners and people it names redrawn from data/partners.yml and data/people.yml
with skewed, Zipf-like frequencies, wrapped in the chrome of the three sites the seeds come
from (Thời Đại, the Thái Nguyên provincial portal, Báo Xây dựng). The pages are for
measuring the converter and the site build at scale; they are not news and must never be
mixed into the real archive.

What lands in --out:
  seeds/NNNNN_<16 hex>.txt   the raw pages (the hex is the start of the page's SHA-256)
  data/, docs/ (without docs/vi/articles and docs/en/articles), mkdocs.yml, overrides/
                             copies from this project, so the folder builds on its own
  corpus.json                what the generator put into each page: file, site style, encoding,
                             date, title, byline authors, source URL, block counts (paragraphs
                             with the lead, headings, captions, list items), the partners and
                             people written into the title and body (a country listed after
                             "Đại sứ quán X," is read by the converter as that country's
                             embassy), and the partners named only in the site chrome, which
                             the converter must not report

With --translations DIR the pages are converted (`tnarchive convert` in --out) and
placeholder English translations are written into DIR for about 30% of the articles
(see write_translations). Same --seed and --count: byte-identical files.
"""
from __future__ import annotations

import argparse
import codecs
import collections
import functools
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the project's own pipeline, also when tnarchive is not installed
    sys.path.insert(0, str(ROOT))

GENERATED_NAME = re.compile(r"^\d{5,}_[0-9a-f]{16}\.txt$")
TRANSLATOR = "synthetic benchmark placeholder"
TRANSLATION_DATE = "2026-01-01"  # fixed, so that reruns give byte-identical files
FIRST_DAY = datetime(2006, 1, 1)
LAST_DAY = datetime(2025, 12, 31)

# How often the generator keeps the partner a seed paragraph names (else it draws another of
# the same kind), and the exponent of the Zipf-like weights 1/rank**s over partners and people
# ranked by how often the real seeds name them (Hàn Quốc and Gyeongsangbuk-do first).
KEEP_ORIGINAL = 0.55
ZIPF_S = 1.3
PARTNER_BUDGETS = (1, 2, 2, 3, 3, 3, 4, 4, 5, 6, 8, 12)  # distinct seed partners a page may reuse
STYLES = ("thoidai", "portal", "baoxaydung")
STYLE_WEIGHTS = (0.45, 0.40, 0.15)
ENCODING_VARIANTS = ("cp1258", "utf-16", "utf-8-sig", "crlf")
ENCODING_EVERY = 20  # with --encodings, one page in each run of 20 (5%) is re-encoded

# ---------------------------------------------------------------------------------------------
# Pools of chrome and bylines, in the style of the seeds.

THOIDAI_BREADCRUMBS = (
    "Trang chủ Việt Nam hôm nay",
    "Trang chủ Nhân quyền - Góc nhìn thời đại Tình đời nghĩa đạo",
    "Trang chủ Việt Nam hôm nay Đối ngoại nhân dân",
    "Trang chủ Nhân quyền - Góc nhìn thời đại",
)
AUTHORS = (
    "Phan Anh", "Nhất Nam", "Kim Ngân", "Việt Hoan", "Kim Oanh", "Thu Hiền", "Minh Hằng", "Quang Thọ",
    "Thanh Hà", "Ngọc Lan", "Hải Yến", "Thu Trang", "Hoàng Long", "Bảo Ngọc", "Lan Hương", "Mạnh Hùng",
    "Thùy Linh", "Văn Tuấn", "Phương Thảo", "Trung Kiên", "Hồng Nhung", "Tuấn Minh", "Diệu Linh",
    "Quốc Việt", "Thanh Tùng", "Hà Phương", "Ngọc Ánh", "Xuân Trường", "Bích Ngọc", "Đình Hiếu",
)
CREDITS = (
    "thainguyen.gov.vn", "vonhai.thainguyen.gov.vn", "TNGOV", "Kim Oanh", "Trần Huyền", "Trần Nhung",
    "Thu Hiền", "Minh Hằng", "Quang Thọ", "Báo Thái Nguyên", "TTXVN", "Sở Ngoại vụ",
)
AFFILIATIONS = ("Sở Ngoại vụ tỉnh Thái Nguyên", "Sở Ngoại vụ", "Văn phòng Sở")
RELATED_HEADLINES = (  # {P}: a partner named only in the chrome
    "Sinh viên Thái Nguyên giao lưu và trải nghiệm văn hóa {P}",
    "Thúc đẩy quan hệ Việt Nam - {P} từ hợp tác nhân dân",
    "Nhiều đề xuất hợp tác nhằm thúc đẩy đối ngoại nhân dân Việt Nam - {P}",
    "Đoàn công tác {P} thăm và làm việc tại Hà Nội",
    "{P} hỗ trợ người dân phục hồi sinh kế sau bão",
    "Hội hữu nghị Việt Nam - {P} tổ chức Đại hội nhiệm kỳ mới",
    "Doanh nghiệp {P} tìm hiểu cơ hội đầu tư tại các tỉnh phía Bắc",
    "Triển lãm ảnh về đất nước, con người {P} tại Hà Nội",
    "Tuần lễ văn hóa {P} khai mạc tại Thành phố Hồ Chí Minh",
    "Học bổng của {P} dành cho sinh viên Việt Nam",
)
RELATED_SUMMARIES = (
    "Ngày {d}/{m} tại Hà Nội, đại diện {P} đã có buổi làm việc với các cơ quan liên quan về hợp tác giáo dục, y tế và phát triển cộng đồng.",
    "Trong khuôn khổ chuyến thăm, hai bên đã trao đổi về các biện pháp thúc đẩy hợp tác giữa các địa phương của Việt Nam và {P}.",
    "Chương trình do {P} phối hợp tổ chức đã thu hút đông đảo người dân và sinh viên tham gia.",
)
GENERIC_HEADLINES = (
    "Thời tiết hôm nay ({d}/{m}): Hà Nội nắng nóng, có nơi trên 37 độ",
    "Hà Nội: Điều chỉnh thời gian phân luồng giao thông ngày {d}/{m}",
    "Chiềng Sinh (Điện Biên) hướng tới giảm tỷ lệ hộ nghèo xuống dưới 3%",
    "Ra mắt góc y tế thân thiện với sinh viên tại Hà Nội",
    "Người dân chủ động theo dõi thời tiết, sẵn sàng ứng phó bão",
)
# Sentences that bring one more partner or person into a paragraph, by the partner's kind.
PARTNER_SENTENCES = {
    "country": ("Tỉnh cũng tăng cường trao đổi đoàn với các cơ quan, địa phương của {P}.",
                "Thái Nguyên mong muốn tiếp tục mở rộng hợp tác với {P} trong các lĩnh vực giáo dục, y tế và thương mại."),
    "province": ("Quan hệ hợp tác với tỉnh {P} tiếp tục được duy trì và phát triển.",),
    "city": ("Quan hệ hữu nghị với thành phố {P} được duy trì thông qua trao đổi đoàn và giao lưu văn hóa.",),
    "district": ("Nhiều hoạt động giao lưu với {P} đã được tổ chức trong năm.",),
    "company": ("{P} tiếp tục mở rộng đầu tư tại các khu công nghiệp của tỉnh.",),
    "embassy": ("Lãnh đạo tỉnh đã tiếp và làm việc với đoàn công tác của {P}.",),
    "university": ("Các cơ sở đào tạo của tỉnh đã ký kết thỏa thuận hợp tác với {P} về trao đổi giảng viên, sinh viên.",),
    "institute": ("Tỉnh đã phối hợp với {P} triển khai một số nghiên cứu và dự án thí điểm.",),
    "ngo": ("{P} đã tài trợ nhiều dự án hỗ trợ cộng đồng trên địa bàn tỉnh.",),
    "international-organisation": ("{P} tiếp tục hỗ trợ các chương trình vì trẻ em trên địa bàn tỉnh.",),
    "political-party": ("Tỉnh đã tiếp đón đoàn đại biểu của {P} sang thăm và làm việc.",),
    "government-body": ("Tỉnh đã tiếp đón đoàn công tác của {P} sang thăm và làm việc.",),
}
PERSON_SENTENCES = (
    "Tham dự buổi làm việc có {T} {N}, {R}.",
    "{R} {N} đề nghị các bên tiếp tục phối hợp chặt chẽ, triển khai hiệu quả các nội dung hợp tác đã ký kết.",
    "Phát biểu tại buổi làm việc, {T} {N} khẳng định sẽ tạo mọi điều kiện thuận lợi để hai bên tăng cường hợp tác.",
)
LIST_INTRO = "Thời gian tới, tỉnh Thái Nguyên tập trung thực hiện một số nhiệm vụ trọng tâm sau:"
LIST_ITEMS = (
    "Tăng cường hợp tác với {P} trong các lĩnh vực giáo dục, y tế và đào tạo nguồn nhân lực;",
    "Đẩy mạnh xúc tiến đầu tư, thu hút các doanh nghiệp của {P} vào các khu công nghiệp của tỉnh;",
    "Duy trì trao đổi đoàn và giao lưu nhân dân với {P};",
)
HEADING_EXTRA = ("Hợp tác với {P}", "Mở rộng quan hệ với {P}", "Tăng cường giao lưu với {P}")
EN_FILLER = (
    "The province continued to expand cooperation with foreign partners in trade, education and health care.",
    "Delegations were exchanged and several memoranda of understanding were signed during the period.",
    "Provincial leaders called on partners to help attract investment in priority sectors.",
    "Friendship associations organised cultural exchanges and people-to-people activities.",
    "Foreign non-governmental organisations supported community projects in several districts.",
    "Both sides agreed to step up cooperation in human resources training and technology.",
    "Investment from abroad remained an important driver of the provincial economy.",
    "The results reflect the province's proactive approach to international integration.",
)

# ---------------------------------------------------------------------------------------------
# Folding for the generator's own bookkeeping: which partners a page's text names in any form.
# NFD and dropping what is not ASCII is fast, and, like the converter's fold, ignores case and
# tone marks (đ → d); the Latin names the archive's records use survive it.

_WORD_BYTES = bytes(c if chr(c).isalnum() else 32 for c in range(128)) + b" " * 128


def _norm(text: str) -> str:
    """Folded words of *text* separated by single spaces, padded: ' ha noi '."""
    ascii_text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D")).encode("ascii", "ignore")
    return " " + " ".join(ascii_text.lower().translate(_WORD_BYTES).decode("ascii").split()) + " "


@functools.lru_cache(maxsize=1 << 16)
def _norm_piece(text: str) -> str:
    """_norm of a short piece of text, unpadded, remembered: names and sentences recur."""
    return _norm(text).strip()


def _latin(text: str) -> bool:
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text)


# ---------------------------------------------------------------------------------------------
# Templates: the seeds' blocks with their partners, people and years turned into slots.


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
    norms: list = field(default_factory=list)  # _norm of each literal part (None for slots)

    def __post_init__(self):
        self.partner_ids = frozenset(p.record for p in self.parts if isinstance(p, Slot) and p.kind == "partner")
        self.norms = [_norm(p).strip() if isinstance(p, str) else None for p in self.parts]


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
_PREV_WORD = re.compile(r"(\w+)\s+$")


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
    from tnarchive.convert import load_context, seed_files
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
        for line, _rule in art.removed:  # site chrome of the real pages, reused where it names nobody
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
        norms[p.id] = sorted({_norm(x) for x in names if _norm(x).strip()})
    every_name = sorted({x for v in norms.values() for x in v} | {
        _norm(x) for person in auth.people.values() for x in (person.name, person.name_ascii, *person.aliases)})
    chrome = [line for line, n in ((x, _norm(x)) for x in dict.fromkeys(chrome)) if not any(x in n for x in every_name)]
    src = Source(
        authority=auth, leads=leads, paragraphs=paragraphs, captions=captions, numbered_captions=numbered,
        headings=headings, list_items=items, titles=titles, chrome_lines=chrome, partner_rank=partner_rank,
        person_rank=person_rank, by_kind=by_kind, by_nationality=by_nat, female=female, partner_norms=norms,
    )
    src.partner_aliases = {p.id: [a for a in p.aliases if a[:1].isupper() and _latin(a)] for p in auth.partners.values()}
    src.person_aliases = {p.id: [a for a in p.aliases if _latin(a)] for p in auth.people.values()}
    src.partner_ids = ranked
    src.partner_weights = [1 / partner_rank[p] ** ZIPF_S for p in ranked]
    src.person_ids = pranked
    src.person_weights = [1 / person_rank[p] ** ZIPF_S for p in pranked]
    return src


# ---------------------------------------------------------------------------------------------
# One page.


class Page:
    """The random choices of one page: which partners and people replace the seeds' ones."""

    def __init__(self, src: Source, rng: Random, year: int):
        self.src, self.rng, self.year = src, rng, year
        self.partner_map: dict[str, str] = {}
        self.person_map: dict[str, str] = {}
        self.used: set = set()
        self.partners: list[str] = []  # written into the title or body, in order
        self.people: list[str] = []
        self.norms: list[str] = []  # folded words of everything written into the title and body

    # -- drawing records
    def zipf_partner(self, candidates: list[str]) -> str:
        rank = self.src.partner_rank
        return self.rng.choices(candidates, weights=[1 / rank[c] ** ZIPF_S for c in candidates])[0]

    def any_partner(self) -> str:
        return self.rng.choices(self.src.partner_ids, weights=self.src.partner_weights)[0]

    def any_person(self) -> str:
        return self.rng.choices(self.src.person_ids, weights=self.src.person_weights)[0]

    def prepare(self, templates: list[Template]) -> None:
        """Choose the replacement of every partner the templates name, children before parents,
        so that "tỉnh X (country of X)" stays consistent: a province decides its country."""
        parts = self.src.authority.partners
        seen: dict[str, int] = {}
        for tpl in templates:
            for part in tpl.parts:
                if isinstance(part, Slot) and part.kind == "partner" and part.record not in seen:
                    seen[part.record] = len(seen)

        def depth(pid: str) -> int:
            n = 0
            while parts[pid].parent and n < 10:
                pid, n = parts[pid].parent, n + 1
            return n

        for orig in sorted(seen, key=lambda pid: (-depth(pid), seen[pid])):
            self.map_partner(orig)

    def map_partner(self, orig: str) -> str:
        if orig in self.partner_map:
            return self.partner_map[orig]
        parts = self.src.authority.partners
        p = parts[orig]
        same_kind = self.src.by_kind[p.kind]
        new = None
        if p.parent and p.parent in self.partner_map:  # its parent is decided: stay among its children
            target = self.partner_map[p.parent]
            kids = [c for c in same_kind if parts[c].parent == target]
            if kids:
                if orig in kids and orig not in self.used and self.rng.random() < KEEP_ORIGINAL:
                    new = orig
                else:
                    new = self.zipf_partner([c for c in kids if c not in self.used] or kids)
        if new is None:
            if orig not in self.used and self.rng.random() < KEEP_ORIGINAL:
                new = orig
            else:
                new = self.zipf_partner([c for c in same_kind if c not in self.used] or same_kind)
        self.partner_map[orig] = new
        self.used.add(new)
        a, b = p.parent, parts[new].parent  # its ancestors follow: Chilgok → Gyeongsangbuk-do → Hàn Quốc
        while a and b and a not in self.partner_map and parts[a].kind == parts[b].kind:
            self.partner_map[a] = b
            self.used.add(b)
            a, b = parts[a].parent, parts[b].parent
        return new

    def map_person(self, orig: str) -> str:
        if orig not in self.person_map:
            group = self.src.by_nationality[self.src.authority.people[orig].nationality or ""]
            free = [c for c in group if c not in self.person_map.values()]
            if orig in free and self.rng.random() < KEEP_ORIGINAL:
                new = orig
            else:
                pool = free or group
                new = self.rng.choices(pool, weights=[1 / self.src.person_rank[c] ** ZIPF_S for c in pool])[0]
            self.person_map[orig] = new
        return self.person_map[orig]

    # -- writing names
    def partner_name(self, pid: str, slot: Slot | None = None, before: str = "") -> str:
        """How the text names partner *pid*; *before* is the text written just before it."""
        p = self.src.authority.partners[pid]
        if pid not in self.partners:
            self.partners.append(pid)
        r = self.rng.random()
        if slot is not None and slot.record == pid and r < 0.4:
            return slot.surface  # the seed's own spelling, misspellings included
        if p.ambiguous_aliases and slot is not None and r < 0.7:
            m = _PREV_WORD.search(before)
            prev = m.group(1) if m else None
            ok = not slot.next_upper and (prev is None or (prev[:1].islower() and _norm(prev).strip() not in
                                                             {_norm(w).strip() for w in p.not_after}))
            if ok:
                return p.ambiguous_aliases[0]  # "Lào", "Đức", "Mỹ": as the papers usually write them
        aliases = self.src.partner_aliases[pid]
        if aliases and self.rng.random() < 0.2:
            return self.rng.choice(aliases)  # an alias or a recorded misspelling
        return p.name_vi

    def person_name(self, pid: str) -> str:
        person = self.src.authority.people[pid]
        if pid not in self.people:
            self.people.append(pid)
        aliases = self.src.person_aliases[pid]
        if aliases and self.rng.random() < 0.2:
            return self.rng.choice(aliases)
        return person.name

    def person_title(self, pid: str, capital: bool) -> str:
        t = "bà" if pid in self.src.female else "ông"
        return t.capitalize() if capital else t

    def render(self, tpl: Template) -> str:
        out: list[str] = []
        norms = self.norms
        for part, norm in zip(tpl.parts, tpl.norms):
            if norm is not None:
                out.append(part)
                norms.append(norm)
                continue
            if part.kind == "year":
                text = str(part.year + self.year - tpl.seed_year)
            elif part.kind == "partner":
                before = "".join(out[-2:])[-40:]
                text = self.partner_name(self.map_partner(part.record), part, before)
            else:
                pid = self.map_person(part.record)
                text = self.person_name(pid)
                if part.title:
                    text = f"{self.person_title(pid, part.title[0].isupper())} {text}"
            out.append(text)
            norms.append(_norm_piece(text))
        return "".join(out)

    def add(self, text: str) -> str:
        """*text*, written into the page as it is (its names count for the chrome check)."""
        self.norms.append(_norm_piece(text))
        return text

    def fill(self, pattern: str, pid: str | None = None) -> str:
        """A pattern with {P}: a partner drawn for it (or *pid*), by its Vietnamese name."""
        pid = pid or self.any_partner()
        if pid not in self.partners:
            self.partners.append(pid)
        return self.add(pattern.replace("{P}", self.src.authority.partners[pid].name_vi))

    def partner_sentence(self) -> str:
        pid = self.any_partner()
        kind = self.src.authority.partners[pid].kind
        return self.fill(self.rng.choice(PARTNER_SENTENCES[kind]), pid)

    def person_sentence(self) -> str:
        pid = self.any_person()
        person = self.src.authority.people[pid]
        role = self.rng.choice(person.roles)["role_vi"] if person.roles else "Phó Chủ tịch UBND tỉnh"
        pattern = self.rng.choice(PERSON_SENTENCES)
        title = "đồng chí" if person.nationality in ("VN", "LA") and self.rng.random() < 0.5 else self.person_title(pid, False)
        return self.add(pattern.replace("{T}", title).replace("{N}", self.person_name(pid)).replace("{R}", role))


def _date_line(dt: datetime, fmt: int) -> str:
    if fmt == 0:
        return f"{dt:%H:%M} | {dt:%d/%m/%Y} GMT+7"
    if fmt == 1:
        return f"{dt:%Y-%m-%d %H:%M:%S}.0"
    return f"{dt:%d-%m-%Y %H:%M}"


def _lc_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def build_page(src: Source, seed: int, index: int) -> tuple[str, dict]:
    """The text of page *index* and what went into it. Depends only on (seed, index)."""
    rng = Random(f"gen_corpus:{seed}:{index}")
    style = rng.choices(STYLES, weights=STYLE_WEIGHTS)[0]
    days = (LAST_DAY - FIRST_DAY).days + 1
    dt = FIRST_DAY + timedelta(days=rng.randrange(days), hours=rng.randrange(6, 22), minutes=rng.randrange(60),
                               seconds=rng.randrange(60))
    page = Page(src, rng, dt.year)

    # First every template the page uses, then who replaces the partners and people they name.
    title_form = rng.random()
    title_tpl = rng.choice(src.titles) if title_form < 0.3 else rng.choice(src.headings)
    n_par = rng.randint(8, 25)
    lead_tpl = rng.choice(src.leads) if rng.random() < 0.5 else rng.choice(src.paragraphs)
    # Most articles name a handful of partners: the seed paragraphs are taken only while the
    # partners they name stay within a budget (paragraphs that name none always fit).
    budget = rng.choice(PARTNER_BUDGETS)
    named = set(title_tpl.partner_ids | lead_tpl.partner_ids)

    def fits(tpl: Template) -> bool:
        ids = tpl.partner_ids
        if ids and len(named | ids) > budget:
            return False
        named.update(ids)
        return True

    pool = [t for t in src.paragraphs + src.leads if t is not lead_tpl]
    body_tpls = [t for t in rng.sample(pool, len(pool)) if fits(t)][: n_par - 1]
    list_tpls = rng.sample(src.list_items, rng.randint(1, min(3, len(src.list_items)))) if rng.random() < 0.2 else []
    caption_tpls = []
    for _ in range(rng.randint(0, 3)):
        numbered = style == "portal" and src.numbered_captions and rng.random() < 0.25
        tpl = rng.choice(src.numbered_captions if numbered else src.captions)  # numbered: "Ảnh 1: …", no credit
        if tpl not in caption_tpls and fits(tpl):
            caption_tpls.append(tpl)
    heading_tpls = rng.sample(src.headings, min(rng.randint(0, 3), len(src.headings)))
    page.prepare([title_tpl, lead_tpl, *body_tpls, *list_tpls, *caption_tpls, *heading_tpls])

    # Title: a seed title, or a seed heading with a partner's name.
    if title_form < 0.3:
        title = page.render(title_tpl)
    elif title_form < 0.55:
        title = page.fill(f"Thái Nguyên và {{P}}: {_lc_first(page.render(title_tpl))}")
    elif title_form < 0.8:
        title = page.fill(f"{page.render(title_tpl)} với {{P}}")
    else:
        title = page.fill("Lãnh đạo tỉnh Thái Nguyên tiếp Đoàn công tác {P}")

    # Body blocks: (kind, text, credit).
    lead = page.render(lead_tpl)
    body = [page.render(t) for t in body_tpls]
    for _ in range(rng.choice((0, 1, 1, 2, 3))):
        k = rng.randrange(len(body))
        body[k] = f"{body[k]} {page.partner_sentence()}"
    if rng.random() < 0.35:
        k = rng.randrange(len(body))
        body[k] = f"{body[k]} {page.person_sentence()}"
    blocks: list[tuple[str, str, str | None]] = [("paragraph", t, None) for t in body]
    if list_tpls:  # a bulleted list after its introduction
        items = [page.render(t) for t in list_tpls]
        items += [page.fill(pattern) for pattern in rng.sample(LIST_ITEMS, rng.randint(1, 2))]
        rng.shuffle(items)
        k = rng.randint(1, len(blocks))
        blocks[k:k] = [("paragraph", LIST_INTRO, None)] + [("list", t, None) for t in items]
    for tpl in caption_tpls:
        text = page.render(tpl)
        numbered = text.startswith("Ảnh")
        credit = None if numbered else (tpl.credit if tpl.credit and rng.random() < 0.3 else rng.choice(CREDITS))
        blocks.insert(rng.randint(0, len(blocks)), ("caption", text, credit))
    n_caption = 0
    for i, (kind, text, _) in enumerate(blocks):
        if kind == "caption" and text.startswith("Ảnh"):
            n_caption += 1
            blocks[i] = (kind, re.sub(r"^Ảnh\s*\d+", f"Ảnh {n_caption}", text), None)
    headings = [page.render(t) for t in heading_tpls]
    headings += [page.fill(rng.choice(HEADING_EXTRA)) for _ in range(rng.randint(0, 1)) if len(headings) < 3]
    for h in headings:  # subheadings: never first or last, never two in a row
        spots = [k for k in range(1, len(blocks)) if blocks[k - 1][0] in ("paragraph", "caption")
                 and blocks[k][0] == "paragraph" and blocks[k][1] != LIST_INTRO]
        if not spots:
            break
        blocks.insert(rng.choice(spots), ("heading", h, None))

    # Partners named only in the chrome: ones the title and body do not name in any form.
    text_norm = " " + " ".join(n for n in page.norms + [_norm_piece(LIST_INTRO)] if n) + " "
    chrome_ids: list[str] = []
    for _ in range(rng.randint(1, 5)):
        pid = page.any_partner()
        if pid not in chrome_ids and not any(x in text_norm for x in src.partner_norms[pid]):
            chrome_ids.append(pid)
    names = src.authority.partners

    def headline(with_partner: bool, short: bool = False) -> str:
        """A related article's headline; *short*: one the converter knows as a bare headline
        (150 characters at most, no closing punctuation), as the thoidai site prints inline."""
        if with_partner and chrome_ids:
            return rng.choice(RELATED_HEADLINES).replace("{P}", names[rng.choice(chrome_ids)].name_vi)
        if not short and src.chrome_lines and rng.random() < 0.6:
            return rng.choice(src.chrome_lines)
        return rng.choice(GENERIC_HEADLINES).format(d=rng.randint(1, 28), m=rng.randint(1, 12))

    def summary() -> str:
        pid = rng.choice(chrome_ids) if chrome_ids else None
        text = rng.choice(RELATED_SUMMARIES)
        return text.format(d=rng.randint(1, 28), m=rng.randint(1, 12), P=names[pid].name_vi if pid else "các đối tác quốc tế")

    def related(count: int) -> str:
        out = []
        for _ in range(count):
            h = headline(rng.random() < 0.6)
            out.append(f"{h}\n\n{h}\n\n{summary()}")
        return "\n".join(out)

    # Byline.
    authors = rng.sample(AUTHORS, 2)
    lines: list[str] = []
    if style == "thoidai":
        lines += [rng.choice(THOIDAI_BREADCRUMBS), _date_line(dt, 0), "", title, "", "aa"]
        lead_group = [lead]
        if rng.random() < 0.6:  # the site's inline "related" box glued under the lead
            lead_group += [headline(True, short=True) for _ in range(rng.randint(1, 2))]
        lines.append("\n".join(lead_group))
    elif style == "portal":
        lines += ["Truy cập nội dung luôn", "", title, "", _date_line(dt, rng.choice((1, 2))), ""]
        if rng.random() < 0.3:
            lines += ["\u00a0", ""]
        lines.append(lead)
    else:
        lines += [title, "", _date_line(dt, rng.randrange(3)), "", lead]
    spacer = ["", "\u00a0", ""] if style == "portal" and rng.random() < 0.3 else [""]
    for kind, text, credit in blocks:
        if kind == "list" and lines and lines[-1].startswith(("- ", "• ")) and rng.random() < 0.5:
            lines[-1] += "\n- " + text
            continue
        lines += spacer
        if kind == "list":
            lines.append(("- " if rng.random() < 0.8 else "• ") + text)
        elif kind == "caption" and credit is None and text.startswith("Ảnh"):
            words = text.split(" ")
            cut = [k for k in range(4, len(words) - 2) if words[k][:1].islower()]
            if cut and rng.random() < 0.6:  # a caption broken over two lines, as the portal prints them
                k = rng.choice(cut)
                lines += [" ".join(words[:k]), "", " ".join(words[k:])]
            else:
                lines.append(text)
        elif kind == "caption":
            cap = f"{text} (Ảnh: {credit})" if rng.random() < 0.85 else f"{text} (Ảnh {credit})"
            if style == "thoidai" and rng.random() < 0.6:  # the image's alt text above its caption
                alt = title if rng.random() < 0.3 else text
                lines.append(f"{alt}\n{cap}")
            elif style == "baoxaydung" and rng.random() < 0.5:
                lines += [text, "", text]  # alt text and caption, both without credit
            else:
                lines.append(cap)
        else:
            lines.append(text)
    lines.append("")
    if style == "thoidai":
        if rng.random() < 0.4:  # related headlines doubled on one line, before the byline
            doubled = [headline(True, short=True) for _ in range(rng.randint(1, 2))]
            lines += ["\n".join(f"{h} {h}" for h in doubled), ""]
        aff = rng.random()
        byline = authors[0] if aff < 0.8 else f"{authors[0]} ({rng.choice(AFFILIATIONS[:2])})"
        lines += [f"{byline}\nNguồn:", "", "Tin bài liên quan", ""]
        if rng.random() < 0.8:
            lines += [related(rng.randint(1, 3)), ""]
        lines += ["Các tin bài khác", "", related(rng.randint(2, 4)), "", "Đọc nhiều", "", related(rng.randint(2, 4))]
        extra = [headline(False) for _ in range(rng.randint(2, 6))]
        lines.append("\n".join(extra + ["Xin chờ trong giây lát..."]))
        lines.append("Phiên bản di động")
        source_url = None
    elif style == "portal":
        counter = [f"Đang truy cập: {rng.randint(100, 9999)}", "", f"Tổng truy cập: {rng.randint(1_000_000, 9_999_999)}"]
        v = rng.random()
        if v < 0.45:  # the visitor counter glued to the byline
            lines += [f"{authors[0]} – Văn phòng SởThống kê truy cập", ""] + counter
        else:
            by = f"{authors[0]} ({AFFILIATIONS[0]})" if v < 0.8 else f"{authors[0]} – {AFFILIATIONS[2]}"
            lines.append(f"{by}\nthainguyen.gov.vn" if rng.random() < 0.5 else by)
            lines.append("")
            if rng.random() < 0.4:
                lines += ["Tin liên quan", "", "\n".join(headline(True) for _ in range(rng.randint(2, 4))), ""]
            lines += ["Thống kê truy cập", ""] + counter
        source_url = None
    else:
        from tnarchive.text import slugify

        if rng.random() >= 0.6:
            authors = authors[:1]
        by = " - ".join(authors)
        lines += [f"{by} (Ảnh: {rng.choice(CREDITS)})" if rng.random() < 0.7 else by, ""]
        source_url = f"https://baoxaydung.com.vn/{slugify(title, max_length=120)}-{rng.randint(100000, 999999)}.html"
        lines.append(f"Nguồn Xây Dựng: {source_url}")
    text = "\n".join(lines)
    kinds = collections.Counter(kind for kind, _, _ in blocks)
    info = {
        "style": style,
        "date": f"{dt:%Y-%m-%dT%H:%M}:00+07:00",
        "title": title,
        "authors": authors[:1] if style != "baoxaydung" else authors,
        "source_url": source_url,
        "blocks": {"paragraphs": 1 + kinds["paragraph"], "headings": kinds["heading"], "captions": kinds["caption"],
                   "list_items": kinds["list"]},
        "partners": page.partners,
        "people": page.people,
        "chrome_partners": chrome_ids,
    }
    return text, info


# ---------------------------------------------------------------------------------------------
# Encodings.

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as old Vietnamese pages use it: tone marks as combining characters."""
    table = {}
    for ch in set(text):
        d = unicodedata.normalize("NFD", ch)
        if len(d) > 1 and any(c in _TONES for c in d):
            base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))
            table[ord(ch)] = base + "".join(c for c in d if c in _TONES)
    return text.translate(table).encode("cp1258")


def encode(text: str, variant: str | None) -> tuple[bytes, str]:
    if variant == "cp1258":
        try:
            return to_cp1258(text), "cp1258"
        except UnicodeEncodeError:  # a name Windows-1258 cannot spell: keep the page readable
            variant = "utf-8-sig"
    if variant == "utf-16":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "utf-16"
    if variant == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8"), "utf-8-sig"
    if variant == "crlf":
        return text.replace("\n", "\r\n").encode("utf-8"), "crlf"
    return text.encode("utf-8"), "utf-8"


def encoding_for(seed: int, index: int) -> str | None:
    """One page in every run of ENCODING_EVERY gets a legacy encoding, cycling through the variants."""
    block = index // ENCODING_EVERY
    rb = Random(f"gen_corpus:{seed}:encoding:{block}")
    if index % ENCODING_EVERY != rb.randrange(ENCODING_EVERY):
        return None
    offset = Random(f"gen_corpus:{seed}:encoding").randrange(len(ENCODING_VARIANTS))
    return ENCODING_VARIANTS[(block + offset) % len(ENCODING_VARIANTS)]


# ---------------------------------------------------------------------------------------------
# The corpus folder.


def _ignore_articles(docs: Path):
    def ignore(folder: str, names: list[str]) -> list[str]:
        here = Path(folder)
        return ["articles"] if here.parent == docs and here.name in ("vi", "en") and "articles" in names else []
    return ignore


def copy_project(out: Path, root: Path = ROOT) -> None:
    """data/, docs/ (without the articles), mkdocs.yml and overrides/: what a build needs besides seeds."""
    shutil.copytree(root / "data", out / "data", dirs_exist_ok=True)
    shutil.copytree(root / "docs", out / "docs", dirs_exist_ok=True, ignore=_ignore_articles(root / "docs"))
    shutil.copytree(root / "overrides", out / "overrides", dirs_exist_ok=True)
    shutil.copy2(root / "mkdocs.yml", out / "mkdocs.yml")


_JOB: dict = {}  # what the worker processes need, set before they are forked


def _write_page(i: int) -> tuple[str, int, str, dict]:
    job = _JOB
    text, info = build_page(job["src"], job["seed"], i)
    data, enc = encode(text, encoding_for(job["seed"], i) if job["encodings"] else None)
    name = f"{i:0{job['width']}d}_{hashlib.sha256(data).hexdigest()[:16]}.txt"
    (job["seeds"] / name).write_bytes(data)
    return name, len(data), enc, info


def _pages(count: int, jobs: int):
    """(name, size, encoding, info) of every page, in order, written by *jobs* processes."""
    import multiprocessing as mp

    if jobs > 1 and count >= 200 and "fork" in mp.get_all_start_methods():
        with mp.get_context("fork").Pool(jobs) as pool:
            yield from pool.imap(_write_page, range(count), chunksize=50)
    else:
        yield from map(_write_page, range(count))


def generate(count: int, out: Path, seed: int = 1, encodings: bool = False, root: Path = ROOT,
             jobs: int = 1) -> dict:
    """Write *count* pages into out/seeds/, the project copies and out/corpus.json. Returns totals.

    Page i depends only on (seed, i), so the files are the same whatever *jobs* is.
    """
    out = out.resolve()
    if out == root.resolve() or root.resolve().is_relative_to(out):
        raise SystemExit(f"error: --out {out} would overwrite the project itself; choose another folder")
    seeds = out / "seeds"
    if seeds.is_dir():
        strangers = sorted(p.name for p in seeds.iterdir() if not GENERATED_NAME.match(p.name))
        if strangers:
            raise SystemExit(f"error: {seeds} holds files this script did not write ({', '.join(strangers[:3])}…); "
                             "choose an empty folder")
        for p in seeds.iterdir():
            p.unlink()
    seeds.mkdir(parents=True, exist_ok=True)
    copy_project(out, root)
    _JOB.update(src=load_source(root), seed=seed, encodings=encodings, seeds=seeds,
                width=max(5, len(str(count - 1))))
    total = encoded = 0
    pages = []
    for name, size, enc, info in _pages(count, jobs):
        encoded += enc != "utf-8"
        total += size
        pages.append({"file": name, "encoding": enc, **info})
    manifest = {
        "generator": "scripts/gen_corpus.py",
        "note": "SYNTHETIC pages for benchmarks, recombined from the project's seeds: not real articles.",
        "seed": seed,
        "count": count,
        "encodings": encodings,
        "pages": pages,
    }
    (out / "corpus.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                     encoding="utf-8")
    return {"pages": count, "bytes": total, "encoded": encoded}


# ---------------------------------------------------------------------------------------------
# Placeholder translations (a second step: they need the converted articles' slugs and bodies).


def _en_filler(rng: Random, length: int) -> str:
    out: list[str] = []
    while not out or sum(len(s) + 1 for s in out) < 0.9 * length:
        out.append(rng.choice(EN_FILLER))
    return " ".join(out)


def write_translations(project_dir: Path | str, share: float = 0.3, seed: int = 1,
                       en_dir: Path | str | None = None) -> list[Path]:
    """Write placeholder English translations for about *share* of the converted articles.

    Reads project_dir/docs/vi/articles/*.md (written by `tnarchive convert`) and writes
    en_dir/<slug>.md (default project_dir/docs/en/articles) in the project's translation format,
    with `translation.source_sha256` set to the SHA-256 of the Vietnamese body, so the site
    treats them as current, and the same blocks in the same order. The English text is
    filler, labelled as such (translator "synthetic benchmark placeholder"). Placeholders
    written earlier for articles no longer chosen are removed; other files are never touched.
    Returns the files written or already up to date.
    """
    import frontmatter
    import yaml

    from tnarchive.render import escape
    from tnarchive.site.catalog import body_sha256, parse_blocks

    project_dir = Path(project_dir)
    vi_dir = project_dir / "docs" / "vi" / "articles"
    en_dir = Path(en_dir) if en_dir else project_dir / "docs" / "en" / "articles"
    en_dir.mkdir(parents=True, exist_ok=True)
    partners = (yaml.safe_load((project_dir / "data" / "partners.yml").read_text(encoding="utf-8")) or {}).get("partners") or []
    name_en = {p["id"]: p["name_en"] for p in partners}
    name_vi = {p["id"]: p["name_vi"] for p in partners}
    slugs = sorted(p.stem for p in vi_dir.glob("*.md"))
    chosen = sorted(Random(f"gen_corpus:{seed}:translations").sample(slugs, round(share * len(slugs))))
    keep = set(chosen)
    for path in sorted(en_dir.glob("*.md")):  # our own placeholders for articles no longer chosen
        if path.stem not in keep and _is_placeholder(path):
            path.unlink()
    written: list[Path] = []
    for slug in chosen:
        target = en_dir / f"{slug}.md"
        if target.exists() and not _is_placeholder(target):
            continue  # a real translation
        post = frontmatter.load(vi_dir / f"{slug}.md")
        meta = post.metadata
        rng = Random(f"gen_corpus:{seed}:translation:{slug}")
        ids = [p for p in meta.get("partners") or [] if p in name_en]
        ids.sort(key=lambda p: name_vi[p] not in (meta.get("title") or ""))  # the one the title names first
        title = (f"Thai Nguyen and {name_en[ids[0]]} (synthetic placeholder)" if ids
                 else "Thai Nguyen's foreign relations (synthetic placeholder)")
        parts: list[str] = []
        summary = None
        n_heading = n_caption = 0
        for b in parse_blocks(post.content):
            if b.kind == "title":
                parts.append(f"# {escape(title)}")
            elif b.kind == "heading":
                n_heading += 1
                parts.append(f"## {escape(f'Section {n_heading} (synthetic placeholder)')}")
            elif b.kind == "list":
                parts.append("\n".join(f"- {escape(_en_filler(rng, len(item)))}" for item in b.text.split("\n")))
            elif b.kind == "caption":
                n_caption += 1
                parts.append(f"{escape(f'Photo {n_caption}: synthetic placeholder caption.')}\n{{: .caption }}")
            elif b.kind == "lead":
                summary = "Synthetic benchmark placeholder, not a translation. " + _en_filler(rng, len(b.text))
                parts.append(f"{escape(summary)}\n{{: .lead }}")
            else:
                parts.append(escape(_en_filler(rng, len(b.text))))
        front = {
            "title": title,
            "summary": summary or "Synthetic benchmark placeholder, not a translation.",
            "lang": "en",
            "translation": {
                "of": meta.get("slug") or slug,
                "seed": (meta.get("provenance") or {}).get("seed"),
                "source_sha256": body_sha256(post.content),
                "translator": TRANSLATOR,
                "date": TRANSLATION_DATE,
                "notes": ["Synthetic placeholder written by scripts/gen_corpus.py for benchmarks: "
                          "the English text is filler, not a translation of the Vietnamese article."],
            },
        }
        doc = ("---\n# Synthetic benchmark placeholder (scripts/gen_corpus.py): not a translation.\n"
               + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=100000)
               + "---\n\n" + "\n\n".join(parts) + "\n")
        data = doc.encode("utf-8")
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
        written.append(target)
    return written


def _is_placeholder(path: Path) -> bool:
    head = path.read_text(encoding="utf-8", errors="replace")[:4000]
    return f"translator: {TRANSLATOR}" in head


def tnarchive_command() -> list[str]:
    """The installed `tnarchive` next to this Python, or the package's CLI through this Python."""
    exe = Path(sys.executable).parent / "tnarchive"
    if exe.exists():
        return [str(exe)]
    return [sys.executable, "-c", "import sys; from tnarchive.cli import main; sys.exit(main())"]


# ---------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="gen_corpus.py",
        description=(
            "Generate a SYNTHETIC corpus of raw article pages for benchmarks: Vietnamese text recombined "
            "from the body paragraphs of the real seeds (read with tnarchive's own pipeline), 8-25 paragraphs, "
            "0-3 subheadings, 0-3 captions with photo credits, sometimes a list, dates spread over 2006-2025 "
            "in the seeds' header formats, partners and people from data/ with Zipf-like frequencies, and the "
            "chrome of the three sites the seeds come from (related-article blocks naming other partners, "
            "visitor counters, source lines). Writes OUT/seeds/NNNNN_<16 hex>.txt, copies of data/, docs/ "
            "(without the articles), mkdocs.yml and overrides/, and OUT/corpus.json (what each page contains), "
            "so that `cd OUT && tnarchive convert && mkdocs build` builds an archive of that size."),
        epilog=(
            "Example: .venv/bin/python scripts/gen_corpus.py --count 5000 --out /tmp/corpus --seed 1 --encodings. "
            "The same --seed and --count give byte-identical files; page N is the same whatever --count is. "
            "Prints one summary line: pages, bytes, time. To add the translations after converting yourself, call "
            "write_translations(OUT, share=0.3, seed=SEED) from this file (python -c 'import sys; "
            "sys.path.insert(0, \"scripts\"); import gen_corpus; gen_corpus.write_translations(\"/tmp/corpus\")')."),
    )
    parser.add_argument("--count", type=int, required=True, metavar="N", help="number of pages to write (1 or more)")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR",
                        help="folder for the corpus (created; its seeds/ is replaced; never the project itself)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    parser.add_argument("--encodings", action="store_true",
                        help="save about 5%% of the pages as Windows-1258 with combining tone marks, UTF-16 with BOM, "
                             "UTF-8 with BOM or with CRLF line ends (one page in every 20), as the converter must decode")
    parser.add_argument("--jobs", type=int, default=min(os.cpu_count() or 1, 8), metavar="N",
                        help="processes that write pages (default: the number of CPUs, at most 8); "
                             "the output does not depend on it")
    parser.add_argument("--translations", type=Path, metavar="DIR",
                        help="also convert the pages (tnarchive convert in OUT) and write placeholder English "
                             "translations, clearly labelled as synthetic, for about 30%% of the articles into DIR "
                             "(usually OUT/docs/en/articles); reports/review.md in OUT predates them")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be 1 or more")
    translations = args.translations.resolve() if args.translations else None
    out = args.out.resolve()

    t0 = time.perf_counter()
    stats = generate(args.count, out, seed=args.seed, encodings=args.encodings, jobs=max(1, args.jobs))
    elapsed = time.perf_counter() - t0
    line = (f"gen_corpus: {stats['pages']} pages, {stats['bytes']} bytes ({stats['bytes'] / 1048576:.1f} MiB), "
            f"{stats['encoded']} re-encoded, in {out / 'seeds'} in {elapsed:.2f} s (seed {args.seed})")
    status = 0
    if translations:
        t1 = time.perf_counter()
        proc = subprocess.run([*tnarchive_command(), "convert", "--no-progress"], cwd=out,
                              capture_output=True, text=True)
        t2 = time.perf_counter()
        if proc.returncode != 0:
            sys.stderr.write(proc.stdout + proc.stderr)
            status = proc.returncode
            if proc.returncode == 2:
                print(line)
                return status
        written = write_translations(out, share=0.3, seed=args.seed, en_dir=translations)
        line += (f"; converted in {t2 - t1:.2f} s; {len(written)} placeholder translations in {translations} "
                 f"in {time.perf_counter() - t2:.2f} s")
    print(line)
    return status


if __name__ == "__main__":
    sys.exit(main())
