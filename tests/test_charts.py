"""Inline SVG charts: well-formed, accessible, escaped, offline, deterministic."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tnarchive.site.charts import SVG_NS, bar_chart, data_table, hbar_chart, years_series
from tnarchive.site.l10n import format_number

NS = {"s": SVG_NS}
YEARS = [("2021", 3, "timeline.html#2021"), ("2022", 0, None), ("2023", 5, "timeline.html#2023")]
COUNTRIES = [("Hàn Quốc", 12, "partners/korea.html"), ("Lào", 4, "partners/laos.html"), ("Phần Lan", 1, None)]


def bars(root):
    return [r for r in root.iter(f"{{{SVG_NS}}}rect") if "tnc-bar" in r.get("class", "").split()]


@pytest.fixture(params=[bar_chart, hbar_chart], ids=["bar", "hbar"])
def chart(request):
    return request.param


def test_years_series_fills_gaps():
    assert years_series({2024: 1, 2021: 2}) == [("2021", 2, None), ("2022", 0, None), ("2023", 0, None), ("2024", 1, None)]
    assert years_series({2020: 7}) == [("2020", 7, None)]
    assert years_series({}) == []


@pytest.mark.parametrize("items", [YEARS, COUNTRIES, []])
def test_parses_with_one_bar_per_item(chart, items):
    root = ET.fromstring(chart(items, "Tiêu đề", "Mô tả"))
    assert root.tag == f"{{{SVG_NS}}}svg"
    assert len(bars(root)) == len(items)


def test_accessible_and_responsive(chart):
    svg = chart(COUNTRIES, "Đối tác theo quốc gia", "Số bài viết nhắc đến đối tác của mỗi quốc gia")
    root = ET.fromstring(svg)
    # Bars that are links make the chart a group of links (an image may not hold interactive content).
    assert root.get("role") == "group" and root.get("width") == "100%" and root.get("viewBox").startswith("0 0 ")
    title, desc = root.find("s:title", NS), root.find("s:desc", NS)
    assert title.text == "Đối tác theo quốc gia" and desc.text.startswith("Số bài viết")
    assert root.get("aria-labelledby") == title.get("id") and root.get("aria-describedby") == desc.get("id")
    unlinked = ET.fromstring(chart([(label, n, None) for label, n, _ in COUNTRIES], "t", "d"))
    assert unlinked.get("role") == "img" and not unlinked.findall(".//s:a", NS)
    tips = [g.find("s:title", NS).text for g in root if g.get("class") == "tnc-item"]
    assert tips == ["Hàn Quốc: 12", "Lào: 4", "Phần Lan: 1"]


def test_links_wrap_only_bars_with_href(chart):
    root = ET.fromstring(chart(YEARS, "t", "d"))
    links = root.findall("s:a", NS)
    assert [a.get("href") for a in links] == ["timeline.html#2021", "timeline.html#2023"]
    assert all(len(bars(a)) == 1 for a in links)


def test_theme_colours_and_offline(chart):
    svg = chart(COUNTRIES, "t", "d")
    assert "var(--md-primary-fg-color" in svg and "var(--md-default-fg-color" in svg
    rest = svg.replace(SVG_NS, "")
    assert "http://" not in rest and "https://" not in rest
    assert "<script" not in svg.lower() and "@import" not in svg and "url(" not in svg
    assert "\n\n" not in svg  # stays one raw HTML block inside Markdown


def test_escapes_text(chart):
    evil = '<script>alert("x")</script> & co'
    svg = chart([(evil, 2, 'a.html?x=1&y="2"')], "<b>T</b>", "D & <i>d</i>")
    assert "<script" not in svg and "<b>" not in svg and "<i>" not in svg
    root = ET.fromstring(svg)
    assert root.find("s:title", NS).text == "<b>T</b>"
    assert root.find("s:a", NS).get("href") == 'a.html?x=1&y="2"'
    assert root.find("s:a/s:title", NS).text == f"{evil}: 2"  # the tooltip keeps the whole label
    assert any((t.text or "").startswith("<script>") for t in root.iter(f"{{{SVG_NS}}}text"))


def test_long_labels_are_shortened_but_kept_in_tooltip(chart):
    label = "Cộng hòa Dân chủ Nhân dân Lào và các tổ chức quốc tế khác"
    root = ET.fromstring(chart([(label, 1, None)], "t", "d"))
    assert root.find("s:g/s:title", NS).text == f"{label}: 1"
    shown = [t.text for t in root.iter(f"{{{SVG_NS}}}text") if t.text and t.text[0] == "C"]
    assert len(shown) == 1 and shown[0].endswith("…") and label.startswith(shown[0][:-1])


def test_bar_sizes_follow_counts():
    root = ET.fromstring(bar_chart(YEARS, "t", "d"))
    heights = [float(r.get("height")) for r in bars(root)]
    assert heights[1] == 0 and heights[2] > heights[0] > 0
    assert heights[0] / heights[2] == pytest.approx(3 / 5, abs=0.01)
    root = ET.fromstring(hbar_chart(COUNTRIES, "t", "d"))
    widths = [float(r.get("width")) for r in bars(root)]
    assert widths == sorted(widths, reverse=True) and widths[1] / widths[0] == pytest.approx(4 / 12, abs=0.01)


def test_keeps_caller_order_and_labels(chart):
    root = ET.fromstring(chart(COUNTRIES, "t", "d"))
    texts = [t.text for t in root.iter(f"{{{SVG_NS}}}text")]
    assert [t for t in texts if t in ("Hàn Quốc", "Lào", "Phần Lan")] == ["Hàn Quốc", "Lào", "Phần Lan"]


def test_compact_numbers():
    svg = hbar_chart(COUNTRIES, "t", "d") + bar_chart(YEARS, "t", "d")
    assert ".0000" not in svg and 'height="0"' in svg


def test_deterministic_with_distinct_ids(chart):
    assert chart(YEARS, "t", "d") == chart(list(YEARS), "t", "d")
    a, b = ET.fromstring(chart(YEARS, "A", "d")), ET.fromstring(chart(YEARS, "B", "d"))
    assert a.find("s:title", NS).get("id") != b.find("s:title", NS).get("id")


def test_data_table_has_the_same_numbers_as_the_chart(chart):
    """The text alternative: every label and count, in the page language's number format."""
    items = [("Hàn Quốc", 1234, "partners/korea.html"), ("Lào", 4, None)]
    fmt = lambda n: format_number(n, "vi")  # noqa: E731
    svg = ET.fromstring(chart(items, "t", "d", fmt))
    table = ET.fromstring(data_table(items, "Số liệu", ("Quốc gia", "Số bài"), fmt))
    assert table.tag == "details" and table.find("summary").text == "Số liệu"
    assert [th.text for th in table.iter("th") if th.get("scope") == "col"] == ["Quốc gia", "Số bài"]
    rows = [(("".join(r.find("th").itertext())), r.find("td").text) for r in table.iter("tr") if r.find("td") is not None]
    assert rows == [("Hàn Quốc", "1.234"), ("Lào", "4")]
    assert table.find(".//a").get("href") == "partners/korea.html"
    tips = [g.find("s:title", NS).text for g in svg.iter() if g.get("class") == "tnc-item"]
    assert tips == ["Hàn Quốc: 1.234", "Lào: 4"]
