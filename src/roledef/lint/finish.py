"""After each file is checked: cross-file rules, suppression comments and per-file ignores.

Runs in the main process, one file at a time in path order, so that a cross-file rule judges
each file against the files before it and findings can be reported as the run goes.
"""

from __future__ import annotations

from typing import Any

from roledef.config import Config
from roledef.findings import Finding
from roledef.lint.check import make_finding, rule_options
from roledef.lint.discover import matches, relative
from roledef.lint.result import FileResult
from roledef.lint.rules import CROSS_FILE_RULES, RULES
from roledef.lint.rules.base import CrossFileChecker


def final(result: FileResult, cross: list[Finding], config: Config) -> list[Finding]:
    """A file's findings after suppression comments and per-file ignores (not yet sorted)."""
    found = [*result.findings, *cross]
    if result.comments:
        found = _suppress(found, result, config)
    return [f for f in found if f.code in config.enabled and not _ignored(f, config)]


class CrossFile:
    """The run's cross-file rules, fed one file at a time in path order.

    Each enabled :class:`~roledef.lint.rules.base.CrossFileRule` gives a checker for the run,
    fed the digest of each file (computed with the file, in the worker); its ``add(digest)``
    returns ``(path, hit)`` for the file just added, judged against the files before it.
    """

    def __init__(self, config: Config) -> None:
        self.config = config
        self.checkers: dict[str, CrossFileChecker[Any]] = {
            code: cross.checker(rule_options(RULES[code], config))
            for code, cross in CROSS_FILE_RULES.items()
            if code in config.enabled
        }

    def add(self, result: FileResult) -> list[Finding]:
        out = []
        for code, digest in result.digests:
            checker = self.checkers.get(code)
            if checker is None:
                continue
            for path, (span, message) in checker.add(digest):
                out.append(make_finding(path, code, span, message, self.config))
        return out


def _suppress(findings: list[Finding], result: FileResult, config: Config) -> list[Finding]:
    from roledef.lint import suppress  # (only for a file with comments: most have none)

    directives = suppress.parse(result.comments, result.line_count)
    kept, problems = suppress.apply([(f.code, f.line) for f in findings], directives)
    out = [f for f, keep in zip(findings, kept, strict=True) if keep]
    extra = problems + suppress.unused(directives, config.enabled)
    out += [make_finding(result.path, code, span, msg, config) for span, code, msg in extra]
    return out


def _ignored(finding: Finding, config: Config) -> bool:
    if not config.per_file_ignores:
        return False
    rel = relative(finding.path, config.root)
    return any(
        finding.code in codes and matches(rel, [glob]) for glob, codes in config.per_file_ignores
    )
