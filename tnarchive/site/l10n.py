"""Interface strings and date formats in each language of the site.

Every generated page speaks the page's language: labels, kinds of partner, and dates
("10 tháng 2 năm 2025" / "10 February 2025"), at the precision the article gives; Vietnamese
dates are written as Vietnamese writes them (and a screen reader reads them), with "năm" before the year.
"""
from __future__ import annotations

from ..text import MONTHS_EN

STRINGS: dict[str, dict[str, str]] = {
    "vi": {
        "map_world": "Bản đồ đối tác trên thế giới",
        "map_region": "Đông Á và Đông Nam Á",
        "map_year": "Các đối tác được nhắc đến trong năm {year}",
        "map_periods": "Đối tác theo từng giai đoạn",
        "map_numbers": "Số liệu trên bản đồ",
        "map_place": "Nơi",
        "map_kind": "Loại",
        "map_country": "Quốc gia",
        "map_count": "Số bài",
        "map_legend": "Chú giải",
        "map_dot": "Tỉnh, thành phố, quận/huyện (chấm tròn, to theo số bài)",
        "map_locator": "Vị trí của {name}",
        "map_on_map": "Trên bản đồ",
        "map_on_map_text": "{n} bài nhắc đến {name} hoặc một đối tác thuộc {name}",
        "map_at_country": "đặt tại {name}",
        "map_none": "Chưa có đối tác nào được nhắc đến.",
        "map_home": "Thái Nguyên (tỉnh của kho lưu trữ)",
        "map_world_note": "Các chấm ở Đông Á và Đông Nam Á là liên kết trên bản đồ khu vực bên dưới.",
        "home": "Trang chủ", "articles": "Bài viết", "timeline": "Dòng thời gian", "partners": "Đối tác",
        "people": "Nhân vật", "data": "Dữ liệu", "authors": "Tác giả", "source": "Nguồn", "date": "Ngày",
        "date_inferred": "ngày suy luận", "undated": "Chưa rõ ngày", "provenance": "Nguồn gốc bản lưu",
        "seed": "Tệp gốc", "sha256": "SHA-256", "converter": "Công cụ chuyển đổi", "previous": "Bài trước (cũ hơn)",
        "next": "Bài sau (mới hơn)", "related": "Bài liên quan", "kind": "Loại", "within": "Thuộc",
        "includes": "Bao gồm", "mentioned_in": "Các bài nhắc đến", "partner_timeline": "Dòng thời gian",
        "name_vi": "Tên tiếng Việt", "name_en": "Tên tiếng Anh", "aliases": "Tên khác", "roles": "Chức vụ theo các bài",
        "nationality": "Quốc tịch", "count_articles": "{n} bài", "no_articles": "Chưa có bài nào.",
        "events": "Sự kiện được nhắc đến", "by_year": "Số bài theo năm", "by_country": "Số bài theo quốc gia đối tác",
        "year_page": "Năm {year}", "other_partners": "Tổ chức quốc tế và đối tác khác", "latest": "Bài mới nhất",
        "top_partners": "Đối tác được nhắc đến nhiều nhất", "stats": "{a} bài viết · {p} đối tác · {h} nhân vật",
        "translation": "Bản dịch", "translated_by": "Người dịch", "translated_from": "Dịch từ phiên bản",
        "untranslated": "Bài này chưa có bản dịch tiếng Anh; dưới đây là nguyên văn tiếng Việt.",
        "stale": "Bản tiếng Việt đã thay đổi sau khi bản dịch này được thực hiện; bản dịch có thể chưa cập nhật.",
        "downloads": "Tải dữ liệu", "unreviewed": "chưa xác minh", "event_source": "nguồn",
        "all_years": "Tất cả các năm", "maintainers": "Dành cho người quản trị", "country_group": "Quốc gia", "vi_original": "Nguyên văn tiếng Việt",
        "chart_data": "Số liệu của biểu đồ (bảng)", "year": "Năm", "country": "Quốc gia", "n_articles": "Số bài",
        "serve_stale": "Trang gốc, bản sửa hoặc tệp dữ liệu đã đổi: chạy ./tna convert để cập nhật bài viết. "
                       "Tệp đã đổi: {files}.",
    },
    "en": {
        "map_world": "Partners around the world",
        "map_region": "East and Southeast Asia",
        "map_year": "Partners named in {year}",
        "map_periods": "Partners by period",
        "map_numbers": "The numbers on the map",
        "map_place": "Place",
        "map_kind": "Kind",
        "map_country": "Country",
        "map_count": "Articles",
        "map_legend": "Legend",
        "map_dot": "Province, city or district (dot, sized by articles)",
        "map_locator": "Where {name} is",
        "map_on_map": "On the map",
        "map_on_map_text": "{n} articles naming {name} or a partner within it",
        "map_at_country": "shown at {name}",
        "map_none": "No partner is named yet.",
        "map_home": "Thái Nguyên (the archive's province)",
        "map_world_note": "The dots in East and Southeast Asia are links on the regional map below.",
        "home": "Home", "articles": "Articles", "timeline": "Timeline", "partners": "Partners", "people": "People",
        "data": "Data", "authors": "Authors", "source": "Source", "date": "Date", "date_inferred": "date inferred",
        "undated": "Undated", "provenance": "Provenance", "seed": "Source file", "sha256": "SHA-256",
        "converter": "Converter", "previous": "Previous (older)", "next": "Next (newer)", "related": "Related articles",
        "kind": "Kind", "within": "Part of", "includes": "Includes", "mentioned_in": "Articles mentioning it",
        "partner_timeline": "Timeline", "name_vi": "Vietnamese name", "name_en": "English name", "aliases": "Other names",
        "roles": "Roles given in the articles", "nationality": "Nationality", "count_articles": "{n} articles",
        "no_articles": "No articles yet.", "events": "Dated events reported", "by_year": "Articles per year",
        "by_country": "Articles per partner country", "year_page": "{year}",
        "other_partners": "International organisations and other partners", "latest": "Latest articles",
        "top_partners": "Most frequent partners", "stats": "{a} articles · {p} partners · {h} people",
        "translation": "Translation", "translated_by": "Translated by", "translated_from": "Translated from version",
        "untranslated": "This article has not been translated into English yet; the Vietnamese original follows.",
        "stale": "The Vietnamese text has changed since this translation was made; the translation may be out of date.",
        "downloads": "Downloads", "unreviewed": "not yet reviewed", "event_source": "source",
        "all_years": "All years", "maintainers": "For maintainers", "country_group": "Countries", "vi_original": "Vietnamese original",
        "chart_data": "The chart's numbers (table)", "year": "Year", "country": "Country", "n_articles": "Articles",
        "serve_stale": "A seed, a correction or a data file has changed: run ./tna convert to update the articles. "
                       "Changed: {files}.",
    },
}

