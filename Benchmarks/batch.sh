#!/usr/bin/env bash
# Batch benchmark (issue 5's target: 1,000 sheets like the sample in under 20 s on this
# machine's two cores; issue 6's: under 30 ms of process time per file): COPIES copies of
# samples/sanyo-onoda.xlsx in a temporary folder, converted with `kpisheet convert --out-dir`
# (all cores). Prints the whole command's wall time and its process (user + system) time,
# in total and per file.
# Usage: Benchmarks/batch.sh [COPIES] [SCRATCH]   (defaults: 1000, $SCRATCH or .build)
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-1000}
scratch=${2:-${SCRATCH:-.build}}
swift build -c release --scratch-path "$scratch" --product kpisheet >/dev/null
binary="$scratch/release/kpisheet"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"
for i in $(seq -w 1 "$copies"); do cp samples/sanyo-onoda.xlsx "$work/in/sheet-$i.xlsx"; done
# GNU time: wall, user and system seconds of the command and every worker it waited for.
/usr/bin/time -o "$work/time" -f "%e %U %S" \
  "$binary" convert "$work/in" --out-dir "$work/out" --summary-json "$work/summary.json" -q
read -r wall user system <"$work/time"
written=$(find "$work/out" -name '*.xlsx' | wc -l)
python3 - "$copies" "$written" "$(nproc)" "$wall" "$user" "$system" <<'PY'
import sys
copies, written, cores = map(int, sys.argv[1:4])
wall, user, system = map(float, sys.argv[4:])
print(f"{copies} sheets, {written} reports, {cores} cores: {wall:.1f} s wall "
      f"({wall / copies * 1000:.1f} ms a file), {user + system:.1f} s process time "
      f"({(user + system) / copies * 1000:.1f} ms a file)")
PY
