"""Config: every broken config is one line naming the file (and the key), and exit 2."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from tests.helpers.robust import ROLE, assert_no_traceback, run_cli, write

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

#: config text -> words the message must hold (besides the file's name)
BROKEN = {
    "not toml": ("select = [RD1\n", ["invalid TOML"]),
    "unknown key": ("selcet = ['RD1']\n", ["unknown key 'selcet'"]),
    "unknown rule in select": ("select = ['RD999']\n", ["select", "unknown rule 'RD999'"]),
    "unknown rule in ignore": ("ignore = ['no-such-rule']\n", ["ignore", "no-such-rule"]),
    "unknown rule in severity": ("[severity]\nRD999 = 'error'\n", ["severity.RD999"]),
    "bad severity": ("[severity]\nRD201 = 'fatal'\n", ["severity"]),
    "wrong type": ("max-file-size = 'big'\n", ["max-file-size"]),
    "negative size": ("max-file-size = -1\n", ["max-file-size"]),
    "per-file unknown rule": ("[per-file-ignores]\n'*.md' = ['RD999']\n", ["per-file-ignores"]),
    "binary": ("\x00\x01\x02", ["invalid TOML"]),
    "python tag": ("select = '!!python/object/apply:os.system'\n", ["select"]),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_config_names_file_and_key(tmp_path: Path, name: str) -> None:
    text, words = BROKEN[name]
    config = write(tmp_path / ".roledef.toml", text)
    role = write(tmp_path / "role.md", ROLE)
    result = run_cli("lint", "--config", str(config), str(role))
    assert_no_traceback(result)
    assert result.rc == 2, result
    assert len(result.err_lines) == 1, result.err
    assert result.err.startswith(f"roledef: {config}"), result.err
    for word in words:
        assert word in result.err, result.err


def test_found_config_is_named_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "pyproject.toml", "[tool.roledef]\nunknown-thing = 1\n")
    write(tmp_path / "role.md", ROLE)
    monkeypatch.chdir(tmp_path)
    result = run_cli("lint", "role.md")
    assert result.rc == 2
    assert "pyproject.toml" in result.err and "unknown-thing" in result.err


def test_pyproject_table_of_the_wrong_type(tmp_path: Path) -> None:
    config = write(tmp_path / "pyproject.toml", "[tool]\nroledef = 3\n")
    result = run_cli("lint", "--config", str(config), str(write(tmp_path / "r.md", ROLE)))
    assert result.rc == 2 and str(config) in result.err


def test_missing_and_folder_configs(tmp_path: Path) -> None:
    role = str(write(tmp_path / "r.md", ROLE))
    for config in (tmp_path / "nope.toml", tmp_path):
        result = run_cli("lint", "--config", str(config), role)
        assert_no_traceback(result)
        assert result.rc == 2 and str(config) in result.err, result


def test_unreadable_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = write(tmp_path / ".roledef.toml", "select = ['ALL']\n")
    if IS_ROOT:  # root reads through chmod 000: make the open fail instead
        import builtins

        real_open = builtins.open

        def deny(file: object, *args: object, **kwargs: object) -> object:
            if isinstance(file, (str, Path)) and Path(file) == config:
                raise PermissionError(errno.EACCES, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

        monkeypatch.setattr(builtins, "open", deny)
    else:
        config.chmod(0)
    result = run_cli("lint", "--config", str(config), str(write(tmp_path / "r.md", ROLE)))
    assert result.rc == 2
    assert str(config) in result.err and "Permission denied" in result.err


def test_a_config_that_is_not_utf8(tmp_path: Path) -> None:
    config = write(tmp_path / ".roledef.toml", "# caf\xe9\nselect = ['ALL']\n".encode("latin-1"))
    result = run_cli("lint", "--config", str(config), str(write(tmp_path / "r.md", ROLE)))
    assert_no_traceback(result)
    assert result.rc == 2 and str(config) in result.err


def test_a_huge_alias_table_in_config_is_only_data(tmp_path: Path) -> None:
    """Config values are data: a section alias that looks like code is just an unknown name."""
    config = write(
        tmp_path / ".roledef.toml",
        "[aliases]\n'__import__(\"os\").system(\"touch PWNED\")' = 'skills'\n",
    )
    result = run_cli("lint", "--config", str(config), str(write(tmp_path / "r.md", ROLE)))
    assert_no_traceback(result)
    assert not (tmp_path / "PWNED").exists() and not Path("PWNED").exists()
