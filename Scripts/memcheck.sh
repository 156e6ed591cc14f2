#!/usr/bin/env bash
# valgrind memcheck over `kpisheet convert` of the seed sample: no memory errors, nothing
# definitely lost. valgrind 3.19 cannot read the DWARF 5 debug info Swift 6 emits, so the
# release binary is checked with its debug info stripped.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product kpisheet >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp .build/release/kpisheet "$work/kpisheet"
strip -g "$work/kpisheet"
valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=9 \
  "$work/kpisheet" convert samples/sanyo-onoda.xlsx -o "$work/report.xlsx" 2>&1 \
  | grep -E "ERROR SUMMARY|definitely lost|indirectly lost"
