"""The archive's data exports (tnarchive.site.exports) over the real converted articles and data/."""
from __future__ import annotations

import copy
import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
import yaml
from conftest import ROOT

from tnarchive.site import exports
from tnarchive.catalog.loader import load_catalog
from tnarchive.catalog.model import Catalog

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
SITE = "https://example.org/archive/"
EVIL = "Evil </script><script>alert(1)</script> <!-- & \u2028"


@pytest.fixture(scope="module")
def cat() -> Catalog:
    """The real catalog, read as the plugin reads it."""
    return load_catalog(ROOT / "docs", ROOT / "data")


def variant(cat: Catalog, slug: str, **changes) -> Catalog:
    """A copy of the catalog with one article changed; the real one stays as built."""
    arts = copy.deepcopy(cat.articles)
    for a in arts:
        if a.slug == slug:
            for k, v in changes.items():
                setattr(a, k, v)
    return Catalog(articles=arts, authority=cat.authority)


def slug_of(cat: Catalog, seed_prefix: str) -> str:
    return next(a.slug for a in cat.articles if a.seed.startswith(seed_prefix))


def parse_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def script_json(script: str):
    opening, closing = '<script type="application/ld+json">', "</script>"
    assert script.startswith(opening) and script.endswith(closing)
    inner = script[len(opening):-len(closing)]
    assert "</script" not in inner.lower() and "<" not in inner and ">" not in inner
    assert "<!--" not in inner and "\u2028" not in inner
    return json.loads(inner)


# ---------- records ----------

def test_articles_are_newest_first(cat):
    recs = exports.articles_records(cat)
    assert len(recs) == 5
    assert recs[0]["date"].startswith("2025-02-10") and recs[-1]["date"].startswith("2021-10-20")
    assert [r["date"][:10] for r in recs] == sorted((r["date"][:10] for r in recs), reverse=True)


def test_article_order_does_not_depend_on_catalog_order(cat):
    shuffled = Catalog(articles=list(reversed(cat.articles)), authority=cat.authority)
    assert exports.articles_records(shuffled) == exports.articles_records(cat)
    assert exports.atom_feed(shuffled, "vi", SITE, "feed.xml") == exports.atom_feed(cat, "vi", SITE, "feed.xml")


def test_inferred_date_of_seed_003(cat):
    rec = next(r for r in exports.articles_records(cat) if r["seed"].startswith("003_"))
    assert rec["date"] == "2023-08-10" and rec["date_precision"] == "day"
    assert isinstance(rec["date_inferred"], str) and "2023" in rec["date_inferred"]
    assert rec["title_en"] and rec["url_en"] == f"en/articles/{rec['slug']}.html"
    assert rec["url_vi"] == f"articles/{rec['slug']}.html" and len(rec["sha256"]) == 64
    assert rec["translation_stale"] is False
    assert {"name": "Việt Hoan", "affiliation": None} in rec["authors"]


def test_partners_are_authority_ids(cat):
    data = yaml.safe_load((ROOT / "data/partners.yml").read_text(encoding="utf-8"))
    kinds = {p["id"]: p["kind"] for p in data["partners"]}
    recs = exports.articles_records(cat)
    assert any(r["partners"] for r in recs)
    for r in recs:
        assert set(r["partners"]) <= set(kinds), r["slug"]
        assert r["partner_countries"] == sorted(set(r["partner_countries"]))
        assert all(kinds[c] == "country" for c in r["partner_countries"])
    rec_003 = next(r for r in recs if r["seed"].startswith("003_"))
    assert rec_003["partner_countries"] == ["korea"]


def test_partner_and_people_records(cat):
    partners = exports.partners_records(cat)
    assert [p["id"] for p in partners] == sorted(p["id"] for p in partners)
    korea = next(p for p in partners if p["id"] == "korea")
    assert korea["country"] == "korea" and korea["url_en"] == "en/partners/korea.html" and korea["article_count"] >= 1
    chilgok = next(p for p in partners if p["id"] == "chilgok")
    assert chilgok["parent"] == "gyeongsangbuk-do" and chilgok["country"] == "korea"
    people = exports.people_records(cat)
    assert [p["id"] for p in people] == sorted(p["id"] for p in people)
    hung = next(p for p in people if p["id"] == "trinh-viet-hung")
    assert hung["article_count"] == 2 and hung["url_vi"] == "people/trinh-viet-hung.html"
    assert {"role_vi", "role_en", "date", "seed"} == set(hung["roles"][0])
    assert all(isinstance(r["date"], str) for p in people for r in p["roles"])


