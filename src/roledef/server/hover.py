"""Hover: on a finding, its rule's explanation (``roledef explain``); on a heading, the part of
the model it was read as."""

from __future__ import annotations

from collections.abc import Sequence

from roledef.findings import Finding
from roledef.model import Heading, Role
from roledef.read import vocab

#: Heading kind -> what it holds in the model (field names as in a YAML role file).
_PARTS: dict[str, str] = {
    "title": "the role's title (`title`)",
    vocab.JOB_DESCRIPTION: "the job description (`summary`)",
    vocab.RESPONSIBILITIES: "the responsibilities (`responsibilities`)",
    vocab.NON_RESPONSIBILITIES: "what the role is not responsible for (`non_responsibilities`)",
    vocab.SKILLS: "the required skills (`skills.required`)",
    vocab.SKILLS_REQUIRED: "the required skills (`skills.required`)",
    vocab.SKILLS_NICE: "the skills that are nice to have (`skills.nice_to_have`)",
    vocab.ONBOARDING: "the onboarding plan (`onboarding`)",
    vocab.HIRING_PLAN: "the hiring plan (`hiring_plan`)",
    "phase": "a phase of the onboarding plan (an entry of `onboarding`)",
    "step": "a step of the hiring plan (an entry of `hiring_plan`)",
    "group": "a group of the items below it (their `group`)",
    "level": "a level of the job family (an entry of `levels`)",
    vocab.EXTRA: "a known section kept as written (an entry of `sections`)",
    "preserved": "a section kept as written (an entry of `sections`)",
    "nested": "part of the section above it, kept as written (in `sections`)",
}


def finding_hover(findings: Sequence[Finding]) -> str:
    """The explanations of the rules of ``findings`` (each rule once), as plain text."""
    from roledef.commands.rules import explanation

    codes = sorted({f.code for f in findings})
    return "\n\n---\n\n".join(explanation(code) for code in codes)


def heading_at(role: Role, line: int) -> Heading | None:
    """The heading (or label) on 1-based ``line``, if any."""
    for heading in role.source.headings:
        if heading.span.line <= line <= (heading.span.end_line or heading.span.line):
            return heading
    return None


def heading_hover(role: Role, heading: Heading) -> str:
    """What a heading maps to, in markdown."""
    kind = heading.kind
    part = _PARTS.get(kind or "")
    if part is None:
        part = (
            "no part of the model: it is not a known section (see unknown-section), and its "
            "content is kept as written (an entry of `sections`)"
        )
    text = f"**{heading.text}** is read as {part}"
    count = _count(role, kind)
    if count:
        text += f"; {count}"
    if kind == "step":
        step = next((s for s in role.hiring_plan if s.span.line == heading.span.line), None)
        if step is not None:
            owners = ", ".join(step.owners) or "none found"
            duration = _duration(step.duration_minutes, step.duration_max_minutes)
            text += f"\n\nOwner: {owners}; duration: {duration}"
    return text


def _count(role: Role, kind: str | None) -> str:
    counts = {
        vocab.RESPONSIBILITIES: (len(role.responsibilities), "item"),
        vocab.NON_RESPONSIBILITIES: (len(role.non_responsibilities), "item"),
        vocab.SKILLS: (len(role.skills.required), "item"),
        vocab.SKILLS_REQUIRED: (len(role.skills.required), "item"),
        vocab.SKILLS_NICE: (len(role.skills.nice_to_have), "item"),
        vocab.ONBOARDING: (len(role.onboarding), "phase"),
        vocab.HIRING_PLAN: (len(role.hiring_plan), "step"),
        "level": (len(role.levels), "level"),
    }
    if kind not in counts:
        return ""
    n, word = counts[kind]
    what = "in the whole role" if kind != "level" else "in the family"
    return f"{n} {word}{'' if n == 1 else 's'} {what}"


def _duration(minutes: int | None, most: int | None) -> str:
    if minutes is None:
        return "none found"
    return f"{minutes}-{most} min" if most else f"{minutes} min"
