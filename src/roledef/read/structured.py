"""Structured role files (YAML or JSON, as ``roledef convert`` writes them) -> the model.

The data is checked against the role schema on the data as written, so each problem sits at the
line and column of the offending key or value. Two readers share the parsing and the check:

- :func:`load_yaml_role` (``roledef lint`` and every command that reads role files through
  :func:`roledef.read.load`): schema findings as advice, and the role with the span of every
  element, so that the semantic rules can point into the YAML file too;
- :func:`load_structured_role` (``roledef render``): the role, or a :class:`RoleDataError` whose
  one-line problems name the file, the line and the field, so a hand-edited file is easy to repair.
"""

from __future__ import annotations

import json
import os
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from roledef.model import NO_SPAN, YAML, Item, Level, Role, SourceInfo, Span
from roledef.modeldict import role_from_dict
from roledef.read import NotARole
from roledef.read.placeholders import locate, may_hold
from roledef.read.schema import advice, validate
from roledef.read.source import DEFAULT_MAX_BYTES, SourceError, read_source
from roledef.read.vocab import MODEL_KEYS
from roledef.read.yamlio import KeyPath, YamlError, load_yaml
from roledef.text import Regex, slugify

if TYPE_CHECKING:
    from roledef.read.schema import SchemaError


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
    """``("hiring_plan", 2, "owners")`` -> ``hiring_plan[2].owners``."""
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


# -- the linter's reader: schema findings with positions, and the role with spans ----------------

_QUOTED_RE = Regex(r"'([^']+)'")

#: Validators whose error is about a value (pointed at the value), not about a missing key.
_VALUE_VALIDATORS = frozenset({"type", "minimum", "minLength", "pattern", "const", "enum"})


#: Keys that make a YAML file found in a folder a role file (and not, say, a CI workflow).
ROLE_KEYS = frozenset({"schema_version", "hiring_plan", "responsibilities"})


def load_yaml_role(
    text: str, path: str, *, walked: bool = False
) -> tuple[Role | None, list[tuple[Span, str]]]:
    """The role (None when the file is not a YAML mapping) and the schema findings.

    ``walked``: the file was found in a folder rather than named; raise :class:`NotARole` when
    it has none of :data:`ROLE_KEYS`, as other YAML files live beside role files.
    """
    try:
        data, positions = load_yaml(text)
    except YamlError as exc:
        if walked:
            raise NotARole(path) from None
        return None, [(Span(exc.line or 1, exc.column or 1), f"not valid YAML: {exc.message}")]
    if walked and not (isinstance(data, dict) and ROLE_KEYS & set(data)):
        raise NotARole(path)
    hits = [(yaml_span(positions, err), advice(err, data, YAML)) for err in validate(data)]
    if not isinstance(data, dict):
        return None, hits or [(NO_SPAN, "a role file must be a mapping of keys to values")]
    return with_spans(role_from_dict(data), data, positions, path, text), hits


def yaml_span(positions: dict[KeyPath, Span], err: SchemaError) -> Span:
    """Where a schema error is: the wrong value, the unknown key, else the nearest parent key."""
    path = err.path
    if err.validator in _VALUE_VALIDATORS:
        value = positions.get((*path, "<value>"))
        if value is not None:
            return value
    if err.validator == "additionalProperties":
        for key in _QUOTED_RE().findall(err.message):
            unknown = positions.get((*path, key))
            if unknown is not None:
                return unknown
    for end in range(len(path), 0, -1):
        span = positions.get(path[:end])
        if span is not None:
            return span
    return NO_SPAN


def _items(
    items: tuple[Item, ...], positions: dict[KeyPath, Span], at: KeyPath
) -> tuple[Item, ...]:
    return tuple(
        item.replace(span=positions.get((*at, i), NO_SPAN)) for i, item in enumerate(items)
    )


def with_spans(
    role: Role, data: dict[str, Any], positions: dict[KeyPath, Span], path: str, text: str
) -> Role:
    """``role`` with every element's span and a :class:`SourceInfo` read from the YAML positions."""
    phases = tuple(
        phase.replace(
            span=positions.get(("onboarding", i), NO_SPAN),
            items=_items(phase.items, positions, ("onboarding", i, "items")),
        )
        for i, phase in enumerate(role.onboarding)
    )
    steps = tuple(
        step.replace(span=positions.get(("hiring_plan", i), NO_SPAN))
        for i, step in enumerate(role.hiring_plan)
    )
    sections = tuple(
        section.replace(span=positions.get(("sections", i), NO_SPAN))
        for i, section in enumerate(role.sections)
    )
    levels = tuple(
        _level_spans(level, positions, ("levels", i)) for i, level in enumerate(role.levels)
    )
    front = data.get("front_matter") if isinstance(data.get("front_matter"), dict) else {}
    source = SourceInfo(
        path=path,
        format=YAML,
        line_count=text.count("\n") + 1,
        front_matter_keys={
            str(k): positions[("front_matter", k)]
            for k in front or {}
            if ("front_matter", k) in positions
        },
        # only sections with content: convert writes every key, empty lists included
        section_spans={
            kind: positions[(key,)]
            for kind, key in MODEL_KEYS.items()
            if (key,) in positions and _filled(data.get(key))
        },
        title_span=positions.get(("title",)),
        title_source="yaml",
        field_spans={str(p[0]): s for p, s in positions.items() if len(p) == 1},
        placeholders=locate(text.split("\n")) if may_hold(text) else (),
    )
    stem = PurePath(path).name.rsplit(".", 1)[0]
    return role.replace(
        id=role.id or slugify(stem),
        responsibilities=_items(role.responsibilities, positions, ("responsibilities",)),
        non_responsibilities=_items(
            role.non_responsibilities, positions, ("non_responsibilities",)
        ),
        skills=role.skills.replace(
            required=_items(role.skills.required, positions, ("skills", "required")),
            nice_to_have=_items(role.skills.nice_to_have, positions, ("skills", "nice_to_have")),
        ),
        levels=levels,
        onboarding=phases,
        hiring_plan=steps,
        sections=sections,
        source=source,
    )


def _level_spans(level: Level, positions: dict[KeyPath, Span], at: KeyPath) -> Level:
    skills = level.skills
    return level.replace(
        span=positions.get(at, NO_SPAN),
        responsibilities=_items(level.responsibilities, positions, (*at, "responsibilities")),
        skills=skills.replace(
            required=_items(skills.required, positions, (*at, "skills", "required")),
            nice_to_have=_items(skills.nice_to_have, positions, (*at, "skills", "nice_to_have")),
        ),
    )


def _filled(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_filled(v) for v in value.values())
    return bool(value)