# ---------- JSON and CSV ----------

@pytest.mark.parametrize("which", ["articles_records", "partners_records", "people_records"])
def test_json_round_trips(cat, which):
    recs = getattr(exports, which)(cat)
    text = exports.to_json(recs)
    assert text.endswith("]\n") and "Thái Nguyên" in exports.to_json(exports.articles_records(cat))
    assert json.loads(text) == recs


@pytest.mark.parametrize("which", ["articles_records", "partners_records", "people_records"])
def test_csv_parses_back_into_the_same_table(cat, which):
    recs = getattr(exports, which)(cat)
    text = exports.to_csv(recs)
    assert "\r" not in text
    rows = parse_csv(text)
    assert rows[0] == list(recs[0])
    assert len(rows) == len(recs) + 1
    assert all(len(row) == len(recs[0]) for row in rows)


def test_csv_lists_are_readable(cat):
    rows = list(csv.DictReader(io.StringIO(exports.to_csv(exports.articles_records(cat)))))
    by_date = {r["date"][:10]: r for r in rows}
    assert by_date["2023-08-29"]["authors"] == "Kim Ngân (Sở Ngoại vụ tỉnh Thái Nguyên)"
    assert by_date["2023-08-10"]["authors"] == "Việt Hoan; Kim Oanh"
    assert by_date["2023-08-10"]["partners"].split("; ")[:2] == ["gyeongsangbuk-do", "korea"]
    assert by_date["2021-10-20"]["source_url"] == ""  # None becomes an empty cell


def test_csv_neutralises_formulas(cat):
    slug = slug_of(cat, "003_")
    evil = variant(cat, slug, title='=HYPERLINK("http://evil.example","x")', summary="+cmd|' /C calc'!A0",
                   authors=[{"name": "@SUM(1+1)", "affiliation": None}])
    rows = list(csv.DictReader(io.StringIO(exports.to_csv(exports.articles_records(evil)))))
    row = next(r for r in rows if r["slug"] == slug)
    assert row["title_vi"] == "'" + '=HYPERLINK("http://evil.example","x")'
    assert row["summary_vi"].startswith("'+") and row["authors"].startswith("'@")
    for r in rows:
        assert not any(v.startswith(("=", "+", "-", "@")) for v in r.values())


# ---------- JSON-LD ----------

def test_jsonld_script_cannot_break_out(cat):
    slug = slug_of(cat, "003_")
    evil = variant(cat, slug, title=EVIL, summary=EVIL)
    art = evil.by_slug[slug]
    data = exports.jsonld_article(art, "vi", art.url("vi"), evil)
    script = exports.jsonld_script(data)
    assert script.lower().count("</script") == 1
    parsed = script_json(script)
    assert parsed["headline"] == EVIL and parsed == json.loads(json.dumps(data))


def test_jsonld_article(cat):
    art = cat.by_slug[slug_of(cat, "003_")]
    en = script_json(exports.jsonld_script(exports.jsonld_article(art, "en", SITE + art.url("en"), cat)))
    assert en["@type"] == "NewsArticle" and en["inLanguage"] == "en"
    assert en["headline"] == art.translation.title and en["url"] == SITE + art.url("en")
    assert en["datePublished"] == "2023-08-10T00:00:00+07:00"
    assert en["translationOfWork"]["headline"] == art.title and en["translationOfWork"]["inLanguage"] == "vi"
    assert en["isBasedOn"] == art.source["url"] and en["publisher"]["name"] == "Báo Xây dựng"
    about = {x["name"]: x["@type"] for x in en["about"]}
    assert about["Republic of Korea"] == "Country" and about["Gyeongsangbuk-do"] == "AdministrativeArea"
    assert "Person" in {x["@type"] for x in en["mentions"]}
    vi = exports.jsonld_article(art, "vi", art.url("vi"), cat)
    assert vi["inLanguage"] == "vi" and vi["headline"] == art.title and "translationOfWork" not in vi
    assert {"@type": "Person", "name": "Việt Hoan"} in vi["author"]


