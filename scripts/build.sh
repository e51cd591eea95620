#!/usr/bin/env bash
# Install, convert every raw page in seeds/, and build the bilingual site into site/. Quiet: a line
# of counts from the conversion and one from the build, with any warning or error; details with
# `.venv/bin/tnarchive convert -v` and `scripts/build-site.sh -v`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/tnarchive convert
scripts/build-site.sh
# One closing line, in the locale's language (as ./tna and tnarchive choose it).
case "${LANGUAGE:-${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}}" in
  vi*) echo "build: đã dựng xong site/: mở site/index.html, hoặc xem trước bằng ./tna serve; mọi công cụ chạy bằng ./tna (./tna -h)" ;;
  *) echo "build: site/ is ready: open site/index.html, or preview with ./tna serve; every tool is ./tna (./tna -h)" ;;
esac
