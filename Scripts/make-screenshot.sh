#!/usr/bin/env bash
# Remakes the README's picture of the `kpisheet serve` page (docs/images/serve.png): builds
# kpisheet, then runs the browser test, which saves it after reading two samples in Japanese.
# Needs chromium, chromium-driver, selenium and openpyxl (Scripts/setup installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product kpisheet >/dev/null
mkdir -p docs/images
python3 Tests/Browser/page_test.py --binary .build/debug/kpisheet \
  --out "${TMPDIR:-/tmp}/kpisheet-browser" --readme docs/images/serve.png
