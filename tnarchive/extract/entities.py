"""People and partners named in an article's cleaned text.

Known records are found by their names and aliases (folded: case and tone marks
ignored), longest match first; foreign names misspelt by a letter or two are caught
by fuzzy matching (rapidfuzz), only on capitalised words that are not Vietnamese
syllables, so "Gyeosangbuk-do" finds Gyeongsangbuk-do while "Hải Phòng" never
becomes "Hải Dương". Names not yet in the records are found through cues (a title
such as "ông"/"bà"/"đồng chí", a title of office, "Đại sứ quán", "tỉnh" before a
foreign name) and returned as unreviewed, never dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from ..authority import Authority, Name
from ..text import fold, fold_aligned, slugify

_TOKEN = re.compile(r"\w+")
_JOIN = re.compile(r"^[ \t\-&.'’]{0,2}$")  # within a line: a name never runs across blocks
_UPPER = "".join(c for c in map(chr, range(0x41, 0x250)) if c.isupper()) + "".join(
    c for c in map(chr, range(0x1E00, 0x1F00)) if c.isupper()
)
_NAME_WORD = rf"(?:[A-Z0-9][A-Z0-9&.]*[A-Z0-9](?![\w])|[{_UPPER}][\w'’]*(?:-[\w'’]+)*)"
_RUN = re.compile(rf"{_NAME_WORD}(?: {_NAME_WORD})*")
# Organisation names keep their lower-case joining words: "Korea Food for the Hungry International".
_ORG_RUN = re.compile(rf"{_NAME_WORD}(?: (?:(?:for|the|of|and|de|du|des|la|le|für|und) )*{_NAME_WORD})*")
_VI_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?"
    r"(?:oai|oay|oeo|uya|uye|uyu|uoi|uou|ieu|yeu|uay|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|"
    r"a|e|i|o|u|y)"
    r"(?:ch|ng|nh|[cmnpt])?$"
)
FUZZY_CUTOFF = 88
FUZZY_MIN_CHARS = 7


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    record: str
    kind: str
    surface: str
    score: float | None = None  # None for an exact match


@dataclass
class Entities:
    people: list[dict] = field(default_factory=list)
    partners: list[dict] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def is_vietnamese_word(word: str) -> bool:
    return bool(_VI_SYLLABLE.match(fold(word)))


@dataclass
class Matcher:
    """Indexes of an Authority's names, built once per run."""

    authority: Authority
    cues: dict
    by_first: dict[str, list[Name]] = field(default_factory=dict)
    fuzzy: dict[tuple[str, int], list[Name]] = field(default_factory=dict)

    def __post_init__(self):
        self.person_rules = person_rules(self.cues)
        for name in sorted(self.authority.names, key=lambda n: -len(n.tokens)):
            self.by_first.setdefault(name.tokens[0], []).append(name)
            compact = "".join(name.tokens)
            if not name.ambiguous and len(compact) >= FUZZY_MIN_CHARS and not all(
                _VI_SYLLABLE.match(t) for t in name.tokens
            ):
                self.fuzzy.setdefault((name.tokens[0][0], len(name.tokens)), []).append(name)


def _tokens(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, word, folded word). Folding the whole text once is far faster than word by word;
    when folding changes the text's length (ß → ss), each word is folded on its own instead."""
    folded = fold_aligned(text)
    if folded is not None:
        return [(m.start(), m.end(), m.group(), folded[m.start() : m.end()]) for m in _TOKEN.finditer(text)]
    return [(m.start(), m.end(), m.group(), fold(m.group())) for m in _TOKEN.finditer(text)]


def _contiguous(text: str, toks, i: int, n: int) -> bool:
    return all(_JOIN.match(text[toks[k][1] : toks[k + 1][0]]) for k in range(i, i + n - 1))


def _ambiguous_ok(text: str, toks, i: int, n: int, name: Name) -> bool:
    """A short alias that is also a common word must be written exactly, outside a run of names."""
    if tuple(t[2] for t in toks[i : i + n]) != name.surface:
        return False
    if i > 0:
        prev = toks[i - 1]
        if text[prev[1] : toks[i][0]].isspace():
            if prev[2][:1].isupper() or prev[3] in name.not_after:
                return False
    j = i + n
    if j < len(toks) and text[toks[j - 1][1] : toks[j][0]].isspace() and toks[j][2][:1].isupper():
        return False
    return True


