"""Template placeholder text is still in the role (``TODO(roledef): ...``, TODO, TBD, FIXME).

Why: ``roledef new`` writes a role file whose every blank is marked ``TODO(roledef): ...``, so that
nothing unfinished is published by accident; hand-written drafts use TODO, TBD, FIXME or
"lorem ipsum" the same way. Each field that still holds one is reported once (each bullet, step or
section at most once), with the placeholder's text, until it is replaced by the real content.

Failing::

    ## Job Description

    TODO(roledef): Two or three sentences on why the role exists.

Passing::

    ## Job Description

    The Site Reliability Engineer keeps the platform fast, available and cheap to run.
"""

from __future__ import annotations

from collections.abc import Iterator

from roledef.findings import ERROR
from roledef.lint.rules.base import BOTH, Hit, Options, anchor, item_lists
from roledef.model import NO_SPAN, Role, Span
from roledef.read import vocab
from roledef.text import Regex

CODE = "RD207"
NAME = "placeholder"
SEVERITY = ERROR
OPTIONS = ()
FORMATS = BOTH
ENABLED = True
FIX = None

#: The marker ``roledef new`` writes, and the ones people write by hand.
MARKER = "TODO(roledef)"
PLACEHOLDER_RE = Regex(r"\bTODO\b(?:\([^)\n]*\))?:?[^\n.;]*|\bTBD\b|\bFIXME\b|\b(?i:lorem ipsum)\b")


def find(text: str | None) -> tuple[str, int] | None:
    """The first placeholder in ``text`` (shortened for a message) and how many there are."""
    text = text or ""
    # Every placeholder holds one of these words (only ASCII letters match "lorem", whatever the
    # case): text with none of them, which is nearly all text, has no placeholder to look for.
    if not any(word in text for word in ("TODO", "TBD", "FIXME")) and "lorem" not in text.lower():
        return None
    found = PLACEHOLDER_RE().findall(text)
    if not found:
        return None
    first = found[0].strip()
    return (first if len(first) <= 60 else first[:57] + "..."), len(found)


def _joined(*parts: str | None) -> str:
    return ": ".join(p for p in parts if p)


def _fields(role: Role) -> Iterator[tuple[str, str | None, Span]]:
    """(where, text, span) of every element that holds text, in document order."""
    src = role.source
    for key, value in role.front_matter.items():
        if isinstance(value, str):
            span = src.front_matter_keys.get(key, src.front_matter_span or NO_SPAN)
            yield f"front matter key '{key}'", value, span
    yield "title", role.title, src.title_span or NO_SPAN
    summary_span = src.field_spans.get("summary") or anchor(role, vocab.JOB_DESCRIPTION)
    yield "job description", role.summary, summary_span
    for where, items in item_lists(role):
        for item in items:
            yield where, _joined(item.name, item.description), item.span
    for level in role.levels:
        yield f"level '{level.name}'", _joined(level.name, level.summary), level.span
    for phase in role.onboarding:
        yield "90-day plan", phase.title, phase.span
    for step in role.hiring_plan:
        text = _joined(step.name, step.focus, step.description, *step.owners, step.link)
        yield f"hiring step '{step.name or ''}'", text, step.span
    for section in role.sections:
        yield f"section '{section.heading}'", _joined(section.heading, section.body), section.span


def check(role: Role, options: Options) -> Iterator[Hit]:
    for where, text, span in _fields(role):
        found = find(text)
        if found is None:
            continue
        first, count = found
        more = f" (and {count - 1} more)" if count > 1 else ""
        yield span, f"placeholder '{first}'{more} in the {where}: replace it with the real text"
