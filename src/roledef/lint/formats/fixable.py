"""Which of a file's findings ``roledef lint --fix`` would fix, for the ``[*]`` of the text format.

A finding says ``fixable`` when its rule has a fix; the fix may still leave it for a person
(a heading that is no misspelling of a known one, a file ``--fix`` does not edit). The text
format marks only the findings whose fix accepts the file as ``--fix`` reads it, so that every
``[*]`` is a promise ``--fix`` keeps. Imported only for a file with fixable findings.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from roledef.config import Config
from roledef.findings import Finding
from roledef.model import Role


def offered(path: str, findings: Sequence[Finding], config: Config) -> list[Finding]:
    """``findings`` with ``fixable`` cleared on each one whose fix would not apply: the fix
    declines the text, or ``--fix`` does not edit the file (YAML, or a file it cannot write back
    byte for byte)."""
    if not any(f.fixable for f in findings):
        return list(findings)
    role, lines = _read(path, config)
    if role is None:
        return [f.replace(fixable=False) if f.fixable else f for f in findings]
    from roledef.lint.rules import RULES

    out = []
    for finding in findings:
        rule = RULES.get(finding.code)
        fixer = rule.FIX if rule is not None else None
        if finding.fixable and (fixer is None or fixer.make(role, lines, finding, config) is None):
            finding = finding.replace(fixable=False)
        out.append(finding)
    return out


def _read(path: str, config: Config) -> tuple[Role | None, list[str]]:
    """The role and lines of a markdown file as ``--fix`` reads it, or ``(None, [])``."""
    from roledef.fix.apply import FixError, read_for_fix
    from roledef.read import MARKDOWN, Source, format_of, load
    from roledef.read.source import SourceError

    if format_of(path) != MARKDOWN or not os.path.isfile(path):
        return None, []
    try:
        text, _, _ = read_for_fix(path, config.max_file_size)
    except (OSError, SourceError, FixError):
        return None, []
    return load(Source(path, text), config).role, text.split("\n")
