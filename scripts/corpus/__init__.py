"""The parts of scripts/gen_corpus.py, the synthetic benchmark corpus: the seeds read into templates
(sources), the phrases the sites' chrome and added sentences are drawn from (phrases), one page's
choice of partners and people (page), the article composed from the templates (article), the
site's chrome around it (chrome), legacy encodings (encodings) and placeholder English
translations (translations). scripts/ must be on sys.path (it is, for a script run from there)."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
if str(ROOT) not in sys.path:  # the project's own pipeline, also when tnarchive is not installed
    sys.path.insert(0, str(ROOT))
