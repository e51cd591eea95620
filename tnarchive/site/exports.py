"""The archive's reusable data: JSON/CSV records, schema.org JSON-LD, an Atom feed, a sitemap.

Pure functions of a Catalog (no file I/O, no MkDocs): the plugin writes what they return.
Output is deterministic, byte for byte, so a rebuild of unchanged articles changes no file
and diffs of the published data show only real changes: collections are sorted, records keep
a fixed field order, and no clock is read (the feed's date comes from the articles).
"""
from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

from ..catalog.model import Article, Catalog, sort_key

SITE_TITLE = {"vi": "Lưu trữ Hợp tác Quốc tế Thái Nguyên", "en": "Thái Nguyên International Cooperation Archive"}
VN_OFFSET = "+07:00"  # the sources are Vietnamese papers: a date without a time zone is Vietnam time
FEED_SIZE = 50
ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
_PLACE_TYPES = {"country": "Country", "province": "AdministrativeArea", "district": "AdministrativeArea",
                "city": "City"}
_ORG_TYPES = {"embassy": "GovernmentOrganization", "government-body": "GovernmentOrganization",
              "university": "CollegeOrUniversity", "ngo": "NGO"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$")


# ---------- records (data.json / data.csv) ----------

def _articles(cat: Catalog) -> list[Article]:
    """Newest first, whatever order the Catalog was given its articles in: a Catalog sorts them by
    sort_key when it is made (Catalog.__post_init__), so they are not sorted again here."""
    return cat.articles


def articles_records(cat: Catalog) -> list[dict]:
    """One flat record per article, for people who analyse the archive outside the site."""
    return [article_record(cat, a) for a in _articles(cat)]


def article_record(cat: Catalog, a: Article) -> dict:
    tr = a.translation
    countries = {cat.authority.country_of(p) for p in a.partners}
    return {
        "slug": a.slug, "seed": a.seed, "sha256": a.provenance.get("sha256"),
        "title_vi": a.title, "title_en": tr.title if tr else None,
        "date": a.date, "date_precision": a.date_precision, "date_inferred": a.date_inferred,
        "authors": [{"name": x.get("name"), "affiliation": x.get("affiliation")} for x in a.authors],
        "source_name": a.source.get("name"), "source_url": a.source.get("url"),
        "summary_vi": a.summary, "summary_en": tr.summary if tr else None,
        "people": list(a.people), "partners": list(a.partners),
        "partner_countries": sorted(c for c in countries if c),
        "url_vi": a.url("vi"), "url_en": a.url("en"),
        "translation_stale": tr.stale if tr else None,
    }


def articles_files(cat: Catalog, memo: dict | None = None) -> tuple[str, str]:
    """articles.json and articles.csv: the text of to_json and to_csv of articles_records(cat).

    *memo* (mkdocs serve: kept between rebuilds) holds each article's JSON and CSV text by the
    digest of what its record shows (cat.digests: its metadata and data/), so that a rebuild after
    an edit encodes only the edited articles (0.6 s for all of them at 5,000)."""
    arts = _articles(cat)
    if memo is None or not arts or any(a.slug not in cat.digests for a in arts):
        records = articles_records(cat)
        return to_json(records), to_csv(records)
    parts, live = [], set()
    for a in arts:
        key = (a.slug, cat.digests[a.slug])
        part = memo.get(key)
        if part is None:
            rec = article_record(cat, a)
            item = json.dumps(rec, ensure_ascii=False, indent=2)
            part = memo[key] = ("  " + item.replace("\n", "\n  "), _csv_rows([[_cell(v) for v in rec.values()]]))
        parts.append(part)
        live.add(key)
    for key in [k for k in memo if k not in live]:
        del memo[key]
    # The same text as json.dumps(records, indent=2): each item indented one level, comma-separated.
    return ("[\n" + ",\n".join(p[0] for p in parts) + "\n]\n",
            _csv_rows([list(article_record(cat, arts[0]))]) + "".join(p[1] for p in parts))


def partners_records(cat: Catalog) -> list[dict]:
    """The partner authority list with what the archive says about each (country, article count)."""
    return [{
        "id": p.id, "name_vi": p.name_vi, "name_en": p.name_en, "kind": p.kind, "parent": p.parent,
        "country": cat.authority.country_of(p.id), "aliases": list(p.aliases),
        "article_count": len(cat.by_partner.get(p.id, [])),
        "url_vi": f"partners/{p.id}.html", "url_en": f"en/partners/{p.id}.html",
    } for p in sorted(cat.authority.partners.values(), key=lambda p: p.id)]


def people_records(cat: Catalog) -> list[dict]:
    """The people authority list; role dates become strings (YAML gives datetime.date)."""
    return [{
        "id": p.id, "name": p.name, "name_ascii": p.name_ascii, "name_en": p.name_en,
        "nationality": p.nationality,
        "roles": [{"role_vi": r.get("role_vi"), "role_en": r.get("role_en"),
                   "date": None if r.get("date") is None else str(r["date"]), "seed": r.get("seed")}
                  for r in p.roles],
        "article_count": len(cat.by_person.get(p.id, [])),
        "url_vi": f"people/{p.id}.html", "url_en": f"en/people/{p.id}.html",
    } for p in sorted(cat.authority.people.values(), key=lambda p: p.id)]


def to_json(records: list[dict]) -> str:
    """Readable UTF-8 JSON; field order is the records' own (the same as the CSV columns)."""
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def _readable(d: dict) -> str:
    """{"name": "Kim Ngân", "affiliation": "Sở…"} → "Kim Ngân (Sở…)": first value, the rest in brackets."""
    head, *rest = [str(v) for v in d.values() if v not in (None, "")] or [""]
    return f"{head} ({', '.join(rest)})" if rest else head


def _cell(value) -> str:
    """One CSV cell. Article text is untrusted: a cell a spreadsheet would run as a formula gets a quote."""
    if value is None:
        text = ""
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (list, tuple)):
        text = "; ".join(_readable(v) if isinstance(v, dict) else str(v) for v in value)
    elif isinstance(value, dict):
        text = _readable(value)
    else:
        text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(records: list[dict]) -> str:
    """A spreadsheet-friendly table: header from the first record's keys, lists joined with "; "."""
    if not records:
        return ""
    keys = list(records[0])
    return _csv_rows([keys, *([_cell(rec.get(k)) for k in keys] for rec in records)])


