"""The job summary's markdown, read back with a real CommonMark parser (markdown-it-py) and with
GitHub's own (cmark-gfm): heading, counts per rule, findings linked to their lines, escaping."""

from __future__ import annotations

import os
import re
from collections import Counter
from html import unescape
from pathlib import Path

import cmarkgfm
import pytest

from roledef.findings import ERROR, WARNING, Finding
from roledef.lint.formats.jobsummary import (
    ANNOTATIONS_PER_STEP,
    Links,
    Tally,
    escape,
    render,
)
from roledef.lint.formats.text import fix_kind
from tests.helpers import ROOT
from tests.helpers.lint import lint_files
from tests.helpers.summary_tables import headings, paragraphs, tables

DEFECTIVE = ROOT / "examples" / "defective-role.md"
SHA = "0123456789abcdef0123456789abcdef01234567"
BASE = f"https://github.com/acme/handbook/blob/{SHA}/"
ENV = {
    "GITHUB_SERVER_URL": "https://github.com",
    "GITHUB_REPOSITORY": "acme/handbook",
    "GITHUB_SHA": SHA,
}


def defective_findings() -> list[Finding]:
    path = str(DEFECTIVE)
    return lint_files({path: DEFECTIVE.read_text(encoding="utf-8")})


def tally_of(findings: list[Finding], files: int = 1, **options: object) -> Tally:
    tally = Tally(**options)  # type: ignore[arg-type]
    by_file: dict[str, list[Finding]] = {}
    for finding in sorted(findings):
        by_file.setdefault(finding.path, []).append(finding)
    for path in sorted(by_file):
        tally.file(by_file[path])
    for _ in range(files - len(by_file)):
        tally.file([])
    return tally


def finding(message: str, path: str = "role.md", line: int = 3, **fields: object) -> Finding:
    values: dict[str, object] = {
        "column": 1,
        "code": "RD201",
        "rule": "unknown-section",
        "severity": WARNING,
    }
    values.update(fields)
    return Finding(path, line, message=message, **values)  # type: ignore[arg-type]


def test_summary_of_the_defective_example_counts_and_links_every_finding() -> None:
    findings = defective_findings()
    assert len(findings) == 6  # (the example's findings, as examples/defective-role.expected)
    markdown = render(tally_of(findings, files=3), Links(BASE, str(ROOT)))
    errors = sum(f.severity == ERROR for f in findings)
    assert headings(markdown) == [
        ("h3", f"roledef: {errors} errors and {6 - errors} warnings in 1 of 3 files")
    ]
    rules, table = tables(markdown)

    # counts per rule: code, name, severity, count, fixable count
    assert rules[0] == [(h, None) for h in ("rule", "name", "severity", "findings", "fixable")]
    expected_rules = Counter(f.code for f in findings)
    fixable = Counter(f.code for f in findings if fix_kind(f) is not None)
    assert {row[0][0]: int(row[3][0]) for row in rules[1:]} == dict(expected_rules)
    assert {row[0][0]: int(row[4][0]) for row in rules[1:]} == {
        c: fixable[c] for c in fixable | expected_rules
    }
    assert {row[0][0]: row[1][0] for row in rules[1:]} == {f.code: f.rule for f in findings}
    assert {row[0][0]: row[2][0] for row in rules[1:]} == {f.code: f.severity for f in findings}

    # one row per finding, in order, each linked to its lines in the repository
    assert [cell[0] for cell in table[0]] == ["location", "rule", "severity", "message", "fix"]
    assert len(table) == 1 + len(findings)
    for row, found in zip(table[1:], sorted(findings), strict=True):
        where, rule, severity, message, fix = row
        assert where[0] == f"examples/defective-role.md:{found.line}"
        end = found.end_line
        lines = f"L{found.line}" if end is None or end == found.line else f"L{found.line}-L{end}"
        assert where[1] == f"{BASE}examples/defective-role.md?plain=1#{lines}"
        assert rule[0] == f"{found.code} {found.rule}"
        assert (severity[0], message[0]) == (found.severity, found.message)
        assert fix[0] == {"safe": "yes", "unsafe": "unsafe", None: ""}[fix_kind(found)]
    assert any(row[4][0] == "yes" for row in table[1:])  # (the example has safe fixes)

    # the fix hint, as the text format words it, with its commands as code
    assert paragraphs(markdown) == [
        "2 fixable with roledef lint --fix (1 more with roledef lint --fix --unsafe-fixes)."
    ]


