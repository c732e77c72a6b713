"""The packaged JSON Schema for roles, and validation against it."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

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


@dataclass(frozen=True)
class SchemaError:
    """One validation error: where (a JSON path as a tuple) and what."""

    path: tuple[str | int, ...]
    message: str
    validator: str
    value: Any = None


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
        yield SchemaError(
            tuple(best.absolute_path), best.message, str(best.validator), best.instance
        )
