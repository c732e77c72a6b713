"""RD301 hiring-step-missing-owner, case by case: small documents and exactly what it finds.

Its failing and passing fixture files are in tests/fixtures/rules/RD301/.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.lint import YAML_ROLE, Expected, assert_findings, hiring_plan, lint_findings

CODE = "RD301"

CASES = [
    pytest.param(
        hiring_plan("Technical Interview (60m): Debug a broken service together."),
        "role.md",
        {},
        [("RD301", 3, 1, "hiring step 'Technical Interview' has no owner")],
        id="no-owner",
    ),
    pytest.param(
        hiring_plan(
            "Technical Interview (60m): Debug a broken service together. Done by a Senior SRE."
        ),
        "role.md",
        {},
        [],
        id="done-by",
    ),
    pytest.param(
        hiring_plan("Final chat (30m) with the CTO."),
        "role.md",
        {},
        [],
        id="with",
    ),
    pytest.param(
        hiring_plan("CTO Interview (45m): Systems design."),
        "role.md",
        {},
        [],
        id="owner-in-the-name",
    ),
    pytest.param(
        hiring_plan("Offer: We send the contract."),
        "role.md",
        {},
        [],
        id="exempt-offer",
    ),
    pytest.param(
        hiring_plan(
            "Intro (20m): Chat. Done by the recruiter.",
            "Pairing (90m): Write code together.",
            "Offer: The contract.",
        ),
        "role.md",
        {},
        [("RD301", 4, 1, "hiring step 'Pairing' has no owner: add e.g. 'Done by the hiring")],
        id="second-step-of-three",
    ),
    pytest.param(
        hiring_plan(
            "Application: Apply through the careers page.",
            "Take-Home Assignment (2 hours): Build a small service on your own.",
            "Reference checks and offer",
        ),
        "role.md",
        {},
        [],
        id="what-the-candidate-does-alone-needs-no-owner",
    ),
    pytest.param(
        hiring_plan("(30m) a chat about the role."),
        "role.md",
        {},
        [("RD301", 3, 1, "hiring step 'Chat about the role' has no owner")],
        id="step-without-a-name",
    ),
    pytest.param(
        hiring_plan("Take-home (120m): A small project."),
        "role.md",
        {"owner_exempt_steps": ["Take-home"]},
        [],
        id="configured-exemption",
    ),
    pytest.param(
        hiring_plan("Offer: We send the contract."),
        "role.md",
        {"owner_exempt_steps": ["Take-home"]},
        [("RD301", 3, 1, "hiring step 'Offer' has no owner: add e.g. 'Done by the hiring")],
        id="exemption-replaced-by-config",
    ),
    pytest.param(
        YAML_ROLE.replace("    owners: [a Senior Data Engineer]\n", "    owners: []\n"),
        "data-engineer.yaml",
        {},
        [("RD301", 17, 5, "hiring step 'Technical Interview' has no owner: add e.g. 'owners: [hi")],
        id="yaml-no-owner",
    ),
    pytest.param(
        YAML_ROLE.replace("schema_version: 2", "schema_version: 1").replace(
            "    owners: [a Senior Data Engineer]\n", "    owner: null\n"
        ),
        "data-engineer.yaml",
        {},
        [("RD301", 17, 5, "hiring step 'Technical Interview' has no owner: add e.g. 'owners: [hi")],
        id="yaml-version-1-null-owner",
    ),
    pytest.param(
        YAML_ROLE.replace("    owners: [a Senior Data Engineer]\n", "    owners: [CEO, CTO]\n"),
        "data-engineer.yaml",
        {},
        [],
        id="yaml-two-owners",
    ),
]


@pytest.mark.parametrize(("text", "path", "options", "expected"), CASES)
def test_cases(text: str, path: str, options: dict[str, Any], expected: list[Expected]) -> None:
    assert_findings(lint_findings(text, path, **{"select": [CODE], **options}), expected)
