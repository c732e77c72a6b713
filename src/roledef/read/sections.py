"""The section dispatch: which part of the model a heading or a label paragraph starts.

A heading in, the reader's :class:`~roledef.read.state.Position` moved (a new section, a phase, a
step, a group inside the current section, or a section kept verbatim) and the heading recorded with
the role it was read as. Labels (``Key Responsibilities:``) switch lists inside a section the same
way, through :func:`switch`.
"""

from __future__ import annotations

from roledef.model import Heading, Span
from roledef.read import levels, vocab
from roledef.read.blocks import Block
from roledef.read.collect import span_of
from roledef.read.labels import (
    classify,
    label_name,
    names_hiring_plan,
    parse_period,
    plan_period,
)
from roledef.read.state import PRESERVED, ReadState
from roledef.text import Regex, normalize_heading, plain

_HEADING_TRAIL_RE = Regex(r"(?<!\s)\s+#+\s*$")  # (?<!\s): linear on long runs of spaces


def heading(st: ReadState, block: Block) -> None:
    """Read a heading block: move ``st.at`` to what it starts and record it in ``st.headings``."""
    raw = st.lines[block.start].rstrip("\n")
    text = _HEADING_TRAIL_RE().sub("", block.text).strip()
    span = span_of(st.lines, block.start, block.end, len(raw) - len(raw.lstrip()) + 1)
    st.steps.close(block.start)
    role = _dispatch(st, text, block.level, block.start, span)
    st.headings.append(Heading(text, raw, block.level, role, span))


def _dispatch(st: ReadState, text: str, level: int, start: int, span: Span) -> str | None:
    """The role of a heading ("title", a vocab kind, "phase", ...; None: an unknown section)."""
    at = st.at
    if level == 1 and st.title is None:
        st.sections.close(start)
        st.title = (plain(text), span)
        at.kind, at.level = None, 1
        if names_hiring_plan(text, st.aliases):
            # a page titled "Hiring Process" is the hiring process
            _start_section(st, vocab.HIRING_PLAN, 1, span)
        return "title"
    if levels.heading(st, text, level, start, span):
        return "level"
    if at.kind == PRESERVED and st.sections.open and level > st.sections.open.level:
        return "nested"
    if at.kind in (vocab.ONBOARDING, vocab.HIRING_PLAN) and level > at.level:
        # a phase or a step: what matters is only whether it names the plan ("The steps")
        named = at.kind == vocab.HIRING_PLAN and names_hiring_plan(text, st.aliases)
        period = parse_period(text) if at.kind == vocab.ONBOARDING else None
        return _sub_heading(st, text, vocab.HIRING_PLAN if named else None, period, span, level)
    kind = classify(text, st.aliases, near=True)
    period = parse_period(text)
    if at.kind not in (None, PRESERVED) and level > at.level and not _opens_skills(at.kind, kind):
        return _sub_heading(st, text, kind, period, span, level)
    if at.kind == vocab.ONBOARDING and at.phase_level == level and kind is None:
        # the plan's phases are written at the plan's own level: "## Week 1 - 4"
        return st.phases.label(text, period, span)
    if at.kind == vocab.ONBOARDING and period and kind is None:
        at.phase_level = level
        st.phases.start(period[0], period[1], span)
        return "phase"
    st.sections.close(start)
    if kind is None or kind == vocab.EXTRA:
        at.kind, at.level = PRESERVED, level
        st.sections.begin(plain(text), level, span, start + 1)
        return kind
    return _start_section(st, kind, level, span)


#: Sections under which a skills heading one level down starts the skills section ("## Role",
#: "### Skills we will assess"); under the skills section it switches lists, and the plans
#: read their sub-headings as phases or steps.
_SKILLS_OPEN_UNDER = (vocab.JOB_DESCRIPTION, vocab.RESPONSIBILITIES, vocab.NON_RESPONSIBILITIES)
_SKILLS_KINDS = (vocab.SKILLS, vocab.SKILLS_REQUIRED, vocab.SKILLS_NICE)


def _opens_skills(current: str | None, kind: str | None) -> bool:
    """Whether a sub-heading of kind ``kind`` inside section ``current`` starts the skills."""
    return kind in _SKILLS_KINDS and current in _SKILLS_OPEN_UNDER


