"""The hiring plan's steps add up to more interview time than the configured limit.

Why: every hour of interviews is an hour a candidate, often still employed elsewhere, has to
find; a long loop loses good candidates. Off by default: set ``max-total-interview-minutes`` in
the config to switch it on. Optional steps and steps without a duration are not counted; for a
range (``45-60m``) the lower bound is.

Failing (with ``max-total-interview-minutes = 120``)::

    1. Technical Interview (90m): ...
    1. System Design Interview (60m): ...

Passing::

    1. Technical Interview (60m): ...
    1. System Design Interview (45m): ...
"""

from __future__ import annotations

from collections.abc import Iterator

from roledef.findings import WARNING
from roledef.lint.rules.base import BOTH, POSITIVE_INT, Hit, Option, Options, anchor
from roledef.model import Role
from roledef.read import vocab

CODE = "RD304"
NAME = "hiring-plan-too-long"
SEVERITY = WARNING
#: The config leaves it unset (the rule off); 240 applies when the rule is selected without it.
MAX_TOTAL = Option(
    "max-total-interview-minutes",
    POSITIVE_INT,
    240,
    "Switches on hiring-plan-too-long with this limit.",
)
OPTIONS = (MAX_TOTAL,)
FORMATS = BOTH
ENABLED = False  # switched on by setting max-total-interview-minutes
FIX = None


def check(role: Role, options: Options) -> Iterator[Hit]:
    limit = MAX_TOTAL.value(options)
    total = sum(
        s.duration_minutes for s in role.hiring_plan if s.duration_minutes and not s.optional
    )
    if total > limit:
        message = (
            f"the hiring plan takes {total} minutes of interviews, over the limit of {limit} "
            "(max-total-interview-minutes): shorten or merge steps"
        )
        yield anchor(role, vocab.HIRING_PLAN), message
