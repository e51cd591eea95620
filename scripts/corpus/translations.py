"""Placeholder English translations, clearly labelled as synthetic: a second step, as they need the
converted articles' slugs and bodies."""
from __future__ import annotations

from pathlib import Path
from random import Random

TRANSLATOR = "synthetic benchmark placeholder"
TRANSLATION_DATE = "2026-01-01"  # fixed, so that reruns give byte-identical files
EN_FILLER = (
    "The province continued to expand cooperation with foreign partners in trade, education and health care.",
    "Delegations were exchanged and several memoranda of understanding were signed during the period.",
    "Provincial leaders called on partners to help attract investment in priority sectors.",
    "Friendship associations organised cultural exchanges and people-to-people activities.",
    "Foreign non-governmental organisations supported community projects in several districts.",
    "Both sides agreed to step up cooperation in human resources training and technology.",
    "Investment from abroad remained an important driver of the provincial economy.",
    "The results reflect the province's proactive approach to international integration.",
)


def _en_filler(rng: Random, length: int) -> str:
    out: list[str] = []
    while not out or sum(len(s) + 1 for s in out) < 0.9 * length:
        out.append(rng.choice(EN_FILLER))
    return " ".join(out)


def write_translations(project_dir: Path | str, share: float = 0.3, seed: int = 1,
                       en_dir: Path | str | None = None) -> list[Path]:
    """Write placeholder English translations for about *share* of the converted articles.

    Reads project_dir/docs/vi/articles/*.md (written by `tnarchive convert`) and writes
    en_dir/<slug>.md (default project_dir/docs/en/articles) in the project's translation format,
    with `translation.source_sha256` set to the SHA-256 of the Vietnamese body, so the site
    treats them as current, and the same blocks in the same order. The English text is
    filler, labelled as such (translator "synthetic benchmark placeholder"). Placeholders
    written earlier for articles no longer chosen are removed; other files are never touched.
    Returns the files written or already up to date.
    """
    import frontmatter
    import yaml

    from tnarchive.render import escape
    from tnarchive.catalog.model import body_sha256, parse_blocks

    project_dir = Path(project_dir)
    vi_dir = project_dir / "docs" / "vi" / "articles"
    en_dir = Path(en_dir) if en_dir else project_dir / "docs" / "en" / "articles"
    en_dir.mkdir(parents=True, exist_ok=True)
    partners = (yaml.safe_load((project_dir / "data" / "partners.yml").read_text(encoding="utf-8")) or {}).get("partners") or []
    name_en = {p["id"]: p["name_en"] for p in partners}
    name_vi = {p["id"]: p["name_vi"] for p in partners}
    slugs = sorted(p.stem for p in vi_dir.glob("*.md"))
    chosen = sorted(Random(f"gen_corpus:{seed}:translations").sample(slugs, round(share * len(slugs))))
    keep = set(chosen)
    for path in sorted(en_dir.glob("*.md")):  # our own placeholders for articles no longer chosen
        if path.stem not in keep and _is_placeholder(path):
            path.unlink()
    written: list[Path] = []
    for slug in chosen:
        target = en_dir / f"{slug}.md"
        if target.exists() and not _is_placeholder(target):
            continue  # a real translation
        post = frontmatter.load(vi_dir / f"{slug}.md")
        meta = post.metadata
        rng = Random(f"gen_corpus:{seed}:translation:{slug}")
        ids = [p for p in meta.get("partners") or [] if p in name_en]
        ids.sort(key=lambda p: name_vi[p] not in (meta.get("title") or ""))  # the one the title names first
        title = (f"Thai Nguyen and {name_en[ids[0]]} (synthetic placeholder)" if ids
                 else "Thai Nguyen's foreign relations (synthetic placeholder)")
        parts: list[str] = []
        summary = None
        n_heading = n_caption = 0
        for b in parse_blocks(post.content):
            if b.kind == "title":
                parts.append(f"# {escape(title)}")
            elif b.kind == "heading":
                n_heading += 1
                parts.append(f"## {escape(f'Section {n_heading} (synthetic placeholder)')}")
            elif b.kind == "list":
                parts.append("\n".join(f"- {escape(_en_filler(rng, len(item)))}" for item in b.text.split("\n")))
            elif b.kind == "caption":
                n_caption += 1
                parts.append(f"{escape(f'Photo {n_caption}: synthetic placeholder caption.')}\n{{: .caption }}")
            elif b.kind == "lead":
                summary = "Synthetic benchmark placeholder, not a translation. " + _en_filler(rng, len(b.text))
                parts.append(f"{escape(summary)}\n{{: .lead }}")
            else:
                parts.append(escape(_en_filler(rng, len(b.text))))
        front = {
            "title": title,
            "summary": summary or "Synthetic benchmark placeholder, not a translation.",
            "lang": "en",
            "translation": {
                "of": meta.get("slug") or slug,
                "seed": (meta.get("provenance") or {}).get("seed"),
                "source_sha256": body_sha256(post.content),
                "translator": TRANSLATOR,
                "date": TRANSLATION_DATE,
                "notes": ["Synthetic placeholder written by scripts/gen_corpus.py for benchmarks: "
                          "the English text is filler, not a translation of the Vietnamese article."],
            },
        }
        doc = ("---\n# Synthetic benchmark placeholder (scripts/gen_corpus.py): not a translation.\n"
               + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=100000)
               + "---\n\n" + "\n\n".join(parts) + "\n")
        data = doc.encode("utf-8")
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
        written.append(target)
    return written


def _is_placeholder(path: Path) -> bool:
    head = path.read_text(encoding="utf-8", errors="replace")[:4000]
    return f"translator: {TRANSLATOR}" in head
