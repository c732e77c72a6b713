"""The benchmark's figures as a markdown section of ``docs/performance.md``.

Only the part between ``<!-- bench:start -->`` and ``<!-- bench:end -->`` is rewritten, so the
hand-written parts of the page (what each optimisation bought) survive a new run.
"""

from __future__ import annotations

import os
import platform
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from measure import Series
from peers import ROOT

START, END = "<!-- bench:start -->", "<!-- bench:end -->"
HANDBOOK = 2_000


@dataclass
class Results:
    """Everything one benchmark run found."""

    date: str
    machine: str
    versions: dict[str, str]
    commit: str
    command: str
    runs: int
    placeholder: bool = False
    load_before: str = "?"
    load_after: str = "?"
    latency: dict[str, Series] = field(default_factory=dict)
    throughput: dict[str, Series] = field(default_factory=dict)
    identical: bool | None = None
    scaling: dict[int, Series] = field(default_factory=dict)


def machine() -> str:
    """CPU, cores, memory and OS in one line."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB memory, "
        f"{platform.system()} {platform.release()}"
    )


def load() -> str:
    """The 1-minute load average: other work on the machine while it was measured."""
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "?"


def commit() -> str:
    """The measured commit, with ``+changes`` when the working tree differs from it."""

    def git(*args: str) -> str:
        res = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return res.stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "?"
    dirty = git("status", "--porcelain", "--untracked-files=no", "--", "src")
    return head + (" + uncommitted changes in src/" if dirty else "")


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds >= 0.0995 else f"{seconds * 1000:,.1f} ms"


#: The latency rows of roledef: a file changed since the last run (the default, with the cache
#: consulted and written; then with the cache off), and an unchanged file.
LATENCY_CHANGED = "roledef lint ONE.md (changed since the last run)"
LATENCY_NO_CACHE = "roledef lint --no-cache ONE.md"
LATENCY_CACHED = "roledef lint ONE.md (unchanged: cached)"


def _mib(n: int) -> str:
    return f"{n / 2**20:,.0f} MiB"


def _latency(data: Results) -> list[str]:
    """The hook table; the ratios compare roledef (a changed file, and a cached one) with
    each row."""
    ours = data.latency.get(LATENCY_CHANGED)
    cached = data.latency.get(LATENCY_CACHED)
    rows = [
        "| command (fresh process, one role) | median | min - max | roledef, changed file / this "
        "| roledef, cached / this |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for s in data.latency.values():
        lo, hi = s.spread
        ratio = f"{ours.median / s.median:.2f}" if ours is not None else "-"
        ratio_cached = f"{cached.median / s.median:.2f}" if cached is not None else "-"
        rows.append(
            f"| `{s.name}` | {_ms(s.median)} | {_ms(lo)} - {_ms(hi)} | {ratio} | {ratio_cached} |"
        )
    return rows


def _throughput(data: Results) -> list[str]:
    rows = [
        f"| {HANDBOOK:,} role files | median wall | files/s | min - max |",
        "| --- | ---: | ---: | ---: |",
    ]
    for s in data.throughput.values():
        lo, hi = s.spread
        rows.append(
            f"| `{s.name}` | {_ms(s.median)} | {HANDBOOK / s.median:,.0f} | {_ms(lo)} - {_ms(hi)} |"
        )
    if data.identical is not None:
        same = "yes" if data.identical else "**no**"
        rows += [
            "",
            f"Output of `--jobs auto`, with and without the cache, byte-identical to "
            f"`--jobs 1`: {same}.",
        ]
    return rows


def _scaling(data: Results) -> list[str]:
    rows = [
        "| files | runs | median wall | wall per file | CPU per file | files/s "
        "| peak memory of the tree (PSS) | tree, RSS summed | largest process (RSS) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size, s in data.scaling.items():
        rows.append(
            f"| {size:,} | {len(s.runs)} | {s.median:,.2f} s | {s.median / size * 1000:.3f} ms "
            f"| {s.cpu_median / size * 1000:.3f} ms "
            f"| {size / s.median:,.0f} | {_mib(s.peak_tree_pss)} | {_mib(s.peak_tree)} "
            f"| {_mib(s.max_process)} |"
        )
    return rows


def render(data: Results) -> str:
    """The generated section, markers included."""
    versions = ", ".join(f"{k} {v}" for k, v in data.versions.items())
    out = [
        START,
        f"Measured {data.date} on {data.machine}; commit {data.commit}.",
        f"Load average (1 min) {data.load_before} before, {data.load_after} after the run.",
        f"Versions: {versions}.",
        "",
        f"Reproduce: `{data.command}`",
        "",
    ]
    if data.placeholder:
        out += ["**Placeholder run: `roledef convert` was timed in place of `roledef lint`.**", ""]
    if data.latency:
        out += [
            f"### Hook latency ({data.runs} interleaved runs each, medians)",
            "",
            *_latency(data),
            "",
        ]
    if data.throughput:
        out += ["### Handbook throughput (interleaved runs, medians)", "", *_throughput(data), ""]
    if data.scaling:
        title = "### Scaling (`roledef lint --jobs auto --no-cache FOLDER`)"
        out += [title, "", *_scaling(data), ""]
    out.append(END)
    return "\n".join(out) + "\n"


def write(path: Path, section: str) -> None:
    """Replace the marked section of ``path`` (or create the page around it)."""
    if path.exists():
        text = path.read_text(encoding="utf-8")
        if START in text and END in text:
            head, rest = text.split(START, 1)
            tail = rest.split(END, 1)[1]
            path.write_text(head + section.rstrip("\n") + tail, encoding="utf-8")
            return
        path.write_text(text.rstrip("\n") + "\n\n" + section, encoding="utf-8")
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# Performance\n\n" + section, encoding="utf-8")
