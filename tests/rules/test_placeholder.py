"""RD207 placeholder, case by case: small documents and exactly what it finds.

Its failing and passing fixture files are in tests/fixtures/rules/RD207/.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.lint import (
    HEAD,
    ROLE,
    YAML_ROLE,
    Expected,
    assert_findings,
    hiring_plan,
    lint_findings,
)

CODE = "RD207"

CASES = [
    pytest.param(
        HEAD
        + """\
## Job Description

TODO(roledef): Two or three sentences on why the role exists.
""",
        "data-engineer.md",
        {},
        [("RD207", 10, 1, "placeholder 'TODO(roledef): Two or three sentences on why the role")],
        id="roledef-marker",
    ),
    pytest.param(
        HEAD + "## Skills\n\n* SQL: TBD.\n",
        "data-engineer.md",
        {},
        [("RD207", 10, 8, "placeholder 'TBD' in the skills: replace it with the real text")],
        id="tbd-in-a-skill",
    ),
    pytest.param(
        HEAD + hiring_plan("Intro (30m): FIXME who runs this. Done by the recruiter."),
        "data-engineer.md",
        {},
        [("RD207", 10, 17, "placeholder 'FIXME' in the hiring step 'Intro'")],
        id="fixme-in-a-step",
    ),
    pytest.param(
        HEAD + "## Responsibilities\n\n* Lorem ipsum dolor sit amet.\n",
        "data-engineer.md",
        {},
        [("RD207", 10, 3, "placeholder 'Lorem ipsum' in the responsibilities")],
        id="lorem-ipsum",
    ),
    pytest.param(
        HEAD + "## Job Description\n\nTODO: say why. TBD. FIXME.\n",
        "data-engineer.md",
        {},
        [("RD207", 10, 1, "placeholder 'TODO: say why' (and 2 more) in the job description")],
        id="several-in-one-field",
    ),
    pytest.param(
        "---\nnavTitle: TODO\nnavGroup: Job Descriptions\n---\n\n# Data Engineer\n\n",
        "data-engineer.md",
        {},
        [("RD207", 2, 11, "placeholder 'TODO' in the front matter key 'navTitle'")],
        id="front-matter",
    ),
    pytest.param(
        HEAD + "## About us\n\nWe build things.\n\nOur values: lorem ipsum.\n",
        "data-engineer.md",
        {},
        [("RD207", 12, 13, "placeholder 'lorem ipsum' in the section 'About us'")],
        id="section-body-below-its-heading",
    ),
    pytest.param(
        HEAD + "## About us\n\nWe build things.\n\n### Values\n\n* Candour: TBD\n",
        "data-engineer.md",
        {},
        [("RD207", 14, 12, "placeholder 'TBD' in the section 'About us'")],
        id="under-a-sub-heading-of-a-kept-section",
    ),
    pytest.param(
        HEAD
        + "## Job Description\n\nWe move data.\n\n## Responsibilities\n\n"
        + "* Pipelines: Build them.\n\nWho it reports to: TBD\n",
        "data-engineer.md",
        {},
        [("RD207", 16, 20, "placeholder 'TBD' in the responsibilities")],
        id="prose-after-a-list-is-an-item",
    ),
    pytest.param(
        HEAD + "## Job Description\n\nThe Data Engineer builds pipelines.\n\n"
        "Reports to: TBD\n\n* Pipelines: Build them.\n",
        "data-engineer.md",
        {},
        [("RD207", 12, 13, "placeholder 'TBD' in the job description")],
        id="job-description-paragraph-between-parts",
    ),
    pytest.param(
        HEAD + "## Responsibilities\n\n* **TODO**: say what the role owns\n",
        "data-engineer.md",
        {},
        [("RD207", 10, 5, "placeholder 'TODO: say what the role owns' in the responsibilities")],
        id="bold-placeholder-as-a-bullet-name",
    ),
    pytest.param(
        HEAD + "## Skills\n\n* Équipe, sécurité — TBD\n",
        "data-engineer.md",
        {},
        [("RD207", 10, 22, "placeholder 'TBD' in the skills")],
        id="column-counts-characters-not-bytes",
    ),
    pytest.param(
        HEAD
        + "## Hiring Plan\n\n### Technical Interview (60m)\n\n"
        + "Questions: TBD. Done by the CTO.\n",
        "data-engineer.md",
        {},
        [("RD207", 12, 12, "placeholder 'TBD' in the hiring step 'Technical Interview'")],
        id="step-written-as-a-heading",
    ),
    pytest.param(
        YAML_ROLE.replace(
            "    description: Build and run the event pipeline.",
            "    description: 'TODO(roledef): what the role owns.'",
        ),
        "data-engineer.yaml",
        {},
        [("RD207", 10, 19, "placeholder 'TODO(roledef): what the role owns' in the")],
        id="yaml-description-below-the-item-start",
    ),
    pytest.param(
        YAML_ROLE.replace(
            "summary: The Data Engineer builds the pipelines that turn events into reports.",
            "summary: |\n  The Data Engineer builds pipelines.\n\n  Reports to: TBD\n",
        ),
        "data-engineer.yaml",
        {},
        [("RD207", 10, 15, "placeholder 'TBD' in the job description")],
        id="yaml-block-scalar",
    ),
    pytest.param(
        HEAD + "## Responsibilities\n\n* Keep the todo list short.\n",
        "data-engineer.md",
        {},
        [],
        id="lower-case-todo",
    ),
    pytest.param(
        ROLE,
        "data-engineer.md",
        {},
        [],
        id="clean",
    ),
]


@pytest.mark.parametrize(("text", "path", "options", "expected"), CASES)
def test_cases(text: str, path: str, options: dict[str, Any], expected: list[Expected]) -> None:
    assert_findings(lint_findings(text, path, **{"select": [CODE], **options}), expected)


def test_the_finding_spans_exactly_the_placeholder() -> None:
    text = HEAD + "## Skills\n\n* SQL: TODO ask the team. Then more.\n"
    (finding,) = lint_findings(text, "data-engineer.md", select=[CODE])
    line = text.split("\n")[finding.line - 1]
    assert finding.end_line == finding.line
    assert line[finding.column - 1 : finding.end_column] == "TODO ask the team"


@pytest.mark.parametrize("suffix", [".md", ".yaml"])
def test_every_finding_on_a_new_role_points_at_its_marker(suffix: str) -> None:
    """What ``roledef new`` writes: each finding starts on a ``TODO(roledef)`` of its line."""
    from roledef.modeldict import role_to_dict
    from roledef.read.yamlio import dump_yaml
    from roledef.write.template import new_markdown, new_role

    title = "Site Reliability Engineer"
    markdown = new_markdown(title)
    text = markdown if suffix == ".md" else dump_yaml(role_to_dict(new_role(title)))
    findings = lint_findings(text, "site-reliability-engineer" + suffix, select=[CODE])
    lines = text.split("\n")
    assert len(findings) >= 15
    for f in findings:
        assert lines[f.line - 1][f.column - 1 :].startswith("TODO(roledef)"), f


@pytest.mark.slow
@pytest.mark.corpus
def test_a_placeholder_written_into_a_real_role_is_reported_where_it_is() -> None:
    """A placeholder added at the end of a line of a real role file: when the rule reports the
    field, the finding is at the placeholder's line and column (never at the field's heading)."""
    from roledef.lint.rules import placeholder
    from roledef.read.markdown import parse_markdown
    from tests.helpers import corpus_files

    checked = 0
    for path in corpus_files():
        lines = path.read_text(encoding="utf-8").split("\n")
        body = [n for n, line in enumerate(lines) if line.strip() and line[0] not in "-`|<"]
        for n in body[2::7]:
            edited = [*lines[:n], lines[n] + " TBD", *lines[n + 1 :]]
            hits = list(placeholder.check(parse_markdown("\n".join(edited), str(path)), {}))
            if hits:
                checked += 1
                assert [(s.line, s.column) for s, _ in hits] == [(n + 1, len(lines[n]) + 2)], (
                    path.name,
                    n + 1,
                )
    assert checked > 300


def test_a_comment_above_the_placeholder_suppresses_it() -> None:
    """The finding is on the placeholder's line, so that is the line a suppression names."""
    body = "## About us\n\nWe build things.\n\n{comment}Our office address: TBD\n"
    comment = "<!-- roledef-disable-next-line RD207 -->\n"
    found = lint_findings(HEAD + body.format(comment=""), "data-engineer.md", select=[CODE])
    assert [(f.line, f.column) for f in found] == [(12, 21)]
    quiet = HEAD + body.format(comment=comment)
    assert lint_findings(quiet, "data-engineer.md", select=[CODE, "RD003"]) == []
