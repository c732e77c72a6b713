"""The release artefacts: ``python -m build`` makes an sdist and a wheel that ``twine check
--strict`` accepts, the wheel holds the packaged schemas and ``py.typed`` and runs, and the
sdist holds every file of the repository, so that its tests run from it.

The working copy is copied to a scratch folder first (the files git tracks or would track), so
the build writes nothing into the repository. ``build`` fetches the build backend from the
package index into an isolated environment, hence slow and network.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from roledef import __version__
from tests.helpers import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.network]

NAME = f"roledef-{__version__}"


@dataclass(frozen=True)
class Built:
    source: Path  #: the copy of the working tree that was built
    files: frozenset[str]  #: its files, relative, with '/'
    sdist: Path
    wheel: Path


def run(*args: str | Path, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(arg) for arg in args], cwd=cwd, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, f"{args}:\n{result.stdout}\n{result.stderr}"
    return result


def working_copy(where: Path) -> frozenset[str]:
    """Copy the files git tracks or would track (not ignored) to ``where``; their names."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("the project is not a git checkout with git installed")
    listed = run("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT)
    names = []
    for name in filter(None, listed.stdout.split("\0")):
        source = ROOT / name
        if source.is_symlink() or source.is_file():
            target = where / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target, follow_symlinks=False)
            names.append(name)
    return frozenset(names)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    source = tmp_path_factory.mktemp("source")
    files = working_copy(source)
    dist = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", dist, source, cwd=source)
    (sdist,) = dist.glob("*.tar.gz")
    (wheel,) = dist.glob("*.whl")
    return Built(source, files, sdist, wheel)


def test_build_makes_an_sdist_and_a_wheel_of_this_version(built: Built) -> None:
    assert built.sdist.name == f"{NAME}.tar.gz"
    assert built.wheel.name == f"{NAME}-py3-none-any.whl"


def test_twine_check_strict_accepts_both(built: Built) -> None:
    result = run(sys.executable, "-m", "twine", "check", "--strict", built.sdist, built.wheel,
                 cwd=built.source)  # fmt: skip
    assert result.stdout.count("PASSED") == 2, result.stdout


def test_the_wheel_holds_the_package_its_schemas_and_py_typed(built: Built) -> None:
    with zipfile.ZipFile(built.wheel) as wheel:
        names = set(wheel.namelist())
        entry_points = wheel.read(f"{NAME}.dist-info/entry_points.txt").decode("utf-8")
        metadata = wheel.read(f"{NAME}.dist-info/METADATA").decode("utf-8")
    package = {
        name.removeprefix("src/")
        for name in built.files
        if name.startswith("src/roledef/") and name.endswith((".py", ".json", "py.typed"))
    }
    assert package <= names, sorted(package - names)
    assert {"roledef/schemas/role.schema.json", "roledef/schemas/config.schema.json"} <= names
    assert "roledef/py.typed" in names
    assert not [name for name in names if name.startswith(("tests/", "examples/", "docs/"))]
    assert "roledef = roledef.cli:main" in entry_points
    assert f"\nVersion: {__version__}\n" in metadata
    assert "License-Expression: MIT" in metadata


def test_the_sdist_holds_every_file_of_the_repository(built: Built) -> None:
    with tarfile.open(built.sdist) as sdist:
        names = {
            member.name.removeprefix(f"{NAME}/")
            for member in sdist.getmembers()
            if member.isfile() or member.issym()
        }
    missing = sorted(built.files - names)
    assert missing == [], missing


def test_the_installed_wheel_runs_with_its_packaged_schemas(built: Built, tmp_path: Path) -> None:
    """In a fresh environment, away from the source: the console script, the schemas, a lint."""
    venv.EnvBuilder(with_pip=True).create(tmp_path / "venv")
    bindir = "Scripts" if os.name == "nt" else "bin"
    python = tmp_path / "venv" / bindir / "python"
    run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", built.wheel,
        cwd=tmp_path)  # fmt: skip
    roledef = tmp_path / "venv" / bindir / "roledef"
    assert run(roledef, "--version", cwd=tmp_path).stdout.strip().endswith(__version__)
    located = run(python, "-c", "import roledef; print(roledef.__file__)", cwd=tmp_path).stdout
    assert Path(located.strip()).is_relative_to(tmp_path / "venv")
    role = tmp_path / "site-reliability-engineer.yaml"
    shutil.copyfile(ROOT / "examples" / "site-reliability-engineer.yaml", role)
    result = run(roledef, "lint", role.name, cwd=tmp_path)  # validates against the schema
    assert "no problems" in result.stdout, result.stdout


def test_the_tests_run_from_the_unpacked_sdist(built: Built, tmp_path: Path) -> None:
    with tarfile.open(built.sdist) as sdist:
        sdist.extractall(tmp_path, filter="data")
    unpacked = tmp_path / NAME
    env = {**os.environ, "PYTHONPATH": str(unpacked / "src"), "ROLEDEF_NO_CACHE": "1"}
    modules = ["tests/unit/test_project.py", "tests/unit/test_format_schemas.py",
               "tests/rules/test_examples.py"]  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider",
         "-m", "not slow", *modules],
        cwd=unpacked, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and " error" not in result.stdout, result.stdout[-2000:]