def test_a_clean_run_is_a_heading_alone() -> None:
    markdown = render(tally_of([], files=4), Links(BASE, str(ROOT)))
    assert headings(markdown) == [("h3", "roledef: 4 files checked, no problems")]
    assert tables(markdown) == []
    assert headings(render(Tally(), None)) == [("h3", "roledef: no role files checked")]


def test_skipped_files_are_said() -> None:
    tally = tally_of([], files=2)
    tally.skipped["not-role"] += 2
    tally.skipped["name"] += 1
    assert paragraphs(render(tally, None)) == [
        "3 files skipped: 2 not role files, 1 not .md, .yaml or .yml."
    ]


def test_a_span_links_its_first_and_last_line() -> None:
    links = Links(BASE, str(ROOT))
    span = finding("m", path=str(DEFECTIVE), line=25, end_line=26)
    assert links.url(span) == f"{BASE}examples/defective-role.md?plain=1#L25-L26"
    one = finding("m", path=str(DEFECTIVE), line=25, end_line=25)
    assert links.url(one) == f"{BASE}examples/defective-role.md?plain=1#L25"


def test_link_paths_are_quoted_and_relative_to_the_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    folder = tmp_path / "job descriptions"
    folder.mkdir()
    links = Links.from_environment({**ENV}, str(folder))
    assert links is not None
    name = os.fsdecode(b"caf\xc3\xa9 #1%.md")
    url = links.url(finding("m", path=str(folder / name)))
    assert url == f"{BASE}job%20descriptions/caf%C3%A9%20%231%25.md?plain=1#L3"
    # a path relative to the folder the run is in
    monkeypatch.chdir(folder)
    assert (
        links.url(finding("m", path="sales.md")) == f"{BASE}job%20descriptions/sales.md?plain=1#L3"
    )
    # outside the repository: no link
    assert links.url(finding("m", path=str(tmp_path.parent / "elsewhere.md"))) is None


def test_a_file_name_that_is_not_utf8_is_quoted_byte_for_byte(tmp_path: Path) -> None:
    links = Links(BASE, str(tmp_path))
    name = os.fsdecode(b"r\xf4le.md")  # (Latin-1, as an old handbook may have it)
    assert links.url(finding("m", path=str(tmp_path / name))) == f"{BASE}r%F4le.md?plain=1#L3"


def test_the_root_falls_back_to_the_workspace_outside_a_work_tree(tmp_path: Path) -> None:
    links = Links.from_environment({**ENV, "GITHUB_WORKSPACE": str(tmp_path)}, str(tmp_path))
    assert links is not None and links.root == os.path.realpath(tmp_path)


@pytest.mark.parametrize("missing", ["GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"])
def test_without_github_s_variables_locations_are_plain(missing: str) -> None:
    env = {k: v for k, v in ENV.items() if k != missing}
    links = Links.from_environment(env, str(ROOT))
    assert links is None
    markdown = render(tally_of(defective_findings()), links)
    rows = tables(markdown)[1][1:]
    assert [row[0] for row in rows] == [
        (f"{DEFECTIVE.as_posix()}:{f.line}", None) for f in sorted(defective_findings())
    ]


MESSAGES = [
    "heading 'A | B' is read as `Skills`: correct | it",
    "heading '<script>alert(1)</script>' has **no** [link](http://x.invalid) & ~~more~~",
    "a `` double `` tick, a back\\slash, $x^2$ and :tada: for @team",
    "two\nlines",
]


