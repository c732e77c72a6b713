"""``roledef server`` as a command: its help, the message without pygls, and no pygls on the
path of the other commands."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import EXAMPLES
from tests.server.editor import server_env

pytestmark = pytest.mark.slow


def _roledef(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "roledef", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def test_without_pygls_the_command_says_what_to_install(tmp_path: Path) -> None:
    # a pygls that cannot be imported, ahead of the installed one
    (tmp_path / "pygls").mkdir()
    (tmp_path / "pygls" / "__init__.py").write_text(
        "raise ImportError('No module named pygls')\n", encoding="utf-8"
    )
    env = server_env()
    env["PYTHONPATH"] = f"{tmp_path}:{env['PYTHONPATH']}"
    done = _roledef("server", env=env)
    assert done.returncode == 2
    assert "pip install 'pygls>=2,<3'" in done.stderr
    assert "Traceback" not in done.stderr
    # the other commands do not need it
    assert _roledef("lint", str(EXAMPLES / "minimal-role.md"), env=env).returncode == 0


def test_the_help_and_no_pygls_on_the_lint_path() -> None:
    env = server_env()
    help_text = _roledef("server", "--help", env=env).stdout
    assert "language server" in help_text
    check = (
        "import sys; from roledef.cli import main\n"
        "try:\n    main(['lint', '--no-cache', sys.argv[1]])\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", check, str(EXAMPLES / "minimal-role.md")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout + done.stderr
