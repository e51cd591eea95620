"""What the plugin does to MkDocs' pages: the navigation, the front matter, the HTML around an article.

Called from the plugin's page events; each function takes the page and the catalog and returns
what the event returns.
"""
from __future__ import annotations

from pathlib import Path, PurePosixPath

from markupsafe import Markup, escape
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import meta as mkdocs_meta

from ..catalog.model import LANGS, Article, Catalog
from . import article as article_html
from . import exports
from .l10n import t

NAV = ("articles", "timeline", "partners", "people")
NAMES = {"vi": "Tiếng Việt", "en": "English"}


def navigation(nav, config, files, lang: str) -> Navigation:
    """A short navigation of index pages; articles are reached through them."""
    pre = "" if lang == "vi" else "en/"
    items = [nav.homepage] if nav.homepage else []
    if nav.homepage:
        nav.homepage.title = t(lang, "home")
    for key in NAV:
        f = files.get_file_from_path(f"{pre}{key}/index.md")
        if f is not None:
            items.append(Page(t(lang, key), f, config))
    data = files.get_file_from_path(f"{pre}data.md")
    if data is not None:
        items.append(Page(t(lang, "data"), data, config))
    for f in files.documentation_pages():  # the curated maintainers' page
        if f.url == f"{pre}maintainers.html":
            items.append(Page(t(lang, "maintainers"), f, config))
    new = Navigation(items, items)
    new.homepage = nav.homepage
    return new


def article_source(path: str, front: str) -> str:
    """An article's source with *front* (loader.page_front_matter) in place of the archive's own
    front matter: MkDocs gets the same text and title, and parses far less YAML."""
    doc = Path(path).read_text(encoding="utf-8-sig")
    m = mkdocs_meta.YAML_RE.match(doc)
    return f"---\n{front}---\n{doc[m.end():]}" if m else doc


def escape_meta(page) -> None:
    """Titles and descriptions HTML-escaped: MkDocs templates do not autoescape."""
    for key in ("title", "description"):
        value = page.meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            page.meta[key] = escape(value)


def article_content(html: str, page, cat: Catalog, art: Article, lang: str) -> str:
    """The article's header after its title, its footer, and its JSON-LD."""
    head = str(article_html.header(cat, art, lang))
    i = html.find("</h1>")
    html = html[: i + 5] + head + html[i + 5 :] if i >= 0 else head + html
    if lang == "en" and art.translation is None:
        html = f'<div lang="vi">{html}</div>'
    html += str(article_html.footer(cat, art, lang))
    return html + exports.jsonld_script(exports.jsonld_article(art, lang, page.url, cat))


def derived_content(html: str, page, cat: Catalog, lang: str) -> str:
    """A partner's or person's page with its JSON-LD; any other page as it is."""
    path = PurePosixPath(page.file.src_uri)
    if path.parent.name == "partners" and path.stem in cat.authority.partners:
        return html + exports.jsonld_script(exports.jsonld_partner(path.stem, cat, lang, page.url))
    if path.parent.name == "people" and path.stem in cat.authority.people:
        return html + exports.jsonld_script(exports.jsonld_person(path.stem, cat, lang, page.url))
    return html


def language_switch(page, config) -> None:
    """The language switch lands on the same page in the other language (relative links)."""
    url = page.url or "index.html"
    norm = url[3:] if url.startswith("en/") else url
    alternates = [{"name": NAMES[lang], "lang": lang, "link": norm if lang == "vi" else f"en/{norm}"} for lang in LANGS]
    # mkdocs-static-i18n sets the attribute on article pages; Material reads the attribute first.
    config.extra["alternate"] = alternates
    config.extra.alternate = alternates
