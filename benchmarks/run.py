"""roledef's benchmark: hook latency, handbook throughput and scaling, beside the peer tools.

    python benchmarks/run.py            # everything (the 100,000-file step takes a while)
    python benchmarks/run.py --quick    # fewer runs, scaling up to 10,000 files

It sets up its tools in ``benchmarks/.work/`` (see :mod:`peers`), builds its inputs in a temporary
folder (see :mod:`inputs`), measures with interleaved runs and writes the figures, the machine and
the command line into ``docs/performance.md`` between the ``bench`` markers.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import inputs
import measure
import peers
import report
from measure import Series, capture, interleaved, run_once

HANDBOOK = 2_000
SIZES = (100, 1_000, 10_000, 100_000)
QUICK_SIZES = (100, 1_000, 10_000)


def lint_cmd(
    tools: peers.Tools,
    targets: list[Path],
    *,
    jobs: str,
    placeholder: bool,
    out: Path,
    cache: bool = False,
) -> list[str]:
    """The roledef command under test (``convert`` stands in until ``lint`` exists).

    Without ``cache`` it runs with ``--no-cache``: every file is checked, as a file changed
    since the last run is. With it, the runs after the warm-up find every result cached.
    """
    if placeholder:
        if len(targets) == 1 and targets[0].is_file():
            return [str(tools.roledef), "convert", "--format", "json", str(targets[0])]
        files = [str(p) for t in targets for p in (sorted(t.iterdir()) if t.is_dir() else [t])]
        return [
            str(tools.roledef),
            "convert",
            "--format",
            "json",
            "--force",
            "--output-dir",
            str(out),
            *files,
        ]
    jobs_opt = [] if jobs == "" else ["--jobs", jobs]
    cache_opt = ["--cache-dir", str(out / "cache")] if cache else ["--no-cache"]
    return [str(tools.roledef), "lint", *jobs_opt, *cache_opt, *(str(t) for t in targets)]


def forget(cache: Path) -> Callable[[], None]:
    """Empty the lint cache in ``cache``: the next run meets the file as if it had changed."""

    def empty() -> None:
        for database in cache.glob("lint-v*.sqlite3"):  # whichever format the revision writes
            with closing(sqlite3.connect(database)) as db, db:
                db.execute("DELETE FROM results")

    return empty


def latency(tools: peers.Tools, tmp: Path, runs: int, placeholder: bool) -> dict[str, Series]:
    """Fresh-process time to check the one seed role, beside the peers and the interpreter.

    roledef three ways: a file changed since the last run (the default, the cache consulted and
    written: what a hook does on a commit), the same with ``--no-cache``, and an unchanged file
    (its result cached).
    """
    md, yml = inputs.one_role(tools, tmp)
    schema = peers.ROOT / "schemas" / "role.schema.json"
    ours: dict[str, list[str]] = {}
    if placeholder:
        ours[report.LATENCY_CHANGED] = lint_cmd(
            tools, [md], jobs="", placeholder=True, out=tmp / "out"
        )
    else:
        changed = tmp / "out" / "changed"
        ours[report.LATENCY_CHANGED] = [
            str(tools.roledef),
            "lint",
            "--cache-dir",
            str(changed),
            str(md),
        ]
        ours[report.LATENCY_NO_CACHE] = lint_cmd(
            tools, [md], jobs="", placeholder=False, out=tmp / "out"
        )
        ours[report.LATENCY_CACHED] = lint_cmd(
            tools, [md], jobs="", placeholder=False, out=tmp / "out", cache=True
        )
    commands = {
        **ours,
        "check-jsonschema ONE.yaml": [
            str(tools.check_jsonschema),
            "--schemafile",
            str(schema),
            str(yml),
        ],
        "yamllint ONE.yaml": [str(tools.yamllint), str(yml)],
        "markdownlint-cli2 ONE.md": [str(tools.markdownlint), str(md)],
        "python -c pass": [str(tools.python), "-c", "pass"],
    }
    before = {report.LATENCY_CHANGED: forget(tmp / "out" / "changed")}
    return interleaved(commands, runs, cwd=tmp, before=None if placeholder else before)


def throughput(
    tools: peers.Tools, tmp: Path, runs: int, placeholder: bool
) -> tuple[dict[str, Series], bool | None]:
    """The 2,000-file handbook: roledef with ``--jobs auto`` against markdownlint-cli2."""
    folder, files = inputs.handbook(tmp, HANDBOOK)
    out = tmp / "out"
    auto = lint_cmd(tools, files, jobs="auto", placeholder=placeholder, out=out)
    commands = {"roledef lint --jobs auto --no-cache": auto}
    if not placeholder:
        commands["roledef lint --jobs auto (cached)"] = lint_cmd(
            tools, files, jobs="auto", placeholder=False, out=out, cache=True
        )
    commands["markdownlint-cli2"] = [str(tools.markdownlint), f"{folder.name}/*.md"]
    series = interleaved(commands, runs, cwd=tmp)
    identical = None
    if not placeholder:
        serial = lint_cmd(tools, files, jobs="1", placeholder=False, out=out)
        cached = commands["roledef lint --jobs auto (cached)"]
        rc_a, out_a = capture(auto, cwd=tmp)
        rc_s, out_s = capture(serial, cwd=tmp)
        rc_c, out_c = capture(cached, cwd=tmp)
        identical = rc_a == rc_s == rc_c and out_a == out_s == out_c and len(out_a) > 0
        print(
            f"  output of --jobs auto, cached or not, identical to --jobs 1: {identical} "
            f"({len(out_a):,} bytes)",
            flush=True,
        )
    return series, identical


def scaling(
    tools: peers.Tools, tmp: Path, sizes: tuple[int, ...], runs: int, placeholder: bool
) -> dict[int, Series]:
    """Time per file and peak memory as the handbook grows."""
    results: dict[int, Series] = {}
    for size in sizes:
        folder, _ = inputs.handbook(tmp, size)
        cmd = lint_cmd(tools, [folder], jobs="auto", placeholder=placeholder, out=tmp / "out")
        series = Series(f"{size} files")
        if size < 10_000:  # a warm-up run; the larger sizes are long enough without one
            run_once(cmd, cwd=tmp)
        for _ in range(runs if size < 100_000 else 1):
            series.runs.append(run_once(cmd, cwd=tmp, sample_memory=0.02))
        results[size] = series
        per_file = series.median / size * 1000
        print(
            f"  {size:>7,} files: {series.median:.2f} s, {per_file:.3f} ms/file, "
            f"peak {series.peak_tree_pss / 2**20:.0f} MiB (PSS), "
            f"{series.peak_tree / 2**20:.0f} MiB (RSS summed)",
            flush=True,
        )
        import shutil

        shutil.rmtree(folder)
    return results


def use_revision(rev: str) -> str:
    """Put the sources of ``rev`` (exported into ``.work/``) first on every tool's path."""
    sha, src = peers.export_revision(rev)
    measure.ENV["PYTHONPATH"] = str(src)
    return sha


