#!/usr/bin/env python3
"""Compare kpisheet's raw cell view with python-calamine's, cell for cell.

Usage:
  python3 Scripts/compare-calamine.py --kpisheet PATH/TO/kpisheet FILE.xlsx...
  python3 Scripts/compare-calamine.py --dump-calamine FILE.xlsx...   # print calamine's view only

For each FILE it runs `kpisheet cells FILE --format json` (spec/cli.md, "cells") and reads the
same file with python-calamine (pinned in Scripts/fixture-requirements.txt). It compares, per
sheet present on either side: the sheet list, hidden state, merged ranges and every non-empty
cell (type and value). Numbers compare exactly or within 1e-9 relative; dates compare as ISO
strings (YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS, HH:MM:SS), a midnight date-time equal to the date;
a cell calamine shows as "" counts as absent.

Known python-calamine differences are listed in KNOWN_DIFFERENCES below, each with a comment;
they are printed as "known" lines and do not fail the run. If both sides refuse a file (kpisheet
exits non-zero, calamine raises), that counts as agreement; bad-corpus files that kpisheet must
refuse while calamine reads them are listed in KPISHEET_REFUSES_BY_DESIGN. calamine runs in a
child process with a memory cap, because it aborts the process on the bomb fixtures.

Exit status 0 when every file agrees, 1 on any mismatch; the last line is "N passed, M failed".
"""

from __future__ import annotations

import argparse
import datetime as dt
import fnmatch
import json
import math
import os
import subprocess
import sys

import python_calamine as pc

# --------------------------------------------------------------------------------------------
# Known python-calamine 0.9.1 differences (found on Tests/XLSXReaderTests/Fixtures, see MANIFEST).
# Each entry: file glob, sheet glob, ref glob, a predicate on (ours, theirs) and the reason.
# ours/theirs are (type, value) tuples or None when the side has no such cell.
# --------------------------------------------------------------------------------------------

KNOWN_DIFFERENCES = [
    # calamine's Python binding turns every error cell (t="e", cached formula errors such as
    # #DIV/0! and #N/A) into "", i.e. the cell disappears from its view. We report errors.
    dict(file="*", sheet="*", ref="*",
         when=lambda ours, theirs: theirs is None and ours is not None and ours[0] == "error",
         reason="calamine drops error values (shows \"\")"),
    # In the 1904 date system serial 0 is 1904-01-01; calamine treats any serial < 1 as a time
    # of day even under date1904, so it reports 00:00:00 for xlsxwriter-1904.xlsx A5.
    dict(file="*1904*", sheet="*", ref="*",
         when=lambda ours, theirs: ours == ("date", "1904-01-01") and theirs == ("date", "00:00:00"),
         reason="calamine reads 1904-system serial 0 as a time (00:00:00), not 1904-01-01"),
    # A value written as a CDATA section (<v><![CDATA[42]]></v>) is ordinary XML text; calamine's
    # parser ignores CDATA events, so raw-fragments.xlsx B77 is empty to it.
    dict(file="raw-fragments.xlsx", sheet="prefixed", ref="B77",
         when=lambda ours, theirs: theirs is None and ours == ("number", 42),
         reason="calamine ignores a value written as CDATA"),
]

# Files calamine cannot open although they are valid workbooks.
KNOWN_CALAMINE_REFUSALS = {
    # calamine hard-codes xl/workbook.xml and xl/_rels/workbook.xml.rels instead of following
    # _rels/.rels ("File not found 'xl/_rels/workbook.xml.rels'"); raw-quirks-std-paths.xlsx holds
    # the same cells at the standard paths so they are still compared.
    "raw-quirks.xlsx": "calamine ignores _rels/.rels and cannot find a workbook at xl/book.xml",
}

