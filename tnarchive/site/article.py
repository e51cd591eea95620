"""What an article page shows around its text: header (date, authors, source, partners,
people), notices (untranslated, stale translation), and footer (provenance, older/newer,
related articles). Inserted into the rendered page by the plugin.
"""
from __future__ import annotations

import re

from markupsafe import Markup

from .catalog import Article, Catalog
from .l10n import t
from .markup import a, chips, time_tag


def header(cat: Catalog, art: Article, lang: str) -> Markup:
    here = art.url(lang)
    rows = []
    when = time_tag(art, lang)
    if art.date_inferred:
        when += Markup(' <span class="tna-inferred" title="{}">({})</span>').format(art.date_inferred, t(lang, "date_inferred"))
    rows.append(Markup('<p class="tna-meta__date">{}</p>').format(when))
    if art.authors:
        names = Markup(", ").join(
            Markup("{}{}").format(x["name"], Markup(" ({})").format(x["affiliation"]) if x.get("affiliation") else "")
            for x in art.authors
        )
        rows.append(Markup('<p class="tna-meta__authors"><span class="tna-label">{}:</span> {}</p>').format(t(lang, "authors"), names))
    src = art.source or {}
    if src.get("name") or src.get("url"):
        label = src.get("name") or src.get("url")
        safe_url = src.get("url") if str(src.get("url") or "").startswith(("https://", "http://")) else None
        value = Markup('<a href="{}" rel="external noopener">{}</a>').format(safe_url, label) if safe_url else label
        rows.append(Markup('<p class="tna-meta__source"><span class="tna-label">{}:</span> {}</p>').format(t(lang, "source"), value))
    if art.partners:
        rows.append(Markup('<p class="tna-meta__partners"><span class="tna-label">{}:</span> {}</p>').format(
            t(lang, "partners"), chips(cat, art.partners, "partners", lang, here)))
    if art.people:
        rows.append(Markup('<p class="tna-meta__people"><span class="tna-label">{}:</span> {}</p>').format(
            t(lang, "people"), chips(cat, art.people, "people", lang, here)))
    out = Markup('<div class="tna-meta">{}</div>').format(Markup("").join(rows))
    if lang == "en" and art.translation is None:
        out += Markup('<div class="admonition note tna-untranslated"><p class="admonition-title">{}</p><p>{}</p></div>').format(
            t(lang, "translation"), t(lang, "untranslated"))
    elif lang == "en" and art.translation and art.translation.stale:
        out += Markup('<div class="admonition warning tna-stale"><p class="admonition-title">{}</p><p>{}</p></div>').format(
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
            nav.append(Markup('<span class="tna-prev">{}: {}</span>').format(t(lang, "previous"), a(here, older.url(lang), older.title_in(lang))))
        if i > 0:
            newer = dated[i - 1]
            nav.append(Markup('<span class="tna-next">{}: {}</span>').format(t(lang, "next"), a(here, newer.url(lang), newer.title_in(lang))))
        if nav:
            parts.append(Markup('<nav class="tna-prevnext">{}</nav>').format(Markup("").join(nav)))
    rel = related(cat, art)
    if rel:
        items = Markup("").join(Markup("<li>{} {}</li>").format(time_tag(x, lang), a(here, x.url(lang), x.title_in(lang))) for x in rel)
        parts.append(Markup('<h2 id="related">{}</h2><ul class="tna-related">{}</ul>').format(t(lang, "related"), items))
    prov = art.provenance or {}
    rows = [
        (t(lang, "seed"), Markup("<code>seeds/{}</code>").format(prov.get("seed", ""))),
        (t(lang, "sha256"), Markup("<code>{}</code>").format(prov.get("sha256", ""))),
        (t(lang, "converter"), prov.get("converter", "")),
    ]
    if lang == "en" and art.translation:
        tr = art.translation
        rows.append((t(lang, "translated_by"), f"{tr.translator or ''}{', ' + tr.translated_on if tr.translated_on else ''}"))
        rows.append((t(lang, "translated_from"), Markup("<code>{}</code>").format((tr.source_sha256 or "")[:12])))
    table = Markup("").join(Markup("<tr><th>{}</th><td>{}</td></tr>").format(k, v) for k, v in rows)
    parts.append(Markup('<details class="tna-provenance"><summary>{}</summary><table>{}</table></details>').format(t(lang, "provenance"), table))
    return Markup('<div class="tna-footer">{}</div>').format(Markup("").join(parts))


RELATED_POOL = 300  # candidates taken from each of an article's rarest partners and people


def related(cat: Catalog, art: Article, limit: int = 5) -> list[Article]:
    """Articles sharing the most partners and people, then the nearest in date.

    Candidates come from the article's three rarest partners and people (the most telling,
    and the shortest lists), so the cost per article stays flat as the archive grows."""
    lists = [cat.by_partner.get(p, []) for p in art.partners] + [cat.by_person.get(p, []) for p in art.people]
    lists = sorted((l for l in lists if len(l) > 1), key=len)[:3]  # a list of itself alone tells nothing
    mine = set(art.partners) | {f"person:{p}" for p in art.people}
    seen: set[str] = set()
    scored = []
    for pool in lists:
        for other in pool[:RELATED_POOL]:
            if other is art or other.slug in seen:
                continue
            seen.add(other.slug)
            shared = len(mine & (set(other.partners) | {f"person:{p}" for p in other.people}))
            scored.append((-shared, abs((other.year or 0) - (art.year or 0)), other.slug, other))
    return [x[-1] for x in sorted(scored)[:limit]]


_BLOCK = re.compile(r"\n\n+")


def add_anchors(markdown: str) -> str:
    """Give every paragraph, lead and caption an id (p1, p2, …) so events can cite it.

    Numbered exactly as tnarchive.site.catalog.parse_blocks numbers them.
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
