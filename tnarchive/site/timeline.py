"""The archive's timeline (years → months, articles and the events they report), a page per
year, and the list of all articles. Years with their own page keep each page bounded."""
from __future__ import annotations

from collections import Counter

from markupsafe import Markup

from ..catalog.model import Article, Catalog
from .charts import bar_chart, hbar_chart, years_series
from .l10n import month_name, t
from .markup import a, article_list, html, page, page_url, partner_name, rel
from .partners import event_list


def years(cat: Catalog) -> list[int]:
    """Every year with an article or an event, newest first."""
    articles, events = by_year(cat)
    return sorted(articles.keys() | events.keys(), reverse=True)


def by_year(cat: Catalog) -> tuple[dict[int, list[Article]], dict[int, list]]:
    """The dated articles and the events of each year, in catalog order: grouped once per build
    (every year page and the timeline's index look them up)."""
    grouped = cat.memo.get("by_year")
    if grouped is None:
        articles: dict[int, list[Article]] = {}
        events: dict[int, list] = {}
        for x in cat.articles:
            if x.year:
                articles.setdefault(x.year, []).append(x)
        for e in cat.events:  # an event's date starts with its four-digit year
            events.setdefault(int(e.date[:4]), []).append(e)
        grouped = cat.memo["by_year"] = (articles, events)
    return grouped


EVENTS_PER_YEAR = 150  # a year page lists all its articles but at most this many reported events


def _month_sections(cat: Catalog, year: int, lang: str, here: str) -> Markup:
    arts = by_year(cat)[0].get(year, [])
    events = by_year(cat)[1].get(year, [])
    if len(events) > EVENTS_PER_YEAR:  # keep the events that name partners first
        events = sorted(events, key=lambda e: not e.partners)[:EVENTS_PER_YEAR]
        events.sort(key=lambda e: e.date, reverse=True)
    parts = []
    months = sorted({int(x.date[5:7]) for x in arts} | {int(e.date[5:7]) for e in events if e.precision != "year"}, reverse=True)
    for m in months:
        parts.append(Markup('<h3 id="m{}-{:02d}">{}</h3>').format(year, m, month_name(m, lang).capitalize() + f" {year}"))
        in_month = [x for x in arts if int(x.date[5:7]) == m]
        if in_month:
            parts.append(article_list(cat, in_month, lang, here))
        ev = [e for e in events if e.precision != "year" and int(e.date[5:7]) == m]
        if ev:
            parts.append(event_list(cat, ev, lang, here))
    whole_year = [e for e in events if e.precision == "year"]
    if whole_year:
        parts.append(html('<h3 id="y{}">{}</h3>', year, t(lang, "events")))
        parts.append(event_list(cat, whole_year, lang, here))
    return Markup("\n").join(parts)


def charts(cat: Catalog, lang: str, here: str) -> Markup:
    per_year = Counter(x.year for x in cat.articles if x.year)
    series = [(label, n, page_url("timeline", label, lang) if n else None) for label, n, _ in years_series(dict(per_year))]
    series = [(label, n, a_href(here, href)) for label, n, href in series]
    by_year = bar_chart(series, t(lang, "by_year"), ", ".join(f"{label}: {n}" for label, n, _ in series))
    per_country: Counter = Counter()
    for x in cat.articles:
        for c in {cat.authority.country_of(p) for p in x.partners} - {None}:
            per_country[c] += 1
    rows = [(partner_name(cat, c, lang), n, a_href(here, page_url("partners", c, lang)))
            for c, n in sorted(per_country.items(), key=lambda kv: (-kv[1], partner_name(cat, kv[0], lang)))]
    by_country = hbar_chart(rows, t(lang, "by_country"), ", ".join(f"{label}: {n}" for label, n, _ in rows))
    return html('<div class="tna-charts"><figure>{}<figcaption>{}</figcaption></figure><figure>{}<figcaption>{}</figcaption></figure></div>', 
        Markup(by_year), t(lang, "by_year"), Markup(by_country), t(lang, "by_country"))


def a_href(here: str, to: str | None) -> str | None:
    return rel(here, to) if to else None


LATEST_EVENTS = 30


def timeline_index(cat: Catalog, lang: str) -> str:
    """Years → months with counts (each year's page holds its articles and events), and the latest events.
    Bounded in size however large the archive grows."""
    here = page_url("timeline", "index", lang)
    parts = [charts(cat, lang, here)]
    if cat.events:
        parts.append(html('<h2 id="latest-events">{}</h2>', t(lang, "events")))
        parts.append(event_list(cat, cat.events[:LATEST_EVENTS], lang, here))
    for y in years(cat):
        arts = by_year(cat)[0].get(y, [])
        year_url = page_url("timeline", str(y), lang)
        months = Counter(int(x.date[5:7]) for x in arts)
        items = Markup(" · ").join(
            a(here, f"{year_url}#m{y}-{m:02d}", f"{month_name(m, lang)} ({n})") for m, n in sorted(months.items(), reverse=True))
        n_events = len(by_year(cat)[1].get(y, []))
        parts.append(html('<h2 id="y{}">{} <span class="tna-count">{} · {} {}</span></h2>', 
            y, a(here, year_url, str(y)), t(lang, "count_articles", n=len(arts)), n_events, t(lang, "events").lower()))
        if items:
            parts.append(html('<p class="tna-months">{}</p>', items))
    undated = [x for x in cat.articles if not x.date]
    if undated:
        parts.append(html('<h2 id="undated">{}</h2>', t(lang, "undated")))
        parts.append(article_list(cat, undated, lang, here))
    return page(t(lang, "timeline"), Markup("\n").join(parts))


def year_page(cat: Catalog, year: int, lang: str) -> str:
    here = page_url("timeline", str(year), lang)
    ys = years(cat)
    nav = [a(here, page_url("timeline", "index", lang), t(lang, "all_years"))]
    nav += [a(here, page_url("timeline", str(y), lang), str(y)) if y != year else html("<strong>{}</strong>", y) for y in ys]
    parts = [html('<p class="tna-years">{}</p>', Markup(" · ").join(nav)), _month_sections(cat, year, lang, here)]
    return page(t(lang, "year_page", year=year), Markup("\n").join(parts))


LATEST_ARTICLES = 50


def articles_index(cat: Catalog, lang: str) -> str:
    """Every year with its count (the year's page lists all its articles), then the latest articles."""
    here = page_url("articles", "index", lang)
    counts = Counter(x.year for x in cat.articles if x.year)
    parts = [html('<p class="tna-years">{}</p>', Markup(" · ").join(
        a(here, page_url("timeline", str(y), lang), f"{y} ({n})") for y, n in sorted(counts.items(), reverse=True)))]
    parts.append(html('<h2 id="latest">{}</h2>', t(lang, "latest")))
    parts.append(article_list(cat, cat.dated[:LATEST_ARTICLES], lang, here))
    undated = [x for x in cat.articles if not x.date]
    if undated:
        parts.append(html('<h2 id="undated">{}</h2>', t(lang, "undated")))
        parts.append(article_list(cat, undated, lang, here))
    return page(t(lang, "articles"), Markup("\n").join(parts))


def recent(cat: Catalog, n: int) -> list[Article]:
    return [x for x in cat.articles if x.date][:n]


def top_partners(cat: Catalog, n: int) -> list[tuple[str, int]]:
    counts = Counter(p for x in cat.articles for p in x.partners)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]

