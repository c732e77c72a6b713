"""Run the marked examples of the docs and check, or rewrite, the output they show.

    python tools/docs_examples.py --check     # exit 1, with a diff per stale example
    python tools/docs_examples.py --write     # rewrite the stale blocks, nothing else
    python tools/docs_examples.py --check docs/lint.md README.md    # some pages only

An example is a marker comment and the fenced block after it (see ``tools/docs_blocks.py`` and
CONTRIBUTING.md, "Examples in the docs"). Each command runs from the repository root, or in a
temporary copy of the marker's ``cwd`` folder, with ``roledef`` and ``python`` standing for
this checkout (``python -m roledef`` with ``PYTHONPATH=src``) and a fixed environment: no cache,
no colour, no CI variables, UTC, a UTF-8 locale. What differs from run to run is replaced, in
the open, by ``NORMALISE``. Examples run in parallel; a console block's commands run one after
the other in one shell, as in a terminal.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "src")]  # run as a script: this checkout's modules

from tools.docs_blocks import (  # noqa: E402
    Example,
    MarkerError,
    cut_lines,
    find_examples,
    replace_bodies,
)

PAGES = ("README.md", "CONTRIBUTING.md", "docs/*.md")
TIMEOUT = 120

#: What varies by run, and what it becomes in the docs. ``{tmp}`` is the temporary folder.
NORMALISE = (
    # a temporary copy's absolute path: the folder a reader runs the command in
    ("{tmp}", "/home/you"),
    # this checkout's absolute path
    ("{root}", "/path/to/roledef"),
    # the time pre-commit measured a hook to take (`pre-commit run --verbose`)
    (r"^(- duration: )\d+(?:\.\d+)?s$", r"\g<1>0.12s"),
)


@dataclass(frozen=True)
class Run:
    """What an example shows now: its lines, and the exit code of its last command."""

    lines: list[str]
    exit_code: int


def environment(home: Path, bin_dir: Path) -> dict[str, str]:
    """The one environment every example runs in: nothing of the caller's leaks in."""
    return {
        "PATH": f"{bin_dir}{os.pathsep}/usr/local/bin{os.pathsep}/usr/bin{os.pathsep}/bin",
        "HOME": str(home),
        "PYTHONPATH": str(ROOT / "src"),
        "PYTHONHASHSEED": "0",
        "PYTHONUTF8": "1",
        "ROLEDEF_NO_CACHE": "1",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TZ": "UTC",
        "TERM": "dumb",
        # `git init` in an example: the same branch name, and no hint about it, on any git
        "GIT_CONFIG_COUNT": "1",
        "GIT_CONFIG_KEY_0": "init.defaultBranch",
        "GIT_CONFIG_VALUE_0": "main",
    }


def _shims(bin_dir: Path) -> None:
    """``roledef`` and ``python`` on the examples' PATH: this checkout and this interpreter."""
    bin_dir.mkdir()
    for name, args in (("roledef", '-m roledef "$@"'), ("python", '"$@"'), ("python3", '"$@"')):
        shim = bin_dir / name
        shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" {args}\n', encoding="utf-8")
        shim.chmod(0o755)


def run_example(example: Example) -> Run:
    """Run an example's commands in a fresh environment and return what its block should hold."""
    with tempfile.TemporaryDirectory(prefix="roledef-docs-") as scratch:
        tmp = Path(scratch)
        _shims(tmp / "bin")
        (tmp / "home").mkdir()
        cwd = ROOT
        if "cwd" in example.options:
            source = ROOT / example.options["cwd"]
            if not source.is_dir():
                raise MarkerError(f"{example.where}: cwd: {source} is not a folder")
            cwd = tmp / "work"
            shutil.copytree(source, cwd, symlinks=True)
        env = environment(tmp / "home", tmp / "bin")
        commands = example.commands()
        outputs, code = _session(commands, cwd, env, example.where)
        copy = str(cwd) if cwd != ROOT else None
        shown: list[str] = []
        for command, raw in zip(commands, outputs, strict=True):
            output = normalise(raw, copy)
            if "lines" in example.options:
                output = cut_lines(output, example.options["lines"], example.where)
            if example.info == "console":
                shown.extend(["$ " + command.split("\n")[0], *command.split("\n")[1:]])
            shown.extend(output)
    return Run(shown, code)


