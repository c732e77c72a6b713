"""What a terminal shows: the command list in the order a user needs it, rule docs as plain text."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from roledef.cli import COMMANDS, cli
from roledef.lint.rules import RULES, clean_doc
from roledef.lint.rules.docs import plain_text


def _invoke(*args: str) -> click.testing.Result:
    return CliRunner().invoke(cli, list(args), standalone_mode=False)


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ("A ``navTitle`` key.", "A 'navTitle' key."),
        ("Two ``a`` and ``b-c``.", "Two 'a' and 'b-c'."),
        ("A literal that ``wraps\nacross`` lines.", "A literal that 'wraps\nacross' lines."),
        ("Failing::\n\n    ## Skils\n", "Failing:\n\n    ## Skils\n"),
        ("Failing (``role.yaml``)::\n\n    a: 1", "Failing ('role.yaml'):\n\n    a: 1"),
        ("An example ::\n\n    x", "An example\n\n    x"),
        ("Example:\n\n::\n\n    x", "Example:\n\n\n\n    x"),
        # an example is shown as written, double backticks and all
        (
            "Passing::\n\n    ``kept``::\n\nAfter ``it``.",
            "Passing:\n\n    ``kept``::\n\nAfter 'it'.",
        ),
        ("No markup: a colon, a time 10:30.", "No markup: a colon, a time 10:30."),
    ],
)
def test_plain_text(doc: str, expected: str) -> None:
    assert plain_text(doc) == expected


@pytest.mark.parametrize("code", list(RULES))
def test_explain_prints_no_restructuredtext(code: str) -> None:
    result = _invoke("explain", code)
    assert result.exit_code == 0 and result.return_value == 0
    prose = [line for line in result.output.splitlines() if not line.startswith("    ")]
    assert not [line for line in prose if "``" in line or line.endswith("::")], result.output
    assert "\nFailing" in result.output and "\nPassing:" in result.output
    # the examples are the docstring's own lines
    examples = [line for line in clean_doc(RULES[code]).splitlines() if line.startswith("    ")]
    assert all(line in result.output.splitlines() for line in examples)


def test_explain_names_the_config_keys_and_defaults() -> None:
    assert (
        _invoke("explain", "RD205").output.splitlines()[1] == "Applies to: markdown; on by default."
    )
    out = _invoke("explain", "RD303").output
    assert "Config keys: 'max-step-minutes' (default '480')." in out


def test_explain_unknown_rule_guesses() -> None:
    result = _invoke("explain", "unknown-sectoin")
    assert result.return_value == 2
    assert result.stderr == (
        "roledef: unknown rule 'unknown-sectoin'; did you mean 'unknown-section'?"
        " (see roledef rules)\n"
    )


def test_rules_table_is_plain_text() -> None:
    out = _invoke("rules").output
    assert "``" not in out
    assert "'navTitle'" in out


def test_top_level_help_lists_commands_in_order_with_whole_summaries() -> None:
    out = _invoke("--help").output
    listed = out.split("Commands:\n", 1)[1].splitlines()
    names = [line.split()[0] for line in listed if line.startswith("  ") and line[2] != " "]
    assert names == list(COMMANDS)
    assert names[0] == "lint"
    assert "..." not in "\n".join(listed)
    for name in names:
        command = cli.get_command(click.Context(cli), name)
        assert command is not None and command.help
        first = command.help.split("\n\n")[0]
        summary = " ".join(first.split())
        assert summary.endswith("."), name
        assert f"  {name}" in out and " ".join(out.split()).count(summary) == 1, name


@pytest.mark.parametrize("name", list(COMMANDS))
def test_help_points_at_nothing_an_installed_package_lacks(name: str) -> None:
    result = _invoke(name, "--help")
    assert result.exit_code == 0
    assert "docs/" not in result.output
