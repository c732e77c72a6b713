"""Output formats of ``roledef lint``: findings in, one string out.

Each format lives in its own module and is imported only when it is used, so that the common
case (``text`` in a pre-commit hook) does not pay for JSON, hashing or XML. The command picks a
name from :data:`REPORTERS` (it feeds ``click.Choice``), calls :func:`render_report` and writes
the string as it is: every non-empty result already ends with a newline.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import cast

from roledef.findings import ERROR, Finding, RuleInfo


@dataclass(frozen=True)
class Report:
    """Everything a format may show: the findings (sorted) and what the run covered.

    ``files`` is the list of files checked when the caller has it; without it, reporters that
    list files (JUnit) fall back to the files that have findings plus a summary.
    """

    findings: tuple[Finding, ...]
    files_checked: int
    rules: Mapping[str, RuleInfo]
    color: bool = False
    statistics: bool = False
    files: tuple[str, ...] | None = None

    @property
    def errors(self) -> int:
        """How many findings are errors."""
        return sum(1 for f in self.findings if f.severity == ERROR)

    @property
    def warnings(self) -> int:
        """How many findings are not errors."""
        return len(self.findings) - self.errors


@dataclass(frozen=True)
class Reporter:
    """One output format: its name, a line of help, and the module that renders it."""

    name: str
    help: str
    module: str

    def render(self, report: Report) -> str:
        """Import the format's module on first use and render ``report``."""
        render = importlib.import_module(self.module).render
        return cast(Callable[[Report], str], render)(report)


#: format name -> reporter; the keys are the choices of ``--output-format``.
REPORTERS: dict[str, Reporter] = {
    r.name: r
    for r in (
        Reporter("text", "one line per finding and a summary", "roledef.lint.formats.text"),
        Reporter("json", "a JSON list of findings", "roledef.lint.formats.json_findings"),
        Reporter("github", "GitHub Actions annotations", "roledef.lint.formats.github"),
        Reporter("sarif", "SARIF 2.1.0 (code scanning)", "roledef.lint.formats.sarif"),
        Reporter("junit", "JUnit XML, one test case per file", "roledef.lint.formats.junit"),
        Reporter("gitlab", "GitLab Code Quality JSON", "roledef.lint.formats.gitlab"),
    )
}


def render_report(
    fmt: str,
    findings: Sequence[Finding],
    *,
    files_checked: int,
    rules: Mapping[str, RuleInfo],
    color: bool = False,
    statistics: bool = False,
    files: Sequence[str] | None = None,
) -> str:
    """Render ``findings`` in format ``fmt``.

    ``color`` and ``statistics`` only change the ``text`` format; the caller decides colour
    (a terminal, and ``NO_COLOR`` unset). ``files``, when given, is every file checked.
    Raises :class:`ValueError` for an unknown format.
    """
    reporter = REPORTERS.get(fmt)
    if reporter is None:
        raise ValueError(f"unknown output format {fmt!r}; choose from {', '.join(REPORTERS)}")
    report = Report(
        findings=tuple(sorted(findings)),
        files_checked=files_checked,
        rules=rules,
        color=color,
        statistics=statistics,
        files=tuple(files) if files is not None else None,
    )
    return reporter.render(report)


def exit_code(findings: Sequence[Finding], *, strict: bool = False, exit_zero: bool = False) -> int:
    """0 when the run passes, 1 when it fails: errors fail it, warnings only with ``strict``.

    ``exit_zero`` always passes. Usage errors and unreadable input (exit 2) are the command's.
    """
    if exit_zero:
        return 0
    if any(f.severity == ERROR for f in findings):
        return 1
    return 1 if strict and findings else 0
