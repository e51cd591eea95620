"""PyYAML's parser errors as one line a person understands: the ONE line that is wrong, and why.

PyYAML reports where its parser gave up, in parser vocabulary ("expected <block end>, but found
'<block mapping start>'"), and often adds the line where the enclosing block began, which for a
data file is some unrelated record. The usual mistakes of a person editing a data file by hand
each leave a recognisable trace in the text itself, so the hint is found by reading the lines
around the parser's mark: a tab in the indentation, a quote never closed, a missing space after
':', a ':' inside an unquoted value, a line indented unlike the line above.
"""
from __future__ import annotations

import re

import yaml

from .errors import N_, _, one_line

_KEY = re.compile(r"^(\s*(?:-\s+)?)([^\s:#'\"\[\]{},&*!|>%@`-][^:#]*?):(\S.*)?$")  # indent, key, text glued to ':'
INDENTATION = N_("the indentation does not match the line above: line it up, with spaces, under the other lines "
                 "of the same block")
_VALUE = re.compile(r"^\s*(?:-\s+)?[^\s:#'\"][^:#]*?:\s+(.*)$")  # the value after 'key: '


def diagnose(text: str, exc: yaml.MarkedYAMLError) -> tuple[int | None, str]:
    """(0-based line that is wrong, message) for a YAML error in *text*."""
    lines = text.splitlines()
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return None, _("not valid YAML: {problem}").format(problem=one_line(exc.problem or exc))
    last = min(mark.line, len(lines) - 1) if lines else 0
    for i in range(last + 1):  # a tab in the indentation, at or before the mark
        indent = lines[i][: len(lines[i]) - len(lines[i].lstrip())]
        if "\t" in indent:
            return i, _("a tab is used for indentation; indent with spaces only, never the Tab key")
    quoted = _unclosed_quote(lines, exc, last)
    if quoted is not None:
        i, quote = quoted
        return i, _("the quote {quote} opened on this line is never closed; end the value with {quote}").format(
            quote=quote)
    ctx_line = exc.context_mark.line if exc.context_mark is not None else None
    if "could not find expected ':'" in str(exc.problem) and ctx_line is not None and ctx_line < len(lines):
        row = lines[ctx_line]
        if row.lstrip().startswith("-") and not row.lstrip().startswith("- "):
            return ctx_line, _("a space is missing after '-': write {fixed}").format(
                fixed="- " + row.lstrip()[1:].strip())
        glued = _KEY.match(row)
        if glued and glued.group(3):
            return ctx_line, _("a space is missing after ':': write {fixed}").format(
                fixed=f"{glued.group(2).strip()}: {glued.group(3).strip()}")
    if "mapping values are not allowed" in str(exc.problem) and last < len(lines):
        row = lines[last]
        value = _VALUE.match(row)
        if value and mark.column >= len(row) - len(value.group(1)):  # the ':' is inside the value
            key = row[: len(row) - len(value.group(1))].strip()
            return last, _("the value contains ':' but is not in quotes; write it as {fixed}").format(
                fixed=f'{key} "{value.group(1).strip()}"')
        return last, _(INDENTATION)
    if "flow" in str(exc.context) and ctx_line is not None and ctx_line < len(lines):  # [ ... or { ... never closed
        opened = "[" if "sequence" in str(exc.context) else "{"
        return ctx_line, _("the {opened} opened on this line is never closed with {closed}").format(
            opened=opened, closed="]" if opened == "[" else "}")
    if "block" in str(exc.context) and exc.problem_mark is not None and last < len(lines):
        if _indent(lines[last]) != _indent(_above(lines, last)):
            return last, _(INDENTATION)
    return mark.line, _("not valid YAML: {problem}").format(problem=one_line(exc.problem or exc.context or exc))


def _unclosed_quote(lines: list[str], exc, last: int) -> tuple[int, str] | None:
    """(line, quote) of a value that opens a quote and never closes it, at or before the mark."""
    if exc.context == "while scanning a quoted scalar" and exc.context_mark is not None:
        i = exc.context_mark.line
        row = lines[i] if i < len(lines) else ""
        quote = next((c for c in row[exc.context_mark.column:] if c in "\"'"), '"')
        return i, quote
    for i in range(last + 1):
        value = _VALUE.match(lines[i])
        text = value.group(1).rstrip() if value else ""
        if text[:1] in ("'", '"') and text[0] not in text[1:]:
            return i, text[0]
    return None


def _indent(row: str) -> int:
    """The column where a line's key starts (after a '- ' that opens a list item)."""
    body = row.lstrip(" ")
    while body.startswith("- "):
        body = body[2:].lstrip(" ")
    return len(row) - len(body)


def _above(lines: list[str], i: int) -> str:
    """The nearest line above *i* that holds something (not blank, not a comment)."""
    for row in reversed(lines[:i]):
        if row.strip() and not row.lstrip().startswith("#"):
            return row
    return ""
