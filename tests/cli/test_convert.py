"""`roledef convert`, `roledef schema` and `roledef --version` as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from roledef import __version__
from roledef.read.schema import load_schema, validate
from tests.helpers import EXAMPLES, ROOT

SRE = EXAMPLES / "site-reliability-engineer.md"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "roledef", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


@pytest.mark.slow
def test_convert_help_documents_the_options() -> None:
    result = run("convert", "--help")
    assert result.returncode == 0
    for option in ("--format", "--output-dir", "--force", "--with-positions"):
        assert option in result.stdout


@pytest.mark.slow
def test_one_file_to_stdout_with_schema_modeline() -> None:
    # in this project, which keeps the schema in schemas/: named relative to where it is written
    result = run("convert", str(SRE), cwd=EXAMPLES)
    assert result.returncode == 0, result.stderr
    first = result.stdout.split("\n", 1)[0]
    assert first == "# yaml-language-server: $schema=../schemas/role.schema.json"
    assert (EXAMPLES / "../schemas/role.schema.json").is_file()
    assert "hiring_plan:" in result.stdout
    assert "position" not in result.stdout


def test_the_schema_line_is_configurable_and_never_an_address_that_does_not_resolve(
    tmp_path: Path,
) -> None:
    role = tmp_path / "dev.md"
    role.write_text("# Dev\n\n## Responsibilities\n\n- Code\n", encoding="utf-8")
    (tmp_path / ".roledef.toml").write_text("", encoding="utf-8")  # a project without a schema
    assert run("convert", str(role), cwd=tmp_path).stdout.startswith("schema_version: ")
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "role.schema.json").write_text("{}", encoding="utf-8")
    out = tmp_path / "out"
    assert run("convert", "--output-dir", str(out), str(role), cwd=tmp_path).returncode == 0
    first = (out / "dev.yaml").read_text("utf-8").split("\n", 1)[0]
    assert first == "# yaml-language-server: $schema=../schemas/role.schema.json"
    (tmp_path / ".roledef.toml").write_text('yaml-schema = "none"\n', encoding="utf-8")
    assert run("convert", str(role), cwd=tmp_path).stdout.startswith("schema_version: ")
    url = "https://example.com/role.schema.json"
    named = run("convert", "--yaml-schema", url, str(role), cwd=tmp_path).stdout
    assert named.startswith(f"# yaml-language-server: $schema={url}\n")


@pytest.mark.slow
def test_example_yaml_is_current() -> None:
    """examples/site-reliability-engineer.yaml is what convert writes for the markdown."""
    result = run("convert", str(SRE), cwd=EXAMPLES)
    assert result.stdout == (EXAMPLES / "site-reliability-engineer.yaml").read_text("utf-8")


@pytest.mark.slow
def test_yaml_keeps_schema_order_and_block_scalars() -> None:
    from ruamel.yaml import YAML

    text = run("convert", str(SRE)).stdout
    data = YAML(typ="safe", pure=True).load(text)
    # every key in schema order; levels only when the role has levels, and it has none
    assert list(data) == [k for k in load_schema()["properties"] if k != "levels"]
    assert "summary: |" in text
    assert list(validate(data)) == []


@pytest.mark.slow
def test_json_and_positions() -> None:
    result = run("convert", "--format", "json", "--with-positions", str(SRE))
    data = json.loads(result.stdout)
    assert list(validate(data)) == []
    step = data["hiring_plan"][2]
    assert step["name"] == "Technical Interview"
    lines = SRE.read_text("utf-8").split("\n")
    assert lines[step["position"]["line"] - 1].startswith("1. Technical Interview")


@pytest.mark.slow
def test_output_file_is_not_overwritten_without_force(tmp_path: Path) -> None:
    out = tmp_path / "role.yaml"
    out.write_text("keep me\n", encoding="utf-8")
    result = run("convert", str(SRE), "-o", str(out))
    assert result.returncode == 2
    assert "exists" in result.stderr and "--force" in result.stderr
    assert out.read_text("utf-8") == "keep me\n"
    result = run("convert", str(SRE), "-o", str(out), "--force")
    assert result.returncode == 0
    assert out.read_text("utf-8").startswith("# yaml-language-server")
    assert [p.name for p in tmp_path.iterdir()] == ["role.yaml"]  # no temporary files left


@pytest.mark.slow
def test_batch_goes_on_after_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"# Role\n\xff\xfe broken\n")
    out = tmp_path / "out"
    result = run(
        "convert", str(bad), str(tmp_path / "missing.md"), str(SRE), "--output-dir", str(out)
    )
    assert result.returncode == 2
    lines = result.stderr.strip().split("\n")
    assert len(lines) == 2
    assert str(bad) in lines[0] and "UTF-8" in lines[0] and ":2" in lines[0]
    assert "missing.md: no such file" in lines[1]
    assert "Traceback" not in result.stderr
    assert (out / "site-reliability-engineer.yaml").is_file()


@pytest.mark.slow
def test_several_files_need_an_output_dir() -> None:
    result = run("convert", str(SRE), str(EXAMPLES / "minimal-role.md"))
    assert result.returncode == 2
    assert "--output-dir" in result.stderr


def test_schema_command_prints_the_schema_file() -> None:
    result = run("schema")
    assert result.returncode == 0
    assert result.stdout == (ROOT / "schemas" / "role.schema.json").read_text("utf-8")


def test_packaged_schema_and_repository_schema_do_not_drift() -> None:
    packaged = ROOT / "src" / "roledef" / "schemas" / "role.schema.json"
    public = ROOT / "schemas" / "role.schema.json"
    assert public.read_bytes() == packaged.read_bytes()


@pytest.mark.slow
def test_python_dash_m_and_console_script_agree() -> None:
    exe = Path(sys.executable).parent / ("roledef.exe" if os.name == "nt" else "roledef")
    if not exe.exists():
        pytest.skip("the roledef console script is not installed beside this Python")
    script = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    assert script.stdout == run("--version").stdout


def test_the_configs_heading_aliases_are_read(tmp_path: Path) -> None:
    # a handbook in German: "Ihre Aufgaben" is its duty list, as its config says
    role = tmp_path / "dev.md"
    role.write_text("# Dev\n\n## Ihre Aufgaben\n\n- Code schreiben\n", encoding="utf-8")
    without = json.loads(run("convert", "--format", "json", str(role), cwd=tmp_path).stdout)
    assert without["responsibilities"] == []
    (tmp_path / ".roledef.toml").write_text(
        'aliases = { "ihre aufgaben" = "responsibilities" }\n', encoding="utf-8"
    )
    found = json.loads(run("convert", "--format", "json", str(role), cwd=tmp_path).stdout)
    assert [item["description"] for item in found["responsibilities"]] == ["Code schreiben"]
    (tmp_path / ".roledef.toml").write_text("aliases = 3\n", encoding="utf-8")
    bad = run("convert", str(role), cwd=tmp_path)
    assert bad.returncode == 2 and ".roledef.toml" in bad.stderr


def test_a_folder_converts_its_role_files_and_skips_the_rest(tmp_path: Path) -> None:
    handbook = tmp_path / "handbook"
    handbook.mkdir()
    (handbook / "data-analyst.md").write_text(
        "# Data Analyst\n\n## Responsibilities\n\n- Answer questions with data.\n", "utf-8"
    )
    (handbook / "index.md").write_text(
        "# Job Descriptions\n\n- [Data Analyst](data-analyst.md)\n- [SRE](sre.md)\n"
        "- [Designer](designer.md)\n",
        "utf-8",
    )
    (handbook / "workflow.yml").write_text("name: ci\non: push\n", "utf-8")
    assert run("convert", str(handbook), cwd=tmp_path).returncode == 2  # needs --output-dir
    out = tmp_path / "out"
    result = run("convert", "--output-dir", str(out), str(handbook), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["data-analyst.yaml"]
    assert "2 files skipped: not role files" in result.stderr
    named = run("convert", str(handbook / "index.md"), cwd=tmp_path)
    assert named.returncode == 2 and "not a role file" in named.stderr
