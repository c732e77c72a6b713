"""Parser cases as data: markdown in, expected model out (tests/fixtures/parser)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roledef.modeldict import role_to_dict
from roledef.read import MARKDOWN, load
from tests.helpers import FIXTURES as ALL_FIXTURES

FIXTURES = ALL_FIXTURES / "parser"
CASES = sorted(p for p in FIXTURES.glob("*.md") if p.name != "README.md")


def test_there_are_cases() -> None:
    assert len(CASES) >= 5


@pytest.mark.parametrize("source", CASES, ids=[p.stem for p in CASES])
def test_fixture(source: Path) -> None:
    expected = json.loads(source.with_suffix(".json").read_text(encoding="utf-8"))
    # the id comes from the file name, which pytest's copy keeps
    assert role_to_dict(load(source, fmt=MARKDOWN).role) == expected
