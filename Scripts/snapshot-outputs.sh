#!/usr/bin/env bash
# Runs every fixture and sample through `cells --format json`, `extract`, `validate --format json`
# and `convert --created`, writing each output, its standard error and its exit code under DIR,
# so that two builds can be compared byte for byte: a refactor shows `diff -r` empty.
#   Scripts/snapshot-outputs.sh BINARY DIR
set -uo pipefail
bin=$(realpath "$1")
out=$2
cd "$(dirname "$0")/.."
rm -rf "$out"
mkdir -p "$out"
export LANG=C LC_ALL=
find samples Tests -name '*.xlsx' -o -name '*.json' -path '*samples*' | sort | while read -r f; do
  key=$(echo "$f" | tr '/' '_')
  d="$out/$key"
  mkdir -p "$d"
  "$bin" cells "$f" --format json >"$d/cells.json" 2>"$d/cells.err"; echo $? >"$d/cells.rc"
  "$bin" extract "$f" >"$d/extract.json" 2>"$d/extract.err"; echo $? >"$d/extract.rc"
  "$bin" extract "$f" --format csv >"$d/extract.csv" 2>"$d/extract-csv.err"; echo $? >"$d/extract-csv.rc"
  "$bin" validate "$f" --format json >"$d/validate.json" 2>"$d/validate.err"; echo $? >"$d/validate.rc"
  "$bin" validate "$f" >"$d/validate.txt" 2>"$d/validate-txt.err"; echo $? >"$d/validate-txt.rc"
  "$bin" convert "$f" -o "$d/report.xlsx" --created 2024-04-01T00:00:00Z >"$d/convert.out" 2>"$d/convert.err"
  echo $? >"$d/convert.rc"
done
# Error text names the input as given; a temporary name would differ between runs.
sed -i -E 's#kpisheet-[A-Za-z0-9._-]+#kpisheet-TMP#g' "$out"/*/*.err 2>/dev/null || true
echo "snapshot written to $out ($(ls "$out" | wc -l) inputs)"
