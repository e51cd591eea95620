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
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, compress
from operator import itemgetter

from rapidfuzz import fuzz, process

from ..authority import Authority, Name
from ..errors import _
from ..text import Folds, fold, slugify

_TOKEN_SPLIT = re.compile(r"(\w+)")  # words and the text between them
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
    """Indexes of an Authority's names, built once per run.

    A name is found by one dictionary look-up of the folded words that start where it would:
    `lengths` says how many words the names beginning with a folded word have (longest first),
    `by_tokens` which record a run of folded words names (a run names at most one record)."""

    authority: Authority
    cues: dict
    by_tokens: dict[tuple[str, ...], Name] = field(default_factory=dict)
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    fuzzy: dict[tuple[str, int], list[Name]] = field(default_factory=dict)
    fuzzy_choices: dict[tuple[str, int], list[str]] = field(default_factory=dict)  # their compact forms

    def __post_init__(self):
        self.person_rules = person_rules(self.cues)
        for name in sorted(self.authority.names, key=lambda n: -len(n.tokens)):
            self.by_tokens.setdefault(name.tokens, name)
            ns = self.lengths.get(name.tokens[0], ())
            if len(name.tokens) not in ns:
                self.lengths[name.tokens[0]] = ns + (len(name.tokens),)
            compact = "".join(name.tokens)
            if not name.ambiguous and len(compact) >= FUZZY_MIN_CHARS and not all(
                _VI_SYLLABLE.match(t) for t in name.tokens
            ):
                self.fuzzy.setdefault((name.tokens[0][0], len(name.tokens)), []).append(name)
        self.fuzzy_choices = {key: [c.compact for c in names] for key, names in self.fuzzy.items()}


_WORD_FOLDS = Folds(limit=200_000)  # word → fold(word): a page repeats a few hundred syllables


class _Words:
    """The words of a text (runs of \\w), their folded forms and offsets, and the text between
    them: gaps[k] is the text before word k (gaps[-1] the text after the last). Split, folded and
    measured in C (re.split, dictionary look-ups, accumulate): far faster than a match object per word."""

    def __init__(self, text: str):
        parts = _TOKEN_SPLIT.split(text)
        self.words, self.gaps = parts[1::2], parts[0::2]
        self.folded = list(map(_WORD_FOLDS.__getitem__, self.words))
        bounds = list(accumulate(map(len, parts)))
        self.starts, self.ends = bounds[0::2][: len(self.words)], bounds[1::2]
        self._joins: dict[str, bool] = {}

    def joined(self, k: int) -> bool:
        """Words k-1 and k are in one run within a line (nothing but a space, hyphen, & . ' between)."""
        gap = self.gaps[k]
        ok = self._joins.get(gap)
        if ok is None:
            ok = self._joins[gap] = bool(_JOIN.match(gap))
        return ok

    def contiguous(self, i: int, n: int) -> bool:
        """Words i..i+n-1 are one run within a line."""
        return all(self.joined(k) for k in range(i + 1, i + n))

    def capitalised(self) -> Iterator[int]:
        """The index of each word that starts with a capital."""
        return compress(range(len(self.words)), map(str.isupper, map(itemgetter(0), self.words)))


@lru_cache(maxsize=65536)
def _is_syllable(folded_word: str) -> bool:
    return bool(_VI_SYLLABLE.match(folded_word))


def _ambiguous_ok(ws: _Words, i: int, n: int, name: Name) -> bool:
    """A short alias that is also a common word must be written exactly, outside a run of names."""
    if tuple(ws.words[i : i + n]) != name.surface:
        return False
    if i > 0 and ws.gaps[i].isspace():
        if ws.words[i - 1][:1].isupper() or ws.folded[i - 1] in name.not_after:
            return False
    j = i + n
    if j < len(ws.words) and ws.gaps[j].isspace() and ws.words[j][:1].isupper():
        return False
    return True


def find_known(text: str, matcher: Matcher, fuzzy: bool = True) -> list[Hit]:
    ws = _Words(text)
    words, folded, starts, ends = ws.words, ws.folded, ws.starts, ws.ends
    hits: list[Hit] = []
    lengths, by_tokens = matcher.lengths, matcher.by_tokens
    for i in compress(range(len(folded)), map(lengths.__contains__, folded)):  # words that start a name
        for n in lengths[folded[i]]:
            name = by_tokens.get(tuple(folded[i : i + n])) if i + n <= len(folded) else None
            if name is None or not ws.contiguous(i, n):
                continue
            if name.ambiguous and not _ambiguous_ok(ws, i, n, name):
                continue
            if name.surface[0][:1].isupper() and not words[i][:1].isupper():
                continue  # a proper name is written with a capital: "mong có" is not "Mông Cổ"
            end = ends[i + n - 1]
            hits.append(Hit(starts[i], end, name.record, name.kind, text[starts[i] : end]))
    for i in ws.capitalised() if fuzzy else ():
        syllables = True  # every word of the window so far is a Vietnamese syllable
        for n in (1, 2, 3):  # the window of n words from word i
            if i + n > len(words) or (n > 1 and not ws.joined(i + n - 1)):
                break
            syllables = syllables and _is_syllable(folded[i + n - 1])
            if syllables:
                continue
            key = (folded[i][0], n)
            choices = matcher.fuzzy.get(key)
            if not choices:
                continue
            best = process.extractOne(" ".join(folded[i : i + n]), matcher.fuzzy_choices[key], scorer=fuzz.ratio,
                                      score_cutoff=FUZZY_CUTOFF)
            if best and best[1] < 100:
                name = choices[best[2]]
                end = ends[i + n - 1]
                hits.append(Hit(starts[i], end, name.record, name.kind, text[starts[i] : end], round(best[1], 1)))
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


