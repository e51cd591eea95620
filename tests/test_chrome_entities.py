"""Partners and people named only in a page's chrome are never taken for the article's.

The real records do not list Brazil or Oxfam, so to prove the point this test gives the
converter records for every name that seeds 000 and 001 carry only in their chrome.
"""
from __future__ import annotations

import shutil

import yaml
from conftest import ROOT, run

CHROME_PARTNERS = {
    "brazil": "Brazil", "cuba": "Cuba", "malaysia": "Malaysia", "wwf": "WWF", "oxfam": "Oxfam",
    "plan-international": "Plan International", "kepco": "KEPCO", "adra": "ADRA", "cambodia": "Campuchia",
    "astrazeneca": "AstraZeneca", "india": "Ấn Độ", "asean": "ASEAN",
}
CHROME_PEOPLE = {"phan-anh-son": "Phan Anh Sơn", "marcio-honaiser": "Márcio Honaiser", "do-van-chien": "Đỗ Văn Chiến",
                 "duong-van-tien": "Dương Văn Tiến", "to-lam": "Tô Lâm", "nguyen-hai-ninh": "Nguyễn Hải Ninh"}


def test_chrome_names_are_not_detected(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    partners = yaml.safe_load((data / "partners.yml").read_text())
    for pid, name in CHROME_PARTNERS.items():
        partners["partners"].append({"id": pid, "name_vi": name, "name_en": name, "kind": "ngo", "parent": None})
    (data / "partners.yml").write_text(yaml.safe_dump(partners, allow_unicode=True))
    people = yaml.safe_load((data / "people.yml").read_text())
    for pid, name in CHROME_PEOPLE.items():
        people["people"].append({"id": pid, "name": name})
    (data / "people.yml").write_text(yaml.safe_dump(people, allow_unicode=True))
    import json

    for seed in ("000_55d9b3378053d648.txt", "001_b85b7e7d43f7a67c.txt"):
        out = json.loads(run(["inspect", str(ROOT / "seeds" / seed), "--json", "--data", str(data)], tmp_path, check=True).stdout)
        ids = {p["id"] for p in out["partners"]} | {p["id"] for p in out["people"]}
        assert not ids & (set(CHROME_PARTNERS) | set(CHROME_PEOPLE)), seed
        # and the records themselves work: the same names in an article body are found
    body = tmp_path / "body.txt"
    body.write_text("Oxfam và Plan International hợp tác với Thái Nguyên\n\nNgày 2/3/2024, ông Phan Anh Sơn gặp đại diện Oxfam và ADRA tại Thái Nguyên.\n", encoding="utf-8")
    out = json.loads(run(["inspect", str(body), "--json", "--data", str(data)], tmp_path, check=True).stdout)
    assert {"oxfam", "plan-international", "adra"} <= {p["id"] for p in out["partners"]}
    assert "phan-anh-son" in {p["id"] for p in out["people"]}
