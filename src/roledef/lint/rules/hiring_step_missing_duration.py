"""A hiring step does not say how long it takes.

Why: candidates plan their time around the process, and the hiring team needs to know what
the loop costs. Write the duration in the step: ``(45m)``, ``for 30 minutes``, ``1 hour``.
Steps that take no fixed time (default: Offer, reference checks, resume screening, the
application...) are set by ``duration-exempt-steps``.

Failing::

    1. CTO Interview: Technical depth and collaboration. Done by the CTO.

Passing::

    1. CTO Interview (45m): Technical depth and collaboration. Done by the CTO.
"""

from __future__ import annotations

from collections.abc import Iterator

from roledef.findings import ERROR
from roledef.lint.rules.base import BOTH, NAME_LIST, Hit, Option, Options, is_exempt
from roledef.model import MARKDOWN, Role
from roledef.read import vocab
from roledef.text import step_label

CODE = "RD302"
NAME = "hiring-step-missing-duration"
SEVERITY = ERROR
EXEMPT = Option(
    "duration-exempt-steps",
    NAME_LIST,
    list(vocab.DEFAULT_DURATION_EXEMPT_STEPS),
    "Hiring step names that need no duration (hiring-step-missing-duration).",
)
OPTIONS = (EXEMPT,)
FORMATS = BOTH
ENABLED = True
FIX = None


def check(role: Role, options: Options) -> Iterator[Hit]:
    exempt = EXEMPT.value(options)
    for i, step in enumerate(role.hiring_plan):
        if step.duration_minutes is not None or is_exempt(step.name, exempt):
            continue
        how = "'(45m)'" if role.source.format == MARKDOWN else "'duration_minutes: 45'"
        yield step.span, f"{step_label(step.name, i)} has no duration: write e.g. {how}"
