"""Chrome learned across pages: lines that recur on several pages of one site are that site's chrome.

The generic rules remove menus and widgets by their shape; a site's own menus, follow prompts
and footers are known for sure only once they are seen on several of its pages. Pages belong
to one site when they share a source profile, the host of their source URL, or their source
name. A short line (not a sentence) that recurs on at least two pages and on half the site's
pages, outside the article text or inside it, is suggested as a `drop_lines` addition to
data/sources.yml; the maintainer confirms each one once. Nothing here changes an article.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from urllib.parse import urlparse

from .header import is_prose
from .text import fold

# Rules whose lines are the page's own text, not its chrome: never suggested.
_NOT_CHROME = {"related block", "related block (summary)", "related headline after the lead", "dateline",
               "byline under the title", "source tag", "date line above the title"}
MIN_PAGES = 2


def site_key(meta: dict) -> str | None:
    prov = meta.get("provenance") or {}
    src = meta.get("source") or {}
    if prov.get("source_profile"):
        return f"profile {prov['source_profile']}"
    host = urlparse(src.get("url") or "").hostname
    if host:
        return host.removeprefix("www.")
    return src.get("name") or None


def suggest(pages: list[tuple[dict, list[tuple[str, str]], list[str]]], known: set[str]) -> dict[str, list[str]]:
    """site → lines to confirm as chrome. *pages*: (front matter, removed (line, rule), body lines);
    *known*: folded lines data/sources.yml already drops."""
    by_site: dict[str, list] = defaultdict(list)
    for meta, removed, body in pages:
        key = site_key(meta)
        if key:
            by_site[key].append((removed, body))
    out: dict[str, list[str]] = {}
    for site, members in sorted(by_site.items()):
        if len(members) < MIN_PAGES:
            continue
        counts: Counter = Counter()
        shown: dict[str, str] = {}
        for removed, body in members:
            lines = {line for line, rule in removed if rule not in _NOT_CHROME} | set(body)
            for line in lines:
                f = fold(line).strip()
                if not f or f in known or is_prose(line) or len(line) > 80:
                    continue
                counts[f] += 1
                shown.setdefault(f, line)
        need = max(MIN_PAGES, (len(members) + 1) // 2)
        lines = sorted(shown[f] for f, n in counts.items() if n >= need)
        if lines:
            out[site] = lines
    return out
