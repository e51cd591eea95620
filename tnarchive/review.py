"""The review report: the archivist's worklist after a run of `tnarchive convert`.

reports/review.md is for a person: pages that failed first, then one part per article (its
title, date and files) listing each item still to look at, what to do and the line to write
where (tnarchive/review_items.py). An item a correction marks as checked (`checked:`,
`reviewed:`, or the field written) leaves the list. reports/review.json holds everything,
checked items too (with "checked": true), for programs. Every sentence goes through _() when
the report is written, so it comes out in the language of the run.
"""
from __future__ import annotations

import json
from pathlib import Path

from . import review_items, sitechrome, validate
from .convert import Outcome
from .errors import N_, ArchiveError, _
from .render import body_sha256

_TRANSLATION = {"missing": N_("no English translation yet: start one with `./tna translations new {slug}`"),
                "stale": N_("the Vietnamese text changed since it was translated: update `docs/en/articles/{slug}.md`, "
                            "then run `./tna translations stamp {slug}`")}


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
    parts: list[str] = []
    open_items = 0
    for seed, art in sorted(outcome.articles.items()):
        items = [_worded(item, art.meta, seed) for item in sorted(art.items, key=_item_order)]
        data["articles"][seed] = _entry(art, items)
        todo = [i for i in items if not i["checked"]]
        if todo:
            open_items += len(todo)
            parts += _article_part(seed, art.meta, todo, art.removed)
    data["items_to_check"] = open_items
    data["items_checked"] = sum(i["checked"] for a in data["articles"].values() for i in a["items"])
    lines = _top(outcome, data)
    if outcome.failed:
        lines += ["## " + _("Pages that failed"), "",
                  _("These pages were not converted (an earlier article of theirs, if any, is kept). Fix what the "
                    "line says, then run `./tna convert` again."), ""]
        lines += [f"- `{f}`: {r}" for f, r in outcome.failed] + [""]
    lines += parts
    suggested = sitechrome.suggest(
        [(a.meta, a.removed, [b.text for b in a.blocks]) for a in outcome.articles.values()], known_chrome or set())
    data["suggested_chrome"] = suggested
    if suggested:
        lines += _chrome_part(suggested)
    todo_tr = [(slug, s) for slug, s in sorted(translations.items()) if s != "current"]
    if todo_tr:
        lines += ["## " + _("Translations"), ""] + [
            f"- {slug}: " + (_(_TRANSLATION[s]).format(slug=slug) if s in _TRANSLATION else s) for slug, s in todo_tr] + [""]
    data["moved"] = dict(sorted(outcome.moved.items()))
    if outcome.moved:
        lines += ["## " + _("Moved articles (the old address leads to the new one)"), ""] + [
            f"- `{old}` → `{new}`: " + _("a translation docs/en/articles/{old}.md may be renamed {new}.md; until then "
                                         "it stays paired and both addresses work").format(old=old, new=new)
            for old, new in sorted(outcome.moved.items())] + [""]
    data["duplicates"] = dict(sorted(outcome.duplicates.items()))
    if outcome.duplicates:
        lines += ["## " + _("Republished copies (kept once)"), ""] + [
            "- " + _("`{dup}` is a copy of `{kept}`: recorded under also_published").format(dup=dup, kept=kept)
            for dup, kept in sorted(outcome.duplicates.items())] + [""]
    return "\n".join(lines), data


_ORDER = ("title", "lead", "date", "authors", "removed", "people", "partners")


def _item_order(item: dict) -> int:
    """An article's items as a person reads it: the title first, the names last."""
    return _ORDER.index(item["key"]) if item["key"] in _ORDER else len(_ORDER)


def _worded(item: dict, meta: dict, seed: str) -> dict:
    """*item* with its sentences (what, todo) and where to write what (file and line to copy)."""
    what, todo = review_items.sentences(item, meta, seed)
    where = [{"file": f, "line": line} for f, line in review_items.examples(item, meta, _stem(seed))]
    return dict(item, what=what, todo=todo, where=where)


def _stem(seed: str) -> str:
    return seed.rsplit(".", 1)[0]


