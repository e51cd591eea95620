"""The search index is lunr's: the same documents indexed through lunr.py's Builder and through the
archive's own writer give the same postings and field-vector components, and search-engine.js's
word scores equal lunr.js's own query over lunr.py's index."""
from __future__ import annotations

import json
from pathlib import Path

import lunr.builder
import mkdocs.contrib.search
import pytest
from lunr import get_default_builder
from lunr.token import Token

from tnarchive.site import search_index
from tnarchive.site.search_index import FIELDS, Doc

pytestmark = pytest.mark.browser
ENGINE = Path(search_index.__file__).parent / "static" / "search-engine.js"
LUNR_JS = Path(mkdocs.contrib.search.__file__).parent / "templates" / "search" / "lunr.js"

TEXTS = {
    "vi": [
        ("Thái Nguyên mở rộng hợp tác quốc tế", "Tỉnh Thái Nguyên đẩy mạnh hợp tác quốc tế với Hàn Quốc. Hợp tác, hợp tác và hợp tác."),
        ("Doanh nghiệp sản xuất hộp giấy", "Nhà máy sản xuất hộp giấy; mỗi năm làm ra hàng triệu chiếc hộp cho Samsung."),
        ("Gyeongsangbuk-do và Thái Nguyên", "Hai tỉnh thống nhất hợp đồng đào tạo nghề cho lao động trẻ. Đoàn công tác Gyeongsangbuk-do."),
        ("Đối ngoại năm 2023", "Công tác đối ngoại của tỉnh trong năm 2023: tiếp đoàn, ký kết biên bản ghi nhớ, đầu tư."),
        ("Họp báo", "Buổi họp báo về đầu tư nước ngoài tại Thái Nguyên, Phổ Yên và Sông Công."),
    ],
    "en": [
        ("Thai Nguyen expands international cooperation", "The province cooperates internationally; cooperation agreements were signed."),
        ("Developing rural areas", "New rural development: the developers developed roads, schools and markets."),
        ("Meeting with Gyeongsangbuk-do", "Both provinces agreed on vocational training for young workers."),
        ("Chưa dịch", "Bài viết tiếng Việt: hợp tác quốc tế với Hàn Quốc."),
    ],
}


def documents(lang: str) -> list[Doc]:
    docs = [Doc("article", title, f"articles/{i}.html", text, "2023-01-01", 2023, ["korea"], ["Hàn Quốc"],
                linked="Hàn Quốc Korea South Korea", label="2023")
            for i, (title, text) in enumerate(TEXTS[lang])]
    docs.append(Doc("partner", "Hàn Quốc", "partners/korea.html", "Hàn Quốc · Korea · quốc gia", None, 0, ["korea"], [],
                    names="Hàn Quốc Korea South Korea Nam Hàn", keys=["Hàn Quốc", "Korea", "South Korea"]))
    return docs


def lunr_py_index(docs: list[Doc], lang: str) -> dict:
    """The serialised lunr index lunr.py's Builder makes of the same fields (refs are list positions)."""
    builder = get_default_builder()
    builder.pipeline.reset()
    builder.search_pipeline.reset()
    builder.ref("id")
    for f in FIELDS:
        builder.field(f)
    original = lunr.builder.Tokenizer
    lunr.builder.Tokenizer = lambda tokens, *a, **k: [Token(w) for w in tokens or []]
    try:
        for i, doc in enumerate(docs):
            builder.add({"id": str(i), **search_index._fields(doc, lang)})
        return builder.build().serialize()
    finally:
        lunr.builder.Tokenizer = original


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    """Both languages written by the archive's writer beside lunr.js and search-engine.js, and lunr.py's indexes."""
    root = tmp_path_factory.mktemp("lunr")
    (root / "lunr.js").write_bytes(LUNR_JS.read_bytes())
    (root / "search-engine.js").write_bytes(ENGINE.read_bytes())
    reference = {}
    for lang in TEXTS:
        docs = documents(lang)
        for rel, text in search_index.files(docs, lang, {"korea": "Hàn Quốc"}):
            (root / lang / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / lang / rel).write_text(text, encoding="utf-8")
        reference[lang] = lunr_py_index(docs, lang)
        (root / f"reference-{lang}.js").write_text(f"window.reference_{lang} = {json.dumps(reference[lang])};", encoding="utf-8")
    (root / "index.html").write_text('<!doctype html><meta charset="utf-8"><script src="lunr.js"></script>'
                                     '<script src="search-engine.js"></script><script src="reference-vi.js"></script>'
                                     '<script src="reference-en.js"></script>', encoding="utf-8")
    return root, reference


