"""What each review item says, in the archivist's words: what is wrong, what to do, and where.

The converter gives each article its items as plain data (pipeline.Article.items: a key, a
code, the doubtful value); this module turns one into sentences when the report is written, so
they come out in the language of the run. Each item names the file to write, the field, and
a line to copy (`date: "2023-08-10"`, `checked: [date]`, `reviewed: {people: [id]}`). The
English texts are marked with N_ and translated by _() only when a report is written.
"""
from __future__ import annotations

import json

from .errors import N_, _

# The rules that remove a line (clean.py, header.py), marked for translation: `inspect` and the
# report name each with _(rule).
REMOVAL_RULES = (
    N_("site banner"), N_("breadcrumb"), N_("chrome"), N_("page header (menu, widget)"), N_("date line above the title"),
    N_("dateline"), N_("byline under the title"), N_("source tag"), N_("footer marker"), N_("footer"),
    N_("related block marker"), N_("related block"), N_("related block (summary)"), N_("related headline after the lead"))

# What is wrong, by the item's code. {value}: the doubtful text; {date}, {id}, {score} where they apply.
WHAT = {
    "date-missing": N_("The article has no date: {value}."),
    "date-inferred": N_("The date {date} is not printed on the page; it was worked out from the text: {value}"),
    "date-menus": N_("The date {date} comes from a line among the site's menus, often the site's \"today\" "
                     "date rather than the article's: “{value}”."),
    "title-position": N_("The title was chosen only by its place above the first sentence: “{value}”."),
    "title-site-name": N_("The title “{value}” is the name of the site, not the article's headline."),
    "title-banner": N_("The title “{value}” looks like the site's banner, a menu or a breadcrumb, "
                       "not the article's headline."),
    "title-byline": N_("The title “{value}” looks like the author's name (a byline), not the article's headline."),
    "title-dateline": N_("The title “{value}” looks like a date line, not the article's headline."),
    "lead-dateline": N_("The first paragraph looks like a date line, not the start of the article: “{value}”."),
    "lead-byline": N_("The first paragraph looks like the author's name (a byline), not the start of the "
                      "article: “{value}”."),
    "lead-photo-credit": N_("The first paragraph looks like a photo credit, not the start of the article: “{value}”."),
    "lead-source-tag": N_("The first paragraph is only the site's tag, not the start of the article: “{value}”."),
    "authors-missing": N_("No author was found on the page."),
    "removed-above-the-title": N_("A line that reads like article text was removed with the page's header: “{value}”."),
    "removed-footer": N_("A line that reads like article text was removed with the page's footer: “{value}”."),
    "removed-related-block": N_("A line that reads like article text was removed with a box of related "
                                "news: “{value}”."),
    "people-new": N_("New person: {value} (id `{id}`) is not in data/people.yml yet."),
    "partners-new": N_("New partner: {value} (id `{id}`) is not in data/partners.yml yet."),
    "people-spelling": N_("“{value}” was read as the person `{id}` because the spelling is {score}% alike."),
    "partners-spelling": N_("“{value}” was read as the partner `{id}` because the spelling is {score}% alike."),
}

NO_DATE = N_("the page prints no date that could be read")

# What to do, by the item's key (names: by code).
TODO = {
    "date": N_("Compare with the original page. If the date is right, mark it as checked; if not, write the "
               "right date."),
    "date-missing": N_("Write the date once you know it (from the original page or the event). If it cannot be "
                       "known, mark it as checked."),
    "title": N_("Write the article's real headline from the original page. If the title is right, mark it as "
                "checked."),
    "lead": N_("If the line is the author, write the author; write the article's first sentences as the "
               "summary. If the paragraph is right, mark it as checked."),
    "authors": N_("Write the author if the original page names one. If it names none, mark it as checked."),
    "removed": N_("Find the line in the original page `{seed}`. If it is not part of the article, mark it as "
                  "checked. If it is, the converter lost article text: mark it as checked and tell the "
                  "project's developers, quoting the line."),
    "people-new": N_("If the archive should follow this person, add a record with this id to `data/people.yml` "
                     "(its first lines say how). If not, mark the name as reviewed; if it is not a person at all, "
                     "remove it."),
    "partners-new": N_("If this is a partner of the province, add a record with this id to `data/partners.yml` "
                       "(its first lines say how). If not, mark the name as reviewed; if it is not a partner at "
                       "all, remove it."),
    "people-spelling": N_("If it is the same person, add this spelling to the record's `aliases` in "
                          "`data/people.yml`, or mark the name as reviewed. If it is someone else, remove it."),
    "partners-spelling": N_("If it is the same partner, add this spelling to the record's `aliases` in "
                            "`data/partners.yml`, or mark the name as reviewed. If it is another, remove it."),
}


def _q(text: str | None) -> str:
    """Text as a double-quoted YAML value, ready to copy."""
    return json.dumps(text or "", ensure_ascii=False)


def examples(item: dict, meta: dict, stem: str) -> list[tuple[str, str]]:
    """(file, line to copy) for *item*: the correction file's field, or a data file's record."""
    fix = f"data/corrections/{stem}.yml"
    key, rid = item["key"], item.get("id")
    if key in ("people", "partners"):
        record = f"- id: {rid}" if item["code"].endswith("-new") else f"- {item['value']}"  # a record, or an alias
        out = [(f"data/{key}.yml", record)]
        return out + [(fix, f"reviewed: {{{key}: [{rid}]}}"), (fix, f"{key}: {{remove: [{rid}]}}")]
    field = {
        "date": f'date: "{(meta.get("date") or "YYYY-MM-DD")[:10]}"',
        "title": f"title: {_q(meta.get('title'))}",
        "lead": 'authors: [{name: "…"}]',
        "authors": 'authors: [{name: "…"}]',
    }.get(key)
    lines = [field] if field else []
    if key == "lead":
        lines.append('summary: "…"')
    return [(fix, line) for line in lines + [f"checked: [{key}]"]]


def sentences(item: dict, meta: dict, seed: str) -> tuple[str, str]:
    """(what is wrong, what to do) for *item*, in the language of the run."""
    value = item.get("value") or (_(NO_DATE) if item["code"] == "date-missing" else "")
    if item.get("explain"):  # the converter's reasoning, recorded in English, said in the run's language
        template, args = item["explain"]
        value = _(template).format(**args)
    what = _(WHAT.get(item["code"], item["code"])).format(
        value=value, date=(meta.get("date") or "")[:16].replace("T", " "), id=item.get("id"),
        score=item.get("score"))
    todo = TODO.get(item["code"]) or TODO.get(item["key"], "")
    return what, _(todo).format(seed=f"seeds/{seed}")
