"""Which section a heading is read as: the exact tables, the heading shapes, French, the config's
aliases, and the reading of misspellings (roledef.read.labels, roledef.read.vocab)."""

from __future__ import annotations

import pytest

from roledef.read import vocab
from roledef.read.labels import classify, correction, plan_period
from roledef.read.markdown import parse_markdown
from roledef.text import normalize_heading

R, S, N, J, E = (
    vocab.RESPONSIBILITIES,
    vocab.SKILLS,
    vocab.SKILLS_NICE,
    vocab.JOB_DESCRIPTION,
    vocab.EXTRA,
)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        # duties
        ("What you'll do", R),
        ("What you’ll be doing:", R),
        ("What You Will Be Working On", R),
        ("We are looking for someone who will :", R),
        ("Areas of responsibility & outcomes", R),
        ("General responsibilities", R),
        ("Key objectives", R),
        ("Outcomes", R),
        ("Projects you may work on", R),
        ("What the codebase steward for quality does", R),
        ("What does the job entail?", R),
        ("Here is what you will be working on:", R),
        # the person and their skills
        ("Requirements", S),
        ("## **About you**"[3:], S),
        ("Who you are", S),
        ("Whom we’re looking for", S),
        ("Ideal Qualifications", S),
        ("The Ideal Candidate", S),
        ("Essential criteria :", S),
        ("Necessary qualities", S),
        ("Skills and experience", S),
        ("Skills and Experience Required", S),
        ("Required skills and experience", S),
        ("Experience", S),
        ("What skills and experience do we look for?", S),
        ("We’ll evaluate you based on:", S),
        ("Required competency for the role", S),
        # nice to have
        ("Nice-to-have", N),
        ("Great-to-haves", N),
        ("Bonus points", N),
        ("Desirable skills and experience", N),
        ("Useful qualities", N),
        ("Asset qualifications", N),
        ("The icing on the cake", N),
        # the role
        ("About this job", J),
        ("Your role at Made Tech", J),
        ("TL;DR", J),
        ("Overview <!-- omit in toc -->", J),
        # kept verbatim, known
        ("About Airbyte", E),
        ("Work perks and benefits", E),
        ("What we offer", E),
        ("Apply now", E),
        ("Salary and location", E),
        ("🚀 Perks!!!", E),
        ("Our Mission", E),  # the company's mission, not the role's duties
        # French
        ("Vous devrez accomplir les tâches suivantes :", R),
        ("Vos missions :", R),
        ("Nous cherchons quelqu’un qui saura :", R),
        ("Les qualifications essentielles :", S),
        ("Nous vous évaluerons en fonction de ce qui suit :", S),
        ("Ce poste est fait pour vous si :", S),
        ("Atouts", N),
        ("À propos du Service numérique canadien", E),
    ],
)
def test_heading_is_read_as(heading: str, kind: str) -> None:
    assert classify(heading) == kind


@pytest.mark.parametrize(
    "heading",
    [
        "What we do",
        "Examples of behaviour and responsibilities",  # the head noun is "examples"
        "Job Titles",
        "Failure mode",
        "Time Commitments",
        "Requirements and Selection",
        "EMEA Specific information",
        "Interview tips",  # hiring headings are another table's
    ],
)
def test_heading_is_not_a_known_section(heading: str) -> None:
    assert classify(heading, near=True) is None


@pytest.mark.parametrize(
    ("heading", "wrong", "right", "kind"),
    [
        ("Responsibilites", "responsibilites", "responsibilities", R),
        ("Skils", "skils", "skills", S),
        ("Hirng Plan", "hirng", "hiring", vocab.HIRING_PLAN),
        ("Qualifcations", "qualifcations", "qualifications", S),
        ("Benifits", "benifits", "benefits", E),
        ("Desireable skills", "desireable", "desirable", N),
        ("Job Descirption", "descirption", "description", J),
    ],
)
def test_a_misspelt_word_is_corrected(heading: str, wrong: str, right: str, kind: str) -> None:
    table = vocab.SECTION_ALIASES
    assert correction(normalize_heading(heading), table) == (wrong, right, kind)
    assert classify(heading, near=True) == kind
    assert classify(heading) is None  # labels are not corrected


@pytest.mark.parametrize(
    "heading",
    [
        "Offboarding",  # two edits from onboarding
        "Bonds",  # one letter replaced in a short word: another word
        "Require",  # a letter more at the end: another form, not a slip
        "Resume",  # never a different first letter
        "Nice to hav",  # short words are not corrected
        "Skills Matrix",
    ],
)
def test_other_words_are_not_corrected(heading: str) -> None:
    assert correction(normalize_heading(heading), vocab.SECTION_ALIASES) is None


