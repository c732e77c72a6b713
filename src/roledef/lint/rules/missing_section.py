"""A required section is missing (default: job description, responsibilities, skills, hiring plan).

Why: a role file is checkable only when it says what the job is, what the person will do, what
they need to bring and how they will be hired. Which sections are required is set by
``required-sections`` in the config (section kinds: ``job_description``, ``responsibilities``,
``non_responsibilities``, ``skills``, ``onboarding``, ``hiring_plan``). A section counts as present
when its heading is there or its content is (duties listed under the job description count as
responsibilities). The finding is on line 1.

Failing::

    # Support Engineer

    ## Job Description

    The Support Engineer answers customer questions.

Passing: the same file with ``## Responsibilities``, ``## Skills`` and ``## Hiring Plan`` sections.
"""

from __future__ import annotations

from collections.abc import Iterator

from roledef.findings import ERROR
from roledef.lint.rules.base import BOTH, KIND_LIST, Hit, Option, Options
from roledef.model import MARKDOWN, NO_SPAN, Role
from roledef.read import vocab
from roledef.read.vocab import MODEL_KEYS

CODE = "RD203"
NAME = "missing-section"
SEVERITY = ERROR
REQUIRED = Option(
    "required-sections",
    KIND_LIST,
    [vocab.JOB_DESCRIPTION, vocab.RESPONSIBILITIES, vocab.SKILLS, vocab.HIRING_PLAN],
    "Section kinds every role file must have (missing-section).",
)
OPTIONS = (REQUIRED,)
FORMATS = BOTH
ENABLED = True
FIX = None

#: What to write, per section kind.
HINTS: dict[str, str] = {
    vocab.JOB_DESCRIPTION: "a paragraph or two about the role",
    vocab.RESPONSIBILITIES: "a list of what the person will do",
    vocab.NON_RESPONSIBILITIES: "a list of what the role is not responsible for",
    vocab.SKILLS: "a list of the skills the role needs",
    vocab.ONBOARDING: "the phases of the first 90 days",
    vocab.HIRING_PLAN: "a numbered list of the hiring steps, each with an owner and a duration",
}


def has_content(role: Role, kind: str) -> bool:
    """Whether the model holds anything for a section kind (a level's duties and skills count)."""
    levels = role.levels
    content: dict[str, object] = {
        vocab.JOB_DESCRIPTION: role.summary,
        vocab.RESPONSIBILITIES: role.responsibilities or any(lv.responsibilities for lv in levels),
        vocab.NON_RESPONSIBILITIES: role.non_responsibilities,
        vocab.SKILLS: role.skills.required
        or role.skills.nice_to_have
        or any(lv.skills.required or lv.skills.nice_to_have for lv in levels),
        vocab.SKILLS_NICE: role.skills.nice_to_have or any(lv.skills.nice_to_have for lv in levels),
        vocab.ONBOARDING: role.onboarding,
        vocab.HIRING_PLAN: role.hiring_plan,
    }
    return bool(content.get(kind, True))


def check(role: Role, options: Options) -> Iterator[Hit]:
    for kind in REQUIRED.value(options):
        if kind in role.source.section_spans or has_content(role, kind):
            continue
        title = vocab.KIND_TITLES.get(kind, kind)
        if role.source.format == MARKDOWN:
            how = f"'## {title}' with {HINTS[kind]}" if kind in HINTS else f"'## {title}'"
            yield NO_SPAN, f"no {title} section: add {how}"
        else:
            key = MODEL_KEYS.get(kind, kind)
            yield role.source.field_spans.get(key, NO_SPAN), f"no {title}: fill in '{key}'"
