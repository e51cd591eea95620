"""Authority records (data/partners.yml, data/people.yml) loaded, checked and indexed for matching.

Names are matched on folded word sequences (case and diacritics ignored, đ → d, hyphens
and punctuation as word breaks), so "Gyeongsangbuk-do", "GYEONGSANGBUK DO" and
"gyeongsangbuk-đo" are one name. Records are checked on load: unique ids, known
parents and kinds, no alias claimed by two records.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .errors import ArchiveError
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


def _strs(value, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise AuthorityError(f"{where}: must be a list of names")
    return tuple(nfc(str(v)).strip() for v in value if str(v).strip())


def _require(rec: dict, key: str, where: str) -> str:
    value = rec.get(key)
    if not isinstance(value, str) or not value.strip():
        raise AuthorityError(f"{where}: '{key}' is required")
    return nfc(value).strip()


def load_authority(partners_data: dict | None, people_data: dict | None,
                   partners_file: str = "partners.yml", people_file: str = "people.yml") -> Authority:
    auth = Authority()
    for i, rec in enumerate((partners_data or {}).get("partners") or []):
        where = f"{partners_file}: partner #{i + 1}"
        if not isinstance(rec, dict):
            raise AuthorityError(f"{where}: must be a mapping of fields")
        pid = _require(rec, "id", where)
        where = f"{partners_file}: partner '{pid}'"
        if pid in auth.partners:
            raise AuthorityError(f"{where}: id used twice")
        kind = _require(rec, "kind", where)
        if kind not in PARTNER_KINDS:
            raise AuthorityError(f"{where}: kind '{kind}' is not one of {', '.join(PARTNER_KINDS)}")
        auth.partners[pid] = Partner(
            id=pid, name_vi=_require(rec, "name_vi", where), name_en=_require(rec, "name_en", where),
            kind=kind, parent=rec.get("parent") or None,
            aliases=_strs(rec.get("aliases"), f"{where}: aliases"),
            ambiguous_aliases=_strs(rec.get("ambiguous_aliases"), f"{where}: ambiguous_aliases"),
            not_after=_strs(rec.get("not_after"), f"{where}: not_after"),
            note=rec.get("note"), iso2=(str(rec["iso2"]).upper() if rec.get("iso2") else None),
        )
    for p in auth.partners.values():
        if p.parent and p.parent not in auth.partners:
            raise AuthorityError(f"{partners_file}: partner '{p.id}': parent '{p.parent}' is not a partner id")
    for i, rec in enumerate((people_data or {}).get("people") or []):
        where = f"{people_file}: person #{i + 1}"
        if not isinstance(rec, dict):
            raise AuthorityError(f"{where}: must be a mapping of fields")
        pid = _require(rec, "id", where)
        where = f"{people_file}: person '{pid}'"
        if pid in auth.people or pid in auth.partners:
            raise AuthorityError(f"{where}: id used twice")
        name = _require(rec, "name", where)
        roles = rec.get("roles") or []
        if not isinstance(roles, list):
            raise AuthorityError(f"{where}: roles must be a list")
        auth.people[pid] = Person(
            id=pid, name=name, name_ascii=rec.get("name_ascii") or fold(name).title(),
            name_en=rec.get("name_en"), nationality=rec.get("nationality"),
            aliases=_strs(rec.get("aliases"), f"{where}: aliases"),
            roles=tuple(dict(r) for r in roles),
        )
    auth.names = _names(auth, partners_file, people_file)
    return auth


def _names(auth: Authority, partners_file: str, people_file: str) -> list[Name]:
    owner: dict[tuple[str, ...], str] = {}
    names: list[Name] = []

    def add(record: str, kind: str, text: str, where: str, ambiguous=False, not_after=()):
        toks = tokens(text)
        if not toks:
            return
        if toks in owner and owner[toks] != record:
            raise AuthorityError(f"{where}: name '{text}' is also a name of '{owner[toks]}'")
        if toks in owner:
            return
        owner[toks] = record
        names.append(Name(record, kind, toks, ambiguous, tuple(fold(w) for w in not_after), tuple(words(nfc(text)))))

    for p in auth.partners.values():
        where = f"{partners_file}: partner '{p.id}'"
        for text in (p.name_vi, p.name_en, *p.aliases):
            add(p.id, "partner", text, where)
        for text in p.ambiguous_aliases:
            add(p.id, "partner", text, where, ambiguous=True, not_after=p.not_after)
    for person in auth.people.values():
        where = f"{people_file}: person '{person.id}'"
        for text in (person.name, person.name_ascii, person.name_en or "", *person.aliases):
            add(person.id, "person", text, where)
    return names