def _start_section(st: ReadState, kind: str, level: int, span: Span) -> str:
    """A heading that starts a known section: the section's kind."""
    at = st.at
    if kind == vocab.SKILLS_REQUIRED:
        kind = vocab.SKILLS
    at.kind, at.level, at.group, at.sub, at.phase_level = kind, level, None, None, 0
    if kind == vocab.SKILLS_NICE:
        at.kind, at.sub = vocab.SKILLS, vocab.SKILLS_NICE
    st.section_spans.setdefault(kind, span)
    return kind


def _sub_heading(
    st: ReadState,
    text: str,
    kind: str | None,
    period: tuple[str, str | None] | None,
    span: Span,
    level: int,
) -> str:
    """A heading below the current section's level: a group, a phase, a step or a switch."""
    at = st.at
    if at.kind == vocab.ONBOARDING:
        return st.phases.label(text, period, span)
    if kind is None and start_plan(st, text, span):
        return "phase"
    if at.kind == vocab.HIRING_PLAN:
        if kind == vocab.HIRING_PLAN:
            return "group"  # "## The steps" inside "# How we hire"
        if st.steps.takes_headings():
            # one heading per step: "### CTO Interview (45m)"
            st.steps.open_heading(text, span.line)
            return "step"
        # after a list of steps, a sub-heading ("### Assessment") is a section of its own
        at.kind, at.level = PRESERVED, level
        st.sections.begin(plain(text), level, span, span.line)
        return "preserved"
    switch(st, text, kind, span)
    return kind or "group"


def start_plan(st: ReadState, text: str, span: Span) -> bool:
    """A first-days plan written inside the duties (``In the first 30 days you will:``, ``Within
    3 months:``): the onboarding plan starts here, with this phase. False if ``text`` is not one.
    """
    at = st.at
    if at.kind not in (vocab.RESPONSIBILITIES, vocab.JOB_DESCRIPTION):
        return False
    period = plan_period(text)
    if period is None:
        return False
    at.kind, at.sub, at.group, at.phase_level = vocab.ONBOARDING, None, None, 0
    st.phases.start(period[0], None, span)
    st.section_spans.setdefault(vocab.ONBOARDING, span)
    return True


def switch(st: ReadState, text: str, kind: str | None, span: Span) -> None:
    """A sub-heading or label inside a section: switch lists, or start a group."""
    at = st.at
    label = label_name(text)
    if kind == vocab.NON_RESPONSIBILITIES:
        at.sub, at.group = vocab.NON_RESPONSIBILITIES, None
        st.section_spans.setdefault(kind, span)
        return
    if at.kind == vocab.SKILLS:
        norm = normalize_heading(text)
        if kind == vocab.SKILLS_NICE or any(p().search(norm) for p in vocab.NICE_LABEL_PATTERNS):
            at.sub, at.group = vocab.SKILLS_NICE, None
        elif kind == vocab.RESPONSIBILITIES:
            # "here is what you will be working on:" after a portrait of the person
            at.sub, at.group = vocab.RESPONSIBILITIES, None
        elif kind == vocab.SKILLS_REQUIRED:
            at.sub, at.group = None, None
        else:
            at.group = label  # a group inside whichever skills list is current
        return
    if kind in _SKILLS_KINDS and at.kind in _SKILLS_OPEN_UNDER:
        # "**Requirements**" or "What we're looking for:" under the overview or the duties
        at.sub = vocab.SKILLS_NICE if kind == vocab.SKILLS_NICE else vocab.SKILLS
        at.group = None
        return
    if at.kind == vocab.JOB_DESCRIPTION:
        # every list of the job description is a duty list, but those under a known section
        # that is not one ("Success metrics:", "Our values:"), which stay in the overview
        at.sub = vocab.EXTRA if kind == vocab.EXTRA else vocab.RESPONSIBILITIES
    elif at.sub == vocab.NON_RESPONSIBILITIES and at.kind != vocab.NON_RESPONSIBILITIES:
        at.sub = None
    at.group = label
    if kind == vocab.RESPONSIBILITIES:
        st.section_spans.setdefault(kind, span)
