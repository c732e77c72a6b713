"""Two files of one run describe the same role: the same title, or nearly the same text.

Why: a role copied to start a new one and never rewritten (or saved twice under two names)
publishes two pages that disagree as soon as one is edited. The finding is on the later file (in
path order) and names the earlier one. Text is compared as overlapping runs of five words;
files sharing at least ``duplicate-similarity`` of them (config; default 0.7) are reported. Only
files checked in the same run are compared, so lint the whole folder to use this rule. A markdown
file and its YAML conversion beside it (``sre.md``, ``sre.yaml``) are one role in two formats,
not a duplicate.

Failing: ``account-executive.md`` and ``account_executive.md``, both titled "Account Executive".

Passing: each role described in exactly one file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import PurePath
from typing import Any

from roledef.diagnostics import ERROR
from roledef.model import NO_SPAN, Role
from roledef.rules.base import BOTH, Hit, Options
from roledef.text import normalize_heading

CODE = "RD401"
NAME = "duplicate-role"
SEVERITY = ERROR
FIXABLE = False
OPTIONS: dict[str, Any] = {"duplicate-similarity": 0.7}
FORMATS = BOTH
ENABLED = True

_WORD_RE = re.compile(r"[a-z0-9]+")
SHINGLE = 5
#: Roles with less text than this many word runs are too short to compare by text.
MIN_SHINGLES = 30


def check(role: Role, options: Options) -> Iterator[Hit]:
    """Nothing to say about one file alone; see :func:`check_all`."""
    return iter(())


def role_text(role: Role) -> str:
    """The prose of a role: everything a reader reads, without front matter and title."""
    parts: list[str | None] = [role.summary]
    items = [*role.responsibilities, *role.non_responsibilities]
    items += [*role.skills.required, *role.skills.nice_to_have]
    items += [i for p in role.onboarding for i in p.items]
    parts += [f"{i.name or ''} {i.description or ''}" for i in items]
    parts += [f"{s.name or ''} {s.description or ''}" for s in role.hiring_plan]
    parts += [s.body for s in role.sections]
    return " ".join(p for p in parts if p)


def shingles(text: str) -> frozenset[tuple[str, ...]]:
    """Overlapping runs of :data:`SHINGLE` words."""
    words = _WORD_RE.findall(text.lower())
    return frozenset(tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def similarity(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    """Jaccard similarity of two shingle sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _same_document(a: Role, b: Role) -> bool:
    """A markdown file and its YAML conversion beside it are one role in two formats."""
    stem_a, stem_b = (PurePath(r.source.path).with_suffix("") for r in (a, b))
    return a.source.format != b.source.format and stem_a == stem_b


def check_all(roles: Iterable[Role], options: Options) -> Iterator[tuple[str, Hit]]:
    """Compare every role with the roles before it in path order."""
    threshold = options["duplicate-similarity"]
    seen: list[tuple[Role, str, frozenset[tuple[str, ...]]]] = []
    for role in sorted(roles, key=lambda r: r.source.path):
        # parentheses count here: 'Engineer (AI-Focused)' is another role than 'Engineer'
        title = normalize_heading(role.title, drop_parentheses=False)
        texts = shingles(role_text(role))
        span = role.source.title_span or NO_SPAN
        for other, other_title, other_texts in seen:
            if _same_document(role, other):
                continue
            # name the other file as seen from this one: short, and the same on every machine
            where = os.path.relpath(other.source.path, os.path.dirname(role.source.path) or ".")
            if title and title == other_title:
                yield role.source.path, (span, f"same title '{role.title}' as {where}")
                break
            if len(texts) >= MIN_SHINGLES and similarity(texts, other_texts) >= threshold:
                yield role.source.path, (span, f"nearly the same text as {where}")
                break
        seen.append((role, title, texts))