@pytest.mark.parametrize("message", MESSAGES)
def test_messages_and_paths_are_shown_literally(message: str) -> None:
    path = "job | descriptions/`odd` <name>.md"
    markdown = render(tally_of([finding(message, path=path)]), None)
    (row,) = tables(markdown)[1][1:]
    assert len(row) == 5  # (no pipe split the row)
    assert row[0] == (f"{path}:3", None)
    assert row[3] == (" ".join(message.splitlines()), None)


#: A web address that GitHub links by itself (its text is the address): harmless, and kept.
AUTOLINK = re.compile(r'<a href="([^"<>]*)">\1</a>')


@pytest.mark.parametrize("message", MESSAGES)
def test_github_s_own_renderer_shows_the_text_as_it_is(message: str) -> None:
    """cmark-gfm is the renderer GitHub uses: no HTML, link, code or emphasis gets through."""
    html = AUTOLINK.sub(r"\1", cmarkgfm.github_flavored_markdown_to_html(escape(message)))
    assert html.startswith("<p>") and html.count("<") == 2, html  # <p> and </p> only
    row = render(tally_of([finding(message)]), None).split("\n\n")[-2].splitlines()[-1]
    table = cmarkgfm.github_flavored_markdown_to_html(
        "| a | b | c | d | e |\n| --- | --- | --- | --- | --- |\n" + row + "\n"
    )
    assert table.count("<td>") == 5, table
    cell = AUTOLINK.sub(r"\1", table.split("<td>")[4].split("</td>")[0])
    assert unescape(cell) == " ".join(message.splitlines())


def test_the_table_is_capped_and_says_where_the_rest_is() -> None:
    findings = [finding(f"finding {n}", line=n) for n in range(1, 8)]
    markdown = render(tally_of(findings, max_rows=3), None)
    rules, table = tables(markdown)
    assert len(table) == 1 + 3
    assert rules[1][3] == ("7", None)  # (every finding counted)
    (more,) = [p for p in paragraphs(markdown) if "more" in p]
    assert more.startswith("… and 4 more findings not listed here")
    assert "roledef lint --output-format sarif" in more


def test_a_long_message_is_cut() -> None:
    markdown = render(tally_of([finding("x" * 5000)]), None)
    cell = tables(markdown)[1][1][3][0]
    assert len(cell) == 500 and cell.endswith("…")


def test_the_annotation_limit_is_said_only_when_the_run_passes_it() -> None:
    many = [finding(f"e{n}", line=n, severity=ERROR) for n in range(1, ANNOTATIONS_PER_STEP + 2)]
    note = "GitHub shows only the first 10 error and 10 warning annotations of a step"
    (said,) = [p for p in paragraphs(render(tally_of(many), None, annotations=True)) if note in p]
    assert "All 11 findings are listed below and in the job's log" in said
    assert "roledef lint --output-format sarif" in said
    # without annotations (another format), or within the limit, nothing is said
    assert not any(note in p for p in paragraphs(render(tally_of(many), None)))
    few = many[:ANNOTATIONS_PER_STEP]
    assert not any(note in p for p in paragraphs(render(tally_of(few), None, annotations=True)))


def test_findings_fixed_by_the_run_are_not_marked() -> None:
    findings = defective_findings()
    markdown = render(tally_of(findings, fixed="unsafe"), None)
    rules, table = tables(markdown)
    assert {row[4][0] for row in table[1:]} == {""}
    assert {row[4][0] for row in rules[1:]} == {"0"}


def test_an_odd_path_keeps_its_link(tmp_path: Path) -> None:
    name = "a | [b] `c` <d> (e).md"
    links = Links(BASE, str(tmp_path))
    markdown = render(tally_of([finding("m", path=str(tmp_path / name))]), links)
    (row,) = tables(markdown)[1][1:]
    assert len(row) == 5
    assert row[0] == (
        f"{name}:3",
        f"{BASE}a%20%7C%20%5Bb%5D%20%60c%60%20%3Cd%3E%20%28e%29.md?plain=1#L3",
    )
