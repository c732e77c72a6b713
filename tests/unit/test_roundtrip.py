"""The round trip: markdown -> model -> markdown -> model gives the same model.

Over every real role file of the corpus, and as a property over generated models (the generated
models, and what they leave out, are described in ``tests/helpers/roles.py``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from roledef.model import Role
from roledef.modeldict import comparable
from roledef.read import MARKDOWN, load
from roledef.read.markdown import parse_markdown
from roledef.write.render import render_markdown, roundtrip_report
from tests.helpers import corpus_files
from tests.helpers.roles import roles

CORPUS = corpus_files()


def _is_role(path: Path) -> bool:
    from roledef.read.kind import classify

    loaded = load(path, fmt=MARKDOWN)
    return loaded.role is not None and classify(loaded.role, loaded.text).is_role


#: The role files of the corpus: rendering an index or a level ladder as a role means nothing
#: (roledef lint gives such a page one not-a-role warning and no other finding).
CORPUS_ROLES = [p for p in CORPUS if _is_role(p)]


@pytest.mark.slow
@pytest.mark.corpus
@pytest.mark.parametrize("path", CORPUS, ids=[f"{p.parent.name}/{p.name}" for p in CORPUS])
def test_corpus_model_is_a_fixpoint(corpus: Path, path: Path) -> None:
    role = load(path, fmt=MARKDOWN).role
    text = render_markdown(role)
    again = parse_markdown(text, str(path))
    assert comparable(again) == comparable(role), roundtrip_report(role, text)


@pytest.mark.slow
@pytest.mark.corpus
@pytest.mark.parametrize(
    "path", CORPUS_ROLES, ids=[f"{p.parent.name}/{p.name}" for p in CORPUS_ROLES]
)
def test_rendering_adds_no_finding(corpus: Path, path: Path) -> None:
    # "the output passes roledef lint whenever the model does": nothing new to complain about
    from roledef.config import resolve_config
    from roledef.lint.check import check_text

    config = resolve_config({})
    name = path.name if path.suffix == ".md" else f"{path.name}.md"
    before = check_text(path.read_text(encoding="utf-8"), name, config).findings
    if [f.code for f in before] == ["RD005"]:
        return  # a page that is not a role file: convert refuses it, so it is never rendered
    after = check_text(render_markdown(load(path, fmt=MARKDOWN).role), name, config).findings
    assert {(f.code, f.message) for f in after} <= {(f.code, f.message) for f in before}


@pytest.mark.corpus
def test_the_corpus_is_all_there(corpus: Path) -> None:
    # the parametrized test above runs once per file: make sure it is not silently empty
    assert len(CORPUS) >= 40


@pytest.mark.corpus
def test_rendering_the_seed_twice_gives_the_same_text(corpus: Path) -> None:
    role = load(corpus / "seed" / "technical-product-manager.md", fmt=MARKDOWN).role
    text = render_markdown(role)
    assert render_markdown(parse_markdown(text)) == text


#: CI runs a few seconds of examples; set ROLEDEF_ROUNDTRIP_EXAMPLES=2000 for a thorough run.
EXAMPLES = int(os.environ.get("ROLEDEF_ROUNDTRIP_EXAMPLES", "30"))


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(roles())
def test_generated_models_read_back(role: Role) -> None:
    text = render_markdown(role)
    again = parse_markdown(text, "generated.md")
    assert comparable(again) == comparable(role), roundtrip_report(role, text)


# -- a step's owners: none, one, two, three ---------------------------------------------------
OWNER_CASES = [
    pytest.param((), "1. Final Interview (60m)", id="no-owner"),
    pytest.param(("CTO",), "1. Final Interview (60m): Done by the CTO.", id="one-owner"),
    pytest.param(
        ("CEO", "CTO"), "1. Final Interview (60m): Done by the CEO and the CTO.", id="two-owners"
    ),
    pytest.param(
        ("CEO", "CTO", "Dana"),
        "1. Final Interview (60m): Done by the CEO, the CTO and Dana.",
        id="three-owners",
    ),
]


def _role_with_owners(owners: tuple[str, ...]) -> Role:
    from roledef.model import HiringStep

    step = HiringStep("Final Interview", owners=owners, duration_minutes=60)
    return Role("analyst", "Analyst", hiring_plan=(step,))


@pytest.mark.parametrize(("owners", "line"), OWNER_CASES)
def test_owners_are_each_written(owners: tuple[str, ...], line: str) -> None:
    text = render_markdown(_role_with_owners(owners))
    assert text.endswith(f"## Hiring Plan\n\n{line}\n")


@pytest.mark.parametrize(("owners", "line"), OWNER_CASES[:2])
def test_no_or_one_owner_reads_back(owners: tuple[str, ...], line: str) -> None:
    role = _role_with_owners(owners)
    text = render_markdown(role)
    assert parse_markdown(text).hiring_plan[0].owners == owners, roundtrip_report(role, text)


@pytest.mark.parametrize(("owners", "line"), OWNER_CASES[2:])
def test_several_owners_read_back(owners: tuple[str, ...], line: str) -> None:
    role = _role_with_owners(owners)
    text = render_markdown(role)
    assert parse_markdown(text).hiring_plan[0].owners == owners, roundtrip_report(role, text)
