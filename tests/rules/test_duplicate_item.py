"""RD206 duplicate-item, case by case: small documents and exactly what it finds.

Its failing and passing fixture files are in tests/fixtures/rules/RD206/.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.lint import HEAD, Expected, assert_findings, hiring_plan, lint_findings

CODE = "RD206"

CASES = [
    pytest.param(
        HEAD
        + """\
## Skills

* Kubernetes: Has run production clusters.
* Terraform: Writes code.
* Kubernetes: Has run production clusters.
""",
        "data-engineer.md",
        {},
        [("RD206", 12, 1, "'Kubernetes' repeats a bullet of the skills (line 10): remove one")],
        id="repeated-skill",
    ),
    pytest.param(
        HEAD
        + """\
## Responsibilities

* **Pipelines**: Build them.
* pipelines: build them.
""",
        "data-engineer.md",
        {},
        [("RD206", 11, 1, "'pipelines' repeats a bullet of the responsibilities (line 10)")],
        id="case-and-emphasis",
    ),
    pytest.param(
        HEAD
        + hiring_plan(
            "Intro (30m): Chat. Done by the recruiter.", "Intro (30m): Chat. Done by the recruiter."
        ),
        "data-engineer.md",
        {},
        [("RD206", 11, 1, "hiring step 'Intro' repeats an earlier step (line 10): remove one")],
        id="repeated-step",
    ),
    pytest.param(
        HEAD + "## Skills\n\n* SQL.\n* SQL.\n* SQL.\n",
        "data-engineer.md",
        {},
        [
            ("RD206", 11, 1, "'SQL.' repeats a bullet of the skills (line 10): remove one"),
            ("RD206", 12, 1, "'SQL.' repeats a bullet of the skills (line 10): remove one"),
        ],
        id="three-times",
    ),
    pytest.param(
        HEAD + "## Responsibilities\n\n* SQL.\n\n## Skills\n\n* SQL.\n",
        "data-engineer.md",
        {},
        [],
        id="same-bullet-in-two-lists",
    ),
    pytest.param(
        HEAD + "## Skills\n\n* Go: Reads it.\n* Go: Writes it.\n",
        "data-engineer.md",
        {},
        [],
        id="same-name-other-text",
    ),
    pytest.param(
        """\
schema_version: 1
id: data-engineer
title: Data Engineer
front_matter:
  navTitle: Data Engineer
  navGroup: Job Descriptions
summary: The Data Engineer builds the pipelines that turn events into reports.
responsibilities:
  - name: Pipelines
    description: Build and run the event pipeline.
  - name: Pipelines
    description: Build and run the event pipeline.
skills:
  required:
    - name: SQL
      description: Writes clear queries.
  nice_to_have: []
hiring_plan:
  - name: Technical Interview
    owner: a Senior Data Engineer
    duration_minutes: 60
""",
        "data-engineer.yaml",
        {},
        [("RD206", 11, 5, "'Pipelines' repeats a bullet of the responsibilities (line 9)")],
        id="yaml-repeated-responsibility",
    ),
]


@pytest.mark.parametrize(("text", "path", "options", "expected"), CASES)
def test_cases(text: str, path: str, options: dict[str, Any], expected: list[Expected]) -> None:
    assert_findings(lint_findings(text, path, **{"select": [CODE], **options}), expected)
