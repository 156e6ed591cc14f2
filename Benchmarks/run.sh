#!/usr/bin/env bash
# Reading benchmark: kpisheet-bench (every cell through XLSXReader's public API as typed
# values) against the C floor (minizip + libxml2 SAX2 push, counting <c> elements only),
# whole-process wall time and peak RSS, medians of interleaved runs, side by side.
# Usage: Benchmarks/run.sh [ROWS] [RUNS]     (defaults: 100000 rows, 7 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
runs=${2:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 Benchmarks/make-input.py "$rows" "$work/input.xlsx"
cc -O2 -o "$work/floor" Benchmarks/floor.c $(pkg-config --cflags --libs libxml-2.0 minizip)
swift build -c release --product kpisheet-bench >/dev/null
python3 - "$work" "$runs" <<'PY'
import statistics, subprocess, sys, time
work, runs = sys.argv[1], int(sys.argv[2])
commands = {
    "C floor (minizip + SAX2, count)": [f"{work}/floor", f"{work}/input.xlsx"],
    "kpisheet-bench read": [".build/release/kpisheet-bench", "read", f"{work}/input.xlsx"],
}
times = {name: [] for name in commands}
peaks = {name: [] for name in commands}
for _ in range(runs):
    for name, command in commands.items():
        start = time.perf_counter()
        # /usr/bin/time reports this command's own peak resident set, in KB.
        result = subprocess.run(["/usr/bin/time", "-f", "%M", *command], check=True,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        times[name].append(time.perf_counter() - start)
        peaks[name].append(int(result.stderr.strip().splitlines()[-1]))
floor = statistics.median(times["C floor (minizip + SAX2, count)"])
print(f"| reader | median wall s | ratio to floor | median peak RSS MB |")
print(f"|---|---:|---:|---:|")
for name in commands:
    median = statistics.median(times[name])
    print(f"| {name} | {median:.3f} | {median / floor:.2f} | {statistics.median(peaks[name]) / 1024:.1f} |")
PY