@dataclass(frozen=True)
class PersonRules:
    """The cues of data/cues.yml compiled once per run (Matcher keeps them)."""

    titled: re.Pattern  # a person title ("ông", "bà") right before a run of names
    role: re.Pattern  # a title of office ("Đại sứ", "Phó Chủ tịch") before a run of names
    role_end: re.Pattern  # a title of office ending the text before a name: "… Thống đốc "
    role_after: re.Pattern  # ", Phó Chủ tịch" right after a name written first
    surnames: frozenset
    not_people: frozenset
    titles: frozenset  # folded person titles
    title_words: frozenset  # words of titles of office and person titles: "Phó Chủ" is no name
    title_phrases: dict  # first word → the titles starting with it, as lower-case word tuples, longest first


def _by_first_word(phrases: set[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list] = {}
    for p in sorted(phrases, key=len, reverse=True):
        out.setdefault(p[0], []).append(p)
    return {k: tuple(v) for k, v in out.items()}


def person_rules(cues: dict) -> PersonRules:
    titles = sorted((fold(t) for t in cues.get("person_titles") or []), key=len, reverse=True)
    roles = sorted((fold(r) for r in cues.get("role_words") or []), key=len, reverse=True)
    not_followed = [fold(w) for w in cues.get("role_not_followed_by") or []] or ["$^"]
    role_alt = "|".join(map(re.escape, roles)) or "$^"
    phrases = [str(p) for p in (cues.get("role_words") or []) + (cues.get("person_titles") or [])]
    return PersonRules(
        titled=re.compile(rf"(?:^|\W)(?:{'|'.join(map(re.escape, titles)) or '$^'})\s+$"),
        role=re.compile(rf"(?:^|\s)(?:{role_alt})(?=\s)(?!\s(?:{'|'.join(map(re.escape, not_followed))})\b)"),
        role_end=re.compile(rf"(?:^|\s)(?:{role_alt})\s+$"),
        role_after=re.compile(rf"^\s*,\s*(?:{role_alt})\b"),
        surnames=frozenset(cues.get("vietnamese_surnames") or []),  # exact: "Tống" is a name, "Tổng" is not
        not_people=frozenset(n.lower() for n in cues.get("not_people") or []),  # exact: "Đảng" is not "Đặng"
        titles=frozenset(titles),
        title_words=frozenset(w.lower() for phrase in phrases for w in phrase.split()),
        title_phrases=_by_first_word({tuple(p.lower().split()) for p in phrases}),
    )


_CLAUSE_BREAK = re.compile(r"[.;,:()\"“”]")


def _is_foreign(run: list[str]) -> bool:
    """A run of names with a word that is no Vietnamese syllable: "Ito Naoki", "Choi Joo-ho"; written as
    names are, not as abbreviations ("BCH Đảng" is a body)."""
    if any(w.isupper() and len(w) > 1 for w in run):
        return False
    return not all(is_vietnamese_word(p) for w in run for p in re.split(r"[-'’.]", w) if p)


def _person_candidates(text: str, rules: PersonRules, partner_spans: list[tuple[int, int]] = ()) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    partner_end = dict(partner_spans)
    for m in _RUN.finditer(text):
        run = m.group().split(" ")
        if len(run) < 2:
            continue  # a name has two words at least
        before = fold(text[max(0, m.start() - 80) : m.start()])
        # A title written with a capital ("Ông", "Đại sứ") starts the run itself: it goes before it.
        offset = m.start()
        while len(run) > 2 and run[0].lower() in rules.title_phrases:
            phrase = next((p for p in rules.title_phrases[run[0].lower()]
                           if len(run) - len(p) >= 2 and tuple(w.lower() for w in run[: len(p)]) == p), None)
            if phrase is None:
                break
            taken = " ".join(run[: len(phrase)])
            before, run, offset = before + fold(taken) + " ", run[len(phrase):], offset + len(taken) + 1
        # "Đại sứ Nhật Bản Ito Naoki": the country named first is no part of the name.
        e = partner_end.get(offset)
        if e is not None and e < m.end() and text[e : e + 1] == " ":
            run, offset = text[e + 1 : m.end()].split(" "), e + 1
        if len(run) < 2 or all(w.lower() in rules.title_words for w in run):
            continue  # a name has two words at least, and "Phó Chủ" is a title cut short
        if 2 <= len(run) <= 6 and rules.titled.search(before):
            name = " ".join(run)
        else:
            clause = _CLAUSE_BREAK.split(before)[-1]
            starts = [k for k, w in enumerate(run) if w in rules.surnames and 2 <= len(run) - k <= 4]
            if starts and (rules.role.search(clause) or (
                starts[0] == 0 and len(run) <= 4 and rules.role_after.match(fold(text[m.end() : m.end() + 40])))):
                name = " ".join(run[starts[0] :])  # after a title of office, or written first: "X, Phó Chủ tịch"
            elif 2 <= len(run) <= 4 and rules.role_end.search(clause) and _is_foreign(run):
                name = " ".join(run)  # a foreign official right after a title of office: "Thống đốc Jeannette Young"
            else:
                continue
        if name.lower() in rules.not_people or any(name.lower().startswith(n + " ") for n in rules.not_people):
            continue
        found.append((m.end() - len(name), name))
    return found


@lru_cache(maxsize=256)
def _cue_pattern(cue: str) -> re.Pattern:
    return re.compile(rf"{re.escape(cue)}\s+")


def _cue_runs(cue: str, text: str):
    """The run of names right after each *cue* and its white space, for a cue at the start of the
    text or after white space: the matches of `cue\\s+(?P<run>_ORG_RUN)` from left to right.

    The same matches as a leading (?:(?<=\\s)|^) in the pattern, but a pattern that starts with
    its literal cue lets the regex engine skip ahead to each occurrence of it, many times faster.
    The run is _ORG_RUN matched where the cue's white space ends (a run never starts with white
    space), so that the long run pattern is not compiled again with every cue (milliseconds each)."""
    cue_rx = _cue_pattern(cue)
    pos = 0
    while (m := cue_rx.search(text, pos)) is not None:
        run = _ORG_RUN.match(text, m.end())
        if run is not None and (m.start() == 0 or text[m.start() - 1].isspace()):
            yield run
            pos = run.end()
        else:
            pos = m.start() + 1


def _partner_candidates(text: str, cues: dict, people: set[str] = frozenset()) -> list[tuple[int, int, str, str]]:
    legal = {fold(w) for w in cues.get("legal_forms") or []}
    found = []
    for cue in cues.get("partner_cues") or []:
        for m in _cue_runs(cue["cue"], text):
            # A province glued to a person's name ("tỉnh Fukuoka Tanaka Yuji") ends where the name starts.
            cut = min((i for i in (m.group().find(" " + p) for p in people) if i > 0), default=None)
            end = m.start() + cut if cut is not None else m.end()
            run = [w for w in text[m.start(): end].split() if fold(w) not in legal]
            if not run or run[:2] == ["Việt", "Nam"]:
                continue
            if cue.get("foreign_only") and all(is_vietnamese_word(p) for w in run for p in re.split(r"[-&.]", w) if p):
                continue
            name = " ".join(([cue["cue"]] if cue.get("include_cue") else []) + run)
            found.append((m.start(), end, name, cue["kind"]))
    return found


def known_hits(text: str, matcher: Matcher, fuzzy: bool = False) -> list[Hit]:
    """Known records named in *text*, as detect() reads them, without looking for new names."""
    return _distribute_embassies(text, find_known(text, matcher, fuzzy), matcher.authority)


def detect(text: str, matcher: Matcher) -> Entities:
    auth = matcher.authority
    hits = _distribute_embassies(text, find_known(text, matcher), auth)
    partner_spans = [(h.start, h.end) for h in hits if h.kind == "partner"]
    candidates = _person_candidates(text, matcher.person_rules, partner_spans)
    # A partner's alias never takes a part of a longer person's name ("Hà Nam" in "Lê Hà Nam Anh").
    inside = {h for h in hits if h.kind == "partner" for start, name in candidates
              if start <= h.start and h.end <= start + len(name) and (h.end - h.start) < len(name)}
    hits = [h for h in hits if h not in inside]
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
            ents.warnings.append((_('"{surface}" read as partner "{record}" (spelling {score:.0f}% alike)') if h.kind == "partner"
                                  else _('"{surface}" read as person "{record}" (spelling {score:.0f}% alike)'))
                                 .format(surface=h.surface, record=h.record, score=h.score))
    named: set[str] = {h.surface for h in hits if h.kind == "person"}
    for start, name in candidates:
        if _covered(start, start + len(name), hits):
            continue
        named.add(name)
        pid = slugify(name)
        if pid and pid not in seen and pid not in auth.people:
            seen.add(pid)
            ents.people.append({"id": pid, "name": name, "known": False})
    for start, end, name, kind in _partner_candidates(text, matcher.cues, named):
        if _covered(start, end, hits):
            continue
        pid = slugify(name)
        if pid and pid not in seen and pid not in auth.partners:
            seen.add(pid)
            ents.partners.append({"id": pid, "name_vi": name, "name_en": None, "kind": kind, "known": False})
    return ents
