"""'Did you mean': a misspelt config key or rule gets the one known name it is a slip for."""

from __future__ import annotations

from pathlib import Path

import pytest

from roledef.config import DEFAULTS, ConfigError, load_config, resolve_config
from roledef.lint.rules import NAMES, RULES, closest, unknown_rule

#: config text -> the end of the message (after the file's name), exactly
MESSAGES = [
    ('selcet = ["RD201"]\n', "unknown key 'selcet'; did you mean 'select'?"),
    ("max_file_size = 10\n", "unknown key 'max_file_size'; did you mean 'max-file-size'?"),
    ('[alias]\n"x" = "extra"\n', "unknown key 'alias'; did you mean 'aliases'?"),
    (
        'ignore = ["RD2O1"]\n',
        "key 'ignore': unknown rule 'RD2O1'; did you mean 'RD201'? (see roledef rules)",
    ),
    (
        'select = ["unknown-sectoin"]\n',
        "key 'select': unknown rule 'unknown-sectoin'; did you mean 'unknown-section'?"
        " (see roledef rules)",
    ),
    (
        '[per-file-ignores]\n"*.md" = ["hiring-step-missing-ownr"]\n',
        "key 'per-file-ignores.*.md': unknown rule 'hiring-step-missing-ownr';"
        " did you mean 'hiring-step-missing-owner'? (see roledef rules)",
    ),
    (
        '[severity]\nunknown-sectoin = "error"\n',
        "key 'severity.unknown-sectoin': unknown rule 'unknown-sectoin';"
        " did you mean 'unknown-section'? (see roledef rules)",
    ),
    # nothing close: no guess
    ('select = ["RD999"]\n', "key 'select': unknown rule 'RD999' (see roledef rules)"),
    (
        'ignore = ["no-such-rule"]\n',
        "key 'ignore': unknown rule 'no-such-rule' (see roledef rules)",
    ),
    # RD208 is one slip from each of RD201 ... RD207: a guess would be a coin toss
    ('ignore = ["RD208"]\n', "key 'ignore': unknown rule 'RD208' (see roledef rules)"),
]


@pytest.mark.parametrize(("toml", "expected"), MESSAGES)
def test_message_names_file_key_and_guess(tmp_path: Path, toml: str, expected: str) -> None:
    path = tmp_path / ".roledef.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(cwd=tmp_path)
    assert str(info.value) == f"{path}: {expected}"


def test_unknown_key_without_a_guess_lists_the_known_keys(tmp_path: Path) -> None:
    (tmp_path / ".roledef.toml").write_text('colour = "red"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown key 'colour' \\(known keys: select, ") as info:
        load_config(cwd=tmp_path)
    assert "did you mean" not in str(info.value)


def test_command_line_selector_is_named_as_the_option(tmp_path: Path) -> None:
    # a config file is found, but the misspelt rule is the command line's
    (tmp_path / ".roledef.toml").write_text('ignore = ["RD206"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(None, {"select": ["unknown-sectoin"]}, cwd=tmp_path)
    assert str(info.value) == (
        "command line: option '--select': unknown rule 'unknown-sectoin';"
        " did you mean 'unknown-section'? (see roledef rules)"
    )


def test_config_selector_is_named_as_the_key_beside_command_line_options(tmp_path: Path) -> None:
    source = tmp_path / ".roledef.toml"
    with pytest.raises(ConfigError, match=r"\.roledef\.toml: key 'ignore': unknown rule 'RD999'"):
        resolve_config({"ignore": ["RD999"]}, {"select": ["RD2"]}, source=source)


def _slips(word: str) -> set[str]:
    """The word with one character left out, or two neighbours swapped."""
    dropped = {word[:i] + word[i + 1 :] for i in range(len(word))}
    swapped = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    return (dropped | swapped) - {word}


@pytest.mark.parametrize(
    ("label", "known"),
    [("config keys", list(DEFAULTS)), ("rule names", list(NAMES)), ("rule codes", list(RULES))],
)
def test_a_slip_is_never_taken_for_another_name(label: str, known: list[str]) -> None:
    right = 0
    slips = [(word, slip) for word in known for slip in _slips(word) if slip not in known]
    for word, slip in slips:
        guess = closest(slip, known)
        assert guess in (word, None), f"{label}: {slip!r} (for {word!r}) taken for {guess!r}"
        right += guess == word
    # names are long and unlike each other: nearly every slip is recognised
    if label != "rule codes":
        assert right / len(slips) > 0.98, (label, right, len(slips))


def test_unknown_rule_message_keeps_the_spelling_given() -> None:
    assert (
        unknown_rule("rd2o1") == "unknown rule 'rd2o1'; did you mean 'RD201'? (see roledef rules)"
    )
    assert closest("", NAMES) is None
