"""The levels of a job family: which headings and tables name levels, and which do not."""

from __future__ import annotations

from pathlib import Path

import pytest

from roledef.model import Item, Level, Role, Skills
from roledef.modeldict import comparable, role_from_dict, role_to_dict
from roledef.read.levels import names_grade
from roledef.read.markdown import parse_markdown
from roledef.read.schema import validate
from roledef.write.render import render_markdown, roundtrip_report
from roledef.write.structured import dump_role
from tests.helpers.lint import lint_findings

FAMILY = """\
# Engineer

Engineers build and run the product.

## Junior Engineer

Learns the codebase with a mentor.

### Responsibilities

* Fixes small bugs.
* Writes tests.

### Skills

* Git.

### Nice to Have

* Go.

## Senior Engineer

### Responsibilities

* Leads the design of a service.

### Requirements

* Five years of building web services.

## Hiring Plan

1. Intro Call (30m): Done by the recruiter.
"""


def test_sibling_headings_that_name_a_grade_are_levels() -> None:
    role = parse_markdown(FAMILY, "engineer.md")
    assert [lv.name for lv in role.levels] == ["Junior Engineer", "Senior Engineer"]
    junior, senior = role.levels
    assert junior.summary == "Learns the codebase with a mentor."
    assert [i.description for i in junior.responsibilities] == [
        "Fixes small bugs.",
        "Writes tests.",
    ]
    assert [i.description for i in junior.skills.required] == ["Git."]
    assert [i.description for i in junior.skills.nice_to_have] == ["Go."]
    assert [i.description for i in senior.responsibilities] == ["Leads the design of a service."]
    assert [i.description for i in senior.skills.required] == [
        "Five years of building web services."
    ]
    assert (junior.span.line, senior.span.line) == (5, 22)


def test_what_is_outside_the_levels_stays_on_the_role() -> None:
    role = parse_markdown(FAMILY, "engineer.md")
    assert role.summary == "Engineers build and run the product."
    assert role.responsibilities == () and role.skills == Skills()
    assert [s.name for s in role.hiring_plan] == ["Intro Call"]
    assert [h.kind for h in role.source.headings if h.level == 2] == [
        "level",
        "level",
        "hiring_plan",
    ]


def test_numbered_levels_with_label_paragraphs() -> None:
    text = (
        "# Site Reliability Engineer\n\n## Levels\n\n"
        "### Level 1 - Guided Contributor\n\nWe expect:\n\n- Follows the runbooks.\n\n"
        "### Level 2 - Independent Owner\n\nWe expect:\n\n- Writes the runbooks.\n"
    )
    role = parse_markdown(text, "sre.md")
    assert [lv.name for lv in role.levels] == [
        "Level 1 - Guided Contributor",
        "Level 2 - Independent Owner",
    ]
    assert role.levels[1].responsibilities == (Item(None, "Writes the runbooks.", "We expect"),)


def test_variants_of_the_role_are_levels() -> None:
    text = (
        "# Role: Engineer\n\n## Engineer+support\n\nWe need someone:\n\n- to run support\n\n"
        "## Engineer+lead\n\nWe need someone:\n\n- to lead a team\n"
    )
    role = parse_markdown(text, "engineer.md")
    assert [lv.name for lv in role.levels] == ["Engineer+support", "Engineer+lead"]
    assert [i.description for i in role.levels[1].responsibilities] == ["to lead a team"]


def test_a_table_of_levels() -> None:
    text = (
        "# Frontend Engineer\n\n## Job Titles\n\n"
        "| Job Title | Score | Salary |\n| --- | --- | --- |\n"
        "| Junior Frontend Engineer | 0 - 1.4 | 55 000 |\n"
        "| Frontend Engineer | 1.4 - 2.6 | 90 000 |\n"
        "| Senior Frontend Engineer | 2.6 - 4 | 120 000 |\n"
    )
    role = parse_markdown(text, "frontend-engineer.md")
    assert [(lv.name, lv.summary, lv.span.line) for lv in role.levels] == [
        ("Junior Frontend Engineer", "Score: 0 - 1.4; Salary: 55 000", 7),
        ("Frontend Engineer", "Score: 1.4 - 2.6; Salary: 90 000", 8),
        ("Senior Frontend Engineer", "Score: 2.6 - 4; Salary: 120 000", 9),
    ]
    # the table stays in its section, as written
    assert role.sections[0].heading == "Job Titles" and "| Junior" in role.sections[0].body


