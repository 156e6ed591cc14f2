#!/usr/bin/env python3
"""Builds the fuzzer's seed corpus from the test fixtures: each workbook whole (selector 0),
each of its parts alone (selectors 1-6), and each workbook read both whole and cut into
fragments (selector 7), as FuzzXLSXReader.swift reads them.
Usage: make-corpus.py OUTDIR"""
import hashlib
import pathlib
import sys
import zipfile

root = pathlib.Path(__file__).resolve().parent.parent
out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
fixtures = sorted((root / "Tests").rglob("*.xlsx")) + sorted((root / "samples").glob("*.xlsx"))


def save(selector, data):
    if len(data) > 2_000_000:
        return
    blob = bytes([selector]) + data
    (out / hashlib.sha1(blob).hexdigest()).write_bytes(blob)


for path in fixtures:
    data = path.read_bytes()
    save(0, data)
    save(7, data)
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        continue
    for info in archive.infolist():
        if info.file_size > 2_000_000:
            continue
        try:
            part = archive.read(info)
        except Exception:
            continue
        name = info.filename.lower()
        if "sharedstrings" in name or name.endswith("sst.xml"):
            save(1, part)
        elif "/worksheets/" in name or "/ws/" in name:
            save(2, part)
        elif "styles" in name or name.endswith("look.xml"):
            save(3, part)
        elif name.endswith(".rels"):
            save(5, part)
        elif "custom.xml" in name:
            save(6, part)
        elif name.endswith("workbook.xml") or name.endswith("book.xml"):
            save(4, part)
print(f"{len(list(out.iterdir()))} seeds in {out}")
