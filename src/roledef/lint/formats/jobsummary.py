"""The job summary: a markdown report of a lint run for the summary page of a GitHub Actions run.

GitHub sets ``GITHUB_STEP_SUMMARY`` in every step to a file whose markdown it shows on the run's
summary page. ``roledef lint`` appends to it, whatever its output format, unless
``--no-job-summary``: a heading with the result, the findings counted per rule, and a table of
findings (at most :data:`MAX_ROWS`) with links to their lines. GitHub shows only the first
:data:`ANNOTATIONS_PER_STEP` error and warning annotations of a step; the summary says so when a
run has more.

The summary is gathered beside the run's own output (:class:`WithJobSummary`, fed the same
files) and written once, at the end, by appending: GitHub joins what every command of a step
wrote. This module is imported only when the variable is set.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Final

from roledef.findings import ERROR, Finding
from roledef.lint.discover import work_tree
from roledef.lint.formats import Fixed, Output, Skip
from roledef.lint.formats.common import clean, plural, posix_path
from roledef.lint.formats.text import FixKind, fix_hint, fix_kind, skipped_note
from roledef.record import Record

#: The variable GitHub Actions sets to the step's summary file.
VARIABLE = "GITHUB_STEP_SUMMARY"
#: Findings listed in the table; the others are counted under it.
MAX_ROWS = 200
#: What one run may append: GitHub refuses a step's summary over 1 MiB, and a step may run
#: roledef more than once (or write its own summary too).
BUDGET = 512 * 1024
#: A message longer than this is cut in the table (the whole one is in the log, SARIF, JSON).
MAX_MESSAGE = 500
#: GitHub Actions shows at most this many error annotations, and as many warnings, per step.
ANNOTATIONS_PER_STEP = 10

#: What the "fix" column says of a finding ``roledef lint --fix`` can fix.
FIX_WORDS: dict[FixKind, str] = {"safe": "yes", "unsafe": "unsafe", None: ""}

#: ASCII punctuation that starts or ends something in GitHub's markdown inside a table cell
#: (code, emphasis, links, HTML, entities, strikethrough, math, cells), written with a
#: backslash, which CommonMark defines for any ASCII punctuation (and GitHub for ``$``).
_ESCAPED = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|~&$"})


class Links(Record):
    """Where a finding's line is on GitHub: ``SERVER/REPOSITORY/blob/SHA/PATH?plain=1#Lnn``.

    ``root`` is the repository's top folder, which paths are made relative to. ``?plain=1``
    shows a markdown file as text, with its line numbers, instead of rendering it.
    """

    __slots__ = ("base", "root")

    def __init__(self, base: str, root: str) -> None:
        self.base: Final = base
        self.root: Final = root

    @classmethod
    def from_environment(cls, env: Mapping[str, str], cwd: str) -> Links | None:
        """The links of a GitHub Actions run (``GITHUB_SERVER_URL``, ``GITHUB_REPOSITORY``,
        ``GITHUB_SHA``), or None outside one. The root is the top of the git work tree ``cwd``
        is in, else ``GITHUB_WORKSPACE``."""
        server = env.get("GITHUB_SERVER_URL", "").rstrip("/")
        repository = env.get("GITHUB_REPOSITORY", "").strip("/")
        sha = env.get("GITHUB_SHA", "")
        root = work_tree(cwd) or env.get("GITHUB_WORKSPACE", "")
        if not (server and repository and sha and root):
            return None
        return cls(f"{server}/{repository}/blob/{sha}/", os.path.realpath(root))

    def relative(self, path: str) -> str | None:
        """``path`` from the repository's top folder (with ``/``), or None outside it."""
        relative = os.path.relpath(os.path.realpath(path), self.root)
        if relative == os.pardir or relative.startswith(os.pardir + os.sep):
            return None
        return posix_path(relative)

    def url(self, finding: Finding, relative: str | None = None) -> str | None:
        """The link to the finding's lines, or None for a file outside the repository
        (``relative``: its path from :meth:`relative`, when the caller has it already)."""
        from urllib.parse import quote

        relative = relative or self.relative(finding.path)
        if relative is None:
            return None
        # a file name that is not UTF-8 is quoted byte for byte, as git stores it
        path = quote(os.fsencode(relative), safe="/")
        start, end = finding.line, finding.end_line
        lines = f"L{start}" if end is None or end <= start else f"L{start}-L{end}"
        return f"{self.base}{path}?plain=1#{lines}"