def _csv_rows(rows) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


# ---------- JSON-LD ----------

def _rfc3339(date: str | None) -> str | None:
    """Pad a partial date to a full timestamp: "2023-08-10" → "2023-08-10T00:00:00+07:00"."""
    m = _DATE.match(str(date or ""))
    if not m:
        return None
    y, mo, d, hm, sec, tz = m.groups()
    return f"{y}-{mo or '01'}-{d or '01'}T{hm or '00:00'}{sec or ':00'}{tz or VN_OFFSET}"


def _lang_of(art: Article, lang: str) -> str:
    """The language the page really shows: an untranslated English page shows the Vietnamese text."""
    return "en" if lang == "en" and art.translation else "vi"


def _prefix(lang: str) -> str:
    return "" if lang == "vi" else "en/"


def _site_root(page_url: str, own_path: str) -> str | None:
    """page_url minus the page's own site-root-relative path ("https://…/archive/" or ""), so linked
    pages get URLs of the same form; None when page_url is not that page's URL (links are then left out)."""
    if page_url == own_path or page_url.endswith("/" + own_path):
        return page_url[: len(page_url) - len(own_path)]
    return None


def _ref(root: str | None, path: str, data: dict) -> dict:
    return {**data, "url": root + path} if root is not None else data


def _partner_ref(cat: Catalog, pid: str, lang: str, root: str | None) -> dict:
    p = cat.authority.partners[pid]
    kind = _PLACE_TYPES.get(p.kind) or _ORG_TYPES.get(p.kind) or "Organization"
    name = p.name_vi if lang == "vi" else p.name_en
    return _ref(root, f"{_prefix(lang)}partners/{pid}.html", {"@type": kind, "name": name})


def _person_ref(cat: Catalog, pid: str, lang: str, root: str | None) -> dict:
    p = cat.authority.people[pid]
    name = p.name if lang == "vi" else (p.name_en or p.name)
    return _ref(root, f"{_prefix(lang)}people/{pid}.html", {"@type": "Person", "name": name})


def _author(a: dict) -> dict:
    person = {"@type": "Person", "name": a["name"]}
    if a.get("affiliation"):
        person["worksFor"] = {"@type": "Organization", "name": a["affiliation"]}
    return person


