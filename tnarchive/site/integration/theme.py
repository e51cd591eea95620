"""The theme's templates: compiled once per process, parts rendered once, the theme's sitemap and
head language links left out.

Both through public APIs (Jinja's `Environment.bytecode_cache`, MkDocs' `Theme.static_templates`),
so no version guard: only the attributes are checked. They live here with the other tricks
because each changes how MkDocs or the theme does its work. The copies of Material's blocks in
overrides/ are held to the installed Material by tests/test_integration.py.
"""
from __future__ import annotations

import re

import jinja2

# Material's <link rel="alternate" hreflang> tags in the head (base.html, block site_meta).
_HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


class _CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled templates kept in memory for the life of the process. Jinja checks each
    against its template's source (a bucket's checksum), so a changed template is compiled again."""

    def __init__(self):
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket):
        self._code[bucket.key] = bucket.bytecode_to_string()


_TEMPLATES = _CompiledTemplates()


def add_once(env) -> None:
    """`tna_once` for overrides/main.html: {% call tna_once(key…) %}…{% endcall %} renders the body
    once per key in this language's build and reuses it (the navigation, the theme's settings)."""
    once: dict[tuple, str] = {}

    def tna_once(*key, caller):
        if key not in once:
            once[key] = caller()
        return once[key]

    env.globals["tna_once"] = tna_once
    env.globals["tna_without_alternates"] = without_alternates


def without_alternates(head: str) -> str:
    """The head without its language links (overrides/main.html, block site_meta). Material's
    script fetches sitemap.xml beside every `<link rel="alternate">` of a page; with each page's
    links naming the same page in each language (pages.language_switch), that is one request per
    folder that has no sitemap.xml: a 404 on every page load (`mkdocs serve` logs each as a
    warning; a web host too). The languages stay linked in the sitemap (hreflang alternates, which
    search engines read as they read the head's) and in the header's language switch."""
    return _HEAD_ALTERNATE.sub("", head)


def keep_compiled(env) -> None:
    """MkDocs makes a new Jinja environment for every build (and every language), which parses
    and compiles each template again: 0.4 s per language of every `mkdocs serve` rebuild at
    5,000 articles. Compiled templates are kept for the process, checked against their source."""
    if getattr(env, "bytecode_cache", False) is None:
        env.bytecode_cache = _TEMPLATES


def drop_sitemap_template(config) -> None:
    """The theme's sitemap.xml template lists every page through Jinja (2 s per language at 5,000
    articles) and would be overwritten anyway: publish.write_sitemap writes the bilingual one."""
    templates = getattr(config.theme, "static_templates", None)
    if isinstance(templates, set):
        templates.discard("sitemap.xml")
