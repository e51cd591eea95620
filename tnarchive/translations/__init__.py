"""Translators' workflow: the Vietnamese articles out to CAT tools (XLIFF, PO, TMX, TBX) and their
English back in the curated format (docs/en/articles/<slug>.md), checked on the way.

Modules, in the order the data flows: `units` (an article ↔ its translation units), `records`
(the files read and written: articles, translations, the Vietnamese each translates),
`glossary` and `memory` (what a translator reuses), `checks` (what an English block must keep),
`exporting` and `exchange` (units → XLIFF/PO files, and back), `importing`, `handwritten` (new,
stamp), `coverage` and `audit` (the figures and findings of `tnarchive check`); `commands` is the
`tnarchive translations` CLI group. `units`, `glossary`, `checks`, `coverage` are plain
functions over plain data; the others read or write files.
"""