# Bad-corpus files (Fixtures/bad, MANIFEST.md) that kpisheet must refuse although calamine
# reads something from them. A refusal by kpisheet is then agreement, not a failure.
KPISHEET_REFUSES_BY_DESIGN = {
    "legacy.xls": "legacy .xls is refused by spec (cli.md); calamine reads BIFF8",
    "doctype-plain.xlsx": "any DOCTYPE is refused; calamine ignores a harmless internal DTD",
    "deep-nesting.xlsx": "nesting deeper than libxml2's limit is refused; calamine skips unknown elements",
    "duplicate-entries.xlsx": "duplicate zip entries are refused; calamine silently takes the second one",
    "cell-ref-out-of-range.xlsx": "XFE1 is refused; calamine accepts columns past XFD",
    "row-out-of-range.xlsx": "row 1048577 is refused; calamine accepts it",
    "number-not-a-number.xlsx": "<v>abc</v> in a numeric cell is refused; calamine returns the string 'abc'",
    "sst-index-negative.xlsx": "index -1 is refused; calamine returns a string for it",
    "missing-workbook.xlsx": "a missing workbook part is refused; calamine returns zero sheets",
    "missing-sheet.xlsx": "a missing sheet part is refused; calamine reads the other sheet",
    "rels-cycle.xlsx": "sheets pointing at non-sheet parts are refused; calamine returns empty sheets",
    "zip-path-traversal.xlsx": "kpisheet may refuse the archive (MANIFEST); calamine ignores the entry",
    "sheet-bomb.xlsx": "kpisheet may refuse an oversized part (MANIFEST)",
    "hostile-sheets-share-part.xlsx": "two sheets naming one part are refused; calamine reads the part twice",
}

CALAMINE_MEMORY_LIMIT = 4 << 30  # bytes of address space for the calamine child process
CALAMINE_TIMEOUT = 300           # seconds

# --------------------------------------------------------------------------------------------


def col_letters(c: int) -> str:
    s = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        s = chr(65 + rem) + s
    return s


def ref_of(r: int, c: int) -> str:
    return f"{col_letters(c)}{r + 1}"


def ref_key(ref: str) -> tuple[int, int]:
    i = 0
    while i < len(ref) and ref[i].isalpha():
        i += 1
    col = 0
    for ch in ref[:i].upper():
        col = col * 26 + (ord(ch) - 64)
    return int(ref[i:]), col


def round_seconds(t: dt.datetime) -> dt.datetime:
    """Cell serials are binary fractions of a day: round to the nearest second."""
    if t.microsecond >= 500_000:
        t = t + dt.timedelta(seconds=1)
    return t.replace(microsecond=0)


def norm_iso(s: str) -> str:
    """Canonical ISO text: drop a midnight time from a date-time."""
    if len(s) == 19 and s[10] == "T" and s.endswith("T00:00:00"):
        return s[:10]
    return s


def calamine_value(v):
    """Map a python-calamine value to (type, value) or None for empty."""
    if v is None or v == "":
        return None
    if isinstance(v, bool):  # before int: bool is an int subclass
        return ("boolean", v)
    if isinstance(v, (int, float)):
        return ("number", v)
    if isinstance(v, str):
        return ("string", v)
    if isinstance(v, dt.datetime):
        return ("date", norm_iso(round_seconds(v).isoformat(timespec="seconds")))
    if isinstance(v, dt.date):
        return ("date", v.isoformat())
    if isinstance(v, dt.time):
        t = round_seconds(dt.datetime.combine(dt.date(2000, 1, 1), v))
        return ("date", t.time().isoformat(timespec="seconds"))
    if isinstance(v, dt.timedelta):
        secs = round(v.total_seconds())
        if 0 <= secs < 86400:
            return ("date", f"{secs // 3600:02d}:{secs // 60 % 60:02d}:{secs % 60:02d}")
        return ("duration", str(v))
    return ("unknown", repr(v))


def calamine_view(path: str) -> list[dict]:
    wb = pc.CalamineWorkbook.from_path(path)
    sheets = []
    for meta in wb.sheets_metadata:
        if meta.typ != pc.SheetTypeEnum.WorkSheet:
            continue
        sh = wb.get_sheet_by_name(meta.name)
        cells = {}
        for r, row in enumerate(sh.to_python(skip_empty_area=False)):
            for c, v in enumerate(row):
                tv = calamine_value(v)
                if tv is not None:
                    cells[ref_of(r, c)] = tv
        merged = [f"{ref_of(*a)}:{ref_of(*b)}" for a, b in (sh.merged_cell_ranges or [])]
        sheets.append(dict(sheet=meta.name, hidden=meta.visible != pc.SheetVisibleEnum.Visible,
                           visibility=str(meta.visible).split(".")[-1], merged=merged, cells=cells))
    wb.close()
    return sheets


