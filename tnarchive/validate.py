"""Every curated file checked against its schema before use (tnarchive/schema/*.schema.json).

One function per kind of input, used alike by `convert`, `check`, `export` and the MkDocs
plugin, so a file is either accepted everywhere or refused everywhere with the same lines:
`PATH:LINE: error: FIELD: expected WHAT, found VALUE`. Schema nodes carry an `x-expected`
phrase, so a message says what was expected in words, not in schema vocabulary.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import re
from pathlib import Path

import jsonschema

from . import yamlfile
from .errors import ArchiveError, N_, Problem, _
from .patterns import PatternError, compile_data_regex

SCHEMAS = Path(__file__).parent / "schema"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}\+07:00)?")
_FORMATS = jsonschema.FormatChecker(formats=())
_DATE_REASONS = (N_("month must be in 1..12"), N_("day is out of range for month"), N_("hour must be in 0..23"),
                 N_("minute must be in 0..59"), N_("second must be in 0..59"))  # datetime's, shown translated


@_FORMATS.checks("tna-date", raises=ValueError)
def _real_date(value) -> bool:
    """`2023-13-45` has the shape of a date and is none."""
    if not isinstance(value, str):
        return True
    if not _DATE.fullmatch(value):
        raise ValueError(_("not YYYY-MM-DD"))
    try:
        dt.datetime.fromisoformat(value)
    except ValueError as exc:  # Python's reason, in the chosen language (_DATE_REASONS)
        raise ValueError(_(str(exc))) from None
    return True


@_FORMATS.checks("tna-regex", raises=PatternError)
def _regex(value) -> bool:
    if isinstance(value, str):
        compile_data_regex(value, "")
    return True


@functools.cache
def validator(name: str) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=_FORMATS)


def _shown(value) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def _expected(err: jsonschema.ValidationError) -> str | None:
    """The schema node's `x-expected` phrase, translated (tnarchive/schema_messages.py extracts them)."""
    phrase = err.schema.get("x-expected")
    return _(phrase) if phrase else None


def _message(err: jsonschema.ValidationError) -> str:
    field = ".".join(str(p) for p in err.absolute_path) or _("the file")
    if err.validator == "required":
        return _("{field}: '{key}' is required").format(field=field, key=err.message.split("'")[1])
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        known = set(err.schema.get("properties", {}))
        extra = sorted(str(k) for k in err.instance if k not in known)
        return _("{field}: unknown field(s) {extra}; known: {known}").format(
            field=field, extra=", ".join(extra), known=", ".join(sorted(known)))
    if err.validator == "format" and err.cause is not None:
        return _("{field}: expected {what}, found {value} ({why})").format(
            field=field, what=_expected(err) or err.validator_value, value=_shown(err.instance),
            why=" ".join(str(err.cause).split()))
    if err.validator == "uniqueItems":
        return _("{field}: an item is listed twice").format(field=field)
    expected = _expected(err)
    why = next((c.cause for c in err.context or () if c.validator == "format" and c.cause is not None), None)
    if expected and why is not None:  # a date of the right shape that is no date: say which part is wrong
        return _("{field}: expected {what}, found {value} ({why})").format(
            field=field, what=expected, value=_shown(err.instance), why=" ".join(str(why).split()))
    if expected:
        return _("{field}: expected {what}, found {value}").format(field=field, what=expected, value=_shown(err.instance))
    return f"{field}: {' '.join(err.message.split())}"


def problems(data, schema: str, name: str, doc: yamlfile.Doc | None = None, line_of=None) -> list[Problem]:
    """Every way *data* breaks *schema*, one Problem each, at the line of the offending value."""
    found = []
    for err in validator(schema).iter_errors(data):
        path = tuple(err.absolute_path)
        line = doc.line(path) if doc is not None else line_of(path) if line_of else None
        found.append(Problem(name, line, _message(err)))
    return sorted(found, key=lambda p: (p.line or 0, p.message))


def check(doc: yamlfile.Doc, schema: str, name: str):
    """*doc*'s data when it fits *schema*; otherwise an ArchiveError listing every problem."""
    found = problems(doc.data, schema, name, doc)
    if found:
        raise ArchiveError(problems=found)
    return doc.data


def data_file(path: Path, schema: str, name: str | None = None) -> yamlfile.Doc:
    """A data/ file read (duplicate keys refused, dates as text) and checked against its schema."""
    name = name or str(path)
    doc = yamlfile.load(path, name)
    check(doc, schema, name)
    return doc


def front_matter(text: str, name: str) -> tuple[yamlfile.Doc, str] | None:
    """(front matter, body) of a Markdown page, line numbers counted in the whole file;
    None when the page has no front matter block at all."""
    if not text.startswith("---"):
        return None
    first, _sep, rest = text.partition("\n")
    if first.strip() != "---":
        return None
    m = re.search(r"^---[ \t\r]*$", rest, re.MULTILINE)  # \r: a file saved with Windows line ends
    if m is None:
        raise ArchiveError(_("front matter opened with '---' is never closed"), path=name, line=1)
    doc = yamlfile.loads(rest[: m.start()], name, line_offset=1)
    if doc.data is None:
        doc.data = {}
    if not isinstance(doc.data, dict):
        raise ArchiveError(_("front matter must be a block of 'key: value' lines"), path=name, line=2)
    body = rest[m.end():]
    return doc, body[1:] if body.startswith("\n") else body


def read_doc(path: Path, schema: str, name: str | None = None, found: list[Problem] | None = None
             ) -> tuple[yamlfile.Doc, str]:
    """A Markdown page's front matter (with its lines) and body, checked against *schema*
    ("article" or "translation"). Raises ArchiveError naming the file and line; but when *found*
    is given, the schema's problems go there and the page is returned all the same."""
    name = name or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ArchiveError(_("cannot be read: {why}").format(why=exc.strerror or exc), path=name) from None
    parsed = front_matter(yamlfile.decode_utf8(raw, name), name)
    if parsed is None:
        raise ArchiveError(_("no front matter: the file must start with a '---' line, then title: and the other "
                             "fields, then '---'"), path=name, line=1)
    doc, body = parsed
    if found is None:
        check(doc, schema, name)
    else:
        found += problems(doc.data, schema, name, doc)
    return doc, body.strip()


def read_page(path: Path, schema: str, name: str | None = None) -> tuple[dict, str]:
    """(front matter, body) of a page, as read_doc checks it."""
    doc, body = read_doc(path, schema, name)
    return doc.data, body
