"""What the benchmark does to the archive: the queries typed and the edits made under `mkdocs serve`."""
from __future__ import annotations

# (query, language of the page it is typed on)
QUERIES = [
    ("hop tac quoc te", "vi"),
    ("Hàn Quốc", "vi"),
    ("Korea", "en"),
    ("Gyeongsangbuk", "vi"),
    ('"hợp tác quốc tế"', "vi"),
    ("thai nguyen", "vi"),
    ("Samsung", "vi"),
    ("dau tu", "vi"),
]
FOLDED_QUERIES = ["thai nguyen", "hop tac"]

# A reader's typing pace for the second search measurement: a key every 150 ms is 80 words a
# minute, a fast typist (the first measurement types each key as soon as the last one's results show).
PACE_MS = 150

# mkdocs serve: each edited article is edited twice, its text (a paragraph added) and its title
# (shown on every page that lists the article: its partners', people's and year's).
SERVE_EDITS = ("text", "title")
