#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed at /usr/bin/chromium: the e2e tests
# and the bench drive it through playwright-core, since `playwright install`
# cannot download its own browsers here. Installing needs root and the Debian
# apt mirror; when Chromium is already there this does nothing.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

echo "ensure-chromium: $CHROMIUM is missing; installing Debian's chromium package" >&2
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: installing needs root (apt-get); run as root or install chromium first" >&2
  exit 1
fi
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-liberation

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing" >&2
  exit 1
fi