def calamine_view_isolated(path: str) -> tuple[list[dict] | None, str | None]:
    """calamine_view in a child process with a memory cap: calamine aborts the whole process
    (Rust "memory allocation failed", SIGABRT) on the bomb fixtures instead of raising."""
    def limit():
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (CALAMINE_MEMORY_LIMIT, CALAMINE_MEMORY_LIMIT))
    try:
        res = subprocess.run([sys.executable, os.path.abspath(__file__), "--calamine-json", path],
                             capture_output=True, timeout=CALAMINE_TIMEOUT, preexec_fn=limit)
    except subprocess.TimeoutExpired:
        return None, f"calamine timed out after {CALAMINE_TIMEOUT} s"
    if res.returncode != 0:
        tail = res.stderr.decode("utf-8", "replace").strip().splitlines()[:1]
        return None, f"calamine process died (status {res.returncode}): {' '.join(tail)}"
    data = json.loads(res.stdout)
    if "error" in data:
        return None, data["error"]
    sheets = data["sheets"]
    for sh in sheets:
        sh["cells"] = {ref: tuple(tv) for ref, tv in sh["cells"].items()}
    return sheets, None


def calamine_json_main(path: str) -> int:
    """Child side of calamine_view_isolated: print calamine's view as JSON."""
    try:
        out = {"sheets": calamine_view(path)}
    except Exception as e:  # CalamineError subclasses (and anything else calamine raises)
        out = {"error": f"{type(e).__name__}: {e}"}
    print(json.dumps(out, ensure_ascii=False))
    return 0


