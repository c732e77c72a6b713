"""Helpers for the robustness tests: run roledef in-process and build hostile files."""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from pathlib import Path

from roledef.cli import main

ROLE = """---
navTitle: Site Reliability Engineer
---
# Site Reliability Engineer

## Job Description

Keeps things up. Reports to the VP of Engineering.

* Own: the pager
* Automate: the toil

## Skills

* Linux: deep
* Go: some

### Nice to Have

* Rust

## Hiring Plan

1. Intro call (30m): a first chat. Done by the recruiter.
2. CTO Interview (45m): systems design.
"""


@dataclass(frozen=True)
class Run:
    rc: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


def run_cli(*args: str) -> Run:
    """``roledef ARGS`` in this process: exit code, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    rc = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(list(args))
        except SystemExit as exc:
            rc = exc.code if isinstance(exc.code, int) else 1
    return Run(rc, out.getvalue(), err.getvalue())


def write(path: Path, data: str | bytes) -> Path:
    """Write exact bytes (text is UTF-8, line endings untouched)."""
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def assert_no_traceback(run: Run) -> None:
    assert "Traceback" not in run.err, run.err
    assert "Traceback" not in run.out
