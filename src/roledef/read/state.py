"""The markdown reader's state: where it is in the document, and what it has collected so far.

One :class:`ReadState` is made per file by :func:`roledef.read.markdown.parse_markdown`, changed
by every block (:mod:`~roledef.read.sections` for headings and labels, :mod:`~roledef.read.body`
for the rest), and read out into a :class:`~roledef.model.Role` at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from roledef.model import Heading, Span
from roledef.read.collect import ItemLists, OtherSections, Phases, Steps

#: The kind of the current section when it is kept verbatim (see :class:`OtherSections`).
PRESERVED = "preserved"


@dataclass
class Position:
    """Which part of the model the next block belongs to."""

    kind: str | None = None  # a vocab kind, PRESERVED or None (before the first section)
    level: int = 0  # the level of the heading that opened the section
    group: str | None = None  # the group (sub-heading or label) items are filed under
    sub: str | None = None  # the list a label switched to inside the section
    phase_level: int = 0  # onboarding: the heading level phases are written at (-1: list items)


@dataclass
class ReadState:
    """Everything the reader knows about one file while it reads it."""

    lines: list[str]  # the whole file, front matter included: spans count its lines
    aliases: dict[str, str]  # heading -> section kind, the vocabulary's and the project's
    at: Position = field(default_factory=Position)
    title: tuple[str, Span] | None = None  # the first level-1 heading, as plain text
    summary: list[str] = field(default_factory=list)  # the overview's blocks, as written
    headings: list[Heading] = field(default_factory=list)
    section_spans: dict[str, Span] = field(default_factory=dict)  # each kind's first heading
    items: ItemLists = field(default_factory=ItemLists)
    phases: Phases = field(init=False)
    steps: Steps = field(init=False)
    sections: OtherSections = field(init=False)

    def __post_init__(self) -> None:
        self.phases = Phases(self.lines)
        self.steps = Steps(self.lines)
        self.sections = OtherSections(self.lines)
