"""RD401 duplicate-role, case by case: small runs of several files and exactly what it finds.

Its failing and passing fixture folders are in tests/fixtures/rules/RD401/.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.lint import HEAD, ROLE, YAML_ROLE, lint_files
from tests.helpers.robust import run_cli

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


def test_the_message_says_what_to_do() -> None:
    copy = ROLE.replace("builds", "designs")
    (title,) = lint_files({"a.md": ROLE, "b.md": copy}, select=[CODE])
    assert title.message == (
        "same title 'Data Engineer' as a.md: "
        "give one of them the title of the role it describes, or remove the copy"
    )
    (text,) = lint_files({"analytics-engineer.md": COPIED, "data-engineer.md": LONG}, select=[CODE])
    assert text.message == (
        "nearly the same text as analytics-engineer.md: "
        "rewrite one of them for its own role, or remove the copy"
    )


# -- files made by ``roledef new`` and not filled in yet -------------------------------------------

TITLES = ("Data Analyst", "Account Executive", "Site Reliability Engineer")


def _new(folder: Path, title: str, name: str) -> Path:
    run = run_cli("new", title, "--output", str(folder / name))
    assert run.rc == 0, run.err
    return folder / name


def _lint_rd401(folder: Path) -> list[str]:
    run = run_cli("lint", "--no-cache", "--select", CODE, "--output-format", "json", str(folder))
    assert run.rc in (0, 1), run.err
    return [f"{Path(f['path']).name}: {f['message']}" for f in json.loads(run.out)]


def test_new_files_not_filled_in_are_not_copies_of_each_other(tmp_path: Path) -> None:
    for title in TITLES:
        _new(tmp_path, title, title.lower().replace(" ", "-") + ".md")
    _new(tmp_path, "Product Designer", "product-designer.yaml")
    assert _lint_rd401(tmp_path) == []


def test_a_new_file_with_only_its_title_changed_is_not_a_copy(tmp_path: Path) -> None:
    _new(tmp_path, "Data Analyst", "data-analyst.md")
    retitled = _new(tmp_path, "Data Analyst", "data-scientist.md")
    text = retitled.read_text(encoding="utf-8")
    retitled.write_text(text.replace("Data Analyst", "Data Scientist", 2), encoding="utf-8")
    assert "The Data Analyst reports to" in retitled.read_text(encoding="utf-8")
    assert _lint_rd401(tmp_path) == []


def test_two_new_files_for_one_title_are_still_reported(tmp_path: Path) -> None:
    _new(tmp_path, "Data Analyst", "data-analyst.md")
    _new(tmp_path, "Data Analyst", "data-analyst-2.md")
    assert _lint_rd401(tmp_path) == [
        "data-analyst.md: same title 'Data Analyst' as data-analyst-2.md: "
        "give one of them the title of the role it describes, or remove the copy"
    ]


def test_new_files_filled_in_with_the_same_text_are_reported(tmp_path: Path) -> None:
    """What is written into a template counts: the same overview and duties in two files."""
    overview = LONG.split("## Job Description\n\n", 1)[1].split("\n\n## Skills", 1)[0]
    for title in ("Data Engineer", "Analytics Engineer"):
        path = _new(tmp_path, title, title.lower().replace(" ", "-") + ".md")
        text = path.read_text(encoding="utf-8")
        text = text.replace(
            "TODO(roledef): two or three sentences on why the role exists and what it achieves.",
            overview,
        )
        path.write_text(text, encoding="utf-8")
    assert _lint_rd401(tmp_path) == [
        "data-engineer.md: nearly the same text as analytics-engineer.md: "
        "rewrite one of them for its own role, or remove the copy"
    ]


def test_what_is_left_of_a_template_not_filled_in_is_too_short_to_compare() -> None:
    """Its placeholder lines are left out; its default hiring steps stay, and are the same in
    every new file: if the template ever says more, they must be left out too."""
    from roledef.lint.rules.duplicate_role import MIN_SHINGLES, role_text, shingles
    from roledef.write.template import new_role

    for title in TITLES:
        text = role_text(new_role(title))
        assert "TODO" not in text
        assert "Review resumes" in text
        assert 0 < len(shingles(text)) < MIN_SHINGLES
