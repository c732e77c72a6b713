"""``roledef lint --fix`` / ``--diff``: run the fixes and say what they did.

Kept apart from :mod:`roledef.commands.lint` so that a plain lint run does not import it.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence

import click

from roledef.config import Config
from roledef.exitcodes import EXIT_FINDINGS, EXIT_OK
from roledef.fix.apply import fix_paths
from roledef.lint.formats.common import plural
from roledef.write.atomic import OutputError


def counted(findings: Sequence[object]) -> str:
    counts = Counter(f"{getattr(f, 'code', '?')} {getattr(f, 'rule', '?')}" for f in findings)
    return ", ".join(f"{name} x{n}" if n > 1 else name for name, n in sorted(counts.items()))


def run_fixes(
    groups: Sequence[tuple[Sequence[str], Config]],
    *,
    write: bool,
    unsafe: bool,
    exit_zero: bool = False,
) -> int | None:
    """Fix (``write``) or show the diff of the fixes of each group's paths, with its config;
    return the exit code of ``--diff``, or None when the lint run should go on and report
    what is left.

    ``--diff`` exits 1 when there is something to fix (so CI can insist on it), else 0, and 0
    with ``exit_zero`` (``--exit-zero``) as a lint run does; a file that could not be written
    is exit 2.
    """
    results = [r for paths, config in groups for r in fix_paths(paths, config, unsafe=unsafe)]
    changed = [r for r in results if r.changed]
    for result in results:
        if result.refused:
            click.echo(f"roledef: {result.path}: {result.refused}", err=True)
    if not write:
        for result in changed:
            sys.stdout.write(result.diff())
        sys.stdout.flush()
    failed = False
    for result in changed:
        if not write:
            continue
        try:
            result.write()
        except OutputError as exc:
            click.echo(f"roledef: {exc}", err=True)
            failed = True
            continue
        click.echo(f"roledef: {result.path}: fixed {counted(result.fixed)}", err=True)
    fixed = sum(len(r.fixed) for r in changed)
    verb = "fixed" if write else "would fix"
    if fixed:
        files = plural(len(changed), "file")
        click.echo(f"roledef: {verb} {plural(fixed, 'finding')} in {files}", err=True)
    held = sum(r.unsafe_left for r in results)
    if held:
        more = "1 more fix needs" if held == 1 else f"{held} more fixes need"
        click.echo(f"roledef: {more} --unsafe-fixes", err=True)
    if failed:
        return 2
    if not write:
        return EXIT_FINDINGS if changed and not exit_zero else EXIT_OK
    return None
