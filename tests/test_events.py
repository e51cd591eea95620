"""Dated statements read from the real articles and from small hand-made ones."""
from __future__ import annotations

from pathlib import Path

import pytest

from tnarchive.datafiles import load_context
from tnarchive.catalog.loader import load_catalog
from tnarchive.catalog.model import Article, Block, Translation
from tnarchive.catalog.events import all_events, extract_events, find_date, split_sentences

ROOT = Path(__file__).resolve().parent.parent
GYEONGBUK_2023 = "2023-08-10-"
OVERVIEW_2025 = "2025-02-10-"


@pytest.fixture(scope="module")
def ctx():
    return load_context(ROOT / "data")


@pytest.fixture(scope="module")
def catalog(ctx):
    """The real catalog, read as the plugin reads it."""
    return load_catalog(ROOT / "docs", ROOT / "data")


@pytest.fixture(scope="module")
def events(catalog, ctx):
    return all_events(catalog, ctx.matcher)


def article(paragraphs, date="2023-08-10", kind="paragraph", english=None, partners=()):
    blocks = [Block(kind, text, f"p{i}") for i, text in enumerate(paragraphs, 1)]
    tr = None
    if english is not None:
        tr = Translation("T", None, None, None, None, False, [Block(kind, t, f"p{i}") for i, t in enumerate(english, 1)])
    return Article(
        slug="test-article", seed="999_test.txt", title="Thử", date=date, date_precision="day" if date else None,
        date_inferred=None, authors=[], source={"name": None, "url": None}, summary="", people=[],
        partners=list(partners), unreviewed={"people": [], "partners": []}, provenance={}, blocks=blocks,
        body_sha256="", translation=tr,
    )


def one(events, slug_prefix, starts):
    found = [e for e in events if e.article.startswith(slug_prefix) and e.text.startswith(starts)]
    assert len(found) == 1, [e.text for e in events if e.article.startswith(slug_prefix)]
    return found[0]


# --- the seeds ---------------------------------------------------------------------------

def test_seed_003_first_agreement_2005(events):
    ev = one(events, GYEONGBUK_2023, "Năm 2005, tỉnh Thái Nguyên và tỉnh Gyeongsangbuk-do")
    assert ev.text == "Năm 2005, tỉnh Thái Nguyên và tỉnh Gyeongsangbuk-do ký thỏa thuận hợp tác hữu nghị lần đầu tiên."
    assert (ev.date, ev.precision, ev.partners) == ("2005", "year", ["gyeongsangbuk-do"])
    assert ev.anchor.startswith("p")
    assert ev.text_en == (
        "In 2005, Thai Nguyen Province and Gyeongsangbuk Province signed their first friendship cooperation agreement."
    )


def test_seed_003_other_years_and_lead(events):
    assert (one(events, GYEONGBUK_2023, "Đến năm 2019, 2 tỉnh đã ký kết Biên bản ghi nhớ").date) == "2019"
    police = one(events, GYEONGBUK_2023, "Hiện nay, Thái Nguyên có 3 địa phương")
    assert "vào năm 2015" in police.text and (police.date, police.precision) == ("2015", "year")
    assert "gyeongbuk-provincial-police-agency" in police.partners
    lead = one(events, GYEONGBUK_2023, "Ngày 10/8, tại Thái Nguyên")
    assert (lead.date, lead.precision, lead.anchor) == ("2023-08-10", "day", "p1")
    assert {"gyeongsangbuk-do", "korea"} <= set(lead.partners)
    assert "nguyen-thanh-hai" in lead.people
    assert lead.text_en.startswith("On August 10, in Thai Nguyen")


def test_seed_000_day_and_month(events):
    aid = one(events, OVERVIEW_2025, "Đến ngày 11/11/2024")
    assert (aid.date, aid.precision) == ("2024-11-11", "day")
    kfhi = [e for e in events if e.article.startswith(OVERVIEW_2025) and e.text.endswith("tháng 9/2024.")]
    assert len(kfhi) == 1
    assert (kfhi[0].date, kfhi[0].precision) == ("2024-09", "month") and "kfhi" in kfhi[0].partners


