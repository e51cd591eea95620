"""What an article page shows around its text: header (date, authors, source, partners,
people), notices (untranslated, stale translation), and footer (provenance, older/newer,
related articles). Inserted into the rendered page by the plugin.
"""
from __future__ import annotations

import re
from collections import Counter

from markupsafe import Markup

from ..catalog.model import Article, Catalog
from ..extract.dates import reasoning_in
from .l10n import t
from .markup import a, chips, html, time_tag


def in_vi(text, lang: str) -> Markup:
    """Text that is Vietnamese whatever the page's language (the source's bylines and its name),
    marked lang="vi" on an English page so a screen reader pronounces it as Vietnamese."""
    return html('<span lang="vi">{}</span>', text) if lang == "en" else html("{}", text)


def header(cat: Catalog, art: Article, lang: str) -> Markup:
    here = art.url(lang)
    rows = []
    when = time_tag(art, lang)
    if art.date_inferred:  # focusable: Material's tooltip then shows the reasoning to keyboard readers too
        when += html(' <span class="tna-inferred" tabindex="0" title="{}">({})</span>',
                     reasoning_in(art.date_inferred, lang), t(lang, "date_inferred"))
    rows.append(html('<p class="tna-meta__date">{}</p>', when))
    if art.authors:
        names = Markup(", ").join(
            html("{}{}", x["name"], html(" ({})", x["affiliation"]) if x.get("affiliation") else "")
            for x in art.authors
        )
        rows.append(html('<p class="tna-meta__authors"><span class="tna-label">{}:</span> {}</p>', t(lang, "authors"), in_vi(names, lang)))
    src = art.source or {}
    if src.get("name") or src.get("url"):
        label = src.get("name") or src.get("url")
        safe_url = src.get("url") if str(src.get("url") or "").startswith(("https://", "http://")) else None
        value = html('<a href="{}" rel="external noopener">{}</a>', safe_url, label) if safe_url else label
        rows.append(html('<p class="tna-meta__source"><span class="tna-label">{}:</span> {}</p>', t(lang, "source"), in_vi(value, lang)))
    if art.partners:
        rows.append(html('<p class="tna-meta__partners"><span class="tna-label">{}:</span> {}</p>', 
            t(lang, "partners"), chips(cat, art.partners, "partners", lang, here)))
    if art.people:
        rows.append(html('<p class="tna-meta__people"><span class="tna-label">{}:</span> {}</p>', 
            t(lang, "people"), chips(cat, art.people, "people", lang, here)))
    out = html('<div class="tna-meta">{}</div>', Markup("").join(rows))
    if lang == "en" and art.translation is None:
        out += html('<div class="admonition note tna-untranslated"><p class="admonition-title">{}</p><p>{}</p></div>', 
            t(lang, "translation"), t(lang, "untranslated"))
    elif lang == "en" and art.translation and art.translation.stale:
        out += html('<div class="admonition warning tna-stale"><p class="admonition-title">{}</p><p>{}</p></div>', 
            t(lang, "translation"), t(lang, "stale"))
    return out


def footer(cat: Catalog, art: Article, lang: str) -> Markup:
    here = art.url(lang)
    dated = cat.dated
    parts = []
    if art.date:
        i = cat.dated_position[art.slug]
        nav = []
        if i + 1 < len(dated):  # cat.articles is newest first
            older = dated[i + 1]
            nav.append(html('<span class="tna-prev">{}: {}</span>', t(lang, "previous"), a(here, older.url(lang), older.title_in(lang))))
        if i > 0:
            newer = dated[i - 1]
            nav.append(html('<span class="tna-next">{}: {}</span>', t(lang, "next"), a(here, newer.url(lang), newer.title_in(lang))))
        if nav:
            parts.append(html('<nav class="tna-prevnext">{}</nav>', Markup("").join(nav)))
    rel = related(cat, art)
    if rel:
        items = Markup("").join(html("<li>{} {}</li>", time_tag(x, lang), a(here, x.url(lang), x.title_in(lang))) for x in rel)
        parts.append(html('<h2 id="related">{}</h2><ul class="tna-related">{}</ul>', t(lang, "related"), items))
    prov = art.provenance or {}
    rows = [
        (t(lang, "seed"), html("<code>seeds/{}</code>", prov.get("seed", ""))),
        (t(lang, "sha256"), html("<code>{}</code>", prov.get("sha256", ""))),
        (t(lang, "converter"), prov.get("converter", "")),
    ]
    if lang == "en" and art.translation:
        tr = art.translation
        rows.append((t(lang, "translated_by"), f"{tr.translator or ''}{', ' + tr.translated_on if tr.translated_on else ''}"))
        rows.append((t(lang, "translated_from"), html("<code>{}</code>", (tr.source_sha256 or "")[:12])))
    table = Markup("").join(html("<tr><th>{}</th><td>{}</td></tr>", k, v) for k, v in rows)
    parts.append(html('<details class="tna-provenance"><summary>{}</summary><table>{}</table></details>', t(lang, "provenance"), table))
    return html('<div class="tna-footer">{}</div>', Markup("").join(parts))


