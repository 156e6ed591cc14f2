#!/usr/bin/env bash
# Builds the libFuzzer target over XLSXReader with AddressSanitizer and runs it.
# Usage: Fuzz/run.sh [SECONDS] [JOBS]   (defaults: 60 seconds, 1 job)
# Crashes and leaks are written to Fuzz/artifacts/; each one found becomes a regression
# fixture under Tests/XLSXReaderTests/Fixtures/fuzz/ with a test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
jobs=${2:-1}
build=.build-fuzz
mkdir -p "$build" Fuzz/artifacts
clang -c -O1 -g -fsanitize=address -o "$build/strtod_c.o" Sources/CNumberParsing/strtod_c.c \
  -I Sources/CNumberParsing/include
# PThreads and CellAddress first: XLSXReader imports them. The reader and the fuzz target
# are one module, so the fuzzer reaches the reader's internals (the cut read's tuning).
for module in PThreads CellAddress; do
  swiftc -O -g -wmo -sanitize=address -parse-as-library -module-name "$module" -emit-module \
    -emit-module-path "$build/$module.swiftmodule" -c -o "$build/$module.o" \
    Sources/"$module"/*.swift
done
swiftc -O -g -sanitize=fuzzer,address -parse-as-library -module-name XLSXReader \
  -I "$build" -I Sources/CLibXML2 -I Sources/CMinizip -I Sources/CNumberParsing/include \
  -Xcc -I/usr/include/libxml2 -Xcc -I/usr/include/minizip \
  $(find Sources/XLSXReader -name '*.swift') Fuzz/FuzzXLSXReader.swift "$build/strtod_c.o" \
  "$build/PThreads.o" "$build/CellAddress.o" -lxml2 -lminizip -o "$build/fuzz-xlsx"
if [ ! -d "$build/corpus" ] || [ -z "$(ls -A "$build/corpus")" ]; then
  python3 Fuzz/make-corpus.py "$build/corpus"
fi
export KPISHEET_FUZZ_TMP=${KPISHEET_FUZZ_TMP:-/dev/shm}
"$build/fuzz-xlsx" "$build/corpus" -max_total_time="$seconds" -jobs="$jobs" -workers="$jobs" \
  -rss_limit_mb=2048 -timeout=20 -max_len=2000000 -artifact_prefix=Fuzz/artifacts/ \
  -print_final_stats=1
