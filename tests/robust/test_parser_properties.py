"""Properties of the parser on any text: it never raises, and every span is inside the file."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roledef.read.markdown import parse_markdown
from tests.helpers.fuzz import spans

pytestmark = pytest.mark.slow

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


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCS)
def test_parser_never_raises_and_spans_stay_inside(text: str) -> None:
    role = parse_markdown(text, "x.md")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for span in spans(role):
        assert 1 <= span.line <= len(lines)
        assert span.end_line is None or span.line <= span.end_line <= len(lines)
        assert span.column >= 1


@settings(max_examples=100, deadline=None)
@given(DOCS)
def test_parser_is_deterministic(text: str) -> None:
    assert parse_markdown(text, "x.md") == parse_markdown(text, "x.md")
