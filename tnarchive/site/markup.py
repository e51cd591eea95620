"""Small HTML helpers for the derived pages. Every piece of text goes through `escape`.

URLs are site-root-relative ("en/partners/korea.html") until the last moment, when `rel`
makes them relative to the page that links them: the site then works from any sub-path
and from file://.
"""
from __future__ import annotations

import posixpath

from markupsafe import Markup, escape

from ..catalog.model import Article, Catalog
from .l10n import format_date, t


def prefix(lang: str) -> str:
    return "" if lang == "vi" else "en/"


def page_url(kind: str, key: str, lang: str) -> str:
    """kind: articles | partners | people | timeline; key: slug, id, year or "index"."""
    return f"{prefix(lang)}{kind}/{key}.html"


def html(template: str, *args) -> Markup:
    """Markup(template).format(*args), several times faster: each argument goes through markupsafe's
    escape (in C; Markup arguments are kept as they are). Only for plain "{}" fields."""
    return Markup(template.format(*[escape(x) for x in args]))


def rel(from_url: str, to_url: str) -> str:
    """*to_url* relative to the page at *from_url* (both site-root-relative file URLs), as
    posixpath.relpath(to_url, dirname(from_url)) gives it, without relpath's calls to os.getcwd."""
    if not to_url or to_url.endswith("/") or to_url.startswith(("/", "./", "../")):
        return posixpath.relpath(to_url, posixpath.dirname(from_url) or ".")
    base = from_url.split("/")[:-1]
    target = to_url.split("/")
    i = 0
    while i < len(base) and i < len(target) - 1 and base[i] == target[i]:
        i += 1
    return "/".join([".."] * (len(base) - i) + target[i:])


def a(from_url: str, to_url: str, text: str, cls: str | None = None, lang: str | None = None) -> Markup:
    attrs = f' class="{escape(cls)}"' if cls else ""
    if lang:
        attrs += f' lang="{escape(lang)}"'
    return Markup(f'<a href="{escape(rel(from_url, to_url))}"{attrs}>{escape(text)}</a>')


def partner_name(cat: Catalog, pid: str, lang: str) -> str:
    p = cat.authority.partners[pid]
    return p.name_vi if lang == "vi" else p.name_en


def person_name(cat: Catalog, pid: str, lang: str) -> str:
    p = cat.authority.people[pid]
    return p.name if lang == "vi" else (p.name_en or p.name)


def person_lang(cat: Catalog, pid: str, lang: str) -> str | None:
    """"vi" where an English page shows a Vietnamese name in its Vietnamese spelling (no English form
    recorded), so a screen reader pronounces it as Vietnamese; None where the page's language fits."""
    p = cat.authority.people[pid]
    return "vi" if lang == "en" and not p.name_en and (p.nationality or "").upper() == "VN" else None


def chips(cat: Catalog, ids: list[str], kind: str, lang: str, here: str) -> Markup:
    if kind == "partners":
        return Markup(" ").join(a(here, page_url(kind, i, lang), partner_name(cat, i, lang), "tna-chip") for i in ids)
    return Markup(" ").join(a(here, page_url(kind, i, lang), person_name(cat, i, lang), "tna-chip", person_lang(cat, i, lang))
                            for i in ids)


def time_tag(art: Article, lang: str) -> Markup:
    if not art.date:
        return html('<span class="tna-date">{}</span>', t(lang, "undated"))
    return html('<time class="tna-date" datetime="{}">{}</time>', 
        art.date, format_date(art.date, art.date_precision, lang)
    )


# (slug, language, folder, with partners) → (the digest it was made from, the item): kept across
# the rebuilds of `mkdocs serve`, so that after an edit only the edited article's items are made again.
_ITEMS: dict[tuple, tuple[bytes, Markup]] = {}


def article_item(cat: Catalog, art: Article, lang: str, here: str, with_partners: bool = True) -> Markup:
    """One article in a list. An article is listed on many pages (its year's, its partners', its
    people's): its item is made once per folder of those pages, since links are relative to it.
    With the loader's digests (what the item shows: the article's metadata and data/), items are
    kept for the process and made again only when the digest changes; without, for one catalog."""
    key = (art.slug, lang, here.rpartition("/")[0], with_partners)
    digest = cat.digests.get(art.slug)
    store = _ITEMS if digest is not None else cat.memo.setdefault("article_items", {})
    kept = store.get(key)
    if kept is None or kept[0] != digest:
        kept = store[key] = (digest, _article_item(cat, art, lang, here, with_partners))
    return kept[1]


def _article_item(cat: Catalog, art: Article, lang: str, here: str, with_partners: bool) -> Markup:
    title_lang = None if lang == "vi" or art.translation else "vi"
    parts = [time_tag(art, lang), a(here, art.url(lang), art.title_in(lang), "tna-title", title_lang)]
    if with_partners and art.partners:
        parts.append(html('<span class="tna-chips">{}</span>', chips(cat, art.partners[:6], "partners", lang, here)))
    return html("<li>{}</li>", Markup(" ").join(parts))


def article_list(cat: Catalog, arts: list[Article], lang: str, here: str, with_partners: bool = True) -> Markup:
    if not arts:
        return html("<p>{}</p>", t(lang, "no_articles"))
    items = Markup("\n").join(article_item(cat, x, lang, here, with_partners) for x in arts)
    return html('<ul class="tna-list">\n{}\n</ul>', items)


def page(title: str, body: Markup, description: str | None = None, title_lang: str | None = None) -> str:
    """A generated page's Markdown: YAML front matter, then one raw HTML block (no blank lines inside).
    *title_lang*: the title's language where it is not the page's (a Vietnamese name on an English
    page); the page then carries its own <h1 lang=…>, which Material shows instead of its own."""
    import yaml

    meta = {"title": title}
    if description:
        meta["description"] = description
    if title_lang:
        body = html('<h1 lang="{}">{}</h1>\n{}', title_lang, title, body)
    block = "\n".join(line for line in str(body).split("\n") if line.strip())
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True, width=100000)}---\n\n<div class=\"tna-page\">\n{block}\n</div>\n"


PER_PAGE = 100  # articles on one page of a partner or person; more go to numbered pages


def pages_of(items: list, per_page: int = PER_PAGE) -> list[list]:
    return [items[i : i + per_page] for i in range(0, len(items), per_page)] or [[]]


def paged(key: str, items: list, render) -> dict[str, str]:
    """render(n, items of page n, number of pages) for every page of a listing: korea, korea-p2, …"""
    chunks = pages_of(items)
    return {page_key(key, n): render(n, chunk, len(chunks)) for n, chunk in enumerate(chunks, 1)}


def page_key(key: str, n: int) -> str:
    """The file name (without .html) of page n (1-based) of a paged listing: korea, korea-p2, …"""
    return key if n == 1 else f"{key}-p{n}"


def pager(kind: str, key: str, n: int, total: int, lang: str, here: str) -> Markup:
    if total <= 1:
        return Markup("")
    links = [html('<strong aria-current="page">{}</strong>', i) if i == n else a(here, page_url(kind, page_key(key, i), lang), str(i))
             for i in range(1, total + 1)]
    return html('<nav class="tna-pager" aria-label="{}">{}</nav>', 
        "Trang" if lang == "vi" else "Pages", Markup(" · ").join(links))
