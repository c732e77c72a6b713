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

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from roledef.findings import ERROR
from roledef.lint.rules.base import BOTH, Hit, Options, step_label
from roledef.model import MARKDOWN, NO_SPAN, Role, SourceFormat, Span, role_to_dict

if TYPE_CHECKING:
    from roledef.read.schema import SchemaError

CODE = "RD001"
NAME = "schema"
SEVERITY = ERROR
OPTIONS = ()
FORMATS = BOTH
ENABLED = True
FIX = None

_UNEXPECTED_RE = re.compile(r"'([^']+)'")
_TYPE_RE = re.compile(r"is not of type (.+)$")
_ITEM_LISTS = {
    "responsibilities": "responsibility",
    "non_responsibilities": "non-responsibility",
    "onboarding": "onboarding phase",
    "sections": "section",
}


def check(role: Role, options: Options) -> Iterator[Hit]:
    """Validate the model of a markdown file; YAML files are validated by the linter itself."""
    if role.source.format != MARKDOWN:
        return
    from roledef.read.schema import validate

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


def describe(path: tuple[str | int, ...], data: Any) -> str:
    """How a message names the element at ``path``: ``hiring step 'CTO Interview'``, ..."""
    if not path:
        return "the role"
    head = path[0]
    if head == "hiring_plan" and len(path) > 1 and isinstance(path[1], int):
        name = _get(data, (*path[:2], "name"))
        return step_label(name if isinstance(name, str) else None, path[1])
    if head == "front_matter" and len(path) > 1:
        return f"front matter key '{path[1]}'"
    if head in _ITEM_LISTS and len(path) > 1 and isinstance(path[1], int):
        return f"{_ITEM_LISTS[str(head)]} {path[1] + 1}"
    if head == "skills" and len(path) > 2 and isinstance(path[2], int):
        return f"{'required' if path[1] == 'required' else 'nice-to-have'} skill {path[2] + 1}"
    return "'" + ".".join(str(p) for p in path) + "'"


def _get(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def advice(err: SchemaError, data: Any, fmt: SourceFormat) -> str:
    """A schema error as advice: what is wrong with which element, and how to write it."""
    path = err.path
    field = str(path[-1]) if path and isinstance(path[-1], str) else None
    owner_path = path[:-1] if field else path
    where = describe(owner_path, data)
    if err.validator == "required":
        missing = _UNEXPECTED_RE.search(err.message)
        key = missing.group(1) if missing else "a required key"
        if key == "duration_minutes":
            how = "write e.g. '(45m)'" if fmt == MARKDOWN else "add 'duration_minutes: 45'"
            return f"{describe(path, data)} has no duration: {how} (null when unknown)"
        return f"{describe(path, data)} has no '{key}': add it"
    if err.validator == "additionalProperties":
        keys = ", ".join(f"'{k}'" for k in _UNEXPECTED_RE.findall(err.message))
        return f"{describe(path, data)} has unknown key(s) {keys}: remove or rename them"
    if err.validator == "type":
        wanted = _TYPE_RE.search(err.message)
        kinds = wanted.group(1).replace("'", "") if wanted else "another type"
        if field in ("duration_minutes", "duration_max_minutes"):
            return (
                f"{where} has a duration that is not a whole number of minutes "
                f"({err.value!r}): write e.g. 45"
            )
        return f"{where}: '{field or 'value'}' is {err.value!r}, it must be {kinds}"
    if err.validator == "minimum":
        return f"{where}: '{field}' is {err.value!r}, it cannot be negative"
    if err.validator == "minLength":
        return f"{where}: '{field or 'value'}' is empty: write it or remove it"
    if err.validator == "pattern" and field == "id":
        return f"id {err.value!r} is not kebab-case: write e.g. 'site-reliability-engineer'"
    if err.validator == "const" and field == "schema_version":
        return f"schema_version is {err.value!r}: this version of roledef reads version 1"
    return f"{where}: {err.message}"
