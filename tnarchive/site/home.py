"""Generated sections of the home page (the curated introduction in docs/<lang>/index.md stays as written)
and the Data page."""
from __future__ import annotations

from markupsafe import Markup

from ..catalog.model import Catalog
from .l10n import t
from .markup import a, article_list, html, page, page_url, partner_name, prefix
from .timeline import recent, top_partners

DATA_FILES = [
    ("articles.json", "JSON"), ("articles.csv", "CSV"), ("partners.json", "JSON"), ("partners.csv", "CSV"),
    ("people.json", "JSON"), ("people.csv", "CSV"),
]

DATA_TEXT = {
    "vi": ("Siêu dữ liệu của toàn bộ kho lưu trữ, để dùng lại: mỗi bài viết, đối tác và nhân vật, "
           "dạng JSON và CSV (UTF-8). Mỗi trang bài viết, đối tác và nhân vật cũng có dữ liệu JSON-LD (schema.org). "
           "Tin mới nhất: nguồn cấp Atom."),
    "en": ("The whole archive's metadata, for reuse: every article, partner and person, as JSON and CSV (UTF-8). "
           "Every article, partner and person page also carries JSON-LD (schema.org). Newest articles: an Atom feed."),
}


def home_sections(cat: Catalog, lang: str) -> str:
    """HTML appended to the home page's own Markdown."""
    here = f"{prefix(lang)}index.html"
    stats = t(lang, "stats", a=len(cat.articles), p=len(cat.authority.partners), h=len(cat.authority.people))
    links = Markup(" · ").join(a(here, page_url(k, "index", lang), t(lang, k)) for k in ("articles", "timeline", "partners", "people"))
    tops = Markup("").join(
        Markup("<li>{} <span class=\"tna-count\">{}</span></li>").format(
            a(here, page_url("partners", pid, lang), partner_name(cat, pid, lang)), t(lang, "count_articles", n=n))
        for pid, n in top_partners(cat, 10))
    body = Markup(
        '<p class="tna-stats">{}</p><p class="tna-links">{}</p><h2 id="latest">{}</h2>{}<h2 id="top-partners">{}</h2><ol class="tna-top">{}</ol>'
    ).format(stats, links, t(lang, "latest"), article_list(cat, recent(cat, 10), lang, here), t(lang, "top_partners"), tops)
    return "\n\n<div class=\"tna-home\">\n" + "\n".join(l for l in str(body).split("\n") if l.strip()) + "\n</div>\n"


def data_page(cat: Catalog, lang: str) -> str:
    here = f"{prefix(lang)}data.html"
    rows = Markup("").join(
        Markup("<li>{} <span class=\"tna-kind\">{}</span></li>").format(a(here, f"data/{name}", name), kind)
        for name, kind in DATA_FILES)
    feed = a(here, f"{prefix(lang)}feed.xml", "Atom")
    body = html('<p>{}</p><h2 id="downloads">{}</h2><ul class="tna-downloads">{}<li>{}</li></ul>', 
        DATA_TEXT[lang], t(lang, "downloads"), rows, feed)
    return page(t(lang, "data"), body)


SEARCH_TEXT = {
    "vi": ("Tìm có dấu hoặc không dấu (\"hợp tác\" hay \"hop tac\"); đặt cụm từ trong ngoặc kép để tìm đúng cụm "
           "(\"hợp tác quốc tế\"); tên đối tác và nhân vật tìm được bằng mọi cách viết, cả tiếng Anh. "
           "Có thể lọc theo năm và quốc gia đối tác; đường dẫn của trang này giữ nguyên truy vấn để chia sẻ."),
    "en": ("Search with or without Vietnamese tone marks (\"hợp tác\" or \"hop tac\"); put a phrase in quotes to find "
           "it exactly (\"international cooperation\"); partners and people are found by any of their names, in "
           "either language. Filter by year and partner country; this page's address keeps the query, to share it."),
}


def search_page(lang: str) -> str:
    """The full results page; search-ui.js fills it and keeps ?q=…&year=…&country= in its address."""
    body = html('<p class="tna-search-help">{}</p><div id="tna-search-page"></div>', SEARCH_TEXT[lang])
    return page("Tìm kiếm" if lang == "vi" else "Search", body)
