"""The guarantees: an internal error is one line naming the file and exit 3 (a traceback only
with --debug); the rest of a batch still gets its answer; nothing reaches the network."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.robust import ROLE, assert_no_traceback, run_cli, write


class Bug(Exception):
    pass


def _break_the_parser_on(monkeypatch: pytest.MonkeyPatch, marker: str) -> None:
    """Simulate a bug in roledef: parsing any text that holds ``marker`` raises."""
    import roledef.read.markdown

    real = roledef.read.markdown.parse_markdown

    def buggy(text: str, *args: object, **kwargs: object) -> object:
        if marker in text:
            raise Bug("boom\nsecond line")
        return real(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(roledef.read.markdown, "parse_markdown", buggy)


def test_convert_internal_error_is_one_line_naming_the_file_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _break_the_parser_on(monkeypatch, "TRIGGER")
    bad = write(tmp_path / "bad.md", ROLE + "\nTRIGGER\n")
    good = write(tmp_path / "good.md", ROLE)
    out = tmp_path / "out"
    result = run_cli("convert", "--output-dir", str(out), str(bad), str(good))
    assert_no_traceback(result)
    assert result.rc == 3
    assert result.err_lines == [
        f"roledef: {bad}: internal error: Bug: boom second line. Please report it with the file "
        "that caused it (run with --debug for the traceback)."
    ]
    assert (out / "good.yaml").is_file() and not (out / "bad.yaml").exists()


def test_debug_shows_the_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _break_the_parser_on(monkeypatch, "TRIGGER")
    bad = write(tmp_path / "bad.md", "TRIGGER\n")
    with pytest.raises(Bug) as caught:
        run_cli("--debug", "convert", str(bad))
    assert getattr(caught.value, "roledef_path", None) == str(bad)


def test_lint_internal_error_names_the_file_with_exit_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _break_the_parser_on(monkeypatch, "TRIGGER")
    bad = write(tmp_path / "bad.md", ROLE + "\nTRIGGER\n")
    result = run_cli("lint", str(write(tmp_path / "good.md", ROLE)), str(bad))
    assert_no_traceback(result)
    assert result.rc == 3
    # reported on the file itself, and the other file is still checked
    assert f"{bad}:1:1: RD002 [error] roledef failed on this file (Bug: boom second line)" in (
        result.out
    )
    assert "of 2 files" in result.out


@pytest.mark.slow
def test_internal_error_from_a_real_process(tmp_path: Path) -> None:
    """The installed entry point, not just main(): one line on stderr and exit 3."""
    bad = write(tmp_path / "bad.md", ROLE)
    script = (
        "import roledef.read.markdown as c\n"
        "def boom(*a, **k): raise RuntimeError('kaput')\n"
        "c.parse_markdown = boom\n"
        "from roledef.cli import main\n"
        f"main(['convert', {str(bad)!r}])\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 3
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert f"{bad}: internal error: RuntimeError: kaput" in proc.stderr


def test_no_network_and_no_subprocess(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command on hostile input, with sockets and process spawning made to fail loudly."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("roledef tried to open a connection or start a process")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(subprocess, "Popen", refuse)
    import os

    monkeypatch.setattr(os, "system", refuse)
    hostile = (
        "---\nnavTitle: X\n$schema: https://example.invalid/schema.json\n---\n"
        "# X\n\n[link](https://example.invalid/)\n\n![img](http://example.invalid/a.png)\n"
        '<img src="http://example.invalid/b.png">\n' + ROLE.split("---\n", 2)[2]
    )
    role = write(tmp_path / "role.md", hostile)
    converted = run_cli("convert", "-o", str(tmp_path / "role.yaml"), str(role))
    assert converted.rc == 0, converted.err
    yaml_role = tmp_path / "role.yaml"
    for args in (
        ("lint", str(role), str(yaml_role)),
        ("render", str(yaml_role)),
        ("schema",),
        ("lint", "--config", str(write(tmp_path / "c.toml", "select = ['ALL']\n")), str(role)),
    ):
        result = run_cli(*args)
        assert_no_traceback(result)
        assert result.rc in (0, 1), (args, result)
