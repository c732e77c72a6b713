"""``roledef lint -``: a text from standard input, checked as the file ``--stdin-filename`` names
(its config, format, ignores and messages), and with ``--fix`` given back fixed on stdout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from roledef.cli import cli
from tests.helpers import ROOT, corpus_files, corpus_skip_reason
from tests.helpers.lint import lint_in

#: A role without front matter (RD101, an error), with an unknown section (RD201) and a heading
#: that ends with a colon (RD202, fixable).
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
FIXED = ROLE.replace("## Hiring Plan:", "## Hiring Plan")


def _stdin(cwd: Path, data: bytes | str, *args: str) -> Result:
    """``roledef lint ARGS`` in ``cwd`` with ``data`` on standard input."""
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, ["lint", *args], input=data, standalone_mode=False)
    finally:
        os.chdir(old)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def _code(result: Result) -> int:
    return int(result.return_value if result.return_value is not None else result.exit_code)


def _json_codes(result: Result) -> list[tuple[str, str, int]]:
    return [(f["path"], f["code"], f["line"]) for f in json.loads(result.stdout)]


def test_dash_reads_markdown_named_dash(tmp_path: Path) -> None:
    result = _stdin(tmp_path, ROLE, "-", "--output-format", "json")
    assert _code(result) == 1
    assert _json_codes(result) == [("-", "RD101", 1), ("-", "RD201", 15), ("-", "RD202", 19)]


def test_stdin_filename_decides_path_config_and_ignores(tmp_path: Path) -> None:
    project = tmp_path / "handbook"
    (project / "roles").mkdir(parents=True)
    (project / ".roledef.toml").write_text(
        'ignore = ["RD101"]\n[per-file-ignores]\n"roles/support*" = ["RD201"]\n'
    )
    name = "handbook/roles/support-engineer.md"  # it need not exist
    result = _stdin(tmp_path, ROLE, "--stdin-filename", name, "--output-format", "json")
    assert _code(result) == 0  # only the warning of RD202 is left
    assert _json_codes(result) == [(name, "RD202", 19)]


def test_stdin_equals_the_file_it_stands_for(tmp_path: Path) -> None:
    for example in ("defective-role.md", "site-reliability-engineer.yaml"):
        path = ROOT / "examples" / example
        named = _stdin(ROOT, b"", "--no-cache", "--output-format", "json", str(path))
        piped = _stdin(
            ROOT, path.read_bytes(), "--stdin-filename", str(path), "--output-format", "json", "-"
        )
        assert (_code(piped), piped.stdout) == (_code(named), named.stdout), example


def test_yaml_name_reads_yaml(tmp_path: Path) -> None:
    text = (ROOT / "examples" / "site-reliability-engineer.yaml").read_text()
    as_yaml = _stdin(tmp_path, text, "--stdin-filename", "sre.yaml", "--output-format", "json")
    as_markdown = _stdin(tmp_path, text, "-", "--output-format", "json")
    assert _code(as_yaml) == 0 and json.loads(as_yaml.stdout) == []
    assert json.loads(as_markdown.stdout)  # read as markdown, YAML is no role file


def test_fix_writes_the_fixed_text_to_stdout_and_findings_to_stderr(tmp_path: Path) -> None:
    result = _stdin(tmp_path, ROLE, "--fix", "--stdin-filename", "support.md")
    assert result.stdout == FIXED
    assert "support.md: fixed RD202 heading-punctuation" in result.stderr
    assert "support.md:1:1: RD101" in result.stderr
    assert "RD202" not in result.stderr.split("fixed 1 finding")[-1]
    assert _code(result) == 1  # the error left


def test_fix_gives_the_same_text_as_fixing_the_file(tmp_path: Path) -> None:
    text = ROLE.replace("\n", "\r\n").encode()
    (tmp_path / "support.md").write_bytes(text)
    piped = _stdin(tmp_path, text, "--fix", "-")
    lint_in(tmp_path, "--no-cache", "--fix", "support.md")
    assert piped.stdout_bytes == (tmp_path / "support.md").read_bytes()
    assert b"\r\n" in piped.stdout_bytes


def test_fix_with_nothing_to_fix_gives_the_text_back_byte_for_byte(tmp_path: Path) -> None:
    text = FIXED.replace("\n", "\r\n").encode()
    result = _stdin(tmp_path, text, "--fix", "-")
    assert result.stdout_bytes == text


def test_fix_output_file_gets_the_findings(tmp_path: Path) -> None:
    report = tmp_path / "findings.json"
    result = _stdin(
        tmp_path, ROLE, "--fix", "-", "--output-format", "json", "--output-file", str(report)
    )
    assert result.stdout == FIXED
    assert [f["code"] for f in json.loads(report.read_text())] == ["RD101", "RD201"]


def test_diff_prints_the_fix_as_a_diff(tmp_path: Path) -> None:
    result = _stdin(tmp_path, ROLE, "--diff", "--stdin-filename", "support.md")
    assert _code(result) == 1
    assert result.stdout.startswith("--- a/support.md\n+++ b/support.md\n")
    assert "-## Hiring Plan:\n+## Hiring Plan\n" in result.stdout
    assert _code(_stdin(tmp_path, ROLE, "--diff", "--exit-zero", "-")) == 0
    nothing = _stdin(tmp_path, FIXED, "--diff", "-")
    assert (_code(nothing), nothing.stdout) == (0, "")


def test_undecodable_input_is_an_unreadable_file(tmp_path: Path) -> None:
    data = ROLE.encode().replace(b"Fruit", b"Fr\xffuit")
    result = _stdin(tmp_path, data, "-", "--stdin-filename", "bad.md")
    assert _code(result) == 2
    assert "bad.md:17:5: RD002" in result.stdout
    assert "not valid UTF-8" in result.stdout
    fixed = _stdin(tmp_path, data, "--fix", "--stdin-filename", "bad.md")
    assert fixed.stdout_bytes == data  # given back as it came
    assert _code(fixed) == 2
    assert "bad.md: not fixed" in fixed.stderr


def test_empty_input_is_an_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.md").write_text("")
    named = _stdin(tmp_path, b"", "--no-cache", "--output-format", "json", "empty.md")
    piped = _stdin(tmp_path, b"", "--stdin-filename", "empty.md", "--output-format", "json")
    assert (_code(piped), piped.stdout) == (_code(named), named.stdout)
    assert _stdin(tmp_path, b"", "--fix", "-").stdout_bytes == b""


def test_input_over_max_file_size(tmp_path: Path) -> None:
    (tmp_path / ".roledef.toml").write_text("max-file-size = 100\n")
    result = _stdin(tmp_path, ROLE, "-")
    assert _code(result) == 2
    assert "-:1:1: RD002" in result.stdout and "100-byte limit" in result.stdout
    fixed = _stdin(tmp_path, ROLE, "--fix", "-")
    assert fixed.stdout == ROLE  # all of it, not the part read to check it
    assert _code(fixed) == 2


def test_excluded_name_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / ".roledef.toml").write_text('exclude = ["drafts"]\n')
    result = _stdin(tmp_path, ROLE, "--stdin-filename", "drafts/new.md")
    assert (_code(result), result.stdout) == (0, "")
    fixed = _stdin(tmp_path, ROLE, "--fix", "--stdin-filename", "drafts/new.md")
    assert (_code(fixed), fixed.stdout) == (0, ROLE)


def test_a_broken_config_is_named_and_fix_still_gives_the_text_back(tmp_path: Path) -> None:
    (tmp_path / ".roledef.toml").write_text("ignore = [\n")
    result = _stdin(tmp_path, ROLE, "--fix", "--stdin-filename", "support.md")
    assert (_code(result), result.stdout) == (2, ROLE)
    assert ".roledef.toml: invalid TOML" in result.stderr


def test_not_a_role_text_warns_as_a_named_file(tmp_path: Path) -> None:
    page = "# Our hiring process\n\nWe hire in three steps.\n"
    result = _stdin(tmp_path, page, "-")
    assert "RD005" in result.stdout
    skipped = _stdin(tmp_path, page, "-", "--skip-non-roles", "--output-format", "json")
    assert json.loads(skipped.stdout) == []


@pytest.mark.parametrize(
    "args",
    [
        ("-", "other.md"),
        ("--stdin-filename", "x.md", "other.md"),
        ("-", "--write-baseline", "base.json"),
    ],
)
def test_stdin_with_files_is_a_usage_error(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, ["lint", *args], input=ROLE)
    assert result.exit_code == 2
    assert "standard input" in result.output


@pytest.mark.slow
def test_through_real_pipes(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "roledef", "lint", "--fix", "--stdin-filename", "s.md", "-"],
        input=ROLE.encode(),
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert run.returncode == 1
    assert run.stdout == FIXED.encode()
    assert b"s.md:1:1: RD101" in run.stderr


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.skipif(not corpus_files(), reason=corpus_skip_reason())
def test_corpus_files_read_from_stdin_as_from_disk() -> None:
    for path in corpus_files()[::10]:
        named = _stdin(ROOT, b"", "--no-cache", "--output-format", "json", str(path))
        piped = _stdin(
            ROOT, path.read_bytes(), "--output-format", "json", "--stdin-filename", str(path)
        )
        assert (_code(piped), piped.stdout) == (_code(named), named.stdout), path
