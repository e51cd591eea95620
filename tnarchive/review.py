"""The review report (reports/review.md and .json) and the state of each article's translation:
what a person should look at after a run of `tnarchive convert`."""
from __future__ import annotations

import json
from pathlib import Path

from . import sitechrome, validate
from .convert import Outcome
from .errors import ArchiveError
from .render import body_sha256

_TRANSLATION = {"missing": "no English translation yet",
                "stale": "stale: the Vietnamese text changed since it was translated"}


def translation_status(outcome: Outcome, translations_dir: Path) -> dict[str, str]:
    """slug → "missing" | "stale" | "current" | the one line saying why the translation cannot be read
    (no front matter, not UTF-8, breaks its schema): does docs/en/articles/<slug>.md translate today's text?"""
    status = {}
    for art in outcome.articles.values():
        slug = art.meta["slug"]
        names = [slug] + [old for old, new in outcome.redirects.items() if new == slug]  # moved: maybe not renamed yet
        path = next((p for p in (translations_dir / f"{n}.md" for n in names) if p.exists()), None)
        if path is None:
            status[slug] = "missing"
            continue
        try:
            meta, _body = validate.read_page(path, "translation")
        except ArchiveError as exc:
            status[slug] = "; ".join(exc.lines())
            continue
        current = body_sha256(art.body.strip())  # the body as the article's file gives it (validate.read_page)
        status[slug] = "current" if meta["translation"]["source_sha256"] == current else "stale"
    return status


def review_report(outcome: Outcome, translations: dict[str, str] | None = None,
                  known_chrome: set[str] | None = None) -> tuple[str, dict]:
    """Markdown and JSON forms of what needs a person's eye after a run. *known_chrome*: the folded
    lines data/sources.yml drops already (never suggested again)."""
    translations = translations or {}
    data: dict = {"failed": [{"file": f, "reason": r} for f, r in outcome.failed], "articles": {},
                  "translations": dict(sorted(translations.items()))}
    lines = ["# Review report", "", "Written by `tnarchive convert`. Names not yet in data/ and pages that need a date or a look.", ""]
    if outcome.failed:
        lines += ["## Failed", ""] + [f"- `{f}`: {r}" for f, r in outcome.failed] + [""]
    if outcome.moved:
        lines += ["## Moved articles (the old address redirects to the new)", ""] + [
            f"- `{old}` → `{new}` (a translation docs/en/articles/{old}.md may be renamed {new}.md; "
            "until then it stays paired and both addresses work)" for old, new in sorted(outcome.moved.items())] + [""]
    data["moved"] = dict(sorted(outcome.moved.items()))
    if outcome.duplicates:
        lines += ["## Republished copies (kept once)", ""] + [
            f"- `{dup}` is a copy of `{kept}`: recorded under also_published" for dup, kept in sorted(outcome.duplicates.items())] + [""]
    data["duplicates"] = dict(sorted(outcome.duplicates.items()))
    todo = [(slug, s) for slug, s in sorted(translations.items()) if s != "current"]
    if todo:
        lines += ["## Translations", ""] + [
            f"- {slug}: {_TRANSLATION.get(s, s)}" for slug, s in todo] + [""]
    suggested = sitechrome.suggest(
        [(a.meta, a.removed, [b.text for b in a.blocks]) for a in outcome.articles.values()], known_chrome or set())
    data["suggested_chrome"] = suggested
    if suggested:
        lines += ["## Suggested chrome for data/sources.yml", "",
                  "Lines that recur on several pages of one site. Confirm each one by adding it to that site's "
                  "`drop_lines` in data/sources.yml (or to `generic` if every site prints it).", ""]
        for site, found in suggested.items():
            lines += [f"- {site}:"] + [f"  - {json.dumps(line, ensure_ascii=False)}" for line in found]
        lines.append("")
    for seed, art in sorted(outcome.articles.items()):
        un = art.meta["unreviewed"]
        entry = {
            "slug": art.meta["slug"],
            "warnings": art.warnings,
            "to_check": art.to_check,
            "evidence": art.meta["provenance"].get("evidence"),
            "unreviewed_people": un["people"],
            "unreviewed_partners": un["partners"],
            "date": art.meta["date"],
            "date_inferred": art.meta["date_inferred"],
            "chrome_removed": [{"line": line, "rule": rule} for line, rule in art.removed],
        }
        data["articles"][seed] = entry
        if not (art.warnings or art.to_check or un["people"] or un["partners"] or art.meta["date_inferred"]):
            continue
        lines += [f"## {seed} → {art.meta['slug']}.md", ""]
        if art.meta["date_inferred"]:
            lines.append(f"- date {art.meta['date']} inferred: {art.meta['date_inferred']}")
        lines += [f"- warning: {w}" for w in art.warnings]
        lines += [f"- to check: {c}" for c in art.to_check]
        lines += [f"- unreviewed person: {p['name']} (`{p['id']}`)" for p in un["people"]]
        lines += [f"- unreviewed partner: {p['name']} (`{p['id']}`, {p['kind']})" for p in un["partners"]]
        if art.removed:
            lines += ["", "<details><summary>lines removed, with the rule that removed each</summary>", ""]
            lines += [f"- {rule}: {json.dumps(line, ensure_ascii=False)}" for line, rule in art.removed]
            lines += ["", "</details>"]
        lines.append("")
    return "\n".join(lines), data
