#!/usr/bin/env bash
# Benchmarks (issue 6): kpisheet's reader and writer side by side with C references and
# Python peers, on generated sheets of KPI-like mixed data (Benchmarks/content.py), as
# whole processes: medians of interleaved runs of wall time and peak RSS, with ratios.
#
# Usage: Benchmarks/bench.sh read [ROWS] [RUNS]    readers    (defaults: 100000 rows, 5 runs)
#        Benchmarks/bench.sh write [ROWS] [RUNS]   writers    (same defaults)
#        Benchmarks/bench.sh all [RUNS]            both, at 100k and at 1M rows
#        Benchmarks/bench.sh check                 builds the C programs, the deployed
#                                                  kpisheet-bench and compiles the Python
#                                                  scripts, times nothing (CI runs it)
# kpisheet-bench is built as kpisheet is deployed, with the Swift runtime linked in
# (--static-swift-stdlib, in SCRATCH_STATIC, default .build-static), and also as `swift build`
# makes it, against the toolchain's shared runtime (in SCRATCH, default .build): the table
# shows both.
#
# Needs cc, pkg-config, the -dev packages Scripts/setup installs, GNU time (/usr/bin/time)
# and the Python packages in Benchmarks/requirements.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${SCRATCH:-.build}
scratch_static=${SCRATCH_STATIC:-.build-static}
task=${1:-}
case "$task" in
  read | write) rows=${2:-100000} runs=${3:-5} ;;
  all) runs=${2:-5} ;;
  check) ;;
  *)
    sed -n '6,11p' "$0" >&2
    exit 64
    ;;
esac
if [ "${runs:-5}" -lt 1 ]; then echo "RUNS must be at least 1" >&2; exit 64; fi

work=$(mktemp -d "${TMPDIR:-/tmp}/kpisheet-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT
# shellcheck disable=SC2046  # pkg-config's flags are meant to split
cc -O2 -Wall -o "$work/floor" Benchmarks/floor.c $(pkg-config --cflags --libs libxml-2.0 minizip)
# shellcheck disable=SC2046
cc -O2 -Wall -o "$work/write" Benchmarks/write.c $(pkg-config --cflags --libs xlsxwriter)
swift build -c release --static-swift-stdlib --scratch-path "$scratch_static" \
  --product kpisheet-bench >/dev/null
if [ "$task" = check ]; then
  for script in Benchmarks/*.py; do
    python3 -c 'import ast, sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])' "$script"
  done
  echo "benchmark harness builds (C programs, kpisheet-bench as deployed, Python scripts)"
  exit 0
fi
swift build -c release --scratch-path "$scratch" --product kpisheet-bench >/dev/null
bench="$scratch_static/release/kpisheet-bench"
bench_shared="$scratch/release/kpisheet-bench"

measure() { # measure read|write ROWS RUNS
  mkdir -p "$work/$2"
  python3 Benchmarks/measure.py "$1" "$2" "$3" "$work/$2" "$bench" "$work/floor" "$work/write" \
    "$bench_shared"
}

# What ran, for the record: pkg-config gives libxlsxwriter's SO version, its header the release.
lxw=$(sed -n 's/^#define LXW_VERSION *"\(.*\)"/\1/p' "$(pkg-config --variable=includedir xlsxwriter)/xlsxwriter.h")
peers=$(python3 -c 'import importlib.metadata as m; print(", ".join(p + " " + m.version(p) for p in ("fastexcel", "pyarrow", "python-calamine", "openpyxl", "XlsxWriter")))')
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); libxlsxwriter $lxw, libxml2 $(pkg-config --modversion libxml-2.0), $peers"
case "$task" in
  read | write) measure "$task" "$rows" "$runs" ;;
  all)
    for rows in 100000 1000000; do measure read "$rows" "$runs"; done
    for rows in 100000 1000000; do measure write "$rows" "$runs"; done
    ;;
esac
