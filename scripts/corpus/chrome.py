"""A site's chrome around an article: its header, the article laid out as the site prints it, the
byline and the related news, which names partners the article itself does not."""
from __future__ import annotations

from datetime import datetime
from random import Random

from .article import Article
from .phrases import (AFFILIATIONS, AUTHORS, CREDITS, GENERIC_HEADLINES, LIST_INTRO, RELATED_HEADLINES,
                      RELATED_SUMMARIES, THOIDAI_BREADCRUMBS)
from .sources import Source, norm_piece


class Chrome:
    """The related-news headlines around one article, naming partners the article itself does not."""

    def __init__(self, src: Source, rng: Random, article: Article):
        self.src, self.rng = src, rng
        page = article.page
        text_norm = " " + " ".join(n for n in page.norms + [norm_piece(LIST_INTRO)] if n) + " "
        self.partner_ids: list[str] = []
        for _ in range(rng.randint(1, 5)):
            pid = page.any_partner()
            if pid not in self.partner_ids and not any(x in text_norm for x in src.partner_norms[pid]):
                self.partner_ids.append(pid)

    def headline(self, with_partner: bool, short: bool = False) -> str:
        """A related article's headline; *short*: one the converter knows as a bare headline
        (150 characters at most, no closing punctuation), as the thoidai site prints inline."""
        rng, names = self.rng, self.src.authority.partners
        if with_partner and self.partner_ids:
            return rng.choice(RELATED_HEADLINES).replace("{P}", names[rng.choice(self.partner_ids)].name_vi)
        if not short and self.src.chrome_lines and rng.random() < 0.6:
            return rng.choice(self.src.chrome_lines)
        return rng.choice(GENERIC_HEADLINES).format(d=rng.randint(1, 28), m=rng.randint(1, 12))

    def summary(self) -> str:
        rng = self.rng
        pid = rng.choice(self.partner_ids) if self.partner_ids else None
        text = rng.choice(RELATED_SUMMARIES)
        name = self.src.authority.partners[pid].name_vi if pid else "các đối tác quốc tế"
        return text.format(d=rng.randint(1, 28), m=rng.randint(1, 12), P=name)

    def related(self, count: int) -> str:
        out = []
        for _ in range(count):
            h = self.headline(self.rng.random() < 0.6)
            out.append(f"{h}\n\n{h}\n\n{self.summary()}")
        return "\n".join(out)


def wrap_in_chrome(src: Source, rng: Random, article: Article) -> tuple[str, list[str], list[str], str | None]:
    """The page's text in its site's chrome, the partners named only in the chrome, the authors
    named and the source address printed (if any)."""
    chrome = Chrome(src, rng, article)
    authors = rng.sample(AUTHORS, 2)
    lines = _masthead(chrome, article)
    _lay_out(rng, article, lines)
    lines.append("")
    footer = {"thoidai": _thoidai_footer, "portal": _portal_footer}.get(article.style, _baoxaydung_footer)
    authors, source_url = footer(chrome, article, authors, lines)
    return "\n".join(lines), chrome.partner_ids, authors, source_url


def _masthead(chrome: Chrome, article: Article) -> list[str]:
    """What the site prints above the article's text, then the lead."""
    rng, dt, title, lead = chrome.rng, article.dt, article.title, article.lead
    lines: list[str] = []
    if article.style == "thoidai":
        lines += [rng.choice(THOIDAI_BREADCRUMBS), _date_line(dt, 0), "", title, "", "aa"]
        lead_group = [lead]
        if rng.random() < 0.6:  # the site's inline "related" box glued under the lead
            lead_group += [chrome.headline(True, short=True) for _ in range(rng.randint(1, 2))]
        lines.append("\n".join(lead_group))
    elif article.style == "portal":
        lines += ["Truy cập nội dung luôn", "", title, "", _date_line(dt, rng.choice((1, 2))), ""]
        if rng.random() < 0.3:
            lines += ["\u00a0", ""]
        lines.append(lead)
    else:
        lines += [title, "", _date_line(dt, rng.randrange(3)), "", lead]
    return lines


def _date_line(dt: datetime, fmt: int) -> str:
    if fmt == 0:
        return f"{dt:%H:%M} | {dt:%d/%m/%Y} GMT+7"
    if fmt == 1:
        return f"{dt:%Y-%m-%d %H:%M:%S}.0"
    return f"{dt:%d-%m-%Y %H:%M}"