def test_jsonld_article_authors_and_unknown_source(cat):
    gov = cat.by_slug[slug_of(cat, "002_")]
    data = exports.jsonld_article(gov, "vi", gov.url("vi"), cat)
    assert data["author"][0]["worksFor"] == {"@type": "Organization", "name": "Sở Ngoại vụ tỉnh Thái Nguyên"}
    old = cat.by_slug[slug_of(cat, "004_")]
    data = exports.jsonld_article(old, "vi", old.url("vi"), cat)
    assert "publisher" not in data and "isBasedOn" not in data


def test_jsonld_partner_and_person(cat):
    korea = exports.jsonld_partner("korea", cat, "en", SITE + "en/partners/korea.html")
    assert korea["@type"] == "Country" and korea["name"] == "Republic of Korea" and "Hàn Quốc" in korea["alternateName"]
    chilgok = exports.jsonld_partner("chilgok", cat, "vi", "partners/chilgok.html")
    assert chilgok["containedInPlace"]["url"] == "partners/gyeongsangbuk-do.html"
    hung = exports.jsonld_person("trinh-viet-hung", cat, "en", "en/people/trinh-viet-hung.html")
    assert hung["@type"] == "Person" and hung["name"] == "Trinh Viet Hung" and "Trịnh Việt Hùng" in hung["alternateName"]
    assert hung["nationality"]["@type"] == "Country"
    assert "Secretary of the Thái Nguyên Provincial Party Committee" in hung["jobTitle"]
    vi = exports.jsonld_person("trinh-viet-hung", cat, "vi", "people/trinh-viet-hung.html")
    assert "Bí thư Tỉnh ủy Thái Nguyên" in vi["jobTitle"]
    for data in (korea, chilgok, hung, vi):
        assert script_json(exports.jsonld_script(data)) == data


# ---------- Atom ----------

def entries(feed: str) -> list[ET.Element]:
    root = ET.fromstring(feed.encode("utf-8"))
    assert root.tag == f"{ATOM}feed"
    return root.findall(f"{ATOM}entry")


def test_atom_feed_in_both_languages(cat):
    for lang in ("vi", "en"):
        feed = exports.atom_feed(cat, lang, SITE, f"{'' if lang == 'vi' else 'en/'}feed.xml")
        got = entries(feed)
        assert len(got) == 5
        for entry, art in zip(got, cat.articles):
            assert entry.findtext(f"{ATOM}title") == art.title_in(lang)
            href = entry.find(f"{ATOM}link").get("href")
            assert href == SITE + art.url(lang)
        root = ET.fromstring(feed)
        assert root.findtext(f"{ATOM}updated") == "2025-02-10T12:08:00+07:00"
        assert root.find(f"{ATOM}link[@rel='self']").get("href").startswith(SITE)
    en = entries(exports.atom_feed(cat, "en", SITE, "en/feed.xml"))
    assert all(art.translation and e.findtext(f"{ATOM}title") == art.translation.title for e, art in zip(en, cat.articles))
    day = next(e for e in en if "2023-08-10" in e.findtext(f"{ATOM}id"))
    assert day.findtext(f"{ATOM}updated") == "2023-08-10T00:00:00+07:00"


def test_atom_feed_relative_links_and_fallback(cat):
    slug = slug_of(cat, "003_")
    untranslated = variant(cat, slug, translation=None, title=EVIL)
    feed = exports.atom_feed(untranslated, "en", None, "en/feed.xml", updated="2026-01-01")
    root = ET.fromstring(feed)
    assert root.findtext(f"{ATOM}updated") == "2026-01-01T00:00:00+07:00"
    for e in root.findall(f"{ATOM}entry"):
        assert not e.find(f"{ATOM}link").get("href").startswith(("http", "/"))
    entry = next(e for e in root.findall(f"{ATOM}entry") if slug in e.find(f"{ATOM}link").get("href"))
    assert entry.get(XML_LANG) == "vi" and entry.findtext(f"{ATOM}title") == EVIL


# ---------- sitemap ----------

