"""An article composed from the seeds' templates: a date, a title, the lead and the blocks after it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from random import Random

from .page import Page
from .phrases import CREDITS, HEADING_EXTRA, LIST_INTRO, LIST_ITEMS
from .sources import Source, Template

FIRST_DAY = datetime(2006, 1, 1)
LAST_DAY = datetime(2025, 12, 31)
PARTNER_BUDGETS = (1, 2, 2, 3, 3, 3, 4, 4, 5, 6, 8, 12)  # distinct seed partners a page may reuse


@dataclass
class Article:
    """An article composed from the seeds, before any site's chrome is put around it."""
    style: str  # the site whose chrome it gets (STYLES); portal pages number some captions
    dt: datetime
    title: str
    lead: str
    blocks: list[tuple[str, str, str | None]]  # (kind, text, photo credit), after the lead
    page: Page  # the partners and people it names, and its words (for the chrome check)


@dataclass
class _Templates:
    """The seed templates one article is made of."""
    title_form: float  # which of the four title forms (see _title)
    title: Template
    lead: Template
    body: list[Template]
    items: list[Template]  # list items (usually none)
    captions: list[Template]
    headings: list[Template]

    def all(self) -> list[Template]:
        return [self.title, self.lead, *self.body, *self.items, *self.captions, *self.headings]


def compose_article(src: Source, rng: Random, style: str) -> Article:
    """A date, the seed templates, who replaces the partners and people they name, then the title
    and the blocks."""
    days = (LAST_DAY - FIRST_DAY).days + 1
    dt = FIRST_DAY + timedelta(days=rng.randrange(days), hours=rng.randrange(6, 22), minutes=rng.randrange(60),
                               seconds=rng.randrange(60))
    page = Page(src, rng, dt.year)
    tpls = _pick_templates(src, rng, style)
    page.prepare(tpls.all())
    title = _title(page, tpls)
    lead = page.render(tpls.lead)
    return Article(style, dt, title, lead, _blocks(page, rng, tpls), page)


def _pick_templates(src: Source, rng: Random, style: str) -> _Templates:
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
    return _Templates(title_form, title_tpl, lead_tpl, body_tpls, list_tpls, caption_tpls, heading_tpls)


def _title(page: Page, tpls: _Templates) -> str:
    """A seed title, or a seed heading with a partner's name."""
    if tpls.title_form < 0.3:
        return page.render(tpls.title)
    if tpls.title_form < 0.55:
        return page.fill(f"Thái Nguyên và {{P}}: {_lc_first(page.render(tpls.title))}")
    if tpls.title_form < 0.8:
        return page.fill(f"{page.render(tpls.title)} với {{P}}")
    return page.fill("Lãnh đạo tỉnh Thái Nguyên tiếp Đoàn công tác {P}")


def _lc_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _blocks(page: Page, rng: Random, tpls: _Templates) -> list[tuple[str, str, str | None]]:
    """The paragraphs after the lead (a partner or person sentence added to some), a list after
    its introduction, captions (numbered ones renumbered in order) and subheadings."""
    body = [page.render(t) for t in tpls.body]
    for _ in range(rng.choice((0, 1, 1, 2, 3))):
        k = rng.randrange(len(body))
        body[k] = f"{body[k]} {page.partner_sentence()}"
    if rng.random() < 0.35:
        k = rng.randrange(len(body))
        body[k] = f"{body[k]} {page.person_sentence()}"
    blocks: list[tuple[str, str, str | None]] = [("paragraph", t, None) for t in body]
    if tpls.items:  # a bulleted list after its introduction
        items = [page.render(t) for t in tpls.items]
        items += [page.fill(pattern) for pattern in rng.sample(LIST_ITEMS, rng.randint(1, 2))]
        rng.shuffle(items)
        k = rng.randint(1, len(blocks))
        blocks[k:k] = [("paragraph", LIST_INTRO, None)] + [("list", t, None) for t in items]
    for tpl in tpls.captions:
        text = page.render(tpl)
        numbered = text.startswith("Ảnh")
        credit = None if numbered else (tpl.credit if tpl.credit and rng.random() < 0.3 else rng.choice(CREDITS))
        blocks.insert(rng.randint(0, len(blocks)), ("caption", text, credit))
    n_caption = 0
    for i, (kind, text, _) in enumerate(blocks):
        if kind == "caption" and text.startswith("Ảnh"):
            n_caption += 1
            blocks[i] = (kind, re.sub(r"^Ảnh\s*\d+", f"Ảnh {n_caption}", text), None)
    headings = [page.render(t) for t in tpls.headings]
    headings += [page.fill(rng.choice(HEADING_EXTRA)) for _ in range(rng.randint(0, 1)) if len(headings) < 3]
    for h in headings:  # subheadings: never first or last, never two in a row
        spots = [k for k in range(1, len(blocks)) if blocks[k - 1][0] in ("paragraph", "caption")
                 and blocks[k][0] == "paragraph" and blocks[k][1] != LIST_INTRO]
        if not spots:
            break
        blocks.insert(rng.choice(spots), ("heading", h, None))
    return blocks