RELATED_POOL = 300  # candidates taken from each of an article's rarest partners and people


def related(cat: Catalog, art: Article, limit: int = 5) -> list[Article]:
    """Articles sharing the most partners and people, then the nearest in date.

    Candidates come from the article's three rarest partners and people (the most telling,
    and the shortest lists), so the cost per article stays flat as the archive grows."""
    key = (art.slug, limit)
    if key not in cat.memo.setdefault("related", {}):  # the same in both languages: worked out once
        cat.memo["related"][key] = _related(cat, art, limit)
    return cat.memo["related"][key]


def relate_all(cat: Catalog, limit: int = 5) -> None:
    """related() of every article, worked out ahead (before the languages' builds part ways)."""
    for art in cat.articles:
        related(cat, art, limit)


def _masks(cat: Catalog) -> dict[str, int]:
    """Each article's partners and people as bits of one integer: shared ones are an AND and a bit count."""
    masks = cat.memo.get("tag_masks")
    if masks is None:
        tags = {a.slug: [*a.partners, *(f"person:{p}" for p in a.people)] for a in cat.articles}
        # The commonest partners and people take the lowest bits: most masks stay small integers,
        # which Python ANDs fastest.
        counts = Counter(tag for found in tags.values() for tag in found)
        bit = {tag: i for i, (tag, _) in enumerate(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))}
        masks = cat.memo["tag_masks"] = {}
        for slug, found in tags.items():
            m = 0
            for tag in found:
                m |= 1 << bit[tag]
            masks[slug] = m
    return masks


_BITS = 24  # bits of a candidate's key for its distance in years (undated: year 0), and for its slug's rank


def _column(cat: Catalog, kind: str, tag: str, pool: list[Article]) -> tuple[list[int], list[int], list[int]]:
    """The masks, years and slug ranks of a partner's or person's first RELATED_POOL articles: made
    once per partner or person, read for every article that names it."""
    columns = cat.memo.setdefault("related_columns", {})
    col = columns.get((kind, tag))
    if col is None:
        masks, rank = _masks(cat), _ranks(cat)[0]
        head = pool[:RELATED_POOL]
        col = columns[(kind, tag)] = ([masks[o.slug] for o in head], [o.year or 0 for o in head], [rank[o.slug] for o in head])
    return col


def _ranks(cat: Catalog) -> tuple[dict[str, int], list[Article]]:
    """Each slug's place in sorted order, and the articles in that order."""
    ranks = cat.memo.get("slug_ranks")
    if ranks is None:
        ordered = sorted(cat.articles, key=lambda a: a.slug)
        ranks = cat.memo["slug_ranks"] = ({a.slug: i for i, a in enumerate(ordered)}, ordered)
    return ranks


def _related(cat: Catalog, art: Article, limit: int) -> list[Article]:
    """The *limit* candidates with the most partners and people in common, then the nearest in
    years, then by slug. Each candidate's (shared, years apart, slug) is one integer, so ranking the
    up to 3 × RELATED_POOL candidates (and dropping repeats) is integer work."""
    lists = [("partner", p, cat.by_partner.get(p, [])) for p in art.partners]
    lists += [("person", p, cat.by_person.get(p, [])) for p in art.people]
    lists = sorted((l for l in lists if len(l[2]) > 1), key=lambda l: len(l[2]))[:3]  # a list of itself alone tells nothing
    mine = _masks(cat)[art.slug]
    year = art.year or 0
    rank, ordered = _ranks(cat)
    top = mine.bit_count() + 1  # more than any candidate shares with it
    keys: set[int] = set()
    for kind, tag, pool in lists:
        masks, years, ranks = _column(cat, kind, tag, pool)
        keys.update([((top - (mine & m).bit_count()) << 2 * _BITS) | (abs(y - year) << _BITS) | r
                     for m, y, r in zip(masks, years, ranks)])
    keys.discard((1 << 2 * _BITS) | rank[art.slug])  # the article itself: all shared, 0 years apart
    return [ordered[k & ((1 << _BITS) - 1)] for k in sorted(keys)[:limit]]


_BLOCK = re.compile(r"\n\n+")


def add_anchors(markdown: str) -> str:
    """Give every paragraph, lead and caption an id (p1, p2, …) so events can cite it.

    Numbered exactly as tnarchive.catalog.model.parse_blocks numbers them.
    """
    out, n = [], 0
    for block in _BLOCK.split(markdown.strip()):
        first = block.lstrip().split("\n", 1)[0]
        if not block.strip() or first.startswith(("# ", "## ", "- ")):
            out.append(block)
            continue
        n += 1
        lines = block.rstrip().split("\n")
        if lines[-1].startswith("{:") and lines[-1].endswith("}"):
            lines[-1] = lines[-1][:-1].rstrip() + f" #p{n} }}"
        else:
            lines.append(f"{{: #p{n} }}")
        out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"
