"""An article as translation units: one per block (title, summary, heading, lead, paragraph,
caption, list item), each with an id that depends only on the block's place among its kind, so
re-exporting an article gives the same ids and a changed paragraph keeps its id.

Ids: `title`; `summary` (only when the front matter's summary is not the lead paragraph, which
the converter copies); `h1`, `h2`… for headings; the paragraph anchors the site already uses
(`p1`, `p2`… for the lead, paragraphs and captions, as catalog.parse_blocks numbers them);
`l1.1`, `l1.2`… for the items of the first list.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..render import escape
from ..catalog.model import parse_blocks


@dataclass(frozen=True)
class Unit:
    id: str
    kind: str  # "title" | "summary" | "heading" | "lead" | "paragraph" | "caption" | "item"
    text: str


def units_of(body: str, summary: str | None) -> list[Unit]:
    """The units of an article body (Markdown) and its front matter's summary."""
    blocks = parse_blocks(body)
    out: list[Unit] = []
    heads = lists = 0
    lead = next((b.text for b in blocks if b.kind == "lead"), None)
    for b in blocks:
        if b.kind == "title":
            out.append(Unit("title", "title", b.text))
            if summary and summary != lead:
                out.append(Unit("summary", "summary", summary))
        elif b.kind == "heading":
            heads += 1
            out.append(Unit(f"h{heads}", "heading", b.text))
        elif b.kind == "list":
            lists += 1
            out.extend(Unit(f"l{lists}.{i}", "item", item) for i, item in enumerate(b.text.split("\n"), 1))
        else:
            out.append(Unit(b.anchor, b.kind, b.text))
    return out


def body_of(units: list[Unit], texts: dict[str, str]) -> str:
    """The Markdown body of a translation: *texts* (unit id → English) in the units' order and
    shapes, escaped as the converter escapes (render.escape), so the site's blocks and anchors
    line up with the Vietnamese ones."""
    parts: list[str] = []
    prev = None
    for u in units:
        text = escape(" ".join(texts[u.id].split()))
        if u.kind == "summary":
            continue
        if u.kind == "title":
            parts.append(f"# {text}")
        elif u.kind == "heading":
            parts.append(f"## {text}")
        elif u.kind == "item":
            if prev is not None and prev.kind == "item" and prev.id.split(".")[0] == u.id.split(".")[0]:
                parts[-1] += f"\n- {text}"
            else:
                parts.append(f"- {text}")
        elif u.kind in ("lead", "caption"):
            parts.append(f"{text}\n{{: .{u.kind} }}")
        else:
            parts.append(text)
        prev = u
    return "\n\n".join(parts) + "\n"


def summary_of(units: list[Unit], texts: dict[str, str]) -> str | None:
    """The English summary: its own unit's, else the lead's (as the converter takes the lead)."""
    for key in ("summary", next((u.id for u in units if u.kind == "lead"), None)):
        if key and texts.get(key):
            return " ".join(texts[key].split())
    return None


