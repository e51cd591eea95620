#!/usr/bin/env bash
# Build the site into a fresh folder, then swap it in: a build killed halfway leaves the previous site/ whole.
set -euo pipefail
cd "$(dirname "$0")/.."
MKDOCS=${MKDOCS:-.venv/bin/mkdocs}
rm -rf site.partial site.partial.*-build   # a killed build's leftovers (languages build side by side)
"$MKDOCS" build --strict --site-dir site.partial "$@"
rm -rf site.old
if [ -d site ]; then mv site site.old; fi
mv site.partial site
rm -rf site.old