def jsonld_article(art: Article, lang: str, page_url: str, cat: Catalog | None = None) -> dict:
    """A NewsArticle for search engines. about/mentions need `cat`: an Article holds only partner and
    person ids, their names live in the authority."""
    shown, root = _lang_of(art, lang), _site_root(page_url, art.url(lang))
    data: dict = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": art.title_in(shown),
                  "description": art.summary_in(shown), "inLanguage": shown, "url": page_url}
    if _rfc3339(art.date):
        data["datePublished"] = _rfc3339(art.date)
    if any(a.get("name") for a in art.authors):
        data["author"] = [_author(a) for a in art.authors if a.get("name")]
    src = {k: art.source.get(k) for k in ("name", "url") if art.source.get(k)}
    if src:
        data["publisher"] = {"@type": "Organization", **src}
    if cat is not None:
        data["about"] = [_partner_ref(cat, p, lang, root) for p in art.partners if p in cat.authority.partners]
        data["mentions"] = [_person_ref(cat, p, lang, root) for p in art.people if p in cat.authority.people]
    if art.source.get("url"):
        data["isBasedOn"] = art.source["url"]
    if shown == "en":
        original = {"@type": "NewsArticle", "headline": art.title, "inLanguage": "vi"}
        data["translationOfWork"] = _ref(root, art.url("vi"), original)
    return data


SUBJECT_OF_MAX = 100  # the newest articles, as on the page itself: a page's size stays bounded


def _subject_of(arts: list[Article], lang: str, root: str | None) -> list[dict]:
    return [_ref(root, a.url(lang), {"@type": "NewsArticle", "headline": a.title_in(lang)})
            for a in sorted(arts, key=sort_key)[:SUBJECT_OF_MAX]]


def jsonld_partner(partner_id: str, cat: Catalog, lang: str, page_url: str) -> dict:
    """A partner page's main entity: a place within its parent place, or an organisation in a place
    (an embassy, a company) or within a parent organisation; with the articles that mention it."""
    p = cat.authority.partners[partner_id]
    root = _site_root(page_url, f"{_prefix(lang)}partners/{partner_id}.html")
    data = {"@context": "https://schema.org", **_partner_ref(cat, partner_id, lang, None), "url": page_url}
    alt = [n for n in dict.fromkeys((p.name_vi, p.name_en, *p.aliases)) if n != data["name"]]
    if alt:
        data["alternateName"] = alt
    if p.parent in cat.authority.partners:
        parent = _partner_ref(cat, p.parent, lang, root)
        in_place = parent["@type"] in _PLACE_TYPES.values()
        key = "containedInPlace" if p.kind in _PLACE_TYPES else "location" if in_place else "parentOrganization"
        data[key] = parent
    data["subjectOf"] = _subject_of(cat.by_partner.get(partner_id, []), lang, root)
    return data


def jsonld_person(person_id: str, cat: Catalog, lang: str, page_url: str) -> dict:
    """A person page's main entity, with the titles the articles give, in the page's language.
    nationality is the two-letter code people.yml records, as the Country's identifier."""
    p = cat.authority.people[person_id]
    root = _site_root(page_url, f"{_prefix(lang)}people/{person_id}.html")
    data: dict = {"@context": "https://schema.org", **_person_ref(cat, person_id, lang, None), "url": page_url}
    alt = [n for n in dict.fromkeys((p.name, p.name_en, p.name_ascii, *p.aliases)) if n and n != data["name"]]
    if alt:
        data["alternateName"] = alt
    if p.nationality:
        data["nationality"] = {"@type": "Country", "identifier": p.nationality}
    titles = [r.get(f"role_{lang}") or r.get("role_vi") for r in p.roles]
    data["jobTitle"] = list(dict.fromkeys(t for t in titles if t))
    data["subjectOf"] = _subject_of(cat.by_person.get(person_id, []), lang, root)
    return data


