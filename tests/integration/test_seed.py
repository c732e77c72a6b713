"""The seed role file, read exactly as the project was specified from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from roledef.read import MARKDOWN, load

pytestmark = pytest.mark.corpus


def test_seed_model(corpus: Path) -> None:
    role = load(corpus / "seed" / "technical-product-manager.md", fmt=MARKDOWN).role
    assert role.title == "Technical Product Manager"
    assert role.reports_to == "Director of Product"
    assert len(role.responsibilities) == 10
    groups = [item.group for item in role.responsibilities]
    assert groups.count(None) == 3
    assert groups.count("Core Tasks and Responsibilities") == 7
    assert len(role.non_responsibilities) == 4
    assert len(role.skills.required) == 8
    steps = role.hiring_plan
    assert [s.name for s in steps] == [
        "Resume Screening",
        "Screening call",
        "Director of Product Interview",
        "CTO Interview",
        "Engineering Manager Interview",
        "Technical Case Study Presentation",
        "Final Interview",
        "Offer",
    ]
    assert [s.duration_minutes for s in steps] == [None, 20, 45, 45, 30, None, None, None]
    assert [s.owners for s in steps] == [
        ("hiring manager",),
        ("recruiter",),
        ("Director of Product",),
        ("CTO",),
        ("Engineering Manager",),
        (),
        ("VP of Sales",),
        (),
    ]
    assert [s.optional for s in steps] == [False] * 6 + [True, False]
    assert steps[1].link == "https://flowfuse.com/handbook/peopleops/hiring/screening-call/"
    assert all(s.link is None for i, s in enumerate(steps) if i != 1)


def test_seed_spans_point_at_the_source(corpus: Path) -> None:
    path = corpus / "seed" / "technical-product-manager.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    role = load(path, fmt=MARKDOWN).role
    assert role.hiring_plan[3].span.line == 52
    assert lines[role.hiring_plan[3].span.line - 1].startswith("1. CTO Interview")
    assert role.responsibilities[0].span.line == 15
    assert role.non_responsibilities[0].span.line == 30
    assert role.source.front_matter_keys["navTitle"].line == 2
    for item in role.skills.required:
        assert lines[item.span.line - 1].lstrip().startswith("* ")
