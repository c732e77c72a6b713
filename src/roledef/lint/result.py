"""What checking gives: one file's result, and a whole run's.

Kept apart from the engine and the cache, which both make and read these, so that neither
imports the other.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from roledef.findings import Finding
from roledef.model import Role


@dataclass(frozen=True)
class FileResult:
    """What checking one file gave: its findings before suppression, its role and its lines.

    ``digests`` (code -> what a cross-file rule needs of the role), ``comments`` and
    ``line_count`` are all that :mod:`~roledef.lint.finish` needs, so a worker process sends back a
    :meth:`compact` result: a handbook of any size is checked without holding every role.
    """

    path: str
    findings: tuple[Finding, ...]
    role: Role | None = None
    lines: tuple[str, ...] = ()
    unreadable: bool = False
    internal: bool = False  # roledef itself failed on this file (a bug to report)
    skipped: bool = False  # a YAML file in a folder that is not a role file
    digests: tuple[tuple[str, Any], ...] = ()
    comments: tuple[tuple[int, str], ...] = ()
    line_count: int = 0

    def compact(self, *, keep_lines: bool) -> FileResult:
        """This result without the role (and without the lines unless asked for)."""
        return replace(self, role=None, lines=self.lines if keep_lines else ())


@dataclass(frozen=True)
class LintResult:
    """The outcome of a run: sorted findings, the files checked, and the lines of each file
    (baselines match findings by the text of their line)."""

    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    unreadable: tuple[str, ...] = ()
    internal: tuple[str, ...] = ()
    lines: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Checked:
    """One file as a run reports it: what checking it gave, and its final findings (after
    cross-file rules, suppressions and per-file ignores), sorted."""

    result: FileResult
    findings: list[Finding]

    @property
    def path(self) -> str:
        return self.result.path


def collect(checks: Iterable[Checked]) -> LintResult:
    """A whole run at once, for what needs every finding (a baseline, a document format)."""
    findings: list[Finding] = []
    results: list[FileResult] = []
    for checked in checks:
        findings += checked.findings
        results.append(checked.result)
    return LintResult(
        findings=tuple(findings),
        files=tuple(r.path for r in results),
        unreadable=tuple(r.path for r in results if r.unreadable),
        internal=tuple(r.path for r in results if r.internal),
        lines={r.path: r.lines for r in results},
    )
