"""What a fix is: a few edits to a file's text, and the model changes they mean to make.

Each rule's fix (its ``FIX``, next to its ``check``) reads the finding, the role and the file's
lines, and returns a :class:`Fix`, so that :mod:`roledef.fix.apply` can check that the fixed file
says exactly what was meant.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from roledef.findings import Finding


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


def yaml_line(key: str, value: str) -> str:
    """``key: value`` as one line of YAML, quoted when the value needs it."""
    from roledef.read.yamlio import dump_yaml

    line = dump_yaml({key: value}).rstrip("\n")
    return line if "\n" not in line else f"{key}: {value!r}"
