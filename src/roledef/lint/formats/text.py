"""The ``text`` format: what a person reads in a terminal or a pre-commit hook.

One line per finding, ``path:line:col: RD201 [error] message``, optionally a table of counts
per rule, then a summary line. Colour only when the caller asks for it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from roledef.exitcodes import count
from roledef.findings import ERROR, Finding
from roledef.lint.formats import Output as _Document
from roledef.lint.formats import Report
from roledef.lint.formats.common import clean, files_with_findings, plural

BOLD = "\x1b[1m"
RED = "\x1b[31m"
YELLOW = "\x1b[33m"
GREEN = "\x1b[32m"
RESET = "\x1b[0m"


def render(report: Report) -> str:
    """The findings, the statistics table when asked for, and the summary line."""
    blocks = []
    if report.findings:
        blocks.append("".join(finding_line(f, color=report.color) for f in report.findings))
        if report.statistics:
            blocks.append(statistics_table(report))
    blocks.append(summary_line(report) + "\n")
    return "\n".join(blocks)


class Output(_Document):
    """The text format written as the run goes: each file's findings as soon as they are known,
    then (after a blank line) the statistics table when asked for, and the summary line. Only
    counts are kept (and the findings, for the statistics table): the same bytes as
    :func:`render` gives for the whole run."""

    errors = warnings = affected = 0

    def file(self, path: str, findings: Sequence[Finding]) -> str:
        self.checked += 1
        if not findings:
            return ""
        self.affected += 1
        errors, warnings = count(findings)
        self.errors += errors
        self.warnings += warnings
        if self.statistics:
            self.findings += findings
        return "".join(finding_line(f, color=self.color) for f in findings)

    def finish(self) -> str:
        blocks = [""] if self.errors or self.warnings else []
        if self.statistics and self.findings:
            report = Report(tuple(self.findings), self.checked, self.rules)
            blocks.append(statistics_table(report))
        summary = summary_text(
            self.checked, self.errors, self.warnings, self.affected, color=self.color
        )
        return "\n".join([*blocks, summary + "\n"])


def finding_line(finding: Finding, *, color: bool = False) -> str:
    """``path:line:col: CODE [severity] message`` and a newline.

    A message of several lines continues on indented lines, so that every finding still
    starts with its location; control characters show as escapes, so that a file name or
    message cannot move the cursor or change colours.
    """
    path = clean(finding.path)
    label = f"{finding.code} [{finding.severity}]"
    if color:
        hue = RED if finding.severity == ERROR else YELLOW
        path = f"{BOLD}{path}{RESET}"
        label = f"{BOLD}{hue}{label}{RESET}"
    message = "\n    ".join(clean(part) for part in finding.message.splitlines() or [""])
    return f"{path}:{finding.line}:{finding.column}: {label} {message}\n"


def statistics_table(report: Report) -> str:
    """One row per rule: code, name and count, most frequent first."""
    counts = Counter(f.code for f in report.findings)
    names = {f.code: f.rule for f in report.findings}
    for code, info in report.rules.items():
        if code in names:
            names[code] = info.name
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    code_width = max(len(code) for code, _ in rows)
    name_width = max(len(names[code]) for code, _ in rows)
    count_width = max(len(str(count)) for _, count in rows)
    return "".join(
        f"{code:<{code_width}}  {names[code]:<{name_width}}  {count:>{count_width}}\n"
        for code, count in rows
    )


def summary_line(report: Report) -> str:
    """``Found 3 errors and 1 warning in 2 of 5 files.`` or ``All checked: ...``."""
    affected = len(files_with_findings(report.findings))
    return summary_text(
        report.files_checked, report.errors, report.warnings, affected, color=report.color
    )


def summary_text(files: int, errors: int, warnings: int, affected: int, *, color: bool) -> str:
    """The summary line from counts alone (``roledef lint`` streams findings and counts them)."""
    if not errors and not warnings:
        if files == 0:
            text, hue = "No role files checked.", YELLOW
        else:
            text = f"All checked: {plural(files, 'file')}, no problems."
            hue = GREEN
    else:
        parts = []
        if errors:
            parts.append(plural(errors, "error"))
        if warnings:
            parts.append(plural(warnings, "warning"))
        total = max(files, affected)
        text = f"Found {' and '.join(parts)} in {affected} of {plural(total, 'file')}."
        hue = RED if errors else YELLOW
    return f"{BOLD}{hue}{text}{RESET}" if color else text
