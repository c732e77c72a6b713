"""The blocks between headings: paragraphs, lists and the rest, each filed where the reader is.

A block in, added to the collector that :class:`~roledef.read.state.Position` points at: the
overview, an item list, the onboarding plan or the hiring plan. Inside a section kept verbatim, or
under a hiring step written as a heading, blocks are skipped here: their text is taken from the
source lines when that section or step is closed.
"""

from __future__ import annotations

from roledef.model import Item, Section
from roledef.read import prose, vocab
from roledef.read.blocks import COMMENT_RE, Block, ListItem
from roledef.read.collect import make_item, span_of
from roledef.read.labels import classify, parse_period
from roledef.read.sections import start_plan, switch
from roledef.read.state import PRESERVED, ReadState
from roledef.text import Regex, label_text

#: A MyST (Jupyter Book, Sphinx) target, ``(role:people-lead)=``: a name for the next heading
#: that links point at, not text of the role.
_MYST_TARGET_RE = Regex(r"\([^()\s]+\)=")

#: A paragraph longer than this is prose, not the name of a phase.
_PROSE_WORDS = 12

#: The sections in which a label paragraph ("Nice to have:") switches lists or starts a group.
_LABELLED = (
    vocab.JOB_DESCRIPTION,
    vocab.RESPONSIBILITIES,
    vocab.NON_RESPONSIBILITIES,
    vocab.SKILLS,
)


def _is_prose(text: str) -> bool:
    """A paragraph of sentences, not a line that names a phase: several sentences, or one long
    one."""
    words = text.split()
    return not parse_period(text) and (len(words) > _PROSE_WORDS or ". " in text)


def _step_items(block: Block) -> list[bool]:
    """Which items of a list in the hiring plan are steps: none of a list of links; all of a
    list that is mostly steps; else those that describe one (a list of the company's own tasks
    with a few steps among them)."""
    texts = [li.text for li in block.items]
    if prose.is_link_list(texts):
        return [False] * len(texts)
    flags = [prose.is_step_item(text) for text in texts]
    return [True] * len(texts) if 2 * sum(flags) >= len(flags) else flags


def _raw_item(st: ReadState, li: ListItem) -> str:
    return "\n".join(ln.rstrip() for ln in st.lines[li.start : li.end]).strip()


def _raw(st: ReadState, block: Block) -> str:
    return "\n".join(ln.rstrip() for ln in st.lines[block.start : block.end]).strip()


def paragraph(st: ReadState, block: Block) -> None:
    """A paragraph: a label, a line of the overview, an item, or more of a hiring step."""
    at = st.at
    if at.kind == PRESERVED or st.steps.pending is not None:
        return
    if block.text.endswith(")=") and _MYST_TARGET_RE().fullmatch(block.text.strip()):
        return
    label = label_text(block.text)
    span = span_of(st.lines, block.start, block.end)
    if at.kind == vocab.ONBOARDING:
        if label is not None:
            st.phases.label(label, parse_period(label), span)
        elif not st.phases.drafts and _is_prose(block.text):
            # "Here's what success looks like in your first 90 days:" introduces the plan
            intro = Section(vocab.ONBOARDING_INTRO, 0, _raw(st, block), span)
            st.sections.found.append(intro)
        else:
            st.phases.item(block.text, span)
        return
    if label is not None and at.kind in _LABELLED:
        kind = classify(label, st.aliases)
        if kind is None and start_plan(st, label, span):
            return
        switch(st, label, kind, span)
        if at.kind == vocab.JOB_DESCRIPTION and at.sub == vocab.EXTRA:
            st.summary.append(_raw(st, block))  # "Success metrics:" stays with its list
        return
    if at.kind == vocab.JOB_DESCRIPTION or at.kind is None:
        st.summary.append(_raw(st, block))
        if block.text.rstrip().endswith(":"):
            # "What you'll do:" at the end of the overview introduces the duty list below it
            kind = classify(block.text, st.aliases)
            non = kind == vocab.NON_RESPONSIBILITIES
            at.sub = vocab.NON_RESPONSIBILITIES if non else vocab.RESPONSIBILITIES
            at.group = None
        return
    if at.kind == vocab.HIRING_PLAN:
        if st.steps.found:
            st.steps.extend_last(_raw(st, block))
        else:
            intro = Section(vocab.HIRING_INTRO, 0, _raw(st, block), span)
            st.sections.found.append(intro)
            st.steps.add_prose(intro, block.start, block.end)
        return
    if block.text.rstrip().endswith(":") and len(block.text.split()) <= 40:
        switch(st, block.text.rstrip().rstrip(":"), classify(block.text, st.aliases), span)
        return
    st.items.add(at.sub or at.kind, make_item(block.text, at.group, span))


def list_block(st: ReadState, block: Block) -> None:
    """A list: overview prose, hiring steps, onboarding phases or items, or list items."""
    at = st.at
    if at.kind == PRESERVED or st.steps.pending is not None:
        return
    if at.kind is None or (at.kind == vocab.JOB_DESCRIPTION and at.sub == vocab.EXTRA):
        # overview prose, or a list under "Success metrics:" in it: the list as written (item
        # by item would loosen a tight list)
        lines = st.lines[block.start : block.end]
        st.summary.append("\n".join(ln.rstrip() for ln in lines).strip("\n"))
        return
    steps = _step_items(block) if at.kind == vocab.HIRING_PLAN else []
    for n, li in enumerate(block.items):
        span = span_of(st.lines, li.start, li.end, li.column)
        if at.kind == vocab.HIRING_PLAN:
            if steps[n]:
                st.steps.add_item(li.text, span, li.rest)
            elif st.steps.found:
                st.steps.extend_last(_raw_item(st, li))
            else:
                intro = Section(vocab.HIRING_INTRO, 0, _raw_item(st, li), span)
                st.sections.found.append(intro)
        elif at.kind == vocab.ONBOARDING:
            if st.phases.list_item(li, span):
                at.phase_level = -1
        else:
            st.items.add(at.sub or at.kind, make_item(li.text, at.group, span, li.rest))


def other(st: ReadState, block: Block) -> None:
    """Any other block (code, table, HTML): kept as written where the reader is."""
    at = st.at
    if at.kind == PRESERVED or st.steps.pending is not None:
        return
    if block.kind == "hr":
        return
    text = "\n".join(st.lines[block.start : block.end]).strip()
    if block.kind == "html" and COMMENT_RE().fullmatch(text):
        return
    if at.kind in (vocab.JOB_DESCRIPTION, None):
        st.summary.append(text)
    elif at.kind == vocab.HIRING_PLAN and st.steps.found:
        st.steps.extend_last(text)
    elif at.kind == vocab.ONBOARDING:
        st.phases.item("", span_of(st.lines, block.start, block.end), text)
    else:
        span = span_of(st.lines, block.start, block.end)
        st.items.add(at.sub or at.kind, Item(None, text, at.group, span))
