#!/usr/bin/env bash
# Install, convert every raw page in seeds/, and build the bilingual site into site/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/tnarchive convert
scripts/build-site.sh
echo "build: site/ is ready: open site/index.html, or preview with ./tna serve; every tool is ./tna (./tna -h)"
