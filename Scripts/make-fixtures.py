#!/usr/bin/env python3
"""Generate the XLSX reader's test fixtures: workbooks written by third-party tools, hand-built
workbooks for quirks no writer produces, and a corpus of damaged and hostile files.

Usage:  python3 Scripts/make-fixtures.py [--skip-libreoffice] [--skip-bombs]

Writes into Tests/XLSXReaderTests/Fixtures/ (good files), .../Fixtures/bad/ (bad files) and
regenerates .../Fixtures/MANIFEST.md. Deterministic and idempotent: zip timestamps are fixed at
1980-01-01, document properties carry fixed dates, random bytes come from seeded generators, so
running it twice leaves `git status` clean (LibreOffice output is normalised the same way: only
zip timestamps and the created/modified dates in docProps/meta are rewritten, never sheet parts).

Tools: python3 >= 3.11; pip packages pinned in Scripts/fixture-requirements.txt (openpyxl,
XlsxWriter, msoffcrypto-tool, xlwt); LibreOffice (`soffice`) for the files marked [LO].

Good fixtures (Fixtures/):
  openpyxl-basic.xlsx       [openpyxl]   visible/hidden/veryHidden sheets, merges (horizontal and
                                          vertical), strings, ints, decimals, negatives, booleans,
                                          error cells (t="e"), number formats (人, %, 千円, ▲, ¥, @),
                                          dates/date-times/times incl. a Japanese era format,
                                          rich text, line breaks. openpyxl 3.1 writes inline strings.
  xlsxwriter-basic.xlsx     [XlsxWriter] shared strings, rich strings, formulas with cached number,
                                          string, boolean and error results, merges, era dates,
                                          hidden and veryHidden sheets, booleans, a stale formula.
  xlsxwriter-1904.xlsx      [XlsxWriter] the 1904 date system (date1904="1").
  xlsxwriter-inline.xlsx    [XlsxWriter] constant_memory mode: inline strings (t="inlineStr").
  xlsxwriter-wide.xlsx      [XlsxWriter] columns AA/AZ/BA/ZZ/XFD, rows 1001 and 1048576.
  libreoffice-resaved.xlsx  [LO]         openpyxl-basic.xlsx opened and re-saved by LibreOffice.
  libreoffice-formulas.xlsx [LO]         formulas whose cached values LibreOffice computed
                                          (filled-down column, =1/0, string and boolean results).
  raw-furigana.xlsx         [zipfile]    <rPh>/<phoneticPr> in plain, rich and inline strings.
  raw-quirks.xlsx           [zipfile]    cells/rows without r, wrong/missing <dimension>, shared
                                          formula, _x000D_ escapes, built-in numFmt IDs with no
                                          <numFmt>, t="d"/"str"/"e"/"b", parts at odd paths
                                          (absolute and relative targets), sheet order != file order.
  raw-quirks-std-paths.xlsx [zipfile]   the same cells at the standard paths (python-calamine cannot
                                          open raw-quirks.xlsx: it hard-codes xl/workbook.xml).
  raw-strict.xlsx           [zipfile]    Strict OOXML namespaces and relationship types.

Bad corpus (Fixtures/bad/), see MANIFEST.md for the expected behaviour of each:
  empty, not-a-zip, truncated, csv-renamed, text-renamed, encrypted [msoffcrypto-tool],
  legacy.xls + legacy-renamed [xlwt], ods-renamed [LO], numbers-renamed, missing-workbook,
  missing-sheet, missing-rels, malformed-sheet, malformed-sst, invalid-utf8, doctype-xxe,
  billion-laughs, doctype-plain, sst-bomb (1 GiB inflated), sheet-bomb (2 GiB + 4 MiB inflated),
  sst-index-out-of-range, sst-index-negative, cell-ref-out-of-range, row-out-of-range,
  bad-cell-ref, number-not-a-number, zip-path-traversal, duplicate-entries, encrypted-zip-entry,
  deep-nesting, rels-cycle, sheet-crc-mismatch; hostile-* (red-team round: foreign-namespace
  attributes, bzip2, external sheet, lax values, merges, shared-string offsets, a 200k format).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import warnings
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "Tests" / "XLSXReaderTests" / "Fixtures"
BAD = FIX / "bad"
ZIP_DT = (1980, 1, 1, 0, 0, 0)
DOC_DT = dt.datetime(2021, 4, 1, 9, 0, 0)
DOC_DT_ISO = "2021-04-01T09:00:00Z"

# MANIFEST rows: (section, name, writer, covers, facts)
MANIFEST: list[tuple[str, str, str, str, str]] = []


def note(section: str, name: str, writer: str, covers: str, facts: str) -> None:
    MANIFEST.append((section, name, writer, covers, facts))


def pkg_version(dist: str) -> str:
    from importlib.metadata import version
    return version(dist)


def log(msg: str) -> None:
    print(msg, file=sys.stderr)


# --------------------------------------------------------------------------------------------
# Serial numbers and expected values
# --------------------------------------------------------------------------------------------

def serial1900(d: dt.date | dt.datetime) -> float:
    """Excel 1900-system serial (valid for dates after 1900-03-01)."""
    if isinstance(d, dt.datetime):
        base = dt.datetime(1899, 12, 30)
        delta = d - base
        return delta.days + delta.seconds / 86400
    return (d - dt.date(1899, 12, 30)).days


def fmt_num(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return repr(v)


def q(s: str) -> str:
    """Quote a string fact for the MANIFEST (JSON-ish, escapes visible)."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'


# --------------------------------------------------------------------------------------------
# Zip helpers
# --------------------------------------------------------------------------------------------