def main(argv: list[str] | None = None) -> int:
    """Parse options, run the chosen sections, write the report."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer runs; scaling up to 10,000 files")
    ap.add_argument("--runs", type=int, help="runs per command (default 15, quick 7)")
    ap.add_argument(
        "--only", default="latency,throughput,scaling", help="comma-separated sections to run"
    )
    ap.add_argument("--sizes", help="comma-separated scaling sizes (default 100,...,100000)")
    ap.add_argument(
        "--scaling-runs", type=int, default=3, help="runs per size (one at 100,000 files)"
    )
    ap.add_argument(
        "--placeholder",
        action="store_true",
        help="time `roledef convert` instead of `roledef lint` (harness testing)",
    )
    ap.add_argument("--refresh", action="store_true", help="reinstall the tools in .work/")
    ap.add_argument(
        "--commit",
        help="measure this revision (exported with git archive into .work/) instead of the "
        "working tree, which may hold unfinished changes",
    )
    ap.add_argument(
        "--output",
        default=str(peers.ROOT / "docs" / "performance.md"),
        help="the report to write ('-' for stdout only)",
    )
    args = ap.parse_args(argv)
    runs = args.runs or (7 if args.quick else 15)
    sections = set(args.only.split(","))
    sizes = (
        tuple(int(s) for s in args.sizes.split(","))
        if args.sizes
        else (QUICK_SIZES if args.quick else SIZES)
    )

    tools = peers.setup(refresh=args.refresh)
    measured = report.commit()
    if args.commit:
        measured = use_revision(args.commit)
    data = report.Results(
        date=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        machine=report.machine(),
        versions=peers.versions(tools),
        commit=measured,
        command="python benchmarks/run.py "
        + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:])),
        runs=runs,
        placeholder=args.placeholder,
        load_before=report.load(),
    )
    base = os.environ.get("ROLEDEF_BENCH_TMP")
    with tempfile.TemporaryDirectory(prefix="roledef-bench-", dir=base) as name:
        tmp = Path(name)
        if "latency" in sections:
            print("hook latency ...", flush=True)
            data.latency = latency(tools, tmp, runs, args.placeholder)
            for s in data.latency.values():
                print(f"  {s.name:<28} {s.median * 1000:7.1f} ms", flush=True)
        if "throughput" in sections:
            print("handbook throughput ...", flush=True)
            data.throughput, data.identical = throughput(
                tools, tmp, max(3, runs // 3), args.placeholder
            )
            for s in data.throughput.values():
                print(f"  {s.name:<28} {HANDBOOK / s.median:7.0f} files/s", flush=True)
        if "scaling" in sections:
            print("scaling ...", flush=True)
            data.scaling = scaling(tools, tmp, sizes, args.scaling_runs, args.placeholder)
    data.load_after = report.load()
    text = report.render(data)
    if args.output == "-":
        print(text)
    else:
        report.write(Path(args.output), text)
        print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
