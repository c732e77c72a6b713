"""Markdown role file -> :class:`~roledef.model.Role`, with a source span on every element.

The document is read once, top to bottom, as a small state machine over the blocks of
:mod:`roledef.read.blocks`: a heading (or a label paragraph such as ``Key Responsibilities:``)
decides which part of the model the following paragraphs and lists belong to. What the vocabulary
does not know is kept verbatim in ``sections``, so nothing in the file is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from roledef.model import (
    Heading,
    HiringStep,
    Item,
    Phase,
    Role,
    Section,
    Skills,
    SourceInfo,
    Span,
)
from roledef.read import vocab
from roledef.read.blocks import Block, ListItem, parse_blocks
from roledef.read.frontmatter import FrontMatter, choose_title, file_stem, read_front_matter
from roledef.read.hiring import parse_step_heading, parse_step_item
from roledef.read.labels import classify, parse_period
from roledef.text import fold, label_text, normalize_heading, plain, slugify, split_lead

_HEADING_TRAIL_RE = re.compile(r"(?<!\s)\s+#+\s*$")  # (?<!\s): linear on long runs of spaces
_COMMENT_RE = re.compile(r"<!--(.*?)-->", re.DOTALL)

__all__ = ["classify", "parse_markdown", "parse_period"]


@dataclass
class _Phase:
    period: str | None
    title: str | None
    span: Span
    items: list[Item] = field(default_factory=list)
    group: str | None = None


@dataclass
class _State:
    """Where the reader is: which part of the model the next block belongs to."""

    kind: str | None = None  # a vocab kind, "preserved" or None (before the first section)
    level: int = 0
    group: str | None = None
    sub: str | None = None  # inside the job description: the list kind a label switched to
    phase_level: int = 0
    preserved: Section | None = None
    preserved_start: int = 0


class _Reader:
    def __init__(self, lines: list[str], path: str, aliases: dict[str, str]) -> None:
        self.lines = lines
        self.path = path
        self.aliases = aliases
        self.state = _State()
        self.title: tuple[str, Span] | None = None
        self.summary: list[str] = []
        self.responsibilities: list[Item] = []
        self.non_responsibilities: list[Item] = []
        self.required: list[Item] = []
        self.nice: list[Item] = []
        self.phases: list[_Phase] = []
        self.steps: list[HiringStep] = []
        self.step_heading: tuple[str, Span, int] | None = None  # a step written as a heading
        self.steps_from_headings = False
        self.sections: list[Section] = []
        self.headings: list[Heading] = []
        self.section_spans: dict[str, Span] = {}
        self.pending_end = 0

    # --- spans ----------------------------------------------------------------------------
    def span(self, start: int, end: int, column: int = 1) -> Span:
        last = max(start, end - 1)
        end_column = max(1, len(self.lines[last])) if last < len(self.lines) else 1
        return Span(start + 1, column, last + 1, end_column)  # end column inclusive

    # --- headings ---------------------------------------------------------------------------
    def heading(self, block: Block) -> None:
        raw = self.lines[block.start].rstrip("\n")
        text = _HEADING_TRAIL_RE.sub("", block.text).strip()
        span = self.span(block.start, block.end, len(raw) - len(raw.lstrip()) + 1)
        self.close_step_heading(block.start)
        st = self.state
        if block.level == 1 and self.title is None:
            self.close_preserved(block.start)
            self.title = (plain(text), span)
            st.kind, st.level = None, 1
            self._record(text, raw, block.level, "title", span)
            return
        if st.kind == "preserved" and st.preserved and block.level > st.preserved.level:
            self._record(text, raw, block.level, "nested", span)
            return
        kind = classify(text, self.aliases)
        period = parse_period(text)
        structured = st.kind not in (None, "preserved")
        if structured and block.level > st.level:
            role = self.sub_heading(text, kind, period, span, block.level)
            self._record(text, raw, block.level, role, span)
            return
        if st.kind == vocab.ONBOARDING and st.phase_level == block.level and kind is None:
            # the plan's phases are written at the plan's own level: "## Week 1 - 4"
            self._record(text, raw, block.level, self.onboarding_label(text, period, span), span)
            return
        if st.kind == vocab.ONBOARDING and period and kind is None:
            st.phase_level = block.level
            self.phases.append(_Phase(period[0], period[1], span))
            self._record(text, raw, block.level, "phase", span)
            return
        self.close_preserved(block.start)
        if kind is None or kind == vocab.EXTRA:
            st.kind, st.level = "preserved", block.level
            st.preserved = Section(plain(text), block.level, "", span)
            st.preserved_start = block.start + 1
            self._record(text, raw, block.level, kind, span)
            return
        if kind == vocab.SKILLS_REQUIRED:
            kind = vocab.SKILLS
        st.kind, st.level, st.group, st.sub, st.phase_level = kind, block.level, None, None, 0
        if kind == vocab.SKILLS_NICE:
            st.kind, st.sub = vocab.SKILLS, vocab.SKILLS_NICE
        self.section_spans.setdefault(kind, span)
        self._record(text, raw, block.level, kind, span)

    def _record(self, text: str, raw: str, level: int, kind: str | None, span: Span) -> None:
        self.headings.append(Heading(text, raw, level, kind, span))

    def sub_heading(
        self,
        text: str,
        kind: str | None,
        period: tuple[str, str | None] | None,
        span: Span,
        level: int,
    ) -> str:
        """A heading below the current section's level: a group, a phase, a step or a switch."""
        st = self.state
        if st.kind == vocab.ONBOARDING:
            return self.onboarding_label(text, period, span)
        if st.kind == vocab.HIRING_PLAN:
            if not self.steps or self.steps_from_headings:
                # one heading per step: "### CTO Interview (45m)"
                self.step_heading = (text, span, span.line)
                self.steps_from_headings = True
                return "step"
            # after a list of steps, a sub-heading ("### Assessment") is a section of its own
            st.kind, st.level = "preserved", level
            st.preserved = Section(plain(text), level, "", span)
            st.preserved_start = span.line
            return "preserved"
        self.switch(text, kind, span)
        return kind or "group"

    def switch(self, text: str, kind: str | None, span: Span) -> None:
        """A sub-heading or label inside a section: switch lists, or start a group."""
        st = self.state
        label = plain(text).rstrip(":").strip()
        if kind == vocab.NON_RESPONSIBILITIES:
            st.sub, st.group = vocab.NON_RESPONSIBILITIES, None
            self.section_spans.setdefault(kind, span)
            return
        if st.kind == vocab.SKILLS:
            norm = normalize_heading(text)
            if kind == vocab.SKILLS_NICE or any(p.search(norm) for p in vocab.NICE_LABEL_PATTERNS):
                st.sub, st.group = vocab.SKILLS_NICE, None
            elif kind == vocab.SKILLS_REQUIRED:
                st.sub, st.group = None, None
            else:
                st.group = label  # a group inside whichever skills list is current
            return
        if st.kind == vocab.JOB_DESCRIPTION:
            st.sub = vocab.RESPONSIBILITIES  # every list of the job description is a duty list
        elif st.sub == vocab.NON_RESPONSIBILITIES and st.kind != vocab.NON_RESPONSIBILITIES:
            st.sub = None
        st.group = label
        if kind == vocab.RESPONSIBILITIES:
            self.section_spans.setdefault(kind, span)

    def onboarding_label(self, text: str, period: tuple[str, str | None] | None, span: Span) -> str:
        if period:
            self.phases.append(_Phase(period[0], period[1], span))
            return "phase"
        if not self.phases:
            self.phases.append(_Phase(None, plain(text).rstrip(":").strip(), span))
            return "phase"
        self.phases[-1].group = plain(text).rstrip(":").strip()
        return "group"

    # --- sections kept verbatim -----------------------------------------------------------
    def close_preserved(self, end: int) -> None:
        st = self.state
        if st.kind == "preserved" and st.preserved is not None:
            body = "\n".join(ln.rstrip() for ln in self.lines[st.preserved_start : end]).strip("\n")
            sec = st.preserved
            self.sections.append(Section(sec.heading, sec.level, body, sec.span))
            st.preserved = None

    def close_step_heading(self, end: int) -> None:
        if self.step_heading is None:
            return
        text, _, line = self.step_heading
        body_lines = [ln.rstrip() for ln in self.lines[line:end]]
        body = "\n".join(body_lines).strip("\n")
        body = "\n".join(ln for ln in body.split("\n") if ln.strip() != "---").strip()
        step_span = self.span(line - 1, max(line, _last_text_line(self.lines, line - 1, end)))
        self.steps.append(parse_step_heading(text, body or None, step_span))
        self.step_heading = None

    # --- paragraphs and lists ---------------------------------------------------------------
    def paragraph(self, block: Block) -> None:
        st = self.state
        if st.kind == "preserved" or self.step_heading is not None:
            return
        label = label_text(block.text)
        span = self.span(block.start, block.end)
        if st.kind == vocab.ONBOARDING:
            if label is not None:
                self.onboarding_label(label, parse_period(label), span)
                return
            self.phase_item(block.text, span)
            return
        if label is not None and st.kind in (
            vocab.JOB_DESCRIPTION,
            vocab.RESPONSIBILITIES,
            vocab.NON_RESPONSIBILITIES,
            vocab.SKILLS,
        ):
            self.switch(label, classify(label, self.aliases), span)
            return
        if st.kind == vocab.JOB_DESCRIPTION or st.kind is None:
            self.summary.append(self.raw(block))
            if block.text.rstrip().endswith(":"):
                kind = classify(block.text, self.aliases)
                st.sub = (
                    vocab.NON_RESPONSIBILITIES
                    if kind == vocab.NON_RESPONSIBILITIES
                    else vocab.RESPONSIBILITIES
                )
                st.group = None
            return
        if st.kind == vocab.HIRING_PLAN:
            if self.steps:
                last = self.steps[-1]
                extra = self.raw(block)
                desc = f"{last.description}\n\n{extra}" if last.description else extra
                self.steps[-1] = HiringStep(**{**last.__dict__, "description": desc})
            else:
                self.sections.append(
                    Section("Hiring Plan (introduction)", 0, self.raw(block), span)
                )
            return
        if block.text.rstrip().endswith(":") and len(block.text.split()) <= 40:
            self.switch(block.text.rstrip().rstrip(":"), classify(block.text, self.aliases), span)
            return
        self.add_item(_make_item(block.text, self.state.group, span))

    def raw(self, block: Block) -> str:
        return "\n".join(ln.rstrip() for ln in self.lines[block.start : block.end]).strip()

    def add_item(self, item: Item | None) -> None:
        if item is None:
            return
        st = self.state
        target = st.sub or st.kind
        if target == vocab.NON_RESPONSIBILITIES:
            self.non_responsibilities.append(item)
        elif target == vocab.SKILLS_NICE:
            self.nice.append(item)
        elif target == vocab.SKILLS:
            self.required.append(item)
        else:
            self.responsibilities.append(item)

    def phase_item(self, text: str, span: Span, rest: str = "") -> None:
        if not self.phases:
            self.phases.append(_Phase(None, None, span))
        phase = self.phases[-1]
        item = _make_item(text, phase.group, span, rest)
        if item is not None:
            phase.items.append(item)

    def list_block(self, block: Block) -> None:
        st = self.state
        if st.kind == "preserved" or self.step_heading is not None:
            return
        if st.kind is None:
            # overview prose: the list as written (item by item would loosen a tight list)
            lines = self.lines[block.start : block.end]
            self.summary.append("\n".join(ln.rstrip() for ln in lines).strip("\n"))
            return
        for li in block.items:
            span = self.span(li.start, li.end, li.column)
            if st.kind == vocab.HIRING_PLAN:
                self.steps.append(parse_step_item(li.text, span, li.rest or None))
            elif st.kind == vocab.ONBOARDING:
                self.onboarding_item(li, span)
            else:
                self.add_item(_make_item(li.text, st.group, span, li.rest))

    def onboarding_item(self, li: ListItem, span: Span) -> None:
        name, desc = split_lead(li.text)
        period = parse_period(name or li.text) if (name or li.text) else None
        if period is None and name is None:
            period = parse_period(li.text)
        if period and (li.children or not desc or len(desc.split()) <= 8):
            title = period[1] or (fold(desc) if desc and name else None)
            if period[1] and desc:
                title = f"{period[1]}: {desc}"
            phase = _Phase(period[0], title, span)
            self.phases.append(phase)
            self.state.phase_level = -1
            for child in li.children:
                cspan = self.span(child.start, child.end, child.column)
                item = _make_item(child.text, None, cspan, child.rest)
                if item is not None:
                    phase.items.append(item)
            if not li.children and li.rest:
                phase.items.append(Item(None, li.rest, None, span))
            return
        self.phase_item(li.text, span, li.rest)

    def other(self, block: Block) -> None:
        st = self.state
        if st.kind == "preserved" or self.step_heading is not None:
            return
        if block.kind == "hr":
            return
        text = "\n".join(self.lines[block.start : block.end]).strip()
        if block.kind == "html" and _COMMENT_RE.fullmatch(text):
            return
        if st.kind in (vocab.JOB_DESCRIPTION, None):
            self.summary.append(text)
        elif st.kind == vocab.HIRING_PLAN and self.steps:
            last = self.steps[-1]
            desc = f"{last.description}\n\n{text}" if last.description else text
            self.steps[-1] = HiringStep(**{**last.__dict__, "description": desc})
        elif st.kind == vocab.ONBOARDING:
            self.phase_item("", self.span(block.start, block.end), text)
        else:
            self.add_item(Item(None, text, st.group, self.span(block.start, block.end)))


