"""Findings: what the linter says about a file, and where. Shared by rules and reporters."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

#: How bad a finding is; ``error`` fails the run, ``warning`` only with ``--strict``.
Severity = Literal["error", "warning"]
ERROR: Severity = "error"
WARNING: Severity = "warning"
SEVERITIES: tuple[Severity, ...] = (ERROR, WARNING)


@dataclass(frozen=True, order=True)
class Finding:
    """One problem at one place. Lines and columns are 1-based; ends are inclusive where known.

    Ordering is by (path, line, column, code), the order every reporter prints in.
    """

    path: str
    line: int
    column: int
    code: str
    rule: str = field(compare=False)
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    fixable: bool = field(default=False, compare=False)
    end_line: int | None = field(default=None, compare=False)
    end_column: int | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, object]:
        """The JSON form: exactly the documented fields."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "fixable": self.fixable,
        }


@dataclass(frozen=True)
class RuleInfo:
    """What reporters need to know about a rule (SARIF metadata, `roledef rules`)."""

    code: str
    name: str
    severity: Severity
    fixable: bool
    summary: str
    doc: str = ""