@pytest.mark.parametrize(
    "text",
    [
        # a duty that starts with "Lead": the rest does not name the role
        "# Product Manager\n\n## Responsibilities\n\n#### Lead Backlog Refinement\n\n- Runs it.\n\n"
        "#### Lead Roadmap Reviews\n\n- Runs them.\n",
        # one heading that names a grade has no sibling: not a family
        "# Engineer\n\n## Senior Engineer\n\nWhat a senior does.\n\n## Benefits\n\nA lot.\n",
        # the title repeated as a heading, with no grade beside it
        "# Engineer\n\n## Engineer\n\n- Builds.\n\n## Engineer\n\n- Runs.\n",
        # several different roles in one file
        "# Engineering Project Roles\n\n## Tech Lead\n\n- Plans.\n\n## Lead Themer\n\n- Themes.\n\n"
        "## Lead Engineer\n\n- Builds.\n",
        # headings in a code block are not headings
        "# Engineer\n\n## Junior Engineer\n\n```\n## Senior Engineer\n```\n",
        # a "+" that is not a variant of the role
        "# C++ Engineer\n\n## C++ tools\n\n- CMake.\n\n## C++ style\n\n- Ours.\n",
        # a table of who interviews: several roles, not grades of one
        "# Engineer\n\n| Role | Interview |\n| --- | --- |\n| Senior Engineer | Design |\n"
        "| Lead Designer | Values |\n",
        # a table of openings: other roles, one of them senior
        "# Careers\n\n| Job title | Location |\n| --- | --- |\n| Senior Engineer | Berlin |\n"
        "| Product Manager | Remote |\n",
    ],
    ids=[
        "duty-named-lead",
        "no-sibling",
        "title-repeated",
        "cpp",
        "interviewers",
        "several-roles",
        "code-block",
        "table-of-openings",
    ],
)
def test_not_levels(text: str) -> None:
    assert parse_markdown(text, "role.md").levels == ()


@pytest.mark.parametrize(
    ("heading", "title", "expected"),
    [
        ("Senior Engineer", "Engineer", True),
        ("Junior", "Engineer", True),
        ("Staff Site Reliability Engineer", "Site Reliability Engineer", True),
        ("Engineer II", "Engineer", True),
        ("Level 3", None, True),
        ("L4", None, True),
        ("Grade B: Practitioner", None, True),
        ("Engineer+support", "Role: Engineer", True),
        ("Senior Designer", "Engineer", False),
        ("Lead Backlog Refinement", "Product Manager", False),
        ("Level of experience", None, False),
        ("Grade expectations", None, False),
        ("Responsibilities", "Engineer", False),
        ("Designer+support", "Engineer", False),
        ("C++ Engineer", "C++ Engineer", False),
        ("Engineer+", "Engineer", False),
    ],
)
def test_names_grade(heading: str, title: str | None, expected: bool) -> None:
    assert names_grade(heading, title) is expected


def test_levels_read_back_from_the_rendered_markdown() -> None:
    role = parse_markdown(FAMILY, "engineer.md")
    text = render_markdown(role)
    assert (
        "## Junior Engineer\n\nLearns the codebase with a mentor.\n\n### Responsibilities" in text
    )
    assert comparable(parse_markdown(text, "engineer.md")) == comparable(role), roundtrip_report(
        role, text
    )


def test_a_table_of_levels_is_not_written_twice() -> None:
    text = (
        "# Engineer\n\n## Job Titles\n\n| Level | Pay |\n| --- | --- |\n"
        "| Junior Engineer | 1 |\n| Senior Engineer | 2 |\n"
    )
    role = parse_markdown(text, "engineer.md")
    rendered = render_markdown(role)
    assert rendered.count("Senior Engineer") == 1
    assert parse_markdown(rendered, "engineer.md").levels == role.levels


def test_levels_in_json_validate_and_read_back() -> None:
    role = parse_markdown(FAMILY, "engineer.md")
    data = role_to_dict(role, positions=True)
    assert list(data)[8:10] == ["skills", "levels"]
    assert data["levels"][0]["position"] == {
        "line": 5,
        "column": 1,
        "end_line": 5,
        "end_column": 18,
    }
    assert list(validate(data)) == []
    assert role_from_dict(data).levels == role.levels


def test_a_role_without_levels_writes_no_levels_key() -> None:
    assert "levels" not in role_to_dict(Role("analyst", "Analyst"))


def test_a_level_with_an_empty_name_is_a_schema_error() -> None:
    role = Role("analyst", "Analyst", levels=(Level("", skills=Skills()),))
    errors = list(validate(role_to_dict(role)))
    assert [(e.path, e.validator) for e in errors] == [(("levels", 0, "name"), "minLength")]