class RuleCount:
    """One rule's line in the summary: its findings and how many ``--fix`` can fix."""

    __slots__ = ("count", "fixable", "name", "severities")

    def __init__(self, name: str) -> None:
        self.name = name
        self.severities: set[str] = set()
        self.count = 0
        self.fixable = 0


class Tally:
    """What the summary says of a run, gathered file by file: counts, and the first rows."""

    def __init__(self, fixed: Fixed = "none", max_rows: int = MAX_ROWS) -> None:
        self.fixed: Fixed = fixed
        self.max_rows = max_rows
        self.checked = self.affected = self.errors = self.warnings = 0
        self.safe = self.unsafe = 0
        self.skipped: Counter[Skip] = Counter()
        self.rules: dict[str, RuleCount] = {}
        self.rows: list[tuple[Finding, FixKind]] = []

    @property
    def total(self) -> int:
        """How many findings the run reported."""
        return self.errors + self.warnings

    def file(self, findings: Sequence[Finding]) -> None:
        """Count one checked file's findings (given sorted, in path order)."""
        self.checked += 1
        self.affected += bool(findings)
        for finding in findings:
            kind = fix_kind(finding, self.fixed)
            if finding.severity == ERROR:
                self.errors += 1
            else:
                self.warnings += 1
            self.safe += kind == "safe"
            self.unsafe += kind == "unsafe"
            rule = self.rules.setdefault(finding.code, RuleCount(finding.rule))
            rule.severities.add(finding.severity)
            rule.count += 1
            rule.fixable += kind is not None
            if len(self.rows) < self.max_rows:
                self.rows.append((finding, kind))


def render(
    tally: Tally, links: Links | None, *, annotations: bool = False, left_out: str = ""
) -> str:
    """The summary as GitHub-flavoured markdown, ending with a blank line (so that what the
    step appends next starts a block of its own). ``annotations``: the run printed them (the
    ``github`` format), so say what GitHub leaves out. ``left_out``: what ``--diff-base`` did
    not report (plain text)."""
    blocks = [f"### {heading(tally)}"]
    if left_out:
        blocks.append(f"{escape(left_out)} (`--diff-base`).")
    skipped = skipped_note(tally.skipped).strip(" ()")
    if skipped:
        blocks.append(escape(skipped[0].upper() + skipped[1:] + "."))
    hint = fix_hint(tally.safe, tally.unsafe).strip()
    if hint:
        blocks.append(hint)  # (markdown already: the commands in backticks)
    if tally.total:
        if annotations and max(tally.errors, tally.warnings) > ANNOTATIONS_PER_STEP:
            blocks.append(annotations_note(tally))
        blocks.append(rules_table(tally))
        blocks.append(findings_table(tally, links))
    return "\n\n".join(blocks) + "\n\n"


def heading(tally: Tally) -> str:
    """``roledef: 3 errors and 1 warning in 2 of 5 files``, or the clean result."""
    if not tally.total:
        if not tally.checked:
            return "roledef: no role files checked"
        return f"roledef: {plural(tally.checked, 'file')} checked, no problems"
    parts = [
        plural(n, word) for n, word in ((tally.errors, "error"), (tally.warnings, "warning")) if n
    ]
    files = plural(max(tally.checked, tally.affected), "file")
    return f"roledef: {' and '.join(parts)} in {tally.affected} of {files}"


def annotations_note(tally: Tally) -> str:
    """Why the pull request shows fewer annotations than there are findings, and where all are."""
    listed = "listed below" if tally.total <= len(tally.rows) else "counted below"
    return (
        f"GitHub shows only the first {ANNOTATIONS_PER_STEP} error and {ANNOTATIONS_PER_STEP} "
        f"warning annotations of a step. All {tally.total} findings are {listed} and in the "
        "job's log, and in code scanning when the run's SARIF is uploaded "
        "(`roledef lint --output-format sarif`)."
    )


