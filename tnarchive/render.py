"""Article → Markdown with YAML front matter, byte-for-byte the same for the same input.

Article text is text: every character that Markdown or HTML would read as markup
(<, >, &, backticks, *, _, [, ], {, }, |, a leading #, -, + or "1.") is escaped, so
nothing from a source page can become a tag, a link, a list or an attribute.
"""
from __future__ import annotations

import hashlib
import re

import yaml

from .structure import Block

_ESCAPES = {
    "\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]", "{": "\\{", "}": "\\}",
    "<": "&lt;", ">": "&gt;", "&": "&amp;", "|": "&#124;", "#": "\\#", "~": "&#126;", "^": "&#94;",
    "=": "&#61;", "$": "&#36;",
}
_ESCAPE_RX = re.compile("|".join(re.escape(k) for k in _ESCAPES))
_LEADING = re.compile(r"^(\d+)([.)])(\s)|^([-+])(\s)")


def escape(text: str) -> str:
    """Markdown-safe form of a line of plain text."""
    out = _ESCAPE_RX.sub(lambda m: _ESCAPES[m.group()], text)
    out = _LEADING.sub(lambda m: f"{m[1]}\\{m[2]}{m[3]}" if m[1] else f"\\{m[4]}{m[5]}", out)
    return out


def body_markdown(title: str, blocks: list[Block]) -> str:
    parts: list[str] = [f"# {escape(title)}"]
    lead_done = False
    for i, b in enumerate(blocks):
        if b.kind == "list_item":
            item = f"- {escape(b.text)}"
            if i > 0 and blocks[i - 1].kind == "list_item":
                parts[-1] += "\n" + item
            else:
                parts.append(item)
        elif b.kind == "heading":
            parts.append(f"## {escape(b.text)}")
        elif b.kind == "caption":
            credit = f" (Ảnh: {escape(b.credit)})" if b.credit else ""
            parts.append(f"{escape(b.text)}{credit}\n{{: .caption }}")
        elif not lead_done and i == 0:
            parts.append(f"{escape(b.text)}\n{{: .lead }}")
        else:
            parts.append(escape(b.text))
        lead_done = True
    return "\n\n".join(parts) + "\n"


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when present: same text, far faster


def front_matter(meta: dict) -> str:
    return yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=100000, default_flow_style=False)


def document(meta: dict, body: str, header_comment: str) -> str:
    comments = "".join(f"# {line}\n" for line in header_comment.splitlines())
    return f"---\n{comments}{front_matter(meta)}---\n\n{body}"


def body_sha256(body: str) -> str:
    """What a translation records as the version of the Vietnamese text it translates: the hash of
    the body this module writes (the catalog and `check` compare against it)."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()
