"""MkDocs plugin `tnarchive`: a thin event layer; the work lives in small modules beside it.

Article text is text everywhere, titles included: MkDocs renders its templates without
autoescaping, and Material prints `page.meta.title` as it is (in <title>, the header,
the navigation), so a title is HTML-escaped once here, as markupsafe.Markup, and every
template then prints it as text.
"""
from __future__ import annotations

from markupsafe import Markup, escape
from mkdocs.plugins import BasePlugin


class ArchivePlugin(BasePlugin):
    def on_page_markdown(self, markdown, page, config, files):
        title = page.meta.get("title")
        if isinstance(title, str) and not isinstance(title, Markup):
            page.meta["title"] = escape(title)
        return markdown
