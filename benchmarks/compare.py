"""What a change bought: hook latency and CPU time per file, revision against revision.

    python benchmarks/compare.py 6318c6b^ 6318c6b bde8642^ bde8642

Each revision is exported with ``git archive`` into ``benchmarks/.work/`` and run from the same
virtualenv as :mod:`run` (``PYTHONPATH`` puts its sources first). For every revision it measures

- *hook*: the median wall time of ``roledef lint ONE.md`` as a fresh process, runs interleaved
  across the revisions so that the machine's load is shared out evenly;
- *CPU/file*: the CPU time (not wall time: it is steadier on a busy machine) of linting a
  200-file handbook serially in one process, the least of three passes, per file.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import inputs
import measure
import peers

_CPU_SCRIPT = """
import sys, time
try:  # the layout since the engine has one entry
    from roledef.config import load_config
    from roledef.lint.engine import run
    from roledef.lint.result import collect
    def lint(paths, config):
        return collect(run(paths, config, jobs=1, keep_lines=True))
except ImportError:  # older revisions
    from roledef.lint.config import load_config
    from roledef.lint.engine import lint_paths as lint
config = load_config(None, {})
lint([sys.argv[1]], config)
times = []
for _ in range(3):
    start = time.process_time()
    lint([sys.argv[1]], config)
    times.append(time.process_time() - start)
print(min(times))
"""


def subject(rev: str) -> str:
    """The first line of a commit message."""
    res = subprocess.run(
        ["git", "log", "-1", "--format=%s", rev], cwd=peers.ROOT, capture_output=True, text=True
    )
    return res.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    """Measure the revisions given and print a markdown table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("revisions", nargs="+", help="git revisions, e.g. HEAD~1 HEAD")
    ap.add_argument("--runs", type=int, default=11, help="hook runs per revision")
    ap.add_argument("--files", type=int, default=200, help="handbook size for CPU/file")
    args = ap.parse_args(argv)
    tools = peers.setup()
    revs = [peers.export_revision(r) for r in args.revisions]
    with tempfile.TemporaryDirectory(prefix="roledef-compare-") as name:
        tmp = Path(name)
        one, _ = inputs.one_role(tools, tmp)
        folder, _ = inputs.handbook(tmp, args.files)
        commands = {}
        envs = {}
        for sha, src in revs:
            # every run checks the file: what a hook does with a file changed since the last run
            envs[sha] = {**measure.ENV, "PYTHONPATH": str(src), "ROLEDEF_NO_CACHE": "1"}
            commands[sha] = [str(tools.roledef), "lint", str(one)]
        hook: dict[str, list[float]] = {sha: [] for sha, _ in revs}
        for sha, _ in revs:  # warm-up: byte-compile each revision once
            subprocess.run(commands[sha], env=envs[sha], capture_output=True, cwd=tmp)
        for i in range(args.runs):
            order = revs[i % len(revs) :] + revs[: i % len(revs)]
            for sha, _ in order:
                run = measure.run_once(commands[sha], cwd=tmp, env=envs[sha])
                hook[sha].append(run.seconds)
        print("| revision | change | hook (median) | CPU per file |")
        print("| --- | --- | ---: | ---: |")
        for (sha, _), rev in zip(revs, args.revisions, strict=True):
            res = subprocess.run(
                [str(tools.python), "-c", _CPU_SCRIPT, str(folder)],
                env=envs[sha],
                capture_output=True,
                text=True,
                cwd=tmp,
            )
            cpu = f"{float(res.stdout) / args.files * 1000:.2f} ms" if res.returncode == 0 else "-"
            ms = statistics.median(hook[sha]) * 1000
            print(f"| `{rev}` ({sha}) | {subject(sha)[:70]} | {ms:.0f} ms | {cpu} |", flush=True)
    return 0


if __name__ == "__main__":
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    raise SystemExit(main())
