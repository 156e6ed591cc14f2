#!/usr/bin/env python3
"""Fails when a target imports a module of this package, or a product of a package dependency,
that Package.swift does not declare among that target's dependencies.

SwiftPM's own `--explicit-target-dependency-import-check error` (native build system) skips
its check silently when its import prescan fails, which it does with this toolchain: a
deliberate undeclared import builds with exit 0 and no diagnostic. This script reads the
manifest (`swift package dump-package`) and every target's `import` lines instead.

    Scripts/check-imports.py [PACKAGE_DIR]
"""
import json
import pathlib
import re
import subprocess
import sys

IMPORT = re.compile(
    r"^\s*(?:@\w+\s+)*(?:(?:public|package|internal|fileprivate|private)\s+)?import\s+"
    r"(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?(\w+)",
    re.MULTILINE,
)


def declared(dependency):
    """The module names one entry of a target's `dependencies` lets it import."""
    for kind in ("byName", "target", "product"):
        if kind in dependency:
            return {dependency[kind][0]}
    return set()


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    manifest = json.loads(
        subprocess.run(
            ["swift", "package", "dump-package"],
            cwd=root,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    targets = manifest["targets"]
    # Modules a target could reach without declaring them: the package's own targets and the
    # products of the packages it depends on (whose names are their modules' names here).
    guarded = {target["name"] for target in targets}
    for target in targets:
        for dependency in target["dependencies"]:
            if "product" in dependency:
                guarded.add(dependency["product"][0])
    problems = []
    for target in targets:
        if target["type"] in ("system", "binary", "plugin", "macro"):
            continue
        default = "Tests" if target["type"] == "test" else "Sources"
        folder = root / (target.get("path") or f"{default}/{target['name']}")
        allowed = {target["name"]}
        for dependency in target["dependencies"]:
            allowed |= declared(dependency)
        for source in sorted(folder.rglob("*.swift")):
            text = source.read_text(encoding="utf-8")
            for match in IMPORT.finditer(text):
                module = match.group(1)
                if module in guarded and module not in allowed:
                    line = text.count("\n", 0, match.start()) + 1
                    problems.append(
                        f"{source.relative_to(root)}:{line}: error: target {target['name']} "
                        f"imports {module} without declaring it a dependency in Package.swift"
                    )
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"imports: every target imports only its declared dependencies ({len(targets)} targets)")


if __name__ == "__main__":
    main()