def our_view(kpisheet: str, path: str) -> tuple[list[dict] | None, str]:
    """Run kpisheet; returns (sheets, error text)."""
    try:
        res = subprocess.run([kpisheet, "cells", path, "--format", "json"], capture_output=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, f"could not run kpisheet: {e}"
    if res.returncode != 0:
        return None, f"kpisheet exited {res.returncode}: {res.stderr.decode('utf-8', 'replace').strip()}"
    try:
        data = json.loads(res.stdout)
    except json.JSONDecodeError as e:
        return None, f"kpisheet printed invalid JSON: {e}"
    sheets, problems = [], []
    for sh in data:
        cells, last = {}, (0, 0)
        for cell in sh.get("cells", []):
            ref = cell["ref"]
            if ref in cells:
                problems.append(f"{sh['sheet']}!{ref} appears twice")
            k = ref_key(ref)
            if k < last:
                problems.append(f"{sh['sheet']}!{ref} out of row order")
            last = k
            t, v = cell["type"], cell.get("value")
            if t == "date" and isinstance(v, str):
                v = norm_iso(v)
            cells[ref] = (t, v)
        sheets.append(dict(sheet=sh["sheet"], hidden=bool(sh.get("hidden", False)),
                           merged=list(sh.get("merged", [])), cells=cells))
    return sheets, "; ".join(problems)


def same(ours, theirs) -> bool:
    if ours is None or theirs is None:
        return ours is theirs
    (t1, v1), (t2, v2) = ours, theirs
    if t1 != t2:
        return False
    if t1 == "number":
        if isinstance(v1, bool) or isinstance(v2, bool):
            return False
        v1, v2 = float(v1), float(v2)
        return v1 == v2 or math.isclose(v1, v2, rel_tol=1e-9, abs_tol=0.0)
    return v1 == v2


def known(file: str, sheet: str, ref: str, ours, theirs) -> str | None:
    base = os.path.basename(file)
    for k in KNOWN_DIFFERENCES:
        if (fnmatch.fnmatch(base, k["file"]) and fnmatch.fnmatch(sheet, k["sheet"])
                and fnmatch.fnmatch(ref, k["ref"]) and k["when"](ours, theirs)):
            return k["reason"]
    return None


def show(tv) -> str:
    if tv is None:
        return "(empty)"
    return f"{tv[0]} {json.dumps(tv[1], ensure_ascii=False)}"


def compare_file(kpisheet: str, path: str) -> bool:
    base = os.path.basename(path)
    ours, err = our_view(kpisheet, path)
    theirs, cerr = calamine_view_isolated(path)

    if ours is None and theirs is None:
        print(f"ok    {path}: both refuse (kpisheet: {err}; calamine: {cerr})")
        return True
    if ours is None and base in KPISHEET_REFUSES_BY_DESIGN:
        print(f"known {path}: kpisheet refuses ({err}); calamine reads it — {KPISHEET_REFUSES_BY_DESIGN[base]}")
        return True
    if theirs is None:
        if base in KNOWN_CALAMINE_REFUSALS:
            print(f"known {path}: calamine cannot open it ({KNOWN_CALAMINE_REFUSALS[base]}); kpisheet read "
                  f"{len(ours)} sheet(s), not compared")
            return True
        print(f"FAIL  {path}: calamine refuses ({cerr}) but kpisheet read it")
        return False
    if ours is None:
        print(f"FAIL  {path}: {err}; calamine reads {len(theirs)} sheet(s)")
        return False

    failures = 0

    def fail(msg):
        nonlocal failures
        failures += 1
        print(f"FAIL  {path} › {msg}")

    if err:  # duplicate refs / order problems in our output
        fail(f"kpisheet output: {err}")
    our_names = [s["sheet"] for s in ours]
    their_names = [s["sheet"] for s in theirs]
    if our_names != their_names:
        fail(f"sheets: ours {our_names}, calamine {their_names}")
    by_name = {s["sheet"]: s for s in theirs}
    for o in ours:
        t = by_name.get(o["sheet"])
        if t is None:
            continue
        sheet = o["sheet"]
        if o["hidden"] != t["hidden"]:
            fail(f"{sheet}: hidden ours {o['hidden']}, calamine {t['hidden']} ({t['visibility']})")
        if sorted(o["merged"]) != sorted(t["merged"]):
            fail(f"{sheet}: merged ours {sorted(o['merged'])}, calamine {sorted(t['merged'])}")
        refs = sorted(set(o["cells"]) | set(t["cells"]), key=ref_key)
        for ref in refs:
            a, b = o["cells"].get(ref), t["cells"].get(ref)
            if same(a, b):
                continue
            why = known(path, sheet, ref, a, b)
            if why:
                print(f"known {path} › {sheet} › {ref}: ours {show(a)}, calamine {show(b)} — {why}")
            else:
                fail(f"{sheet} › {ref}: ours {show(a)}, calamine {show(b)}")
    if failures == 0:
        print(f"ok    {path}")
    return failures == 0


def dump_calamine(path: str) -> None:
    print(f"== {path}")
    sheets, cerr = calamine_view_isolated(path)
    if sheets is None:
        print(f"   calamine refuses: {cerr}")
        return
    out = []
    for s in sheets:
        cells = [{"ref": r, "type": tv[0], "value": tv[1]} for r, tv in sorted(s["cells"].items(),
                                                                             key=lambda kv: ref_key(kv[0]))]
        out.append({"sheet": s["sheet"], "hidden": s["hidden"], "visibility": s["visibility"],
                    "merged": s["merged"], "cells": cells})
    print(json.dumps(out, ensure_ascii=False, indent=1))


def main() -> int:
    ap = argparse.ArgumentParser(description="Compare `kpisheet cells --format json` with python-calamine.")
    ap.add_argument("--kpisheet", help="path to the kpisheet executable")
    ap.add_argument("--dump-calamine", action="store_true", help="only print calamine's view of each FILE")
    ap.add_argument("--calamine-json", action="store_true", help=argparse.SUPPRESS)  # internal: child process
    ap.add_argument("files", nargs="+", metavar="FILE")
    args = ap.parse_args()
    if args.calamine_json:
        return calamine_json_main(args.files[0])
    if args.dump_calamine:
        for f in args.files:
            dump_calamine(f)
        return 0
    if not args.kpisheet:
        ap.error("--kpisheet is required (or use --dump-calamine)")
    passed = failed = 0
    for f in args.files:
        if compare_file(args.kpisheet, f):
            passed += 1
        else:
            failed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