def _last_text_line(lines: list[str], start: int, end: int) -> int:
    last = start + 1
    for i in range(start, min(end, len(lines))):
        if lines[i].strip():
            last = i + 1
    return last


def _make_item(text: str, group: str | None, span: Span, rest: str = "") -> Item | None:
    name, desc = split_lead(fold(text))
    if rest:
        desc = f"{desc}\n{rest}" if desc else rest
    if not name and not desc:
        return None
    return Item(name, desc, group, span)


# --- entry point --------------------------------------------------------------------------------
def parse_markdown(
    text: str, path: str = "<string>", *, aliases: dict[str, str] | None = None
) -> Role:
    """Read a markdown role file into a :class:`Role`. Never raises on any text."""
    if "\r" in text:  # line numbers must match the file's, whatever its line endings
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    front = read_front_matter(lines)
    body = "\n" * front.body_start + "\n".join(lines[front.body_start :])
    table = {**vocab.SECTION_ALIASES, **(aliases or {})}
    reader = _Reader(lines, path, table)
    comments: list[tuple[int, str]] = []
    try:
        blocks, comments = parse_blocks(body)
    except RecursionError:
        blocks = []
        front = front._replace(error=front.error or "document nested too deeply to read")
    for block in blocks:
        if block.kind == "heading":
            reader.heading(block)
        elif block.kind == "paragraph":
            reader.paragraph(block)
        elif block.kind == "list":
            reader.list_block(block)
        else:
            reader.other(block)
    reader.close_step_heading(len(lines))
    reader.close_preserved(len(lines))
    return _build(reader, path, comments, front)