def test_duties_and_skills_inside_levels_count_for_missing_section() -> None:
    text = FAMILY.replace("# Engineer\n\n", "---\nnavTitle: Engineer\n---\n\n# Engineer\n\n", 1)
    assert [f for f in lint_findings(text, "engineer.md") if f.code == "RD203"] == []
    # in YAML, where no heading says a section is there, the levels' lists are what counts
    yaml_text = dump_role(parse_markdown(FAMILY, "engineer.md"))
    assert "responsibilities: []" in yaml_text
    assert [f for f in lint_findings(yaml_text, "engineer.yaml") if f.code == "RD203"] == []
    no_levels = (
        yaml_text[: yaml_text.index("levels:")] + yaml_text[yaml_text.index("onboarding:") :]
    )
    assert [f.message for f in lint_findings(no_levels, "engineer.yaml") if f.code == "RD203"] == [
        "no Responsibilities: fill in 'responsibilities'",
        "no Skills: fill in 'skills'",
    ]


def test_a_duplicate_inside_one_level_is_found_not_across_levels() -> None:
    text = FAMILY.replace("* Writes tests.", "* Fixes small bugs.").replace(
        "* Leads the design of a service.", "* Fixes small bugs."
    )
    found = [f for f in lint_findings(text, "engineer.md") if f.code == "RD206"]
    assert [(f.line, f.message[:60]) for f in found] == [
        (12, "'Fixes small bugs.' repeats a bullet of the responsibilities")
    ]


# -- the real handbooks --------------------------------------------------------------------------
FAMILIES = {
    "more/carvago/frontend-engineer.md": [
        "Junior Frontend Engineer",
        "Medior Frontend Engineer",
        "Senior Frontend Engineer",
        "Expert Frontend Engineer",
    ],
    "more/carvago/engineer.md": [
        "Junior {Discriminator} Engineer",
        "{Discriminator} Engineer",
        "Senior {Discriminator} Engineer",
        "Senior {Discriminator} Engineer II",
    ],
    "more/madetech/engineer.md": [
        "Engineer+support",
        "Engineer+support+lead",
        "Engineer+aaas",
        "Engineer+aaas+lead",
        "Engineer+marketing",
        "Engineer+director",
    ],
}


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_corpus_job_families(corpus: Path, name: str) -> None:
    path = corpus / name
    role = parse_markdown(path.read_text(encoding="utf-8"), str(path))
    assert [lv.name for lv in role.levels] == FAMILIES[name]


@pytest.mark.corpus
def test_corpus_variant_duties_belong_to_their_level(corpus: Path) -> None:
    path = corpus / "more" / "madetech" / "engineer.md"
    role = parse_markdown(path.read_text(encoding="utf-8"), str(path))
    support = role.levels[0]
    assert [i.description for i in support.responsibilities][:2] == [
        "to deliver work in accordance to our support contracts",
        "to liaise with support customers",
    ]
    assert role.responsibilities == ()


@pytest.mark.corpus
def test_corpus_roles_that_are_not_families_have_no_levels(corpus: Path) -> None:
    folders = [corpus / "flowfuse", corpus / "seed", corpus / "more"]
    found = []
    for folder in folders:
        for path in sorted(folder.rglob("*.md")):
            role = parse_markdown(path.read_text(encoding="utf-8"), str(path))
            if role.levels:
                found.append(str(path.relative_to(corpus)))
    # the families above, FlowFuse's page of engineering levels, and Carvago's technical leader
    # track (a table of Staff / Senior Staff / Principal titles)
    assert found == sorted(
        [
            "flowfuse/engineering-levels.md",
            *FAMILIES,
            "more/carvago/technical-leader.md",
        ]
    )


def test_json_ld_describes_each_level_in_the_one_document() -> None:
    from roledef.write.jsonld import to_jsonld

    doc = to_jsonld(parse_markdown(FAMILY, "engineer.md"))
    assert doc["@type"] == "Occupation" and "responsibilities" not in doc
    assert (
        "Levels:\n- Junior Engineer: Learns the codebase with a mentor.\n  Responsibilities:\n"
        "  - Fixes small bugs.\n  - Writes tests.\n  Skills:\n  - Git.\n  - Go. (nice to have)\n"
        "- Senior Engineer\n  Responsibilities:\n  - Leads the design of a service.\n"
    ) in doc["description"]


def test_a_hiring_plan_below_a_level_is_the_roles() -> None:
    text = FAMILY.replace("## Hiring Plan", "### Hiring Plan")
    role = parse_markdown(text, "engineer.md")
    assert [s.name for s in role.hiring_plan] == ["Intro Call"]
    assert [i.description for i in role.levels[1].responsibilities] == [
        "Leads the design of a service."
    ]
