"""A bug in roledef on one file is reported on that file; the other files are still checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from roledef import cli as cli_module
from roledef.lint import check as engine
from tests.helpers import EXAMPLES


def _explode_on(name: str, real: object) -> object:
    def check_text(text: str, path: str, *args: object, **kwargs: object) -> object:
        if path.endswith(name):
            raise ZeroDivisionError("boom")
        return real(text, path, *args, **kwargs)  # type: ignore[operator]

    return check_text


def test_one_failing_file_does_not_hide_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad-role.md"
    bad.write_text("# Bad Role\n", encoding="utf-8")
    defective = EXAMPLES / "defective-role.md"
    monkeypatch.setattr(engine, "check_text", _explode_on("bad-role.md", engine.check_text))
    result = CliRunner().invoke(
        cli_module.cli, ["lint", str(bad), str(defective)], standalone_mode=False
    )
    assert result.return_value == cli_module.EXIT_INTERNAL
    assert f"{bad}:1:1: RD002" in result.output
    assert "ZeroDivisionError: boom" in result.output and "please report" in result.output
    assert "defective-role.md:2:1: RD104" in result.output  # the other file still got its answer


def test_debug_shows_the_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "bad-role.md"
    bad.write_text("# Bad Role\n", encoding="utf-8")
    monkeypatch.setattr(engine, "check_text", _explode_on("bad-role.md", engine.check_text))
    monkeypatch.setenv("ROLEDEF_DEBUG", "1")
    result = CliRunner().invoke(cli_module.cli, ["lint", str(bad)])
    assert isinstance(result.exception, ZeroDivisionError)
