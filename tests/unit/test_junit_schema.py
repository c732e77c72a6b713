"""The ``junit`` format against Jenkins' ``junit-10.xsd`` (the xUnit plugin's), with xmlschema.

The schema is kept in ``tests/schemas/junit-10.xsd`` (its source and licence:
``tests/schemas/README.md``). Every output, of made-up runs and of real ones, must validate.
"""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import xmlschema

from roledef.findings import ERROR, WARNING, Finding, RuleInfo
from roledef.lint.formats import render_report
from tests.helpers import FIXTURES, ROOT, corpus_path
from tests.helpers.lint import lint_in

XSD = ROOT / "tests" / "schemas" / "junit-10.xsd"


@cache
def junit_10() -> xmlschema.XMLSchema10:
    return xmlschema.XMLSchema10(str(XSD))


def violations(xml: str) -> list[str]:
    """What junit-10.xsd rejects in ``xml``, one line a problem."""
    return [f"{error.path}: {error.reason}" for error in junit_10().iter_errors(xml)]


def test_the_schema_rejects_what_jenkins_rejects() -> None:
    bad = (
        '<testsuites skipped="0"><testsuite name="s"><testcase><failure/><skipped/>'
        "</testcase></testsuite></testsuites>"
    )
    problems = violations(bad)
    assert any("skipped" in p for p in problems)  # not an attribute of <testsuites>
    assert any("tests" in p for p in problems)  # <testsuite> needs tests
    assert any("name" in p for p in problems)  # <testcase> needs a name
    good = (
        '<testsuites><testsuite name="s" tests="1" failures="0" errors="0">'
        '<testcase name="c"/></testsuite></testsuites>'
    )
    assert violations(good) == []


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
    assert violations(out) == []
    root = ET.fromstring(out.encode("utf-8"))
    (suite,) = root
    assert suite.get("skipped") == "0"
    for name in ("tests", "failures", "errors"):
        assert root.get(name) == suite.get(name), name


def junit_of(cwd: Path, *paths: str) -> str:
    code, output = lint_in(cwd, "--output-format", "junit", "--exit-zero", *paths)
    assert code == 0, output
    return output


@pytest.mark.parametrize("folder", ["examples", "tests/fixtures"])
def test_junit_of_the_project_files_is_valid(folder: str) -> None:
    out = junit_of(ROOT, folder)
    assert violations(out) == []
    assert list(ET.fromstring(out.encode("utf-8")).iter("failure")), "there should be findings"


@pytest.mark.slow
@pytest.mark.corpus
def test_junit_of_the_real_corpus_is_valid() -> None:
    out = junit_of(corpus_path(), "seed", "flowfuse", "flowfuse-history", "more")
    assert violations(out) == []
    # one test case a file, failing when the file has findings
    assert len(list(ET.fromstring(out.encode("utf-8")).iter("failure"))) > 50


def test_the_schema_is_the_copy_the_readme_names() -> None:
    digest = hashlib.sha256(XSD.read_bytes()).hexdigest()
    assert digest == "a1a816f58d1bf95ebabf371994df0b9246dee66ea9572fbec4f9296f1b2c0ff6"
