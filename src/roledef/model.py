"""The structured role model.

Every element remembers where it came from (a :class:`Span`), so that the linter can point at the
exact line. Spans are metadata: they are left out of the role's data
(:func:`roledef.modeldict.role_to_dict`) unless asked for.

The field order of the role's data is the schema's order, and the contract the rest of the
project builds on. The classes are records (:mod:`roledef.record`): compared by value (spans and
``source`` aside), hashable where their fields are, never changed once made.
"""

from __future__ import annotations

from typing import Any, Final, Literal

from roledef.record import Record

#: The version of the role schema this model writes. Version 1 had one ``owner`` per hiring step;
#: version 2 has ``owners`` (a list) and ``levels``. Files of version 1 are still read.
SCHEMA_VERSION = 2

#: The formats a role file is read from: a markdown page, or a YAML role file.
SourceFormat = Literal["markdown", "yaml"]
MARKDOWN: SourceFormat = "markdown"
YAML: SourceFormat = "yaml"


class Span(Record):
    """A 1-based source position: start line and column, end where known (inclusive)."""

    __slots__ = ("column", "end_column", "end_line", "line")

    def __init__(
        self,
        line: int,
        column: int = 1,
        end_line: int | None = None,
        end_column: int | None = None,
    ) -> None:
        self.line: Final = line
        self.column: Final = column
        self.end_line: Final = end_line
        self.end_column: Final = end_column

    def to_dict(self) -> dict[str, int]:
        out = {"line": self.line, "column": self.column}
        if self.end_line is not None:
            out["end_line"] = self.end_line
        if self.end_column is not None:
            out["end_column"] = self.end_column
        return out


NO_SPAN = Span(1, 1)


class Item(Record):
    """One bullet of a list: ``* Name: description``; name or description may be absent."""

    __slots__ = ("description", "group", "name", "span")
    _compared = ("name", "description", "group")

    def __init__(
        self,
        name: str | None,
        description: str | None,
        group: str | None = None,
        span: Span = NO_SPAN,
    ) -> None:
        self.name: Final = name
        self.description: Final = description
        self.group: Final = group
        self.span: Final = span


class Phase(Record):
    """One period of the onboarding (90-day) plan, e.g. ``Week 1-4: Immerse``."""

    __slots__ = ("items", "period", "span", "title")
    _compared = ("period", "title", "items")

    def __init__(
        self,
        period: str | None,
        title: str | None,
        items: tuple[Item, ...] = (),
        span: Span = NO_SPAN,
    ) -> None:
        self.period: Final = period
        self.title: Final = title
        self.items: Final = items
        self.span: Final = span


class HiringStep(Record):
    """One step of the hiring plan, with its owners and duration pulled out of the prose."""

    __slots__ = (
        "description",
        "duration_max_minutes",
        "duration_minutes",
        "focus",
        "link",
        "name",
        "optional",
        "owners",
        "span",
    )
    _compared = (
        "name",
        "description",
        "owners",
        "duration_minutes",
        "duration_max_minutes",
        "optional",
        "link",
        "focus",
    )

    def __init__(
        self,
        name: str | None,
        description: str | None = None,
        owners: tuple[str, ...] = (),
        duration_minutes: int | None = None,
        duration_max_minutes: int | None = None,
        optional: bool = False,
        link: str | None = None,
        focus: str | None = None,
        span: Span = NO_SPAN,
    ) -> None:
        self.name: Final = name
        self.description: Final = description
        self.owners: Final = owners
        self.duration_minutes: Final = duration_minutes
        self.duration_max_minutes: Final = duration_max_minutes
        self.optional: Final = optional
        self.link: Final = link
        self.focus: Final = focus
        self.span: Final = span


class Section(Record):
    """Any other section, kept verbatim so nothing is lost."""

    __slots__ = ("body", "heading", "level", "span")
    _compared = ("heading", "level", "body")

    def __init__(self, heading: str, level: int, body: str, span: Span = NO_SPAN) -> None:
        self.heading: Final = heading
        self.level: Final = level
        self.body: Final = body
        self.span: Final = span


class Skills(Record):
    """The skills a role needs, and those that are nice to have."""

    __slots__ = ("nice_to_have", "required")

    def __init__(
        self, required: tuple[Item, ...] = (), nice_to_have: tuple[Item, ...] = ()
    ) -> None:
        self.required: Final = required
        self.nice_to_have: Final = nice_to_have


