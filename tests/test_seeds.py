"""Each seed through the real `tnarchive inspect`: exact metadata, body free of the site's chrome."""
from __future__ import annotations

import re

import pytest

EXPECTED = {
    "000": {
        "title": "Thái Nguyên: mở rộng hợp tác quốc tế, tạo động lực phát triển kinh tế",
        "date": "2025-02-10T12:08:00+07:00", "date_precision": "minute", "date_inferred": False,
        "authors": [{"name": "Phan Anh", "affiliation": None}],
        "source": {"name": "Thời Đại", "url": "https://thoidai.com.vn"},
        "people": {"trinh-viet-hung", "pham-hoang-son", "nguyen-huy-dung", "do-duc-cong", "mai-thi-thuy-nga"},
        "partners": {"embassy-united-states", "embassy-korea", "embassy-singapore", "embassy-pakistan", "mongolia",
                     "mongolian-peoples-party", "united-kingdom", "netherlands", "germany", "ktr", "korea", "sichuan",
                     "china", "slovakia", "hungary", "czech-republic", "unicef", "kfhi"},
        "headings": ["Thúc đẩy hợp tác quốc tế qua các hoạt động ngoại giao",
                     "Điểm sáng thu hút đầu tư và nguồn lực phát triển cộng đồng"],
        "captions": 2,
        "chrome": ["Brazil", "Cuba", "Malaysia", "WWF", "Oxfam", "Tin bài liên quan", "Đọc nhiều", "Phiên bản di động",
                   "Dương Văn Tiến", "Sinh viên Thái Nguyên giao lưu", "Campuchia", "infographic", "Xin chờ", "Trang chủ"],
    },
    "001": {
        "title": "Công tác đối ngoại là “đòn bẩy” trong mời gọi đầu tư tại Thái Nguyên",
        "date": "2022-12-05T10:00:00+07:00", "date_precision": "minute", "date_inferred": False,
        "authors": [{"name": "Nhất Nam", "affiliation": None}],
        "source": {"name": "Thời Đại", "url": "https://thoidai.com.vn"},
        "people": {"sun-thon-xay-nha-chac", "nguyen-thanh-hai", "melanie-joly"},
        "partners": {"chilgok", "china", "france", "global-affairs-canada", "gwangyang", "gyeongsangbuk-do",
                     "jeollanam-do", "korea", "lao-national-assembly", "laos", "linkoping", "lower-silesia",
                     "luang-prabang", "poitiers", "poland", "samsung-electro-mechanics-vietnam", "sichuan", "sweden",
                     "thailand", "udon-thani", "yeongyang"},
        "headings": ["Đối ngoại Đảng và hoạt động ngoại giao chính quyền", "Ngoại nhân dân được tăng cường"],
        "captions": 3,
        "chrome": ["Plan International", "KEPCO", "ADRA", "AstraZeneca", "Tô Lâm", "Tin bài liên quan", "Các tin bài khác",
                   "Nhân quyền - Góc nhìn thời đại", "Petr Tsvetov", "Thời tiết hôm nay"],
    },
    "002": {
        "title": "Thái Nguyên chủ động, tích cực hội nhập quốc tế",
        "date": "2023-08-29T09:33:00+07:00", "date_precision": "minute", "date_inferred": False,
        "authors": [{"name": "Kim Ngân", "affiliation": "Sở Ngoại vụ tỉnh Thái Nguyên"}],
        "source": {"name": "thainguyen.gov.vn", "url": "https://thainguyen.gov.vn"},
        "people": {"lee-dal-hee", "kham-khan-chan-tha-vi-suc", "trinh-viet-hung"},
        "partners": {"busan", "busanjin", "chilgok", "china", "embassy-united-states", "france", "gyeonggi-do",
                     "gyeongsangbuk-do", "jala", "japan", "korea", "lao-government", "laos", "linkoping", "lower-silesia",
                     "luang-prabang", "poitiers", "poland", "relo-hanoi", "samsung", "seongnam-federation-of-trade-unions",
                     "sichuan", "sweden", "thailand", "udon-thani"},
        "headings": ["Chủ động hội nhập quốc tế", "Đẩy mạnh ngoại giao về kinh tế"],
        "captions": 3,
        "chrome": ["Truy cập nội dung luôn", "2023-08-29 09:33"],
    },
    "003": {
        "title": "Bí thư Tỉnh ủy Thái Nguyên tiếp và làm việc với Đoàn công tác của tỉnh Gyeongsangbuk-do (Hàn Quốc)",
        "date": "2023-08-10", "date_precision": "day", "date_inferred": True,
        "authors": [{"name": "Việt Hoan", "affiliation": None}, {"name": "Kim Oanh", "affiliation": None}],
        "source": {"name": "Báo Xây dựng", "url": "https://baoxaydung.com.vn/bi-thu-tinh-uy-thai-nguyen-tiep-va-lam-viec-voi-doan-cong-tac-cua-tinh-gyeongsangbuk-do-han-quoc-358872.html"},
        "people": {"nguyen-thanh-hai", "lee-dal-hee"},
        "partners": {"daegu-national-university-of-education", "dongwha", "gyeongbuk-provincial-police-agency",
                     "gyeongsangbuk-do", "hansol-electronics", "korea", "saemaul-globalization-foundation", "samsung"},
        "headings": [],
        "captions": 3,
        "chrome": ["Nguồn Xây Dựng", "Việt Hoan", "baoxaydung.com.vn"],
    },
    "004": {
        "title": "Công tác đối ngoại tỉnh Thái Nguyên 9 tháng năm 2021",
        "date": "2021-10-20T08:26:00+07:00", "date_precision": "minute", "date_inferred": False,
        "authors": [{"name": "Thu Hiền", "affiliation": "Văn phòng Sở"}],
        "source": {"name": None, "url": None},
        "people": set(),
        "partners": {"ats", "daegu-national-university-of-education", "embassy-austria", "embassy-korea", "embassy-laos",
                     "embassy-thailand", "finland", "gyeongsangbuk-do", "korea", "korea-education-research-institute",
                     "south-ostrobothnia"},
        "headings": [],
        "captions": 3,
        "chrome": ["Thống kê truy cập", "Đang truy cập", "Tổng truy cập", "4800796", "Thu Hiền"],
    },
}


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_metadata(seed, seed_inspections):
    got, want = seed_inspections[seed], EXPECTED[seed]
    for key in ("title", "date", "date_precision", "date_inferred", "authors", "source", "headings"):
        assert got[key] == want[key], key
    assert {p["id"] for p in got["people"]} == want["people"]
    assert {p["id"] for p in got["partners"]} == want["partners"]
    assert all(p["known"] for p in got["people"] + got["partners"]), "every name in the seeds has a record"
    assert len(got["captions"]) == want["captions"]


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_body_has_no_chrome(seed, seed_inspections):
    body = seed_inspections[seed]["body_markdown"]
    for text in EXPECTED[seed]["chrome"]:
        assert text not in body, text


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_no_duplicated_lines(seed, seed_inspections):
    """An image's alt line repeated above its caption appears once; so does every paragraph."""
    blocks = [b for b in seed_inspections[seed]["body_markdown"].split("\n\n") if b.strip()]
    assert len(blocks) == len(set(blocks))
    captions = seed_inspections[seed]["captions"]
    assert len(captions) == len(set(captions))


