"""What ``roledef lint`` of one valid role file imports: nothing that such a run does not use.

A pre-commit hook runs ``roledef lint`` on the files of each commit, and most of its time is
start-up. These tests run the command in a fresh process and list the modules it had imported
when it exited: none may be on the forbidden list (libraries a valid file does not need, other
commands, other output formats, the fix, write and handbook packages).
``python benchmarks/imports.py`` measures what the allowed ones cost.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import roledef
from tests.helpers import EXAMPLES

pytestmark = pytest.mark.slow

#: Modules (and their submodules) a lint run of a valid role file must not import, and why.
FORBIDDEN: dict[str, str] = {
    "jsonschema": "a valid role is recognised by roledef.read.fastschema",
    "difflib": "only a near miss of a known heading or title needs it",
    **{
        parser: "another markdown parser"
        for parser in ("markdown", "mistune", "marko", "mistletoe")
    },
    "tomllib": "no config file here",
    "roledef.configschema": "the config schema is a packaged file",
    "roledef.commands.convert": "another command",
    "roledef.commands.export": "another command",
    "roledef.commands.lintfix": "only --fix and --diff",
    "roledef.commands.new": "another command",
    "roledef.commands.outputs": "other commands' output",
    "roledef.commands.render": "another command",
    "roledef.commands.report": "another command",
    "roledef.commands.rules": "another command",
    "roledef.commands.schema": "another command",
    "roledef.fix": "only --fix and --diff",
    "roledef.handbook": "roledef report",
    "roledef.write": "convert, render, export and new",
    "roledef.lint.baseline": "only --baseline and --write-baseline",
    "roledef.lint.rules.docs": "roledef rules",
    "roledef.lint.suppress": "only a file with comments",
    "roledef.lint.formats.github": "another output format",
    "roledef.lint.formats.gitlab": "another output format",
    "roledef.lint.formats.json_findings": "another output format",
    "roledef.lint.formats.junit": "another output format",
    "roledef.lint.formats.sarif": "another output format",
    "roledef.lint.formats.jobsummary": "only in GitHub Actions ($GITHUB_STEP_SUMMARY)",
    "roledef.read.structured": "YAML role files",
    "markdown_it": "the markdown parser roledef replaced (the tests' reference)",
    "cmarkgfm": "the tests' referee for CommonMark",
}

#: Runs the command line with the arguments given, and writes the names of the modules imported
#: by the time the process exits to the file named by the first one.
_WRAPPER = """\
import atexit, sys
out = sys.argv.pop(1)
atexit.register(lambda: open(out, "w").write("\\n".join(sorted(sys.modules))))
from roledef.cli import main
main(sys.argv[1:])
"""


def _imported(tmp_path: Path, *args: str) -> set[str]:
    """The modules a fresh ``roledef ARGS`` process imported, run in ``tmp_path``."""
    listing = tmp_path / "modules.txt"
    env = {**os.environ, "PYTHONPATH": str(Path(roledef.__file__).parent.parent)}
    env.pop("ROLEDEF_NO_CACHE", None)  # (the tests' plain environment turns the cache off)
    run = subprocess.run(
        [sys.executable, "-c", _WRAPPER, str(listing), *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return set(listing.read_text(encoding="utf-8").split("\n"))


def _forbidden(modules: set[str]) -> list[str]:
    return sorted(
        f"{module} ({why})"
        for module in modules
        for banned, why in FORBIDDEN.items()
        if module == banned or module.startswith(banned + ".")
    )


def _role_file(folder: Path) -> None:
    """A valid role file, ``role.md``, last changed a minute ago (the cache does not trust a
    file changed in the last moments)."""
    path = folder / "role.md"
    shutil.copy(EXAMPLES / "site-reliability-engineer.md", path)
    then = time.time() - 60
    os.utime(path, (then, then))


@pytest.mark.parametrize("cache", [False, True], ids=["no-cache", "cache"])
def test_lint_of_a_valid_file_imports_only_what_it_uses(tmp_path: Path, cache: bool) -> None:
    _role_file(tmp_path)
    args = ["lint", "role.md"] if cache else ["lint", "--no-cache", "role.md"]
    modules = _imported(tmp_path, *args)
    assert "roledef.commands.lint" in modules  # (the listing works)
    assert _forbidden(modules) == []
    if cache:  # the file is now stored: a rerun reads nothing, not even the parser's imports
        again = _imported(tmp_path, *args)
        assert "roledef.read.markdown" not in again
        assert _forbidden(again) == []


def test_the_forbidden_list_catches_an_import(tmp_path: Path) -> None:
    _role_file(tmp_path)
    modules = _imported(tmp_path, "lint", "--no-cache", "--output-format", "sarif", "role.md")
    assert "roledef.lint.formats.sarif (another output format)" in _forbidden(modules)
