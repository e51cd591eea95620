"""Authority records (data/partners.yml, data/people.yml) loaded, checked and indexed for matching.

Names are matched on folded word sequences (case and diacritics ignored, đ → d, hyphens
and punctuation as word breaks), so "Gyeongsangbuk-do", "GYEONGSANGBUK DO" and
"gyeongsangbuk-đo" are one name. Records are checked on load: unique ids, known
parents and kinds, no alias claimed by two records.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .errors import ArchiveError, _
from .text import fold, nfc, words

PARTNER_KINDS = (
    "country", "province", "city", "district", "company", "embassy", "university", "institute",
    "ngo", "international-organisation", "political-party", "government-body",
)


class AuthorityError(ArchiveError):
    """Records that fit the schema but not each other: an id used twice, an unknown parent, a shared name."""


@dataclass(frozen=True)
class Partner:
    id: str
    name_vi: str
    name_en: str
    kind: str
    parent: str | None
    aliases: tuple[str, ...] = ()
    ambiguous_aliases: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    note: str | None = None
    iso2: str | None = None
    lat: float | None = None  # where a province, city or district is (decimal degrees)
    lon: float | None = None


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    name_ascii: str
    name_en: str | None
    nationality: str | None
    aliases: tuple[str, ...] = ()
    roles: tuple[dict, ...] = ()


@dataclass(frozen=True)
class Name:
    """One way of writing one record: its folded words."""

    record: str  # record id
    kind: str  # "partner" | "person"
    tokens: tuple[str, ...]
    ambiguous: bool = False
    not_after: tuple[str, ...] = ()
    surface: tuple[str, ...] = ()  # the words exactly as written in the record

    @property
    def compact(self) -> str:
        return " ".join(self.tokens)


@dataclass
class Authority:
    partners: dict[str, Partner] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    names: list[Name] = field(default_factory=list)
    partner_lines: dict[str, int] = field(default_factory=dict)  # id → line of its `id:` in partners.yml, when known

    def country_of(self, partner_id: str) -> str | None:
        seen = set()
        pid: str | None = partner_id
        while pid and pid not in seen:
            seen.add(pid)
            p = self.partners.get(pid)
            if p is None:
                return None
            if p.kind == "country":
                return p.id
            pid = p.parent
        return None


def tokens(text: str) -> tuple[str, ...]:
    return tuple(words(fold(text)))


class _Where:
    """Which file and line a record came from, for an error that names them (`lines`: file → Doc)."""

    def __init__(self, file: str, lines):
        self.file, self.doc = file, (lines or {}).get(file)

    def error(self, path: tuple, message: str) -> AuthorityError:
        return AuthorityError(message, path=self.file, line=self.doc.line(path) if self.doc else None)


def _strs(value, where: _Where, path: tuple, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise where.error(path, _("{what}: must be a list of names").format(what=what))
    return tuple(nfc(str(v)).strip() for v in value if str(v).strip())


def _degrees(rec: dict, key: str, limit: int, where: _Where, path: tuple, what: str) -> float | None:
    value = rec.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not -limit <= value <= limit:
        raise where.error(path + (key,), _("{what}: '{key}' must be a number of degrees from -{limit} to {limit}")
                          .format(what=what, key=key, limit=limit))
    return float(value)


def _require(rec: dict, key: str, where: _Where, path: tuple, what: str) -> str:
    value = rec.get(key)
    if not isinstance(value, str) or not value.strip():
        raise where.error(path, _("{what}: '{key}' is required").format(what=what, key=key))
    return nfc(value).strip()


def load_authority(partners_data: dict | None, people_data: dict | None,
                   partners_file: str = "partners.yml", people_file: str = "people.yml", lines=None) -> Authority:
    """The records, checked against each other. *lines*: file name → its yamlfile.Doc, so that an
    error names the line of the record at fault."""
    auth = Authority()
    pw, hw = _Where(partners_file, lines), _Where(people_file, lines)
    at: dict[str, tuple[_Where, tuple]] = {}  # record id → where it is written
    for i, rec in enumerate((partners_data or {}).get("partners") or []):
        path, what = ("partners", i), _("partner #{n}").format(n=i + 1)
        if not isinstance(rec, dict):
            raise pw.error(path, _("{what}: must be a mapping of fields").format(what=what))
        pid = _require(rec, "id", pw, path, what)
        what = _("partner '{id}'").format(id=pid)
        if pid in auth.partners:
            raise pw.error(path, _("{what}: id used twice").format(what=what))
        kind = _require(rec, "kind", pw, path, what)
        if kind not in PARTNER_KINDS:
            raise pw.error(path + ("kind",), _("{what}: kind '{kind}' is not one of {kinds}")
                           .format(what=what, kind=kind, kinds=", ".join(PARTNER_KINDS)))
        at[pid] = (pw, path)
        if pw.doc:
            auth.partner_lines[pid] = pw.doc.line(path + ("id",))
        auth.partners[pid] = Partner(
            id=pid, name_vi=_require(rec, "name_vi", pw, path, what), name_en=_require(rec, "name_en", pw, path, what),
            kind=kind, parent=rec.get("parent") or None,
            aliases=_strs(rec.get("aliases"), pw, path + ("aliases",), f"{what}: aliases"),
            ambiguous_aliases=_strs(rec.get("ambiguous_aliases"), pw, path + ("ambiguous_aliases",), f"{what}: ambiguous_aliases"),
            not_after=_strs(rec.get("not_after"), pw, path + ("not_after",), f"{what}: not_after"),
            note=rec.get("note"), iso2=(str(rec["iso2"]).upper() if rec.get("iso2") else None),
            lat=_degrees(rec, "lat", 90, pw, path, what), lon=_degrees(rec, "lon", 180, pw, path, what),
        )
    for p in auth.partners.values():
        if (p.lat is None) != (p.lon is None):
            raise pw.error(at[p.id][1], _("partner '{id}': give both lat and lon, or neither").format(id=p.id))
        if p.parent and p.parent not in auth.partners:
            raise pw.error(at[p.id][1] + ("parent",), _("partner '{id}': parent '{parent}' is not a partner id")
                           .format(id=p.id, parent=p.parent))
    for i, rec in enumerate((people_data or {}).get("people") or []):
        path, what = ("people", i), _("person #{n}").format(n=i + 1)
        if not isinstance(rec, dict):
            raise hw.error(path, _("{what}: must be a mapping of fields").format(what=what))
        pid = _require(rec, "id", hw, path, what)
        what = _("person '{id}'").format(id=pid)
        if pid in auth.people or pid in auth.partners:
            raise hw.error(path, _("{what}: id used twice").format(what=what))
        name = _require(rec, "name", hw, path, what)
        roles = rec.get("roles") or []
        if not isinstance(roles, list):
            raise hw.error(path + ("roles",), _("{what}: roles must be a list").format(what=what))
        at[pid] = (hw, path)
        auth.people[pid] = Person(
            id=pid, name=name, name_ascii=rec.get("name_ascii") or fold(name).title(),
            name_en=rec.get("name_en"), nationality=rec.get("nationality"),
            aliases=_strs(rec.get("aliases"), hw, path + ("aliases",), f"{what}: aliases"),
            roles=tuple(dict(r) for r in roles),
        )
    auth.names = _names(auth, at)
    return auth


def _names(auth: Authority, at: dict) -> list[Name]:
    owner: dict[tuple[str, ...], str] = {}
    names: list[Name] = []

    def add(record: str, kind: str, text: str, ambiguous=False, not_after=()):
        toks = tokens(text)
        if not toks:
            return
        if toks in owner and owner[toks] != record:
            where, path = at[record]
            raise where.error(path, _("{kind} '{record}': name '{text}' is also a name of '{other}'").format(
                kind=_("partner") if kind == "partner" else _("person"),
                record=record, text=text, other=owner[toks]))
        if toks in owner:
            return
        owner[toks] = record
        names.append(Name(record, kind, toks, ambiguous, tuple(fold(w) for w in not_after), tuple(words(nfc(text)))))

    for p in auth.partners.values():
        for text in (p.name_vi, p.name_en, *p.aliases):
            add(p.id, "partner", text)
        for text in p.ambiguous_aliases:
            add(p.id, "partner", text, ambiguous=True, not_after=p.not_after)
    for person in auth.people.values():
        for text in (person.name, person.name_ascii, person.name_en or "", *person.aliases):
            add(person.id, "person", text)
    return names