def _top(outcome: Outcome, data: dict) -> list[str]:
    """The title, how to use the list, and the counts."""
    articles = sum(1 for a in data["articles"].values() if any(not i["checked"] for i in a["items"]))
    return [
        "# " + _("Worklist after `./tna convert`"), "",
        "**" + _("How to use this list") + "**", "",
        "1. " + _("Each part below is one article: its title and date, its original page (`seeds/…`) and its "
                  "correction file (`data/corrections/…yml`)."),
        "2. " + _("Each item says what looks wrong and what to do. Write the line shown in the file named: a "
                  "correction file is plain text (UTF-8); create it if it does not exist yet, one field per line."),
        "3. " + _("When an item is right as it is, add its key to the list `checked:` in the article's correction "
                  "file (for example `checked: [date, title]`); for a name, add its id under `reviewed:`. The item "
                  "then leaves this list and `./tna check`."),
        "4. " + _("Run `./tna convert` again: this list is written anew each time."), "",
        _("{open} item(s) to check in {articles} article(s); {failed} page(s) failed; {checked} item(s) already "
          "checked (kept in reports/review.json).").format(
            open=data["items_to_check"], articles=articles, failed=len(outcome.failed), checked=data["items_checked"]),
        "",
    ]


def _article_part(seed: str, meta: dict, items: list[dict], removed: list[tuple[str, str]]) -> list[str]:
    date = (meta.get("date") or "")[:10] or _("no date")
    lines = [f"## {meta['title']} ({date})", "",
             _("Original page `seeds/{seed}` · article `docs/vi/articles/{slug}.md` · corrections "
               "`data/corrections/{stem}.yml`").format(seed=seed, slug=meta["slug"], stem=_stem(seed)), ""]
    for item in items:
        lines += [f"- **{item['key']}**: {item['what']}", "  - " + _("What to do: {todo}").format(todo=item["todo"])]
        by_file: dict[str, list[str]] = {}
        for where in item["where"]:
            by_file.setdefault(where["file"], []).append(f"`{where['line']}`")
        lines += ["  - " + _("in `{file}`: {lines}").format(file=f, lines=(" " + _("or") + " ").join(ls))
                  for f, ls in by_file.items()]
    if removed:  # folded away: to compare with the original page when an item asks for it
        lines += ["", "<details><summary>" + _("Lines removed from the page, with the rule that removed each")
                  + "</summary>", ""]
        lines += [f"- {_(rule)}: {json.dumps(line, ensure_ascii=False)}" for line, rule in removed]
        lines += ["", "</details>"]
    return lines + [""]


def _chrome_part(suggested: dict) -> list[str]:
    lines = ["## " + _("Suggested chrome for data/sources.yml"), "",
             _("Lines that recur on several pages of one site: menus, prompts, footers. Confirm each one by adding it, "
               "as a line `- \"…\"`, under `drop_lines:` of that site's entry in `data/sources.yml` (the entry whose "
               "`id:` is named below), or under `generic:` if every site prints it."), ""]
    for site, found in suggested.items():
        label = (_("the entry `id: {id}`").format(id=site.removeprefix("profile ")) if site.startswith("profile ")
                 else _("the site {site} (no entry yet: add one)").format(site=site))
        lines += [f"- {label}:"] + [f"  - {json.dumps(line, ensure_ascii=False)}" for line in found]
    return lines + [""]


def _entry(art, items: list[dict]) -> dict:
    """One article in review.json: every item, checked or not, and what the converter found."""
    un = art.meta["unreviewed"]
    return {
        "slug": art.meta["slug"],
        "title": art.meta["title"],
        "date": art.meta["date"],
        "correction": f"data/corrections/{_stem(art.meta['provenance']['seed'])}.yml",
        "items": items,
        "warnings": art.warnings,
        "to_check": art.to_check,
        "evidence": art.meta["provenance"].get("evidence"),
        "unreviewed_people": un["people"],
        "unreviewed_partners": un["partners"],
        "date_inferred": art.meta["date_inferred"],
        "chrome_removed": [{"line": line, "rule": rule} for line, rule in art.removed],
    }
