"""How a run ends: the exit codes every command documents, the one policy that picks a lint
run's code, and the one wording of an internal error (a bug in roledef, exit 3)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (the CLI imports this module for every command: it stays light)
    from roledef.findings import Finding

#: Exit codes (documented in docs/robustness.md and the README).
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


def exit_code(
    errors: int,
    warnings: int,
    *,
    unreadable: bool = False,
    internal: bool = False,
    strict: bool = False,
    exit_zero: bool = False,
) -> int:
    """How a lint run ends: 3 when roledef failed on a file, 2 when a file could not be read,
    else 1 when there are errors (or any warning with ``strict``) unless ``exit_zero``, else 0.
    Usage errors are exit 2 too, before any file is checked."""
    if internal:
        return EXIT_INTERNAL
    if unreadable:
        return EXIT_USAGE
    if exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if errors or (strict and warnings) else EXIT_OK


def count(findings: Iterable[Finding]) -> tuple[int, int]:
    """(errors, warnings) among ``findings``."""
    from roledef.findings import ERROR

    errors = warnings = 0
    for finding in findings:
        if finding.severity == ERROR:
            errors += 1
        else:
            warnings += 1
    return errors, warnings


def _detail(exc: BaseException) -> str:
    """The exception on one line, however many it spans, and not too long."""
    return f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"


def internal_error_message(exc: BaseException, path: str | None = None) -> str:
    """The line on stderr for an unexpected error: the file it happened on, and a request to
    report it."""
    prefix = f"{path}: " if path else ""
    return (
        f"roledef: {prefix}internal error: {_detail(exc)}. "
        "Please report it with the file that caused it (run with --debug for the traceback)."
    )


def internal_error_finding(exc: BaseException) -> str:
    """The same request as a finding's message, when the run goes on with the other files."""
    return (
        f"roledef failed on this file ({_detail(exc)}); please "
        "report it with the file (ROLEDEF_DEBUG=1 or --debug shows the traceback)"
    )
