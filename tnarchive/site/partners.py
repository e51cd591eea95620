"""A page per partner and the partner index: the archive's tag pages."""
from __future__ import annotations

from markupsafe import Markup

from ..catalog.model import Catalog, Event
from .l10n import format_date, kind_label, t
from .markup import a, article_list, html, page, page_key, page_url, paged, pager, partner_name


EVENTS_SHOWN = 100


def partner_pages(cat: Catalog, pid: str, lang: str) -> dict[str, str]:
    """The partner's page, and numbered pages when it is named in more than PER_PAGE articles."""
    return paged(pid, cat.by_partner.get(pid, []), lambda n, arts, total: partner_page(cat, pid, lang, n, arts, total))


def partner_page(cat: Catalog, pid: str, lang: str, n: int = 1, arts=None, total_pages: int = 1) -> str:
    here = page_url("partners", page_key(pid, n), lang)
    p = cat.authority.partners[pid]
    name = partner_name(cat, pid, lang)
    other = p.name_en if lang == "vi" else p.name_vi
    parts = [html('<p class="tna-subtitle" lang="{}">{}</p>', "en" if lang == "vi" else "vi", other)] if other != name else []
    facts = [(t(lang, "kind"), kind_label(p.kind, lang))]
    chain = cat.ancestors(pid)
    if chain:
        crumbs = Markup(" → ").join(a(here, page_url("partners", x, lang), partner_name(cat, x, lang)) for x in chain)
        facts.append((t(lang, "within"), crumbs))
    kids = cat.children(pid)
    if kids:
        facts.append((t(lang, "includes"), Markup(", ").join(
            a(here, page_url("partners", k, lang), partner_name(cat, k, lang)) for k in kids)))
    if p.aliases:
        facts.append((t(lang, "aliases"), ", ".join(p.aliases)))
    parts.append(html('<table class="tna-facts">{}</table>', 
        Markup("").join(html("<tr><th>{}</th><td>{}</td></tr>", k, v) for k, v in facts)))
    all_arts = cat.by_partner.get(pid, [])
    arts = all_arts if arts is None else arts
    parts.append(html('<h2 id="articles">{} ({})</h2>', t(lang, "mentioned_in"), len(all_arts)))
    parts.append(pager("partners", pid, n, total_pages, lang, here))
    parts.append(article_list(cat, arts, lang, here, with_partners=False))
    parts.append(pager("partners", pid, n, total_pages, lang, here))
    events = events_of(cat, pid)[:EVENTS_SHOWN] if n == 1 else []
    if events:
        parts.append(html('<h2 id="timeline">{}</h2>', t(lang, "partner_timeline")))
        parts.append(event_list(cat, events, lang, here))
    title = name if n == 1 else f"{name} ({n}/{total_pages})"
    return page(title, Markup("\n").join(parts))


def events_of(cat: Catalog, pid: str) -> list[Event]:
    """The events naming a partner, newest first (grouped once per build, not scanned per page)."""
    by = cat.memo.get("events_by_partner")
    if by is None:
        by = cat.memo["events_by_partner"] = {}
        for e in cat.events:
            for p in dict.fromkeys(e.partners):
                by.setdefault(p, []).append(e)
    return by.get(pid, [])


def event_list(cat: Catalog, events: list[Event], lang: str, here: str) -> Markup:
    items = []
    for e in events:
        art = cat.by_slug[e.article]
        text, text_lang = (e.text_en, None) if lang == "en" and e.text_en else (e.text, "vi" if lang == "en" else None)
        quote = html('<q lang="vi">{}</q>', text) if text_lang else html("<q>{}</q>", text)
        cite = a(here, f"{art.url(lang)}#{e.anchor}", art.title_in(lang), "tna-cite")
        items.append(html('<li><span class="tna-when">{}</span> {} <span class="tna-source">({}: {})</span></li>', 
            format_date(e.date, e.precision, lang), quote, t(lang, "event_source"), cite))
    return html('<ul class="tna-events">{}</ul>', Markup("\n").join(items))


def partner_index(cat: Catalog, lang: str) -> str:
    here = page_url("partners", "index", lang)
    partners = cat.authority.partners
    countries = sorted((p for p in partners.values() if p.kind == "country"), key=lambda p: partner_name(cat, p.id, lang))
    parts = []

    def count(pid: str) -> int:
        return len(cat.by_partner.get(pid, []))

    def row(pid: str) -> Markup:
        return Markup("<li>{} <span class=\"tna-kind\">{}</span> <span class=\"tna-count\">{}</span></li>").format(
            a(here, page_url("partners", pid, lang), partner_name(cat, pid, lang)),
            kind_label(partners[pid].kind, lang), t(lang, "count_articles", n=count(pid)))

    placed = set()
    for c in countries:
        members = sorted((p.id for p in partners.values() if cat.authority.country_of(p.id) == c.id and p.id != c.id),
                         key=lambda i: (partners[i].kind, partner_name(cat, i, lang)))
        placed.update(members + [c.id])
        total = len({x.slug for m in members + [c.id] for x in cat.by_partner.get(m, [])})
        parts.append(html('<h2 id="{}">{} <span class="tna-count">{}</span></h2>', 
            c.id, a(here, page_url("partners", c.id, lang), partner_name(cat, c.id, lang)), t(lang, "count_articles", n=total)))
        if members:
            parts.append(html('<ul class="tna-partners">{}</ul>', Markup("").join(row(m) for m in members)))
    rest = sorted((i for i in partners if i not in placed), key=lambda i: partner_name(cat, i, lang))
    if rest:
        parts.append(html('<h2 id="other">{}</h2><ul class="tna-partners">{}</ul>', 
            t(lang, "other_partners"), Markup("").join(row(m) for m in rest)))
    return page(t(lang, "partners"), Markup("\n").join(parts))
