"""The ``junit`` format against the shape Jenkins' ``junit-10.xsd`` (the xUnit plugin's) allows.

The schema cannot be fetched here, so its element declarations are written out below: for each
element, the attributes it may carry, those it must carry, and the children it may hold, in the
order of its ``xs:sequence``. Every element of every output is checked against them.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any, NamedTuple

import pytest

from roledef.findings import ERROR, WARNING, Finding, RuleInfo
from roledef.lint.formats import render_report
from tests.helpers import FIXTURES


class Declared(NamedTuple):
    allowed: frozenset[str]
    required: frozenset[str]
    children: tuple[str, ...]


def declared(allowed: str, required: str = "", children: str = "") -> Declared:
    names = frozenset(allowed.split())
    return Declared(names, frozenset(required.split()), tuple(children.split()))


#: junit-10.xsd, element by element.
JUNIT_10 = {
    "testsuites": declared("name time tests failures disabled errors", children="testsuite"),
    "testsuite": declared(
        "name tests failures errors time disabled skipped timestamp hostname id package file log "
        "url version",
        required="name tests",
        children="properties testcase system-out system-err",
    ),
    "testcase": declared(
        "name assertions time classname status",
        required="name",
        children="skipped error failure system-out system-err",
    ),
    "failure": declared("type message"),
    "error": declared("type message"),
    "skipped": declared("message"),
}


def violations(root: ET.Element) -> list[str]:
    """What in ``root`` the schema would reject: unknown elements or attributes, missing
    required attributes, children out of the declared order."""
    problems: list[str] = []
    if root.tag != "testsuites":
        problems.append(f"root element <{root.tag}>")
    for element in root.iter():
        rule = JUNIT_10.get(element.tag)
        if rule is None:
            problems.append(f"unknown element <{element.tag}>")
            continue
        for name in sorted(set(element.attrib) - rule.allowed):
            problems.append(f"<{element.tag}> has attribute {name!r}")
        for name in sorted(rule.required - set(element.attrib)):
            problems.append(f"<{element.tag}> lacks attribute {name!r}")
        places = [rule.children.index(c.tag) if c.tag in rule.children else -1 for c in element]
        if -1 in places or places != sorted(places):
            problems.append(f"<{element.tag}> holds {[c.tag for c in element]}")
    return problems


def test_the_check_catches_what_the_schema_rejects() -> None:
    root = ET.fromstring(
        '<testsuites skipped="0"><testsuite name="s"><testcase><failure/><skipped/>'
        "</testcase></testsuite></testsuites>"
    )
    assert violations(root) == [
        "<testsuites> has attribute 'skipped'",
        "<testsuite> lacks attribute 'tests'",
        "<testcase> lacks attribute 'name'",
        "<testcase> holds ['failure', 'skipped']",
    ]


def _sample() -> tuple[list[Finding], dict[str, RuleInfo], int]:
    data = json.loads((FIXTURES / "reporters" / "sample.json").read_text(encoding="utf-8"))
    findings = [Finding(**item) for item in data["findings"]]
    rules = {item["code"]: RuleInfo(**item) for item in data["rules"]}
    return findings, rules, data["files_checked"]


FINDINGS, RULES, FILES_CHECKED = _sample()
ONE_ERROR = Finding(
    path="roles/a.md",
    line=3,
    column=1,
    code="RD203",
    rule="missing-skills",
    severity=ERROR,
    message="no Skills section",
)
ONE_WARNING = ONE_ERROR.replace(code="RD201", severity=WARNING, message="unknown section 'Skils'")

RUNS: dict[str, tuple[list[Finding], dict[str, Any]]] = {
    "the sample run": (FINDINGS, {"files_checked": FILES_CHECKED}),
    "a clean run": ([], {"files_checked": 4}),
    "no files": ([], {"files_checked": 0}),
    "warnings only": ([ONE_WARNING], {"files_checked": 1}),
    "with the list of files": (
        [ONE_ERROR, ONE_WARNING],
        {"files": ["roles/a.md", "roles/b.md"], "files_checked": 2},
    ),
}


@pytest.mark.parametrize("run", RUNS)
def test_every_output_has_the_shape_junit_10_allows(run: str) -> None:
    findings, options = RUNS[run]
    out = render_report("junit", findings, rules=RULES, **options)
    root = ET.fromstring(out.encode("utf-8"))
    assert violations(root) == []
    (suite,) = root
    assert suite.get("skipped") == "0"
    for name in ("tests", "failures", "errors"):
        assert root.get(name) == suite.get(name), name