class Level(Record):
    """One level of a job family: "Junior Engineer", "Senior", "Level 3", with what it asks for.

    A role file that describes its role at several grades keeps each grade's own duties and skills
    here; what the file says of every grade stays on the role.
    """

    __slots__ = ("name", "responsibilities", "skills", "span", "summary")
    _compared = ("name", "summary", "responsibilities", "skills")

    def __init__(
        self,
        name: str,
        summary: str | None = None,
        responsibilities: tuple[Item, ...] = (),
        skills: Skills | None = None,
        span: Span = NO_SPAN,
    ) -> None:
        self.name: Final = name
        self.summary: Final = summary
        self.responsibilities: Final = responsibilities
        self.skills: Final = Skills() if skills is None else skills
        self.span: Final = span


class Heading(Record):
    """A heading as written, with the section kind it was read as (None: not a known section)."""

    __slots__ = ("is_label", "kind", "level", "raw", "span", "text")

    def __init__(
        self,
        text: str,
        raw: str,
        level: int,
        kind: str | None,
        span: Span,
        is_label: bool = False,
    ) -> None:
        self.text: Final = text
        self.raw: Final = raw
        self.level: Final = level
        self.kind: Final = kind
        self.span: Final = span
        self.is_label: Final = is_label


class SourceInfo(Record):
    """What the linter needs to know about the source beyond the model itself."""

    __slots__ = (
        "comments",
        "field_spans",
        "format",
        "front_matter_error",
        "front_matter_keys",
        "front_matter_span",
        "headings",
        "line_count",
        "path",
        "placeholders",
        "section_spans",
        "title_source",
        "title_span",
    )

    def __init__(
        self,
        path: str = "<string>",
        format: SourceFormat = MARKDOWN,
        line_count: int = 0,
        headings: tuple[Heading, ...] = (),
        front_matter_span: Span | None = None,
        front_matter_error: str | None = None,
        front_matter_keys: dict[str, Span] | None = None,
        section_spans: dict[str, Span] | None = None,
        title_span: Span | None = None,
        title_source: str = "filename",
        comments: tuple[tuple[int, str], ...] = (),
        field_spans: dict[str, Span] | None = None,
        placeholders: tuple[tuple[Span, str], ...] = (),
    ) -> None:
        self.path: Final = path
        self.format: Final = format
        self.line_count: Final = line_count
        self.headings: Final = headings
        self.front_matter_span: Final = front_matter_span
        self.front_matter_error: Final = front_matter_error
        self.front_matter_keys: Final = {} if front_matter_keys is None else front_matter_keys
        self.section_spans: Final = {} if section_spans is None else section_spans
        self.title_span: Final = title_span
        self.title_source: Final = title_source
        self.comments: Final = comments
        self.field_spans: Final = {} if field_spans is None else field_spans
        #: Where each placeholder text stands (``TODO``, ``TBD``...), in document order
        self.placeholders: Final = placeholders


class Role(Record):
    """A job description as structured data."""

    __slots__ = (
        "front_matter",
        "hiring_plan",
        "id",
        "levels",
        "non_responsibilities",
        "onboarding",
        "reports_to",
        "responsibilities",
        "schema_version",
        "sections",
        "skills",
        "source",
        "summary",
        "title",
    )
    _compared = (
        "id",
        "title",
        "front_matter",
        "summary",
        "reports_to",
        "responsibilities",
        "non_responsibilities",
        "skills",
        "levels",
        "onboarding",
        "hiring_plan",
        "sections",
        "schema_version",
    )

    def __init__(
        self,
        id: str,
        title: str,
        front_matter: dict[str, Any] | None = None,
        summary: str | None = None,
        reports_to: str | None = None,
        responsibilities: tuple[Item, ...] = (),
        non_responsibilities: tuple[Item, ...] = (),
        skills: Skills | None = None,
        levels: tuple[Level, ...] = (),
        onboarding: tuple[Phase, ...] = (),
        hiring_plan: tuple[HiringStep, ...] = (),
        sections: tuple[Section, ...] = (),
        schema_version: int = SCHEMA_VERSION,
        source: SourceInfo | None = None,
    ) -> None:
        self.id: Final = id
        self.title: Final = title
        self.front_matter: Final = {} if front_matter is None else front_matter
        self.summary: Final = summary
        self.reports_to: Final = reports_to
        self.responsibilities: Final = responsibilities
        self.non_responsibilities: Final = non_responsibilities
        self.skills: Final = Skills() if skills is None else skills
        self.levels: Final = levels
        self.onboarding: Final = onboarding
        self.hiring_plan: Final = hiring_plan
        self.sections: Final = sections
        self.schema_version: Final = schema_version
        self.source: Final = SourceInfo() if source is None else source
