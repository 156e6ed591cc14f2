#!/usr/bin/env python3
"""Fills docs/cli.md's help blocks from the built binary, so its flag lists are exact.

Usage: Scripts/make-cli-doc.py KPISHEET [docs/cli.md]

A block is the lines between a marker `<!-- help: ARGS -->` and the next `<!-- /help -->`;
it becomes `kpisheet ARGS --help`'s output in a ```text fence. Everything else is kept.
CompletionsAndManTests checks the committed file against the binary.
"""
import os
import re
import subprocess
import sys

binary = sys.argv[1]
path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "docs", "cli.md")
text = open(path, encoding="utf-8").read()
env = dict(os.environ, LANG="C.UTF-8", LC_ALL="", LC_MESSAGES="", COLUMNS="80")


def fill(match):
    args = match.group(1).split()
    help_text = subprocess.run(
        [binary, *args, "--help"], env=env, check=True, capture_output=True, text=True
    ).stdout
    return f"{match.group(0).splitlines()[0]}\n```text\n{help_text.rstrip()}\n```\n<!-- /help -->"


new = re.sub(r"<!-- help: ?([^>]*?) ?-->\n.*?<!-- /help -->", fill, text, flags=re.S)
open(path, "w", encoding="utf-8").write(new)
