"""RD105 file-name, case by case: small documents and exactly what it finds.

Its failing and passing fixture files are in tests/fixtures/rules/RD105/.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.lint import HEAD, YAML_ROLE, Expected, assert_findings, lint_findings

CODE = "RD105"

CASES = [
    pytest.param(
        HEAD,
        "Customer Succes Manager",
        {},
        [("RD105", 1, 1, "file name 'Customer Succes Manager' is not kebab-case .md")],
        id="spaces-and-no-extension",
    ),
    pytest.param(
        HEAD,
        "account_executive.md",
        {},
        [("RD105", 1, 1, "file name 'account_executive.md' is not kebab-case .md")],
        id="underscores",
    ),
    pytest.param(
        HEAD,
        "readme.txt",
        {},
        [("RD105", 1, 1, "file name 'readme.txt' is not kebab-case .md: rename it to 'readme.md'")],
        id="a-text-extension-is-not-part-of-the-name",
    ),
    pytest.param(
        HEAD,
        "SRE.md",
        {},
        [("RD105", 1, 1, "file name 'SRE.md' is not kebab-case .md: rename it to 'sre.md'")],
        id="upper-case",
    ),
    pytest.param(
        HEAD,
        "sre.MD",
        {},
        [("RD105", 1, 1, "file name 'sre.MD' is not kebab-case .md: rename it to 'sre.md'")],
        id="upper-case-extension",
    ),
    pytest.param(
        YAML_ROLE,
        "data_engineer.yaml",
        {},
        [("RD105", 1, 1, "file name 'data_engineer.yaml' is not kebab-case .yaml")],
        id="yaml-underscores",
    ),
    pytest.param(
        HEAD,
        "customer-success-manager.md",
        {},
        [],
        id="kebab-case",
    ),
    pytest.param(
        HEAD,
        "Job Descriptions/sre.md",
        {},
        [],
        id="in-a-folder",
    ),
    pytest.param(
        YAML_ROLE,
        "data-engineer.yml",
        {},
        [],
        id="yml-extension",
    ),
]


@pytest.mark.parametrize(("text", "path", "options", "expected"), CASES)
def test_cases(text: str, path: str, options: dict[str, Any], expected: list[Expected]) -> None:
    assert_findings(lint_findings(text, path, **{"select": [CODE], **options}), expected)
