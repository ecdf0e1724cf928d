#!/usr/bin/env bash
# The IDE's browser test drives Debian's Chromium. Installs it when missing (as root), otherwise
# says how to; never downloads a browser build of its own.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "installing Debian's chromium for the browser test (apt-get)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "the browser test needs Debian's chromium: sudo apt-get install -y chromium" >&2
  exit 1
fi
