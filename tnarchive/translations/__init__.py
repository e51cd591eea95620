"""Translators' workflow: the Vietnamese articles out to CAT tools (XLIFF, PO, TMX, TBX) and their
English back in the curated format (docs/en/articles/<slug>.md), checked on the way.

Modules, in the order the data flows: `units` (an article ↔ its translation units), `glossary`
and `memory` (what a translator reuses), `checks` (what a translation must keep), `exchange`
(units ↔ XLIFF/PO files), `records` (the curated English file and the Vietnamese it translated),
`importing`, `coverage`; `commands` is the `tnarchive translations` CLI group.
"""
