"""A page per person and the people index."""
from __future__ import annotations

from markupsafe import Markup

from ..catalog.model import Catalog
from .l10n import HOME_COUNTRY, format_date, t
from .markup import a, article_list, html, page, page_key, page_url, paged, pager, partner_name, person_lang, person_name


def nationality(cat: Catalog, code: str, lang: str, here: str) -> Markup | str:
    """"KR" → a link to the Republic of Korea's partner page; "VN" → "Việt Nam"."""
    code = code.upper()
    for p in cat.authority.partners.values():
        if p.kind == "country" and p.iso2 == code:
            return a(here, page_url("partners", p.id, lang), partner_name(cat, p.id, lang))
    if code in HOME_COUNTRY:
        return HOME_COUNTRY[code][0 if lang == "vi" else 1]
    return code


def person_pages(cat: Catalog, pid: str, lang: str) -> dict[str, str]:
    """The person's page, and numbered pages when named in more than PER_PAGE articles."""
    return paged(pid, cat.by_person.get(pid, []), lambda n, arts, total: person_page(cat, pid, lang, n, arts, total))


def person_page(cat: Catalog, pid: str, lang: str, n: int = 1, arts=None, total_pages: int = 1) -> str:
    here = page_url("people", page_key(pid, n), lang)
    person = cat.authority.people[pid]
    parts = []
    facts = []
    if lang == "en" and person.name_en and person.name_en != person.name:
        facts.append((t(lang, "name_vi"), html('<span lang="vi">{}</span>', person.name)))
    if person.nationality:
        facts.append((t(lang, "nationality"), nationality(cat, person.nationality, lang, here)))
    if person.aliases:
        facts.append((t(lang, "aliases"), ", ".join(person.aliases)))
    if facts:
        parts.append(html('<table class="tna-facts">{}</table>', 
            Markup("").join(html("<tr><th>{}</th><td>{}</td></tr>", k, v) for k, v in facts)))
    roles = sorted(person.roles, key=lambda r: str(r.get("date") or ""), reverse=True)
    if roles:
        by_seed = cat.memo.get("by_seed")
        if by_seed is None:  # once per build, not once per person
            by_seed = cat.memo["by_seed"] = {x.seed: x for x in cat.articles}
        items = []
        for r in roles:
            label = r.get("role_vi") if lang == "vi" else (r.get("role_en") or (r.get("role_vi") and html('<span lang="vi">{}</span>', r["role_vi"])))
            art = by_seed.get(r.get("seed"))
            cite = html(" ({})", a(here, art.url(lang), art.title_in(lang))) if art else ""
            items.append(Markup("<li><span class=\"tna-when\">{}</span> {}{}</li>").format(
                format_date(str(r.get("date") or ""), "day", lang), label, cite))
        parts.append(html('<h2 id="roles">{}</h2><ul class="tna-roles">{}</ul>', t(lang, "roles"), Markup("").join(items)))
    all_arts = cat.by_person.get(pid, [])
    arts = all_arts if arts is None else arts
    parts.append(html('<h2 id="articles">{} ({})</h2>', t(lang, "mentioned_in"), len(all_arts)))
    parts.append(pager("people", pid, n, total_pages, lang, here))
    parts.append(article_list(cat, arts, lang, here))
    parts.append(pager("people", pid, n, total_pages, lang, here))
    name = person_name(cat, pid, lang)
    return page(name if n == 1 else f"{name} ({n}/{total_pages})", Markup("\n").join(parts),
                title_lang=person_lang(cat, pid, lang))


def people_index(cat: Catalog, lang: str) -> str:
    here = page_url("people", "index", lang)
    people = sorted(cat.authority.people.values(), key=lambda p: (p.name_ascii.split()[-1:], p.name_ascii))
    items = []
    for p in people:
        latest = sorted(p.roles, key=lambda r: str(r.get("date") or ""))[-1:] if p.roles else []
        role = (latest[0].get("role_vi") if lang == "vi" else latest[0].get("role_en")) if latest else ""
        items.append(html('<li>{} <span class="tna-role">{}</span> <span class="tna-count">{}</span></li>', 
            a(here, page_url("people", p.id, lang), person_name(cat, p.id, lang), lang=person_lang(cat, p.id, lang)), role or "",
            t(lang, "count_articles", n=len(cat.by_person.get(p.id, [])))))
    return page(t(lang, "people"), html('<ul class="tna-people">{}</ul>', Markup("\n").join(items)))
