"""Checking one file: its text -> its role -> the enabled rules -> its findings (before
suppression), with what the cross-file rules need of it.

Runs where the file is read: in this process, or in a worker of the pool.
"""

from __future__ import annotations

import os
from typing import Any

from roledef.config import Config
from roledef.exitcodes import internal_error_finding
from roledef.findings import Finding
from roledef.lint.result import FileResult
from roledef.lint.rules import CROSS_FILE_RULES, RULES
from roledef.lint.rules import not_a_role as not_a_role_rule
from roledef.lint.rules import schema as schema_rule
from roledef.lint.rules import unreadable_file as unreadable_rule
from roledef.lint.rules.base import Rule, defaults
from roledef.model import Role, Span
from roledef.read import NotARole, Source, load
from roledef.read.limits import time_limit
from roledef.read.source import SourceError


def make_finding(path: str, code: str, span: Span, message: str, config: Config) -> Finding:
    """A finding stamped with the rule's name, fixability and (configured) severity."""
    rule = RULES[code]
    return Finding(
        path=path,
        line=span.line,
        column=span.column,
        code=code,
        rule=rule.NAME,
        severity=config.severity.get(code, rule.SEVERITY),
        message=message,
        fixable=rule.FIX is not None,
        end_line=span.end_line,
        end_column=span.end_column,
    )


def rule_options(rule: Rule, config: Config) -> dict[str, object]:
    """A rule's options: its defaults, overridden by the config keys of the same name."""
    declared = defaults(rule.OPTIONS)
    return {**declared, **{k: config.options[k] for k in declared if k in config.options}}


def check_role(role: Role, config: Config) -> list[Finding]:
    """Run every enabled rule that applies to the role's source format."""
    findings = []
    for code in sorted(config.enabled):
        rule = RULES[code]
        if role.source.format not in rule.FORMATS:
            continue
        options = rule_options(rule, config)
        for span, message in rule.check(role, options):
            findings.append(make_finding(role.source.path, code, span, message, config))
    return findings


def check_text(text: str, path: str, config: Config, *, walked: bool = False) -> FileResult:
    """Check one file's text (read as YAML when its name says so, else as markdown).

    ``walked``: found in a folder, not named; a file that is not a role file is then skipped,
    and when named it gets one finding that says so (:mod:`~roledef.lint.rules.not_a_role`).
    """
    try:
        loaded = load(Source(path, text), config, walked=walked)
    except NotARole:
        from roledef.read.kind import YAML_WITHOUT_KEYS

        return FileResult(path, (), skipped=True, not_role=YAML_WITHOUT_KEYS)
    lines = tuple(text.split("\n"))
    if loaded.role is not None:
        from roledef.read.kind import classify

        kind = classify(loaded.role, text)
        if not kind.is_role:
            return _not_a_role(loaded.role, kind.reason, lines, config, walked=walked)
    findings: list[Finding] = []
    if schema_rule.CODE in config.enabled:
        hits = loaded.schema_findings
        findings += [make_finding(path, schema_rule.CODE, s, m, config) for s, m in hits]
    role = loaded.role
    if role is None:
        return FileResult(path, tuple(findings), None, lines)
    findings += check_role(role, config)
    if any(f.fixable for f in findings):
        from roledef.fix.offered import refine
        from roledef.read.markdown import split_document

        # the lines as the reader counted them (a lone CR ends a line too), as --fix reads them
        findings = refine(role, split_document(text)[0], findings, config)
    return FileResult(
        path,
        tuple(findings),
        role,
        lines,
        digests=_digests(role, config),
        comments=role.source.comments,
        line_count=role.source.line_count,
    )


def _not_a_role(
    role: Role, reason: str, lines: tuple[str, ...], config: Config, *, walked: bool
) -> FileResult:
    """A file that is not a role file: skipped when found in a folder, else one finding (and
    no rule runs: its sections are not a role's)."""
    path = role.source.path
    if walked:  # (the role stays for a report's list of other files, with its title)
        return FileResult(path, (), role, skipped=True, not_role=reason)
    findings: tuple[Finding, ...] = ()
    if not_a_role_rule.CODE in config.enabled:
        span = role.source.title_span or Span(1)
        message = not_a_role_rule.message(reason)
        findings = (make_finding(path, not_a_role_rule.CODE, span, message, config),)
    return FileResult(
        path, findings, role, lines, line_count=role.source.line_count, not_role=reason
    )


def _digests(role: Role, config: Config) -> tuple[tuple[str, Any], ...]:
    """What each enabled cross-file rule needs to know of this role."""
    out = []
    for code, cross in CROSS_FILE_RULES.items():
        if code in config.enabled and role.source.format in RULES[code].FORMATS:
            out.append((code, cross.digest(role)))
    return tuple(out)


def check_file(source: Source, config: Config, walked: bool = False) -> FileResult:
    """Read (unless the source has its text) and check one file; an unreadable file is a
    finding, not an exception, and so is a bug of roledef's on this file."""
    path = source.path
    try:
        # a pathological file is given up after the time limit (roledef.read.limits), as unreadable
        with time_limit(path):
            text = source.read(config.max_file_size)
            try:
                return check_text(text, path, config, walked=walked)
            except SourceError:
                raise
            except Exception as exc:
                if os.environ.get("ROLEDEF_DEBUG"):
                    raise
                # a bug in roledef must not hide the findings of the other files: report it on
                # this file, go on, and let the command exit 3
                message = internal_error_finding(exc)
                finding = make_finding(path, unreadable_rule.CODE, Span(1), message, config)
                return FileResult(path, (finding,), unreadable=True, internal=True)
    except SourceError as exc:
        span = Span(exc.line or 1, exc.column or 1)
        # the reader's messages are predicates ("is not valid UTF-8"): give them a subject
        message = (
            f"the file {exc.message}"
            if exc.message.startswith(("is ", "contains ", "took "))
            else exc.message
        )
        finding = make_finding(path, unreadable_rule.CODE, span, message, config)
        return FileResult(path, (finding,), unreadable=True)