COMPONENTS = """async (lang) => {
  const e = new window.tnaSearch.Engine("./", lang); await e.ready();
  const ref = window["reference_" + lang], vectors = new Map(ref.fieldVectors);
  const out = {postings: 0, mismatches: []};
  for (const [term, posting] of ref.invertedIndex) {
    const key = e.keysFor(window.tnaSearch.fold(term), false)[0], shard = await e.shard(key);
    for (const field of ref.fields) {
      const want = Object.keys(posting[field]).map(Number);
      const p = shard.posting(term, field), got = p ? Array.from(p.ids) : [];
      if (JSON.stringify(got) !== JSON.stringify(want)) out.mismatches.push([term, field, got, want]);
      const idfValue = Math.log(1 + Math.abs((e.n - shard.where.get(term).df + 0.5) / (shard.where.get(term).df + 0.5)));
      got.forEach((d, i) => {
        const flat = vectors.get(field + "/" + d), at = flat.indexOf(posting._index);
        const mine = window.tnaSearch.component(idfValue, p.tf[i], e.norm(field)[d]);
        out.postings += 1;
        if (at < 0 || at % 2 || Math.abs(flat[at + 1] - mine) > 1e-9) out.mismatches.push([term, field, d, flat[at + 1], mine]);
      });
    }
  }
  return out;
}"""


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_postings_and_components_equal_lunr_py(browser, indexed, lang):
    root, reference = indexed
    page = browser.new_page()
    page.goto((root / "index.html").as_uri())
    got = page.evaluate(COMPONENTS, lang)
    page.close()
    assert got["postings"] == sum(len(v) // 2 for _, v in reference[lang]["fieldVectors"])
    assert got["mismatches"] == []


SCORES = """async ([lang, words]) => {
  const S = window.tnaSearch, E = S.Engine, L = window.lunr;
  const e = new E("./", lang); await e.ready();
  const idx = L.Index.load(window["reference_" + lang]);
  const out = [];
  for (const [x, partial] of words) {
    const tok = {x: x, f: S.fold(x), partial: partial};
    const mine = await e.termScores(tok);
    const theirs = idx.query(q => e.clauses(tok).forEach(([field, term, mode, boost]) => q.term(term, Object.assign(
      {fields: [field], boost: boost, usePipeline: false},
      mode === E.FUZZY ? {editDistance: 1} : mode === E.PREFIX ? {wildcard: L.Query.wildcard.TRAILING} : {}))));
    const matched = Array.from(mine.hit).flatMap((h, d) => h ? [d] : []);
    out.push({word: x, lunr: theirs.map(r => [+r.ref, r.score]).sort((a, b) => a[0] - b[0]),
              mine: matched.map(d => [d, mine.s[d]])});
  }
  return out;
}"""
WORDS = {
    "vi": [["hợp", False], ["hop", False], ["hộp", False], ["quốc", False], ["gyeongsangbuc", False],
           ["tha", True], ["nguyên", False], ["korea", False], ["đầu", False]],
    "en": [["cooperation", False], ["develop", True], ["developing", False], ["gyeongsangbuk", False],
           ["rural", False], ["hợp", False], ["korea", False]],
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_word_scores_equal_lunr_js_queries(browser, indexed, lang):
    root, _ = indexed
    page = browser.new_page()
    page.goto((root / "index.html").as_uri())
    rows = page.evaluate(SCORES, [lang, WORDS[lang]])
    page.close()
    for row in rows:
        assert row["lunr"], row["word"]
        assert [d for d, _ in row["mine"]] == [d for d, _ in row["lunr"]], row
        for (_, a), (_, b) in zip(row["mine"], row["lunr"]):
            assert a == pytest.approx(b, rel=1e-9), row


UINTS = """([b64, cases]) => cases.map(([at, n, size]) => Array.from(window.tnaSearch.uints(b64, at, n, size)))"""


def test_postings_decode_from_any_byte_of_a_shard(browser, indexed):
    """The search engine decodes a posting from the base64 characters that hold it only: every offset, both widths."""
    import base64
    import random
    import struct

    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(61))
    cases = [(at, n, size) for size in (2, 4) for at in range(13) for n in (1, 2, 5, (len(data) - at) // size)]
    root, _ = indexed
    page = browser.new_page()
    page.goto((root / "index.html").as_uri())
    got = page.evaluate(UINTS, [base64.b64encode(data).decode(), cases])
    page.close()
    want = [list(struct.unpack_from("<" + ("H" if size == 2 else "I") * n, data, at)) for at, n, size in cases]
    assert got == want


def _manifest(files: dict[str, str]) -> dict:
    text = files["manifest.js"]
    return json.loads(text[text.index("{"): text.rindex("}") + 1])


def _small_shards(monkeypatch) -> dict[str, str]:
    """A Vietnamese index cut into a file per key: "hợp" in seven pages, "học" and "hoa" in one each."""
    monkeypatch.setattr(search_index, "SHARD_BYTES", 8)
    texts = ["hợp tác", "hợp đồng", "họp và hợp", "hợp nhất", "hợp lý", "hợp lưu", "hợp âm", "học nghề", "hoa đào"]
    docs = [Doc("article", f"Bài {i}", f"articles/{i}.html", t, "2023-01-01", 2023, [], [], label="2023")
            for i, t in enumerate(texts)]
    return dict(search_index.files(docs, "vi", {}))


def test_manifest_weighs_each_key_by_the_words_of_the_text_under_it(monkeypatch):
    files = _small_shards(monkeypatch)
    manifest = _manifest(files)
    assert [len(w) for w in manifest["weights"]] == [len(k) for k in manifest["shards"]]
    weight = {k: w for keys, ws in zip(manifest["shards"], manifest["weights"]) for k, w in zip(keys, ws)}
    assert weight["hop"] == 8  # "hợp" and "họp" (folded alike) stand 8 times in the texts
    assert weight["hoc"] == 1 and weight["hoa"] == 1
    # every word of the titles and texts (field b) stands under exactly one key
    assert sum(map(sum, manifest["weights"])) == manifest["lengths"]["b"][1]


PREFETCH = """async (queries) => {
  const e = new window.tnaSearch.Engine("./", "vi"); await e.ready();
  const out = {};
  for (const q of queries) out[q] = e.prefetch(q);
  await Promise.all(Array.from(e.shards.values()));
  out.loaded = Array.from(e.shards.keys()).sort();
  return out;
}"""


def test_a_word_being_typed_fetches_the_likeliest_next_shard(browser, tmp_path, monkeypatch):
    files = _small_shards(monkeypatch)
    (tmp_path / "lunr.js").write_bytes(LUNR_JS.read_bytes())
    (tmp_path / "search-engine.js").write_bytes(ENGINE.read_bytes())
    for rel, text in files.items():
        (tmp_path / "vi" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "vi" / rel).write_text(text, encoding="utf-8")
    (tmp_path / "index.html").write_text('<!doctype html><meta charset="utf-8"><script src="lunr.js"></script>'
                                         '<script src="search-engine.js"></script>', encoding="utf-8")
    page = browser.new_page()
    page.goto((tmp_path / "index.html").as_uri())
    got = page.evaluate(PREFETCH, ["ho", "họ", "hợp ", "hợp", ""])
    page.close()
    # likeliest letter first: "p" holds 8 of the 10 words, "a" and "c" one each (a tenth: still
    # worth a file; the first file of each likely letter comes before a second file of any)
    assert got["ho"] == ["hop", "hoa", "hoc"] and got["họ"] == ["hop", "hoa", "hoc"]
    assert got["hợp "] == [] and got[""] == []  # a finished word, no word: nothing to guess
    assert got["loaded"] == ["hoa", "hoc", "hop"]  # and they really loaded
