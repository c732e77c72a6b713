"""Which of a file's findings ``roledef lint --fix`` would fix: what ``fixable`` promises.

A rule with a fix may still leave a finding to a person (a heading that is no misspelling of a
known one, a section kept as written), and ``--fix`` never edits a YAML role file. When a file
is checked, each finding whose rule has a fix asks that fix whether it applies to the file as
read; the answer is stored with the finding (and in the cache), so that every ``[*]`` of the
text format and every ``fixable`` of the machine formats is a promise ``--fix`` keeps.
"""

from __future__ import annotations

from collections.abc import Sequence

from roledef.config import Config
from roledef.findings import Finding
from roledef.model import MARKDOWN, Role


def refine(
    role: Role, lines: list[str], findings: Sequence[Finding], config: Config
) -> list[Finding]:
    """``findings`` with ``fixable`` cleared on each one whose fix would not apply."""
    if not any(f.fixable for f in findings):
        return list(findings)
    if role.source.format != MARKDOWN:
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