def test_seed_periods_and_targets_are_not_events(events):
    assert not [e for e in events if e.date in ("2025", "2030") or e.date > "2025-02-10"]
    lead_2021 = one(events, "2021-10-20-", "UBND tỉnh đã ban hành Kế hoạch số 108/KH-UBND")
    assert lead_2021.date == "2021-06-10"  # not the "giai đoạn 2021-2025" at its end
    assert all(e.article != "2022-12-05-cong-tac-doi-ngoai-la-don-bay-trong-moi-goi-dau-tu" or e.date == "2022"
               for e in events)


def test_every_event_is_cited_and_in_its_paragraph(catalog, events):
    for ev in events:
        art = catalog.by_slug[ev.article]
        block = next(b for b in art.blocks if b.anchor == ev.anchor)
        assert block.kind in ("lead", "paragraph", "caption") and ev.text in block.text
        assert ev.date <= art.day and (ev.partners or art.date)


def test_order_and_determinism(catalog, ctx, events):
    assert [e.date for e in events] == sorted((e.date for e in events), reverse=True)
    for a, b in zip(events, events[1:]):
        if a.date == b.date and a.article == b.article:
            assert int(a.anchor[1:]) <= int(b.anchor[1:])
        elif a.date == b.date:
            assert a.article < b.article
    assert all_events(catalog, ctx.matcher) == events


# --- hand-made articles -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Tỉnh triển khai kế hoạch phát triển kinh tế giai đoạn 2021-2025.",
    "Tỉnh phấn đấu trở thành trung tâm công nghiệp đến năm 2030.",
    "Thái Nguyên trở thành trung tâm kinh tế của vùng đến năm 2030.",
    "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2020 - 2025.",
    "Tỉnh thực hiện kế hoạch đầu tư công 5 năm 2021-2025.",
    "UBND tỉnh ban hành Kế hoạch số 108/KH-UBND về đối ngoại.",
    "Thái Nguyên cũng thu hút 2 dự án ODA trị giá 51 tỷ đồng.",
    "Giá trị tăng 1,43% so với cùng kỳ năm 2020.",
    "Dự kiến ngày 1/1/2027, hai tỉnh sẽ ký thỏa thuận mới.",
])
def test_not_an_event(ctx, text):
    assert extract_events(article([text]), ctx.matcher) == []


@pytest.mark.parametrize("text,art_date,expected", [
    ("Ngày 19/12/2025, hai bên ký biên bản ghi nhớ.", "2025-12-20", ("2025-12-19", "day")),
    ("Hai bên ký biên bản ghi nhớ ngày 10/6/2021 tại Hà Nội.", "2021-10-20", ("2021-06-10", "day")),
    ("Ngày 14-4-2021, UBND tỉnh ban hành quyết định.", "2021-10-20", ("2021-04-14", "day")),
    ("Chiều 6/5, đoàn công tác đến thăm tỉnh.", "2024-06-01", ("2024-05-06", "day")),
    ("Sáng 19/1, Chủ tịch tỉnh tiếp đoàn.", "2025-01-20T08:00:00+07:00", ("2025-01-19", "day")),
    ("Ngày 19/12, hai tỉnh ký kết hợp tác.", "2026-01-05", ("2025-12-19", "day")),  # last December
    ("Từ tháng 7-2021 đến nay, các sở đã ký 05 bản ghi nhớ.", "2023-08-29", ("2021-07", "month")),
    ("Lễ ký kết diễn ra tại huyện Võ Nhai, tháng 9/2024.", "2025-02-10", ("2024-09", "month")),
    ("Đến năm 2019, 2 tỉnh đã ký kết biên bản.", "2023-08-10", ("2019", "year")),
    ("Công an tỉnh ký kết hợp tác vào năm 2015; các trường hợp tác.", "2023-08-10", ("2015", "year")),
    ("Ngoài ra, từ năm 2005 đến nay, nhiều chương trình được thực hiện.", "2023-08-10", ("2005", "year")),
    ("Đặc biệt, trong quý IV/2024, tỉnh đã gặp nhiều đối tác.", "2025-02-10", ("2024", "year")),
    ("Từ đầu năm 2021 đến ngày 30/6/2021, giá trị đạt 438.470 USD.", "2021-10-20", ("2021-06-30", "day")),
    ("Quyết định số 1114/QĐ-UBND ngày 14/4/2021 giai đoạn 2021-2025, định hướng đến năm 2030; "
     "Quyết định số 1347/QĐ-UBND ngày 29/4/2021.", "2021-10-20", ("2021-04-14", "day")),
])
def test_dates(text, art_date, expected):
    assert find_date(text, art_date[:10]) == expected


