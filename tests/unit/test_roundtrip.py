"""The round trip: markdown -> model -> markdown -> model gives the same model.

Over every real role file of the corpus, and as a property over generated models (the generated
models, and what they leave out, are described in ``tests/helpers/roles.py``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from roledef.model import Role, comparable
from roledef.read import MARKDOWN, load
from roledef.read.markdown import parse_markdown
from roledef.write.render import render_markdown, roundtrip_report
from tests.helpers import corpus_files
from tests.helpers.roles import roles

CORPUS = corpus_files()


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
@pytest.mark.parametrize("path", CORPUS, ids=[f"{p.parent.name}/{p.name}" for p in CORPUS])
def test_rendering_adds_no_finding(corpus: Path, path: Path) -> None:
    # "the output passes roledef lint whenever the model does": nothing new to complain about
    from roledef.config import resolve_config
    from roledef.lint.check import check_text

    config = resolve_config({})
    name = path.name if path.suffix == ".md" else f"{path.name}.md"
    before = check_text(path.read_text(encoding="utf-8"), name, config).findings
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
