#!/usr/bin/env bash
# Make sure Debian's chromium is available for the real-browser tests.
# playwright-core drives /usr/bin/chromium directly (`npx playwright install`
# cannot download browsers in this environment), so install it from apt when missing.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

echo "chromium not found: installing Debian's chromium (apt-get)..." >&2

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "error: installing chromium needs root (or sudo); install it with: apt-get install -y chromium" >&2
    exit 1
  fi
fi

$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

if [ ! -x "$CHROMIUM" ]; then
  echo "error: apt-get finished but $CHROMIUM is still missing" >&2
  exit 1
fi
