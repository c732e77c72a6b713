"""A hiring process written as paragraphs: its steps, their lines, and what stays as written."""

from __future__ import annotations

from roledef.read.markdown import parse_markdown


def _read(plan: str) -> tuple[list[tuple[int, str | None, int | None]], list[str]]:
    role = parse_markdown(f"# Data Analyst\n\n## Interview process\n\n{plan}")
    steps = [(s.span.line, s.name, s.duration_minutes) for s in role.hiring_plan]
    return steps, [s.body for s in role.sections]


def test_sentences_are_steps_and_the_introduction_stays_once() -> None:
    steps, sections = _read(
        "We keep the process short and kind.\n\n"
        "We schedule a call of half an hour to tell you more about us.\n"
        "After that, you have an hour with our CFO. It covers your experience.\n"
        "Finally, we check references.\n"
    )
    assert steps == [(7, "Call", 30), (8, "Meeting with CFO", 60), (9, "References", None)]
    assert sections == ["We keep the process short and kind."]


def test_labelled_lines_of_one_paragraph_are_steps() -> None:
    steps, sections = _read(
        "Step 1: Recruiter screen - a 30-minute call with our recruiter.\n"
        "Step 2: Hiring manager interview (45 minutes) - the accounts you managed.\n"
    )
    assert steps == [(5, "Recruiter screen", 30), (6, "Hiring manager interview", 45)]
    assert sections == []


def test_a_sentence_about_the_step_before_belongs_to_it() -> None:
    steps, _ = _read("You join an intro call with the team lead. It takes about 20 minutes.\n")
    assert steps == [(5, "Intro call", 20)]


def test_a_paragraph_that_tells_no_step_is_kept_as_written() -> None:
    steps, sections = _read("We enthusiastically encourage people of every background to apply.\n")
    assert steps == []
    assert sections == ["We enthusiastically encourage people of every background to apply."]
