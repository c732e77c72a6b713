"""The collectors of the markdown reader: one per part of the model, filled block by block.

Each collector is told what to add (an item, a phase, a step, a section kept verbatim) by the
section dispatch (:mod:`~roledef.read.sections`) and the block reader (:mod:`~roledef.read.body`),
which know where the reader is; it keeps only what its part needs, and hands that part of the model
out at the end (see :func:`roledef.read.markdown.parse_markdown`).
"""

from __future__ import annotations

from roledef.model import HiringStep, Item, Phase, Section, Span
from roledef.read import prose, vocab
from roledef.read.blocks import ListItem
from roledef.read.hiring import parse_step_heading, parse_step_item
from roledef.read.labels import label_name, parse_period
from roledef.read.people import appositions
from roledef.read.words import tokens
from roledef.text import fold, split_lead


def span_of(lines: list[str], start: int, end: int, column: int = 1) -> Span:
    """The 1-based span of the 0-based line range ``start:end`` (end exclusive)."""
    last = max(start, end - 1)
    end_column = max(1, len(lines[last])) if last < len(lines) else 1
    return Span(start + 1, column, last + 1, end_column)  # end column inclusive


def make_item(text: str, group: str | None, span: Span, rest: str = "") -> Item | None:
    """``"**Name**: what"`` (and markdown nested under it) -> an item; None when empty."""
    name, desc = split_lead(fold(text))
    if rest:
        desc = f"{desc}\n{rest}" if desc else rest
    if not name and not desc:
        return None
    return Item(name, desc, group, span)


class ItemLists:
    """Responsibilities, non-responsibilities and the required and nice-to-have skills."""

    def __init__(self) -> None:
        self.responsibilities: list[Item] = []
        self.non_responsibilities: list[Item] = []
        self.required: list[Item] = []
        self.nice: list[Item] = []

    def add(self, target: str | None, item: Item | None) -> None:
        """Add ``item`` to the list the vocab kind ``target`` names; any other kind is a duty."""
        if item is None:
            return
        if target == vocab.NON_RESPONSIBILITIES:
            self.non_responsibilities.append(item)
        elif target == vocab.SKILLS_NICE:
            self.nice.append(item)
        elif target == vocab.SKILLS:
            self.required.append(item)
        else:
            self.responsibilities.append(item)


class _PhaseDraft:
    """A phase being read: its items still a list, and the group its next items go under."""

    __slots__ = ("group", "items", "period", "span", "title")

    def __init__(self, period: str | None, title: str | None, span: Span) -> None:
        self.period = period
        self.title = title
        self.span = span
        self.items: list[Item] = []
        self.group: str | None = None


class Phases:
    """The onboarding plan: phases opened by headings, labels or list items, and their items."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.drafts: list[_PhaseDraft] = []

    def start(self, period: str | None, title: str | None, span: Span) -> None:
        """Open a new phase; what follows is its content."""
        self.drafts.append(_PhaseDraft(period, title, span))

    def label(self, text: str, period: tuple[str, str | None] | None, span: Span) -> str:
        """A heading or label inside the plan: a new phase, or a group in the current one.

        Returns the role the heading plays: ``"phase"`` or ``"group"``.
        """
        if period:
            self.start(period[0], period[1], span)
            return "phase"
        if not self.drafts:
            self.start(None, label_name(text), span)
            return "phase"
        self.drafts[-1].group = label_name(text)
        return "group"

    def item(self, text: str, span: Span, rest: str = "") -> None:
        """An item of the current phase (of an untitled first phase before any)."""
        if not self.drafts:
            self.start(None, None, span)
        phase = self.drafts[-1]
        item = make_item(text, phase.group, span, rest)
        if item is not None:
            phase.items.append(item)

    def list_item(self, li: ListItem, span: Span) -> bool:
        """A list item of the plan: a phase of its own when it names a period (``- Week 1: ...``,
        its items nested), else an item of the current phase. True when it opened a phase."""
        name, desc = split_lead(li.text)
        period = parse_period(name or li.text) if (name or li.text) else None
        if period is None and name is None:
            period = parse_period(li.text)
        if not (period and (li.children or not desc or len(desc.split()) <= 8)):
            self.item(li.text, span, li.rest)
            return False
        title = period[1] or (fold(desc) if desc and name else None)
        if period[1] and desc:
            title = f"{period[1]}: {desc}"
        self.start(period[0], title, span)
        phase = self.drafts[-1]
        for child in li.children:
            cspan = span_of(self.lines, child.start, child.end, child.column)
            item = make_item(child.text, None, cspan, child.rest)
            if item is not None:
                phase.items.append(item)
        if not li.children and li.rest:
            phase.items.append(Item(None, li.rest, None, span))
        return True

    def build(self) -> tuple[Phase, ...]:
        """The plan's phases, as the model holds them."""
        return tuple(Phase(p.period, p.title, tuple(p.items), p.span) for p in self.drafts)


