"""Findings: what the linter says about a file, and where. Shared by rules and reporters."""

from __future__ import annotations

from functools import total_ordering
from typing import Final, Literal

from roledef.record import Record

#: How bad a finding is; ``error`` fails the run, ``warning`` only with ``--strict``.
Severity = Literal["error", "warning"]
ERROR: Severity = "error"
WARNING: Severity = "warning"
SEVERITIES: tuple[Severity, ...] = (ERROR, WARNING)


@total_ordering
class Finding(Record):
    """One problem at one place. Lines and columns are 1-based; ends are inclusive where known.

    Ordering is by (path, line, column, code), the order every reporter prints in; findings are
    equal when those are.
    """

    __slots__ = (
        "code",
        "column",
        "end_column",
        "end_line",
        "fixable",
        "line",
        "message",
        "path",
        "rule",
        "severity",
    )
    _compared = ("path", "line", "column", "code")

    def __init__(
        self,
        path: str,
        line: int,
        column: int,
        code: str,
        rule: str,
        severity: Severity,
        message: str,
        fixable: bool = False,
        end_line: int | None = None,
        end_column: int | None = None,
    ) -> None:
        self.path: Final = path
        self.line: Final = line
        self.column: Final = column
        self.code: Final = code
        self.rule: Final = rule
        self.severity: Final = severity
        self.message: Final = message
        self.fixable: Final = fixable
        self.end_line: Final = end_line
        self.end_column: Final = end_column

    def __lt__(self, other: Finding) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(self._key(self) < self._key(other))

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


class RuleInfo(Record):
    """What reporters need to know about a rule (SARIF metadata, `roledef rules`)."""

    __slots__ = ("code", "doc", "fixable", "name", "severity", "summary")

    def __init__(
        self,
        code: str,
        name: str,
        severity: Severity,
        fixable: bool,
        summary: str,
        doc: str = "",
    ) -> None:
        self.code: Final = code
        self.name: Final = name
        self.severity: Final = severity
        self.fixable: Final = fixable
        self.summary: Final = summary
        self.doc: Final = doc

    def to_dict(self) -> dict[str, object]:
        """Every field by name, in order."""
        return {name: getattr(self, name) for name in self._fields}