def write_zip(path: Path, entries, compression=zipfile.ZIP_DEFLATED, level: int | None = None) -> None:
    """entries: iterable of (name, bytes|str). Fixed timestamps, given order; `level` is the
    deflate level (None: zlib's default)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are intentional in one bad file
        with zipfile.ZipFile(path, "w", compression) as z:
            for name, data in entries:
                zi = zipfile.ZipInfo(name, ZIP_DT)
                zi.compress_type = compression
                zi.external_attr = 0o644 << 16
                z.writestr(zi, data.encode("utf-8") if isinstance(data, str) else data, compresslevel=level)


_XMLNS_RE = re.compile(rb'\s+xmlns:[A-Za-z0-9_.-]+="[^"]*"')


def sort_root_xmlns(data: bytes) -> bytes:
    """Sort the namespace declarations of the root element (their order carries no meaning;
    LibreOffice's ODS export emits them in hash order, which changes from run to run)."""
    m = re.search(rb"<(?![?!])[^>]*>", data)
    if not m:
        return data
    tag = m.group(0)
    decls = _XMLNS_RE.findall(tag)
    if not decls:
        return data
    rest = _XMLNS_RE.sub(b"", tag)
    end = b"/>" if rest.endswith(b"/>") else b">"
    rest = rest[: -len(end)]
    name, _, attrs = rest.partition(b" ")
    new = name + b"".join(b" " + d.strip() for d in sorted(decls)) + (b" " + attrs if attrs else b"") + end
    return data[: m.start()] + new + data[m.end():]


def normalize_zip(path: Path, rewrite_dates_in=(), sort_xmlns=False) -> None:
    """Rewrite a zip made by another tool with fixed timestamps, keeping entry order,
    compression methods and contents, except that ISO dates in the named parts (document
    properties only) become DOC_DT, and (sort_xmlns, for LibreOffice's ODS) the root
    element's namespace declarations are sorted."""
    with zipfile.ZipFile(path) as z:
        items = [(zi, z.read(zi.filename)) for zi in z.infolist()]
    tmp = path.with_suffix(path.suffix + ".tmp")
    with zipfile.ZipFile(tmp, "w") as out:
        for zi, data in items:
            if zi.filename in rewrite_dates_in:
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?", DOC_DT_ISO.encode(), data)
                data = re.sub(rb"<meta:editing-duration>[^<]*</meta:editing-duration>",
                              b"<meta:editing-duration>PT0S</meta:editing-duration>", data)
                data = re.sub(rb"<TotalTime>[^<]*</TotalTime>", b"<TotalTime>0</TotalTime>", data)
            if sort_xmlns and zi.filename.endswith(".xml"):
                data = sort_root_xmlns(data)
            nz = zipfile.ZipInfo(zi.filename, ZIP_DT)
            nz.compress_type = zi.compress_type
            nz.external_attr = 0o644 << 16
            out.writestr(nz, data)
    tmp.replace(path)


# --------------------------------------------------------------------------------------------
# Raw SpreadsheetML builder
# --------------------------------------------------------------------------------------------

TRANSITIONAL = {
    "main": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rt": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
}
STRICT = {
    "main": "http://purl.oclc.org/ooxml/spreadsheetml/main",
    "r": "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "rt": "http://purl.oclc.org/ooxml/officeDocument/relationships/",
}
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
CT = {
    "workbook": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "worksheet": "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
    "sharedStrings": "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
    "styles": "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
}
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def rels_xml(rels) -> str:
    """rels: list of (id, type_url, target)."""
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{esc(tg)}"/>' for i, t, tg in rels)
    return f'{XML_DECL}<Relationships xmlns="{PKG_RELS}">{body}</Relationships>'


def content_types_xml(overrides) -> str:
    """overrides: list of (part_name_without_leading_slash, kind)."""
    body = ('<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>')
    body += "".join(f'<Override PartName="/{p}" ContentType="{CT[k]}"/>' for p, k in overrides)
    return f'{XML_DECL}<Types xmlns="{CT_NS}">{body}</Types>'


def sst_xml(items, ns=TRANSITIONAL) -> str:
    """items: list of plain strings (escaped here) or raw '<si>..</si>' XML (starting with '<si')."""
    parts = []
    for it in items:
        if it.startswith("<si"):
            parts.append(it)
        else:
            sp = ' xml:space="preserve"' if it != it.strip() else ""
            parts.append(f"<si><t{sp}>{esc(it)}</t></si>")
    n = len(items)
    return f'{XML_DECL}<sst xmlns="{ns["main"]}" count="{n}" uniqueCount="{n}">{"".join(parts)}</sst>'


def styles_xml(numfmts=(), xf_fmt_ids=(0,), ns=TRANSITIONAL) -> str:
    """numfmts: list of (id, code) custom formats; xf_fmt_ids: numFmtId of each cellXfs entry
    (index = the cell's s attribute)."""
    nf = ""
    if numfmts:
        nf = f'<numFmts count="{len(numfmts)}">' + "".join(
            f'<numFmt numFmtId="{i}" formatCode="{esc(c)}"/>' for i, c in numfmts) + "</numFmts>"
    xfs = "".join(
        f'<xf numFmtId="{i}" fontId="0" fillId="0" borderId="0" xfId="0"'
        + (' applyNumberFormat="1"' if i else "") + "/>" for i in xf_fmt_ids)
    return (f'{XML_DECL}<styleSheet xmlns="{ns["main"]}">{nf}'
            '<fonts count="2"><font><sz val="11"/><name val="游ゴシック"/><family val="2"/><charset val="128"/></font>'
            '<font><sz val="6"/><name val="游ゴシック"/><family val="3"/><charset val="128"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(xf_fmt_ids)}">{xfs}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="標準" xfId="0" builtinId="0"/></cellStyles>'
            '</styleSheet>')


def sheet_xml(body: str, dimension: str | None = None, ns=TRANSITIONAL, after: str = "",
              prolog: str = XML_DECL) -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (f'{prolog}<worksheet xmlns="{ns["main"]}" xmlns:r="{ns["r"]}">{dim}'
            f"<sheetData>{body}</sheetData>{after}</worksheet>")


def raw_package(sheets, sst=None, styles=None, *, ns=TRANSITIONAL, wb_part="xl/workbook.xml",
                workbook_pr="", workbook_attrs="", omit=(), sst_target="sharedStrings.xml",
                styles_target="styles.xml"):
    """Build the entries of a minimal workbook.

    sheets: list of dicts with keys name, target (as written in the rels, relative to the
    workbook's folder or absolute), part (the zip path it resolves to), xml (str/bytes or None to
    leave the part out), state (optional), rid (optional), sheet_id (optional).
    Returns a list of (zip name, data)."""
    wb_dir = os.path.dirname(wb_part)
    wb_rels_part = f"{wb_dir}/_rels/{os.path.basename(wb_part)}.rels"
    rt = ns["rt"]
    wb_rels, sheet_elems, overrides = [], [], [(wb_part, "workbook")]
    for n, s in enumerate(sheets, 1):
        rid = s.get("rid", f"rId{n}")
        wb_rels.append((rid, rt + "worksheet", s["target"]))
        state = f' state="{s["state"]}"' if s.get("state") else ""
        sheet_elems.append(f'<sheet name="{esc(s["name"])}" sheetId="{s.get("sheet_id", n)}"{state} r:id="{rid}"/>')
        overrides.append((s["part"], "worksheet"))
    k = len(sheets)
    if styles is not None:
        k += 1
        wb_rels.append((f"rId{k}", rt + "styles", styles_target))
        overrides.append((os.path.normpath(f"{wb_dir}/{styles_target}"), "styles"))
    if sst is not None:
        k += 1
        wb_rels.append((f"rId{k}", rt + "sharedStrings", sst_target))
        overrides.append((os.path.normpath(f"{wb_dir}/{sst_target}"), "sharedStrings"))
    workbook = (f'{XML_DECL}<workbook xmlns="{ns["main"]}" xmlns:r="{ns["r"]}"{workbook_attrs}>'
                f'{workbook_pr}<bookViews><workbookView/></bookViews>'
                f'<sheets>{"".join(sheet_elems)}</sheets></workbook>')
    entries = [
        ("[Content_Types].xml", content_types_xml(overrides)),
        ("_rels/.rels", rels_xml([("rId1", rt + "officeDocument", wb_part)])),
        (wb_part, workbook),
        (wb_rels_part, rels_xml(wb_rels)),
    ]
    if styles is not None:
        entries.append((os.path.normpath(f"{wb_dir}/{styles_target}"), styles))
    if sst is not None:
        entries.append((os.path.normpath(f"{wb_dir}/{sst_target}"), sst))
    for s in sheets:
        if s.get("xml") is not None:
            entries.append((s["part"], s["xml"]))
    return [(n, d) for n, d in entries if n not in omit]


def write_zip_patching(path: Path, entries, part: str, offsets, fmt: str, change) -> None:
    """Writes `entries` as a zip at `path`, then rewrites one field of `part`'s headers with
    `change`: the field at offsets[0] of its local header and offsets[1] of its central-directory
    entry (from each header's signature), packed as `fmt`. Both must be found."""
    tmp = path.with_suffix(".tmp")
    write_zip(tmp, entries)
    raw = bytearray(tmp.read_bytes())
    tmp.unlink()
    target = part.encode()
    patched = 0
    headers = ((b"PK\x03\x04", offsets[0], 26, 30), (b"PK\x01\x02", offsets[1], 28, 46))
    for sig, field_off, name_len_off, name_off in headers:
        i = raw.find(sig)
        while i != -1:
            ln = struct.unpack_from("<H", raw, i + name_len_off)[0]
            if bytes(raw[i + name_off: i + name_off + ln]) == target:
                value = struct.unpack_from(fmt, raw, i + field_off)[0]
                struct.pack_into(fmt, raw, i + field_off, change(value))
                patched += 1
            i = raw.find(sig, i + 4)
    assert patched == 2, patched
    path.write_bytes(bytes(raw))


def simple_book(sheet_body: str, strings=(), *, sheet_name="KPI", dimension=None, sheet_bytes=None,
                sst_bytes=None, omit=(), extra_sheets=()):
    """One-sheet workbook at the standard paths, for the bad corpus."""
    xml = sheet_bytes if sheet_bytes is not None else sheet_xml(sheet_body, dimension)
    sheets = [dict(name=sheet_name, target="worksheets/sheet1.xml", part="xl/worksheets/sheet1.xml", xml=xml)]
    sheets += list(extra_sheets)
    sst = sst_bytes if sst_bytes is not None else sst_xml(list(strings))
    return raw_package(sheets, sst, styles_xml(), omit=omit)


# --------------------------------------------------------------------------------------------
# Good fixtures: openpyxl
# --------------------------------------------------------------------------------------------

def make_openpyxl_basic(path: Path) -> None:
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.styles import Alignment

    wb = openpyxl.Workbook()
    wb.properties.created = DOC_DT
    wb.properties.modified = DOC_DT
    wb.properties.creator = "kpisheet fixtures"
    wb.properties.lastModifiedBy = "kpisheet fixtures"
    ws = wb.active
    ws.title = "KPI"

    # (ref, value, expected type, expected JSON value, number format or None)
    cells = [
        ("B3", "●単市で実施事業", "string", "●単市で実施事業", None),
        ("B4", "事業名", "string", "事業名", None),
        ("C4", "KPI", "string", "KPI", None),
        ("D4", "実績値", "string", "実績値", None),
        ("E4", "達成率", "string", "達成率", None),
        ("F4", "目標年月", "string", "目標年月", None),
        ("B5", "ガラス産業振興事業", "string", "ガラス産業振興事業", None),
        ("C5", "ブランド化したガラス商品数", "string", "ブランド化したガラス商品数", None),
        ("D5", 5, "number", 5, '#,##0"個"'),
        ("E5", 0.054, "number", 0.054, "0.0%"),
        ("F5", dt.date(2016, 3, 31), "date", "2016-03-31", "yyyy/m/d"),
        ("C6", "観光客数", "string", "観光客数", None),
        ("D6", 8016, "number", 8016, '#,##0"人"'),
        ("E6", 1.25, "number", 1.25, "0.0%"),
        ("F6", dt.date(2020, 4, 1), "date", "2020-04-01", '[$-411]ggge"年"m"月"'),
        ("C7", "事業費", "string", "事業費", None),
        ("D7", 12345678, "number", 12345678, '#,##0,"千円"'),
        ("E7", -1500, "number", -1500, '#,##0;"▲"#,##0'),
        ("F7", 5000, "number", 5000, "[$¥-411]#,##0"),
        ("B8", "令和2年度\n実績", "string", "令和2年度\n実績", None),
        ("D8", -3.25, "number", -3.25, None),
        ("E8", 1234567.891, "number", 1234567.891, None),
        ("F8", True, "boolean", True, None),
        ("G8", False, "boolean", False, None),
        ("B9", "#DIV/0!", "error", "#DIV/0!", None),
        ("C9", "#N/A", "error", "#N/A", None),
        ("B10", "00123", "string", "00123", "@"),
        ("C10", 42, "number", 42, "@"),
        ("B11", dt.datetime(2021, 3, 31, 9, 30, 0), "date", "2021-03-31T09:30:00", "yyyy-mm-dd hh:mm:ss"),
        ("C11", dt.time(9, 30, 15), "date", "09:30:15", "h:mm:ss"),
        ("B12", "  前後に空白  ", "string", "  前後に空白  ", None),
        ("C12", '記号 <&> "引用"', "string", '記号 <&> "引用"', None),
        ("D13", "合計", "string", "合計", None),
    ]
    for ref, value, _t, _v, fmt in cells:
        ws[ref] = value
        if fmt:
            ws[ref].number_format = fmt
    ws["B8"].alignment = Alignment(wrap_text=True)
    ws["C8"] = CellRichText([TextBlock(InlineFont(b=True, color="FFFF0000"), "山陽"), "小野田市"])
    cells.insert(cells.index(next(c for c in cells if c[0] == "D8")),
                 ("C8", None, "string", "山陽小野田市", None))
    for rng in ("B3:J3", "B5:B7", "D13:E14"):
        ws.merge_cells(rng)

    memo = wb.create_sheet("メモ")
    memo["A1"] = "メモ"
    memo["A2"] = "非表示シートの文字列"
    memo.sheet_state = "hidden"
    vh = wb.create_sheet("非表示2")
    vh["A1"] = "非表示2"
    vh["B2"] = 99
    vh.sheet_state = "veryHidden"
    wb.save(path)
    normalize_zip(path, rewrite_dates_in=("docProps/core.xml",))  # openpyxl stamps "modified" with now()

    facts = []
    for ref, _value, t, v, fmt in cells:
        val = q(v) if isinstance(v, str) else fmt_num(v)
        facts.append(f"{ref} {t} {val}" + (f" fmt={fmt}" if fmt else ""))
    note("good", path.name, "openpyxl " + openpyxl.__version__,
         "sheet order KPI, メモ (hidden), 非表示2 (veryHidden); merges B3:J3, B5:B7 (vertical), D13:E14; "
         "openpyxl writes every string as an inline string (t=\"inlineStr\"; no sharedStrings.xml), "
         "C8 is a rich inline string with two runs, errors as t=\"e\", dates as serials with the given formats; "
         "no formulas (openpyxl cannot write cached values)",
         "KPI: " + " · ".join(facts) + " · nothing else on KPI (C3..J3, B6, B7, E13, D14, E14 are merge "
         "covers and empty) · メモ: hidden, A1 string \"メモ\", A2 string \"非表示シートの文字列\" · "
         "非表示2: hidden (veryHidden), A1 string \"非表示2\", B2 number 99")


# --------------------------------------------------------------------------------------------
# Good fixtures: XlsxWriter
# --------------------------------------------------------------------------------------------

def xw_workbook(path: Path, options=None):
    import xlsxwriter
    wb = xlsxwriter.Workbook(str(path), options or {})
    wb.set_properties({"created": DOC_DT, "author": "kpisheet fixtures"})
    return wb


def make_xlsxwriter_basic(path: Path) -> None:
    import xlsxwriter
    wb = xw_workbook(path)
    ws = wb.add_worksheet("KPI")
    title = wb.add_format({"bold": True, "align": "center"})
    bold = wb.add_format({"bold": True})
    red = wb.add_format({"color": "red"})
    ko = wb.add_format({"num_format": '#,##0"個"'})
    nin = wb.add_format({"num_format": '#,##0"人"'})
    pct = wb.add_format({"num_format": "0.0%"})
    tri = wb.add_format({"num_format": '#,##0;"▲"#,##0'})
    era = wb.add_format({"num_format": '[$-411]ggge"年"m"月"d"日"'})
    ymd = wb.add_format({"num_format": "yyyy/m/d"})
    ymdhm = wb.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    hms = wb.add_format({"num_format": "hh:mm:ss"})
    text = wb.add_format({"num_format": "@"})
    vmerge = wb.add_format({"valign": "vcenter"})

    ws.merge_range("A1:F1", "令和2年度 KPI実績", title)
    for col, h in enumerate(["事業名", "目標値", "実績値", "達成率", "目標年月", "達成"]):
        ws.write_string(1, col, h)
    ws.write_rich_string("A3", bold, "ガラス", red, "商品", "数")
    ws.write_number("B3", 5, ko)
    ws.write_number("C3", 8, ko)
    ws.write_formula("D3", "=C3/B3", pct, 1.6)
    ws.write_datetime("E3", dt.datetime(2016, 3, 31), era)
    ws.write_formula("F3", "=C3>=B3", None, True)
    ws.write_string("A4", "観光客数")
    ws.write_number("B4", 8000, nin)
    ws.write_number("C4", 8016, nin)
    ws.write_formula("D4", "=C4/B4", pct, 1.002)
    ws.write_datetime("E4", dt.datetime(2021, 3, 31), ymd)
    ws.write_formula("F4", '=IF(C4>=B4,"達成","未達")', None, "達成")
    ws.write_string("A5", "事業費")
    ws.write_number("B5", 0)
    ws.write_number("C5", -1500, tri)
    ws.write_formula("D5", "=C5/B5", pct, "#DIV/0!")
    ws.write_datetime("E5", dt.datetime(2021, 3, 31, 9, 30), ymdhm)
    ws.write_boolean("F5", False)
    ws.merge_range("A6:A7", "合計", vmerge)
    ws.write_formula("C6", "=SUM(C3:C5)", None, 6524)
    ws.write_formula("G3", "=B3*2")  # no value given: XlsxWriter stores a stale cached 0
    ws.write_string("A8", "001", text)
    ws.write_datetime("B8", dt.datetime(1899, 12, 31, 9, 30, 15), hms)  # time only -> serial < 1
    ws.write_blank("C8", None, bold)  # formatted blank: must not appear
    ws.write_string("D8", "  空白付き  ")
    ws.write_string("E8", "1行目\n2行目")

    hid = wb.add_worksheet("隠し")
    hid.write_string("A1", "非表示シート")
    hid.hide()
    vh = wb.add_worksheet("とても隠し")
    vh.write_number("A1", 1)
    vh.very_hidden()
    wb.close()

    facts = [
        'A1 string "令和2年度 KPI実績"', 'A2 string "事業名"', 'B2 string "目標値"', 'C2 string "実績値"',
        'D2 string "達成率"', 'E2 string "目標年月"', 'F2 string "達成"',
        'A3 string "ガラス商品数" (rich, 3 runs)', 'B3 number 5 fmt=#,##0"個"', 'C3 number 8 fmt=#,##0"個"',
        'D3 number 1.6 fmt=0.0% formula=C3/B3', 'E3 date "2016-03-31" fmt=[$-411]ggge"年"m"月"d"日"',
        'F3 boolean true formula=C3>=B3', 'G3 number 0 formula=B3*2 (stale cached 0 written by XlsxWriter)',
        'A4 string "観光客数"', 'B4 number 8000 fmt=#,##0"人"', 'C4 number 8016 fmt=#,##0"人"',
        'D4 number 1.002 fmt=0.0% formula=C4/B4', 'E4 date "2021-03-31" fmt=yyyy/m/d',
        'F4 string "達成" formula=IF(C4>=B4,"達成","未達") (t="str")',
        'A5 string "事業費"', 'B5 number 0', 'C5 number -1500 fmt=#,##0;"▲"#,##0',
        'D5 error "#DIV/0!" fmt=0.0% formula=C5/B5', 'E5 date "2021-03-31T09:30:00" fmt=yyyy-mm-dd hh:mm',
        'F5 boolean false', 'A6 string "合計"', 'C6 number 6524 formula=SUM(C3:C5)',
        'A8 string "001" fmt=@', 'B8 date "09:30:15" fmt=hh:mm:ss', 'C8 absent (formatted blank)',
        'D8 string "  空白付き  "', 'E8 string "1行目\\n2行目"',
    ]
    note("good", path.name, "XlsxWriter " + xlsxwriter.__version__,
         "shared strings (t=\"s\") incl. a rich string; formulas with cached values: number, t=\"b\", t=\"str\", "
         "t=\"e\"; merges A1:F1 and A6:A7 (vertical); sheets KPI, 隠し (hidden), とても隠し (veryHidden); "
         "formulas are stored without the leading '='",
         "KPI: " + " · ".join(facts) + " · merged [A1:F1, A6:A7] · 隠し: hidden, A1 string \"非表示シート\" · "
         "とても隠し: hidden (veryHidden), A1 number 1")


def make_xlsxwriter_1904(path: Path) -> None:
    import xlsxwriter
    wb = xw_workbook(path, {"date_1904": True})
    ws = wb.add_worksheet("1904")
    ymd = wb.add_format({"num_format": "yyyy/m/d"})
    era = wb.add_format({"num_format": '[$-411]ggge"年"m"月"'})
    ts = wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    ws.write_string("A1", "日付(1904年起算)")
    ws.write_string("B1", "数値")
    rows = [
        (dt.datetime(2016, 3, 31), ymd, "2016-03-31", 42),
        (dt.datetime(2020, 4, 1), era, "2020-04-01", 1.5),
        (dt.datetime(1904, 1, 2), ymd, "1904-01-02", -7),
        (dt.datetime(1904, 1, 1), ymd, "1904-01-01", 0.054),
        (dt.datetime(2021, 3, 31, 9, 30, 0), ts, "2021-03-31T09:30:00", 8016),
    ]
    facts = ['A1 string "日付(1904年起算)"', 'B1 string "数値"']
    for i, (d, f, iso, num) in enumerate(rows, start=2):
        ws.write_datetime(f"A{i}", d, f)
        ws.write_number(f"B{i}", num)
        serial = (d - dt.datetime(1904, 1, 1)).total_seconds() / 86400
        facts.append(f"A{i} date {q(iso)} (stored serial {fmt_num(serial)}) fmt={f.num_format}")
        facts.append(f"B{i} number {fmt_num(num)}")
    wb.close()
    note("good", path.name, "XlsxWriter " + xlsxwriter.__version__,
         "<workbookPr date1904=\"1\"/>: serials count from 1904-01-01 (serial 0); reading them as 1900 serials "
         "gives dates 1462 days early",
         "1904: " + " · ".join(facts))


def make_xlsxwriter_inline(path: Path) -> None:
    import xlsxwriter
    wb = xw_workbook(path, {"constant_memory": True})
    ws = wb.add_worksheet("インライン")
    nin = wb.add_format({"num_format": '#,##0"人"'})
    rows = [
        ("事業名", "実績値", None),
        ("観光客数", 8016, nin),
        ("ブランド化したガラス商品数", 5, None),
        ("  前後空白  ", -2.5, None),
        ("令和2年度\n実績", 0, None),
    ]
    facts = []
    for r, (a, b, f) in enumerate(rows, start=1):
        ws.write_string(r - 1, 0, a)
        if isinstance(b, str):
            ws.write_string(r - 1, 1, b)
            facts += [f"A{r} string {q(a)}", f"B{r} string {q(b)}"]
        else:
            ws.write_number(r - 1, 1, b, f)
            facts += [f"A{r} string {q(a)}", f"B{r} number {fmt_num(b)}" + (f" fmt={f.num_format}" if f else "")]
    wb.close()
    note("good", path.name, "XlsxWriter " + xlsxwriter.__version__ + " (constant_memory)",
         "every string is an inline string <c t=\"inlineStr\"><is><t>..</t></is></c>; no sharedStrings.xml part",
         "インライン: " + " · ".join(facts))


def make_xlsxwriter_wide(path: Path) -> None:
    import xlsxwriter
    wb = xw_workbook(path)
    ws = wb.add_worksheet("列")
    cols = {"A1": "A列", "Z1": "Z列", "AA1": "AA列", "AZ1": "AZ列", "BA1": "BA列", "ZZ1": "ZZ列",
            "AAA1": "AAA列", "XFD1": "XFD列(最終列)"}
    for ref, v in cols.items():
        ws.write_string(ref, v)
    ws.write_number("A1001", 1001)
    ws.write_number("AB1001", 28)
    ws2 = wb.add_worksheet("行")
    ws2.write_string("A1", "先頭")
    ws2.write_string("A1048576", "最終行")
    wb.close()
    facts = [f"{r} string {q(v)}" for r, v in cols.items()] + ["A1001 number 1001", "AB1001 number 28"]
    note("good", path.name, "XlsxWriter " + xlsxwriter.__version__,
         "column letters past Z (AA=27, AZ=52, BA=53, ZZ=702, AAA=703, XFD=16384) and the last row 1048576",
         "列: " + " · ".join(facts) + ' · 行: A1 string "先頭", A1048576 string "最終行"')


# --------------------------------------------------------------------------------------------
# Good fixtures: LibreOffice
# --------------------------------------------------------------------------------------------

def soffice_convert(src: Path, fmt: str, workdir: Path) -> Path:
    """Convert src with LibreOffice; returns the output path (in workdir/out)."""
    outdir = workdir / "out"
    outdir.mkdir(exist_ok=True)
    profile = workdir / "profile"
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
           "--convert-to", fmt, "--outdir", str(outdir), str(src)]
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=180)
    out = outdir / (src.stem + "." + fmt.split(":")[0])
    if not out.exists():
        raise RuntimeError(f"soffice failed for {src.name}: {res.stdout!r} {res.stderr!r}")
    return out


