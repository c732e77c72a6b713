"""What checking gives: one file's result, and a whole run's.

Kept apart from the engine and the cache, which both make and read these, so that neither
imports the other.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

from roledef.findings import Finding
from roledef.model import Role
from roledef.record import Record


class FileResult(Record):
    """What checking one file gave: its findings before suppression, its role and its lines.

    ``digests`` (code -> what a cross-file rule needs of the role), ``comments`` and
    ``line_count`` are all that :mod:`~roledef.lint.finish` needs, so a worker process sends back a
    :meth:`compact` result: a handbook of any size is checked without holding every role.
    """

    __slots__ = (
        "comments",
        "digests",
        "findings",
        "internal",
        "line_count",
        "lines",
        "not_role",
        "path",
        "role",
        "skipped",
        "unreadable",
    )

    def __init__(
        self,
        path: str,
        findings: tuple[Finding, ...],
        role: Role | None = None,
        lines: tuple[str, ...] = (),
        unreadable: bool = False,
        internal: bool = False,
        skipped: bool = False,
        digests: tuple[tuple[str, Any], ...] = (),
        comments: tuple[tuple[int, str], ...] = (),
        line_count: int = 0,
        not_role: str | None = None,
    ) -> None:
        self.path: Final = path
        self.findings: Final = findings
        self.role: Final = role
        self.lines: Final = lines
        self.unreadable: Final = unreadable
        self.internal: Final = internal  # roledef itself failed on this file (a bug to report)
        # found in a folder and not a role file (a YAML file without a role's keys, a markdown
        # page that reads as something else): left out of the run
        self.skipped: Final = skipped
        self.digests: Final = digests
        self.comments: Final = comments
        self.line_count: Final = line_count
        # why the file is not a role file (roledef.read.kind), or None for a role file
        self.not_role: Final = not_role

    def compact(self, *, keep_lines: bool) -> FileResult:
        """This result without the role (and without the lines unless asked for)."""
        return self.replace(role=None, lines=self.lines if keep_lines else ())


class LintResult(Record):
    """The outcome of a run: sorted findings, the files checked, and the lines of each file
    (baselines match findings by the text of their line)."""

    __slots__ = ("files", "findings", "internal", "lines", "unreadable")

    def __init__(
        self,
        findings: tuple[Finding, ...],
        files: tuple[str, ...],
        unreadable: tuple[str, ...] = (),
        internal: tuple[str, ...] = (),
        lines: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.findings: Final = findings
        self.files: Final = files
        self.unreadable: Final = unreadable
        self.internal: Final = internal
        self.lines: Final[Mapping[str, tuple[str, ...]]] = {} if lines is None else lines


class Checked(Record):
    """One file as a run reports it: what checking it gave, and its final findings (after
    cross-file rules, suppressions and per-file ignores), sorted."""

    __slots__ = ("findings", "result")

    def __init__(self, result: FileResult, findings: list[Finding]) -> None:
        self.result: Final = result
        self.findings: Final = findings

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
