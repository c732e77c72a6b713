"""Sections are not in the usual order.

Why: readers of a handbook skim many role files; the same order everywhere (job description,
responsibilities, non-responsibilities, skills, 90-day plan, hiring plan) lets them find the
hiring plan without reading the page. Other sections may go anywhere.

Failing::

    ## Hiring Plan
    ...
    ## Skills

Passing::

    ## Skills
    ...
    ## Hiring Plan
"""

from __future__ import annotations

from collections.abc import Iterator

from roledef.findings import WARNING
from roledef.lint.rules.base import Hit, Options
from roledef.model import MARKDOWN, Role
from roledef.read import vocab
from roledef.text import plain

CODE = "RD205"
NAME = "section-order"
SEVERITY = WARNING
OPTIONS = ()
FORMATS = (MARKDOWN,)
ENABLED = True
FIX = None

#: Section kind -> its place in the order; the two kinds of skills list are the skills section.
RANK: dict[str, int] = {
    **{kind: i for i, kind in enumerate(vocab.SECTION_ORDER)},
    vocab.SKILLS_REQUIRED: vocab.SECTION_ORDER.index(vocab.SKILLS),
    vocab.SKILLS_NICE: vocab.SECTION_ORDER.index(vocab.SKILLS),
}


def check(role: Role, options: Options) -> Iterator[Hit]:
    seen: set[int] = set()
    latest: tuple[int, str] | None = None  # the rank and text of the furthest section so far
    for heading in role.source.headings:
        rank = RANK.get(heading.kind or "")
        if rank is None or rank in seen:
            continue
        seen.add(rank)
        text = plain(heading.text).rstrip(":").strip()
        if latest is not None and rank < latest[0]:
            yield heading.span, f"section '{text}' should come before '{latest[1]}'"
            continue
        latest = (rank, text)
