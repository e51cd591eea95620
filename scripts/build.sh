#!/usr/bin/env bash
# Install, convert every raw page in seeds/, and build the bilingual site into site/. Quiet: a line
# of counts from the conversion and one from the build, with any warning or error; details with
# `.venv/bin/tnarchive convert -v` and `scripts/build-site.sh -v`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/tnarchive convert
scripts/build-site.sh
lang=${LANGUAGE:-${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}}  # the messages' language, as tnarchive chooses it
if [[ $lang == vi* ]]; then
  echo "build: site/ đã sẵn sàng (mở site/index.html, hoặc chạy lệnh ./tna serve để xem thử)"
else
  echo "build: site/ is ready (open site/index.html, or run ./tna serve to preview it)"
fi
