#!/usr/bin/env bash
# Regenerates docs/report-evaluation.png and docs/report-progress.png: the first printed page
# of the 効果検証 and KPI推移 sheets of the sample report (samples/sanyo-onoda.xlsx), as
# `kpisheet convert --pdf` prints it with LibreOffice headless.
# Needs LibreOffice, fonts-noto-cjk, fonts-crosextra-carlito and poppler-utils (Scripts/setup).
# Usage: Scripts/make-report-pictures.sh [SCRATCH]   (default: .build)
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${1:-.build}
swift build --scratch-path "$scratch" --product kpisheet >/dev/null
binary="$scratch/debug/kpisheet"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$binary" convert samples/sanyo-onoda.xlsx -o "$work/report.xlsx" --pdf -q \
  --created 2024-04-01T00:00:00Z
mkdir -p docs
# The first page whose printed header names the sheet.
page_of() {
  local pages
  pages=$(pdfinfo "$work/report.pdf" | awk '/^Pages:/ {print $2}')
  for page in $(seq 1 "$pages"); do
    if pdftotext -f "$page" -l "$page" "$work/report.pdf" - | grep -q "$1"; then
      echo "$page"
      return
    fi
  done
  echo "no page names $1" >&2
  exit 1
}
for pair in "効果検証:evaluation" "KPI推移:progress"; do
  sheet=${pair%%:*}
  name=${pair##*:}
  page=$(page_of "$sheet")
  pdftoppm -r 80 -png -f "$page" -l "$page" -singlefile "$work/report.pdf" "docs/report-$name"
done
ls docs/report-*.png
