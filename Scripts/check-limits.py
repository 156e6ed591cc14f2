#!/usr/bin/env python3
"""Runs kpisheet on the largest hostile inputs and asserts the limits every run must keep.

Usage: Scripts/check-limits.py BINARY [--only NAME[,NAME...]] [--list] [--keep DIR]

BINARY is a release build (`swift build -c release --product kpisheet --scratch-path
.build-rel`, then .build-rel/release/kpisheet). The inputs are made here, by this script's
own generators (none by kpisheet), in a temporary folder removed at the end (kept in DIR
with --keep). Each case runs under /usr/bin/time and must:
  - end with the exit code cli.md gives it (0, or 65 with one line naming the input),
  - peak below 512 MiB of resident memory and end within 60 s,
  - leave nothing in its own TMPDIR,
  - on failure, leave no output file and print nothing on standard output.
Exit status: 0 when every case keeps them, 1 otherwise (each broken limit is listed).
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

MEMORY_LIMIT_KB = 512 * 1024
TIME_LIMIT_S = 60.0
KILL_AFTER_S = 180

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"

# ---------------------------------------------------------------------------------------
# Workbook parts
# ---------------------------------------------------------------------------------------


def content_types(sst=False, styles=False, sheets=1):
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
        '<Default Extension="xml" ContentType="application/xml"/>',
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    ] + ['<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="%s"/>' % (i, SHEET_TYPE)
         for i in range(1, sheets + 1)]
    if sst:
        parts.append(
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
    if styles:
        parts.append(
            '<Override PartName="/xl/styles.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>')
    parts.append("</Types>")
    return "".join(parts)


ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s">'
             '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/>'
             '</Relationships>' % (PKG, RNS))


def workbook(sheets):
    items = "".join('<sheet name="S%d" sheetId="%d" r:id="rId%d"/>' % (i, i, i)
                    for i in range(1, sheets + 1))
    return ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" xmlns:r="%s">'
            '<sheets>%s</sheets></workbook>' % (MAIN, RNS, items))


def workbook_rels(sheets, sst=False, styles=False, parts=1):
    """Sheet i points at part i, or at part 1 beyond `parts`."""
    items = [
        '<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>'
        % (i, RNS, i if i <= parts else 1)
        for i in range(1, sheets + 1)
    ]
    if styles:
        items.append('<Relationship Id="rIdStyles" Type="%s/styles" Target="styles.xml"/>' % RNS)
    if sst:
        items.append(
            '<Relationship Id="rIdSST" Type="%s/sharedStrings" Target="sharedStrings.xml"/>' % RNS)
    return ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s">%s</Relationships>'
            % (PKG, "".join(items)))


def sheet(rows, after=""):
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s"><sheetData>%s'
            '</sheetData>%s</worksheet>' % (MAIN, rows, after))


ONE_CELL = '<row r="1"><c r="A1"><v>1</v></c></row>'


def write_workbook(path, sheet_part, sheets=1, sst=None, styles=None, level=6, parts=1):
    """Writes a workbook whose every sheet is `sheet_part`, each in a part of its own when
    `parts` is `sheets`. A part may be a string, or a function given a writable stream (for
    parts too large to build in memory)."""
    entries = [("[Content_Types].xml", content_types(sst is not None, styles is not None, parts)),
               ("_rels/.rels", ROOT_RELS),
               ("xl/workbook.xml", workbook(sheets)),
               ("xl/_rels/workbook.xml.rels",
                workbook_rels(sheets, sst is not None, styles is not None, parts))]
    if styles is not None:
        entries.append(("xl/styles.xml", styles))
    if sst is not None:
        entries.append(("xl/sharedStrings.xml", sst))
    for i in range(1, parts + 1):
        entries.append(("xl/worksheets/sheet%d.xml" % i, sheet_part))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            if callable(data):
                with archive.open(info, "w", force_zip64=True) as stream:
                    data(stream)
            else:
                archive.writestr(info, data)
    return path


def streamed(head, chunks, tail):
    """A part written as `head`, then each chunk of the iterable, then `tail`."""
    def write(stream):
        stream.write(head.encode())
        for chunk in chunks():
            stream.write(chunk)
        stream.write(tail.encode())
    return write


# ---------------------------------------------------------------------------------------
# Generators: each makes its input in `folder` and returns its path
# ---------------------------------------------------------------------------------------


def merge_whole_sheet(folder):
    """One merge over the whole sheet, A1:XFD1048576, in a 700-byte file."""
    after = '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'
    return write_workbook(os.path.join(folder, "merge_whole_sheet.xlsx"), sheet(ONE_CELL, after))


def merges_identical(folder):
    """20,000 identical merges A1:A1048576 (each filled row would scan every merge)."""
    after = "<mergeCells>%s</mergeCells>" % ('<mergeCell ref="A1:A1048576"/>' * 20000)
    return write_workbook(os.path.join(folder, "merges_identical.xlsx"), sheet(ONE_CELL, after))


def merges_8m(folder):
    """8,000,000 distinct valid merges (8 per row over 1,000,000 rows, ~240 MB of XML)."""
    columns = "ABCDEFGHIJKLMNOP"
    # One row's eight merges, all of row %(r)d.
    row = "".join('<mergeCell ref="%s%%(r)d:%s%%(r)d"/>' % (columns[2 * k], columns[2 * k + 1]) for k in range(8))

    def chunks():
        for first in range(1, 1000001, 10000):
            yield "".join(row % {"r": r} for r in range(first, first + 10000)).encode()
    head = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s"><sheetData>%s</sheetData>'
            '<mergeCells>' % (MAIN, ONE_CELL))
    part = streamed(head, chunks, "</mergeCells></worksheet>")
    return write_workbook(os.path.join(folder, "merges_8m.xlsx"), part, level=1)


def sst_100m_empty(folder):
    """100,000,000 empty shared strings (~600 MB of XML; each costs its place, not only text)."""
    rnd = random.Random(2)
    pieces = [b"<si/>", b"<si></si>", b"<si/>\n", b"<si> </si>"]
    block = b"".join(rnd.choice(pieces) for _ in range(100000))

    def chunks():
        for _ in range(1000):
            yield block
    part = streamed('<?xml version="1.0"?><sst xmlns="%s">' % MAIN, chunks, "</sst>")
    return write_workbook(os.path.join(folder, "sst_100m_empty.xlsx"),
                          sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), sst=part, level=1)


def sheet_300mb(folder):
    """A 300 MB sheet of valid rows (12 columns, ~1.3 M rows)."""
    def chunks():
        total, row = 0, 0
        while total < 300_000_000:
            rows = []
            for _ in range(5000):
                row += 1
                rows.append('<row r="%d">%s</row>' % (row, "".join(
                    '<c r="%s%d"><v>%d</v></c>' % ("ABCDEFGHIJKL"[c], row, row * 13 + c) for c in range(12))))
            data = "".join(rows).encode()
            total += len(data)
            yield data
    head = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s"><sheetData>' % MAIN
    part = streamed(head, chunks, "</sheetData></worksheet>")
    return write_workbook(os.path.join(folder, "sheet_300mb.xlsx"), part, level=1)


def merges_5m(folder):
    """5,000,000 one-row merges A{i}:B{i} (~150 MB of XML), past the last row from 1048577."""
    def chunks():
        for first in range(1, 5000001, 50000):
            yield "".join('<mergeCell ref="A%d:B%d"/>' % (i, i) for i in range(first, first + 50000)).encode()
    head = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s"><sheetData>%s</sheetData>'
            '<mergeCells count="5000000">' % (MAIN, ONE_CELL))
    part = streamed(head, chunks, "</mergeCells></worksheet>")
    return write_workbook(os.path.join(folder, "merges_5m.xlsx"), part, level=1)


def styles_many_xfs(folder):
    """3,000,000 cell formats and 160,000 cells using them at random."""
    rnd = random.Random(3)
    formats = "".join('<xf numFmtId="%d"/>' % rnd.choice((0, 1, 2, 3, 14, 10, 22, 9, 49)) for _ in range(3000000))
    styles = ('<?xml version="1.0"?><styleSheet xmlns="%s"><cellXfs count="3000000">%s</cellXfs>'
              '</styleSheet>' % (MAIN, formats))
    rows = "".join('<row r="%d">%s</row>' % (r, "".join(
        '<c r="%s%d" s="%d"><v>%d</v></c>' % ("ABCD"[c], r, rnd.randrange(3000000), r + c) for c in range(4)))
        for r in range(1, 40001))
    return write_workbook(os.path.join(folder, "styles_many_xfs.xlsx"), sheet(rows), styles=styles)


def numfmt_200k(folder):
    """A custom number format of 200,000 characters, used by one cell."""
    styles = ('<?xml version="1.0"?><styleSheet xmlns="%s"><numFmts><numFmt numFmtId="164" formatCode="%s"/>'
              '</numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>' % (MAIN, "g" * 200000))
    return write_workbook(os.path.join(folder, "numfmt_200k.xlsx"),
                          sheet('<row r="1"><c r="A1" s="1"><v>1</v></c></row>'), styles=styles)


def sheets_100k(folder):
    """A workbook of 100,000 sheets, each its own small part (two sheets may not share one)."""
    rows = ('<row r="1"><c r="A1" t="inlineStr"><is><t>事業名</t></is></c><c r="B1"><v>8016</v></c></row>')
    return write_workbook(os.path.join(folder, "sheets_100k.xlsx"), sheet(rows), sheets=100000,
                          parts=100000, level=1)


def records(projects):
    return {"format": "kpisheet-records", "version": 1,
            "municipality": {"name": "テスト市", "prefecture": "テスト県", "code": "352161"},
            "projects": projects}


def write_json(path, document):
    # dumps, not dump: only dumps runs in C
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(json.dumps(document, ensure_ascii=False))
    return path


def json_300k_projects(folder):
    """300,000 projects of one KPI each (~47 MB)."""
    projects = [{"no": i, "name": "P%d" % i, "years": [], "kpis": [
        {"no": 1, "name": "K", "unit": "件", "values": [{"fiscalYear": 2021, "target": 1, "actual": 2}]}]}
        for i in range(1, 300001)]
    return write_json(os.path.join(folder, "json_300k_projects.json"), records(projects))


def json_100mb_string(folder):
    """One project whose overview is a single 100 MB string."""
    project = {"no": 1, "name": "A", "overview": "あ" * (100_000_000 // 3), "years": [], "kpis": [
        {"no": 1, "name": "K", "unit": "件", "values": [{"fiscalYear": 2021, "target": 1, "actual": 2}]}]}
    return write_json(os.path.join(folder, "json_100mb_string.json"), records([project]))


def full_projects(count):
    """`count` projects as a department fills them in: 3 years with activities and costs,
    3 KPIs of 3 values each, and an evaluation."""
    rnd = random.Random(count)
    projects = []
    for i in range(1, count + 1):
        years = [{"fiscalYear": y, "activities": ["活動%d-%d" % (i, y)], "cost": {"value": rnd.randrange(1, 9999), "unit": "千円"}}
                 for y in (2021, 2022, 2023)]
        kpis = [{"no": k, "name": "指標%d-%d" % (i, k), "unit": "人", "baseline": 10, "values": [
            {"fiscalYear": y, "target": rnd.randrange(1, 500), "actual": rnd.randrange(1, 500)} for y in (2021, 2022, 2023)]}
            for k in range(1, 4)]
        projects.append({"no": i, "name": "事業%d" % i, "scope": "single", "department": "企画課",
                         "period": {"start": 2021, "end": 2023}, "overview": "概要" * 20, "years": years,
                         "kpis": kpis, "evaluation": {"fiscalYear": 2023, "effect": "effective",
                                                      "assessment": "評価", "policy": "continue"}})
    return projects


def projects_2000(folder):
    """2,000 full projects for convert."""
    return write_json(os.path.join(folder, "projects_2000.json"), records(full_projects(2000)))


def projects_2666(folder):
    """2,666 full projects: 7,998 charts and 23,994 データ rows, the most charts a report holds."""
    return write_json(os.path.join(folder, "projects_2666.json"), records(full_projects(2666)))


def projects_8000(folder):
    """8,000 full projects for convert."""
    return write_json(os.path.join(folder, "projects_8000.json"), records(full_projects(8000)))


# ---------------------------------------------------------------------------------------
# Cases: (name, generator, arguments, expected exit code, words its one error line holds)
# {input} and {output} stand for the input and an output path in the case's folder.
# ---------------------------------------------------------------------------------------

CASES = [
    ("merge_whole_sheet", merge_whole_sheet, ["cells", "{input}", "--fill-merged", "--format", "csv"], 65,
     "filling the merged ranges would make"),
    ("merges_identical", merges_identical, ["cells", "{input}", "--fill-merged"], 0, None),
    ("merges_8m", merges_8m, ["cells", "{input}", "--format", "json"], 0, None),
    ("merges_8m-extract", merges_8m, ["extract", "{input}", "-o", "{output}.json"], 65, "merged cells"),
    ("merges_5m", merges_5m, ["cells", "{input}", "--format", "json"], 65, "beyond XFD1048576"),
    ("sst_100m_empty", sst_100m_empty, ["cells", "{input}"], 65, "shared strings hold more than"),
    ("sheet_300mb", sheet_300mb, ["extract", "{input}", "-o", "{output}.json"], 65, "too many for a KPI sheet"),
    ("styles_many_xfs", styles_many_xfs, ["cells", "{input}"], 0, None),
    ("numfmt_200k", numfmt_200k, ["cells", "{input}"], 0, None),
    ("sheets_100k", sheets_100k, ["cells", "{input}", "--format", "json", "--max-archive-entries", "200000"], 0, None),
    ("sheets_100k-validate", sheets_100k, ["validate", "{input}", "--max-archive-entries", "200000"], 65, "no KPI table found"),
    ("json_300k_projects-extract", json_300k_projects, ["extract", "{input}", "-o", "{output}.json"], 0, None),
    ("json_300k_projects-convert", json_300k_projects,
     ["convert", "{input}", "-o", "{output}.xlsx", "--created", "2024-04-01T00:00:00Z"], 65,
     "more than Excel's 1048576"),
    ("json_300k_projects-validate", json_300k_projects, ["validate", "{input}"], 0, None),
    ("json_100mb_string-extract", json_100mb_string, ["extract", "{input}", "-o", "{output}.json"], 0, None),
    ("projects_2000-convert", projects_2000,
     ["convert", "{input}", "-o", "{output}.xlsx", "--created", "2024-04-01T00:00:00Z"], 0, None),
    ("projects_2666-convert", projects_2666,
     ["convert", "{input}", "-o", "{output}.xlsx", "--created", "2024-04-01T00:00:00Z"], 0, None),
    ("projects_8000-convert", projects_8000,
     ["convert", "{input}", "-o", "{output}.xlsx", "--created", "2024-04-01T00:00:00Z"], 65,
     "rows on データ"),
]


# Cases that still break a limit, with why: reported on every run, without failing it, until
# the cause is fixed (then the entry goes, and the case guards the fix).
KNOWN = {}


def run_case(binary, name, arguments, expected, words, input_path, folder):
    """Runs one case; returns (problems, figures)."""
    work = os.path.join(folder, name + ".run")
    os.makedirs(work)
    private_tmp = os.path.join(work, "tmp")
    os.makedirs(private_tmp)
    output = os.path.join(work, "out")
    args = [a.replace("{input}", input_path).replace("{output}", output) for a in arguments]
    timing = os.path.join(work, "time")
    stdout_path = os.path.join(work, "stdout")
    environment = dict(os.environ, TMPDIR=private_tmp, LANG="C", LC_ALL="C")
    started = time.monotonic()
    with open(stdout_path, "wb") as stdout:
        try:
            process = subprocess.run(
                ["/usr/bin/time", "-f", "%M %e", "-o", timing, binary] + args,
                stdout=stdout, stderr=subprocess.PIPE, env=environment, timeout=KILL_AFTER_S)
            code, stderr = process.returncode, process.stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired as expired:
            code, stderr = None, (expired.stderr or b"").decode("utf-8", "replace")
    elapsed = time.monotonic() - started
    problems = []
    peak_kb, seconds = None, elapsed
    try:
        fields = open(timing).read().split()
        peak_kb, seconds = int(fields[-2]), float(fields[-1])
    except (OSError, ValueError, IndexError):
        problems.append("no /usr/bin/time figures")
    if code is None:
        problems.append("killed after %d s" % KILL_AFTER_S)
    elif code != expected:
        problems.append("exit %d, expected %d" % (code, expected))
    if peak_kb is not None and peak_kb >= MEMORY_LIMIT_KB:
        problems.append("peak %d KB, limit %d KB" % (peak_kb, MEMORY_LIMIT_KB))
    if seconds >= TIME_LIMIT_S:
        problems.append("%.1f s, limit %.0f s" % (seconds, TIME_LIMIT_S))
    left = os.listdir(private_tmp)
    if left:
        problems.append("left in TMPDIR: %s" % ", ".join(sorted(left)[:5]))
    outputs = [f for f in os.listdir(work) if f.startswith("out")]
    lines = [line for line in stderr.splitlines() if line.strip()]
    if code not in (0, 1):
        if outputs:
            problems.append("failed run left %s" % ", ".join(outputs))
        if os.path.getsize(stdout_path) > 0:
            problems.append("failed run printed %d bytes" % os.path.getsize(stdout_path))
        base = os.path.basename(input_path)
        if len(lines) != 1 or base not in lines[0]:
            problems.append("error is not one line naming %s: %r" % (base, stderr[:300]))
        elif words and words not in lines[0]:
            problems.append("error does not say %r: %r" % (words, lines[0][:300]))
    elif code == 0 and "{output}" in " ".join(arguments) and not outputs:
        problems.append("no output written")
    shutil.rmtree(work, ignore_errors=True)
    first_line = lines[0][:160] if lines else ""
    return problems, (code, peak_kb, seconds, first_line)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary")
    parser.add_argument("--only", help="comma-separated case names (a case and its -suffixed runs)")
    parser.add_argument("--list", action="store_true", help="list the cases and exit")
    parser.add_argument("--keep", help="make the inputs in this folder and keep them")
    options = parser.parse_args()
    if options.list:
        for name, generator, arguments, expected, _ in CASES:
            print("%-30s exit %-3d kpisheet %s  # %s" % (name, expected, " ".join(arguments), generator.__doc__.split("\n")[0]))
        return 0
    binary = os.path.abspath(options.binary)
    chosen = set(options.only.split(",")) if options.only else None
    folder = options.keep or tempfile.mkdtemp(prefix="check-limits-")
    os.makedirs(folder, exist_ok=True)
    made = {}
    failures = 0
    started = time.monotonic()
    try:
        for name, generator, arguments, expected, words in CASES:
            if chosen and name not in chosen and name.split("-")[0] not in chosen:
                continue
            if generator not in made:
                for old in made.values():
                    if not options.keep:
                        os.remove(old)
                made.clear()
                made_at = time.monotonic()
                kept = [f for f in os.listdir(folder) if f.split(".")[0] == generator.__name__]
                if options.keep and kept:
                    made[generator] = os.path.join(folder, kept[0])
                else:
                    made[generator] = generator(folder)
                print("  input %s (%.1f MB) in %.1f s" % (os.path.basename(made[generator]),
                      os.path.getsize(made[generator]) / 1e6, time.monotonic() - made_at), flush=True)
            problems, (code, peak_kb, seconds, line) = run_case(
                binary, name, arguments, expected, words, made[generator], folder)
            peak = "%d KB" % peak_kb if peak_kb is not None else "?"
            known = KNOWN.get(name) if problems else None
            status = "KNOWN" if known else "FAIL" if problems else "ok"
            print("%-5s %-30s exit %s  %10s  %6.1f s  %s" % (status, name, code, peak, seconds, line), flush=True)
            for problem in problems + (["known: " + known] if known else []):
                print("        - %s" % problem, flush=True)
            failures += bool(problems) and not known
    finally:
        if not options.keep:
            shutil.rmtree(folder, ignore_errors=True)
    print("check-limits: %d case(s) broke a limit; %.0f s in all" % (failures, time.monotonic() - started))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
