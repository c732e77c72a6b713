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

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from roledef.findings import ERROR, Finding
from roledef.lint.rules.base import BOTH, NAME_LIST, TEXT, Fixer, Hit, Option, Options
from roledef.model import MARKDOWN, NO_SPAN, Role

if TYPE_CHECKING:
    from roledef.config import Config
    from roledef.fix.edits import Fix

CODE = "RD103"
NAME = "front-matter-missing-key"
SEVERITY = ERROR
REQUIRED = Option(
    "required-front-matter",
    NAME_LIST,
    ["navTitle", "navGroup"],
    "Front matter keys every markdown role file must have (front-matter-missing-key).",
)
#: Used by the fix only.
NAV_GROUP = Option(
    "default-nav-group",
    TEXT,
    "Job Descriptions",
    "The navGroup that roledef lint --fix gives a role file without one "
    "(front-matter-missing-key); default 'Job Descriptions'.",
)
OPTIONS = (REQUIRED, NAV_GROUP)
FORMATS = BOTH
ENABLED = True


def check(role: Role, options: Options) -> Iterator[Hit]:
    src = role.source
    if src.format == MARKDOWN and (src.front_matter_span is None or src.front_matter_error):
        return  # front-matter-missing or front-matter-invalid says it once
    block = src.front_matter_span or src.field_spans.get("front_matter") or NO_SPAN
    for key in REQUIRED.value(options):
        value = role.front_matter.get(key)
        if key not in role.front_matter:
            yield block, f"front matter has no '{key}': add '{key}: ...'"
        elif value is None or (isinstance(value, str) and not value.strip()):
            yield src.front_matter_keys.get(key, block), f"front matter key '{key}' is empty"


def fix(role: Role, lines: list[str], f: Finding, config: Config) -> Fix | None:
    """A missing or empty ``navTitle`` (the title) or ``navGroup`` (the configured default)."""
    found = re.search(r"'([^']+)'", f.message)
    value = _value_for(found.group(1), role, config) if found else None
    if found is None or value is None:
        return None
    return _set_key(role, lines, f, found.group(1), value)


def _value_for(key: str, role: Role, config: Config) -> str | None:
    if key == "navTitle":
        return role.title
    if key == "navGroup":
        return str(config.options.get(NAV_GROUP.name) or NAV_GROUP.default)
    return None


def _set_key(role: Role, lines: list[str], f: Finding, key: str, value: str) -> Fix | None:
    """Insert ``key: value`` before the front matter's closing ``---``, or fill an empty key."""
    from roledef.fix.edits import Edit, Fix, yaml_line

    src = role.source
    block = src.front_matter_span
    if block is None or block.end_line is None or src.front_matter_error:
        return None
    line = yaml_line(key, value)
    where = src.front_matter_keys.get(key)
    if where is None:
        if lines[block.end_line - 1].rstrip() not in ("---", "..."):
            return None
        return Fix(f, (Edit(block.end_line, 0, 0, line + "\n"),), sets=((key, value),))
    current = lines[where.line - 1]
    if not re.fullmatch(rf"{re.escape(key)}:[ \t]*(?:''|\"\"|~|null)?[ \t]*", current):
        return None
    if where.line < len(lines) and lines[where.line][:1] in (" ", "\t"):
        return None  # a value on the lines below: not a simple empty key
    return Fix(f, (Edit(where.line, 0, len(current), line),), sets=((key, value),))


FIX = Fixer(safe=True, make=fix)
