"""Template placeholder text is still in the role (``TODO(roledef): ...``, TODO, TBD, FIXME).

Why: ``roledef new`` writes a role file whose every blank is marked ``TODO(roledef): ...``, so that
nothing unfinished is published by accident; hand-written drafts use TODO, TBD, FIXME or
"lorem ipsum" the same way. Each field that still holds one (a bullet, a hiring step, a section,
the job description) is reported once, at its first placeholder's own line and column, with the
placeholder's text; the message counts the field's other placeholders. A field is filled in at
once, so one finding each keeps a new file's list as long as its list of blanks. A placeholder
kept on purpose is suppressed by ``<!-- roledef-disable-next-line RD207 -->`` on the line above
the placeholder.

Failing::

    ## Job Description

    TODO(roledef): Two or three sentences on why the role exists.

    ## Skills

    * Kubernetes: TBD

Reported by ``roledef lint`` for a file with this text under its front matter and title::

    jobs/site-reliability-engineer.md:10:1: RD207 [error] placeholder 'TODO(roledef): Two or three sentences on why the role exists' in the job description: replace it with the real text
    jobs/site-reliability-engineer.md:14:15: RD207 [error] placeholder 'TBD' in the skills: replace it with the real text

Passing::

    ## Job Description

    The Site Reliability Engineer keeps the platform fast, available and cheap to run.
"""  # noqa: E501

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from roledef.findings import ERROR
from roledef.lint.rules.base import BOTH, Hit, Options, anchor, item_lists
from roledef.model import NO_SPAN, Role, Span
from roledef.read import vocab
from roledef.read.placeholders import MARKER as MARKER  # what ``roledef new`` writes
from roledef.read.placeholders import placeholders

CODE = "RD207"
NAME = "placeholder"
SEVERITY = ERROR
OPTIONS = ()
FORMATS = BOTH
ENABLED = True
FIX = None

#: A field: where it is (for the message), its text, its span, and whether its text may run on
#: below its span, up to the next heading or field (a section's body under its heading, prose
#: after a hiring step's bullet that the reader adds to the step). None as the span: the field
#: has no span of its own (the markdown job description is paragraphs between other parts).
Field = tuple[str, str | None, Span | None, bool]


def find(text: str | None) -> tuple[str, int] | None:
    """The first placeholder in ``text`` (shortened for a message) and how many there are."""
    found = placeholders(text)
    if not found:
        return None
    first = found[0]
    return (first if len(first) <= 60 else first[:57] + "..."), len(found)


def _joined(*parts: str | None) -> str:
    return ": ".join(p for p in parts if p)


def _fields(role: Role) -> Iterator[Field]:
    """Every element that holds text, in document order."""
    src = role.source
    for key, value in role.front_matter.items():
        if isinstance(value, str):
            span = src.front_matter_keys.get(key, src.front_matter_span or NO_SPAN)
            yield f"front matter key '{key}'", value, span, False
    yield "title", role.title, src.title_span or NO_SPAN, False
    yield "job description", role.summary, src.field_spans.get("summary"), True
    for where, items in item_lists(role):
        for item in items:
            yield where, _joined(item.name, item.description), item.span, False
    for level in role.levels:
        yield f"level '{level.name}'", _joined(level.name, level.summary), level.span, True
    for phase in role.onboarding:
        yield "90-day plan", phase.title, phase.span, False
    for step in role.hiring_plan:
        text = _joined(step.name, step.focus, step.description, *step.owners, step.link)
        yield f"hiring step '{step.name or ''}'", text, step.span, True
    for section in role.sections:
        text = _joined(section.heading, section.body)
        yield f"section '{section.heading}'", text, section.span, True


def _key(text: str) -> str:
    """A placeholder's text as compared between the model and the source: without emphasis
    and code marks, which the reader takes out of a bullet's name."""
    return " ".join(text.translate(_MARKS).split())


_MARKS = str.maketrans("", "", "*_`")


class _Finder:
    """Where a field's first placeholder stands in the file, from the spans the reader recorded:
    the first recorded placeholder in the field's lines with the same text, else the first in
    its lines. A field without a span of its own, or with no placeholder in its lines, takes the
    first one of the same text that lies in no field's lines."""

    def __init__(self, role: Role, fields: list[Field]) -> None:
        src = role.source
        self.spots = src.placeholders
        known = [(span, grows) for _, _, span, grows in fields if span is not None and _known(span)]
        # a heading inside a section kept verbatim is part of that section's text
        starts = {h.span.line for h in src.headings if h.kind != "nested"}
        starts.update(span.line for span, _ in known)
        starts.update(span.line for span in src.field_spans.values())
        if src.front_matter_span is not None and src.front_matter_span.end_line is not None:
            starts.add(src.front_matter_span.end_line)  # a key's value ends with the block
        self.starts = sorted(starts)
        self.last = max(src.line_count, *(s.line for s, _ in self.spots), 1)
        self.regions = [self.region(span, grows) for span, grows in known]

    def region(self, span: Span, grows: bool) -> tuple[int, int]:
        """The lines of a field: its span's, and on to the next start when its text may grow
        or its span has no end (a YAML value's span is where it starts)."""
        end = span.end_line or span.line
        if grows or span.end_line is None:
            i = bisect_right(self.starts, span.line)
            end = max(end, (self.starts[i] if i < len(self.starts) else self.last + 1) - 1)
        return span.line, end

    def position(self, text: str, span: Span | None, grows: bool) -> Span | None:
        """The first placeholder of a field's ``text`` in the file, or None when not found."""
        wanted = {_key(p) for p in placeholders(text)}
        after = 1
        if span is not None and _known(span):
            first, last = self.region(span, grows)
            inside = [(spot, found) for spot, found in self.spots if first <= spot.line <= last]
            for spot, found in inside:
                if _key(found) in wanted:
                    return spot
            if inside:
                return inside[0][0]
            after = span.line  # text the reader gathered from further down (a level's prose)
        for spot, found in self.spots:
            if spot.line >= after and _key(found) in wanted and not self.claimed(spot):
                return spot
        return None

    def claimed(self, spot: Span) -> bool:
        """Whether a placeholder lies in the lines of a field with a span."""
        return any(first <= spot.line <= last for first, last in self.regions)


def _known(span: Span) -> bool:
    return span is not NO_SPAN


def check(role: Role, options: Options) -> Iterator[Hit]:
    fields = list(_fields(role))
    finder: _Finder | None = None
    for where, text, span, grows in fields:
        found = find(text)
        if found is None:
            continue
        if finder is None:
            finder = _Finder(role, fields)
        at = finder.position(text or "", span, grows)
        if at is None:
            at = span or anchor(role, vocab.JOB_DESCRIPTION)
        first, count = found
        more = f" (and {count - 1} more)" if count > 1 else ""
        yield at, f"placeholder '{first}'{more} in the {where}: replace it with the real text"
