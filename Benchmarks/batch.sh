#!/usr/bin/env bash
# Batch benchmark (issue 5's target: 1,000 sheets like the sample in under 20 s on this
# machine's two cores): COPIES copies of samples/sanyo-onoda.xlsx in a temporary folder,
# converted with `kpisheet convert --out-dir` (all cores), wall time of the whole command.
# Usage: Benchmarks/batch.sh [COPIES] [SCRATCH]   (defaults: 1000, .build)
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-1000}
scratch=${2:-.build}
swift build -c release --scratch-path "$scratch" --product kpisheet >/dev/null
binary="$scratch/release/kpisheet"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"
for i in $(seq -w 1 "$copies"); do cp samples/sanyo-onoda.xlsx "$work/in/sheet-$i.xlsx"; done
start=$(date +%s.%N)
"$binary" convert "$work/in" --out-dir "$work/out" --summary-json "$work/summary.json" -q
end=$(date +%s.%N)
written=$(find "$work/out" -name '*.xlsx' | wc -l)
echo "$copies sheets, $written reports, $(nproc) cores: $(echo "$end - $start" | bc) s"