def describe_with_openpyxl(path: Path) -> str:
    """Facts read back from a LibreOffice-written file: each non-empty cell with its type, value and
    number format as openpyxl sees them, and whether it has a formula (cached value from a
    second load with data_only=True)."""
    import openpyxl
    wf = openpyxl.load_workbook(path)               # formulas
    wv = openpyxl.load_workbook(path, data_only=True)  # cached values
    out = []
    for ws in wv.worksheets:
        cells = []
        for row in ws.iter_rows():
            for c in row:
                if c.value is None or c.value == "":
                    continue
                f = wf[ws.title][c.coordinate].value
                v = c.value
                if isinstance(v, bool):
                    t, val = "boolean", fmt_num(v)
                elif isinstance(v, (int, float)):
                    t, val = "number", fmt_num(v)
                elif isinstance(v, dt.datetime):
                    t = "date"
                    val = q(v.date().isoformat() if v.time() == dt.time(0) else v.isoformat(timespec="seconds"))
                elif isinstance(v, dt.time):
                    t, val = "date", q(v.isoformat(timespec="seconds"))
                elif isinstance(v, str) and c.data_type == "e":
                    t, val = "error", q(v)
                else:
                    t, val = "string", q(str(v))
                s = f"{c.coordinate} {t} {val}"
                if c.number_format and c.number_format != "General":
                    s += f" fmt={c.number_format}"
                if isinstance(f, str) and f.startswith("="):
                    s += f" formula={f[1:]}"
                cells.append(s)
        state = {"visible": "", "hidden": " (hidden)", "veryHidden": " (hidden, veryHidden)"}[ws.sheet_state]
        merged = ", ".join(str(m) for m in ws.merged_cells.ranges)
        out.append(f"{ws.title}{state}: " + " · ".join(cells) + (f" · merged [{merged}]" if merged else ""))
    return " ‖ ".join(out)


def make_libreoffice(good_src: Path, tmp: Path) -> None:
    # 1. Re-save openpyxl-basic.xlsx (under another name: soffice writes <stem>.xlsx to --outdir).
    src = tmp / "lo-resave-input.xlsx"
    shutil.copy(good_src, src)
    out = soffice_convert(src, "xlsx", tmp)
    dest = FIX / "libreoffice-resaved.xlsx"
    shutil.move(out, dest)
    normalize_zip(dest, rewrite_dates_in=("docProps/core.xml", "docProps/app.xml"))

    # 2. Formulas computed by LibreOffice.
    import openpyxl
    wb = openpyxl.Workbook()
    wb.properties.created = DOC_DT
    wb.properties.modified = DOC_DT
    ws = wb.active
    ws.title = "計算"
    ws["A1"], ws["B1"], ws["C1"], ws["D1"], ws["E1"] = "実績", "2倍", "除算", "文字列", "判定"
    for r in range(2, 12):
        ws[f"A{r}"] = r * 100 + 16
        ws[f"B{r}"] = f"=A{r}*2"
    ws["C2"] = "=1/0"
    ws["D2"] = '="観光客数"&TEXT(A2,"#,##0")&"人"'
    ws["E2"] = "=A2>1000"
    ws["E3"] = "=A3<1000"
    ws["F2"] = "=DATE(2020,4,1)"
    ws["F2"].number_format = "yyyy/m/d"
    ws["A12"] = "合計"
    ws["B12"] = "=SUM(B2:B11)"
    src = tmp / "lo-formulas-input.xlsx"
    wb.save(src)
    out = soffice_convert(src, "xlsx", tmp)
    dest = FIX / "libreoffice-formulas.xlsx"
    shutil.move(out, dest)
    normalize_zip(dest, rewrite_dates_in=("docProps/core.xml", "docProps/app.xml"))


def describe_libreoffice() -> None:
    import openpyxl  # noqa: F401
    p = FIX / "libreoffice-resaved.xlsx"
    if p.exists():
        note("good", p.name, "LibreOffice " + soffice_version() + " (from openpyxl-basic.xlsx)",
             "LibreOffice's own writer: shared strings, explicit t=\"n\"; booleans and errors re-saved as FORMULAS "
             "(<f>TRUE()</f>, <f>#DIV/0!</f>) with cached values; number formats rewritten (backslash escapes, "
             "[$-1030411] calendar-qualified locale for the era format; facts show the codes as stored); merges "
             "kept; veryHidden becomes plain hidden",
             describe_with_openpyxl(p))
    p = FIX / "libreoffice-formulas.xlsx"
    if p.exists():
        with zipfile.ZipFile(p) as z:
            sheet = z.read("xl/worksheets/sheet1.xml").decode()
        shared = 't="shared"' in sheet
        note("good", p.name, "LibreOffice " + soffice_version() + " (formulas from openpyxl, values computed by LO)",
             "formulas with cached values computed by LibreOffice; filled-down column B2:B11 "
             + ("IS written as a shared formula (t=\"shared\")" if shared else
                "is NOT written as a shared formula: LibreOffice writes every formula in full")
             + "; =1/0 cached as t=\"e\" #DIV/0!; string result t=\"str\"; boolean result t=\"b\"; "
             "LO writes <f aca=\"false\">",
             describe_with_openpyxl(p))


