"""The review report (reports/review.md and .json) and the state of each article's translation:
what a person should look at after a run of `tnarchive convert`."""
from __future__ import annotations

from pathlib import Path

from . import validate
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


def review_report(outcome: Outcome, translations: dict[str, str] | None = None) -> tuple[str, dict]:
    """Markdown and JSON forms of what needs a person's eye after a run."""
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
    for seed, art in sorted(outcome.articles.items()):
        un = art.meta["unreviewed"]
        entry = {
            "slug": art.meta["slug"],
            "warnings": art.warnings,
            "unreviewed_people": un["people"],
            "unreviewed_partners": un["partners"],
            "date": art.meta["date"],
            "date_inferred": art.meta["date_inferred"],
            "chrome_removed": art.removed,
        }
        data["articles"][seed] = entry
        if not (art.warnings or un["people"] or un["partners"] or art.meta["date_inferred"]):
            continue
        lines += [f"## {seed} → {art.meta['slug']}.md", ""]
        if art.meta["date_inferred"]:
            lines.append(f"- date {art.meta['date']} inferred: {art.meta['date_inferred']}")
        lines += [f"- warning: {w}" for w in art.warnings]
        lines += [f"- unreviewed person: {p['name']} (`{p['id']}`)" for p in un["people"]]
        lines += [f"- unreviewed partner: {p['name']} (`{p['id']}`, {p['kind']})" for p in un["partners"]]
        lines.append("")
    return "\n".join(lines), data