def find_known(text: str, matcher: Matcher, fuzzy: bool = True) -> list[Hit]:
    toks = _tokens(text)
    hits: list[Hit] = []
    for i, tok in enumerate(toks):
        for name in matcher.by_first.get(tok[3], ()):
            n = len(name.tokens)
            if tuple(t[3] for t in toks[i : i + n]) != name.tokens or not _contiguous(text, toks, i, n):
                continue
            if name.ambiguous and not _ambiguous_ok(text, toks, i, n, name):
                continue
            if name.surface[0][:1].isupper() and not tok[2][:1].isupper():
                continue  # a proper name is written with a capital: "mong có" is not "Mông Cổ"
            hits.append(Hit(tok[0], toks[i + n - 1][1], name.record, name.kind, text[tok[0] : toks[i + n - 1][1]]))
    for i, tok in enumerate(toks if fuzzy else ()):
        if not tok[2][:1].isupper():
            continue
        for n in (1, 2, 3):
            window = toks[i : i + n]
            if len(window) < n or not _contiguous(text, toks, i, n):
                break
            if all(_VI_SYLLABLE.match(t[3]) for t in window):
                continue
            choices = matcher.fuzzy.get((tok[3][0], n))
            if not choices:
                continue
            query = " ".join(t[3] for t in window)
            best = process.extractOne(query, [c.compact for c in choices], scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if best and best[1] < 100:
                name = choices[best[2]]
                hits.append(Hit(tok[0], window[-1][1], name.record, name.kind, text[tok[0] : window[-1][1]], round(best[1], 1)))
    return _resolve(hits)


def _resolve(hits: list[Hit]) -> list[Hit]:
    """Keep the longest, exact-before-fuzzy, non-overlapping matches, in text order."""
    chosen: list[Hit] = []
    taken: list[tuple[int, int]] = []
    for h in sorted(hits, key=lambda h: (-(h.end - h.start), h.score is not None, h.start)):
        if any(h.start < e and s < h.end for s, e in taken):
            continue
        chosen.append(h)
        taken.append((h.start, h.end))
    return sorted(chosen, key=lambda h: h.start)


_LIST_SEP = re.compile(r"^(?:,\s*|\s+và\s+|\s*,\s*và\s+)$")


def _distribute_embassies(text: str, hits: list[Hit], auth: Authority) -> list[Hit]:
    """ "Đại sứ quán Mỹ, Hàn Quốc, Singapore và Pakistan": every listed country's embassy is meant."""
    embassy_of = {p.parent: p.id for p in auth.partners.values() if p.kind == "embassy" and p.parent}
    out = list(hits)
    for k, h in enumerate(hits):
        if h.kind != "partner" or auth.partners[h.record].kind != "embassy":
            continue
        j = k + 1
        while j < len(hits) and _LIST_SEP.match(text[out[j - 1].end : hits[j].start]):
            nxt = hits[j]
            if nxt.kind != "partner" or auth.partners[nxt.record].kind != "country" or nxt.record not in embassy_of:
                break
            out[j] = Hit(nxt.start, nxt.end, embassy_of[nxt.record], "partner", nxt.surface, nxt.score)
            j += 1
    return out


def _covered(start: int, end: int, hits: list[Hit]) -> bool:
    return any(start < h.end and h.start < end for h in hits)


def person_rules(cues: dict) -> tuple[re.Pattern, re.Pattern, frozenset, frozenset, frozenset]:
    """The cues of data/cues.yml compiled once per run (Matcher keeps them)."""
    titles = sorted((fold(t) for t in cues.get("person_titles") or []), key=len, reverse=True)
    roles = sorted((fold(r) for r in cues.get("role_words") or []), key=len, reverse=True)
    not_followed = [fold(w) for w in cues.get("role_not_followed_by") or []] or ["$^"]
    titled = re.compile(rf"(?:^|\W)(?:{'|'.join(map(re.escape, titles)) or '$^'})\s+$")
    role = re.compile(rf"(?:^|\s)(?:{'|'.join(map(re.escape, roles)) or '$^'})(?=\s)(?!\s(?:{'|'.join(map(re.escape, not_followed))})\b)")
    surnames = frozenset(cues.get("vietnamese_surnames") or [])  # exact: "Tống" is a name, "Tổng" is not
    not_people = frozenset(n.lower() for n in cues.get("not_people") or [])  # exact: "Đảng" is not "Đặng"
    return titled, role, surnames, not_people, frozenset(titles)


def _person_candidates(text: str, rules: tuple) -> list[tuple[int, str]]:
    titled_rx, role_rx, surnames, not_people, titles = rules
    found: list[tuple[int, str]] = []
    folded = fold_aligned(text)
    for m in _RUN.finditer(text):
        run = m.group().split(" ")
        start = max(0, m.start() - 80)
        before = folded[start : m.start()] if folded is not None else fold(text[start : m.start()])
        # A title written with a capital ("Ông", "Bà") is the run's own first word.
        if fold(run[0]) in titles and len(run) > 2:
            run, before = run[1:], before + fold(m.group().split(" ")[0]) + " "
        if titled_rx.search(before) and 2 <= len(run) <= 6:
            name = " ".join(run)
        else:
            clause = re.split(r"[.;,:()\"“”]", before)[-1]
            if not role_rx.search(clause):
                continue
            starts = [k for k, w in enumerate(run) if w in surnames and 2 <= len(run) - k <= 4]
            if not starts:
                continue
            name = " ".join(run[starts[0] :])
        if name.lower() in not_people or any(name.lower().startswith(n + " ") for n in not_people):
            continue
        found.append((m.end() - len(name), name))
    return found


def _cue_matches(pattern: re.Pattern, text: str):
    """pattern.finditer(text), keeping only matches at the start of the text or after white space.

    The same matches as a leading (?:(?<=\\s)|^) in the pattern, but a pattern that starts with
    its literal cue lets the regex engine skip ahead to each occurrence of it, many times faster."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        if m.start() == 0 or text[m.start() - 1].isspace():
            yield m
            pos = m.end()
        else:
            pos = m.start() + 1


def _partner_candidates(text: str, cues: dict) -> list[tuple[int, int, str, str]]:
    legal = {fold(w) for w in cues.get("legal_forms") or []}
    found = []
    for cue in cues.get("partner_cues") or []:
        for m in _cue_matches(re.compile(rf"{re.escape(cue['cue'])}\s+(?P<run>{_ORG_RUN.pattern})"), text):
            run = [w for w in m.group("run").split(" ") if fold(w) not in legal]
            if not run or run[:2] == ["Việt", "Nam"]:
                continue
            if cue.get("foreign_only") and all(is_vietnamese_word(p) for w in run for p in re.split(r"[-&.]", w) if p):
                continue
            name = " ".join(([cue["cue"]] if cue.get("include_cue") else []) + run)
            found.append((m.start("run"), m.end("run"), name, cue["kind"]))
    return found


def known_hits(text: str, matcher: Matcher, fuzzy: bool = False) -> list[Hit]:
    """Known records named in *text*, as detect() reads them, without looking for new names."""
    return _distribute_embassies(text, find_known(text, matcher, fuzzy), matcher.authority)


def detect(text: str, matcher: Matcher) -> Entities:
    auth = matcher.authority
    hits = _distribute_embassies(text, find_known(text, matcher), auth)
    ents = Entities(hits=hits)
    seen: set[str] = set()
    for h in hits:
        if h.record in seen:
            continue
        seen.add(h.record)
        if h.kind == "partner":
            p = auth.partners[h.record]
            ents.partners.append({"id": p.id, "name_vi": p.name_vi, "name_en": p.name_en, "kind": p.kind, "known": True})
        else:
            ents.people.append({"id": h.record, "name": auth.people[h.record].name, "known": True})
        if h.score is not None:
            ents.warnings.append(f'"{h.surface}" read as {h.kind} "{h.record}" (spelling {h.score:.0f}% alike)')
    for start, name in _person_candidates(text, matcher.person_rules):
        if _covered(start, start + len(name), hits):
            continue
        pid = slugify(name)
        if pid and pid not in seen and pid not in auth.people:
            seen.add(pid)
            ents.people.append({"id": pid, "name": name, "known": False})
    for start, end, name, kind in _partner_candidates(text, matcher.cues):
        if _covered(start, end, hits):
            continue
        pid = slugify(name)
        if pid and pid not in seen and pid not in auth.partners:
            seen.add(pid)
            ents.partners.append({"id": pid, "name_vi": name, "name_en": None, "kind": kind, "known": False})
    return ents
