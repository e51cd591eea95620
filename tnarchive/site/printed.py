"""The print edition: one self-contained HTML file per language (table of contents, every article in
date order with its metadata), from which export.py makes a PDF with headless Chromium."""
from __future__ import annotations

from markupsafe import Markup, escape

from ..catalog.model import Article, Catalog
from .l10n import format_date, t
from .markup import partner_name, person_name

TITLE = {"vi": "Lưu trữ Hợp tác Quốc tế Thái Nguyên — Bản in", "en": "Thái Nguyên International Cooperation Archive — Print edition"}
INTRO = {
    "vi": "Toàn bộ {n} bài viết của kho lưu trữ theo thứ tự thời gian, kèm siêu dữ liệu và nguồn gốc. Bản dựng ngày {built}.",
    "en": "All {n} articles of the archive in date order, with their metadata and provenance. Built on {built}.",
}
CSS = """
@page { size: A4; margin: 18mm 16mm 20mm; }
body { font-family: "DejaVu Serif", "Noto Serif", "Liberation Serif", serif; font-size: 10.5pt; line-height: 1.45; color: #111;
  font-variant-ligatures: none; }  /* "ff" stays two letters when text is copied or extracted from the PDF */
h1 { font-size: 20pt; margin: 0 0 .3em; } h2 { font-size: 14pt; margin: 0 0 .3em; } h3 { font-size: 11.5pt; }
.toc ol { padding-left: 1.2em; } .toc li { margin: .15em 0; } .toc a { color: #111; text-decoration: none; }
.toc .date { color: #555; font-size: 9pt; margin-right: .5em; }
article { break-before: page; } .meta { color: #444; font-size: 9pt; border-bottom: 1px solid #bbb; padding-bottom: .4em; margin-bottom: .8em; }
.meta p { margin: .1em 0; } .lead { font-weight: 600; } .caption { font-style: italic; font-size: 9.5pt; color: #333; border-left: 2px solid #888; padding-left: .6em; }
.provenance { font-size: 8pt; color: #555; margin-top: 1em; word-break: break-all; } .notice { font-size: 9pt; border: 1px solid #999; padding: .3em .6em; }
"""


def _blocks(art: Article, lang: str) -> Markup:
    blocks = art.translation.blocks if lang == "en" and art.translation else art.blocks
    out = []
    for b in blocks:
        if b.kind == "title":
            continue
        if b.kind == "heading":
            out.append(Markup("<h3>{}</h3>").format(b.text))
        elif b.kind == "list":
            out.append(Markup("<ul>{}</ul>").format(Markup("").join(Markup("<li>{}</li>").format(i) for i in b.text.split("\n"))))
        else:
            cls = Markup(f' class="{b.kind}"') if b.kind in ("lead", "caption") else Markup("")
            out.append(Markup("<p{}>{}</p>").format(cls, b.text))
    body = Markup("\n").join(out)
    if lang == "en" and art.translation is None:
        body = Markup('<p class="notice">{}</p><div lang="vi">{}</div>').format(t(lang, "untranslated"), body)
    return body


def _meta(cat: Catalog, art: Article, lang: str) -> Markup:
    rows = [Markup("<p>{}</p>").format(format_date(art.date, art.date_precision, lang))]
    if art.authors:
        rows.append(Markup("<p>{}: {}</p>").format(t(lang, "authors"), ", ".join(
            a["name"] + (f" ({a['affiliation']})" if a.get("affiliation") else "") for a in art.authors)))
    src = art.source or {}
    if src.get("name") or src.get("url"):
        rows.append(Markup("<p>{}: {}</p>").format(t(lang, "source"), " — ".join(x for x in (src.get("name"), src.get("url")) if x)))
    if art.partners:
        rows.append(Markup("<p>{}: {}</p>").format(t(lang, "partners"), ", ".join(partner_name(cat, p, lang) for p in art.partners)))
    if art.people:
        rows.append(Markup("<p>{}: {}</p>").format(t(lang, "people"), ", ".join(person_name(cat, p, lang) for p in art.people)))
    return Markup('<div class="meta">{}</div>').format(Markup("").join(rows))


def print_html(cat: Catalog, lang: str, built: str) -> str:
    arts = sorted([a for a in cat.articles if a.date], key=lambda a: a.date) + [a for a in cat.articles if not a.date]
    toc = Markup("").join(
        Markup('<li><span class="date">{}</span><a href="#{}">{}</a></li>').format(
            format_date(a.date, "day", lang), a.slug, a.title_in(lang)) for a in arts)
    articles = Markup("\n").join(
        Markup('<article id="{}"><h2>{}</h2>{}{}<p class="provenance">{}: seeds/{} · SHA-256 {}</p></article>').format(
            a.slug, a.title_in(lang), _meta(cat, a, lang), _blocks(a, lang), t(lang, "provenance"),
            a.provenance.get("seed", ""), a.provenance.get("sha256", ""))
        for a in arts)
    return (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{escape(TITLE[lang])}</title>'
        f"<style>{CSS}</style></head><body>\n<header><h1>{escape(TITLE[lang])}</h1>"
        f"<p>{escape(INTRO[lang].format(n=len(arts), built=built))}</p></header>\n"
        f'<nav class="toc"><h2>{"Mục lục" if lang == "vi" else "Contents"}</h2><ol>{toc}</ol></nav>\n{articles}\n</body></html>\n'
    )
