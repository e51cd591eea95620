"""The Translations page, in both languages: the share of articles translated, by year, and the
stale and missing translations, each linking to its article (the figures `tnarchive check`
prints, from tnarchive.translations.coverage)."""
from __future__ import annotations

from markupsafe import Markup

from ..translations.coverage import coverage, rows
from ..catalog.model import Catalog
from .markup import a, html, page, prefix

LISTED = 300  # articles listed per list: the rest are counted (`tnarchive check` names them all)

TEXT = {
    "vi": {"title": "Bản dịch", "intro": "{c} trên {n} bài có bản dịch tiếng Anh cập nhật ({s:.1f} %); {st} bản dịch "
           "đã cũ (bản tiếng Việt thay đổi sau khi dịch), {m} bài chưa dịch.", "year": "Năm", "articles": "Bài",
           "current": "Đã dịch", "stale": "Bản dịch cũ", "share": "Tỷ lệ", "undated": "Chưa rõ ngày",
           "stale_h": "Bản dịch cần cập nhật", "missing_h": "Bài chưa dịch", "more": "… và {k} bài khác.",
           "none": "Không có."},
    "en": {"title": "Translations", "intro": "{c} of {n} articles have a current English translation ({s:.1f} %); "
           "{st} translations are stale (the Vietnamese changed since), {m} articles are not translated yet.",
           "year": "Year", "articles": "Articles", "current": "Translated", "stale": "Stale", "share": "Share",
           "undated": "Undated", "stale_h": "Stale translations", "missing_h": "Not yet translated",
           "more": "… and {k} more.", "none": "None."},
}


def status(art) -> str:
    tr = art.translation
    return "missing" if tr is None else "stale" if tr.stale else "current"


_LAST: dict[str, tuple[str, str]] = {}  # lang → (catalog fingerprint, page): `mkdocs serve` rebuilds


def translations_page(cat: Catalog, lang: str) -> str:
    """The page, made again only when the catalog's fingerprint (every article's metadata, its
    translation's title and staleness included) changed: an edit to a paragraph keeps it."""
    last = _LAST.get(lang)
    if cat.fingerprint and last and last[0] == cat.fingerprint:
        return last[1]
    out = _page(cat, lang)
    if cat.fingerprint:
        _LAST[lang] = (cat.fingerprint, out)
    return out


def _page(cat: Catalog, lang: str) -> str:
    here = f"{prefix(lang)}translations.html"
    tx = TEXT[lang]
    c = coverage((art.slug, art.year, status(art)) for art in cat.articles)
    table = Markup("").join(
        html("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", y or tx["undated"], n, cur, st, f"{share:.1f} %")
        for y, n, cur, st, share in rows(c))
    head = html("<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
                tx["year"], tx["articles"], tx["current"], tx["stale"], tx["share"])

    def listing(slugs: list[str], anchor: str, title: str) -> Markup:
        items = Markup("").join(html("<li>{}</li>", a(here, cat.by_slug[s].url(lang), cat.by_slug[s].title_in(lang)))
                                for s in slugs[:LISTED])
        more = html("<p>{}</p>", tx["more"].format(k=len(slugs) - LISTED)) if len(slugs) > LISTED else Markup("")
        body = html('<ul class="tna-translations">{}</ul>', items) if slugs else html("<p>{}</p>", tx["none"])
        return html('<h2 id="{}">{}</h2>{}{}', anchor, title, body, more)

    body = html('<p class="tna-coverage">{}</p><table class="tna-coverage-years"><thead>{}</thead><tbody>{}</tbody></table>{}{}',
                tx["intro"].format(c=c.current, n=c.total, s=c.share, st=len(c.stale), m=len(c.missing)), head, table,
                listing(c.stale, "stale", tx["stale_h"]), listing(c.missing, "missing", tx["missing_h"]))
    return page(tx["title"], body)
