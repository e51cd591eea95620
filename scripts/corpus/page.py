"""One page's random choices: which partners and people replace the seeds' ones, and what it names."""
from __future__ import annotations

from random import Random

from .phrases import PARTNER_SENTENCES, PERSON_SENTENCES
from .sources import KEEP_ORIGINAL, PREV_WORD, ZIPF_S, Slot, Source, Template, norm_piece, norm_words


class Page:
    """The random choices of one page: which partners and people replace the seeds' ones."""

    def __init__(self, src: Source, rng: Random, year: int):
        self.src, self.rng, self.year = src, rng, year
        self.partner_map: dict[str, str] = {}
        self.person_map: dict[str, str] = {}
        self.used: set = set()
        self.partners: list[str] = []  # written into the title or body, in order
        self.people: list[str] = []
        self.norms: list[str] = []  # folded words of everything written into the title and body

    # -- drawing records
    def zipf_partner(self, candidates: list[str]) -> str:
        rank = self.src.partner_rank
        return self.rng.choices(candidates, weights=[1 / rank[c] ** ZIPF_S for c in candidates])[0]

    def any_partner(self) -> str:
        return self.rng.choices(self.src.partner_ids, weights=self.src.partner_weights)[0]

    def any_person(self) -> str:
        return self.rng.choices(self.src.person_ids, weights=self.src.person_weights)[0]

    def prepare(self, templates: list[Template]) -> None:
        """Choose the replacement of every partner the templates name, children before parents,
        so that "tỉnh X (country of X)" stays consistent: a province decides its country."""
        parts = self.src.authority.partners
        seen: dict[str, int] = {}
        for tpl in templates:
            for part in tpl.parts:
                if isinstance(part, Slot) and part.kind == "partner" and part.record not in seen:
                    seen[part.record] = len(seen)

        def depth(pid: str) -> int:
            n = 0
            while parts[pid].parent and n < 10:
                pid, n = parts[pid].parent, n + 1
            return n

        for orig in sorted(seen, key=lambda pid: (-depth(pid), seen[pid])):
            self.map_partner(orig)

    def map_partner(self, orig: str) -> str:
        if orig in self.partner_map:
            return self.partner_map[orig]
        parts = self.src.authority.partners
        p = parts[orig]
        same_kind = self.src.by_kind[p.kind]
        new = None
        if p.parent and p.parent in self.partner_map:  # its parent is decided: stay among its children
            target = self.partner_map[p.parent]
            kids = [c for c in same_kind if parts[c].parent == target]
            if kids:
                if orig in kids and orig not in self.used and self.rng.random() < KEEP_ORIGINAL:
                    new = orig
                else:
                    new = self.zipf_partner([c for c in kids if c not in self.used] or kids)
        if new is None:
            if orig not in self.used and self.rng.random() < KEEP_ORIGINAL:
                new = orig
            else:
                new = self.zipf_partner([c for c in same_kind if c not in self.used] or same_kind)
        self.partner_map[orig] = new
        self.used.add(new)
        a, b = p.parent, parts[new].parent  # its ancestors follow: Chilgok → Gyeongsangbuk-do → Hàn Quốc
        while a and b and a not in self.partner_map and parts[a].kind == parts[b].kind:
            self.partner_map[a] = b
            self.used.add(b)
            a, b = parts[a].parent, parts[b].parent
        return new

    def map_person(self, orig: str) -> str:
        if orig not in self.person_map:
            group = self.src.by_nationality[self.src.authority.people[orig].nationality or ""]
            free = [c for c in group if c not in self.person_map.values()]
            if orig in free and self.rng.random() < KEEP_ORIGINAL:
                new = orig
            else:
                pool = free or group
                new = self.rng.choices(pool, weights=[1 / self.src.person_rank[c] ** ZIPF_S for c in pool])[0]
            self.person_map[orig] = new
        return self.person_map[orig]

    # -- writing names
    def partner_name(self, pid: str, slot: Slot | None = None, before: str = "") -> str:
        """How the text names partner *pid*; *before* is the text written just before it."""
        p = self.src.authority.partners[pid]
        if pid not in self.partners:
            self.partners.append(pid)
        r = self.rng.random()
        if slot is not None and slot.record == pid and r < 0.4:
            return slot.surface  # the seed's own spelling, misspellings included
        if p.ambiguous_aliases and slot is not None and r < 0.7:
            m = PREV_WORD.search(before)
            prev = m.group(1) if m else None
            ok = not slot.next_upper and (prev is None or (prev[:1].islower() and norm_words(prev).strip() not in
                                                             {norm_words(w).strip() for w in p.not_after}))
            if ok:
                return p.ambiguous_aliases[0]  # "Lào", "Đức", "Mỹ": as the papers usually write them
        aliases = self.src.partner_aliases[pid]
        if aliases and self.rng.random() < 0.2:
            return self.rng.choice(aliases)  # an alias or a recorded misspelling
        return p.name_vi

    def person_name(self, pid: str) -> str:
        person = self.src.authority.people[pid]
        if pid not in self.people:
            self.people.append(pid)
        aliases = self.src.person_aliases[pid]
        if aliases and self.rng.random() < 0.2:
            return self.rng.choice(aliases)
        return person.name

    def person_title(self, pid: str, capital: bool) -> str:
        t = "bà" if pid in self.src.female else "ông"
        return t.capitalize() if capital else t

    def render(self, tpl: Template) -> str:
        out: list[str] = []
        norms = self.norms
        for part, norm in zip(tpl.parts, tpl.norms):
            if norm is not None:
                out.append(part)
                norms.append(norm)
                continue
            if part.kind == "year":
                text = str(part.year + self.year - tpl.seed_year)
            elif part.kind == "partner":
                before = "".join(out[-2:])[-40:]
                text = self.partner_name(self.map_partner(part.record), part, before)
            else:
                pid = self.map_person(part.record)
                text = self.person_name(pid)
                if part.title:
                    text = f"{self.person_title(pid, part.title[0].isupper())} {text}"
            out.append(text)
            norms.append(norm_piece(text))
        return "".join(out)

    def add(self, text: str) -> str:
        """*text*, written into the page as it is (its names count for the chrome check)."""
        self.norms.append(norm_piece(text))
        return text

    def fill(self, pattern: str, pid: str | None = None) -> str:
        """A pattern with {P}: a partner drawn for it (or *pid*), by its Vietnamese name."""
        pid = pid or self.any_partner()
        if pid not in self.partners:
            self.partners.append(pid)
        return self.add(pattern.replace("{P}", self.src.authority.partners[pid].name_vi))

    def partner_sentence(self) -> str:
        pid = self.any_partner()
        kind = self.src.authority.partners[pid].kind
        return self.fill(self.rng.choice(PARTNER_SENTENCES[kind]), pid)

    def person_sentence(self) -> str:
        pid = self.any_person()
        person = self.src.authority.people[pid]
        role = self.rng.choice(person.roles)["role_vi"] if person.roles else "Phó Chủ tịch UBND tỉnh"
        pattern = self.rng.choice(PERSON_SENTENCES)
        title = "đồng chí" if person.nationality in ("VN", "LA") and self.rng.random() < 0.5 else self.person_title(pid, False)
        return self.add(pattern.replace("{T}", title).replace("{N}", self.person_name(pid)).replace("{R}", role))
