"""The packaged JSON Schema for roles, and validation against it."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from roledef.model import MARKDOWN, SourceFormat
from roledef.record import Record
from roledef.text import Regex, step_label

ROLE_SCHEMA = "role.schema.json"


def schema_text(name: str = ROLE_SCHEMA) -> str:
    """The packaged schema file (``schemas/`` in the repository links to the same file)."""
    path = Path(__file__).parent.parent / "schemas" / name
    if path.is_file():  # the usual install: importlib.resources would cost more than the read
        return path.read_text(encoding="utf-8")
    from importlib import resources

    return resources.files("roledef").joinpath("schemas").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=4)
def load_schema(name: str = ROLE_SCHEMA) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(schema_text(name))
    return data


def schema_id(name: str = ROLE_SCHEMA) -> str:
    return str(load_schema(name)["$id"])


class SchemaError(Record):
    """One validation error: where (a JSON path as a tuple) and what."""

    __slots__ = ("message", "path", "validator", "value")

    def __init__(
        self, path: tuple[str | int, ...], message: str, validator: str, value: Any = None
    ) -> None:
        self.path: Final = path
        self.message: Final = message
        self.validator: Final = validator
        self.value: Final = value


@lru_cache(maxsize=4)
def _validator(name: str) -> Any:
    from jsonschema import Draft202012Validator

    schema = load_schema(name)
    return Draft202012Validator(schema, format_checker=None)


@lru_cache(maxsize=4)
def _fast_check(name: str) -> Callable[[Any], bool] | None:
    from roledef.read.fastschema import Unsupported, compile_check

    try:
        return compile_check(load_schema(name))
    except Unsupported:
        return None


def validate(data: Any, name: str = ROLE_SCHEMA) -> Iterator[SchemaError]:
    """Yield schema errors in document order (empty when the data is valid).

    A valid document is recognised by :mod:`roledef.read.fastschema` without importing jsonschema;
    jsonschema is the reference, and explains what is wrong with an invalid one.
    """
    check = _fast_check(name)
    if check is not None and check(data):
        return
    validator = _validator(name)
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    for err in errors:
        # an anyOf/oneOf failure is explained best by its most specific sub-error
        best = err
        if err.context:
            best = min(err.context, key=lambda e: -len(e.absolute_path))
        path = tuple(best.absolute_path)
        if best.validator is None and len(path) == 2 and path[0] == "hiring_plan":
            yield _owner_key_error(path, data)
            continue
        yield SchemaError(path, best.message, str(best.validator), best.instance)


def _owner_key_error(path: tuple[str | int, ...], data: Any) -> SchemaError:
    """The one way a step breaks the version rule: the other version's owner key, or both keys.

    The schema forbids ``owners`` in a version 1 step and ``owner`` in a version 2 step.
    """
    step = _get(data, path)
    step = step if isinstance(step, dict) else {}
    old = _get(data, ("schema_version",)) == 1
    key = "owners" if old else "owner"
    if "owner" in step and "owners" in step:
        message = (
            "has both 'owner' (schema version 1) and 'owners' (version 2): "
            "keep 'owners', a list, and set 'schema_version: 2'"
        )
    elif old:
        message = "'owners' is schema version 2: set 'schema_version: 2', or write one 'owner'"
    else:
        owner = step.get("owner")
        listed = "[]" if owner is None else f"[{owner}]"
        message = f"'owner' is schema version 1: write 'owners: {listed}' (a list of who runs it)"
    return SchemaError((*path, key), message, "owner-version", step.get(key))


# -- schema errors as advice: what is wrong with which element, and how to write it -------------

_UNEXPECTED_RE = Regex(r"'([^']+)'")
_TYPE_RE = Regex(r"is not of type (.+)$")
_ITEM_LISTS = {
    "responsibilities": "responsibility",
    "non_responsibilities": "non-responsibility",
    "onboarding": "onboarding phase",
    "sections": "section",
}


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
        missing = _UNEXPECTED_RE().search(err.message)
        key = missing.group(1) if missing else "a required key"
        if key == "duration_minutes":
            how = "write e.g. '(45m)'" if fmt == MARKDOWN else "add 'duration_minutes: 45'"
            return f"{describe(path, data)} has no duration: {how} (null when unknown)"
        if key == "owners":
            return f"{describe(path, data)} has no 'owners': add it ([] when nobody is named)"
        return f"{describe(path, data)} has no '{key}': add it"
    if err.validator == "additionalProperties":
        keys = ", ".join(f"'{k}'" for k in _UNEXPECTED_RE().findall(err.message))
        return f"{describe(path, data)} has unknown key(s) {keys}: remove or rename them"
    if err.validator == "type":
        wanted = _TYPE_RE().search(err.message)
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
    if err.validator in ("const", "enum") and field == "schema_version":
        return f"schema_version is {err.value!r}: this version of roledef reads versions 1 and 2"
    return f"{where}: {err.message}"
