"""The lint cache over a large handbook: a first run (every result stored) and a rerun (every
result cached), with time, files/s, peak memory of the process tree and the cache's size.

    python benchmarks/cached.py 10000
    python benchmarks/cached.py 100000    # about ten minutes here

Uses the harness's virtualenv, inputs and memory sampler (see README.md); prints its figures.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import inputs
import measure
import peers


def main(argv: list[str] | None = None) -> int:
    """Build a handbook of N files, lint it twice with one cache folder, print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", type=int, help="handbook size, e.g. 10000")
    args = ap.parse_args(argv)
    tools = peers.setup()
    base = os.environ.get("ROLEDEF_BENCH_TMP")
    with tempfile.TemporaryDirectory(prefix="roledef-cached-", dir=base) as name:
        tmp = Path(name)
        folder, _ = inputs.handbook(tmp, args.files)
        cache = tmp / "cache"
        cmd = [str(tools.roledef), "lint", "--jobs", "auto", "--cache-dir", str(cache), str(folder)]
        runs = [
            ("first run", measure.run_once(cmd, cwd=tmp, sample_memory=0.05)),
            ("rerun", measure.run_once(cmd, cwd=tmp, sample_memory=0.02)),
        ]
        size = sum(p.stat().st_size for p in cache.iterdir())
        for label, run in runs:
            print(
                f"{label}: {run.seconds:.1f} s, {args.files / run.seconds:,.0f} files/s, "
                f"peak {run.peak_tree_pss_bytes / 2**20:.0f} MiB PSS "
                f"({run.peak_tree_bytes / 2**20:.0f} MiB RSS summed)"
            )
        print(f"cache folder: {size / 2**20:.1f} MiB, {size / args.files:,.0f} bytes per file")
    return 0


if __name__ == "__main__":
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    raise SystemExit(main())
