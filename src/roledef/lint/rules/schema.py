"""The role does not match the role schema (schemas/role.schema.json).

Why: the schema is the contract every tool built on role files relies on (converters, renderers,
the handbook site). A markdown file is read into the model first, so this mostly catches values
the parser keeps as written, such as a front matter ``navTitle`` that is a number or an empty
title. In a YAML role file it catches every wrong key, type and value, at its line and column.

Failing (``role.yaml``)::

    hiring_plan:
      - name: CTO Interview
        owner: CTO
        duration_minutes: forty-five

Passing::

    hiring_plan:
      - name: CTO Interview
        owner: CTO
        duration_minutes: 45
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from roledef.findings import ERROR
from roledef.lint.rules.base import BOTH, Hit, Options
from roledef.model import MARKDOWN, NO_SPAN, Role, Span
from roledef.modeldict import role_to_dict

if TYPE_CHECKING:
    pass

CODE = "RD001"
NAME = "schema"
SEVERITY = ERROR
OPTIONS = ()
FORMATS = BOTH
ENABLED = True
FIX = None


def check(role: Role, options: Options) -> Iterator[Hit]:
    """Validate the model of a markdown file; YAML files are validated by the linter itself."""
    if role.source.format != MARKDOWN:
        return
    from roledef.read.schema import advice, validate

    data = role_to_dict(role)
    for err in validate(data):
        yield markdown_span(role, err.path), advice(err, data, MARKDOWN)


def markdown_span(role: Role, path: tuple[str | int, ...]) -> Span:
    """The span of the model element at a JSON path, or of its nearest parent that has one."""
    src = role.source
    head = path[0] if path else None
    index = path[1] if len(path) > 1 and isinstance(path[1], int) else None
    if head == "front_matter" and len(path) > 1:
        return src.front_matter_keys.get(str(path[1]), src.front_matter_span or NO_SPAN)
    if head == "title":
        return src.title_span or NO_SPAN
    if index is not None:
        if head == "responsibilities" and index < len(role.responsibilities):
            return role.responsibilities[index].span
        if head == "non_responsibilities" and index < len(role.non_responsibilities):
            return role.non_responsibilities[index].span
        if head == "hiring_plan" and index < len(role.hiring_plan):
            return role.hiring_plan[index].span
        if head == "sections" and index < len(role.sections):
            return role.sections[index].span
        if head == "onboarding" and index < len(role.onboarding):
            phase = role.onboarding[index]
            sub = path[3] if len(path) > 3 and path[2] == "items" else None
            if isinstance(sub, int) and sub < len(phase.items):
                return phase.items[sub].span
            return phase.span
    if head == "skills" and len(path) > 2 and isinstance(path[2], int):
        items = role.skills.required if path[1] == "required" else role.skills.nice_to_have
        if path[2] < len(items):
            return items[path[2]].span
    return src.title_span or NO_SPAN