def _session(
    commands: list[str], cwd: Path, env: dict[str, str], where: str
) -> tuple[list[str], int]:
    """Run commands one after the other in one shell, as in a terminal (``cd`` and ``$?``
    carry over), and return what each printed and the exit code of the last."""
    token = f"roledef-docs-{uuid.uuid4().hex}"
    # after each command: a line that ends its output, then $? as the command left it
    mark = f'__status=$?; printf \'\\n%s %s\\n\' {token} "$__status"; (exit "$__status")'
    script = "".join(f"{command}\n{mark}\n" for command in commands)
    proc = subprocess.run(
        ["/bin/bash", "-c", script],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        timeout=TIMEOUT,
        check=False,
    )
    outputs: list[str] = []
    code = proc.returncode
    current: list[str] = []
    for line in proc.stdout.decode("utf-8", "backslashreplace").split("\n"):
        if line.startswith(token + " "):
            outputs.append("\n".join(current))
            code = int(line.split()[1])
            current = []
        else:
            current.append(line)
    if len(outputs) != len(commands):
        raise MarkerError(f"{where}: the shell stopped after {len(outputs)} of the commands")
    return outputs, code


def normalise(output: str, copy: str | None) -> list[str]:
    """The output's lines, with ``NORMALISE`` applied, without the spaces that end a line (the
    repository's trailing-whitespace hook would remove them from the page) or the blank lines
    that end the output; ``copy`` is the temporary folder the commands ran in, if any."""
    places = {"{tmp}": copy, "{root}": str(ROOT)}
    lines = []
    for line in output.rstrip("\n").split("\n") if output.strip() else []:
        for pattern, replacement in NORMALISE:
            if pattern in places:
                place = places[pattern]
                line = line.replace(place, replacement) if place else line
            else:
                line = re.sub(pattern, replacement, line)
        lines.append(line.rstrip())
    return lines


def problems(example: Example, run: Run) -> tuple[list[str], list[str]]:
    """What is stale in an example: notes (a changed exit code, a fence in the output), and a
    unified diff of its block, empty when the block is current."""
    found: list[str] = []
    expected_code = example.options.get("exit")
    if expected_code is not None and str(run.exit_code) != expected_code:
        found.append(f"{example.where}: exit code {run.exit_code}, the marker says {expected_code}")
    fence = "```"
    if any(line.lstrip().startswith(fence) for line in run.lines):
        found.append(f"{example.where}: the output holds a fence ``` : use a longer one (````)")
    line = example.body_start + 1
    diff = difflib.unified_diff(
        example.unindented(),
        run.lines,
        f"{example.path}:{line} (the docs)",
        f"{example.path}:{line} (a run now)",
        lineterm="",
    )
    return found, ["\n".join(diff)] if example.unindented() != run.lines else []


def pages(names: list[str]) -> list[Path]:
    """The pages to look at: those named, or every page of ``PAGES``."""
    if names:
        return [Path(name).resolve() for name in names]
    found: list[Path] = []
    for pattern in PAGES:
        found.extend(sorted(ROOT.glob(pattern)))
    return found


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="report stale examples, exit 1")
    mode.add_argument("--write", action="store_true", help="rewrite the stale examples")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="runs at once")
    parser.add_argument("pages", nargs="*", help="pages to look at (default: all the docs)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        found = {
            path: find_examples(path.read_text("utf-8"), _rel(path)) for path in pages(args.pages)
        }
        examples = [example for page in found.values() for example in page]
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            runs = dict(zip(map(id, examples), pool.map(run_example, examples), strict=True))
    except (MarkerError, OSError, subprocess.TimeoutExpired) as error:
        print(f"docs_examples: {error}", file=sys.stderr)
        return 2
    stale = 0
    failed = False
    for path, page in found.items():
        bodies: dict[int, list[str]] = {}
        for example in page:
            run = runs[id(example)]
            notes, diff = problems(example, run)
            stale += bool(notes or diff)
            for note in notes if args.write else [*notes, *diff]:
                print(note)
            # --write leaves a marker's exit code and the prose about it to a person
            failed = failed or bool(notes and args.write)
            if diff:
                bodies[example.body_start] = run.lines
        if args.write and bodies:
            try:
                _write(path, page, bodies)
            except MarkerError as error:
                print(f"docs_examples: {error}", file=sys.stderr)
                failed = True
    seconds = time.perf_counter() - started
    print(
        f"{len(examples)} examples in {len(found)} pages, {stale} stale ({seconds:.1f} s)",
        file=sys.stderr,
    )
    return 1 if (stale and args.check) or failed else 0


def _write(path: Path, page: list[Example], bodies: dict[int, list[str]]) -> None:
    """Rewrite the stale blocks of a page atomically, after checking that the new page still
    has the same examples with the same commands (only the blocks' bodies may change)."""
    from roledef.write.atomic import write_atomic

    text = path.read_text("utf-8")
    new = replace_bodies(text, bodies, page)
    again = find_examples(new, _rel(path))

    def shape(examples: list[Example]) -> list[tuple[object, ...]]:
        return [(e.info, e.options, e.commands()) for e in examples]

    if shape(again) != shape(page):
        raise MarkerError(f"{_rel(path)}: rewriting would change its examples; left as it is")
    write_atomic(path, new, force=True)
    print(f"rewrote {len(bodies)} example(s) of {_rel(path)}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