KINDS: dict[str, tuple[str, str]] = {
    "country": ("Quốc gia", "Country"), "province": ("Tỉnh / vùng", "Province / region"),
    "city": ("Thành phố", "City"), "district": ("Quận / huyện", "District / county"),
    "company": ("Doanh nghiệp", "Company"), "embassy": ("Cơ quan đại diện ngoại giao", "Embassy"),
    "university": ("Trường đại học", "University"), "institute": ("Viện nghiên cứu", "Institute"),
    "ngo": ("Tổ chức phi chính phủ", "NGO"), "international-organisation": ("Tổ chức quốc tế", "International organisation"),
    "political-party": ("Đảng chính trị", "Political party"), "government-body": ("Cơ quan nhà nước", "Government body"),
}


# The archive's own country, which is never a partner record.
HOME_COUNTRY = {"VN": ("Việt Nam", "Viet Nam")}


def t(lang: str, key: str, **kw) -> str:
    """The string *key* in *lang*, filled in; counts (ints other than a year) grouped as the language writes them."""
    text = STRINGS[lang][key]
    kw = {k: format_number(v, lang) if isinstance(v, int) and k != "year" else v for k, v in kw.items()}
    return text.format(**kw) if kw else text


def kind_label(kind: str, lang: str) -> str:
    vi, en = KINDS.get(kind, (kind, kind))
    return vi if lang == "vi" else en


def month_name(month: int, lang: str) -> str:
    return f"tháng {month}" if lang == "vi" else MONTHS_EN[month - 1]


def format_number(n: int, lang: str) -> str:
    """Thousands grouped as each language writes them: 1.234 in Vietnamese, 1,234 in English."""
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "vi" else text


def format_date(date: str | None, precision: str | None, lang: str) -> str:
    """"2025-02-10T12:08:00+07:00", minute → "10 tháng 2 năm 2025, 12:08" / "10 February 2025, 12:08"."""
    if not date:
        return t(lang, "undated")
    y = int(date[:4])
    if precision == "year" or len(date) == 4:
        return str(y)
    m = int(date[5:7])
    if precision == "month" or len(date) == 7:
        return f"tháng {m} năm {y}" if lang == "vi" else f"{MONTHS_EN[m - 1]} {y}"
    d = int(date[8:10])
    text = f"{d} tháng {m} năm {y}" if lang == "vi" else f"{d} {MONTHS_EN[m - 1]} {y}"
    if precision == "minute" and len(date) >= 16:
        text += f", {date[11:16]}"
    return text