_SOFFICE_VERSION = None


def soffice_version() -> str:
    global _SOFFICE_VERSION
    if _SOFFICE_VERSION is None:
        try:
            out = subprocess.run(["soffice", "--version"], capture_output=True, text=True, timeout=60).stdout
            m = re.search(r"LibreOffice (\S+)", out)
            _SOFFICE_VERSION = m.group(1) if m else "?"
        except Exception:
            _SOFFICE_VERSION = "?"
    return _SOFFICE_VERSION


# --------------------------------------------------------------------------------------------
# Good fixtures: hand-built
# --------------------------------------------------------------------------------------------

def make_raw_furigana(path: Path) -> None:
    strings = [
        '<si><t>共通</t><rPh sb="0" eb="2"><t>キョウツウ</t></rPh><phoneticPr fontId="1"/></si>',
        '<si><r><rPr><b/><sz val="11"/><rFont val="游ゴシック"/><charset val="128"/></rPr><t>山陽</t></r>'
        '<r><rPr><sz val="11"/><rFont val="游ゴシック"/><charset val="128"/></rPr><t>小野田市</t></r>'
        '<rPh sb="0" eb="2"><t>サンヨウ</t></rPh><rPh sb="2" eb="5"><t>オノダシ</t></rPh>'
        '<phoneticPr fontId="1" type="noConversion"/></si>',
        '<si><t>事業名</t><rPh sb="0" eb="2"><t>ジギョウ</t></rPh><rPh sb="2" eb="3"><t>メイ</t></rPh>'
        '<phoneticPr fontId="1"/></si>',
        "比較用",
        '<si><t xml:space="preserve">ガラス </t><rPh sb="0" eb="3"><t>ガラス</t></rPh><phoneticPr fontId="1"/></si>',
    ]
    body = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>3</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>1</v></c></row>'
        '<row r="3"><c r="A3" t="s"><v>2</v></c></row>'
        '<row r="4"><c r="A4" t="inlineStr"><is><t>担当課</t><rPh sb="0" eb="2"><t>タントウ</t></rPh>'
        '<rPh sb="2" eb="3"><t>カ</t></rPh><phoneticPr fontId="1"/></is></c></row>'
        '<row r="5"><c r="A5" t="s"><v>4</v></c></row>'
    )
    sheets = [dict(name="ふりがな", target="worksheets/sheet1.xml", part="xl/worksheets/sheet1.xml",
                   xml=sheet_xml(body, "A1:B5", after='<phoneticPr fontId="1" type="noConversion"/>'))]
    write_zip(path, raw_package(sheets, sst_xml(strings), styles_xml()))
    note("good", path.name, "hand-built (zipfile)",
         "furigana: <rPh> runs and <phoneticPr> in a plain <si>, in a rich <si> with <r> runs, in an inline <is>, "
         "and a sheet-level <phoneticPr>; the reading must be dropped",
         'ふりがな: A1 string "共通" (not "共通キョウツウ") · B1 string "比較用" · A2 string "山陽小野田市" (rich, '
         'not "山陽小野田市サンヨウオノダシ") · A3 string "事業名" · A4 string "担当課" (inline) · A5 string "ガラス " '
         "(xml:space=preserve, trailing space kept)")


def make_raw_quirks(path: Path, odd_paths: bool = True) -> None:
    strings = ["項目", "値", "2倍", "ガラス商品数", "観光客数", "ブランド化",
               "1行目_x000D_\n2行目", "最終セル", "文字通り_x005F_x000D_です"]
    d = lambda y, m, dd: serial1900(dt.date(y, m, dd))  # noqa: E731
    data_body = (
        # row 1: cells without r -> A1, B1, C1
        '<row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c></row>'
        # row 2: shared formula master
        '<row r="2"><c r="A2" t="s"><v>3</v></c><c><v>10</v></c>'
        '<c><f t="shared" ref="C2:C5" si="0">B2*2</f><v>20</v></c></row>'
        # row without r -> row 3
        '<row><c t="s"><v>4</v></c><c><v>11</v></c><c><f t="shared" si="0"/><v>22</v></c></row>'
        # row without r -> row 4, cells with r
        '<row><c r="A4" t="s"><v>5</v></c><c r="B4"><v>12.5</v></c><c r="C4"><f t="shared" si="0"/><v>25</v></c></row>'
        # row 5: B5 with r, then a cell without r -> C5
        '<row r="5"><c r="B5"><v>-3</v></c><c><f t="shared" si="0"/><v>-6</v></c></row>'
        '<row r="8"><c r="D8" t="s"><v>6</v></c><c r="E8" t="s"><v>8</v></c></row>'
        f'<row r="10"><c r="A10" t="d"><v>2020-04-01T00:00:00</v></c>'
        '<c r="B10" t="str"><f>A2&amp;"事業"</f><v>ガラス商品数事業</v></c>'
        '<c r="C10" t="e"><f>B2/0</f><v>#DIV/0!</v></c>'
        '<c r="D10" t="b"><v>1</v></c><c r="E10" t="b"><v>0</v></c>'
        '<c r="F10" t="inlineStr"><is><t>インライン</t></is></c>'
        '<c r="G10" t="n"><v>1.5E-3</v></c></row>'
        # empty cells: no value -> must not appear
        '<row r="12"><c r="A12"/><c r="B12" s="1"/><c r="C12" t="s"></c><c r="D12" t="inlineStr"><is><t></t></is></c></row>'
        '<row r="20"><c r="H20" t="s"><v>7</v></c></row>'
    )
    # Built-in formats without a <numFmt> entry, and two custom era formats.
    fmt_rows = [
        (14, d(2020, 3, 31), "date", '"2020-03-31"', "yyyy/m/d"),
        (22, serial1900(dt.datetime(2020, 3, 31, 9, 30)), "date", '"2020-03-31T09:30:00"', "yyyy/m/d h:mm"),
        (27, d(2020, 4, 1), "date", '"2020-04-01"', "[$-411]ge.m.d"),
        (31, d(2020, 4, 1), "date", '"2020-04-01"', 'yyyy"年"m"月"d"日"'),
        (57, d(2020, 4, 1), "date", '"2020-04-01"', '[$-411]ggge"年"m"月"'),
        (58, d(2020, 4, 1), "date", '"2020-04-01"', '[$-411]ggge"年"m"月"d"日"'),
        (9, 0.054, "number", "0.054", "0%"),
        (10, 0.0543, "number", "0.0543", "0.00%"),
        (3, 8016, "number", "8016", "#,##0"),
        (49, 123, "number", "123", "@"),
        (21, 9.5 / 24, "date", '"09:30:00"', "h:mm:ss"),
        (164, d(2019, 5, 1), "date", '"2019-05-01"', '[$-411]ggge"年"m"月"d"日"'),
        (165, 2, "number", "2", '"令和"0"年度"'),
    ]
    numfmts = [(164, '[$-411]ggge"年"m"月"d"日"'), (165, '"令和"0"年度"')]
    xf_ids = [0] + [r[0] for r in fmt_rows]
    fmt_body = '<row r="1"><c r="A1" t="inlineStr"><is><t>numFmtId</t></is></c>' \
               '<c r="B1" t="inlineStr"><is><t>値</t></is></c></row>'
    fmt_facts = ['A1 string "numFmtId"', 'B1 string "値"']
    for i, (fid, val, t, shown, code) in enumerate(fmt_rows, start=2):
        fmt_body += f'<row r="{i}"><c r="A{i}"><v>{fid}</v></c><c r="B{i}" s="{i - 1}"><v>{val!r}</v></c></row>'
        fmt_facts.append(f"A{i} number {fid} · B{i} {t} {shown} fmt={code} (numFmtId {fid})")
    if odd_paths:
        sheets = [
            # workbook order: データ first although its part is b.xml and its rel is rId2
            dict(name="データ", target="/xl/ws/b.xml", part="xl/ws/b.xml", rid="rId2", sheet_id=2,
                 xml=sheet_xml(data_body, "A1:B2")),
            dict(name="書式", target="ws/a.xml", part="xl/ws/a.xml", rid="rId1", sheet_id=1,
                 xml=sheet_xml(fmt_body, None)),
        ]
        entries = raw_package(sheets, sst_xml(strings), styles_xml(numfmts, xf_ids), wb_part="xl/book.xml",
                              sst_target="strings/sst.xml", styles_target="look.xml")
        where = ("workbook at xl/book.xml (named only by _rels/.rels), rels xl/_rels/book.xml.rels, sheets at "
                 "xl/ws/b.xml (absolute Target=\"/xl/ws/b.xml\", rId2, listed FIRST) and xl/ws/a.xml (relative, "
                 "rId1, second), sharedStrings at xl/strings/sst.xml, styles at xl/look.xml")
    else:
        sheets = [
            dict(name="データ", target="/xl/worksheets/sheet2.xml", part="xl/worksheets/sheet2.xml", rid="rId2",
                 sheet_id=2, xml=sheet_xml(data_body, "A1:B2")),
            dict(name="書式", target="worksheets/sheet1.xml", part="xl/worksheets/sheet1.xml", rid="rId1",
                 sheet_id=1, xml=sheet_xml(fmt_body, None)),
        ]
        entries = raw_package(sheets, sst_xml(strings), styles_xml(numfmts, xf_ids))
        where = ("the same sheets as raw-quirks.xlsx at the standard package paths (xl/workbook.xml, "
                 "xl/sharedStrings.xml, xl/styles.xml; データ = xl/worksheets/sheet2.xml via an absolute Target, "
                 "listed first; 書式 = xl/worksheets/sheet1.xml), so readers that hard-code xl/workbook.xml "
                 "(python-calamine) can be compared on the cell quirks")
    # store the parts in numbering order (a.xml before b.xml) to make "file order" differ too
    entries.sort(key=lambda e: (e[0].startswith(("xl/ws/", "xl/worksheets/")), e[0]))
    write_zip(path, entries)
    note("good", path.name, "hand-built (zipfile)",
         where + "; cells and rows without r; <dimension "
         "ref=\"A1:B2\"> while data reaches H20; sheet 書式 has no <dimension>; shared formula C2:C5; "
         "_x000D_ and _x005F_ escapes; t=d/str/e/b/inlineStr/n; value-less cells; built-in numFmt IDs with no "
         "<numFmt> (format strings below are the ones kpisheet must print, per spec/cli.md: ja-JP spellings)",
         'データ (sheet 1): A1 string "項目" · B1 string "値" · C1 string "2倍" · A2 string "ガラス商品数" · '
         "B2 number 10 · C2 number 20 formula=B2*2 (shared master, ref C2:C5) · A3 string \"観光客数\" · B3 number 11 · "
         "C3 number 22 (shared child; formula, if given, B3*2) · A4 string \"ブランド化\" · B4 number 12.5 · "
         "C4 number 25 (shared child) · B5 number -3 · C5 number -6 (shared child, cell without r after B5) · "
         'D8 string "1行目\\r\\n2行目" (_x000D_ decoded) · E8 string "文字通り_x000D_です" (_x005F_ is an escaped '
         "underscore) · A10 date \"2020-04-01\" (t=\"d\") · B10 string \"ガラス商品数事業\" formula=A2&\"事業\" (t=\"str\") · "
         'C10 error "#DIV/0!" formula=B2/0 · D10 boolean true · E10 boolean false · F10 string "インライン" · '
         'G10 number 0.0015 · row 12 has only value-less cells: nothing from row 12 appears · H20 string "最終セル" · '
         "nothing else (24 cells) ‖ 書式 (sheet 2): " + " · ".join(fmt_facts))


