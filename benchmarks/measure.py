"""Running a command as a fresh process and measuring it: wall time and peak memory.

Peak memory is sampled from ``/proc`` as the sum of the resident set sizes of the whole process
tree (a worker pool counts in full), alongside the kernel's own figure for the largest single
process (``ru_maxrss`` of the reaped children).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096

#: The environment of every measured command: bytecode caching on (an installed package has its
#: ``.pyc`` files; without them every run would compile its sources again), the cache kept in
#: ``benchmarks/.work/pycache`` so that the source tree stays clean. Every tool gets the same.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPYCACHEPREFIX"] = str(Path(__file__).resolve().parent / ".work" / "pycache")


@dataclass(frozen=True)
class Run:
    """One run of one command."""

    seconds: float
    returncode: int
    peak_tree_bytes: int  # 0 when not sampled
    max_process_bytes: int
    peak_tree_pss_bytes: int = 0  # 0 when not sampled
    cpu_seconds: float = 0.0  # user + system time of the process and its reaped children


@dataclass
class Series:
    """The runs of one command, in the order they happened."""

    name: str
    runs: list[Run] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def spread(self) -> tuple[float, float]:
        values = [r.seconds for r in self.runs]
        return min(values), max(values)

    @property
    def peak_tree(self) -> int:
        return max(r.peak_tree_bytes for r in self.runs)

    @property
    def cpu_median(self) -> float:
        return statistics.median(r.cpu_seconds for r in self.runs)

    @property
    def peak_tree_pss(self) -> int:
        return max(r.peak_tree_pss_bytes for r in self.runs)

    @property
    def max_process(self) -> int:
        return max(r.max_process_bytes for r in self.runs)


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    todo.extend(int(c) for c in handle.read().split())
        except OSError:
            continue
    return found


def _tree_pss(pid: int) -> int:
    """Proportional set size of the tree: a page shared by n processes counts 1/n in each."""
    total = 0
    for p in _descendants(pid):
        try:
            with open(f"/proc/{p}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
        except (OSError, IndexError, ValueError):
            continue
    return total


def _tree_rss(pid: int) -> int:
    total = 0
    for p in _descendants(pid):
        try:
            with open(f"/proc/{p}/statm") as handle:
                total += int(handle.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
    return total


class _Sampler(threading.Thread):
    def __init__(self, pid: int, interval: float) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.peak = 0
        self.peak_pss = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            self.peak = max(self.peak, _tree_rss(self.pid))
            self.peak_pss = max(self.peak_pss, _tree_pss(self.pid))
            self.done.wait(self.interval)


def run_once(
    cmd: Sequence[str | os.PathLike[str]],
    *,
    cwd: Path | None = None,
    stdout: int | None = subprocess.DEVNULL,
    sample_memory: float = 0.0,
    env: Mapping[str, str] | None = None,
) -> Run:
    """Run ``cmd`` once; sample the tree's memory every ``sample_memory`` seconds when > 0."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [os.fspath(c) for c in cmd],
        cwd=cwd,
        stdout=stdout,
        stderr=subprocess.DEVNULL,
        env=ENV if env is None else env,
    )
    sampler = None
    if sample_memory > 0:
        sampler = _Sampler(proc.pid, sample_memory)
        sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    peak = peak_pss = 0
    if sampler is not None:
        sampler.done.set()
        sampler.join()
        peak, peak_pss = sampler.peak, sampler.peak_pss
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, proc.returncode, peak, usage.ru_maxrss * 1024, peak_pss, cpu)


def interleaved(
    commands: Mapping[str, Sequence[str | os.PathLike[str]]],
    runs: int,
    *,
    warmup: int = 1,
    cwd: Path | None = None,
    sample_memory: float = 0.0,
    before: Mapping[str, Callable[[], None]] | None = None,
) -> dict[str, Series]:
    """Run every command ``runs`` times, one of each in turn (the order rotates every round).

    Rotating the order spreads any drift of the machine (another process, a warm cache) over
    every command instead of charging it to whichever came first. ``before[name]``, if given,
    runs (untimed) before every run of that command.
    """
    names = list(commands)
    prepare = before or {}

    def one(name: str, sample: float) -> Run:
        if name in prepare:
            prepare[name]()
        return run_once(commands[name], cwd=cwd, sample_memory=sample)

    for _ in range(warmup):
        for name in names:
            one(name, 0.0)
    series = {name: Series(name) for name in names}
    for i in range(runs):
        order = names[i % len(names) :] + names[: i % len(names)]
        for name in order:
            series[name].runs.append(one(name, sample_memory))
    return series


def capture(cmd: Sequence[str | os.PathLike[str]], cwd: Path | None = None) -> tuple[int, bytes]:
    """Exit code and standard output of one run."""
    res = subprocess.run(
        [os.fspath(c) for c in cmd], cwd=cwd, capture_output=True, check=False, env=ENV
    )
    return res.returncode, res.stdout
