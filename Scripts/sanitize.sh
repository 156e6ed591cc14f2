#!/usr/bin/env bash
# The test suite under AddressSanitizer (and UndefinedBehaviorSanitizer where the toolchain
# offers it), each in its own build folder: a full rebuild each, several minutes on 2 cores,
# so not part of CI. Swift 6.3.1 on Linux refuses `-sanitize=undefined` ("unsupported option
# for target x86_64-unknown-linux-gnu"); Swift code traps on overflow and out-of-bounds access
# by itself, and `undefined` is tried and reported rather than silently skipped.
# ThreadSanitizer runs the suites whose code starts threads (the cut sheet read, the
# temporary-file registry and its gate).
# Usage: Scripts/sanitize.sh [address|undefined|thread|all]
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-all}
# Leaks in third-party code (see the file) are suppressed; any other leak fails the run.
export LSAN_OPTIONS="suppressions=$PWD/Scripts/lsan.supp:print_suppressions=0"
for sanitizer in address undefined; do
  if [ "$which" = all ] || [ "$which" = "$sanitizer" ]; then
    echo "== swift test --sanitize=$sanitizer"
    swift test --sanitize="$sanitizer" --scratch-path ".build-$sanitizer"
  fi
done
if [ "$which" = all ] || [ "$which" = thread ]; then
  echo "== swift test --sanitize=thread (threaded code)"
  swift test --sanitize=thread --scratch-path .build-thread \
    --filter "ParallelReadingTests|TemporaryFileRegistryTests|CleanupGateTests"
fi
