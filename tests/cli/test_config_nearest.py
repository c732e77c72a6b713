"""Each path takes the nearest config at or above it, as ruff finds it, from wherever the run
starts; ``--config`` is used for every path instead.

The tree: ``alpha/`` (a ``.roledef.toml`` that ignores RD101), ``beta/`` (a ``pyproject.toml``
whose ``[tool.roledef]`` ignores RD201) and ``gamma/`` (a ``pyproject.toml`` without the table,
passed over: the defaults), each with a role file that breaks RD101, RD201 and RD202.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from roledef.cli import cli
from roledef.configfind import ConfigFinder, config_groups
from tests.helpers.lint import lint_in

ROLE = """\
# Support Engineer

## Job Description

The Support Engineer answers customer questions.

## Responsibilities

* Answer support tickets.

## Skills

* Clear written communication.

## Office Snacks

* Fruit.

## Hiring Plan:

1. Support Interview (45m): Two real tickets. Done by the Support Lead.
"""

ALL = {"RD101", "RD201", "RD202"}
EXPECTED = {
    "alpha": ALL - {"RD101"},
    "beta": ALL - {"RD201"},
    "gamma": ALL,
}


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "handbooks"
    _write(root / "alpha" / ".roledef.toml", 'ignore = ["RD101"]\n')
    _write(root / "beta" / "pyproject.toml", '[tool.roledef]\nignore = ["RD201"]\n')
    _write(root / "gamma" / "pyproject.toml", '[project]\nname = "gamma"\n')
    for name in EXPECTED:
        _write(root / name / "roles" / f"{name}-role.md", ROLE)
    (tmp_path / "elsewhere").mkdir()
    return root


def _codes(cwd: Path, *args: str) -> tuple[int, dict[str, set[str]]]:
    """Run ``roledef lint --no-cache --output-format json ARGS`` in ``cwd``: the exit code and
    the codes found per project (named by the file's stem)."""
    code, output = lint_in(cwd, "--no-cache", "--output-format", "json", *args)
    found: dict[str, set[str]] = {}
    for finding in json.loads(output):
        project = Path(finding["path"]).name.removesuffix("-role.md")
        found.setdefault(project, set()).add(finding["code"])
    return code, found


def test_each_file_uses_its_projects_config_from_the_root(tree: Path) -> None:
    files = [f"{name}/roles/{name}-role.md" for name in EXPECTED]
    code, found = _codes(tree, *files)
    assert code == 1
    assert found == EXPECTED


def test_each_folder_uses_its_projects_config(tree: Path) -> None:
    assert _codes(tree, "alpha", "beta", "gamma")[1] == EXPECTED


def test_from_a_sub_folder_the_other_projects_file_uses_its_own_config(tree: Path) -> None:
    sub = tree / "alpha" / "roles"
    assert _codes(sub, "alpha-role.md")[1] == {"alpha": EXPECTED["alpha"]}
    assert _codes(sub, "../../beta/roles/beta-role.md")[1] == {"beta": EXPECTED["beta"]}


def test_from_outside_the_tree(tree: Path) -> None:
    outside = tree.parent / "elsewhere"
    files = [str(tree / name / "roles" / f"{name}-role.md") for name in EXPECTED]
    assert _codes(outside, *files)[1] == EXPECTED


def test_config_option_is_used_for_every_path(tree: Path) -> None:
    files = [f"{name}/roles/{name}-role.md" for name in EXPECTED]
    _, found = _codes(tree, "--config", "beta/pyproject.toml", *files)
    # one config, one group: the three copies of the role are now compared, and the later two
    # are duplicates of the first
    duplicate = EXPECTED["beta"] | {"RD401"}
    assert found == {"alpha": EXPECTED["beta"], "beta": duplicate, "gamma": duplicate}


def test_pyproject_without_the_table_is_passed_over_for_the_one_above(tree: Path) -> None:
    _write(tree / ".roledef.toml", 'ignore = ["RD202"]\n')
    assert _codes(tree, "gamma")[1] == {"gamma": ALL - {"RD202"}}
    assert _codes(tree, "alpha")[1] == {"alpha": EXPECTED["alpha"]}  # the nearer one wins


def test_output_stays_in_path_order_across_projects(tree: Path) -> None:
    _, output = lint_in(tree, "--no-cache", "--output-format", "json", "gamma", "alpha")
    paths = [f["path"] for f in json.loads(output)]
    assert paths == sorted(paths)
    assert {Path(p).parts[0] for p in paths} == {"alpha", "gamma"}


def test_cross_file_rules_compare_the_files_of_one_project(tree: Path) -> None:
    # the same role twice in alpha is a duplicate; a copy of it in beta is another project's
    _write(tree / "alpha" / "roles" / "copy-role.md", ROLE)
    _, output = lint_in(tree, "--no-cache", "--output-format", "json", "alpha", "beta")
    duplicates = [f["path"] for f in json.loads(output) if f["code"] == "RD401"]
    assert duplicates and all(p.startswith("alpha/") for p in duplicates)


def test_a_broken_config_only_matters_to_its_own_files(tree: Path) -> None:
    _write(tree / "beta" / "pyproject.toml", "[tool.roledef]\nignore = [\n")
    assert _codes(tree, "alpha")[1] == {"alpha": EXPECTED["alpha"]}
    code, output = lint_in(tree, "--no-cache", "alpha", "beta")
    assert code == 2
    assert "beta/pyproject.toml: invalid TOML" in output


def test_fix_uses_each_projects_config(tree: Path) -> None:
    _write(tree / "alpha" / ".roledef.toml", 'ignore = ["RD101", "RD202"]\n')
    lint_in(tree, "--no-cache", "--fix", "alpha", "beta")
    assert "## Hiring Plan:" in (tree / "alpha" / "roles" / "alpha-role.md").read_text()
    assert "## Hiring Plan:" not in (tree / "beta" / "roles" / "beta-role.md").read_text()


def test_each_project_keeps_its_own_cache(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ROLEDEF_NO_CACHE")
    lint_in(tree, "alpha", "beta")
    assert (tree / "alpha" / ".roledef_cache").is_dir()
    assert (tree / "beta" / ".roledef_cache").is_dir()
    assert not (tree / ".roledef_cache").exists()


def test_groups_read_each_config_once_and_keep_one_group_per_config(tree: Path) -> None:
    paths = ["beta/roles/beta-role.md", "alpha", "alpha/roles/alpha-role.md", "beta"]
    groups = config_groups(paths, cwd=tree)
    assert [g.paths for g in groups] == [
        ("alpha", "alpha/roles/alpha-role.md"),
        ("beta/roles/beta-role.md", "beta"),
    ]
    assert [Path(g.config.source or "").parent.name for g in groups] == ["alpha", "beta"]
    finder = ConfigFinder(cwd=tree)
    assert finder.config_for("alpha/roles/x.md") is finder.config_for("alpha")
    # a path that does not exist (an unsaved buffer's) is looked up from the folder it names
    assert finder.config_file("alpha/drafts/new.md") == tree / "alpha" / ".roledef.toml"


def _cli(cwd: Path, *args: str) -> tuple[int, str]:
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, list(args), standalone_mode=False)
    finally:
        os.chdir(old)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return int(result.return_value or 0), result.output


def test_convert_and_export_use_the_files_project_config(tree: Path) -> None:
    schema = "https://handbook.example/role.schema.json"
    _write(tree / "alpha" / ".roledef.toml", f'yaml-schema = "{schema}"\n')
    outside = tree.parent / "elsewhere"
    role = str(tree / "alpha" / "roles" / "alpha-role.md")
    code, output = _cli(outside, "convert", role)
    assert code == 0
    assert output.startswith(f"# yaml-language-server: $schema={schema}\n")
    # export reads the posting fields of the file's project
    _write(
        tree / "beta" / "pyproject.toml",
        '[tool.roledef.posting]\nhiring-organization = "Beta Org"\ndate-posted = "2026-01-05"\n'
        'location = "Lyon"\ncountry = "FR"\n',
    )
    code, output = _cli(
        outside,
        "export",
        "--to",
        "jsonld",
        "--posting",
        str(tree / "beta" / "roles" / "beta-role.md"),
    )
    assert code == 0
    assert '"addressLocality": "Lyon"' in output
