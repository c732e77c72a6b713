"""The same bullet appears twice in one list (reported on the repeat).

Why: a repeated responsibility or skill is almost always a copy-and-paste slip; it makes the list
look padded and, when the two copies later drift apart, contradictory. Bullets are compared
without case, emphasis or extra spaces, within one group of a list: the same line under two
sub-headings (``### Autonomy``, ``### Influence``) belongs to each of them on purpose.

Failing::

    * Kubernetes: Has run production clusters.
    * Terraform: Writes and reviews infrastructure code.
    * Kubernetes: Has run production clusters.

Passing::

    * Kubernetes: Has run production clusters.
    * Terraform: Writes and reviews infrastructure code.
"""

from __future__ import annotations

from collections.abc import Iterator

from roledef.findings import WARNING
from roledef.lint.rules.base import BOTH, Hit, Options, item_lists
from roledef.model import Item, Role, Span
from roledef.text import plain

CODE = "RD206"
NAME = "duplicate-item"
SEVERITY = WARNING
OPTIONS = ()
FORMATS = BOTH
ENABLED = True
FIX = None


def _key(*parts: str | None) -> str:
    return "|".join(plain(p or "").lower().rstrip(".") for p in parts)


def _grouped(item: Item) -> str:
    """An item's key within its group ("" for an item with no text, which repeats nothing)."""
    key = _key(item.name, item.description)
    return f"{_key(item.group)}|{key}" if key.strip("|") else ""


def _repeats(entries: list[tuple[str, Span, str | None]]) -> Iterator[tuple[Span, str, Span]]:
    first: dict[str, Span] = {}
    for key, span, label in entries:
        if key.strip("|") and key in first:
            yield span, label or "", first[key]
        first.setdefault(key, span)


def check(role: Role, options: Options) -> Iterator[Hit]:
    for where, items in item_lists(role):
        entries = [(_grouped(i), i.span, i.name or i.description) for i in items]
        for span, label, earlier in _repeats(entries):
            message = f"'{plain(label)[:60]}' repeats a bullet of the {where} (line {earlier.line})"
            yield span, f"{message}: remove one"
    steps = [(_key(s.name, s.description), s.span, s.name) for s in role.hiring_plan]
    for span, label, earlier in _repeats(steps):
        message = f"hiring step '{label}' repeats an earlier step (line {earlier.line})"
        yield span, f"{message}: remove one"
