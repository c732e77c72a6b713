"""Suppression comments: next line, blocks, whole file; unused and unknown ones are reported."""

from __future__ import annotations

import pytest

from roledef.config import resolve_config
from roledef.lint.engine import run
from roledef.lint.result import collect
from roledef.read import Source

HEAD = "---\nnavTitle: Data Analyst\nnavGroup: Job Descriptions\n---\n\n# Data Analyst\n\n"
BODY = (
    "## Skils\n\n* SQL: Writes clear queries.\n\n## Resposibilities\n\n* Reporting: Dashboards.\n"
)


def _codes(text: str, select: str = "RD0,RD201") -> list[tuple[int, str]]:
    config = resolve_config({"select": select.split(",")})
    result = collect(run([Source("data-analyst.md", text)], config))
    return [(f.line, f.code) for f in result.findings]


def test_without_comments_both_headings_are_reported() -> None:
    assert _codes(HEAD + BODY) == [(8, "RD201"), (12, "RD201")]


@pytest.mark.parametrize("rule", ["RD201", "unknown-section", "rd201", ""])
def test_disable_next_line(rule: str) -> None:
    text = HEAD + f"<!-- roledef-disable-next-line {rule} -->\n" + BODY
    assert _codes(text) == [(13, "RD201")]


def test_disable_next_line_only_silences_the_named_rule() -> None:
    text = HEAD + "<!-- roledef-disable-next-line RD202 -->\n" + BODY
    assert _codes(text, "RD0,RD201,RD202") == [(8, "RD003"), (9, "RD201"), (13, "RD201")]


def test_disable_block_until_enable() -> None:
    text = (
        HEAD
        + "<!-- roledef-disable RD201 -->\n"
        + "## Skils\n\n* SQL.\n\n<!-- roledef-enable -->\n"
        + "## Resposibilities\n\n* Reporting.\n"
    )
    assert _codes(text) == [(14, "RD201")]


def test_disable_block_without_enable_runs_to_the_end() -> None:
    text = HEAD + "<!-- roledef-disable RD201 -->\n" + BODY
    assert _codes(text) == []


def test_enable_of_one_rule_keeps_the_others_disabled() -> None:
    text = (
        HEAD
        + "<!-- roledef-disable RD201 RD202 -->\n"
        + "## Skils:\n\n<!-- roledef-enable RD201 -->\n"
        + "## Resposibilities:\n\n* Reporting.\n"
    )
    assert _codes(text, "RD0,RD201,RD202") == [(12, "RD201")]


def test_disable_file() -> None:
    text = HEAD + BODY + "\n<!-- roledef-disable-file RD201 -->\n"
    assert _codes(text) == []


def test_unused_suppression_is_a_warning() -> None:
    text = HEAD + "<!-- roledef-disable-next-line RD201 -->\n\n" + BODY
    config = resolve_config({"select": ["RD0", "RD201"]})
    findings = collect(run([Source("data-analyst.md", text)], config)).findings
    unused = [f for f in findings if f.code == "RD003"]
    assert [(f.line, f.severity) for f in unused] == [(8, "warning")]


def test_suppression_of_a_rule_not_selected_is_not_unused() -> None:
    text = HEAD + "<!-- roledef-disable-next-line RD301 -->\n" + BODY
    assert (8, "RD003") not in _codes(text)


def test_unknown_rule_and_unknown_directive_are_reported() -> None:
    text = HEAD + "<!-- roledef-disable-next-line RD999 -->\n<!-- roledef-disabel -->\n" + BODY
    found = _codes(text)
    assert (8, "RD004") in found
    assert (9, "RD004") in found
    assert (10, "RD201") in found  # nothing was suppressed


def test_other_comments_are_ignored() -> None:
    text = HEAD + "<!-- a note for editors: roledef-disable -->\n" + BODY
    assert _codes(text) == [(9, "RD201"), (13, "RD201")]


def test_cross_file_findings_can_be_suppressed() -> None:
    config = resolve_config({"select": ["RD0", "RD401"]})
    first = Source("a/data-analyst.md", HEAD + BODY)
    plain = Source("b/data-analyst.md", HEAD + BODY)
    assert [f.code for f in collect(run([first, plain], config)).findings] == ["RD401"]
    second = Source(
        "b/data-analyst.md",
        HEAD.replace("---\n\n#", "---\n<!-- roledef-disable-file RD401 -->\n#") + BODY,
    )
    assert collect(run([first, second], config)).findings == ()