def make_raw_strict(path: Path) -> None:
    ns = STRICT
    strings = ["事業名", "実績値", "観光客数", "目標年月"]
    body = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>3</v></c></row>'
            f'<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="1"><v>8016</v></c>'
            f'<c r="C2" s="2"><v>{serial1900(dt.date(2020, 3, 31))}</v></c><c r="D2" t="b"><v>1</v></c>'
            '<c r="E2"><v>0.054</v></c></row>')
    sheets = [dict(name="KPI", target="worksheets/sheet1.xml", part="xl/worksheets/sheet1.xml",
                   xml=sheet_xml(body, "A1:E2", ns=ns))]
    entries = raw_package(sheets, sst_xml(strings, ns), styles_xml([(164, '#,##0"人"')], [0, 164, 14], ns),
                          ns=ns, workbook_attrs=' conformance="strict"')
    write_zip(path, entries)
    note("good", path.name, "hand-built (zipfile)",
         "Strict OOXML: main namespace http://purl.oclc.org/ooxml/spreadsheetml/main, r: namespace "
         "http://purl.oclc.org/ooxml/officeDocument/relationships, relationship types "
         "http://purl.oclc.org/ooxml/officeDocument/relationships/{officeDocument,worksheet,styles,sharedStrings}, "
         "<workbook conformance=\"strict\">",
         'KPI: A1 string "事業名" · B1 string "実績値" · C1 string "目標年月" · A2 string "観光客数" · '
         'B2 number 8016 fmt=#,##0"人" · C2 date "2020-03-31" fmt=yyyy/m/d (numFmtId 14) · D2 boolean true · '
         "E2 number 0.054")


def make_raw_fragments(path: Path) -> None:
    """Sheets for the parallel reader: cut into small fragments, they must read exactly as whole."""
    ns = TRANSITIONAL
    strings = ["事業名", "実績値", "観光客数", "ブランド化したガラス商品数", "販売額"]
    # Sheet 1: prefixed elements, comments and processing instructions that contain a row's end
    # tag, a CDATA value, a shared formula whose children lie far below its master, and rows
    # and cells without r in the second half.
    rows = ['<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row>']
    for r in range(2, 401):
        a = f'<x:c r="A{r}" t="s"><x:v>{2 + r % 3}</x:v></x:c>' if r < 300 else f'<x:c t="s"><x:v>{2 + r % 3}</x:v></x:c>'
        value = "<![CDATA[42]]>" if r == 77 else fmt_num(r * 1.5)
        b = f'<x:c r="B{r}"><x:v>{value}</x:v></x:c>' if r < 300 else f'<x:c><x:v>{value}</x:v></x:c>'
        if r == 2:
            c = '<x:c r="C2"><x:f t="shared" ref="C2:C400" si="0">B2*2</x:f><x:v>6</x:v></x:c>'
        elif r < 300:
            c = f'<x:c r="C{r}"><x:f t="shared" si="0"/><x:v>{fmt_num(r * 3.0)}</x:v></x:c>'
        else:
            c = f'<x:c><x:f t="shared" si="0"/><x:v>{fmt_num(r * 3.0)}</x:v></x:c>'
        row = f'<x:row r="{r}">' if r < 300 else "<x:row>"
        rows.append(row + a + b + c + "</x:row>")
        if r % 50 == 0:
            rows.append("<!-- </x:row> is not a row's end inside a comment -->")
        if r % 70 == 0:
            rows.append("<?kpisheet </x:row> nor inside an instruction?>")
    prefixed = (f'{XML_DECL}<x:worksheet xmlns:x="{ns["main"]}" xmlns:r="{ns["r"]}">'
                '<x:dimension ref="A1:C400"/><x:sheetData>' + "\n".join(rows) +
                '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>')
    # Sheet 2: 3,000 plain rows of mixed values (strings, numbers, dates, inline strings,
    # booleans, value-less cells) and a merge after sheetData.
    body = []
    for r in range(1, 3001):
        cells = [f'<c r="A{r}" t="s"><v>{r % 5}</v></c>', f'<c r="B{r}"><v>{r}</v></c>',
                 f'<c r="C{r}" s="1"><v>{43921 + r % 400}</v></c>',
                 f'<c r="D{r}" t="inlineStr"><is><t>行{r}</t></is></c>']
        if r % 3 == 0:
            cells.append(f'<c r="E{r}" t="b"><v>{r % 2}</v></c>')
        if r % 7 == 0:
            cells.append(f'<c r="F{r}" s="1"/>')
        body.append(f'<row r="{r}">' + "".join(cells) + "</row>")
    plain = sheet_xml("".join(body), "A1:F3000", after='<mergeCells count="1"><mergeCell ref="D1:F2"/></mergeCells>')
    # Sheet 3: 500 rows of shared formulas: group 0 from C2 down to C500; group 1 with a master
    # at D2 (ref D2:D250) and a second master reusing si="1" at D251 (ref D251:D500).
    body = []
    for r in range(1, 501):
        cells = [f'<c r="A{r}"><v>{r}</v></c>', f'<c r="B{r}"><v>{r * 2}</v></c>']
        c = '<f t="shared" ref="C2:C500" si="0">A2+B2</f>' if r == 2 else '<f t="shared" si="0"/>'
        if r == 2:
            d = '<f t="shared" ref="D2:D250" si="1">A2*10</f>'
        elif r == 251:
            d = '<f t="shared" ref="D251:D500" si="1">$A$1-B251</f>'
        else:
            d = '<f t="shared" si="1"/>'
        if r >= 2:
            cells.append(f'<c r="C{r}">{c}<v>{r * 3}</v></c>')
            cells.append(f'<c r="D{r}">{d}<v>0</v></c>')
        body.append(f'<row r="{r}">' + "".join(cells) + "</row>")
    formulas = sheet_xml("".join(body), "A1:D500")
    sheets = [dict(name="prefixed", target="worksheets/sheet1.xml", part="xl/worksheets/sheet1.xml", xml=prefixed),
              dict(name="plain", target="worksheets/sheet2.xml", part="xl/worksheets/sheet2.xml", xml=plain),
              dict(name="formulas", target="worksheets/sheet3.xml", part="xl/worksheets/sheet3.xml", xml=formulas)]
    # The shared strings: the five above, then 300 more in every form a string takes, in an
    # x:-prefixed table with comments and instructions containing a string's end tag.
    items = [f"<x:si><x:t>{esc(text)}</x:t></x:si>" for text in strings]
    for i in range(300):
        kind = i % 8
        if kind == 0:
            items.append(f"<x:si><x:t>事業{i}</x:t></x:si>")
        elif kind == 1:  # rich text runs, one with its own properties
            items.append(f'<x:si><x:r><x:t>観光</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve"> 客数{i} </x:t></x:r></x:si>')
        elif kind == 2:  # furigana: the phonetic run is dropped
            items.append(f'<x:si><x:t>来客数{i}</x:t><x:rPh sb="0" eb="3"><x:t>ライキャクスウ</x:t></x:rPh><x:phoneticPr fontId="1"/></x:si>')
        elif kind == 3:  # Excel escapes: a carriage return and an escaped underscore
            items.append(f"<x:si><x:t>行{i}_x000D_二行目_x005F_x0041_</x:t></x:si>")
        elif kind == 4:  # CDATA and a character reference
            items.append(f"<x:si><x:t><![CDATA[<販売額> & {i}]]>&#x5186;</x:t></x:si>")
        elif kind == 5:  # an empty string, both ways
            items.append("<x:si/>" if i % 16 == 5 else "<x:si><x:t></x:t></x:si>")
        elif kind == 6:
            items.append(f'<x:si><x:t xml:space="preserve">  前後に空白 {i}  </x:t></x:si>')
        else:
            items.append(f"<x:si><x:t>ブランド化したガラス商品数{i}</x:t></x:si>")
        if i % 100 == 0:
            items.append("<!-- </x:si> is not a string's end inside a comment -->")
        if i % 140 == 0:
            items.append("<?kpisheet </x:si> nor inside an instruction?>")
    n = 5 + 300
    sst = (f'{XML_DECL}<x:sst xmlns:x="{ns["main"]}" count="{n}" uniqueCount="{n}">'
           + "\n".join(items) + "</x:sst>")
    # The strongest deflate keeps the fixture under 100 KB.
    write_zip(path, raw_package(sheets, sst, styles_xml([], [0, 14])), level=9)
    note("good", path.name, "hand-built (zipfile)",
         "for the parallel reader (parts cut into fragments must read exactly as whole): the shared strings "
         "are an x:-prefixed table of 305 strings (rich text, furigana, _xHHHH_ escapes, CDATA, empty and "
         "space-padded strings) with comments and instructions containing </x:si>; sheet prefixed uses "
         "x:-prefixed elements, has comments and processing instructions containing </x:row>, a CDATA value (B77), "
         "a shared formula C2:C400 whose children lie far below its master, rows 300-400 and their cells without r; "
         "sheet plain has 3,000 rows of strings, numbers, dates (numFmtId 14), inline strings, booleans and "
         "value-less cells, merge D1:F2; sheet formulas has 500 rows of shared formulas, si=1 given a second "
         "master halfway down",
         "prefixed: A1 string \"事業名\" · B1 string \"実績値\" · A2..A400 strings · B2..B400 number 1.5×row "
         "(B77 42) · C2 number 6 formula=B2*2 · C3..C400 formula=B{row}*2 · merged [A1:B1] ‖ plain: 3,000 rows, "
         "13,000 cells (checked against the whole-part read, not listed) ‖ formulas: C2..C500 formula=A{row}+B{row} · "
         "D2..D250 formula=A{row}*10 · D251..D500 formula=$A$1-B{row}")


# --------------------------------------------------------------------------------------------
# Bad corpus
# --------------------------------------------------------------------------------------------

def bad(name: str, what: str, expect: str) -> Path:
    note("bad", name, "", what, expect)
    return BAD / name


