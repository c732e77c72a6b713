"""Reading a structured role (YAML or JSON, as ``roledef convert`` writes it) into the model.

The data is checked against the role schema first; every problem becomes a one-line message that
names the file, the line and the field, so a hand-edited YAML file is easy to repair.
"""

from __future__ import annotations

import json
import os
from typing import Any

from roledef.model import Role, Span, role_from_dict
from roledef.read.schema import validate
from roledef.read.source import DEFAULT_MAX_BYTES, SourceError, read_source
from roledef.read.yamlio import KeyPath, YamlError, load_yaml


class RoleDataError(SourceError):
    """Structured role data that does not fit the schema; ``problems`` has one line each."""

    def __init__(self, path: str, problems: list[str]) -> None:
        super().__init__(path, problems[0] if problems else "invalid role data")
        self.problems = problems

    def __str__(self) -> str:
        return "\n".join(
            f"{self.path}:{p}" if p[:1].isdigit() else f"{self.path}: {p}" for p in self.problems
        )


def field_path(path: tuple[str | int, ...]) -> str:
    """``("hiring_plan", 2, "owner")`` -> ``hiring_plan[2].owner``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "(document)"


def _line_of(path: tuple[str | int, ...], positions: dict[KeyPath, Span]) -> int | None:
    """The line of the deepest known key on ``path`` (a missing key: its parent's line)."""
    for end in range(len(path), 0, -1):
        span = positions.get(path[:end])
        if span is not None:
            return span.line
    return None


def load_role_data(
    path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[Any, dict[KeyPath, Span]]:
    """Parse a ``.json`` file as JSON and anything else as YAML; (data, key positions)."""
    name = os.fspath(path)
    if name.lower().endswith((".md", ".markdown")):
        raise SourceError(name, "is markdown, not a structured role: `roledef convert` makes one")
    source = read_source(path, max_bytes)
    if name.lower().endswith(".json"):
        try:
            data = json.loads(source.text)
        except json.JSONDecodeError as exc:
            raise SourceError(name, f"is not valid JSON: {exc.msg}", exc.lineno) from None
        try:  # JSON is YAML: the YAML reader knows where each key is
            return data, load_yaml(source.text)[1]
        except YamlError:
            return data, {}
    try:
        return load_yaml(source.text)
    except YamlError as exc:
        raise SourceError(name, f"is not valid YAML: {exc.message}", exc.line) from None


def load_structured_role(
    path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Role:
    """Read, validate and build a role from YAML or JSON.

    Raises :class:`~roledef.read.source.SourceError` (unreadable, not YAML/JSON) or
    :class:`RoleDataError` (valid YAML that does not fit the schema).
    """
    name = os.fspath(path)
    data, positions = load_role_data(name, max_bytes=max_bytes)
    if not isinstance(data, dict):
        kind = "empty" if data is None else f"a {type(data).__name__}"
        raise RoleDataError(name, [f"is {kind}, not a role (a mapping with title, ...)"])
    found = []
    for error in validate(data):
        line = _line_of(error.path, positions)
        found.append((line or 0, f"{line}: " if line else "", error))
    if found:
        found.sort(key=lambda f: f[0])
        raise RoleDataError(
            name, [f"{where}{field_path(e.path)}: {e.message}" for _, where, e in found]
        )
    return role_from_dict(data)
