"""Owners, durations and the optional flag, as handbooks write them (one row per phrasing)."""

from __future__ import annotations

import pytest

from roledef.model import Span
from roledef.read.hiring import parse_duration, parse_step_item

S = Span(1)


@pytest.mark.parametrize(
    ("text", "name", "owner", "minutes", "max_minutes"),
    [
        (
            "Resume Screening: Review resumes. Done by the hiring manager.",
            "Resume Screening",
            "hiring manager",
            None,
            None,
        ),
        (
            "[Screening call](https://x.test/s) for 20 minutes. Done by recruiter.",
            "Screening call",
            "recruiter",
            20,
            None,
        ),
        ("CTO Interview (Depth) for 45m: A video interview.", "CTO Interview", "CTO", 45, None),
        (
            "Director of Product Interview (45 mins): talk.",
            "Director of Product Interview",
            "Director of Product",
            45,
            None,
        ),
        (
            "STAR Interview (45 mins): Values. Conducted by the CEO.",
            "STAR Interview",
            "CEO",
            45,
            None,
        ),
        ("Team chat (1 hour): with the People Ops team.", "Team chat", "People Ops team", 60, None),
        (
            "Take-Home Assignment (2–3 hours, unpaid): Build a thing.",
            "Take-Home Assignment",
            None,
            120,
            180,
        ),
        ("Take-Home (2 hours, unpaid): Build a thing.", "Take-Home", None, 120, None),
        ("Panel (45-60 minute): Meet the team.", "Panel", None, 45, 60),
        (
            "20\u2011minute [screening call](https://x.test/s) with recruiter.",
            "Screening call",
            "recruiter",
            20,
            None,
        ),
        (
            "30-minute intro call with an Engineering Manager.",
            "Intro call",
            "Engineering Manager",
            30,
            None,
        ),
        (
            "Presentation: Prepare a 10-minute pitch; spend no more than 90 minutes on it.",
            "Presentation",
            None,
            None,
            None,
        ),
        (
            "Final Interview: A final interview with the VP of Sales or another key stakeholder.",
            "Final Interview",
            "VP of Sales",
            None,
            None,
        ),
        (
            "Engineering Manager Call (45m): Alignment.",
            "Engineering Manager Call",
            "Engineering Manager",
            45,
            None,
        ),
        (
            "STAR interview - Behaviour interview to understand values.",
            "STAR interview",
            None,
            None,
            None,
        ),
        ("**Initial Screening:** Review applications.", "Initial Screening", None, None, None),
        ("**Offer**", "Offer", None, None, None),
        ("Offer.", "Offer", None, None, None),
    ],
)
def test_step(
    text: str, name: str, owner: str | None, minutes: int | None, max_minutes: int | None
) -> None:
    step = parse_step_item(text, S)
    assert (step.name, step.owners, step.duration_minutes, step.duration_max_minutes) == (
        name,
        (owner,) if owner else (),
        minutes,
        max_minutes,
    )


@pytest.mark.parametrize(
    "text", ["Final Interview (**optional**): Chat.", "Final interview (optional) with the CEO."]
)
def test_optional(text: str) -> None:
    step = parse_step_item(text, S)
    assert step.optional
    assert step.name == "Final Interview" or step.name == "Final interview"


def test_owner_sentence_leaves_the_description() -> None:
    step = parse_step_item("Resume Screening: Review resumes. Done by the hiring manager.", S)
    assert step.description == "Review resumes."


def test_focus_is_kept() -> None:
    step = parse_step_item("CTO Interview (Technical Depth and Collaboration) for 45m: x", S)
    assert step.focus == "Technical Depth and Collaboration"


@pytest.mark.parametrize(
    ("text", "anchored", "expected"),
    [
        ("for 20 minutes", True, (20, None)),
        ("(45m)", True, (45, None)),
        ("1.5 hours", False, (90, None)),
        ("prepare a 10-minute pitch", True, (None, None)),
        ("prepare a 10-minute pitch", False, (10, None)),
        ("2 members of the team", False, (None, None)),
    ],
)
def test_parse_duration(text: str, anchored: bool, expected: tuple[int | None, int | None]) -> None:
    assert parse_duration(text, anchored=anchored) == expected


@pytest.mark.parametrize(
    ("phrase", "owner"),
    [
        ("the hiring manager or recruiter", "hiring manager or recruiter"),
        ("the CEO and CTO", "CEO and CTO"),
        (
            "the hiring manager or a Senior Engineering Manager",
            "hiring manager or Senior Engineering Manager",
        ),
        ("the People Ops team and lead nurture", "People Ops team"),
        ("the hiring manager and other team members", "hiring manager"),
        ("the VP of Sales or another key stakeholder", "VP of Sales"),
    ],
)
def test_second_owner_must_be_a_role(phrase: str, owner: str) -> None:
    from roledef.read.hiring import clean_owner

    assert clean_owner(phrase) == owner
