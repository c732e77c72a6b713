"""Lint small inline documents the way ``roledef lint`` does, for the per-rule case tables.

The one place the tests call the engine on in-memory text: if its API is renamed, change
:func:`lint_files` (and :func:`lint_folder` for files on disk) and nothing else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from roledef.config import Config, resolve_config
from roledef.findings import Finding
from roledef.lint.engine import run
from roledef.lint.result import collect
from roledef.read import Source

#: What a case table expects of one finding: code, line, column and a piece of its message.
Expected = tuple[str, int, int, str]

#: The front matter and title the inline cases start from (the title is on line 6).
FRONT_MATTER = "---\nnavTitle: Data Engineer\nnavGroup: Job Descriptions\n---\n\n"
HEAD = FRONT_MATTER + "# Data Engineer\n\n"

#: A complete role that no rule finds anything in (as ``data-engineer.md``).
ROLE = (
    HEAD
    + """## Job Description

The Data Engineer builds the pipelines that turn events into reports.

## Responsibilities

* Pipelines: Build and run the event pipeline.

## Skills

* SQL: Writes clear queries.

## Hiring Plan

1. Screening call (20m): Motivation. Done by the recruiter.
1. Technical Interview (60m): Model a warehouse. Done by a Senior Data Engineer.
"""
)

#: The same role as a YAML role file (as ``data-engineer.yaml``): every rule passes it.
YAML_ROLE = """\
schema_version: 2
id: data-engineer
title: Data Engineer
front_matter:
  navTitle: Data Engineer
  navGroup: Job Descriptions
summary: The Data Engineer builds the pipelines that turn events into reports.
responsibilities:
  - name: Pipelines
    description: Build and run the event pipeline.
skills:
  required:
    - name: SQL
      description: Writes clear queries.
  nice_to_have: []
hiring_plan:
  - name: Technical Interview
    owners: [a Senior Data Engineer]
    duration_minutes: 60
"""


def hiring_plan(*steps: str) -> str:
    """A ``## Hiring Plan`` section with one numbered step per argument (steps from line 3)."""
    return "## Hiring Plan\n\n" + "".join(f"1. {step}\n" for step in steps)


def config(**options: Any) -> Config:
    """A config from keyword options, ``_`` standing for ``-``: ``max_step_minutes=60``."""
    return resolve_config({key.replace("_", "-"): value for key, value in options.items()})


def lint_files(files: Mapping[str, str], **options: Any) -> list[Finding]:
    """The findings of a run over in-memory files (path -> text), after the cross-file rules,
    suppressions and per-file ignores, in the order ``roledef lint`` reports them."""
    resolved = config(**options)
    sources = [Source(path, text) for path, text in files.items()]
    return list(collect(run(sources, resolved)).findings)


def lint_findings(text: str, path: str = "role.md", **options: Any) -> list[Finding]:
    """The findings of one in-memory file; a ``.yaml``/``.yml`` path is read as a YAML role."""
    return lint_files({path: text}, **options)


def lint_folder(folder: Path, files: Mapping[str, str | bytes], **options: Any) -> list[Finding]:
    """Write ``files`` (name -> text or exact bytes) into ``folder`` and lint the folder."""
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return list(collect(run([str(folder)], config(**options))).findings)


def assert_findings(findings: Sequence[Finding], expected: Sequence[Expected]) -> None:
    """Exactly the expected findings, in order: same code, line and column, and each message
    contains its expected piece."""
    got = [(f.code, f.line, f.column, f.message) for f in findings]
    assert [g[:3] for g in got] == [e[:3] for e in expected], got
    for (*_, message), (*_, piece) in zip(got, expected, strict=True):
        assert piece in message, (piece, message)


def lint_in(cwd: Path, *args: str) -> tuple[int, str]:
    """``roledef lint ARGS`` run in ``cwd``, as a user runs it there: (exit code, output)."""
    import os

    from click.testing import CliRunner

    from roledef.cli import cli

    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, ["lint", *args], standalone_mode=False)
    finally:
        os.chdir(old)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return int(result.return_value or 0), result.output
