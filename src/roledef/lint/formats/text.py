"""The ``text`` format: what a person reads in a terminal or a pre-commit hook.

One line per finding, ``path:line:col: RD201 [error] message`` (``RD201 [*] [error]`` when
``roledef lint --fix`` can fix it), optionally a table of counts per rule, then a summary line
that says which files found in folders were skipped, and a line that counts the fixable
findings when there are any. Colour only when the caller asks for it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Literal

from roledef.exitcodes import count
from roledef.findings import ERROR, Finding
from roledef.lint.formats import Fixed, Report, Skip
from roledef.lint.formats import Output as _Document
from roledef.lint.formats.common import clean, files_with_findings, plural

BOLD = "\x1b[1m"
RED = "\x1b[31m"
YELLOW = "\x1b[33m"
GREEN = "\x1b[32m"
RESET = "\x1b[0m"
#: The marker of a finding ``roledef lint --fix`` can fix (ruff's).
FIXABLE = "[*]"

#: Why files were skipped, as the summary says it of one file and of several.
SKIP_WORDS: dict[Skip, tuple[str, str]] = {
    "not-role": ("not a role file", "not role files"),
    "name": ("not .md, .yaml or .yml", "not .md, .yaml or .yml"),
}

#: Which fix a finding has: one ``--fix`` makes, one that needs ``--unsafe-fixes``, or none.
FixKind = Literal["safe", "unsafe"] | None


def render(report: Report) -> str:
    """The findings, the statistics table when asked for, and the summary line."""
    blocks = []
    if report.findings:
        blocks.append(
            "".join(
                finding_line(f, color=report.color, fixable=fix_kind(f, report.fixed) == "safe")
                for f in report.findings
            )
        )
        if report.statistics:
            blocks.append(statistics_table(report))
    blocks.append(summary_line(report) + "\n" + fixable_line(report.findings, report.fixed))
    return "\n".join(blocks)


class Output(_Document):
    """The text format written as the run goes: each file's findings as soon as they are known,
    then (after a blank line) the statistics table when asked for, and the summary line. Only
    counts are kept (and the findings, for the statistics table): the same bytes as
    :func:`render` gives for the whole run."""

    errors = warnings = affected = 0
    safe = unsafe = 0  # findings --fix can fix, and those that need --unsafe-fixes

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
        kinds = [fix_kind(f, self.fixed) for f in findings]
        self.safe += kinds.count("safe")
        self.unsafe += kinds.count("unsafe")
        return "".join(
            finding_line(f, color=self.color, fixable=kind == "safe")
            for f, kind in zip(findings, kinds, strict=True)
        )

    def finish(self) -> str:
        blocks = [""] if self.errors or self.warnings else []
        if self.statistics and self.findings:
            report = Report(tuple(self.findings), self.checked, self.rules)
            blocks.append(statistics_table(report))
        summary = summary_text(
            self.checked,
            self.errors,
            self.warnings,
            self.affected,
            color=self.color,
            skipped=self.skipped,
        )
        hint = fix_hint(self.safe, self.unsafe)
        return "\n".join([*blocks, summary + "\n" + hint])


def fix_kind(finding: Finding, fixed: Fixed = "none") -> FixKind:
    """Which fix ``finding`` has, less those the run already made (a finding they could fix
    that is still reported is one they left for a person)."""
    if not finding.fixable:
        return None
    from roledef.lint.rules import RULES  # (loaded by every run that checks files)

    rule = RULES.get(finding.code)
    fix = getattr(rule, "FIX", None)
    if fix is not None and not fix.safe:
        return "unsafe" if fixed != "unsafe" else None
    return "safe" if fixed == "none" else None


def fixable_line(findings: Sequence[Finding], fixed: Fixed = "none") -> str:
    """The line that counts the fixable findings (see :func:`fix_hint`)."""
    kinds = [fix_kind(f, fixed) for f in findings]
    return fix_hint(kinds.count("safe"), kinds.count("unsafe"))


def fix_hint(safe: int, unsafe: int) -> str:
    """``3 fixable with `roledef lint --fix`.`` and a newline, with the findings that need
    ``--unsafe-fixes`` counted apart; nothing when no finding is fixable."""
    if safe and unsafe:
        return (
            f"{safe} fixable with `roledef lint --fix` "
            f"({unsafe} more with `roledef lint --fix --unsafe-fixes`).\n"
        )
    if safe:
        return f"{safe} fixable with `roledef lint --fix`.\n"
    if unsafe:
        return f"{unsafe} fixable with `roledef lint --fix --unsafe-fixes`.\n"
    return ""


def finding_line(finding: Finding, *, color: bool = False, fixable: bool = False) -> str:
    """``path:line:col: CODE [severity] message`` and a newline; ``CODE [*] [severity]`` when
    ``fixable`` (``roledef lint --fix`` fixes it).

    A message of several lines continues on indented lines, so that every finding still
    starts with its location; control characters show as escapes, so that a file name or
    message cannot move the cursor or change colours.
    """
    path = clean(finding.path)
    code = f"{finding.code} {FIXABLE}" if fixable else finding.code
    label = f"{code} [{finding.severity}]"
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
        report.files_checked,
        report.errors,
        report.warnings,
        affected,
        color=report.color,
        skipped=report.skipped,
    )


def summary_text(
    files: int,
    errors: int,
    warnings: int,
    affected: int,
    *,
    color: bool,
    skipped: Mapping[Skip, int] | None = None,
) -> str:
    """The summary line from counts alone (``roledef lint`` streams findings and counts them),
    and the files skipped: ``Found 1 error in 1 of 2 files (1 file skipped: not a role file).``"""
    note = skipped_note(skipped or {})
    if not errors and not warnings:
        if files == 0:
            text, hue = f"No role files checked{note}.", YELLOW
        else:
            text = f"All checked: {plural(files, 'file')}, no problems{note}."
            hue = GREEN
    else:
        parts = []
        if errors:
            parts.append(plural(errors, "error"))
        if warnings:
            parts.append(plural(warnings, "warning"))
        total = max(files, affected)
        text = f"Found {' and '.join(parts)} in {affected} of {plural(total, 'file')}{note}."
        hue = RED if errors else YELLOW
    return f"{BOLD}{hue}{text}{RESET}" if color else text


def skipped_note(skipped: Mapping[Skip, int]) -> str:
    """`` (3 files skipped: 2 not role files, 1 not .md, .yaml or .yml)``, or nothing."""
    counts = [(skipped.get(why, 0), words) for why, words in SKIP_WORDS.items()]
    counts = [(n, words) for n, words in counts if n]
    if not counts:
        return ""
    total = plural(sum(n for n, _ in counts), "file")
    if len(counts) == 1:
        ((n, (one, many)),) = counts
        return f" ({total} skipped: {one if n == 1 else many})"
    reasons = ", ".join(f"{n} {one if n == 1 else many}" for n, (one, many) in counts)
    return f" ({total} skipped: {reasons})"
