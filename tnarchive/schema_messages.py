"""The schemas' `x-expected` phrases as messages to translate: a Babel extractor (see babel.cfg).

validate.py shows these phrases in its errors ("expected WHAT, found VALUE") through `_()`, so
they need a Vietnamese translation like any message in the code; this extractor puts every one
of them, including any a later schema adds, into tnarchive/locale/tnarchive.pot.
"""
from __future__ import annotations

import json


def expected_phrases(node) -> list[str]:
    """Every `x-expected` value in a schema document, in document order."""
    if isinstance(node, dict):
        found = [node["x-expected"]] if isinstance(node.get("x-expected"), str) else []
        return found + [p for key, value in node.items() if key != "x-expected" for p in expected_phrases(value)]
    if isinstance(node, list):
        return [p for item in node for p in expected_phrases(item)]
    return []


def extract_schema(fileobj, keywords, comment_tags, options):
    """Babel extractor: (line, function, message, comments) for each x-expected phrase of a JSON schema."""
    text = fileobj.read().decode("utf-8")
    for phrase in expected_phrases(json.loads(text)):
        line = next((n for n, row in enumerate(text.splitlines(), 1) if json.dumps(phrase, ensure_ascii=False) in row), 0)
        yield line, "_", phrase, ["x-expected in a schema: shown as 'expected <this>, found VALUE'"]
