#!/usr/bin/env python3
"""Times the readers or the writers side by side (called by bench.sh, which builds them).

Usage: measure.py read|write ROWS RUNS WORK BENCH FLOOR WRITE [BENCH_SHARED]
  WORK          a scratch folder (inputs and outputs go there)
  BENCH         kpisheet-bench as deployed (the Swift runtime linked in), FLOOR and WRITE the
                C programs built from floor.c and write.c
  BENCH_SHARED  kpisheet-bench linked against the toolchain's shared Swift runtime, timed
                reading too when given (start-up costs it a few milliseconds more)

Every program runs as its own process under /usr/bin/time (whole-process wall time and peak
resident set). The programs are interleaved: each round runs every one of them once, each
round starting one program further along, so load from other work on the machine spreads
over all of them; the table gives medians over the rounds and the ratio of the median wall
time to the reference's (the C floor for reading, C libxlsxwriter in constant-memory mode
for writing). The outputs of the first round are checked outside the timing: every reader
must report the sheet's cell count, every written file must read back (python-calamine)
with the expected cells, and kpisheet-bench's files must equal write.c's byte for byte."""
import math
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import content  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = sys.executable


def readers(work, bench, floor, bench_shared):
    source = f"{work}/input.xlsx"
    peers = f"{HERE}/peers-read.py"
    shared = [("kpisheet-bench read, shared Swift runtime: the same, linked as swift build links it",
               [bench_shared, "read", source])] if bench_shared else []
    return [
        ("C floor: minizip + libxml2 SAX2 push, counting cells", [floor, source]),
        ("kpisheet-bench read: every cell as a typed value", [bench, "read", source]),
        *shared,
        ("kpisheet-bench read --threads 1: the same on one thread", [bench, "read", source, "--threads", "1"]),
        ("fastexcel (Rust), to Arrow columns", [PYTHON, peers, "fastexcel", source]),
        ("python-calamine (Rust), to Python values", [PYTHON, peers, "calamine", source]),
        ("openpyxl read-only, rows of values", [PYTHON, peers, "openpyxl", source]),
    ]


def writers(work, bench, write, rows):
    peers = f"{HERE}/peers-write.py"
    n = str(rows)
    return [
        ("C libxlsxwriter, constant memory", [write, n, f"{work}/c-cm.xlsx", "--constant-memory"]),
        ("kpisheet-bench write --constant-memory",
         [bench, "write", n, f"{work}/swift-cm.xlsx", "--constant-memory"]),
        ("C libxlsxwriter", [write, n, f"{work}/c.xlsx"]),
        ("kpisheet-bench write", [bench, "write", n, f"{work}/swift.xlsx"]),
        ("XlsxWriter (Python), constant_memory",
         [PYTHON, peers, "xlsxwriter", n, f"{work}/xlsxwriter.xlsx"]),
        ("openpyxl write-only", [PYTHON, peers, "openpyxl", n, f"{work}/openpyxl.xlsx"]),
    ]


def run_once(command):
    """Wall seconds, peak RSS in KB and standard output of one run."""
    start = time.perf_counter()
    # GNU time's %M is the process's own peak resident set in KB; it goes last on stderr.
    result = subprocess.run(["/usr/bin/time", "-f", "%M", *command], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stderr}")
    return wall, int(result.stderr.strip().splitlines()[-1]), result.stdout


def check_reader_output(name, stdout, rows):
    expected = content.expected_cells(rows)
    words = stdout.split()
    if len(words) < 2 or words[0] != "cells" or int(words[1]) != expected:
        sys.exit(f"{name} read {stdout.strip()!r}, expected cells {expected}")


def check_written(name, path, rows):
    """Reads the file back with python-calamine: the cell count and a sample of rows."""
    from python_calamine import CalamineWorkbook

    values = CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python(
        skip_empty_area=False)
    cells = sum(1 for row in values for value in row if value != "")
    if len(values) != rows or cells != content.expected_cells(rows):
        sys.exit(f"{name}: {path} holds {len(values)} rows and {cells} cells")
    for r in sorted({0, 1, 7, rows // 2, rows - 1}):
        if r >= rows:
            continue
        for c, (got, want) in enumerate(zip(values[r], content.row(r))):
            same = (got == "" if want is None
                    else math.isclose(got, want, rel_tol=1e-15) if isinstance(want, float)
                    else got == want)
            if not same:
                sys.exit(f"{name}: {path} row {r + 1} column {c + 1} holds {got!r}, not {want!r}")


def same_bytes(a, b):
    with open(a, "rb") as first, open(b, "rb") as second:
        return first.read() == second.read()


def main():
    if len(sys.argv) not in (8, 9) or sys.argv[1] not in ("read", "write"):
        sys.exit(__doc__)
    task, rows, runs, work, bench, floor, write = sys.argv[1:8]
    bench_shared = sys.argv[8] if len(sys.argv) == 9 else None
    rows, runs = int(rows), int(runs)
    if task == "read":
        if not os.path.exists(f"{work}/input.xlsx"):
            subprocess.run([PYTHON, f"{HERE}/make-input.py", str(rows), f"{work}/input.xlsx"],
                           check=True)
        commands = readers(work, bench, floor, bench_shared)
    else:
        commands = writers(work, bench, write, rows)

    times = {name: [] for name, _ in commands}
    peaks = {name: [] for name, _ in commands}
    for round_number in range(runs):
        shift = round_number % len(commands)
        for name, command in commands[shift:] + commands[:shift]:
            wall, peak, stdout = run_once(command)
            times[name].append(wall)
            peaks[name].append(peak)
            if round_number == 0 and task == "read":
                check_reader_output(name, stdout, rows)
        if round_number == 0 and task == "write":
            for name, command in commands:
                path = next(arg for arg in command if arg.endswith(".xlsx"))
                check_written(name, path, rows)
            for swift, c in (("swift-cm", "c-cm"), ("swift", "c")):
                if not same_bytes(f"{work}/{swift}.xlsx", f"{work}/{c}.xlsx"):
                    sys.exit(f"{swift}.xlsx differs from write.c's {c}.xlsx")

    reference = statistics.median(times[commands[0][0]])
    label = "reader" if task == "read" else "writer"
    print(f"| rows | {label} | median wall s | min–max s | ratio | median peak RSS MB |")
    print("|---:|---|---:|---:|---:|---:|")
    for name, _ in commands:
        median = statistics.median(times[name])
        print(f"| {rows:,} | {name} | {median:.3f} | {min(times[name]):.2f}–"
              f"{max(times[name]):.2f} | {median / reference:.2f} | "
              f"{statistics.median(peaks[name]) / 1024:.1f} |")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