def test_config_aliases_read_other_languages() -> None:
    text = (
        "# Dateningenieur\n\n## Deine Aufgaben\n\n* Pipelines bauen.\n\n## Dein Profil\n\n* SQL.\n"
    )
    aliases = {"deine aufgaben": R, "dein profil": S}
    role = parse_markdown(text, "dateningenieur.md", aliases=aliases)
    assert [i.description for i in role.responsibilities] == ["Pipelines bauen."]
    assert [i.description for i in role.skills.required] == ["SQL."]
    assert parse_markdown(text, "dateningenieur.md").responsibilities == ()


def test_a_skills_heading_below_the_role_starts_the_skills() -> None:
    text = (
        "# Head of Services\n\n## Role Description\n\nLead the practice.\n\n"
        "### Your role\n\n* Grow the practice.\n\n"
        "### The following skills will be assessed\n\n**Client advisory**\n* Trusted advice.\n"
    )
    role = parse_markdown(text, "head.md")
    assert [i.description for i in role.responsibilities] == ["Grow the practice."]
    assert [(i.group, i.description) for i in role.skills.required] == [
        ("Client advisory", "Trusted advice.")
    ]


def test_a_myst_target_is_not_text() -> None:
    role = parse_markdown("(role:lead)=\n# Lead\n\nLeads.\n", "lead.md")
    assert role.summary == "Leads."


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Overview <!-- omit in toc -->", "overview"),
        ("<b>About</b> you", "about you"),
        ("🚀 What you’ll do:", "what you'll do"),
        ("Senior \\(remote\\) engineer", "senior engineer"),
        ("We are looking for someone who will :", "we are looking for someone who will"),
        ("a <!-- b", "a <! b"),  # an unclosed comment is text
    ],
)
def test_normalize_heading_drops_markup_and_symbols(text: str, key: str) -> None:
    assert normalize_heading(text) == key


@pytest.mark.parametrize(
    ("label", "period"),
    [
        ("In the first 30 days you will:", "First 30 days"),
        ("Within 3 months:", "Within 3 months"),
        ("By day 60", "By day 60"),
        ("After 6 months, you will", "After 6 months"),
        ("During your first 2 weeks:", "First 2 weeks"),
        ("Within the first 90 days, we expect you to:", "Within the first 90 days"),
        ("Within 2 weeks of a release:", None),  # a duty with a deadline, not a phase
        ("3 days per week:", None),
        ("Within 24 hours:", None),
    ],
)
def test_a_plan_period_written_as_a_sentence(label: str, period: str | None) -> None:
    found = plan_period(label)
    assert (found[0] if found else None) == period


PLAN_IN_THE_DUTIES = """\
# Data Engineer

## Responsibilities

- Own the event pipeline.

Within 2 weeks of a release:

- Write the release notes.

In the first 30 days you will:

- Meet the team.

### By day 90

- Lead the on-call rota.

## Skills

- SQL.
"""


def test_a_plan_inside_the_duties_is_read_as_onboarding_phases() -> None:
    role = parse_markdown(PLAN_IN_THE_DUTIES, "data-engineer.md")
    assert [(i.group, i.description) for i in role.responsibilities] == [
        (None, "Own the event pipeline."),
        ("Within 2 weeks of a release", "Write the release notes."),
    ]
    assert [(p.period, [i.description for i in p.items]) for p in role.onboarding] == [
        ("First 30 days", ["Meet the team."]),
        ("By day 90", ["Lead the on-call rota."]),
    ]
    assert [i.description for i in role.skills.required] == ["SQL."]
    kinds = {h.text: h.kind for h in role.source.headings}
    assert kinds["By day 90"] == "phase"


def test_a_skills_label_under_the_overview_switches_to_the_skills() -> None:
    text = (
        "# Data Engineer\n\n## About the role\n\nYou build pipelines.\n\n"
        "**What you'll do**\n\n- Build pipelines.\n\n"
        "**What we're looking for**\n\n- SQL.\n\n**Bonus points**\n\n- Go.\n"
    )
    role = parse_markdown(text, "data-engineer.md")
    assert [i.description for i in role.responsibilities] == ["Build pipelines."]
    assert [i.description for i in role.skills.required] == ["SQL."]
    assert [i.description for i in role.skills.nice_to_have] == ["Go."]