class Steps:
    """The hiring plan's steps: list items, or headings each with the text below as its body."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.found: list[HiringStep] = []
        self.from_headings = False
        # a step written as a heading is read when its body ends: (heading text, 1-based line)
        self.pending: tuple[str, int] | None = None
        # paragraphs of the plan before its first step: (kept section, 0-based start, end)
        self.prose: list[tuple[Section, int, int]] = []
        self.known: frozenset[str] = frozenset()  # people the plan names with their role

    def takes_headings(self) -> bool:
        """Whether a sub-heading of the plan is a step: not once steps are a list, nor once
        paragraphs have told the process in prose."""
        if self.found and not self.from_headings:
            return False
        return prose.count_steps(self.lines, [(s, e) for _section, s, e in self.prose]) < 2

    def open_heading(self, text: str, line: int) -> None:
        """Start a step written as a heading on 1-based ``line``; its body runs to :meth:`close`."""
        self.pending = (text, line)
        self.from_headings = True

    def close(self, end: int) -> None:
        """Read the pending heading step, if any, with the lines before 0-based ``end`` as body."""
        if self.pending is None:
            return
        text, line = self.pending
        body_lines = [ln.rstrip() for ln in self.lines[line:end]]
        body = "\n".join(body_lines).strip("\n")
        body = "\n".join(ln for ln in body.split("\n") if ln.strip() != "---").strip()
        step_span = span_of(self.lines, line - 1, max(line, _last_text_line(self.lines, line, end)))
        self.found.append(parse_step_heading(text, body or None, step_span, self._met(body)))
        self.pending = None

    def add_item(self, text: str, span: Span, extra: str) -> None:
        """A step written as one list item, ``extra`` the markdown nested under it."""
        self.found.append(parse_step_item(text, span, extra or None, self._met(text)))

    def add_prose(self, section: Section, start: int, end: int) -> None:
        """A paragraph of the plan before any step: its steps, if it is the process itself,
        are read by :meth:`from_prose` once the whole file is read."""
        self.prose.append((section, start, end))

    def from_prose(self, others: list[Section]) -> None:
        """A plan with no list or heading steps: the steps its paragraphs describe, replacing the
        paragraphs kept in ``others`` (a sentence before the first step stays there)."""
        if self.found or not self.prose:
            return
        told = prose.tell(self.lines, [(s, e) for _section, s, e in self.prose])
        if not told.steps:
            return
        for i in told.used:
            others.remove(self.prose[i][0])
        self.found = [parse_step_item(t, span, None, self._met(t)) for t, span in told.steps]
        if told.intro:
            first = self.prose[told.used[0]][0]
            others.append(Section(first.heading, 0, " ".join(told.intro), first.span))

    def _met(self, text: str) -> frozenset[str]:
        """The people named with their role so far in the plan, this text included: a later
        "a call with Priya" names the hiring manager introduced as "our hiring manager, Priya"."""
        self.known = self.known | appositions(tokens(text))
        return self.known

    def extend_last(self, text: str) -> None:
        """Add a block to the last step's description (there must be one)."""
        last = self.found[-1]
        desc = f"{last.description}\n\n{text}" if last.description else text
        self.found[-1] = last.replace(description=desc)


def _last_text_line(lines: list[str], line: int, end: int) -> int:
    """The 1-based number of the last non-blank line from 1-based ``line`` up to ``end``."""
    last = line
    for i in range(line - 1, min(end, len(lines))):
        if lines[i].strip():
            last = i + 1
    return last


class OtherSections:
    """Sections the vocabulary does not know, kept verbatim from their heading to the next."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.found: list[Section] = []
        self.open: Section | None = None  # its body is filled in by close()
        self.body_start = 0

    def begin(self, heading: str, level: int, span: Span, body_start: int) -> None:
        """Open a section whose body starts at 0-based line ``body_start``."""
        self.open = Section(heading, level, "", span)
        self.body_start = body_start

    def close(self, end: int) -> None:
        """Close the open section, if any, its body ending before 0-based line ``end``."""
        sec = self.open
        if sec is None:
            return
        body = "\n".join(ln.rstrip() for ln in self.lines[self.body_start : end]).strip("\n")
        self.found.append(Section(sec.heading, sec.level, body, sec.span))
        self.open = None
