"""Hiring steps -> a numbered markdown list, one canonical item per step.

The canonical form states everything the model knows in words the parser reads back::

    1. [Screening call](https://example.com/screening) (20m): Done by the recruiter.
    2. CTO Interview (Technical Depth) (45-60m) (optional): A video interview. Done by the CTO.
    3. Final Interview (60m): Done by the CEO, the CTO and Dana.

Name (linked when the step has a link), then the focus, the duration and ``(optional)`` in
parentheses, a colon, the description's first paragraph and a ``Done by ...`` sentence; further
paragraphs of the description are nested below the item. The owners sentence names each owner, the
last after "and"; it is left out when the name already says who runs the step ("CTO Interview").
"""

from __future__ import annotations

from collections.abc import Sequence

from roledef.model import HiringStep
from roledef.read import vocab
from roledef.read.hiring import clean_owner
from roledef.read.markdown import parse_markdown

_PROBE = "## Hiring Plan\n\n"


def duration_text(step: HiringStep) -> str | None:
    """``(45m)`` or ``(45-60m)``; None when the step states no duration."""
    if step.duration_minutes is None:
        return None
    if step.duration_max_minutes is not None:
        return f"({step.duration_minutes}-{step.duration_max_minutes}m)"
    return f"({step.duration_minutes}m)"


def step_lead(step: HiringStep) -> str:
    """``[Name](link) (focus) (45m) (optional)``."""
    name = step.name or ""
    parts = [f"[{name}]({step.link})" if step.link else name]
    if step.focus:
        parts.append(f"({step.focus})")
    duration = duration_text(step)
    if duration:
        parts.append(duration)
    if step.optional:
        parts.append("(optional)")
    return " ".join(p for p in parts if p)


def _with_article(owner: str) -> str:
    """``the CTO``; a proper name goes without the article (``Dana``)."""
    if vocab.OWNER_KEYWORDS_RE().search(owner) and clean_owner(f"the {owner}") == owner:
        return f"the {owner}"
    return owner


def _joined(names: Sequence[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def owner_sentences(owners: Sequence[str]) -> list[str]:
    """``Done by the CTO.``, ``Done by the CEO and the CTO.``, then the same without articles;
    proper names go without the article (``Done by Dana and the CTO.``)."""
    if not owners:
        return []
    forms = [
        f"Done by {_joined([_with_article(o) for o in owners])}.",
        f"Done by {_joined(owners)}.",
    ]
    return list(dict.fromkeys(forms))


def step_forms(step: HiringStep, width: int) -> list[tuple[str, list[str]]]:
    """Ways to write one step (first line, nested lines), best first."""
    lead = step_lead(step)
    desc = step.description or ""
    first, _, extra = desc.partition("\n\n")
    nested_extra = ["", *_indent(extra, width)] if extra else []
    nested_all = ["", *_indent(desc, width)] if desc else []
    owners = ["", *(" " + s for s in owner_sentences(step.owners))]
    forms: list[tuple[str, list[str]]] = []
    for owner in owners:
        if not desc:
            forms += [(lead + (f":{owner}" if owner else ""), []), (f"{lead}:{owner}", [])]
            if owner:
                forms.append((f"{lead}.{owner}", []))
            continue
        if "\n" not in first:
            forms.append((f"{lead}: {first}{owner}", nested_extra))
        forms.append((f"{lead}:{owner}", nested_all))
    return forms


def _indent(text: str, width: int) -> list[str]:
    pad = " " * width
    return [pad + line if line.strip() else "" for line in text.split("\n")]


def _reads_back(step: HiringStep, marker: str, form: tuple[str, list[str]]) -> bool:
    lines = [f"{marker} {form[0]}".rstrip(), *form[1]]
    role = parse_markdown(_PROBE + "\n".join(lines) + "\n")
    return role.hiring_plan == (step,) and not role.sections


def render_step(step: HiringStep, number: int = 1) -> list[str]:
    """One step as a numbered list item, in the first form that reads back as ``step``; else
    the first form that names every owner with its article."""
    marker = f"{number}."
    forms = step_forms(step, len(marker) + 1)
    fallback = forms[-1]
    if step.owners:
        sentence = owner_sentences(step.owners)[0]
        fallback = next(f for f in forms if sentence in f[0])
    chosen = next((f for f in forms if _reads_back(step, marker, f)), fallback)
    return [f"{marker} {chosen[0]}".rstrip(), *chosen[1]]


def render_steps(steps: Sequence[HiringStep]) -> list[str]:
    """The hiring plan as a numbered list."""
    lines: list[str] = []
    for number, step in enumerate(steps, start=1):
        lines += render_step(step, number)
    return lines
