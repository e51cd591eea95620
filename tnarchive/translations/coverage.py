"""How much of the archive is translated: shares by year and the stale and missing articles. The
same figures on the site's Translations page and in `tnarchive check`."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import _, language


@dataclass
class Coverage:
    total: int = 0
    current: int = 0
    stale: list[str] = field(default_factory=list)  # slugs, in the order given
    missing: list[str] = field(default_factory=list)
    by_year: dict = field(default_factory=dict)  # year (None: undated) → [articles, current, stale]

    @property
    def share(self) -> float:
        return 100.0 * self.current / self.total if self.total else 0.0

    def line(self) -> str:
        undated = _("undated")
        years = ", ".join(f"{y or undated}: {c}/{n}" for y, (n, c, _stale) in sorted(self.by_year.items(), key=_year_order))
        share = f"{self.share:.1f}"
        if language() == "vi":  # Vietnamese writes a decimal comma: 37,5 %
            share = share.replace(".", ",")
        return (_("translations: {current} of {total} article(s) translated and current ({share} %), "
                  "{stale} stale, {missing} missing").format(current=self.current, total=self.total, share=share,
                                                             stale=len(self.stale), missing=len(self.missing))
                + (_("; by year {years}").format(years=years) if years else ""))


def _year_order(item) -> tuple:
    return (item[0] is None, -(item[0] or 0))


def coverage(items) -> Coverage:
    """*items*: (slug, year or None, "current" | "stale" | "missing") for each article."""
    c = Coverage()
    for slug, year, status in items:
        c.total += 1
        row = c.by_year.setdefault(year, [0, 0, 0])
        row[0] += 1
        if status == "current":
            c.current += 1
            row[1] += 1
        elif status == "stale":
            c.stale.append(slug)
            row[2] += 1
        else:
            c.missing.append(slug)
    return c


def rows(c: Coverage) -> list[tuple]:
    """(year or None, articles, current, stale, share %) newest year first, undated last."""
    return [(y, n, cur, st, 100.0 * cur / n) for y, (n, cur, st) in sorted(c.by_year.items(), key=_year_order)]