def jsonld_script(data: dict) -> str:
    """A script element whose text cannot close it or open a comment: <, >, & and line separators escaped."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    for ch in "&<>\u2028\u2029":  # none of them is JSON syntax, so they only occur inside strings
        text = text.replace(ch, f"\\u{ord(ch):04x}")
    return f'<script type="application/ld+json">{text}</script>'


# ---------- Atom feed and sitemap ----------

def _clean(text: str | None) -> str:
    """Drop characters XML 1.0 forbids (control characters in a scraped page would make the feed unreadable)."""
    return _NOT_XML.sub("", text or "")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {k: _clean(v) for k, v in attrs.items()})
    if text is not None:
        el.text = _clean(text)
    return el


def _absolute(site_url: str | None, path: str) -> str:
    """Site-root-relative path → absolute URL under site_url (with or without its trailing slash)."""
    return urljoin(site_url.rstrip("/") + "/", path) if site_url else path


def _serialise(root: ET.Element) -> str:
    """Indented (leaf text untouched) so a changed entry shows as a small diff."""
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def atom_feed(cat: Catalog, lang: str, site_url: str | None, feed_path: str, updated: str | None = None,
              *, title: str | None = None) -> str:
    """The newest dated articles as Atom 1.0. Without site_url, links are site-root-relative and an
    xml:base climbing from feed_path to the site root makes them resolve from wherever the feed sits."""
    if updated and not _rfc3339(updated):
        raise ValueError(f"updated: {updated!r} is not an ISO date")
    arts = [a for a in _articles(cat) if _rfc3339(a.date)][:FEED_SIZE]
    title = title or SITE_TITLE.get(lang, SITE_TITLE["vi"])
    feed = ET.Element("feed", {"xmlns": ATOM, XML_LANG: lang})
    if not site_url and feed_path.count("/"):
        feed.set(XML_BASE, "../" * feed_path.count("/"))
    _sub(feed, "id", _absolute(site_url, feed_path) if site_url else f"urn:tnarchive:feed:{lang}")
    _sub(feed, "title", title)
    _sub(feed, "updated", _rfc3339(updated) or (_rfc3339(arts[0].date) if arts else "1970-01-01T00:00:00Z"))
    _sub(_sub(feed, "author"), "name", title)  # Atom needs an author; entries name theirs when known
    _sub(feed, "link", rel="self", type="application/atom+xml", href=_absolute(site_url, feed_path))
    _sub(feed, "link", rel="alternate", type="text/html", href=_absolute(site_url, _prefix(lang)) or "./")
    for a in arts:
        _entry(feed, a, lang, site_url)
    return _serialise(feed)


def _entry(feed: ET.Element, art: Article, lang: str, site_url: str | None) -> None:
    shown = _lang_of(art, lang)
    entry = _sub(feed, "entry")
    if shown != lang:  # an untranslated article in the English feed: its text is Vietnamese
        entry.set(XML_LANG, shown)
    href = _absolute(site_url, art.url(lang))
    _sub(entry, "id", href if site_url else f"urn:tnarchive:{lang}:{art.slug}")
    _sub(entry, "title", art.title_in(shown))
    _sub(entry, "link", rel="alternate", type="text/html", hreflang=shown, href=href)
    _sub(entry, "published", _rfc3339(art.date))
    _sub(entry, "updated", _rfc3339(art.date))
    for author in art.authors:
        if author.get("name"):
            _sub(_sub(entry, "author"), "name", author["name"])
    if art.summary_in(shown):
        _sub(entry, "summary", art.summary_in(shown), type="text")


def sitemap_xml(urls: list[tuple[str, dict[str, str]]], site_url: str | None) -> str:
    """A sitemap with hreflang alternates, in the given order. Search engines need absolute
    URLs, so pass site_url for a published site; relative locs only suit local checks."""
    root = ET.Element("urlset", {"xmlns": "http://www.sitemaps.org/schemas/sitemap/0.9",
                                 "xmlns:xhtml": "http://www.w3.org/1999/xhtml"})
    for loc, alternates in urls:
        url = _sub(root, "url")
        _sub(url, "loc", _absolute(site_url, loc))
        for lang in sorted(alternates):
            _sub(url, "xhtml:link", rel="alternate", hreflang=lang, href=_absolute(site_url, alternates[lang]))
    return _serialise(root)


SITEMAP_URLS = 2000  # pages per part of the sitemap


def sitemap_files(urls: list[tuple[str, dict[str, str]]], site_url: str | None) -> dict[str, str]:
    """sitemap.xml as a sitemap index of parts (sitemap-1.xml, …, each at most SITEMAP_URLS pages).

    Material's language selector fetches sitemap.xml beside every rel=alternate link of a page
    (the Atom feed's among them) and parses it on the main thread: one sitemap of 5,000 articles
    per language is 1.9 MB and blocks each page load for almost half a second. The index stays a
    few hundred bytes however large the archive grows, and search engines read the parts."""
    parts = {f"sitemap-{i + 1}.xml": sitemap_xml(urls[start:start + SITEMAP_URLS], site_url)
             for i, start in enumerate(range(0, len(urls), SITEMAP_URLS))}
    index = ET.Element("sitemapindex", {"xmlns": "http://www.sitemaps.org/schemas/sitemap/0.9"})
    for name in parts:
        _sub(_sub(index, "sitemap"), "loc", _absolute(site_url, name))
    return {"sitemap.xml": _serialise(index), **parts}
