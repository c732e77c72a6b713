"""Set up the tools the benchmark runs, in ``benchmarks/.work/`` (never committed).

One virtualenv holds roledef (installed editable from this checkout, so the working tree is what
gets measured) beside check-jsonschema and yamllint from the package registry; markdownlint-cli2
comes from the npm registry into a local ``node_modules``. Every tool then starts from the same
clean interpreter, without whatever the system Python loads at start-up.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / ".work"
VENV = WORK / "venv"
NODE = WORK / "node"

PYTHON_PEERS = ("check-jsonschema", "yamllint")
PROFILING = ("pyinstrument",)
#: What older revisions need that the current one does not, so that compare.py can run them:
#: markdown-it-py read markdown until pulldown-cmark (pyromark) replaced it.
OLDER_REVISIONS = ("markdown-it-py",)
NODE_PEERS = ("markdownlint-cli2",)


@dataclass(frozen=True)
class Tools:
    """Paths of the executables the benchmark runs."""

    python: Path
    roledef: Path
    check_jsonschema: Path
    yamllint: Path
    markdownlint: Path


def _bin(name: str) -> Path:
    return VENV / ("Scripts" if os.name == "nt" else "bin") / name


def tools() -> Tools:
    """Where the tools are once :func:`setup` has run."""
    return Tools(
        python=_bin("python"),
        roledef=_bin("roledef"),
        check_jsonschema=_bin("check-jsonschema"),
        yamllint=_bin("yamllint"),
        markdownlint=NODE / "node_modules" / ".bin" / "markdownlint-cli2",
    )


def _run(cmd: list[str], cwd: Path | None = None) -> None:
    print("+", " ".join(cmd), file=sys.stderr, flush=True)
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def setup(*, refresh: bool = False) -> Tools:
    """Create the virtualenv and the node folder when missing (or when ``refresh``)."""
    found = tools()
    if refresh and WORK.exists():
        shutil.rmtree(WORK)
    WORK.mkdir(parents=True, exist_ok=True)
    if not found.python.exists():
        _run([sys.executable, "-m", "venv", str(VENV)])
        _run([str(found.python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    if not (found.roledef.exists() and found.check_jsonschema.exists() and found.yamllint.exists()):
        pip = [str(found.python), "-m", "pip", "install", "--quiet"]
        _run([*pip, "-e", str(ROOT), *PYTHON_PEERS, *PROFILING, *OLDER_REVISIONS])
    if not found.markdownlint.exists():
        if shutil.which("npm") is None:
            raise SystemExit(
                "benchmarks: npm is needed for markdownlint-cli2 (apt-get install npm)"
            )
        NODE.mkdir(parents=True, exist_ok=True)
        package = NODE / "package.json"
        if not package.exists():
            package.write_text('{"name": "roledef-bench-peers", "private": true}\n')
        _run(["npm", "install", "--silent", "--no-audit", "--no-fund", *NODE_PEERS], cwd=NODE)
    return found


def export_revision(rev: str) -> tuple[str, Path]:
    """``(short sha, its src folder)``: ``rev`` exported with git archive into ``.work/``."""
    sha = subprocess.run(
        ["git", "rev-parse", "--short", rev], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    target = WORK / f"rev-{sha}"
    if not target.exists():
        target.mkdir(parents=True)
        archive = subprocess.run(
            ["git", "archive", sha, "src"], cwd=ROOT, capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return sha, target / "src"


def versions(found: Tools) -> dict[str, str]:
    """Tool name -> version, as the tools report them."""
    out: dict[str, str] = {}
    script = (
        "import importlib.metadata as m, json, sys; "
        "print(json.dumps({n: m.version(n) for n in sys.argv[1:]}))"
    )
    names = ["roledef", *PYTHON_PEERS, "jsonschema", "pyromark", "click", "ruamel.yaml"]
    res = subprocess.run(
        [str(found.python), "-c", script, *names], capture_output=True, text=True, check=True
    )
    out.update(json.loads(res.stdout))
    for name in NODE_PEERS:
        meta = NODE / "node_modules" / name / "package.json"
        out[name] = json.loads(meta.read_text())["version"] if meta.exists() else "?"
    res = subprocess.run(["node", "--version"], capture_output=True, text=True)
    out["node"] = res.stdout.strip().lstrip("v")
    res = subprocess.run(
        [str(found.python), "-c", "import platform; print(platform.python_version())"],
        capture_output=True,
        text=True,
    )
    out["python"] = res.stdout.strip()
    return out


if __name__ == "__main__":
    print(json.dumps(versions(setup(refresh="--refresh" in sys.argv)), indent=2))
