"""RD401 duplicate-role, case by case: small runs of several files and exactly what it finds.

Its failing and passing fixture folders are in tests/fixtures/rules/RD401/.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.lint import HEAD, ROLE, YAML_ROLE, lint_files

CODE = "RD401"

#: A role with enough text to be compared by text (at least 30 runs of five words).
LONG = (
    HEAD
    + """## Job Description

The Data Engineer builds the pipelines that turn product events into trustworthy reports for
every team. They own the warehouse, its models and its tests, and they work with analysts to
make sure each number on a dashboard can be traced back to the events that produced it.

## Skills

* SQL: Writes clear queries that others can read and review without help.
"""
)
#: The same text under another title, with two words changed.
COPIED = LONG.replace("Data Engineer", "Analytics Engineer").replace("every team", "the company")

CASES = [
    pytest.param(
        {"data-engineer.md": ROLE, "data_engineer.md": ROLE.replace("builds", "designs")},
        {},
        [("data_engineer.md", 6, 1, "same title 'Data Engineer' as data-engineer.md")],
        id="same-title-reported-on-the-later-path",
    ),
    pytest.param(
        {"a.md": ROLE, "b.md": ROLE, "c.md": ROLE},
        {},
        [
            ("b.md", 6, 1, "same title 'Data Engineer' as a.md"),
            ("c.md", 6, 1, "same title 'Data Engineer' as a.md"),
        ],
        id="three-copies-each-name-the-first",
    ),
    pytest.param(
        {"data-engineer.md": ROLE, "senior.md": ROLE.replace("# Data Engineer", "# DATA ENGINEER")},
        {},
        [("senior.md", 6, 1, "same title 'DATA ENGINEER' as data-engineer.md")],
        id="title-compared-without-case",
    ),
    pytest.param(
        {"data-engineer.yaml": YAML_ROLE, "data-engineer-2.md": ROLE},
        {},
        [("data-engineer.yaml", 3, 1, "same title 'Data Engineer' as data-engineer-2.md")],
        id="yaml-and-markdown-under-other-names",
    ),
    pytest.param(
        {"analytics-engineer.md": COPIED, "data-engineer.md": LONG},
        {},
        [("data-engineer.md", 6, 1, "nearly the same text as analytics-engineer.md")],
        id="nearly-the-same-text",
    ),
    pytest.param(
        {"analytics-engineer.md": COPIED, "data-engineer.md": LONG},
        {"duplicate_similarity": 0.9},
        [],
        id="similarity-configured-higher",
    ),
    pytest.param(
        {
            "data-engineer.md": ROLE,
            "data-scientist.md": ROLE.replace("Data Engineer", "Data Scientist"),
        },
        {},
        [],
        id="same-short-text-is-not-compared",
    ),
    pytest.param(
        {"data-engineer.md": ROLE, "data-engineer.yaml": YAML_ROLE},
        {},
        [],
        id="a-file-and-its-yaml-conversion",
    ),
    pytest.param(
        {"data-engineer.md": ROLE},
        {},
        [],
        id="one-file",
    ),
]


@pytest.mark.parametrize(("files", "options", "expected"), CASES)
def test_cases(
    files: dict[str, str], options: dict[str, Any], expected: list[tuple[str, int, int, str]]
) -> None:
    findings = lint_files(files, **{"select": [CODE], **options})
    assert [(f.code, f.path, f.line, f.column) for f in findings] == [
        (CODE, path, line, column) for path, line, column, _ in expected
    ]
    for finding, (*_, piece) in zip(findings, expected, strict=True):
        assert piece in finding.message, (piece, finding.message)