def test_day_and_month_need_the_article_date(ctx):
    assert find_date("Ngày 10/8, tại Thái Nguyên, hai bên làm việc.", None) is None
    undated = article(["Ngày 10/8, tỉnh Thái Nguyên tiếp Đoàn công tác tỉnh Gyeongsangbuk-do."], date=None)
    assert extract_events(undated, ctx.matcher) == []


def test_undated_article_keeps_only_events_naming_a_partner(ctx):
    undated = article([
        "Năm 2005, tỉnh Thái Nguyên và tỉnh Gyeongsangbuk-do ký thỏa thuận hợp tác. Năm 2010, tỉnh mở rộng sản xuất."
    ], date=None)
    [ev] = extract_events(undated, ctx.matcher)
    assert (ev.date, ev.partners) == ("2005", ["gyeongsangbuk-do"])


def test_partners_are_the_sentences_own(ctx):
    art = article(["Năm 2005, tỉnh Gyeongsangbuk-do ký thỏa thuận. Năm 2010, tỉnh mở rộng sản xuất."],
                  partners=["gyeongsangbuk-do", "korea"])
    first, second = extract_events(art, ctx.matcher)
    assert first.partners == ["gyeongsangbuk-do"] and second.partners == [] and second.date == "2010"


def test_embassy_list_names_each_embassy(ctx):
    art = article(["Trong năm 2024, tỉnh đã gặp Đại sứ quán Mỹ, Hàn Quốc, Singapore và Pakistan tại Việt Nam."],
                  date="2025-02-10")
    [ev] = extract_events(art, ctx.matcher)
    assert ev.partners == ["embassy-united-states", "embassy-korea", "embassy-singapore", "embassy-pakistan"]


def test_only_leads_paragraphs_and_captions(ctx):
    assert extract_events(article(["Năm 2005, hai tỉnh ký thỏa thuận."], kind="heading"), ctx.matcher) == []
    assert len(extract_events(article(["Năm 2005, hai tỉnh ký thỏa thuận."], kind="caption"), ctx.matcher)) == 1


def test_english_sentence_only_when_aligned(ctx):
    vi = ["Hai tỉnh hợp tác. Năm 2005, hai tỉnh ký thỏa thuận."]
    [ev] = extract_events(article(vi, english=["The provinces cooperate. In 2005, they signed an agreement."]), ctx.matcher)
    assert ev.text_en == "In 2005, they signed an agreement."
    [ev] = extract_events(article(vi, english=["In 2005, the two provinces, which cooperate, signed an agreement."]),
                          ctx.matcher)
    assert ev.text_en is None
    [ev] = extract_events(article(vi), ctx.matcher)
    assert ev.text_en is None


@pytest.mark.parametrize("text,expected", [
    ("TP. Phổ Yên ký kết với huyện Chilgok. Giá trị đạt 10,5 tỷ USD trên 4.245 ha. Năm 2020 tăng.", 3),
    ("Thực hiện hiệu quả… Hiện nay, có 191 dự án. Các tập đoàn lớn như Samsung, Dongwha…", 3),
    ("Các tập đoàn, công ty lớn trên thế giới... Về cơ bản, hoạt động được duy trì.", 2),
    ("Tiếp TS. Nguyễn Văn A. và ThS. Trần B tại Hà Nội.", 1),
    ("Gặp gỡ tại tỉnh Thái Nguyên. (Ảnh: TNGOV)", 2),
    ("Plan No. 108/KH-UBND dated June 10, 2021 was issued. Mr. Lee met the U.S. delegation.", 2),
    ("Xây dựng nông thôn mới, v.v. và nhiều lĩnh vực khác.", 1),
])
def test_split_sentences(text, expected):
    sentences = split_sentences(text)
    assert len(sentences) == expected, sentences
    assert " ".join(sentences) == text
