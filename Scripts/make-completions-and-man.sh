#!/usr/bin/env bash
# Regenerates completions/ and man/ from the command definitions (swift-argument-parser):
# shell completions from `kpisheet --generate-completion-script`, the man page from
# `kpisheet --experimental-dump-help` by Scripts/make-man.py, and the help blocks of docs/cli.md
# by Scripts/make-cli-doc.py.
# Usage: Scripts/make-completions-and-man.sh [SCRATCH]   (default: .build)
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${1:-.build}
swift build --scratch-path "$scratch" --product kpisheet >/dev/null
binary="$scratch/debug/kpisheet"
mkdir -p completions man
"$binary" --generate-completion-script bash > completions/kpisheet.bash
"$binary" --generate-completion-script zsh > completions/_kpisheet
"$binary" --generate-completion-script fish > completions/kpisheet.fish
# GenerateManual drops non-ASCII text (our help names sheets in Japanese), so the page comes
# from the same definitions through Scripts/make-man.py.
rm -f man/*.1
python3 Scripts/make-man.py "$binary" > man/kpisheet.1
# docs/cli.md quotes each command's --help: refresh those blocks too.
python3 Scripts/make-cli-doc.py "$binary" docs/cli.md
ls completions man
