"""The mechanical fixes: rule code -> how to fix one finding as a few characters of text.

Each fixer reads the finding, the role and the file's lines, and returns a :class:`Fix`: the edits
and what they mean for the model (so that :mod:`roledef.fix.apply` can check that the fixed file
says exactly what was meant). A fixer returns None when the text is not in the simple shape it
knows; such a finding is left for a person. Safe fixes cannot change what a role says; unsafe ones
make a choice (which of two titles is right) and run only with ``--unsafe-fixes``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from roledef.config import Config
from roledef.findings import Finding
from roledef.model import Role

#: The navigation group a missing ``navGroup`` gets, unless the config sets ``default-nav-group``.
DEFAULT_NAV_GROUP = "Job Descriptions"


@dataclass(frozen=True)
class Edit:
    """Replace columns ``start:end`` (0-based) of 1-based ``line`` with ``text``.

    ``start == end`` inserts; ``text`` ending in ``\\n`` inserts whole lines before the line.
    """

    line: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Fix:
    """The edits for one finding, and the model changes they mean to make."""

    finding: Finding
    edits: tuple[Edit, ...]
    trims_heading: bool = False  # a heading loses its trailing colon or spaces
    sets: tuple[tuple[str, str], ...] = field(default=())  # front matter key -> value

    def allows(self, path: tuple[str | int, ...], old: object, new: object) -> bool:
        """Whether this fix explains the model change ``old`` -> ``new`` at ``path``."""
        if self.trims_heading and isinstance(old, str) and isinstance(new, str):
            return _only_tails_trimmed(old, new)
        return any(path == ("front_matter", key) and new == value for key, value in self.sets)


def _only_tails_trimmed(old: str, new: str) -> bool:
    """``new`` is ``old`` with trailing colons or spaces removed from some of its lines."""
    before, after = old.split("\n"), new.split("\n")
    return len(before) == len(after) and all(
        a == b or (a.startswith(b) and not a[len(b) :].strip(" \t:"))
        for a, b in zip(before, after, strict=True)
    )


@dataclass(frozen=True)
class Fixer:
    safe: bool
    make: Callable[[Role, list[str], Finding, Config], Fix | None]


def _yaml_line(key: str, value: str) -> str:
    """``key: value`` as one line of YAML, quoted when the value needs it."""
    from roledef.read.yamlio import dump_yaml

    line = dump_yaml({key: value}).rstrip("\n")
    return line if "\n" not in line else f"{key}: {value!r}"


def fix_heading_punctuation(role: Role, lines: list[str], f: Finding, config: Config) -> Fix | None:
    """``## Hiring Plan:`` -> ``## Hiring Plan``: delete exactly the span the rule reports."""
    if f.end_column is None or not 0 < f.line <= len(lines):
        return None
    start, end = f.column - 1, f.end_column
    line = lines[f.line - 1]
    if line[start:end].strip(" \t:") or not line[:start].strip(" \t#"):
        return None
    return Fix(f, (Edit(f.line, start, end, ""),), trims_heading=True)


_KEY_RE = re.compile(r"'([^']+)'")


def _value_for(key: str, role: Role, config: Config) -> str | None:
    if key == "navTitle":
        return role.title
    if key == "navGroup":
        return str(config.options.get("default-nav-group") or DEFAULT_NAV_GROUP)
    return None


def _set_key(role: Role, lines: list[str], f: Finding, key: str, value: str) -> Fix | None:
    """Insert ``key: value`` before the front matter's closing ``---``, or fill an empty key."""
    src = role.source
    block = src.front_matter_span
    if block is None or block.end_line is None or src.front_matter_error:
        return None
    line = _yaml_line(key, value)
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


def fix_missing_key(role: Role, lines: list[str], f: Finding, config: Config) -> Fix | None:
    """A missing or empty ``navTitle`` (the title) or ``navGroup`` (the configured default)."""
    found = _KEY_RE.search(f.message)
    value = _value_for(found.group(1), role, config) if found else None
    if found is None or value is None:
        return None
    return _set_key(role, lines, f, found.group(1), value)


def fix_nav_title(role: Role, lines: list[str], f: Finding, config: Config) -> Fix | None:
    """A ``navTitle`` naming another role -> the title (unsafe: the title may be the wrong one)."""
    where = role.source.front_matter_keys.get("navTitle")
    if where is None or role.source.title_source != "heading":
        return None
    current = lines[where.line - 1]
    if not re.fullmatch(r"navTitle:[ \t]*[^ \t#|>&*!'\"{\[].*", current):
        return None  # quoted, block or flow values are left for a person
    if where.line < len(lines) and lines[where.line][:1] in (" ", "\t"):
        return None
    edit = Edit(where.line, 0, len(current), _yaml_line("navTitle", role.title))
    return Fix(f, (edit,), sets=(("navTitle", role.title),))


#: rule code -> its fixer.
FIXERS: dict[str, Fixer] = {
    "RD103": Fixer(safe=True, make=fix_missing_key),
    "RD104": Fixer(safe=False, make=fix_nav_title),
    "RD202": Fixer(safe=True, make=fix_heading_punctuation),
}