def _lay_out(rng: Random, article: Article, lines: list[str]) -> None:
    """The blocks after the lead, appended to *lines* as the site prints them: list items sometimes
    run together, captions broken over two lines or beside their image's alt text."""
    style = article.style
    spacer = ["", "\u00a0", ""] if style == "portal" and rng.random() < 0.3 else [""]
    for kind, text, credit in article.blocks:
        if kind == "list" and lines and lines[-1].startswith(("- ", "• ")) and rng.random() < 0.5:
            lines[-1] += "\n- " + text
            continue
        lines += spacer
        if kind == "list":
            lines.append(("- " if rng.random() < 0.8 else "• ") + text)
        elif kind == "caption" and credit is None and text.startswith("Ảnh"):
            words = text.split(" ")
            cut = [k for k in range(4, len(words) - 2) if words[k][:1].islower()]
            if cut and rng.random() < 0.6:  # a caption broken over two lines, as the portal prints them
                k = rng.choice(cut)
                lines += [" ".join(words[:k]), "", " ".join(words[k:])]
            else:
                lines.append(text)
        elif kind == "caption":
            cap = f"{text} (Ảnh: {credit})" if rng.random() < 0.85 else f"{text} (Ảnh {credit})"
            if style == "thoidai" and rng.random() < 0.6:  # the image's alt text above its caption
                alt = article.title if rng.random() < 0.3 else text
                lines.append(f"{alt}\n{cap}")
            elif style == "baoxaydung" and rng.random() < 0.5:
                lines += [text, "", text]  # alt text and caption, both without credit
            else:
                lines.append(cap)
        else:
            lines.append(text)


def _thoidai_footer(chrome: Chrome, article: Article, authors: list[str], lines: list[str]):
    """Doubled related headlines, the byline and "Nguồn:", then three boxes of related news."""
    rng = chrome.rng
    if rng.random() < 0.4:  # related headlines doubled on one line, before the byline
        doubled = [chrome.headline(True, short=True) for _ in range(rng.randint(1, 2))]
        lines += ["\n".join(f"{h} {h}" for h in doubled), ""]
    aff = rng.random()
    byline = authors[0] if aff < 0.8 else f"{authors[0]} ({rng.choice(AFFILIATIONS[:2])})"
    lines += [f"{byline}\nNguồn:", "", "Tin bài liên quan", ""]
    if rng.random() < 0.8:
        lines += [chrome.related(rng.randint(1, 3)), ""]
    lines += ["Các tin bài khác", "", chrome.related(rng.randint(2, 4)), "", "Đọc nhiều", "",
              chrome.related(rng.randint(2, 4))]
    extra = [chrome.headline(False) for _ in range(rng.randint(2, 6))]
    lines.append("\n".join(extra + ["Xin chờ trong giây lát..."]))
    lines.append("Phiên bản di động")
    return authors, None


def _portal_footer(chrome: Chrome, article: Article, authors: list[str], lines: list[str]):
    """The byline with the office, sometimes related news, and the visitor counter."""
    rng = chrome.rng
    counter = [f"Đang truy cập: {rng.randint(100, 9999)}", "", f"Tổng truy cập: {rng.randint(1_000_000, 9_999_999)}"]
    v = rng.random()
    if v < 0.45:  # the visitor counter glued to the byline
        lines += [f"{authors[0]} – Văn phòng SởThống kê truy cập", ""] + counter
    else:
        by = f"{authors[0]} ({AFFILIATIONS[0]})" if v < 0.8 else f"{authors[0]} – {AFFILIATIONS[2]}"
        lines.append(f"{by}\nthainguyen.gov.vn" if rng.random() < 0.5 else by)
        lines.append("")
        if rng.random() < 0.4:
            lines += ["Tin liên quan", "", "\n".join(chrome.headline(True) for _ in range(rng.randint(2, 4))), ""]
        lines += ["Thống kê truy cập", ""] + counter
    return authors, None


def _baoxaydung_footer(chrome: Chrome, article: Article, authors: list[str], lines: list[str]):
    """One or two authors with a photo credit, and the source line with the article's address."""
    from tnarchive.text import slugify

    rng = chrome.rng
    if rng.random() >= 0.6:
        authors = authors[:1]
    by = " - ".join(authors)
    lines += [f"{by} (Ảnh: {rng.choice(CREDITS)})" if rng.random() < 0.7 else by, ""]
    source_url = f"https://baoxaydung.com.vn/{slugify(article.title, max_length=120)}-{rng.randint(100000, 999999)}.html"
    lines.append(f"Nguồn Xây Dựng: {source_url}")
    return authors, source_url
