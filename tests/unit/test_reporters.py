"""The output formats of ``roledef lint``, each checked against what its consumer reads.

Golden files under ``fixtures/reporters/expected`` pin every format for one sample run; set
``ROLEDEF_UPDATE_GOLDEN=1`` to rewrite them after an intended change (and read the diff).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from roledef import __version__
from roledef.exitcodes import count, exit_code
from roledef.findings import ERROR, WARNING, Finding, RuleInfo
from roledef.lint.formats import REPORTERS, render_report
from roledef.lint.formats.github import escape_data, escape_property
from tests.helpers import FIXTURES, ROOT

SAMPLE = FIXTURES / "reporters" / "sample.json"
EXPECTED = FIXTURES / "reporters" / "expected"
SARIF_SCHEMA = ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
GOLDEN = {
    ("text", False): "sample.txt",
    ("text", True): "sample.color.txt",
    ("json", False): "sample.findings.json",
    ("github", False): "sample.github.txt",
    ("sarif", False): "sample.sarif",
    ("junit", False): "sample.junit.xml",
    ("gitlab", False): "sample.gitlab.json",
}


def load_sample() -> tuple[list[Finding], dict[str, RuleInfo], int]:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    findings = [Finding(**item) for item in data["findings"]]
    rules = {item["code"]: RuleInfo(**item) for item in data["rules"]}
    return findings, rules, data["files_checked"]


FINDINGS, RULES, FILES_CHECKED = load_sample()


def render(fmt: str, findings: list[Finding] | None = None, **kwargs: Any) -> str:
    kwargs.setdefault("files_checked", FILES_CHECKED)
    kwargs.setdefault("rules", RULES)
    return render_report(fmt, FINDINGS if findings is None else findings, **kwargs)


def finding(
    path: str = "roles/a.md",
    line: int = 3,
    column: int = 1,
    code: str = "RD105",
    severity: str = ERROR,
    message: str = "unknown section 'Skils'",
    **kwargs: Any,
) -> Finding:
    rule = kwargs.pop("rule", "unknown-section")
    return Finding(path, line, column, code, rule, severity, message, **kwargs)


# --- the registry --------------------------------------------------------------------------


def test_registry_names_every_format() -> None:
    assert list(REPORTERS) == ["text", "json", "github", "sarif", "junit", "gitlab"]
    for name, reporter in REPORTERS.items():
        assert reporter.name == name and reporter.help


def test_unknown_format_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        render("xml")


@pytest.mark.parametrize(("fmt", "color"), sorted(GOLDEN))
def test_golden(fmt: str, color: bool) -> None:
    out = render(fmt, color=color, statistics=fmt == "text")
    path = EXPECTED / GOLDEN[fmt, color]
    if os.environ.get("ROLEDEF_UPDATE_GOLDEN"):
        path.write_text(out, encoding="utf-8", newline="")
    assert out == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", list(REPORTERS))
def test_order_of_findings_does_not_matter(fmt: str) -> None:
    assert render(fmt, list(reversed(FINDINGS))) == render(fmt)


@pytest.mark.parametrize("fmt", list(REPORTERS))
def test_output_is_utf8_even_for_undecodable_file_names(fmt: str) -> None:
    odd = finding(path=os.fsdecode(b"roles/caf\xe9 \x1b[2J.md"))
    render(fmt, [odd]).encode("utf-8")


def test_text_is_the_only_format_that_imports_nothing_heavy() -> None:
    code = (
        "import sys; from roledef.lint.formats import render_report; "
        "render_report('text', [], files_checked=1, rules={}); "
        "print(sorted(m for m in ('json', 'xml.etree.ElementTree', 'hashlib') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- exit codes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("severities", "strict", "exit_zero", "expected"),
    [
        ((), False, False, 0),
        ((WARNING,), False, False, 0),
        ((WARNING,), True, False, 1),
        ((ERROR,), False, False, 1),
        ((ERROR, WARNING), False, True, 0),
        ((WARNING,), True, True, 0),
    ],
)
def test_exit_code(
    severities: tuple[str, ...], strict: bool, exit_zero: bool, expected: int
) -> None:
    findings = [finding(severity=s) for s in severities]
    assert exit_code(*count(findings), strict=strict, exit_zero=exit_zero) == expected


# --- text ----------------------------------------------------------------------------------

LINE = re.compile(
    r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<code>RD\d{3}) (\[\*\] )?\[(error|warning)\] "
)


def test_text_one_line_per_finding_sorted() -> None:
    lines = [line for line in render("text").splitlines() if LINE.match(line)]
    assert lines[0] == (
        "roles/Customer Succes Manager.md:1:1: RD110 [warning] "
        "file name is not kebab-case: rename it to 'customer-success-manager.md'"
    )
    keys = [LINE.match(line).group("path", "line") for line in lines]  # type: ignore[union-attr]
    assert keys == [(f.path, str(f.line)) for f in sorted(FINDINGS)]


def test_text_has_no_colour_unless_asked() -> None:
    plain = render("text", statistics=True)
    assert "\x1b" not in plain
    coloured = render("text", color=True, statistics=True)
    assert "\x1b[31m" in coloured and "\x1b[33m" in coloured
    assert ANSI.sub("", coloured) == plain


def test_text_colour_of_a_clean_run_is_green() -> None:
    out = render("text", [], color=True)
    assert out == "\x1b[1m\x1b[32mAll checked: 6 files, no problems.\x1b[0m\n"


def test_text_multiline_message_continues_indented() -> None:
    out = render("text", [finding(message="first\nsecond")], files_checked=1)
    assert out.startswith("roles/a.md:3:1: RD105 [error] first\n    second\n")


def test_text_control_characters_cannot_reach_the_terminal() -> None:
    out = render("text", [finding(path="evil\x1b[2J.md", message="a\rb\x07")], color=False)
    assert "\x1b" not in out and "\r" not in out and "\x07" not in out
    # A carriage return ends a line like a newline does; the rest continue indented.
    assert out.startswith("evil\\x1b[2J.md:3:1: RD105 [error] a\n    b\\x07\n")


@pytest.mark.parametrize(
    ("severities", "files_checked", "summary"),
    [
        ((), 5, "All checked: 5 files, no problems."),
        ((), 1, "All checked: 1 file, no problems."),
        ((), 0, "No role files checked."),
        ((ERROR,), 1, "Found 1 error in 1 of 1 file."),
        ((ERROR, ERROR, ERROR, WARNING), 5, "Found 3 errors and 1 warning in 4 of 5 files."),
        ((WARNING, WARNING), 2, "Found 2 warnings in 2 of 2 files."),
        ((ERROR,), 0, "Found 1 error in 1 of 1 file."),
    ],
)
def test_text_summary(severities: tuple[str, ...], files_checked: int, summary: str) -> None:
    findings = [finding(path=f"roles/{i}.md", severity=s) for i, s in enumerate(severities)]
    out = render("text", findings, files_checked=files_checked)
    assert out.splitlines()[-1] == summary
    assert out.endswith("\n")


def test_text_summary_counts_files_not_findings() -> None:
    findings = [finding(line=n) for n in (1, 2, 3)] + [finding(path="roles/b.md", line=1)]
    assert render("text", findings, files_checked=5).splitlines()[-1] == (
        "Found 4 errors in 2 of 5 files."
    )


@pytest.mark.parametrize(
    ("skipped", "files_checked", "summary"),
    [
        ({}, 5, "All checked: 5 files, no problems."),
        (
            {"name": 1},
            5,
            "All checked: 5 files, no problems (1 file skipped: not .md, .yaml or .yml).",
        ),
        ({"not-role": 1}, 0, "No role files checked (1 file skipped: not a role file)."),
        ({"not-role": 3}, 0, "No role files checked (3 files skipped: not role files)."),
        (
            {"name": 2, "not-role": 1},
            2,
            "All checked: 2 files, no problems "
            "(3 files skipped: 1 not a role file, 2 not .md, .yaml or .yml).",
        ),
        ({"name": 0}, 1, "All checked: 1 file, no problems."),
    ],
)
def test_text_summary_says_what_was_skipped(
    skipped: dict[str, int], files_checked: int, summary: str
) -> None:
    assert render("text", [], files_checked=files_checked, skipped=skipped) == summary + "\n"


def test_text_summary_with_findings_says_what_was_skipped() -> None:
    out = render("text", [finding()], files_checked=2, skipped={"not-role": 2})
    assert (
        out.splitlines()[-1] == "Found 1 error in 1 of 2 files (2 files skipped: not role files)."
    )


SAFE = {"code": "RD202", "rule": "heading-punctuation", "fixable": True}
UNSAFE = {"code": "RD104", "rule": "nav-title-mismatch", "fixable": True}
NONE = {"code": "RD301", "rule": "hiring-step-missing-owner", "fixable": False}


@pytest.mark.parametrize(
    ("kinds", "fixed", "marked", "last"),
    [
        ((NONE,), "none", 0, "Found 1 error in 1 of 6 files."),
        ((SAFE, SAFE, NONE), "none", 2, "2 fixable with `roledef lint --fix`."),
        (
            (SAFE, UNSAFE),
            "none",
            1,
            "1 fixable with `roledef lint --fix` "
            "(1 more with `roledef lint --fix --unsafe-fixes`).",
        ),
        ((UNSAFE, UNSAFE), "none", 0, "2 fixable with `roledef lint --fix --unsafe-fixes`."),
        ((SAFE, UNSAFE), "safe", 0, "1 fixable with `roledef lint --fix --unsafe-fixes`."),
        ((SAFE, UNSAFE), "unsafe", 0, "Found 2 errors in 1 of 6 files."),
    ],
)
def test_text_marks_and_counts_what_fix_fixes(
    kinds: tuple[dict[str, Any], ...], fixed: str, marked: int, last: str
) -> None:
    items = [finding(line=n + 1, **kind) for n, kind in enumerate(kinds)]
    out = render("text", items, fixed=fixed)
    assert out.count(" [*] [error] ") == marked
    assert out.splitlines()[-1] == last
    assert "[*]" not in render("json", items) + render("github", items)


def test_text_statistics_table() -> None:
    out = render("text", statistics=True)
    assert out.split("\n\n")[1:] == [
        "RD120  duplicate-item      2\n"
        "RD101  nav-title-mismatch  1\n"
        "RD105  unknown-section     1\n"
        "RD110  file-name           1",
        "Found 2 errors and 3 warnings in 4 of 6 files.\n2 fixable with `roledef lint --fix`.\n",
    ]
    assert "duplicate-item" not in render("text", statistics=False)


def test_text_statistics_name_rules_by_their_registered_name() -> None:
    odd = finding(rule="stale-name")
    assert "RD105  unknown-section  1" in render("text", [odd], statistics=True)


def test_text_statistics_without_findings_is_just_the_summary() -> None:
    assert render("text", [], statistics=True) == "All checked: 6 files, no problems.\n"


# --- json ----------------------------------------------------------------------------------


def test_json_is_a_list_with_exactly_the_finding_fields() -> None:
    data = json.loads(render("json"))
    names = set(Finding.__slots__)
    assert all(set(item) == names for item in data)
    assert [Finding(**item) for item in data] == sorted(FINDINGS)
    assert [item["message"] for item in data] == [f.message for f in sorted(FINDINGS)]


def test_json_keeps_unicode_readable_and_empty_is_a_list() -> None:
    assert "日本語" in render("json")
    assert json.loads(render("json", [])) == []


@given(st.text())
def test_json_round_trips_any_text(text: str) -> None:
    out = render("json", [finding(path=text, message=text)])
    out.encode("utf-8")
    (item,) = json.loads(out)
    assert item["path"] == text and item["message"] == text


# --- github --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (
            finding(),
            "::error file=roles/a.md,line=3,col=1,title=RD105 unknown-section::"
            "unknown section 'Skils'",
        ),
        (
            finding(severity=WARNING, end_line=3, end_column=12),
            "::warning file=roles/a.md,line=3,col=1,endLine=3,endColumn=12,"
            "title=RD105 unknown-section::unknown section 'Skils'",
        ),
        (  # GitHub drops an annotation over several lines that names columns
            finding(severity=WARNING, column=5, end_line=4, end_column=12),
            "::warning file=roles/a.md,line=3,endLine=4,"
            "title=RD105 unknown-section::unknown section 'Skils'",
        ),
        (
            finding(path="./roles/sales, EMEA: lead 100%.md"),
            "::error file=roles/sales%2C EMEA%3A lead 100%25.md,line=3,col=1,"
            "title=RD105 unknown-section::unknown section 'Skils'",
        ),
        (
            finding(message="100% wrong: a, b\r\nnext line\nlast"),
            "::error file=roles/a.md,line=3,col=1,title=RD105 unknown-section::"
            "100%25 wrong: a, b%0D%0Anext line%0Alast",
        ),
        (
            finding(path="roles/new\nline.md", message="::error::nested"),
            "::error file=roles/new%0Aline.md,line=3,col=1,title=RD105 unknown-section::"
            "::error::nested",
        ),
        (
            finding(path="roles/développeur.md", message="Compétences — 日本語"),
            "::error file=roles/développeur.md,line=3,col=1,title=RD105 unknown-section::"
            "Compétences — 日本語",
        ),
    ],
)
def test_github_lines_exactly(item: Finding, expected: str) -> None:
    assert (
        render("github", [item]) == expected + "\nFound 1 " + item.severity + " in 1 of 6 files.\n"
    )


def test_github_clean_run_prints_only_the_summary() -> None:
    assert render("github", []) == "All checked: 6 files, no problems.\n"
    skipped = render("github", [], skipped={"name": 1, "not-role": 2})
    assert skipped == (
        "All checked: 6 files, no problems "
        "(3 files skipped: 2 not role files, 1 not .md, .yaml or .yml).\n"
    )


def test_github_never_sends_columns_over_several_lines() -> None:
    """26 of 194 annotations of a real handbook had ``col`` with ``endLine`` past ``line``."""
    spans = [(3, None), (3, 3), (3, 4), (3, 40)]
    items = [
        finding(line=line, column=7, end_line=end, end_column=2 if end else None)
        for line, end in spans
    ]
    for line in render("github", items).splitlines()[:-1]:
        _, props, _ = parse_command(line)
        several = props.get("endLine", props["line"]) != props["line"]
        assert several != ("col" in props), line
        assert not (several and "endColumn" in props), line


COMMAND = re.compile(r"^::(error|warning) ([^:]*)::(.*)$")


def unescape(text: str, *, prop: bool) -> str:
    """What the Actions runner does with an escaped value."""
    pairs = [("%0D", "\r"), ("%0A", "\n")] + ([("%3A", ":"), ("%2C", ",")] if prop else [])
    for escaped, raw in [*pairs, ("%25", "%")]:
        text = text.replace(escaped, raw)
    return text


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    match = COMMAND.match(line)
    assert match, line
    props = dict(pair.split("=", 1) for pair in match.group(2).split(","))
    return (
        match.group(1),
        {k: unescape(v, prop=True) for k, v in props.items()},
        unescape(match.group(3), prop=False),
    )


def test_github_every_sample_line_parses_back() -> None:
    *lines, summary = render("github").splitlines()
    assert summary == "Found 2 errors and 3 warnings in 4 of 6 files."
    assert len(lines) == len(FINDINGS)
    for line, item in zip(lines, sorted(FINDINGS), strict=True):
        kind, props, message = parse_command(line)
        assert kind == item.severity
        assert props["file"] == item.path and props["line"] == str(item.line)
        assert props["title"] == f"{item.code} {item.rule}"
        assert message == item.message


printable = st.text(st.characters(blacklist_categories=("Cc", "Cs")))


@given(printable)
def test_github_escaping_round_trips(text: str) -> None:
    assert unescape(escape_property(text), prop=True) == text
    assert not set(escape_property(text)) & {":", ",", "\n", "\r"}
    assert unescape(escape_data(text + "\r\n" + text), prop=False) == text + "\r\n" + text


# --- sarif ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_validator() -> Any:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


# RFC 3986 characters of a URI reference: unreserved, reserved and percent escapes.
URI_REFERENCE = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-F]{2})*$")


def sarif(findings: list[Finding] | None = None, **kwargs: Any) -> Any:
    return json.loads(render("sarif", findings, **kwargs))


@pytest.mark.parametrize(
    "findings",
    [None, [], [finding(path=os.path.abspath("roles/a b.md"), end_line=3, end_column=4)]],
    ids=["sample", "empty", "absolute-path"],
)
def test_sarif_validates_against_the_sarif_2_1_0_schema(
    sarif_validator: Any, findings: list[Finding] | None
) -> None:
    log = sarif(findings)
    errors = sorted(sarif_validator.iter_errors(log), key=str)
    assert not errors, errors[0]
    assert log["version"] == "2.1.0"


@pytest.mark.parametrize(
    ("where", "bad"),
    [("level", "fatal"), ("ruleIndex", -2), ("message", "not an object")],
)
def test_sarif_validation_catches_a_broken_result(
    sarif_validator: Any, where: str, bad: object
) -> None:
    log = sarif()
    log["runs"][0]["results"][0][where] = bad
    assert list(sarif_validator.iter_errors(log))


def test_sarif_schema_is_the_official_one() -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]
    # Unchanged since it was vendored (see tests/schemas/README.md).
    digest = hashlib.sha256(SARIF_SCHEMA.read_bytes()).hexdigest()
    assert digest == "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"


def test_sarif_driver_and_rules() -> None:
    (run,) = sarif()["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "roledef" and driver["version"] == __version__
    assert "informationUri" not in driver  # roledef has no public address yet
    ids = [rule["id"] for rule in driver["rules"]]
    # Every known rule, and the one only a finding knew of, sorted.
    assert ids == ["RD101", "RD105", "RD110", "RD120", "RD130"]
    nav = driver["rules"][0]
    assert nav["name"] == "nav-title-mismatch"
    assert nav["shortDescription"]["text"] == "navTitle names the role the file describes."
    assert nav["fullDescription"]["text"].startswith("navTitle names the role")
    assert "Why: the handbook menu" in nav["fullDescription"]["text"]
    assert "Failing:" not in nav["fullDescription"]["text"]
    assert "Passing: ``navTitle: Engineering Manager``." in nav["help"]["text"]
    assert nav["defaultConfiguration"]["level"] == "error"
    file_name = driver["rules"][2]
    assert file_name["help"]["text"].endswith(
        "\n\nWhy: links and redirects break on spaces and capitals."
    )
    assert file_name["defaultConfiguration"]["level"] == "warning"


def test_sarif_results_point_at_their_rules() -> None:
    (run,) = sarif()["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert len(run["results"]) == len(FINDINGS)
    for result, item in zip(run["results"], sorted(FINDINGS), strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == item.code
        assert result["level"] == item.severity
        assert result["message"]["text"] == item.message
        (location,) = result["locations"]
        artifact = location["physicalLocation"]["artifactLocation"]
        assert artifact["uriBaseId"] == "%SRCROOT%"
        assert URI_REFERENCE.match(artifact["uri"]), artifact["uri"]
        region = location["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (item.line, item.column)


def test_sarif_uris_are_relative_and_percent_encoded() -> None:
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif()["runs"][0]["results"]
    ]
    assert "roles/sales%2C%20EMEA%3A%20lead%20100%25.md" in uris
    assert "roles/d%C3%A9veloppeur.md" in uris
    assert "roles/Customer%20Succes%20Manager.md" in uris


def test_sarif_absolute_path_is_a_file_uri() -> None:
    path = os.path.abspath("roles/a b.md")
    log = sarif([finding(path=path)])
    artifact = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": Path(path).as_uri()}


def test_sarif_end_column_is_exclusive() -> None:
    log = sarif([finding(line=2, column=11, end_line=2, end_column=27)])
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 2, "startColumn": 11, "endLine": 2, "endColumn": 28}


def fingerprints_of(findings: list[Finding], fmt: str = "sarif") -> list[str]:
    if fmt == "gitlab":
        return [issue["fingerprint"] for issue in json.loads(render("gitlab", findings))]
    results = sarif(findings)["runs"][0]["results"]
    return [result["partialFingerprints"]["roledef/v1"] for result in results]


@pytest.mark.parametrize("fmt", ["sarif", "gitlab"])
def test_fingerprints_survive_line_moves_and_tell_twins_apart(fmt: str) -> None:
    before = [finding(line=5), finding(line=9), finding(path="roles/b.md")]
    after = [f.replace(line=f.line + 20) for f in before]
    assert fingerprints_of(before, fmt) == fingerprints_of(after, fmt)
    assert len(set(fingerprints_of(before, fmt))) == 3
    reworded = [before[0].replace(message="unknown section 'Skilz'")]
    assert fingerprints_of(reworded, fmt) != fingerprints_of(before[:1], fmt)


# --- junit ---------------------------------------------------------------------------------


def junit(findings: list[Finding] | None = None, **kwargs: Any) -> ET.Element:
    out = render("junit", findings, **kwargs)
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(out.encode("utf-8"))


def test_junit_structure_with_only_a_count_of_files() -> None:
    root = junit()
    assert root.tag == "testsuites"
    (suite,) = root
    assert suite.tag == "testsuite" and suite.get("name") == "roledef"
    cases = suite.findall("testcase")
    names = [case.get("name") for case in cases]
    assert names == [
        "roles/Customer Succes Manager.md",
        "roles/développeur.md",
        "roles/engineering-manager.md",
        "roles/sales, EMEA: lead 100%.md",
        "2 other files without findings",
    ]
    for element in (root, suite):
        assert element.get("tests") == "5" and element.get("failures") == "4"
        assert element.get("errors") == "0"
    failures = [case.find("failure") for case in cases]
    assert all(f is not None for f in failures[:4]) and failures[4] is None
    twins = failures[1]
    assert twins is not None
    assert twins.get("message") == "2 warnings" and twins.get("type") == "warning"
    assert twins.text is not None
    assert twins.text.splitlines() == [
        "roles/développeur.md:12:3: RD120 [warning] "
        "skill 'Zusammenarbeit über Teams hinweg — 日本語' appears twice",
        "roles/développeur.md:31:3: RD120 [warning] "
        "skill 'Zusammenarbeit über Teams hinweg — 日本語' appears twice",
    ]
    multiline = failures[3]
    assert multiline is not None and multiline.get("type") == "error"
    assert multiline.text is not None and "\n    did you mean 'Skills'?" in multiline.text


def test_junit_with_the_list_of_files_has_a_case_per_file() -> None:
    files = ["roles/a.md", "roles/b.md", "roles/c.md"]
    root = junit([finding(path="roles/b.md")], files=files, files_checked=3)
    cases = root.findall("testsuite/testcase")
    assert [c.get("name") for c in cases] == files
    assert [c.find("failure") is not None for c in cases] == [False, True, False]
    assert root.get("tests") == "3" and root.get("failures") == "1"


def test_junit_clean_run() -> None:
    root = junit([], files_checked=1)
    assert [c.get("name") for c in root.iter("testcase")] == ["1 other file without findings"]
    assert root.get("failures") == "0"
    assert junit([], files_checked=0).findall("testsuite/testcase") == []


@pytest.mark.slow
@given(st.text(), st.text())
def test_junit_is_well_formed_for_any_text(path: str, message: str) -> None:
    root = junit([finding(path=path, message=message)], files_checked=1)
    case = root.find("testsuite/testcase")
    assert case is not None and case.find("failure") is not None


def test_junit_escapes_markup() -> None:
    item = finding(path='roles/<a & "b">.md', message="use <b> & ]]> here")
    case = junit([item]).find("testsuite/testcase")
    assert case is not None and case.get("name") == 'roles/<a & "b">.md'
    failure = case.find("failure")
    assert failure is not None and failure.text is not None
    assert "use <b> & ]]> here" in failure.text


# --- gitlab --------------------------------------------------------------------------------

#: GitLab's Code Quality report, as its documentation describes it (see tests/schemas/README.md).
CODE_QUALITY = json.loads(
    (ROOT / "tests" / "schemas" / "gitlab-code-quality.schema.json").read_text(encoding="utf-8")
)


def test_gitlab_code_quality_shape() -> None:
    issues = json.loads(render("gitlab"))
    jsonschema.validate(issues, CODE_QUALITY)
    for issue in issues:  # only the fields GitLab reads
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert set(issue["location"]) == {"path", "lines"}
    assert len({issue["fingerprint"] for issue in issues}) == len(FINDINGS)
    by_path = {issue["location"]["path"]: issue for issue in issues}
    nav = by_path["roles/engineering-manager.md"]
    assert nav["severity"] == "major" and nav["check_name"] == "RD101"
    assert nav["location"]["lines"]["begin"] == 2
    assert nav["description"].endswith("(RD101 nav-title-mismatch)")
    assert by_path["roles/Customer Succes Manager.md"]["severity"] == "minor"
    assert "roles/sales, EMEA: lead 100%.md" in by_path


def test_gitlab_paths_are_repository_relative() -> None:
    (issue,) = json.loads(render("gitlab", [finding(path="./roles/a.md")]))
    assert issue["location"]["path"] == "roles/a.md"


def test_gitlab_empty_report_is_an_empty_list() -> None:
    assert json.loads(render("gitlab", [])) == []
