"""The translation memory: every block of every current translation (one that translates today's
Vietnamese, block for block), as a TMX for CAT tools and as a lookup that fills identical blocks
(standard closing lines, recurring official titles) when an article is exported."""
from __future__ import annotations

from translate.storage import tmx

from .records import English, Source

Memory = dict  # Vietnamese block → (English, "slug#unit")


def pairs(src: Source, eng: English | None):
    """(unit id, Vietnamese, English) of a current, aligned translation; nothing otherwise."""
    if eng is None or eng.record.get("source_sha256") != src.sha256:
        return []
    en = eng.texts(src)
    if sorted(en) != sorted(u.id for u in src.units):
        return []
    return [(u.id, u.text, en[u.id]) for u in src.units if en.get(u.id)]


def build(articles: list[tuple[Source, English | None]]) -> Memory:
    """The first translation of each Vietnamese block wins (articles in slug order: stable)."""
    mem: Memory = {}
    for src, eng in articles:
        for uid, vi, en in pairs(src, eng):
            mem.setdefault(vi, (en, f"{src.slug}#{uid}"))
    return mem


def tmx_bytes(articles: list[tuple[Source, English | None]]) -> bytes:
    store = tmx.tmxfile(sourcelanguage="vi", targetlanguage="en")
    for src, eng in articles:
        for uid, vi, en in pairs(src, eng):
            store.addtranslation(vi, "vi", en, "en", comment=f"{src.slug}#{uid}")
    return bytes(store)
