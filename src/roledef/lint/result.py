"""What checking gives: one file's result, and a whole run's.

Kept apart from the engine and the cache, which both make and read these, so that neither
imports the other.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from roledef.findings import Finding
from roledef.model import Role


@dataclass(frozen=True)
class FileResult:
    """What checking one file gave: its findings before suppression, its role and its lines.

    ``digests`` (code -> what a cross-file rule needs of the role), ``comments`` and
    ``line_count`` are all that :func:`finish` needs, so a worker process sends back a
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
