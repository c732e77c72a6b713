"""The ``json`` format: a list of findings, each with exactly the fields of ``Finding``."""

from __future__ import annotations

from roledef.lint.formats import Report
from roledef.lint.formats.common import dump_json


def render(report: Report) -> str:
    """A JSON array, sorted like every other format, UTF-8 text left unescaped."""
    items = [finding.to_dict() for finding in report.findings]
    return dump_json(items)
