"""A hiring step does not say who runs it.

Why: a candidate waiting for "the second interview" needs someone to schedule it, and an
interviewer needs to know it is theirs. Say who runs each step: "Done by the hiring manager.",
"with the CTO", or an owner in the step's name ("CTO Interview"); a step run by several people
names each of them ("Done by the CEO and the CTO."). Steps that need no owner (default: Offer,
reference checks, resume screening, and what the candidate does alone: the application, a
take-home assignment...) are set by ``owner-exempt-steps``.

Failing::

    1. Technical Interview (60m): Debug a broken service together.

Passing::

    1. Technical Interview (60m): Debug a broken service together. Done by a Senior SRE.
"""

from __future__ import annotations

from collections.abc import Iterator

from roledef.findings import ERROR
from roledef.lint.rules.base import BOTH, NAME_LIST, Hit, Option, Options, is_exempt
from roledef.model import MARKDOWN, Role
from roledef.read import vocab
from roledef.text import step_label

CODE = "RD301"
NAME = "hiring-step-missing-owner"
SEVERITY = ERROR
EXEMPT = Option(
    "owner-exempt-steps",
    NAME_LIST,
    list(vocab.DEFAULT_OWNER_EXEMPT_STEPS),
    "Hiring step names that need no owner (hiring-step-missing-owner).",
)
OPTIONS = (EXEMPT,)
FORMATS = BOTH
ENABLED = True
FIX = None


def check(role: Role, options: Options) -> Iterator[Hit]:
    exempt = EXEMPT.value(options)
    for i, step in enumerate(role.hiring_plan):
        if step.owners or is_exempt(step.name, exempt):
            continue
        how = (
            "'Done by the hiring manager.'"
            if role.source.format == MARKDOWN
            else "'owners: [hiring manager]'"
        )
        yield step.span, f"{step_label(step.name, i)} has no owner: add e.g. {how}"
