"""Properties of the parser on any text: it never raises, and every span is inside the file."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roledef.model import Role, Span
from roledef.parser import parse_markdown

LINES = st.sampled_from(
    [
        "---",
        "navTitle: X",
        "# Title",
        "## Job Description",
        "## Hiring Plan:",
        "## Skills",
        "### Nice to Have",
        "## 90-Day Plan",
        "### Week 1-4: Go",
        "Key Responsibilities:",
        "**What you will own:**",
        "* Name: text",
        "1. CTO Interview (45m): x. Done by the CTO.",
        "   - nested",
        "",
        "> quote",
        "```",
        "<!-- roledef-disable RD201 -->",
        "| a | b |",
        "    code",
        "### What is the X not responsible for?",
        "* **Week 5-8: Own**",
        "text",
    ]
)
DOCS = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(LINES, st.text(max_size=30)), max_size=40).map("\n".join),
)


def _spans(role: Role) -> Iterator[Span]:
    yield from (i.span for i in role.responsibilities)
    yield from (i.span for i in role.non_responsibilities)
    yield from (i.span for i in role.skills.required + role.skills.nice_to_have)
    for phase in role.onboarding:
        yield phase.span
        yield from (i.span for i in phase.items)
    yield from (s.span for s in role.hiring_plan)
    yield from (s.span for s in role.sections)
    yield from (h.span for h in role.source.headings)
    yield from role.source.front_matter_keys.values()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCS)
def test_parser_never_raises_and_spans_stay_inside(text: str) -> None:
    role = parse_markdown(text, "x.md")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for span in _spans(role):
        assert 1 <= span.line <= len(lines)
        assert span.end_line is None or span.line <= span.end_line <= len(lines)
        assert span.column >= 1


@settings(max_examples=100, deadline=None)
@given(DOCS)
def test_parser_is_deterministic(text: str) -> None:
    assert parse_markdown(text, "x.md") == parse_markdown(text, "x.md")
