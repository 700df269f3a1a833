#!/usr/bin/env bash
# System packages the tests use (Debian/Ubuntu, as root): Chromium for end-to-end tests, CJK fonts
# so Chinese does not render as boxes, LibreOffice and poppler to open generated files in a real
# office suite, python-docx/openpyxl as independent readers, PostgreSQL for the sync server suite.
set -euo pipefail
packages=(chromium fonts-noto-cjk libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils python3-docx python3-openpyxl postgresql)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
