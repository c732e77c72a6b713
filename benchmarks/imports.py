"""What ``roledef lint ONE.md`` spends on imports, package by package.

    python benchmarks/imports.py                       # examples/site-reliability-engineer.md
    python benchmarks/imports.py --runs 15 roles/x.md
    PYTHONPATH=../other-checkout/src python benchmarks/imports.py

Runs ``python -X importtime -m roledef lint --no-cache FILE`` as N fresh processes (after one
untimed run that writes the bytecode caches: bytecode caching is on, as for an installed tool,
whatever ``PYTHONDONTWRITEBYTECODE`` says) with this interpreter and its environment, so
``PYTHONPATH`` picks the checkout. Prints the "self" time of the modules of each package (roledef's
own, click, ruamel.yaml, jsonschema, the markdown parser, the standard library and the rest), each
line the best of the N runs: on a busy machine the least is the steadiest figure. Then the number
of modules each package imported, and which roledef modules.

``-X importtime`` times the modules that an import statement (``__import__``) loads; roledef's
lazy imports use it, so that nothing it loads escapes the count.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT / "examples" / "site-reliability-engineer.md"

#: Report line -> the top-level module names it counts (the standard library and the rest after).
PACKAGES: dict[str, tuple[str, ...]] = {
    "roledef (own)": ("roledef",),
    "click": ("click",),
    "ruamel.yaml": ("ruamel", "_ruamel_yaml", "_ruamel_yaml_clibz"),
    "jsonschema": (
        "jsonschema",
        "jsonschema_specifications",
        "referencing",
        "rpds",
        "attr",
        "attrs",
    ),
    "markdown parser": ("pyromark", "markdown_it", "mdurl", "linkify_it"),
}
STDLIB = "standard library"
OTHER = "other"

#: One import: (module name, self time in microseconds).
Import = tuple[str, int]


def package_of(module: str) -> str:
    """The report line a module is counted on."""
    top = module.split(".", 1)[0]
    for line, names in PACKAGES.items():
        if top in names:
            return line
    return STDLIB if top in sys.stdlib_module_names else OTHER


def parse_importtime(stderr: str) -> list[Import]:
    """The (module, self µs) lines of ``-X importtime`` output; anything else is skipped."""
    found = []
    for line in stderr.splitlines():
        if not line.startswith("import time:"):
            continue
        fields = line[len("import time:") :].split("|")
        if len(fields) != 3 or not fields[0].strip().isdigit():
            continue  # the header line
        found.append((fields[2].strip(), int(fields[0])))
    return found


def run_once(file: str, env: dict[str, str]) -> list[Import]:
    """One fresh ``roledef lint --no-cache FILE`` with ``-X importtime``: its imports."""
    cmd = [sys.executable, "-X", "importtime", "-m", "roledef", "lint", "--no-cache", file]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"roledef lint exited {done.returncode}:\n{done.stderr[-2000:]}")
    return parse_importtime(done.stderr)


def totals(imports: list[Import]) -> dict[str, int]:
    """Self time per report line, in microseconds."""
    out: dict[str, int] = {}
    for module, self_us in imports:
        line = package_of(module)
        out[line] = out.get(line, 0) + self_us
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the command N times and print the best self time per package and the module counts."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file", nargs="?", default=str(DEFAULT_FILE), help="a role file to lint")
    ap.add_argument("-n", "--runs", type=int, default=7, help="fresh processes (default 7)")
    args = ap.parse_args(argv)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    run_once(args.file, env)  # writes the bytecode caches; not counted
    runs = [run_once(args.file, env) for _ in range(args.runs)]
    per_run = [totals(imports) for imports in runs]
    lines = [*PACKAGES, STDLIB, OTHER]
    print(f"import self time, best of {args.runs} runs of roledef lint --no-cache {args.file}")
    for line in lines:
        best = min(t.get(line, 0) for t in per_run)
        print(f"  {line:<18} {best / 1000:7.1f} ms")
    print(f"  {'total':<18} {min(sum(t.values()) for t in per_run) / 1000:7.1f} ms")
    modules = {module for module, _ in runs[0]}
    counts = {line: sum(1 for m in modules if package_of(m) == line) for line in lines}
    print("modules: " + ", ".join(f"{line} {n}" for line, n in counts.items() if n))
    own = sorted(m for m in modules if package_of(m) == "roledef (own)")
    print(f"roledef modules ({len(own)}): {' '.join(own)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
