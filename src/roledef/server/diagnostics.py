"""Findings as the client's diagnostics: the same code, severity, message and range as
``roledef lint --output-format json``, with the rule's name in ``data``."""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types

from roledef import project
from roledef.findings import ERROR, Finding
from roledef.lint.rules.unused_suppression import CODE as UNUSED_SUPPRESSION
from roledef.server.positions import UTF16, to_client

SOURCE = "roledef"


def finding_range(finding: Finding, lines: Sequence[str], encoding: str = UTF16) -> types.Range:
    """The client's range of a finding: from its start to just after its (inclusive) end; a
    finding with no known end runs to the end of its line."""
    last = max(0, len(lines) - 1)
    line = min(max(0, finding.line - 1), last)
    text = lines[line] if lines else ""
    start = types.Position(line, to_client(text, finding.column - 1, encoding))
    if finding.end_line is None or finding.end_column is None:
        return types.Range(start, types.Position(line, to_client(text, len(text), encoding)))
    end_line = min(max(line, finding.end_line - 1), last)
    end_text = lines[end_line] if lines else ""
    end = types.Position(end_line, to_client(end_text, finding.end_column, encoding))
    return types.Range(start, end)


def docs_address(code: str, name: str, docs: str | None = None) -> str | None:
    """Where a rule's documentation is published: its section of ``rules.md`` under the
    project's documentation address (:data:`roledef.project.DOCS`), or None while there is none."""
    base = project.DOCS if docs is None else docs
    if not base:
        return None
    return f"{base}rules.md#{code.lower()}-{name}"


def to_diagnostic(
    finding: Finding, lines: Sequence[str], encoding: str = UTF16
) -> types.Diagnostic:
    address = docs_address(finding.code, finding.rule)
    unused = finding.code == UNUSED_SUPPRESSION
    return types.Diagnostic(
        range=finding_range(finding, lines, encoding),
        message=finding.message,
        severity=(
            types.DiagnosticSeverity.Error
            if finding.severity == ERROR
            else types.DiagnosticSeverity.Warning
        ),
        code=finding.code,
        source=SOURCE,
        code_description=types.CodeDescription(href=address) if address else None,
        tags=[types.DiagnosticTag.Unnecessary] if unused else None,
        data={
            "rule": finding.rule,
            "fixable": finding.fixable,
            "line": finding.line,
            "column": finding.column,
        },
    )


def config_diagnostic(message: str) -> types.Diagnostic:
    """The one diagnostic of a document whose config cannot be used (``roledef lint`` exits 2)."""
    return types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )
