"""The README's two commands: the set-up a new user copies, on a fresh clone, with only ``python3``.

The first one is run here as written, in a fresh clone and with no virtual environment active;
the second one is what ``.ci/run`` runs (a test of it would run the whole suite inside itself).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import ROOT

README = ROOT / "README.md"


def readme_commands() -> list[str]:
    """The commands of the README's first two ``sh`` blocks."""
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    return [block.strip() for block in blocks[:2]]


def test_the_commands_need_only_python3_and_make_their_own_environment() -> None:
    install, tests = readme_commands()
    for command in (install, tests):
        assert "\n" not in command, command  # one line, copied at once
        assert command.startswith("python3 -m venv .venv && .venv/bin/python -m pip install -e ")
        # no command run from the PATH but python3: not python, pip, roledef or pytest
        assert not re.search(r"(?:^|&&\s*)(?:python|pip|roledef|pytest)\b", command), command
    assert install.endswith(".venv/bin/roledef lint --exit-zero examples/")
    assert tests.endswith(".venv/bin/python -m pytest")


def test_ci_runs_the_readmes_test_command() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in script


@pytest.mark.slow
@pytest.mark.network
def test_the_first_command_works_on_a_fresh_clone(tmp_path: Path) -> None:
    if shutil.which("git") is None or shutil.which("python3") is None:
        pytest.skip("git and python3 are needed to try the README's command")
    clone = tmp_path / "roledef"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    # a new user's shell: no virtual environment active, no PYTHONPATH pointing at a checkout
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    venv_bin = str(Path(os.environ.get("VIRTUAL_ENV", "/nonexistent")) / "bin")
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if p != venv_bin)
    result = subprocess.run(
        ["bash", "-c", readme_commands()[0]],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "examples/defective-role.md:" in result.stdout, result.stdout
    assert re.search(
        r"^Found \d+ errors? and \d+ warnings? in 1 of \d+ files(?: \(.*\))?\.$",
        result.stdout,
        re.M,
    )
    assert (clone / ".venv" / "bin" / "roledef").is_file()
