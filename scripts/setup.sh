#!/usr/bin/env bash
# Create .venv (if needed) and install the project with pinned dependencies.
# Usage: scripts/setup.sh [--test]   (--test adds pytest, hypothesis, playwright and Debian's chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
extras=""
if [ "${1:-}" = "--test" ]; then extras="[test]"; fi
# pip runs only when pyproject.toml or requirements.lock changed since the last install (about 20 s
# saved on every build.sh); .venv/.installed records what was installed. Delete it to reinstall.
installed="$(cat pyproject.toml requirements.lock | sha256sum | cut -d' ' -f1)${extras:+ test}"
if [ ! -x .venv/bin/tnarchive ] || ! grep -qxF "$installed" .venv/.installed 2>/dev/null; then
  # -qq: pip's errors only (not its warnings, nor the build backend's notes on editable installs).
  .venv/bin/python -m pip install -qq --upgrade "pip==26.3"
  .venv/bin/python -m pip install -qq -c requirements.lock -e ".${extras}"
  printf '%s\n' "${installed% test}" "$installed" | sort -u > .venv/.installed
fi
# The Vietnamese messages: the committed .po compiled into the .mo gettext reads (not committed).
.venv/bin/pybabel --quiet compile --domain tnarchive --directory tnarchive/locale
if [ "${1:-}" = "--test" ] && { [ ! -x /usr/bin/chromium ] || [ ! -d /usr/share/fonts/truetype/dejavu ]; }; then
  echo "setup: installing Debian's chromium for the browser tests" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
# axe-core (pinned in package-lock.json) for the accessibility tests: `npm ci` only when
# node_modules is missing or older than the lock file (npm writes node_modules/.package-lock.json).
if [ "${1:-}" = "--test" ] && { [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
  echo "setup: installing the pinned npm test tools (npm ci)" >&2
  npm ci --no-audit --no-fund --silent
fi
