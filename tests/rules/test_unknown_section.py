"""RD201 unknown-section, case by case: small documents and exactly what it finds.

Its failing and passing fixture files are in tests/fixtures/rules/RD201/.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.helpers.lint import HEAD, ROLE, Expected, assert_findings, lint_findings

CODE = "RD201"

CASES = [
    pytest.param(
        HEAD + "## Skils\n\n* SQL.\n",
        "data-engineer.md",
        {},
        [("RD201", 8, 4, "heading 'Skils' is read as 'Skills': correct the spelling")],
        id="misspelt-read-as-the-section",
    ),
    pytest.param(
        HEAD + "## Resposibilities\n\n* Pipelines.\n",
        "data-engineer.md",
        {},
        [("RD201", 8, 4, "'Resposibilities' is read as 'Responsibilities'")],
        id="misspelt-alias",
    ),
    pytest.param(
        HEAD + "## Hirng Plan\n\n1. Offer\n",
        "data-engineer.md",
        {},
        [("RD201", 8, 4, "heading 'Hirng Plan' is read as 'Hiring Plan': correct the spelling")],
        id="misspelt-word-of-two",
    ),
    pytest.param(
        HEAD + "## Key Responsibilites\n\n* Pipelines.\n",
        "data-engineer.md",
        {},
        [("RD201", 8, 8, "'Key Responsibilites' is read as 'Key Responsibilities'")],
        id="misspelt-word-points-at-the-word",
    ),
    pytest.param(
        HEAD + "## **SKILS**\n\n* SQL.\n",
        "data-engineer.md",
        {},
        [("RD201", 8, 6, "heading 'SKILS' is read as 'SKILLS'")],
        id="misspelt-in-capitals-and-bold",
    ),
    pytest.param(
        HEAD + "## Skills\n\n* SQL.\n\n### Nice to Hav\n\n* Go.\n",
        "data-engineer.md",
        {},
        [],
        id="short-word-not-corrected",
    ),
    pytest.param(
        HEAD + "## Offboarding\n\nReturn the laptop.\n",
        "data-engineer.md",
        {},
        [("RD201", 8, 1, "unknown section 'Offboarding'")],
        id="two-edits-is-another-word",
    ),
    pytest.param(
        HEAD + "## Bonds\n\nText.\n",
        "data-engineer.md",
        {},
        [("RD201", 8, 1, "unknown section 'Bonds'")],
        id="one-letter-replaced-in-a-short-word-is-another-word",
    ),
    pytest.param(
        HEAD + "## Resume\n\nText.\n",
        "data-engineer.md",
        {},
        [("RD201", 8, 1, "unknown section 'Resume'")],
        id="first-letter-differs",
    ),
    pytest.param(
        HEAD + "## EMEA Specific information\n\nVisa support.\n",
        "data-engineer.md",
        {},
        [("RD201", 8, 1, "unknown section 'EMEA Specific information'")],
        id="unknown",
    ),
    pytest.param(
        HEAD + "## EMEA Specific information\n\nVisa support.\n",
        "data-engineer.md",
        {"aliases": {"emea specific information": "extra"}},
        [],
        id="known-with-an-alias",
    ),
    pytest.param(
        ROLE,
        "data-engineer.md",
        {},
        [],
        id="known-sections",
    ),
    pytest.param(
        HEAD + "## **SKILLS**\n\n* SQL.\n",
        "data-engineer.md",
        {},
        [],
        id="emphasis-and-case",
    ),
    pytest.param(
        HEAD + "## Skills\n\n* SQL.\n\n### Things We Like\n\n* Go.\n",
        "data-engineer.md",
        {},
        [],
        id="level-three",
    ),
]


@pytest.mark.parametrize(("text", "path", "options", "expected"), CASES)
def test_cases(text: str, path: str, options: dict[str, Any], expected: list[Expected]) -> None:
    assert_findings(lint_findings(text, path, **{"select": [CODE], **options}), expected)


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # one finding for one typo: the section is there, so no missing-section
        (HEAD + "## Job Description\n\nText.\n\n## Skils\n\n* SQL.\n", ["RD201"]),
        # the misspelt section's items are checked like any other's
        (HEAD + "## Skils\n\n* SQL.\n* SQL.\n", ["RD201", "RD206"]),
    ],
    ids=["no-missing-section", "its-items-are-checked"],
)
def test_a_misspelt_heading_is_read_as_its_section(text: str, codes: list[str]) -> None:
    options = {"select": ["RD201", "RD203", "RD206"], "required-sections": ["skills"]}
    found = lint_findings(text, "data-engineer.md", **options)
    assert sorted({f.code for f in found}) == codes
    assert [f.code for f in found].count("RD201") == 1


def test_the_fix_corrects_the_word_and_nothing_else(tmp_path: Path) -> None:
    from roledef.config import resolve_config
    from roledef.fix.apply import fix_file

    path = tmp_path / "data-engineer.md"
    path.write_text(ROLE.replace("## Skills", "## Skils"), encoding="utf-8")
    result = fix_file(str(path), resolve_config({"select": ["RD201"]}))
    assert result.refused is None
    assert [f.code for f in result.fixed] == ["RD201"]
    assert result.after == ROLE


def test_no_fix_where_the_model_would_change(tmp_path: Path) -> None:
    from roledef.config import resolve_config
    from roledef.fix.apply import fix_file

    # a section kept verbatim keeps its heading as written: correcting it changes the role
    path = tmp_path / "data-engineer.md"
    text = ROLE + "\n## Benifits\n\nA laptop.\n"
    path.write_text(text, encoding="utf-8")
    found = lint_findings(text, "data-engineer.md", select=["RD201"])
    assert [f.message for f in found] == [
        "heading 'Benifits' is read as 'Benefits': correct the spelling"
    ]
    result = fix_file(str(path), resolve_config({"select": ["RD201"]}))
    assert result.refused is None and not result.changed
