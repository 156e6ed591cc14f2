#!/usr/bin/env bash
# Reading benchmark, kept for its old command line: Benchmarks/bench.sh read does the work
# (kpisheet-bench read against the C floor and the Python peers, medians of interleaved runs).
# Usage: Benchmarks/run.sh [ROWS] [RUNS]     (defaults: 100000 rows, 7 runs)
set -euo pipefail
exec "$(dirname "$0")/bench.sh" read "${1:-100000}" "${2:-7}"
