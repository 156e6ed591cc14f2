#!/usr/bin/env bash
# PDF benchmark (issue 17's target: `kpisheet convert --out-dir DIR --pdf` of 100 departmental
# sheets costs at most 1.2× one `soffice --headless --convert-to pdf --outdir` run over the
# same 100 XLSX files, LibreOffice started once for all of them).
#
# SHEETS copies of the three samples (samples/*.xlsx, in turn, each copy under its own name) in
# a temporary folder; RUNS rounds, each running both commands once, alternating which goes
# first (interleaved, so a busy minute of this shared machine weighs on both). LibreOffice's
# run uses a profile of its own made by an untimed run before the rounds, as a person's
# LibreOffice has its profile already; kpisheet's uses what kpisheet uses. Each run starts from
# an empty output folder, and every run is checked to have made SHEETS PDFs. Prints the
# medians, min–max and the ratio.
# Usage: Benchmarks/pdf.sh [SHEETS] [RUNS] [SCRATCH]   (defaults: 100, 5, $SCRATCH or .build)
# Needs LibreOffice (soffice on PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
sheets=${1:-100}
runs=${2:-5}
scratch=${3:-${SCRATCH:-.build}}
swift build -c release --scratch-path "$scratch" --product kpisheet >/dev/null
binary="$scratch/release/kpisheet"
soffice=$(command -v soffice)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"
samples=(samples/sanyo-onoda.xlsx samples/dept-wide.xlsx samples/dept-flat.xlsx)
names=(kikaku kanko sangyo kenko kosodate kyoiku toshi kankyo bosai nousei)
for i in $(seq 1 "$sheets"); do
  sample=${samples[$(((i - 1) % ${#samples[@]}))]}
  name=${names[$(((i - 1) % ${#names[@]}))]}
  cp "$sample" "$work/in/$(printf '%03d' "$i")-$name-$(basename "$sample")"
done
profile="file://$work/profile"
run_soffice() {
  "$soffice" --headless --norestore --nologo "-env:UserInstallation=$profile" \
    --convert-to pdf --outdir "$1" "$work"/in/*.xlsx >/dev/null 2>&1
}
run_kpisheet() {
  "$binary" convert "$work/in" --out-dir "$1" --pdf -q
}
# Untimed: LibreOffice makes its profile, the files enter the page cache.
run_soffice "$work/warm"
rm -rf "$work/warm"
timed() { # NAME: one timed run, its start and end appended to $work/NAME
  local out="$work/out-$1" start end made
  rm -rf "$out"
  start=$EPOCHREALTIME
  "run_$1" "$out"
  end=$EPOCHREALTIME
  made=$(find "$out" -name '*.pdf' | wc -l)
  if [ "$made" -ne "$sheets" ]; then
    echo "$1: $made PDFs for $sheets sheets" >&2
    exit 1
  fi
  echo "$start $end" >>"$work/$1"
}
for round in $(seq 1 "$runs"); do
  if [ $((round % 2)) -eq 1 ]; then
    timed kpisheet; timed soffice
  else
    timed soffice; timed kpisheet
  fi
done
python3 - "$sheets" "$runs" "$work/kpisheet" "$work/soffice" <<'PY'
import statistics, sys
sheets, runs = map(int, sys.argv[1:3])
times = {name: [float(end) - float(start) for start, end in map(str.split, open(path))]
         for name, path in
         zip(["kpisheet", "soffice"], sys.argv[3:5])}
base = statistics.median(times["soffice"])
print(f"{sheets} sheets, {runs} interleaved runs (median wall s, min–max, ratio to soffice):")
for name, label in [("soffice", "soffice --headless --convert-to pdf, one run"),
                    ("kpisheet", "kpisheet convert --out-dir --pdf")]:
    values = times[name]
    median = statistics.median(values)
    print(f"  {label}: {median:.2f} s ({min(values):.2f}–{max(values):.2f}), {median / base:.2f}×")
PY