def make_bad_simple(good: Path, tmp: Path, use_lo: bool) -> None:
    rng = random.Random(20210401)

    p = bad("empty.xlsx", "0 bytes", "error: the file is empty (not a workbook); names the file")
    p.write_bytes(b"")

    p = bad("not-a-zip.xlsx", "4096 random bytes (seeded), no zip or OLE signature",
            "error: not an .xlsx workbook (not a zip archive); names the file")
    data = bytearray(rng.randbytes(4096))
    data[0:2] = b"\x8a\x11"  # make sure it cannot start with PK or D0CF
    p.write_bytes(bytes(data))

    gb = good.read_bytes()
    p = bad("truncated.xlsx", f"first 60% ({len(gb) * 6 // 10} of {len(gb)} bytes) of good/xlsxwriter-basic.xlsx: "
            "local headers present, central directory missing",
            "error: damaged/truncated zip (no end of central directory); names the file; no partial cells output")
    p.write_bytes(gb[: len(gb) * 6 // 10])

    p = bad("csv-renamed.xlsx", "a UTF-8 CSV (with BOM) with Japanese text renamed to .xlsx",
            "error with its own message: the file is CSV text, not an .xlsx (save it as .xlsx in Excel)")
    p.write_bytes("\ufeff事業名,KPI,実績値\nガラス産業振興事業,ブランド化したガラス商品数,5\n観光事業,観光客数,\"8,016\"\n"
                  .encode("utf-8"))

    p = bad("text-renamed.xlsx", "plain UTF-8 Japanese prose renamed to .xlsx",
            "error: not an .xlsx workbook (text file); names the file")
    p.write_bytes("これはExcelファイルではありません。\n令和2年度の実績報告書(下書き)です。\n".encode("utf-8"))

    # encrypted: msoffcrypto-tool, with its random salt/key made deterministic
    from msoffcrypto.format.ooxml import OOXMLFile
    from msoffcrypto.method import ecma376_agile
    from msoffcrypto.method.container import ecma376_encrypted

    class FixedNow(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return DOC_DT

    # determinism: seeded salts/keys and a fixed OLE directory timestamp (fixtures only!)
    seeded = random.Random(42)
    orig_rand, orig_dt = ecma376_agile._random_buffer, ecma376_encrypted.datetime
    ecma376_agile._random_buffer = lambda sz: seeded.randbytes(sz)
    ecma376_encrypted.datetime = FixedNow
    try:
        buf = io.BytesIO()
        with open(good, "rb") as f:
            OOXMLFile(f).encrypt("kpisheet", buf)
    finally:
        ecma376_agile._random_buffer, ecma376_encrypted.datetime = orig_rand, orig_dt
    p = bad("encrypted.xlsx", f"xlsxwriter-basic.xlsx encrypted with password \"kpisheet\" by msoffcrypto-tool "
            f"{pkg_version('msoffcrypto-tool')} (ECMA-376 agile encryption): an OLE compound file (D0 CF 11 E0) with "
            "EncryptionInfo and EncryptedPackage streams",
            "error with its own message: password-protected workbook (remove the password in Excel and save again); "
            "must not say 'corrupt zip'")
    p.write_bytes(buf.getvalue())

    # legacy .xls from xlwt (BIFF8)
    import xlwt
    xb = xlwt.Workbook(encoding="utf-8")
    xs = xb.add_sheet("KPI")
    xs.write(0, 0, "事業名")
    xs.write(0, 1, "実績値")
    xs.write(1, 0, "観光客数")
    xs.write(1, 1, 8016)
    out = io.BytesIO()
    xb.save(out)
    xls = out.getvalue()
    p = bad("legacy.xls", f"a real BIFF8 workbook written by xlwt {pkg_version('xlwt')}: OLE compound file with a "
            "Workbook stream (A1 事業名, B1 実績値, A2 観光客数, B2 8016)",
            "error with its own message: legacy Excel 97-2003 .xls, not supported (save as .xlsx)")
    p.write_bytes(xls)
    p = bad("legacy-renamed.xlsx", "legacy.xls renamed to .xlsx",
            "same message as legacy.xls: detected by content (OLE + Workbook stream), not by extension")
    p.write_bytes(xls)

    if use_lo:
        # one sheet only: with several sheets LibreOffice emits the page styles in hash order
        src = tmp / "ods-input.xlsx"
        xw = xw_workbook(src)
        xs = xw.add_worksheet("KPI")
        for r, row in enumerate([("事業名", "実績値"), ("観光客数", 8016), ("ブランド化したガラス商品数", 5)]):
            xs.write_row(r, 0, row)
        xw.close()
        ods = soffice_convert(src, "ods", tmp)
        p = BAD / "ods-renamed.xlsx"
        shutil.move(ods, p)
        normalize_zip(p, rewrite_dates_in=("meta.xml",), sort_xmlns=True)
    if (BAD / "ods-renamed.xlsx").exists():
        bad("ods-renamed.xlsx", f"a one-sheet workbook (KPI: A1 事業名, B1 実績値, A2 観光客数, B2 8016, ...) converted to "
            f"OpenDocument by LibreOffice "
            f"{soffice_version()} and renamed: a zip whose first entry is 'mimetype' = "
            "application/vnd.oasis.opendocument.spreadsheet, content.xml, no [Content_Types].xml",
            "error with its own message: OpenDocument spreadsheet (.ods), not .xlsx (save as .xlsx)")

    p = bad("numbers-renamed.xlsx", "a zip imitating an Apple Numbers document: Index/Document.iwa, "
            "Index/Metadata.iwa, Metadata/Properties.plist, Metadata/DocumentIdentifier, preview.jpg",
            "error: not an .xlsx (Apple Numbers document; export to Excel from Numbers); at least 'not a "
            "workbook: [Content_Types].xml / xl/workbook.xml missing'")
    plist = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" '
             '"http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0"><dict>'
             '<key>fileFormatVersion</key><string>12.2.1</string><key>isMultiPage</key><false/>'
             '<key>revision</key><string>0::5A2B</string></dict></plist>\n')
    write_zip(p, [
        ("Index/Document.iwa", b"\x00" + rng.randbytes(300)),
        ("Index/Metadata.iwa", b"\x00" + rng.randbytes(120)),
        ("Metadata/Properties.plist", plist),
        ("Metadata/DocumentIdentifier", "6F1B9F3E-2C44-4E1A-9A55-0D7C1E2A9B10"),
        ("Metadata/BuildVersionHistory.plist", plist),
        ("preview.jpg", b"\xff\xd8\xff\xe0" + rng.randbytes(200) + b"\xff\xd9"),
    ], compression=zipfile.ZIP_STORED)


def make_bad_structure() -> None:
    body = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>8016</v></c></row>'
    strings = ["観光客数"]

    p = bad("missing-workbook.xlsx", "[Content_Types].xml and _rels/.rels name xl/workbook.xml, which is absent "
            "(styles, sharedStrings and the sheet are present)",
            "error: damaged workbook: part xl/workbook.xml is missing; names the file and the part")
    write_zip(p, simple_book(body, strings, omit=("xl/workbook.xml",)))

    p = bad("missing-sheet.xlsx", "workbook names sheets KPI (xl/worksheets/sheet1.xml, present) and 欠落 "
            "(xl/worksheets/sheet2.xml, absent)",
            "error: damaged workbook: sheet 欠落 (part xl/worksheets/sheet2.xml) is missing; names the file, the "
            "sheet and the part (a reader may still list sheet KPI before failing)")
    write_zip(p, simple_book(body, strings, extra_sheets=[
        dict(name="欠落", target="worksheets/sheet2.xml", part="xl/worksheets/sheet2.xml", xml=None)]))

    p = bad("missing-rels.xlsx", "no _rels/.rels (everything else at the standard paths)",
            "error: damaged workbook: part _rels/.rels is missing (a reader that falls back to xl/workbook.xml "
            "must say so; the spec'd behaviour is an error naming _rels/.rels)")
    write_zip(p, simple_book(body, strings, omit=("_rels/.rels",)))

    p = bad("malformed-sheet.xlsx", "xl/worksheets/sheet1.xml has an unclosed <c> (mismatched </row>)",
            "error: XML error in part xl/worksheets/sheet1.xml (line/column if available); names the file")
    write_zip(p, simple_book('<row r="1"><c r="A1" t="s"><v>0</v></row>', strings))

    p = bad("malformed-sst.xlsx", "xl/sharedStrings.xml: <si><t>観光客数</si> (unclosed <t>)",
            "error: XML error in part xl/sharedStrings.xml; names the file")
    sst = (f'{XML_DECL}<sst xmlns="{TRANSITIONAL["main"]}" count="1" uniqueCount="1">'
           "<si><t>観光客数</si></sst>")
    write_zip(p, simple_book(body, sst_bytes=sst))

    p = bad("invalid-utf8.xlsx", "xl/sharedStrings.xml declares UTF-8 but contains bytes FF FE and C3 28 inside <t>",
            "error: invalid UTF-8 (encoding error) in part xl/sharedStrings.xml; never a silently mangled string")
    sst = (f'{XML_DECL}<sst xmlns="{TRANSITIONAL["main"]}" count="1" uniqueCount="1"><si><t>観光'.encode()
           + b"\xff\xfe\xc3\x28" + "客数</t></si></sst>".encode())
    write_zip(p, simple_book(body, sst_bytes=sst))

    p = bad("doctype-xxe.xlsx", "xl/sharedStrings.xml with <!DOCTYPE sst [<!ENTITY e SYSTEM \"file:///etc/passwd\">]> "
            "and &e; inside a <t>",
            "refused: DOCTYPE not allowed (error naming xl/sharedStrings.xml); /etc/passwd is never read and no "
            "text of it (e.g. 'root:') appears in any output; no network/file access")
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
           '<!DOCTYPE sst [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
           f'<sst xmlns="{TRANSITIONAL["main"]}" count="1" uniqueCount="1"><si><t>&e;</t></si></sst>')
    write_zip(p, simple_book(body, sst_bytes=sst))

    p = bad("billion-laughs.xlsx", "xl/worksheets/sheet1.xml with the classic 10-level entity expansion "
            "(lol9 -> 10^9 copies of 'lol', 3 GB) used in an inline string",
            "refused: DOCTYPE/entity declarations not allowed (error naming xl/worksheets/sheet1.xml) before any "
            "expansion; memory stays small")
    ents = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    prolog = f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE worksheet [{ents}]>\n'
    write_zip(p, simple_book("", strings, sheet_bytes=sheet_xml(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>', prolog=prolog)))

    p = bad("doctype-plain.xlsx", "xl/worksheets/sheet1.xml with a harmless internal DOCTYPE "
            "(<!DOCTYPE worksheet [<!ELEMENT worksheet ANY>]>), no entities",
            "refused all the same: DOCTYPE not allowed in part xl/worksheets/sheet1.xml (the reader rejects any "
            "DTD rather than judging it)")
    prolog = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE worksheet [<!ELEMENT worksheet ANY>]>\n'
    write_zip(p, simple_book("", strings, sheet_bytes=sheet_xml(body, prolog=prolog)))

    p = bad("sst-index-out-of-range.xlsx", "2 shared strings; A1 t=\"s\" <v>0</v> (fine), B1 t=\"s\" <v>99</v>",
            "error: shared string index 99 out of range (2 strings) at B1 in xl/worksheets/sheet1.xml")
    write_zip(p, simple_book('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>99</v></c></row>',
                             ["観光客数", "事業名"]))

    p = bad("sst-index-negative.xlsx", "2 shared strings; A1 t=\"s\" <v>-1</v>",
            "error: invalid shared string index -1 at A1 in xl/worksheets/sheet1.xml (no wrap-around to the last string)")
    write_zip(p, simple_book('<row r="1"><c r="A1" t="s"><v>-1</v></c></row>', ["観光客数", "事業名"]))

    p = bad("cell-ref-out-of-range.xlsx", "a cell r=\"XFE1\" (column 16385, one past XFD)",
            "error: cell reference XFE1 out of range in xl/worksheets/sheet1.xml")
    write_zip(p, simple_book('<row r="1"><c r="A1"><v>1</v></c><c r="XFE1"><v>2</v></c></row>'))

    p = bad("row-out-of-range.xlsx", "<row r=\"1048577\"><c r=\"A1048577\">",
            "error: row 1048577 out of range in xl/worksheets/sheet1.xml")
    write_zip(p, simple_book('<row r="1"><c r="A1"><v>1</v></c></row>'
                             '<row r="1048577"><c r="A1048577"><v>2</v></c></row>'))

    p = bad("bad-cell-ref.xlsx", "a cell r=\"1A\" (digits before letters)",
            "error: invalid cell reference \"1A\" in xl/worksheets/sheet1.xml")
    write_zip(p, simple_book('<row r="1"><c r="1A"><v>1</v></c></row>'))

    p = bad("number-not-a-number.xlsx", "<c r=\"A1\"><v>abc</v></c> (numeric cell, non-numeric value)",
            "error: invalid number \"abc\" at A1 in xl/worksheets/sheet1.xml (never 0, never NaN)")
    write_zip(p, simple_book('<row r="1"><c r="A1"><v>abc</v></c></row>'))

    p = bad("zip-path-traversal.xlsx", "a valid workbook (A1 \"観光客数\", B1 8016) plus an extra entry named "
            "../../evil.txt",
            "the reader never writes or resolves that entry (nothing appears outside a temp dir); it may read the "
            "workbook normally (A1 string \"観光客数\", B1 number 8016) or refuse the archive; either way no file "
            "named evil.txt is created")
    entries = simple_book(body, strings)
    entries.append(("../../evil.txt", "このファイルが作られてはいけません\n"))
    write_zip(p, entries)

    p = bad("duplicate-entries.xlsx", "two zip entries named xl/worksheets/sheet1.xml: first has A1 = 1, second A1 = 2",
            "error: duplicate zip entry xl/worksheets/sheet1.xml (ambiguous package); never silently pick one")
    entries = simple_book('<row r="1"><c r="A1"><v>1</v></c></row>')
    entries.append(("xl/worksheets/sheet1.xml", sheet_xml('<row r="1"><c r="A1"><v>2</v></c></row>')))
    write_zip(p, entries)

    p = bad("encrypted-zip-entry.xlsx", "valid workbook whose xl/worksheets/sheet1.xml entry has general-purpose "
            "flag bit 0 (encrypted) set in both the local header and the central directory (data not really "
            "encrypted)",
            "error: encrypted zip entry xl/worksheets/sheet1.xml not supported (names the part); no password prompt")
    write_zip_patching(p, simple_book(body, strings), "xl/worksheets/sheet1.xml", (6, 8), "<H",
                       lambda flags: flags | 1)

    p = bad("deep-nesting.xlsx", "xl/worksheets/sheet1.xml: A1 = 1, then 100000 nested <x> elements inside <sheetData>",
            "error: XML nesting too deep in xl/worksheets/sheet1.xml (libxml2's default limit is 256 without "
            "XML_PARSE_HUGE); no stack overflow, no crash")
    deep = "<x>" * 100000 + "</x>" * 100000
    write_zip(p, simple_book('<row r="1"><c r="A1"><v>1</v></c></row>' + deep))

    p = bad("rels-cycle.xlsx", "workbook rels point sheet 自己参照 at the workbook part itself (Target=\"workbook.xml\") "
            "and sheet 関係 at its own rels file (Target=\"_rels/workbook.xml.rels\")",
            "error: sheet 自己参照 points to xl/workbook.xml, which is not a worksheet (content type / root element "
            "<workbook>); same for 関係 -> xl/_rels/workbook.xml.rels; no loop, no hang")
    entries = raw_package([
        dict(name="自己参照", target="workbook.xml", part="xl/workbook.xml", xml=None),
        dict(name="関係", target="_rels/workbook.xml.rels", part="xl/_rels/workbook.xml.rels", xml=None),
    ], sst_xml(strings), styles_xml())
    # the two overrides we generated for the fake sheets would duplicate real parts: rebuild content types
    entries = [(n_, d_) if n_ != "[Content_Types].xml" else (n_, content_types_xml([
        ("xl/workbook.xml", "workbook"), ("xl/styles.xml", "styles"), ("xl/sharedStrings.xml", "sharedStrings")]))
        for n_, d_ in entries]
    write_zip(p, entries)

def make_bad_more() -> None:
    """Archive and part oddities beyond the first corpus: zip64, a folder where a part should
    be, a million empty rows, a 100 MB shared-string table, and date-system hints."""
    body = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>8016</v></c></row>'
    strings = ["観光客数"]

    p = bad("zip64.xlsx", "a valid workbook whose every entry is written with zip64 headers",
            "reads normally: A1 string \"観光客数\" · B1 number 8016")
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in simple_book(body, strings):
            zi = zipfile.ZipInfo(name, ZIP_DT)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            with z.open(zi, "w", force_zip64=True) as w:
                w.write(data.encode("utf-8") if isinstance(data, str) else data)

    p = bad("part-is-folder.xlsx", "the workbook names its sheet xl/worksheets/sheet1.xml, and the archive "
            "holds a folder entry of that name (xl/worksheets/sheet1.xml/) instead of a part",
            "error: names the part, which is a folder; nothing read")
    entries = [e for e in simple_book(body, strings) if e[0] != "xl/worksheets/sheet1.xml"]
    write_zip(p, entries + [("xl/worksheets/sheet1.xml/", b"")])

    p = bad("million-empty-rows.xlsx", "a sheet of 1,000,000 empty <row/> elements, then one cell at A1000001",
            "reads in bounded memory: A1000001 number 7 is the only cell")
    rows = "".join(f'<row r="{n}"/>' for n in range(1, 1_000_001))
    write_zip(p, simple_book("", [], sheet_bytes=sheet_xml(rows + '<row r="1000001"><c r="A1000001"><v>7</v></c></row>')))

    p = bad("sst-100mb.xlsx", "a shared-string table of 100,000 strings of 1,000 bytes (100 MB of text)",
            "error by default (the 64 MiB shared-string limit, naming --max-shared-string-bytes); read in "
            "bounded time and memory with the limit raised: A1 is string 0")
    head = f'{XML_DECL}<sst xmlns="{TRANSITIONAL["main"]}" count="100000" uniqueCount="100000">'.encode()
    items = b"".join(b"<si><t>%06d" % n + b"a" * 994 + b"</t></si>" for n in range(100_000))
    sst = head + items + b"</sst>"
    write_zip(p, simple_book('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', [], sst_bytes=sst))

    p = bad("wrong-encoding.xlsx", "xl/sharedStrings.xml declares encoding=\"Shift_JIS\" and holds bytes that "
            "are not Shift_JIS (81 FF FF)",
            "error naming xl/sharedStrings.xml, as one line: libxml2's own encoding messages never reach stderr")
    sst = (f'<?xml version="1.0" encoding="Shift_JIS" standalone="yes"?>'
           f'<sst xmlns="{TRANSITIONAL["main"]}" count="1" uniqueCount="1"><si><t>').encode() + b"\x81\xff\xff</t></si></sst>"
    write_zip(p, simple_book('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', [], sst_bytes=sst))

    p = bad("date1904-true.xlsx", "<workbookPr date1904=\"true\"/> (the word, not 1) and a date serial 40998",
            "reads as the 1904 system: A1 date \"2016-03-31\"")
    sheets = [dict(name="KPI", target="worksheets/sheet1.xml", part="xl/worksheets/sheet1.xml",
                   xml=sheet_xml('<row r="1"><c r="A1" s="1"><v>40998</v></c></row>'))]
    write_zip(p, raw_package(sheets, None, styles_xml(xf_fmt_ids=(0, 14)),
                             workbook_pr='<workbookPr date1904="true"/>'))

    p = bad("sheet-crc-mismatch.xlsx", "a 40-row sheet whose CRC-32, in the local header and the central "
            "directory alike, is one more than its data's: every byte inflates, and the checksum fails only "
            "after the last",
            "error: the part's checksum does not match (damaged archive), naming xl/worksheets/sheet1.xml; "
            "the same rows come before the error whether the sheet is read whole or in fragments")
    rows = "".join(f'<row r="{n}"><c r="A{n}" t="s"><v>0</v></c><c r="B{n}"><v>{n * 8016}</v></c></row>'
                   for n in range(1, 41))
    write_zip_patching(p, simple_book(rows, ["観光客数"]), "xl/worksheets/sheet1.xml", (14, 16), "<I",
                       lambda crc: (crc + 1) & 0xFFFFFFFF)


def make_bad_hostile() -> None:
    """Hostile inputs from the red-team round (issue #16, item 6): each a mechanism, small."""
    main = TRANSITIONAL["main"]
    body = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>8016</v></c></row>'

    p = bad("hostile-attr-namespace.xlsx", "cells carrying z:r, z:t and z:s in a foreign namespace "
            "(xmlns:z=\"urn:evil\") beside their own r, t and s",
            "reads as if the foreign attributes were absent: A1 number 1 · B1 number 40000 (no date)")
    rows = ('<row r="1"><c r="A1" xmlns:z="urn:evil" z:r="C3" z:t="e"><v>1</v></c>'
            '<c r="B1" xmlns:z="urn:evil" t="n" z:s="1"><v>40000</v></c></row>')
    write_zip(p, raw_package([dict(name="KPI", target="worksheets/sheet1.xml", part="xl/worksheets/sheet1.xml",
                                   xml=sheet_xml(rows))], None, styles_xml(xf_fmt_ids=(0, 14))))

    p = bad("hostile-bzip2-entry.xlsx", "the sheet part is compressed with bzip2 (zip method 12)",
            "error naming xl/worksheets/sheet1.xml: compression method 12 (bzip2) is not supported")
    with zipfile.ZipFile(p, "w") as z:
        for name, data in simple_book(body, ["観光客数"]):
            zi = zipfile.ZipInfo(name, ZIP_DT)
            zi.compress_type = zipfile.ZIP_BZIP2 if name == "xl/worksheets/sheet1.xml" else zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data.encode("utf-8") if isinstance(data, str) else data)

    p = bad("hostile-external-sheet.xlsx", "the sheet's relationship is TargetMode=\"External\" to file:///etc/passwd",
            "error naming xl/workbook.xml: the sheet is external and not read")
    entries = simple_book(body, ["観光客数"])
    rels = (f'{XML_DECL}<Relationships xmlns="{PKG_RELS}"><Relationship Id="rId1" '
            f'Type="{TRANSITIONAL["rt"]}worksheet" Target="file:///etc/passwd" TargetMode="External"/></Relationships>')
    write_zip(p, [(n, rels if n == "xl/_rels/workbook.xml.rels" else d) for n, d in entries])

    p = bad("hostile-iso-date.xlsx", "a t=\"d\" cell 2021-01-05garbage at C1",
            "error: sheet \"KPI\", cell C1, the date value is not an ISO 8601 date")
    write_zip(p, simple_book(body.replace("</row>", '<c r="C1" t="d"><v>2021-01-05garbage</v></c></row>'), ["観光客数"]))

    p = bad("hostile-unknown-type.xlsx", "a cell with t=\"foo\", not an ST_CellType value",
            "error: sheet \"KPI\", cell A1, names the type")
    write_zip(p, simple_book('<row r="1"><c r="A1" t="foo"><v>1</v></c></row>', []))

    p = bad("hostile-merge-past-grid.xlsx", "a merged range A1048576:B1048577 (past the last row)",
            "error: sheet \"KPI\", the merged range reaches beyond XFD1048576 (not dropped)")
    write_zip(p, simple_book("", [], sheet_bytes=sheet_xml(
        '<row r="1"><c r="A1"><v>1</v></c></row>',
        after='<mergeCells count="1"><mergeCell ref="A1048576:B1048577"/></mergeCells>')))

    p = bad("hostile-duplicate-sheet-names.xlsx", "two sheets named KPI and kpi (Excel ignores case)",
            "error naming xl/workbook.xml: two sheets are named \"kpi\"")
    sheets = [dict(name=n, target=f"worksheets/sheet{i}.xml", part=f"xl/worksheets/sheet{i}.xml",
                   xml=sheet_xml(body)) for i, n in ((1, "KPI"), (2, "kpi"))]
    write_zip(p, raw_package(sheets, sst_xml(["観光客数"]), styles_xml()))

    p = bad("hostile-sheet-is-styles.xlsx", "a sheet whose relationship targets the styles part",
            "error naming xl/workbook.xml: xl/styles.xml is not a worksheet (it is the styles part)")
    sheets = [dict(name="KPI", target="worksheets/sheet1.xml", part="xl/worksheets/sheet1.xml", xml=sheet_xml(body)),
              dict(name="styles", target="styles.xml", part="xl/styles.xml", xml=None)]
    write_zip(p, raw_package(sheets, sst_xml(["観光客数"]), styles_xml()))

    p = bad("hostile-values.xlsx", "a shared formula whose copies move references past XFD and row 1048576; "
            "a 101-character number (1e100 written out); serial 2958465.9999999 in a date format",
            "reads: A1 number 1 formula=B1+$C$1+XFD1 · B1 number 2 formula=C1+$C$1+#REF! · "
            "A1048576 number 3 formula=B1048576+$C$1+XFD1048576 · XFD1048576 number 4 formula=#REF!+$C$1+#REF! · "
            "C1 number 1e100 · D1 number 2958465.9999999 fmt=yyyy/m/d (not a date in year 10000)")
    rows = ('<row r="1"><c r="A1"><f t="shared" ref="A1:XFD1048576" si="0">B1+$C$1+XFD1</f><v>1</v></c>'
            '<c r="B1"><f t="shared" si="0"/><v>2</v></c>'
            f'<c r="C1"><v>1{"0" * 100}</v></c><c r="D1" s="1"><v>2958465.9999999</v></c></row>'
            '<row r="1048576"><c r="A1048576"><f t="shared" si="0"/><v>3</v></c>'
            '<c r="XFD1048576"><f t="shared" si="0"/><v>4</v></c></row>')
    write_zip(p, raw_package([dict(name="KPI", target="worksheets/sheet1.xml", part="xl/worksheets/sheet1.xml",
                                   xml=sheet_xml(rows))], None, styles_xml(xf_fmt_ids=(0, 14))))

    p = bad("hostile-sst-empty-strings.xlsx", "a shared-string table of 300,000 empty <si/> (no text at all)",
            "reads by default (A1 is empty string 0); with --max-shared-string-bytes 1000000 an error: the "
            "limit counts 4 bytes per string, not only the text")
    sst = (f'{XML_DECL}<sst xmlns="{main}">' + "<si/>" * 300_000 + "</sst>").encode()
    write_zip(p, simple_book('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row>', [], sst_bytes=sst))

    p = bad("hostile-numfmt-200k.xlsx", "a custom number format of 200,000 'g' characters used by A1",
            "reads in well under a second (the format is scanned once): A1, shown as a date (g is the era)")
    styles = styles_xml(numfmts=((164, "g" * 200_000),), xf_fmt_ids=(0, 164))
    write_zip(p, raw_package([dict(name="KPI", target="worksheets/sheet1.xml", part="xl/worksheets/sheet1.xml",
                                   xml=sheet_xml('<row r="1"><c r="A1" s="1"><v>1</v></c></row>'))], None, styles))

    p = bad("hostile-merge-whole-sheet.xlsx", "one merge A1:XFD1048576 with A1 = 1 (700 bytes)",
            "cells reads it; cells --fill-merged fails at once on the cells-per-sheet limit, naming the range")
    write_zip(p, simple_book("", [], sheet_bytes=sheet_xml(
        '<row r="1"><c r="A1"><v>1</v></c></row>',
        after='<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')))

    p = bad("hostile-merges-identical.xlsx", "20,000 identical merges A1:A20000 with A1 = 1",
            "cells --fill-merged fills A1..A20000 with 1 once, in about a second (a repeated range counts "
            "once; each row scanned all 20,000 merges before)")
    write_zip(p, simple_book("", [], sheet_bytes=sheet_xml(
        '<row r="1"><c r="A1"><v>1</v></c></row>',
        after="<mergeCells>" + '<mergeCell ref="A1:A20000"/>' * 20_000 + "</mergeCells>")))


def stream_bomb(path: Path, part: str, head: bytes, chunk: bytes, count: int, tail: bytes, entries) -> float:
    """Write a workbook whose `part` is head + chunk*count + tail, deflated, streamed."""
    t0 = time.time()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in entries:
            zi = zipfile.ZipInfo(name, ZIP_DT)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            if name == part:
                with z.open(zi, "w", force_zip64=True) as w:
                    w.write(head)
                    for _ in range(count):
                        w.write(chunk)
                        if time.time() - t0 > 60:
                            raise TimeoutError(path.name)
                    w.write(tail)
            else:
                z.writestr(zi, data.encode() if isinstance(data, str) else data)
    return time.time() - t0


SST_BOMB_COUNT = 1024        # MiB of 'a' in the one shared string
SHEET_BOMB_COUNT = 2048 + 4  # MiB of spaces in the sheet part


def make_bombs() -> None:
    MiB = 1 << 20
    # sst-bomb: one shared string of 1 GiB of 'a'
    p = BAD / "sst-bomb.xlsx"
    head = (f'{XML_DECL}<sst xmlns="{TRANSITIONAL["main"]}" count="1" uniqueCount="1"><si><t>').encode()
    entries = simple_book('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', ["x"])
    secs = stream_bomb(p, "xl/sharedStrings.xml", head, b"a" * MiB, SST_BOMB_COUNT, b"</t></si></sst>", entries)
    log(f"  sst-bomb.xlsx: {p.stat().st_size} bytes in {secs:.1f}s")

    # sheet-bomb: a sheet part of 2 GiB + 4 MiB of whitespace inside <sheetData>
    p = BAD / "sheet-bomb.xlsx"
    head = (f'{XML_DECL}<worksheet xmlns="{TRANSITIONAL["main"]}"><sheetData>'
            '<row r="1"><c r="A1"><v>1</v></c></row>').encode()
    tail = b'<row r="2"><c r="A2"><v>2</v></c></row></sheetData></worksheet>'
    entries = simple_book("", [])
    try:
        secs = stream_bomb(p, "xl/worksheets/sheet1.xml", head, b" " * MiB, SHEET_BOMB_COUNT, tail, entries)
    except TimeoutError:
        p.unlink(missing_ok=True)
        log("  sheet-bomb.xlsx: skipped (generation exceeded 60 s)")
        return
    log(f"  sheet-bomb.xlsx: {p.stat().st_size} bytes in {secs:.1f}s")


def note_bombs() -> None:
    def size(name):
        p = BAD / name
        return f"{p.stat().st_size:,} bytes on disk" if p.exists() else "NOT GENERATED"
    bad("sst-bomb.xlsx", f"xl/sharedStrings.xml inflates to {SST_BOMB_COUNT} MiB (+ XML): one <si> holding "
        f"1 GiB of 'a' (deflate level 9, zip64 local header; {size('sst-bomb.xlsx')})",
        "error: part xl/sharedStrings.xml too large / shared string over the limit (names the part); stops "
        "early with bounded memory (well under 100 MB RSS) and time (seconds); no OOM kill")
    bad("sheet-bomb.xlsx", f"xl/worksheets/sheet1.xml inflates to {SHEET_BOMB_COUNT} MiB (2 GiB + 4 MiB, past the "
        f"signed 32-bit limit) of spaces between rows 1 and 2 (zip64 local header; {size('sheet-bomb.xlsx')}); "
        "deflate's ratio tops out near 1030:1, so the ~3 GiB asked for would need > 3 MB on disk",
        "either an error 'part xl/worksheets/sheet1.xml too large' (inflated-size or ratio limit) or a streamed "
        "read giving A1 number 1 and A2 number 2; in both cases bounded memory (the whitespace is never "
        "buffered) and no 32-bit size overflow")


# --------------------------------------------------------------------------------------------
# MANIFEST
# --------------------------------------------------------------------------------------------

CALAMINE_NOTES = """\
## python-calamine 0.9.1: what it gets wrong or differently

Found with `python3 Scripts/compare-calamine.py --dump-calamine FILE`. The comparison script lists
these as commented, explicit exceptions (`KNOWN_DIFFERENCES`, `KNOWN_CALAMINE_REFUSALS`,
`KPISHEET_REFUSES_BY_DESIGN`) and prints each as a `known` line instead of failing.

API facts: `CalamineWorkbook.from_path(p)`; `.sheets_metadata` → `SheetMetadata(name, typ, visible)` with
`SheetVisibleEnum.Visible/Hidden/VeryHidden`; `.get_sheet_by_name(n)`; `sheet.to_python(skip_empty_area=False)`
gives a dense grid from A1 (`iter_rows()` pads rows from row 1 but starts columns at the first used column);
`sheet.merged_cell_ranges` → `[((r0, c0), (r1, c1))]`, 0-based, inclusive. Values: `str`; `float` for every
number (also integers); `bool`; `datetime.date` for date formats at midnight, `datetime.datetime` with a time,
`datetime.time` for serials < 1 (and `timedelta` for durations); `""` for empty cells **and for error cells**.
Errors are Python exceptions `CalamineError` and subclasses (`PasswordError`, `XmlError`, `ZipError`,
`WorksheetNotFound`); the bombs abort the whole process instead (Rust allocation failure, SIGABRT).

Where it differs from what kpisheet must do:
- Error cells (`t="e"`, cached `#DIV/0!`, `#N/A`) come back as `""`: the cell disappears.
- 1904 system: dates are right, but serial 0 (xlsxwriter-1904.xlsx A5 = 1904-01-01) comes back as the
  time 00:00:00 (any serial < 1 is read as a time of day).
- raw-quirks.xlsx: cannot open it; it ignores `_rels/.rels` and looks for `xl/_rels/workbook.xml.rels`
  (hence raw-quirks-std-paths.xlsx). It also refuses missing-rels.xlsx for the same reason.
- Right, for the record: furigana dropped (raw-furigana), `_x000D_` decoded and `_x005F_` handled,
  Strict namespaces, `t="d"`, shared-formula cached values, built-in IDs 14/22/27/31/57/58/21 read as
  dates, the `"令和"0"年度"` format left a number, veryHidden reported.
- Bad corpus, where it is lenient and kpisheet must refuse: reads legacy.xls (BIFF8); ignores a harmless
  DOCTYPE; reads deep-nesting; takes the second of two duplicate entries (A1 = 2); accepts XFE1 and
  row 1048577; returns the string "abc" for `<v>abc</v>`; returns a string for shared-string index -1;
  returns zero sheets for missing-workbook and empty sheets for rels-cycle; ignores ../../evil.txt.
  It refuses (correctly) doctype-xxe and billion-laughs (unknown entity), invalid UTF-8, malformed XML,
  truncated/non-zip files, encrypted.xlsx (PasswordError), the encrypted zip entry, an out-of-range
  shared-string index, a bad cell reference "1A"; sst-bomb and sheet-bomb abort the process after trying to
  allocate 1 GiB / 4 GiB.
"""


def write_manifest(calamine_notes: str) -> None:
    lines = [
        "# XLSX reader fixtures",
        "",
        "Generated by `python3 Scripts/make-fixtures.py` (do not edit by hand; edit the script and re-run).",
        "One line per file: **name** — writer — what it covers — facts a test should assert.",
        "",
        "Fact syntax: `REF type value [fmt=CODE] [formula=TEXT]`, separated by ` · `; sheets separated by ` ‖ `.",
        "`type`/`value` are what `kpisheet cells --format json` prints (spec/cli.md): strings in JSON-style",
        "quotes with `\\n`/`\\r` escapes, dates `YYYY-MM-DD`, date-times `YYYY-MM-DDTHH:MM:SS`, times `HH:MM:SS`.",
        "`fmt=` is the number format code the cell carries (built-in IDs spelled as Japanese Excel shows them).",
        "A cell not listed is empty. `formula=` is given without the leading `=`.",
        "Date-times round to the nearest second (XlsxWriter stores 09:30 as 44286.39583333334).",
        "",
        "Built-in format 57: spec/cli.md says it is shown as `[$-411]ggge\"年\"m\"月\"`; ECMA-376 (ja-JP list) and",
        "LibreOffice's import table map 57 to `[$-411]ge.m.d` (and 58 to `[$-411]ggge\"年\"m\"月\"d\"日\"`). The facts",
        "below follow the spec; a test should at least assert type date and the value.",
        "",
        "## Good fixtures (`Fixtures/`)",
        "",
    ]
    for sec, name, writer, covers, facts in MANIFEST:
        if sec == "good":
            lines.append(f"- **{name}** — {writer} — {covers} — {facts}")
    lines += ["", "## Bad corpus (`Fixtures/bad/`)", "",
              "Every error names the file; where a part is at fault it names the part too. No output file is "
              "left behind, nothing outside the reader's temp space is written, memory stays bounded.", ""]
    for sec, name, _w, what, expect in MANIFEST:
        if sec == "bad":
            lines.append(f"- **bad/{name}** — {what} — expected: {expect}")
    lines += ["", calamine_notes.rstrip(), ""]
    (FIX / "MANIFEST.md").write_text("\n".join(lines), encoding="utf-8")


# --------------------------------------------------------------------------------------------

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--skip-libreoffice", action="store_true", help="do not (re)build the LibreOffice files")
    ap.add_argument("--skip-bombs", action="store_true", help="do not (re)build sst-bomb and sheet-bomb (slow)")
    args = ap.parse_args()
    use_lo = not args.skip_libreoffice
    if use_lo and not shutil.which("soffice"):
        log("soffice not found: use --skip-libreoffice")
        return 2
    FIX.mkdir(parents=True, exist_ok=True)
    BAD.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="kpisheet-fixtures-") as td:
        tmp = Path(td)
        log("good fixtures")
        make_openpyxl_basic(FIX / "openpyxl-basic.xlsx")
        make_xlsxwriter_basic(FIX / "xlsxwriter-basic.xlsx")
        make_xlsxwriter_1904(FIX / "xlsxwriter-1904.xlsx")
        make_xlsxwriter_inline(FIX / "xlsxwriter-inline.xlsx")
        make_xlsxwriter_wide(FIX / "xlsxwriter-wide.xlsx")
        make_raw_furigana(FIX / "raw-furigana.xlsx")
        make_raw_quirks(FIX / "raw-quirks.xlsx")
        make_raw_quirks(FIX / "raw-quirks-std-paths.xlsx", odd_paths=False)
        make_raw_strict(FIX / "raw-strict.xlsx")
        make_raw_fragments(FIX / "raw-fragments.xlsx")
        if use_lo:
            log("LibreOffice fixtures")
            make_libreoffice(FIX / "openpyxl-basic.xlsx", tmp)
        describe_libreoffice()
        log("bad corpus")
        make_bad_simple(FIX / "xlsxwriter-basic.xlsx", tmp, use_lo)
        make_bad_structure()
        make_bad_more()
        make_bad_hostile()
        if not args.skip_bombs:
            make_bombs()
        note_bombs()

    write_manifest(CALAMINE_NOTES)
    for p in sorted(FIX.rglob("*")):
        if p.is_file():
            size = p.stat().st_size
            if size > 100_000 and p.name not in ("sst-bomb.xlsx", "sheet-bomb.xlsx"):
                log(f"WARNING: {p.relative_to(FIX)} is {size} bytes (> 100 KB)")
    log("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