def rules_table(tally: Tally) -> str:
    """One row per rule, most findings first: code, name, severity, findings, fixable."""
    rows = sorted(tally.rules.items(), key=lambda item: (-item[1].count, item[0]))
    lines = ["| rule | name | severity | findings | fixable |", "| --- | --- | --- | ---: | ---: |"]
    for code, rule in rows:
        severity = ", ".join(sorted(rule.severities))
        cells = (escape(code), escape(rule.name), severity, str(rule.count), str(rule.fixable))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def findings_table(tally: Tally, links: Links | None) -> str:
    """The first findings, each linked to its lines, and a line that counts the rest."""
    lines = ["| location | rule | severity | message | fix |", "| --- | --- | --- | --- | --- |"]
    size = 0
    shown = 0
    for finding, kind in tally.rows:
        row = finding_row(finding, kind, links)
        size += len(row.encode("utf-8", "replace")) + 1
        if size > BUDGET:
            break
        lines.append(row)
        shown += 1
    table = "\n".join(lines)
    rest = tally.total - shown
    if rest:
        table += (
            f"\n\n… and {plural(rest, 'more finding')} not listed here: the job's log has every "
            "one, and so does `roledef lint --output-format sarif` in code scanning."
        )
    return table


def finding_row(finding: Finding, kind: FixKind, links: Links | None) -> str:
    """One table row: ``[path:line](url)`` (the path from the repository's top when linked),
    rule, severity, message, whether ``--fix`` fixes it."""
    path = links.relative(finding.path) if links is not None else None
    url = links.url(finding, path) if links is not None and path is not None else None
    place = escape(f"{path or posix_path(finding.path)}:{finding.line}")
    where = f"[{place}]({url})" if url else place
    message = " ".join(finding.message.splitlines())  # (a line break ends the row)
    if len(message) > MAX_MESSAGE:
        message = message[: MAX_MESSAGE - 1] + "…"
    cells = (
        where,
        escape(f"{finding.code} {finding.rule}"),
        finding.severity,
        escape(message),
        FIX_WORDS[kind],
    )
    return "| " + " | ".join(cells) + " |"


def escape(text: str) -> str:
    """``text`` as literal markdown in a table cell: control characters shown as escapes (a line
    break would end the row), and the punctuation GitHub reads as markup backslash-escaped."""
    return clean(text).translate(_ESCAPED)


class WithJobSummary(Output):
    """Another format's output, unchanged, with the job summary gathered beside it from the same
    files and appended to ``path`` when the output finishes."""

    def __init__(
        self,
        inner: Output,
        path: str,
        *,
        annotations: bool = False,
        left_out: Callable[[], str] | None = None,
    ) -> None:
        super().__init__(
            inner.module,
            lambda: inner.rules,
            color=inner.color,
            statistics=inner.statistics,
            fixed=inner.fixed,
        )
        self.inner = inner
        self.path = path
        self.annotations = annotations
        self.left_out = left_out  # (asked at the end: counted while the files go by)
        self.tally = Tally(inner.fixed)

    def start(self) -> str:
        return self.inner.start()

    def file(self, path: str, findings: Sequence[Finding]) -> str:
        self.tally.file(findings)
        return self.inner.file(path, findings)

    def skip(self, why: Skip, files: int = 1) -> str:
        self.tally.skipped[why] += files
        return self.inner.skip(why, files)

    def finish(self) -> str:
        text = self.inner.finish()
        links = Links.from_environment(os.environ, os.getcwd())
        left_out = self.left_out() if self.left_out else ""
        summary = render(self.tally, links, annotations=self.annotations, left_out=left_out)
        append(self.path, summary)
        return text


def append(path: str, text: str) -> bool:
    """Add ``text`` to the end of the summary file in one write (GitHub joins what each command
    of a step appended); a file that cannot be written is named on stderr, and the run goes on:
    the summary is a copy of the findings, not the run's result."""
    try:
        with open(path, "a", encoding="utf-8", errors="backslashreplace") as summary:
            summary.write(text)
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        sys.stderr.write(f"roledef: cannot write the job summary to {clean(path)}: {reason}\n")
        return False
    return True
