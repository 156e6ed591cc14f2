#!/usr/bin/env python3
"""Validates records JSON files against the records schema (Draft 2020-12).

Usage: check-schema.py SCHEMA FILE... ; prints one line per file and exits 1 if any fails.
The schema is docs/records.schema.json.
"""
import json
import sys

import jsonschema


def main() -> int:
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    failed = 0
    for path in sys.argv[2:]:
        errors = sorted(validator.iter_errors(json.load(open(path, encoding="utf-8"))), key=str)
        if errors:
            failed += 1
            for error in errors[:5]:
                print(f"{path}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
        else:
            print(f"{path}: valid")
    print(f"{len(sys.argv) - 2 - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
