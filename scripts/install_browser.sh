#!/usr/bin/env bash
# Debian's Chromium and CJK fonts for the browser tests (tests/browser), installed when missing.
# Playwright's own browser download is never used (it needs the internet). Best effort: where
# the packages cannot be installed (not root, no apt), the browser tests skip with the reason.
set -uo pipefail

# grep reads fc-list to its end (no -q): under pipefail, `grep -q` leaving at the first match killed fc-list with
# SIGPIPE, the pipe said 141, and the packages were installed again (apt-get update included) on a machine that had them.
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null; then
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null; then
  echo "Chromium or the CJK fonts are missing and cannot be installed here (needs root and apt-get):"
  echo "the browser tests will be skipped. Install them with: apt-get install chromium fonts-noto-cjk"
  exit 0
fi
echo "installing Chromium and CJK fonts from the Debian packages…"
(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null) \
  || echo "could not install Chromium: the browser tests will be skipped"
exit 0
