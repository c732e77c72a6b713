"""The ``sarif`` format: a SARIF 2.1.0 log, for code scanning services.

One run, whose driver lists every rule the caller knows of (with its documentation as help)
and any other rule a finding names. Each result points at its rule by id and index, carries a
region in code points, and a partial fingerprint that survives edits above the finding.
"""

from __future__ import annotations

import inspect
import os
from pathlib import Path
from urllib.parse import quote

from roledef import __version__, project
from roledef.findings import ERROR, WARNING, Finding, RuleInfo
from roledef.lint.formats import Report
from roledef.lint.formats.common import dump_json, fingerprints, posix_path

SARIF_VERSION = "2.1.0"
SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
#: Key of roledef's fingerprint in ``partialFingerprints``; bump the version if its recipe changes.
FINGERPRINT_KEY = "roledef/v1"
#: Relative paths are relative to the folder the command ran in, normally the repository root.
SRCROOT = "%SRCROOT%"
LEVELS = {ERROR: "error", WARNING: "warning"}


def render(report: Report) -> str:
    """The SARIF log as indented JSON."""
    rules = rule_list(report)
    index = {rule.code: i for i, rule in enumerate(rules)}
    results = [
        result(finding, index[finding.code], fingerprint)
        for finding, fingerprint in zip(report.findings, fingerprints(report.findings), strict=True)
    ]
    log = {
        "$schema": SCHEMA_URI,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {"driver": driver(rules)},
                # Columns count characters of the decoded text, not bytes or UTF-16 units.
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return dump_json(log)


def driver(rules: list[RuleInfo]) -> dict[str, object]:
    """The ``toolComponent`` that is roledef. Its ``informationUri`` is the project's repository
    once it has a public one; until then there is no address to give, and the field is left out
    (SARIF makes it optional) rather than pointing at a page that does not exist."""
    component: dict[str, object] = {
        "name": "roledef",
        "version": __version__,
        "semanticVersion": __version__,
    }
    if project.REPOSITORY:
        component["informationUri"] = project.REPOSITORY
    component["rules"] = [descriptor(rule) for rule in rules]
    return component


def rule_list(report: Report) -> list[RuleInfo]:
    """The caller's rules and those only findings know of, sorted by code."""
    rules = {info.code: info for info in report.rules.values()}
    for finding in report.findings:
        if finding.code not in rules:
            rules[finding.code] = RuleInfo(
                code=finding.code,
                name=finding.rule,
                severity=finding.severity,
                fixable=finding.fixable,
                summary=finding.rule,
            )
    return [rules[code] for code in sorted(rules)]


def descriptor(rule: RuleInfo) -> dict[str, object]:
    """A ``reportingDescriptor``: id, name, descriptions, help and default level."""
    doc = inspect.cleandoc(rule.doc) if rule.doc.strip() else ""
    summary = rule.summary.strip() or rule.name
    # A rule's docstring opens with its summary and why it matters; examples follow.
    full = "\n\n".join(doc.split("\n\n")[:2]) if doc else summary
    help_text = doc or summary
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": full},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "note")},
        "properties": {"fixable": rule.fixable},
    }


def result(finding: Finding, rule_index: int, fingerprint: str) -> dict[str, object]:
    """A ``result`` for one finding."""
    return {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS.get(finding.severity, "note"),
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact_location(finding.path),
                    "region": region(finding),
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }


def artifact_location(path: str) -> dict[str, str]:
    """A relative path as a relative URI under ``%SRCROOT%``; an absolute one as a file URI."""
    if os.path.isabs(path):
        try:
            return {"uri": Path(path).as_uri()}
        except ValueError:  # rooted but without a drive, on Windows
            return {"uri": _quote(path)}
    return {"uri": _quote(path), "uriBaseId": SRCROOT}


def region(finding: Finding) -> dict[str, int]:
    """Start and, where known, end. SARIF's end column is exclusive; roledef's is inclusive."""
    start_line = max(1, finding.line)
    area = {"startLine": start_line, "startColumn": max(1, finding.column)}
    if finding.end_line is not None:
        area["endLine"] = max(start_line, finding.end_line)
    if finding.end_column is not None:
        area["endColumn"] = max(1, finding.end_column) + 1
    return area


def _quote(path: str) -> str:
    # An undecodable file name byte comes back as itself, percent-encoded.
    return quote(posix_path(path), safe="/", errors="surrogateescape")