def _build(reader: _Reader, path: str, comments: list[tuple[int, str]], front: FrontMatter) -> Role:
    stem = file_stem(path)
    title, title_span, title_source = choose_title(reader.title, front, stem)
    summary = "\n\n".join(p for p in reader.summary if p.strip()) or None
    reports_to = None
    if summary:
        m = vocab.REPORTS_TO_RE.search(plain(summary))
        if m:
            reports_to = m.group("who").strip()
    source = SourceInfo(
        path=path,
        format="markdown",
        line_count=len(reader.lines),
        headings=tuple(reader.headings),
        front_matter_span=front.span,
        front_matter_error=front.error,
        front_matter_keys=front.keys,
        section_spans=reader.section_spans,
        title_span=title_span,
        title_source=title_source,
        comments=tuple(comments),
    )
    return Role(
        id=slugify(stem),
        title=title,
        front_matter=front.data,
        summary=summary,
        reports_to=reports_to,
        responsibilities=tuple(reader.responsibilities),
        non_responsibilities=tuple(reader.non_responsibilities),
        skills=Skills(tuple(reader.required), tuple(reader.nice)),
        onboarding=tuple(Phase(p.period, p.title, tuple(p.items), p.span) for p in reader.phases),
        hiring_plan=tuple(reader.steps),
        sections=tuple(reader.sections),
        source=source,
    )
