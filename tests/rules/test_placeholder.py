"""RD207 placeholder, case by case: small documents and exactly what it finds.

Its failing and passing fixture files are in tests/fixtures/rules/RD207/.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.lint import HEAD, ROLE, Expected, assert_findings, hiring_plan, lint_findings

CODE = "RD207"

CASES = [
    pytest.param(
        HEAD
        + """\
## Job Description

TODO(roledef): Two or three sentences on why the role exists.
""",
        "data-engineer.md",
        {},
        [("RD207", 8, 1, "placeholder 'TODO(roledef): Two or three sentences on why the role")],
        id="roledef-marker",
    ),
    pytest.param(
        HEAD + "## Skills\n\n* SQL: TBD.\n",
        "data-engineer.md",
        {},
        [("RD207", 10, 1, "placeholder 'TBD' in the skills: replace it with the real text")],
        id="tbd-in-a-skill",
    ),
    pytest.param(
        HEAD + hiring_plan("Intro (30m): FIXME who runs this. Done by the recruiter."),
        "data-engineer.md",
        {},
        [("RD207", 10, 1, "placeholder 'FIXME' in the hiring step 'Intro'")],
        id="fixme-in-a-step",
    ),
    pytest.param(
        HEAD + "## Responsibilities\n\n* Lorem ipsum dolor sit amet.\n",
        "data-engineer.md",
        {},
        [("RD207", 10, 1, "placeholder 'Lorem ipsum' in the responsibilities")],
        id="lorem-ipsum",
    ),
    pytest.param(
        HEAD + "## Job Description\n\nTODO: say why. TBD. FIXME.\n",
        "data-engineer.md",
        {},
        [("RD207", 8, 1, "placeholder 'TODO: say why' (and 2 more) in the job description")],
        id="several-in-one-field",
    ),
    pytest.param(
        "---\nnavTitle: TODO\nnavGroup: Job Descriptions\n---\n\n# Data Engineer\n\n",
        "data-engineer.md",
        {},
        [("RD207", 2, 1, "placeholder 'TODO' in the front matter key 'navTitle'")],
        id="front-matter",
    ),
    pytest.param(
        HEAD + "## Responsibilities\n\n* Keep the todo list short.\n",
        "data-engineer.md",
        {},
        [],
        id="lower-case-todo",
    ),
    pytest.param(
        ROLE,
        "data-engineer.md",
        {},
        [],
        id="clean",
    ),
]


@pytest.mark.parametrize(("text", "path", "options", "expected"), CASES)
def test_cases(text: str, path: str, options: dict[str, Any], expected: list[Expected]) -> None:
    assert_findings(lint_findings(text, path, **{"select": [CODE], **options}), expected)
