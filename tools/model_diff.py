"""Compare the model of every markdown file as two versions of roledef read it.

    python tools/model_diff.py REV FOLDER...

REV is a git revision of this repository (the version before); the version after is the working
tree's ``src``. Each file is read by both and converted to JSON; the JSON of the version before
is then brought to schema version 2 (``schema_version`` 2, each step's ``owner: X`` as
``owners: [X]``, ``null`` as ``[]``). The files whose JSON still differs are listed, and so are
the files read with levels (a key that version 1 does not have), with the names of the levels.
The exit code is 1 when a file differs for any other reason than its levels.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

_DUMP = """
import json, sys
from pathlib import Path
from roledef.modeldict import role_to_dict
from roledef.read.markdown import parse_markdown
out = {}
for folder in sys.argv[1:]:
    for p in sorted(Path(folder).rglob("*")):
        if p.is_file() and p.suffix in (".md", ""):
            text = p.read_text(encoding="utf-8", errors="replace")
            out[str(p)] = role_to_dict(parse_markdown(text, str(p)))
json.dump(out, sys.stdout)
"""


def dump(src: Path, folders: list[str]) -> dict[str, Any]:
    """Every file's model as the roledef in ``src`` reads it."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    run = subprocess.run(
        [sys.executable, "-c", _DUMP, *folders], env=env, capture_output=True, text=True, check=True
    )
    data: dict[str, Any] = json.loads(run.stdout)
    return data


def to_version_2(data: dict[str, Any]) -> dict[str, Any]:
    """A version 1 model as version 2 writes the same role (keys in the same order)."""
    steps = [
        {
            ("owners" if key == "owner" else key): (
                ([] if value is None else [value]) if key == "owner" else value
            )
            for key, value in step.items()
        }
        for step in data["hiring_plan"]
    ]
    return {**data, "schema_version": 2, "hiring_plan": steps}


def main(rev: str, folders: list[str]) -> int:
    """Print the files read with levels and the files that differ; 1 when one differs."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", rev, "src"], capture_output=True, check=True
        )
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        before = dump(Path(tmp) / "src", folders)
    after = dump(ROOT / "src", folders)
    with_levels = other = 0
    for path, old in before.items():
        new = dict(after[path])
        found = new.pop("levels", None)
        if found:
            with_levels += 1
            print(f"levels: {path}: {', '.join(level['name'] for level in found)}")
        if to_version_2(old) != new:
            print(f"differs: {path}" + (" (its content moved into its levels)" if found else ""))
            other += not found
    print(f"{len(before)} files; {with_levels} read with levels; {other} differ otherwise")
    return 1 if other else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