def test_title_is_not_repeated_as_alt_text(seed_inspections):
    body = seed_inspections["000"]["body_markdown"]
    assert body.count("Thái Nguyên: mở rộng hợp tác quốc tế, tạo động lực phát triển kinh tế") == 1  # the H1 only


def test_captions_keep_credits(seed_inspections):
    caps = seed_inspections["002"]["captions"]
    assert caps[0].endswith("(Ảnh: Kim Oanh)")
    assert any(c.endswith("(Ảnh: Trần Huyền)") for c in caps)
    kfhi = seed_inspections["000"]["captions"][1]
    assert kfhi.startswith("Lễ ký kết bản ghi nhớ") and kfhi.endswith("(Ảnh: vonhai.thainguyen.gov.vn)")


def test_broken_caption_is_joined(seed_inspections):
    caps = seed_inspections["004"]["captions"]
    assert caps[0] == "Ảnh 1: Lãnh đạo tỉnh Thái Nguyên tiếp, làm việc với đoàn công tác Đại sứ quán Lào tại Việt Nam"
    assert caps[1] == ("Ảnh 2: Lãnh đạo tỉnh Thái Nguyên tiếp, làm việc với đoàn công tác Đại sứ quán Áo tại Việt Nam "
                       "và Tập đoàn AT&S")


def test_lists_and_headings_are_markdown(seed_inspections):
    body = seed_inspections["001"]["body_markdown"]
    assert len(re.findall(r"^- ", body, re.M)) == 4
    assert "\n## Đối ngoại Đảng và hoạt động ngoại giao chính quyền\n" in body


def test_year_inference_is_explained():
    from conftest import ROOT, inspect

    got = inspect(ROOT / "seeds/003_5afb966c1325a250.txt")
    assert got["date"] == "2023-08-10" and got["date_inferred"] is True
    text = (ROOT / "docs/vi/articles/2023-08-10-bi-thu-tinh-uy-thai-nguyen-tiep-va-lam-viec-voi.md").read_text()
    assert "Ngày 10/8" in text and "2005" in text and "gần 18 năm" in text


def test_inspect_json_has_exactly_the_contract_keys(seed_inspections):
    assert set(seed_inspections["000"]) == {
        "title", "date", "date_precision", "date_inferred", "authors", "source", "people", "partners",
        "headings", "captions", "body_markdown", "warnings",
    }
    p = seed_inspections["000"]["partners"][0]
    assert set(p) == {"id", "name_vi", "name_en", "kind", "known"}
    assert set(seed_inspections["000"]["people"][0]) == {"id", "name", "known"}
