"""Output formats of ``roledef lint``: each file's findings in, as the run goes; text out.

Every format is written through one protocol, :class:`Output`: ``start()``, ``file(path,
findings)`` for each file checked in path order, ``finish()``; each returns the text to write
then. A format is a module with ``render(report) -> str`` (the whole document, from a
:class:`Report`); one that can be written as it goes (``text``) also defines its own ``Output``.
Each module is imported only when it is used, so that the common case (``text`` in a pre-commit
hook) does not pay for JSON, hashing or XML. :data:`REPORTERS` (name -> format) feeds
``click.Choice``; :func:`render_report` renders findings already gathered, through the same
protocol.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from types import ModuleType
from typing import Final, Literal, cast

from roledef.findings import ERROR, Finding, RuleInfo
from roledef.record import Record

#: Why a file found in a folder was left out of the run: it reads as another page than a role
#: (``not-role``, :mod:`roledef.read.kind`), or its name does not end in .md, .yaml or .yml.
Skip = Literal["not-role", "name"]
#: The fixes the run has already made (``roledef lint --fix``, with ``--unsafe-fixes``): a
#: finding they could fix and still reported is one they left for a person.
Fixed = Literal["none", "safe", "unsafe"]


class Report(Record):
    """Everything a format may show: the findings (sorted) and what the run covered.

    ``files`` is the list of files checked when the caller has it; without it, reporters that
    list files (JUnit) fall back to the files that have findings plus a summary. ``skipped``
    counts the files found in folders and left out, by why (:data:`Skip`); ``fixed`` says which
    fixes were already made (:data:`Fixed`).
    """

    __slots__ = (
        "color",
        "files",
        "files_checked",
        "findings",
        "fixed",
        "rules",
        "skipped",
        "statistics",
    )

    def __init__(
        self,
        findings: tuple[Finding, ...],
        files_checked: int,
        rules: Mapping[str, RuleInfo],
        color: bool = False,
        statistics: bool = False,
        files: tuple[str, ...] | None = None,
        skipped: Mapping[Skip, int] | None = None,
        fixed: Fixed = "none",
    ) -> None:
        self.findings: Final = findings
        self.files_checked: Final = files_checked
        self.rules: Final = rules
        self.color: Final = color
        self.statistics: Final = statistics
        self.files: Final = files
        self.skipped: Final[Mapping[Skip, int]] = {} if skipped is None else skipped
        self.fixed: Final = fixed

    @property
    def errors(self) -> int:
        """How many findings are errors."""
        return sum(1 for f in self.findings if f.severity == ERROR)

    @property
    def warnings(self) -> int:
        """How many findings are not errors."""
        return len(self.findings) - self.errors


def _module(name: str) -> ModuleType:
    """A format's module, imported on first use (with ``__import__`` rather than importlib's
    function: ``python -X importtime`` times only the former)."""
    __import__(name)
    return sys.modules[name]


#: What a run says of each rule (code -> info), or a function that builds it when first needed.
Rules = Mapping[str, RuleInfo] | Callable[[], Mapping[str, RuleInfo]]


class Output:
    """A run's output in one format, fed as the run goes: :meth:`start`, :meth:`file` for each
    file checked (in path order, its final findings), :meth:`skip` for each file left out, then
    :meth:`finish`. Each returns the text to write now; every non-empty text already ends with a
    newline.

    This default holds the findings and renders them at the end as one document, with the
    format module's ``render(report)``; a format that can be written as it goes (``text``)
    overrides both and keeps only counts, so memory stays flat however many files are checked.
    """

    def __init__(
        self,
        module: str,
        rules: Rules,
        *,
        color: bool = False,
        statistics: bool = False,
        fixed: Fixed = "none",
    ) -> None:
        self.module = module
        self._rules = rules
        self.color = color
        self.statistics = statistics
        self.fixed: Fixed = fixed
        self.skipped: Counter[Skip] = Counter()
        self.checked = 0
        self.names: list[str] | None = []  # None: only the count of files is known
        self.findings: list[Finding] = []

    @property
    def rules(self) -> Mapping[str, RuleInfo]:
        """What the output says of each rule; asked for only when a format shows it (building
        it reads every rule's documentation, which a run that prints findings does not need)."""
        if callable(self._rules):
            self._rules = self._rules()
        return self._rules

    def start(self) -> str:
        """The text that opens the output (none, for every format today)."""
        return ""

    def file(self, path: str, findings: Sequence[Finding]) -> str:
        """One file's findings, sorted; the text to write now."""
        self.checked += 1
        if self.names is not None:
            self.names.append(path)
        self.findings += findings
        return ""

    def skip(self, why: Skip, files: int = 1) -> str:
        """Files found in a folder and left out of the run (counted for the summary)."""
        self.skipped[why] += files
        return ""

    def finish(self) -> str:
        """The text that ends the output."""
        report = Report(
            findings=tuple(sorted(self.findings)),
            files_checked=self.checked,
            rules=self.rules,
            color=self.color,
            statistics=self.statistics,
            files=tuple(self.names) if self.names is not None else None,
            skipped=self.skipped,
            fixed=self.fixed,
        )
        render = _module(self.module).render
        return cast(Callable[[Report], str], render)(report)


class Reporter(Record):
    """One output format: its name, a line of help, and the module that writes it."""

    __slots__ = ("help", "module", "name")

    def __init__(self, name: str, help: str, module: str) -> None:
        self.name: Final = name
        self.help: Final = help
        self.module: Final = module

    def output(
        self, rules: Rules, *, color: bool = False, statistics: bool = False, fixed: Fixed = "none"
    ) -> Output:
        """A new output in this format: the module's own ``Output`` class if it has one (to
        write as the run goes), else the default, which renders the document at the end."""
        kind = getattr(_module(self.module), "Output", Output)
        return cast(type[Output], kind)(
            self.module, rules, color=color, statistics=statistics, fixed=fixed
        )

    def render(self, report: Report) -> str:
        """The whole document at once, for findings already gathered."""
        out = self.output(
            report.rules, color=report.color, statistics=report.statistics, fixed=report.fixed
        )
        for why, files in report.skipped.items():
            out.skip(why, files)
        by_file: dict[str, list[Finding]] = {}
        for finding in sorted(report.findings):
            by_file.setdefault(finding.path, []).append(finding)
        paths = sorted({*(report.files or ()), *by_file})
        text = out.start() + "".join(out.file(path, by_file.get(path, [])) for path in paths)
        out.checked = report.files_checked
        if report.files is None:
            out.names = None
        return text + out.finish()


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
    skipped: Mapping[Skip, int] | None = None,
    fixed: Fixed = "none",
) -> str:
    """Render ``findings`` in format ``fmt``.

    ``color``, ``statistics`` and ``fixed`` only change the ``text`` format; the caller decides
    colour (a terminal, and ``NO_COLOR`` unset). ``files``, when given, is every file checked;
    ``skipped`` counts the files left out, by why (the summary lines of ``text`` and ``github``
    say so).
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
        skipped=skipped,
        fixed=fixed,
    )
    return reporter.render(report)
