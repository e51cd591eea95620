"""The postings behind the archive's search: what lunr needs to score, gathered in one pass.

lunr scores a document for a query as the sum over fields of (query vector · field vector) /
|query vector|. A field vector holds one BM25 component per term, and lunr.js's Builder makes
it from four numbers: the term's frequency in the field (tf), the field's length in that
document and on average, and the term's document frequency (df, counted once per field a
document has the term in), with k1 = 1.2 and b = 0.75, rounded to 3 decimals. `Postings`
gathers exactly those: per term and field, the documents and their tf; per field, every
document's length. search-engine.js computes the components from them with lunr.js's own formula
(`component` there), for the terms of the words typed only.

Why not lunr.py's Builder and lunr's serialised index: the Builder keeps every document's term
frequencies and field vectors as Python objects (half of a build at 1,000 articles, most of
its 3.4 GB at 5,000), and lunr.js's query makes one MatchData object and one field-vector
lookup per matching document, 40–130 ms for a term found in 5,000 documents (measured in
Chromium, 2 cores), where computing and summing the same components in typed arrays takes a
few milliseconds. tests/test_search_lunr.py checks the components and scores against lunr.py's
Builder and lunr.js's queries.

Adjacent words are kept as pairs (first term → next term → documents), not positions:
"thai nguyen" ranks pages where the two words stand together first by reading one list, where
positions would mean every position of both words in every page. Two-word phrases are exact;
a phrase of three or more words matches pages where each of its pairs stands somewhere
("hợp tác quốc tế": 950 pages at 1,000 articles where 931 hold the whole phrase).
"""
from __future__ import annotations

import sys
from array import array
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Iterator
from itertools import islice, repeat


class Postings:
    """Field → term → (document, tf, document, tf, …), added one document at a time.

    Documents are numbered 0, 1, 2, … in the order added; every list of documents is increasing.
    """

    def __init__(self, fields: Iterable[str], pairs_of: str | None = None):
        self.fields = tuple(fields)
        self.pairs_of = pairs_of
        self.count = 0
        self.lengths: dict[str, array] = {f: array("I") for f in self.fields}
        # Rows are arrays of 32-bit integers, not lists: a list holds a pointer and an int object
        # (36 bytes) per document number, most of the index process's memory at 5,000 articles.
        self.terms: dict[str, dict[str, array]] = {f: defaultdict(_row) for f in self.fields}
        self.pairs: dict[tuple[str, str], array] = defaultdict(_row)

    def add(self, fields: dict[str, list[str]]) -> int:
        """Index one document's tokens per field; returns its number."""
        doc = self.count
        self.count += 1
        for f in self.fields:
            tokens = fields.get(f) or []
            self.lengths[f].append(len(tokens))
            counts = Counter(tokens)
            rows = list(map(self.terms[f].__getitem__, counts))
            # Each row gets (doc, tf) appended; map() runs the appends in C, about three times
            # faster than a Python loop over the thousand or so postings of a document.
            _drain(map(array.append, rows, repeat(doc)))
            _drain(map(array.append, rows, counts.values()))
        if self.pairs_of:
            seq = fields.get(self.pairs_of) or []
            _drain(map(array.append, map(self.pairs.__getitem__, set(zip(seq, islice(seq, 1, None)))), repeat(doc)))
        return doc

    def vocabulary(self) -> set[str]:
        return set().union(*(self.terms[f].keys() for f in self.fields))

    def postings(self, term: str) -> Iterator[tuple[str, array, array]]:
        """(field, documents, tfs) of one term, fields in index order."""
        for f in self.fields:
            row = self.terms[f].get(term)
            if row:
                yield f, row[0::2], row[1::2]

    def following(self) -> dict[str, dict[str, array]]:
        """First term → next term → documents where the two stand together."""
        out: dict[str, dict[str, array]] = defaultdict(dict)
        for (a, c), docs in self.pairs.items():
            out[a][c] = docs
        return out


def _row() -> array:
    return array("I")


def _drain(calls: Iterator) -> None:
    deque(calls, maxlen=0)


def uint_array(values: list[int], code: str) -> bytes:
    """Little-endian unsigned integers of one width ("H" 16 bits, "I" 32), whatever the machine."""
    a = array(code, values)
    if sys.byteorder == "big":
        a.byteswap()
    return a.tobytes()


def width(largest: int) -> str:
    """The narrowest of 16 or 32 bits that holds *largest*."""
    return "H" if largest < 1 << 16 else "I"
