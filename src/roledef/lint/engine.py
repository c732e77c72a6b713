"""The lint pipeline: files -> roles -> schema check and rules -> sorted findings.

Each file is read and checked on its own (in a process pool with ``jobs`` > 1); then, in this
process, the cross-file rules look at every role together, suppression comments and
``per-file-ignores`` are applied, and the findings are sorted, so the result does not depend on
how the work was split. Nothing here prints: the command turns the result into output and an exit
code.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING

from roledef.config import Config
from roledef.findings import Finding
from roledef.lint.check import lint_file
from roledef.lint.discover import discover
from roledef.lint.finish import CrossFile, final
from roledef.lint.result import FileResult, LintResult
from roledef.read.source import SourceError, read_source

if TYPE_CHECKING:
    from roledef.lint.cache import LintCache


def resolve_jobs(jobs: int) -> int:
    """``0`` means one worker per CPU."""
    return jobs if jobs > 0 else (os.cpu_count() or 1)


#: Files per task sent to a worker process: enough to make the round trip cheap, few enough
#: that the results waiting to be read stay small.
CHUNK = 32


def _work(config: Config, keep_lines: bool, tasks: list[tuple[str, bool]]) -> list[FileResult]:
    """One task for the pool (module level, so that it can be pickled): a chunk of files."""
    return [lint_file(p, config, walked).compact(keep_lines=keep_lines) for p, walked in tasks]


def _results(
    paths: Sequence[str], walked: Sequence[bool], config: Config, jobs: int, keep_lines: bool
) -> Iterator[FileResult]:
    """Each file's compact result, in the order of ``paths``.

    With ``jobs`` > 1 the files go to a pool in chunks, and only a few chunks per worker are in
    flight at a time, so memory does not grow with the number of files.
    """
    tasks = list(zip(paths, walked, strict=True))
    if jobs <= 1 or len(tasks) <= 1:
        for path, was_walked in tasks:
            yield lint_file(path, config, was_walked).compact(keep_lines=keep_lines)
        return
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    workers = min(jobs, len(tasks))
    size = max(1, min(CHUNK, len(tasks) // (workers * 4)))
    chunks = iter([tasks[i : i + size] for i in range(0, len(tasks), size)])
    work = partial(_work, config, keep_lines)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[list[FileResult]]] = deque()
        for chunk in chunks:
            pending.append(pool.submit(work, chunk))
            if len(pending) >= workers * 4:
                break
        while pending:
            done = pending.popleft().result()
            for chunk in chunks:  # one more, if any
                pending.append(pool.submit(work, chunk))
                break
            yield from done


def _cached_results(
    paths: Sequence[str],
    walked: Sequence[bool],
    config: Config,
    jobs: int,
    keep_lines: bool,
    cache: LintCache,
) -> Iterator[FileResult]:
    """:func:`_results` through the cache: every file is read and looked up first, only the
    misses are checked (in the pool when there are several), and the results come back in the
    order of ``paths`` as without the cache. Stored results are fetched :data:`FETCH` at a time,
    as the run reaches them, so a large handbook is not held in memory; a new result is stored
    as it comes."""
    keys, hits = cache.lookup(paths, walked, config.max_file_size)
    misses = [i for i, hit in enumerate(hits) if not hit]
    fresh = _results(
        [paths[i] for i in misses], [walked[i] for i in misses], config, jobs, keep_lines
    )
    del misses
    hit_keys = [k for k, hit in zip(keys, hits, strict=True) if hit and k is not None]
    fetched: dict[bytes, bytes] = {}
    next_hit = 0
    for path, was_walked, key, hit in zip(paths, walked, keys, hits, strict=True):
        result: FileResult | None = None
        if hit and key is not None:
            if key not in fetched:  # the next few hundred stored results, in one query
                fetched = cache.fetch(hit_keys[next_hit : next_hit + FETCH])
            next_hit += 1
            lines = _lines(path, config) if keep_lines else ()
            result = cache.load(fetched.pop(key, None), path, lines)
            if result is None:  # gone or damaged since the lookup: check the file after all
                result = lint_file(path, config, was_walked).compact(keep_lines=keep_lines)
                cache.put(key, result)  # and replace the damaged entry
        else:
            result = next(fresh)
            if key is not None:
                cache.put(key, result)
        yield result


#: Cached results fetched at a time: few enough to keep memory flat.
FETCH = 256


def _lines(path: str, config: Config) -> tuple[str, ...]:
    """A file's lines, as :func:`lint_text` keeps them (a cached result has none)."""
    try:
        return tuple(read_source(path, config.max_file_size).text.split("\n"))
    except SourceError:
        return ()


def _walked(paths: Sequence[str], files: Sequence[str]) -> list[bool]:
    named = {os.path.normcase(os.path.abspath(p)) for p in paths if not os.path.isdir(p)}
    return [os.path.normcase(os.path.abspath(f)) not in named for f in files]


def iter_checked(
    paths: Sequence[str],
    config: Config,
    *,
    jobs: int = 1,
    keep_lines: bool = False,
    cache: LintCache | None = None,
) -> Iterator[tuple[FileResult, list[Finding]]]:
    """Lint files and folders, file by file in path order: each file's result and its final
    findings, sorted. Skipped files are left out.

    In path order, the cross-file rules can judge each file as it comes (they compare it with
    the files before it), so findings can be reported while the run goes on.
    """
    files = sorted(discover(paths, exclude=config.exclude, root=config.root))
    cross = CrossFile(config)
    walked = _walked(paths, files)
    jobs = resolve_jobs(jobs)
    results = (
        _results(files, walked, config, jobs, keep_lines)
        if cache is None
        else _cached_results(files, walked, config, jobs, keep_lines, cache)
    )
    for result in results:
        if not result.skipped:
            yield result, sorted(final(result, cross.add(result), config))


def lint_paths(
    paths: Sequence[str],
    config: Config,
    *,
    jobs: int = 1,
    keep_lines: bool = True,
    cache: LintCache | None = None,
) -> LintResult:
    """Lint files and folders; the result is the same whatever ``jobs`` is, with or without
    a ``cache``.

    ``keep_lines``: keep every file's lines in the result (a baseline needs them).
    """
    order = discover(paths, exclude=config.exclude, root=config.root)
    checked: dict[str, FileResult] = {}
    findings: list[Finding] = []
    checks = iter_checked(paths, config, jobs=jobs, keep_lines=keep_lines, cache=cache)
    for result, found in checks:
        checked[result.path] = result
        findings += found
    results = [checked[p] for p in order if p in checked]
    return LintResult(
        findings=tuple(findings),
        files=tuple(r.path for r in results),
        unreadable=tuple(r.path for r in results if r.unreadable),
        internal=tuple(r.path for r in results if r.internal),
        lines={r.path: r.lines for r in results},
    )


def finish(results: Sequence[FileResult], config: Config) -> LintResult:
    """Cross-file rules, suppressions and per-file ignores over the per-file results."""
    cross = CrossFile(config)
    extra = {r.path: cross.add(r) for r in sorted(results, key=lambda r: r.path)}
    out: list[Finding] = []
    for result in results:
        out += final(result, extra.get(result.path, []), config)
    return LintResult(
        findings=tuple(sorted(out)),
        files=tuple(r.path for r in results),
        unreadable=tuple(r.path for r in results if r.unreadable),
        internal=tuple(r.path for r in results if r.internal),
        lines={r.path: r.lines for r in results},
    )
