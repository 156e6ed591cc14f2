#!/usr/bin/env bash
# PDF benchmark (issue 17's target: `kpisheet convert --out-dir DIR --pdf` over 100 reports
# costs at most 1.2× one `soffice --headless --convert-to pdf --outdir` run over the same 100
# XLSX files, LibreOffice started once for all of them, not per file).
#
# SHEETS copies of the three samples (samples/*.xlsx, in turn, each copy under its own name) in
# a temporary folder. Made untimed beforehand by one `convert --out-dir --pdf` run whose
# LibreOffice is a stand-in that keeps what it is given: the SHEETS reports kpisheet writes
# (4 sheets, データ included) and the SHEETS workbooks `--pdf` hands LibreOffice (the same
# reports without データ: 効果検証, KPI推移 and 集計, the pages the PDF has).
#
# Timed, RUNS rounds, each running every command once, the order rotating from round to round
# (interleaved, so a busy minute of this shared machine weighs on all of them):
#   kpisheet   convert --out-dir --pdf of the SHEETS departmental sheets (reading, writing the
#              reports and printing them);
#   printed    one soffice run over the SHEETS workbooks --pdf prints (the same pages);
#   reports    one soffice run over the SHEETS reports (the issue's "same XLSX files"; it also
#              prints データ, so it prints more pages than --pdf);
#   sheets     one soffice run over the SHEETS departmental sheets (the earlier baseline);
#   own        kpisheet's own part: the kpisheet run with a stand-in LibreOffice that only
#              answers with a PDF header (reading, writing reports and copies, handing over).
# LibreOffice's runs use a profile of their own made by an untimed run before the rounds, as a
# person's LibreOffice has its profile already; kpisheet's uses what kpisheet uses. Each run
# starts from an empty output folder and is checked to have made SHEETS PDFs. Prints, per
# command, the median wall time, min–max, the median processor time (user + system, the
# command and its children), the 1-minute load average at the runs' starts (min–max), the
# PDFs' pages, and kpisheet's ratio to each soffice run.
# Usage: Benchmarks/pdf.sh [SHEETS] [RUNS] [SCRATCH]   (defaults: 100, 5, $SCRATCH or .build)
# Needs LibreOffice (soffice on PATH) and poppler-utils (pdfinfo).
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
mkdir "$work/in" "$work/printed"
samples=(samples/sanyo-onoda.xlsx samples/dept-wide.xlsx samples/dept-flat.xlsx)
names=(kikaku kanko sangyo kenko kosodate kyoiku toshi kankyo bosai nousei)
for i in $(seq 1 "$sheets"); do
  sample=${samples[$(((i - 1) % ${#samples[@]}))]}
  name=${names[$(((i - 1) % ${#names[@]}))]}
  cp "$sample" "$work/in/$(printf '%03d' "$i")-$name-$(basename "$sample")"
done

# The stand-in LibreOffice: keeps each workbook it is asked to print and answers with a PDF
# header, so that kpisheet's run completes.
cat >"$work/keeping-soffice" <<SH
#!/bin/sh
out=
while [ \$# -gt 0 ]; do
  case \$1 in
    --outdir) out=\$2; shift 2 ;;
    *.xlsx) cp "\$1" "$work/printed/"; name=\$(basename "\$1" .xlsx); printf '%%PDF-' >"\$out/\$name.pdf"; shift ;;
    *) shift ;;
  esac
done
SH
chmod +x "$work/keeping-soffice"
cat >"$work/answering-soffice" <<'SH'
#!/bin/sh
out=
while [ $# -gt 0 ]; do
  case $1 in
    --outdir) out=$2; shift 2 ;;
    *.xlsx) name=$(basename "$1" .xlsx); printf '%%PDF-' >"$out/$name.pdf"; shift ;;
    *) shift ;;
  esac
done
SH
chmod +x "$work/answering-soffice"
"$binary" convert "$work/in" --out-dir "$work/reports" --pdf --soffice "$work/keeping-soffice" -q
rm -f "$work/reports"/*.pdf
for folder in reports printed; do
  made=$(find "$work/$folder" -name '*.xlsx' | wc -l)
  if [ "$made" -ne "$sheets" ]; then
    echo "$folder: $made workbooks for $sheets sheets" >&2
    exit 1
  fi
done

profile="file://$work/profile"
run_soffice() { # OUT INPUT-FOLDER
  "$soffice" --headless --norestore --nologo "-env:UserInstallation=$profile" \
    --convert-to pdf --outdir "$1" "$2"/*.xlsx >/dev/null 2>&1
}
run_kpisheet() { "$binary" convert "$work/in" --out-dir "$1" --pdf -q; }
run_own() { "$binary" convert "$work/in" --out-dir "$1" --pdf --soffice "$work/answering-soffice" -q; }
run_printed() { run_soffice "$1" "$work/printed"; }
run_reports() { run_soffice "$1" "$work/reports"; }
run_sheets() { run_soffice "$1" "$work/in"; }
# Untimed: LibreOffice makes its profile, the files enter the page cache.
run_soffice "$work/warm" "$work/in"
rm -rf "$work/warm"
# The user + system seconds of the shell's finished children, from `times` written to FILE.
children_seconds() {
  awk 'NR == 2 { split($1, u, "m"); split($2, s, "m"); print u[1] * 60 + u[2] + s[1] * 60 + s[2] }' "$1"
}
timed() { # NAME: one timed run; its wall, processor seconds and load appended to $work/runs-NAME
  local out="$work/out-$1" made load start end before after
  rm -rf "$out"
  read -r load _ </proc/loadavg
  times >"$work/times-before"
  start=$EPOCHREALTIME
  "run_$1" "$out"
  end=$EPOCHREALTIME
  times >"$work/times-after"
  before=$(children_seconds "$work/times-before")
  after=$(children_seconds "$work/times-after")
  made=$(find "$out" -name '*.pdf' | wc -l)
  if [ "$made" -ne "$sheets" ]; then
    echo "$1: $made PDFs for $sheets sheets" >&2
    exit 1
  fi
  if [ "$1" = own ]; then
    echo - >"$work/pages-$1"
  elif [ ! -e "$work/pages-$1" ]; then
    for pdf in "$out"/*.pdf; do pdfinfo "$pdf" | awk '/^Pages:/ {print $2}'; done |
      awk '{s += $1} END {print s}' >"$work/pages-$1"
  fi
  python3 -c "import sys; a = sys.argv; print(float(a[2]) - float(a[1]), float(a[4]) - float(a[3]), a[5])" \
    "$start" "$end" "$before" "$after" "$load" >>"$work/runs-$1"
}
commands=(kpisheet printed reports sheets own)
for round in $(seq 1 "$runs"); do
  for step in "${!commands[@]}"; do
    timed "${commands[$(((round - 1 + step) % ${#commands[@]}))]}"
  done
done
python3 - "$sheets" "$runs" "$work" <<'PY'
import statistics, sys
sheets, runs, work = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rows = {}
for name in ["kpisheet", "printed", "reports", "sheets", "own"]:
    values = [list(map(float, line.split())) for line in open(f"{work}/runs-{name}")]  # wall, CPU, load
    pages = open(f"{work}/pages-{name}").read().strip()
    rows[name] = (values, pages)
print(f"{sheets} files, {runs} interleaved rounds: median wall s (min–max), median processor s, "
      "load at start (min–max), pages")
labels = {
    "kpisheet": "kpisheet convert --out-dir --pdf (departmental sheets)",
    "printed": "soffice, the workbooks --pdf prints",
    "reports": "soffice, the reports as written (+ データ)",
    "sheets": "soffice, the departmental sheets",
    "own": "kpisheet's own part (LibreOffice a stand-in)",
}
medians = {}
for name, (values, pages) in rows.items():
    walls = [v[0] for v in values]
    cpu = [v[1] for v in values]
    loads = [v[2] for v in values]
    medians[name] = statistics.median(walls)
    print(f"  {labels[name]}: {medians[name]:.2f} s ({min(walls):.2f}–{max(walls):.2f}), "
          f"{statistics.median(cpu):.2f} s CPU, load {min(loads):.2f}–{max(loads):.2f}"
          + ("" if pages == "-" else f", {pages} pages"))
for name in ["printed", "reports", "sheets"]:
    print(f"  kpisheet ÷ {labels[name]}: {medians['kpisheet'] / medians[name]:.2f}×")
PY
