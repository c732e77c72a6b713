"""The ``junit`` format: JUnit XML, which CI services show as a list of tests.

One test suite, ``roledef``, with one test case per file: a file with findings fails (one
``failure`` element listing all its findings, warnings included), a clean file passes. When
the caller gives the list of files checked, every file gets its test case; when it gives only
a count, the clean files are summed up in one passing test case, ``N other files without
findings``, so that the totals still add up.

The elements and attributes are those the Jenkins xUnit plugin's ``junit-10.xsd`` allows, which
GitLab, Azure Pipelines and most other readers of JUnit XML accept too.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from roledef.findings import ERROR, Finding
from roledef.lint.formats import Report
from roledef.lint.formats.common import clean, files_with_findings, plural
from roledef.lint.formats.text import finding_line

SUITE = "roledef"


def render(report: Report) -> str:
    """The XML document, indented, with its declaration."""
    by_file: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_file.setdefault(finding.path, []).append(finding)
    cases: list[ET.Element] = []
    if report.files is not None:
        for path in sorted({*report.files, *by_file}):
            cases.append(testcase_element(path, by_file.get(path, [])))
    else:
        for path in files_with_findings(report.findings):
            cases.append(testcase_element(path, by_file[path]))
        others = report.files_checked - len(by_file)
        if others > 0:
            cases.append(testcase_element(f"{plural(others, 'other file')} without findings", []))
    counts = {"tests": str(len(cases)), "failures": str(len(by_file)), "errors": "0"}
    # `skipped` is allowed on <testsuite> only: Jenkins' junit-10.xsd rejects it on the root
    root = ET.Element("testsuites", {"name": SUITE, **counts})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE, **counts, "skipped": "0"})
    suite.extend(cases)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def testcase_element(name: str, findings: list[Finding]) -> ET.Element:
    """A test case named after the file; failing, with every finding, when there are any."""
    case = ET.Element("testcase", {"classname": SUITE, "name": clean(name)})
    if findings:
        errors = sum(1 for f in findings if f.severity == ERROR)
        warnings = len(findings) - errors
        parts = [plural(n, word) for n, word in ((errors, "error"), (warnings, "warning")) if n]
        failure = ET.SubElement(
            case,
            "failure",
            {"message": " and ".join(parts), "type": ERROR if errors else "warning"},
        )
        failure.text = "".join(finding_line(f) for f in findings)
    return case
