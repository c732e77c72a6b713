"""A required front matter key is missing or empty (default: ``navTitle`` and ``navGroup``).

Why: the handbook's navigation needs both the title shown in the menu and the group the page is
listed under. Which keys are required is set by ``required-front-matter`` in the config.

Fix (``roledef lint --fix``): a missing or empty ``navTitle`` becomes the title, a missing or
empty ``navGroup`` the configured ``default-nav-group`` ("Job Descriptions"); other keys are left
to you.

Failing::

    ---
    navTitle: Site Reliability Engineer
    ---

Passing::

    ---
    navTitle: Site Reliability Engineer
    navGroup: Job Descriptions
    ---
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from roledef.findings import ERROR
from roledef.lint.rules.base import BOTH, Hit, Options
from roledef.model import MARKDOWN, NO_SPAN, Role

CODE = "RD103"
NAME = "front-matter-missing-key"
SEVERITY = ERROR
FIXABLE = True
OPTIONS: dict[str, Any] = {
    "required-front-matter": ["navTitle", "navGroup"],
    "default-nav-group": "Job Descriptions",
}
FORMATS = BOTH
ENABLED = True


def check(role: Role, options: Options) -> Iterator[Hit]:
    src = role.source
    if src.format == MARKDOWN and (src.front_matter_span is None or src.front_matter_error):
        return  # front-matter-missing or front-matter-invalid says it once
    block = src.front_matter_span or src.field_spans.get("front_matter") or NO_SPAN
    for key in options["required-front-matter"]:
        value = role.front_matter.get(key)
        if key not in role.front_matter:
            yield block, f"front matter has no '{key}': add '{key}: ...'"
        elif value is None or (isinstance(value, str) and not value.strip()):
            yield src.front_matter_keys.get(key, block), f"front matter key '{key}' is empty"
