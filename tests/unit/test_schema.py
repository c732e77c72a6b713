"""The role schema itself: well-formed, documented for editors, and strict where it helps."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from roledef.modeldict import role_to_dict
from roledef.project import schema_id
from roledef.read import MARKDOWN, load
from roledef.read.schema import load_schema, validate
from tests.helpers import EXAMPLES


def _properties(schema: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(schema, dict):
        for name, sub in schema.get("properties", {}).items():
            yield f"{where}.{name}", sub
            yield from _properties(sub, f"{where}.{name}")
        for name, sub in schema.get("$defs", {}).items():
            yield from _properties(sub, f"$defs.{name}")


def test_schema_is_valid_draft_2020_12() -> None:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == schema_id("role.schema.json")


def test_every_property_has_a_title_and_description() -> None:
    missing = [
        name
        for name, sub in _properties(load_schema())
        if "$ref" not in sub and not (sub.get("title") and sub.get("description"))
    ]
    assert missing == []


@pytest.mark.parametrize("name", ["site-reliability-engineer.md", "minimal-role.md"])
def test_examples_validate(name: str) -> None:
    assert list(validate(role_to_dict(load(EXAMPLES / name, fmt=MARKDOWN).role))) == []


def _model() -> dict[str, Any]:
    return role_to_dict(load(EXAMPLES / "site-reliability-engineer.md", fmt=MARKDOWN).role)


def test_typo_in_a_key_is_caught() -> None:
    data = _model()
    data["hiring_plan"][0]["durations_minutes"] = 5
    errors = list(validate(data))
    assert [e.path for e in errors] == [("hiring_plan", 0)]
    assert "durations_minutes" in errors[0].message


def test_wrong_type_is_reported_at_its_path() -> None:
    data = _model()
    data["hiring_plan"][2]["duration_minutes"] = "forty-five"
    errors = list(validate(data))
    assert [e.path for e in errors] == [("hiring_plan", 2, "duration_minutes")]


def test_item_needs_a_name_or_a_description() -> None:
    data = _model()
    data["responsibilities"][0] = {"name": None, "description": None, "group": None}
    assert [e.path[:2] for e in validate(data)] == [("responsibilities", 0)]
