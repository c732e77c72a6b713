"""The front matter ``navTitle`` names another role than the title and the file.

Why: ``navTitle`` is what readers click in the handbook's menu. A file copied from another role
and not fully updated keeps the old ``navTitle`` (an ``engineering-manager.md`` listed as
"Account Executive"), and a ``navTitle`` that is the group's name ("Job Descriptions") makes every
such page look the same in the menu. The navTitle matches when it names the same role as the H1
title or the file name; words in parentheses and case are ignored, and a shorter or longer form
("Dashboard Engineer" for "FlowFuse Dashboard Engineer") is accepted.

Fix (unsafe: ``roledef lint --fix --unsafe-fixes``): ``navTitle`` is set to the H1 title. It is
unsafe because the title may be the stale one; check which of the two names the role.

Failing (``engineering-manager.md``)::

    ---
    navTitle: Account Executive
    navGroup: Job Descriptions
    ---

Passing::

    ---
    navTitle: Engineering Manager
    navGroup: Job Descriptions
    ---
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePath
from typing import TYPE_CHECKING

from roledef.findings import ERROR, Finding
from roledef.lint.rules.base import BOTH, Fixer, Hit, Options
from roledef.model import NO_SPAN, Role
from roledef.text import normalize_heading, title_from_slug

if TYPE_CHECKING:
    from roledef.config import Config
    from roledef.fix.edits import Fix

CODE = "RD104"
NAME = "nav-title-mismatch"
SEVERITY = ERROR
OPTIONS = ()
FORMATS = BOTH
ENABLED = True

#: The navigation group of role files; a navTitle equal to it names the group, not the role.
DEFAULT_GROUP = "Job Descriptions"


def _words(text: str) -> list[str]:
    return [w for w in normalize_heading(text).replace(",", " ").split() if w]


def same_role(a: str, b: str) -> bool:
    """Whether two titles name the same role: equal words, one within the other, or a near miss."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    if set(wa) <= set(wb) or set(wb) <= set(wa):
        return True
    from difflib import SequenceMatcher  # only for the rare near miss: not at start-up

    return SequenceMatcher(None, " ".join(wa), " ".join(wb)).ratio() >= 0.85


def check(role: Role, options: Options) -> Iterator[Hit]:
    nav = role.front_matter.get("navTitle")
    if not isinstance(nav, str) or not nav.strip():
        return
    src = role.source
    from_file = title_from_slug(role.id)
    # a title read from navTitle itself proves nothing: then only the file name counts
    candidates = [from_file] if src.title_source == "navTitle" else [role.title, from_file]
    if any(same_role(nav, c) for c in candidates):
        return
    group = role.front_matter.get("navGroup")
    expected = from_file if src.title_source == "navTitle" else role.title
    span = src.front_matter_keys.get("navTitle", src.front_matter_span or NO_SPAN)
    groups = {normalize_heading(DEFAULT_GROUP)}
    if isinstance(group, str):
        groups.add(normalize_heading(group))
    if normalize_heading(nav) in groups:
        message = f"navTitle '{nav}' is the navigation group's name, not this role's"
        yield span, f"{message}: write 'navTitle: {expected}'"
        return
    if src.title_source == "navTitle":
        against = f"the file name '{PurePath(src.path).name}'"
    else:
        against = f"the title '{role.title}'"
    message = f"navTitle '{nav}' names another role than {against}"
    yield span, f"{message}: write 'navTitle: {expected}'"


def fix(role: Role, lines: list[str], f: Finding, config: Config) -> Fix | None:
    """A ``navTitle`` naming another role -> the title (unsafe: the title may be the wrong one)."""
    from roledef.fix.edits import Edit, Fix, yaml_line

    where = role.source.front_matter_keys.get("navTitle")
    if where is None or role.source.title_source != "heading":
        return None
    current = lines[where.line - 1]
    if not re.fullmatch(r"navTitle:[ \t]*[^ \t#|>&*!'\"{\[].*", current):
        return None  # quoted, block or flow values are left for a person
    if where.line < len(lines) and lines[where.line][:1] in (" ", "\t"):
        return None
    edit = Edit(where.line, 0, len(current), yaml_line("navTitle", role.title))
    return Fix(f, (edit,), sets=(("navTitle", role.title),))


#: Unsafe: the title may be the stale one; ``--unsafe-fixes`` only.
FIX = Fixer(safe=False, make=fix)
