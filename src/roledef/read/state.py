"""The markdown reader's state: where it is in the document, and what it has collected so far.

One :class:`ReadState` is made per file by :func:`roledef.read.markdown.parse_markdown`, changed
by every block (:mod:`~roledef.read.sections` for headings and labels, :mod:`~roledef.read.body`
for the rest), and read out into a :class:`~roledef.model.Role` at the end.
"""

from __future__ import annotations

from roledef.model import Heading, Span
from roledef.read.collect import ItemLists, OtherSections, Phases, Steps
from roledef.read.levels import Levels

#: The kind of the current section when it is kept verbatim (see :class:`OtherSections`).
PRESERVED = "preserved"


class Position:
    """Which part of the model the next block belongs to."""

    __slots__ = ("group", "kind", "level", "phase_level", "sub")

    def __init__(self) -> None:
        self.kind: str | None = None  # a vocab kind, PRESERVED or None (before the first section)
        self.level = 0  # the level of the heading that opened the section
        self.group: str | None = None  # the group (sub-heading or label) items are filed under
        self.sub: str | None = None  # the list a label switched to inside the section
        self.phase_level = 0  # onboarding: the heading level phases are written at (-1: list items)


class ReadState:
    """Everything the reader knows about one file while it reads it."""

    __slots__ = (
        "aliases",
        "at",
        "headings",
        "items",
        "levels",
        "lines",
        "phases",
        "section_spans",
        "sections",
        "steps",
        "summary",
        "title",
    )

    def __init__(self, lines: list[str], aliases: dict[str, str]) -> None:
        self.lines = lines  # the whole file, front matter included: spans count its lines
        self.aliases = aliases  # heading -> section kind, the vocabulary's and the project's
        self.at = Position()
        self.title: tuple[str, Span] | None = None  # the first level-1 heading, as plain text
        self.summary: list[str] = []  # the overview's blocks, as written
        self.headings: list[Heading] = []
        self.section_spans: dict[str, Span] = {}  # each kind's first heading
        self.items = ItemLists()
        self.phases = Phases(lines)
        self.steps = Steps(lines)
        self.sections = OtherSections(lines)
        self.levels = Levels()  # the levels of a job family, by their headings
