"""A hiring step's duration is zero, longer than a working day, or a range that runs backwards.

Why: ``(0m)`` and ``(600m)`` are almost always typos (a missing digit, hours written as
minutes), and ``(60-45m)`` cannot be planned for. A take-home assignment that really takes longer
than a day should say so in its description rather than as an interview length.

Failing::

    1. Technical Interview (450 hours): Debug a broken service together. Done by a Senior SRE.

Passing::

    1. Technical Interview (45m): Debug a broken service together. Done by a Senior SRE.
"""

from __future__ import annotations

from collections.abc import Iterator

from roledef.findings import ERROR
from roledef.lint.rules.base import BOTH, POSITIVE_INT, Hit, Option, Options
from roledef.model import Role
from roledef.text import step_label

CODE = "RD303"
NAME = "hiring-step-duration-implausible"
SEVERITY = ERROR
#: A working day: no single step of a hiring loop should take longer.
MAX_STEP = Option(
    "max-step-minutes",
    POSITIVE_INT,
    8 * 60,
    "The longest plausible hiring step (hiring-step-duration-implausible); default a working "
    "day, 480.",
)
OPTIONS = (MAX_STEP,)
FORMATS = BOTH
ENABLED = True
FIX = None


def check(role: Role, options: Options) -> Iterator[Hit]:
    limit = MAX_STEP.value(options)
    for i, step in enumerate(role.hiring_plan):
        low, high = step.duration_minutes, step.duration_max_minutes
        label = step_label(step.name, i)
        if low is None:
            continue
        if low == 0:
            yield step.span, f"{label} takes 0 minutes: write its real duration, e.g. '(45m)'"
        elif max(low, high or 0) > limit:
            longest = max(low, high or 0)
            message = f"{label} takes {longest} minutes, longer than a working day ({limit})"
            yield step.span, f"{message}: check the number and the unit"
        elif high is not None and high < low:
            yield step.span, f"{label} has a range that runs backwards ({low}-{high} minutes)"
