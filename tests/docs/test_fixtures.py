"""The folders the docs' examples run in stay true to what they stand for."""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML

from tests.helpers import ROOT

EXAMPLES = ROOT / "docs" / "examples"


def _yaml(path: str) -> Any:
    return YAML(typ="safe").load((ROOT / path).read_text(encoding="utf-8"))


def test_the_pre_commit_example_runs_roledefs_own_hooks() -> None:
    """docs/ci.md shows pre-commit running roledef's hooks: the example's local hooks are those
    of .pre-commit-hooks.yaml, with ``language: system`` so that no environment is built."""
    published = {hook["id"]: hook for hook in _yaml(".pre-commit-hooks.yaml")}
    [repo] = _yaml("docs/examples/precommit/.pre-commit-config.yaml")["repos"]
    assert repo["repo"] == "local"
    for hook in repo["hooks"]:
        assert hook.pop("language") == "system"
        expected = {key: published[hook["id"]][key] for key in hook}
        assert hook == expected
        assert set(published[hook["id"]]) - set(hook) <= {
            "description",
            "language",
            "minimum_pre_commit_version",
        }
