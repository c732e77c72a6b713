"""``roledef lint`` writes its text report file by file; the bytes are those of the whole report.

The streamed report (plain text to stdout) and the rendered one (``--output-file``) must be the
same, with the same exit code, serial or in parallel, on the corpus and the examples.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from roledef.cli import cli
from roledef.config import resolve_config
from roledef.lint.engine import run
from roledef.lint.result import collect
from tests.helpers import EXAMPLES, corpus_path


def _targets() -> list[str]:
    base = corpus_path()
    found = [str(base / f) for f in ("seed", "flowfuse", "flowfuse-history") if (base / f).is_dir()]
    return [*found, str(EXAMPLES)]


@pytest.mark.slow
@pytest.mark.parametrize("options", [[], ["--jobs", "2"], ["--strict"], ["--exit-zero"]])
def test_streamed_text_is_the_rendered_report(tmp_path: Path, options: list[str]) -> None:
    runner = CliRunner()
    streamed = runner.invoke(cli, ["lint", *options, *_targets()])
    out = tmp_path / "report.txt"
    rendered = runner.invoke(cli, ["lint", *options, "--output-file", str(out), *_targets()])
    assert streamed.exit_code == rendered.exit_code
    assert streamed.stdout == out.read_text(encoding="utf-8")


def test_an_empty_run_streams_the_same_summary(tmp_path: Path) -> None:
    runner = CliRunner()
    streamed = runner.invoke(cli, ["lint", str(tmp_path)])
    out = tmp_path / "report.txt"
    rendered = runner.invoke(cli, ["lint", "--output-file", str(out), str(tmp_path)])
    assert (streamed.exit_code, streamed.stdout) == (rendered.exit_code, out.read_text())


def test_lines_are_kept_only_when_asked() -> None:
    config = resolve_config({})
    assert all(
        lines for lines in collect(run([str(EXAMPLES)], config, keep_lines=True)).lines.values()
    )
    lean = collect(run([str(EXAMPLES)], config, keep_lines=False))
    assert not any(lean.lines.values())
