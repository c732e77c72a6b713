"""The pre-commit configs the README and docs/ci.md show, run as a handbook would run them.

roledef has no release, so each snippet takes roledef from git at a commit: a ``repo:`` and a
``rev:`` that is a commit sha, or a ``repo: local`` hook whose ``additional_dependencies`` install
``roledef @ git+URL@SHA``. The test points them at a local clone of this project and its HEAD and
runs the real pre-commit, which builds the hook's environment with pip (hence slow and network).
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pyromark
import pytest
from ruamel.yaml import YAML

from tests.helpers import ROOT
from tests.integration.test_precommit import (
    CLEAN_ROLE,
    DEFECTIVE_ROLE,
    JOBS,
    NAV_TITLE_LINE,
    _git,
    make_handbook,
    precommit_env,
    project_repo,
)

__all__ = ["precommit_env", "project_repo"]  # the fixtures this module borrows

DOCUMENTS = ["README.md", "docs/ci.md"]
COMMIT = re.compile(r"[0-9a-f]{40}")
GIT_REQUIREMENT = re.compile(r"^roledef @ git\+(?P<url>\S+)@(?P<rev>[0-9a-f]{40})$")


def yaml_blocks(text: str) -> Iterator[str]:
    """The text of each fenced ``yaml`` code block of a markdown document."""
    inside = False
    parts: list[str] = []
    for event in pyromark.events(text):
        match event:
            case {"Start": {"CodeBlock": {"Fenced": info}}}:
                inside = info.split()[:1] == ["yaml"]
                parts = []
            case {"Text": piece} if inside:
                parts.append(piece)
            case {"End": "CodeBlock"} if inside:
                inside = False
                yield "".join(parts)


def precommit_snippets() -> list[tuple[str, dict[str, Any]]]:
    """(where, config) for every block that is a whole ``.pre-commit-config.yaml``."""
    found = []
    for name in DOCUMENTS:
        text = (ROOT / name).read_text(encoding="utf-8")
        for number, block in enumerate(yaml_blocks(text), 1):
            data = YAML(typ="safe").load(block)
            if isinstance(data, dict) and "repos" in data:
                found.append((f"{name}#{number}", data))
    return found


SNIPPETS = precommit_snippets()


def test_the_docs_show_each_kind_of_snippet() -> None:
    kinds = {
        "git" if repo["repo"] != "local" else "pip"
        for _, config in SNIPPETS
        for repo in config["repos"]
    }
    assert kinds == {"git", "pip"}, [where for where, _ in SNIPPETS]
    assert {where.split("#")[0] for where, _ in SNIPPETS} == set(DOCUMENTS)


@pytest.mark.parametrize(("where", "config"), SNIPPETS, ids=[w for w, _ in SNIPPETS])
def test_every_snippet_pins_a_commit_not_a_release(where: str, config: dict[str, Any]) -> None:
    for repo in config["repos"]:
        if repo["repo"] == "local":
            wanted = [
                dependency
                for hook in repo["hooks"]
                for dependency in hook.get("additional_dependencies", [])
            ]
            assert wanted and all(GIT_REQUIREMENT.match(item) for item in wanted), wanted
        else:
            assert COMMIT.fullmatch(str(repo["rev"])), repo


def pointed_at(config: dict[str, Any], clone: Path, sha: str) -> dict[str, Any]:
    """``config`` with roledef's git URL replaced by ``clone`` and its commit by ``sha``."""
    for repo in config["repos"]:
        if repo["repo"] == "local":
            for hook in repo["hooks"]:
                hook["additional_dependencies"] = [
                    f"roledef @ git+{clone.as_uri()}@{sha}" for _ in hook["additional_dependencies"]
                ]
        else:
            repo.update(repo=str(clone), rev=sha)
    return config


def run_precommit(
    handbook: Path, env: Mapping[str, str], *args: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=handbook,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.mark.slow
@pytest.mark.network
@pytest.mark.parametrize(("where", "config"), SNIPPETS, ids=[w for w, _ in SNIPPETS])
def test_the_snippet_runs_from_a_local_clone_at_a_commit(
    where: str,
    config: dict[str, Any],
    tmp_path: Path,
    project_repo: Path,
    precommit_env: dict[str, str],
) -> None:
    clone = tmp_path / "roledef"
    _git(tmp_path, "clone", "--quiet", str(project_repo), str(clone), env=precommit_env)
    sha = _git(clone, "rev-parse", "HEAD", env=precommit_env).strip()
    handbook = make_handbook(
        tmp_path / "handbook",
        {f"{JOBS}/data-engineer.md": CLEAN_ROLE, f"{JOBS}/data-analyst.md": DEFECTIVE_ROLE},
        precommit_env,
    )
    path = tmp_path / "pre-commit-config.yaml"
    yaml = YAML()
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(pointed_at(config, clone, sha), stream)

    valid = run_precommit(handbook, precommit_env, "validate-config", str(path))
    assert valid.returncode == 0, valid.stdout + valid.stderr
    result = run_precommit(
        handbook, precommit_env, "run", "--config", str(path), "--all-files", "--color", "never"
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert re.search(r"^roledef lint\.+Failed$", output, re.MULTILINE), output
    finding = rf"^{re.escape(JOBS)}/data-analyst\.md:{NAV_TITLE_LINE}:1: RD104 "
    assert re.search(finding, output, re.MULTILINE), output
    assert "data-engineer.md:" not in output, output