def test_sitemap_has_hreflang_alternates(cat):
    urls = [(a.url(lang), {"vi": a.url("vi"), "en": a.url("en")}) for a in cat.articles for lang in ("vi", "en")]
    for site in (SITE, None):
        root = ET.fromstring(exports.sitemap_xml(urls, site))
        got = root.findall(f"{SM}url")
        assert len(got) == 10
        for url, (loc, alts) in zip(got, urls):
            assert url.findtext(f"{SM}loc") == (site or "") + loc
            links = {x.get("hreflang"): x.get("href") for x in url.findall(f"{XHTML}link") if x.get("rel") == "alternate"}
            assert links == {k: (site or "") + v for k, v in alts.items()}


def test_sitemap_is_a_small_index_of_bounded_parts(cat, monkeypatch):
    monkeypatch.setattr(exports, "SITEMAP_URLS", 3)
    urls = [(a.url(lang), {"vi": a.url("vi"), "en": a.url("en")}) for a in cat.articles for lang in ("vi", "en")]
    files = exports.sitemap_files(urls, SITE)
    assert list(files) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap-4.xml"]
    index = ET.fromstring(files["sitemap.xml"])
    assert [s.findtext(f"{SM}loc") for s in index.findall(f"{SM}sitemap")] == [SITE + n for n in list(files)[1:]]
    locs = [u.findtext(f"{SM}loc") for n in list(files)[1:] for u in ET.fromstring(files[n]).findall(f"{SM}url")]
    assert locs == [SITE + loc for loc, _ in urls]


# ---------- determinism ----------

def test_every_function_is_deterministic(cat):
    art = cat.articles[0]
    calls = [
        lambda: exports.to_json(exports.articles_records(cat)),
        lambda: exports.to_csv(exports.articles_records(cat)),
        lambda: exports.to_json(exports.partners_records(cat)) + exports.to_csv(exports.partners_records(cat)),
        lambda: exports.to_json(exports.people_records(cat)) + exports.to_csv(exports.people_records(cat)),
        lambda: exports.jsonld_script(exports.jsonld_article(art, "en", art.url("en"), cat)),
        lambda: exports.jsonld_script(exports.jsonld_partner("korea", cat, "vi", "partners/korea.html")),
        lambda: exports.jsonld_script(exports.jsonld_person("trinh-viet-hung", cat, "en", "en/people/trinh-viet-hung.html")),
        lambda: exports.atom_feed(cat, "vi", SITE, "feed.xml") + exports.atom_feed(cat, "en", None, "en/feed.xml"),
        lambda: exports.sitemap_xml([(a.url("vi"), {"vi": a.url("vi"), "en": a.url("en")}) for a in cat.articles], SITE),
    ]
    for call in calls:
        assert call() == call()


# ---------- kept between rebuilds (mkdocs serve) ----------

def test_articles_files_kept_per_article_equal_the_whole_encoding(tmp_path):
    """articles.json/.csv made from each article's kept text equal encoding every record, before and
    after an edit (with EVIL text in it); only the edited article is encoded again."""
    import re
    import shutil

    docs, data = tmp_path / "docs", tmp_path / "data"
    shutil.copytree(ROOT / "docs", docs)
    shutil.copytree(ROOT / "data", data)
    memo: dict = {}
    cat1 = load_catalog(docs, data)
    recs = exports.articles_records(cat1)
    assert exports.articles_files(cat1, memo) == (exports.to_json(recs), exports.to_csv(recs))
    assert len(memo) == len(cat1.articles)
    kept = dict(memo)

    edited = cat1.articles[2]
    md = docs / "vi" / "articles" / f"{edited.slug}.md"
    text = md.read_text(encoding="utf-8")
    title = "title: " + json.dumps(EVIL + " Tiêu đề\nmới")
    md.write_text(re.sub(r"^title: .*$", lambda m: title, text, count=1, flags=re.M), encoding="utf-8")
    cat2 = load_catalog(docs, data)
    recs = exports.articles_records(cat2)
    as_json, as_csv = exports.articles_files(cat2, memo)
    assert (as_json, as_csv) == (exports.to_json(recs), exports.to_csv(recs))
    assert json.loads(as_json)[[r["slug"] for r in recs].index(edited.slug)]["title_vi"].startswith("Evil </script>")
    assert len(memo) == len(cat2.articles)  # the edited article's old text is dropped
    same = [k for k in memo if k in kept and memo[k] is kept[k]]
    assert len(same) == len(cat2.articles) - 1 and all(k[0] != edited.slug for k in same)
    assert exports.articles_files(Catalog(articles=[], authority=cat2.authority), {}) == ("[]\n", "")
