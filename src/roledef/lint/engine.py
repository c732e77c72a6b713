"""The one way through: files and texts in, each file's final findings out, in path order.

Every command that checks role files (``lint``, ``lint --fix``, ``report``, ``export``) goes
through :func:`run`:

1. the inputs are discovered once (folders walked, each file once, in path order);
2. each file is read once and checked on its own (:func:`~roledef.lint.check.check_file`), in a
   process pool with ``jobs`` > 1; the cache (:mod:`~roledef.lint.cache`), when there is one,
   is a layer around this step and answers for the files it has seen;
3. in this process, one file at a time in path order, the cross-file rules judge each file
   against the files before it, and suppression comments and ``per-file-ignores`` are applied
   (:mod:`~roledef.lint.finish`), so the findings can be reported while the run goes on and the
   result does not depend on how the work was split.

Nothing here prints: the command turns the findings into output and an exit code.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING

from roledef.config import Config
from roledef.lint.check import check_file
from roledef.lint.discover import discover
from roledef.lint.finish import CrossFile, final
from roledef.lint.result import Checked, FileResult
from roledef.read import Source

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from roledef.lint.cache import LintCache

#: An input of a run: a path (a file or a folder), or a text with the path it stands for.
Input = str | Source
#: A file to check, and whether it was found in a folder (rather than named).
Task = tuple[Source, bool]

#: Files per task sent to a worker process: enough to make the round trip cheap, few enough
#: that the results waiting to be read stay small.
CHUNK = 32


def resolve_jobs(jobs: int) -> int:
    """``0`` means one worker per CPU."""
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def run(
    inputs: Sequence[Input],
    config: Config,
    *,
    jobs: int = 1,
    cache: LintCache | None = None,
    keep_lines: bool = False,
    keep_roles: bool = False,
    keep_skipped: bool = False,
    found: bool = False,
) -> Iterator[Checked]:
    """Check ``inputs``, file by file in path order: each file's result and its final findings.

    Files found in a folder that are not role files (:mod:`roledef.read.kind`; YAML files
    without a role's keys) are left out, unless ``keep_skipped`` (then they come with no
    findings, ``result.skipped`` set and ``result.not_role`` saying why). ``keep_lines``: keep
    each file's lines (a baseline needs them); ``keep_roles``: keep each file's role (a report
    needs them: checked in this process, without the cache). ``found``: the paths were not
    named by the user but found for them (the config's ``include``): a file that is not a role
    file is skipped as in a folder.
    """
    sources = _sources(inputs, config, found=found)
    jobs = 1 if keep_roles else resolve_jobs(jobs)
    workers = Workers(config, jobs, keep_lines=keep_lines, keep_roles=keep_roles)
    try:
        results = workers.many(sources) if cache is None else cache.around(workers, sources)
        cross = CrossFile(config)
        for result in results:
            if not result.skipped:
                yield Checked(result, sorted(final(result, cross.add(result), config)))
            elif keep_skipped:
                yield Checked(result, [])
    finally:
        workers.close()


def _sources(inputs: Sequence[Input], config: Config, *, found: bool = False) -> list[Task]:
    """Each file to check once, with whether it was found in a folder (rather than named),
    sorted by path. A text stands for itself; paths are discovered."""
    texts = [s for s in inputs if isinstance(s, Source)]
    paths = [p for p in inputs if not isinstance(p, Source)]
    files = discover(paths, exclude=config.exclude, root=config.root) if paths else []
    named: set[str] = set()
    if not found:  # (paths the config's include found are not named by the user)
        named = {os.path.normcase(os.path.abspath(p)) for p in paths if not os.path.isdir(p)}
    tasks = [(Source(f), os.path.normcase(os.path.abspath(f)) not in named) for f in files]
    # a text is named, unless found (``--skip-non-roles``: a page that is not a role is skipped)
    return sorted([*tasks, *((s, found) for s in texts)], key=lambda item: item[0].path)


class Workers:
    """Checks files, in this process or in a pool of ``jobs`` processes; results come back in
    the order the files were given, compact (without roles) unless ``keep_roles``.

    The pool is started on first need and kept until :meth:`close`, so that a caller may ask
    for several batches (the cache asks for the files it does not have, a window at a time).
    """

    def __init__(self, config: Config, jobs: int, *, keep_lines: bool, keep_roles: bool) -> None:
        self.config = config
        self.jobs = jobs
        self.keep_lines = keep_lines
        self.keep_roles = keep_roles
        self._pool: ProcessPoolExecutor | None = None

    def one(self, source: Source, walked: bool) -> FileResult:
        """Check one file here."""
        result = check_file(source, self.config, walked)
        return result if self.keep_roles else result.compact(keep_lines=self.keep_lines)

    def many(self, tasks: Sequence[Task]) -> Iterator[FileResult]:
        """Check files; with ``jobs`` > 1 they go to the pool in chunks, and only a few chunks
        per worker are in flight at a time, so memory does not grow with the number of files."""
        if self.jobs <= 1 or len(tasks) <= 1:
            for source, walked in tasks:
                yield self.one(source, walked)
            return
        from collections import deque

        workers = self.jobs
        size = max(1, min(CHUNK, len(tasks) // (min(workers, len(tasks)) * 4)))
        chunks = iter([list(tasks[i : i + size]) for i in range(0, len(tasks), size)])
        work = partial(_work, self.config, self.keep_lines)
        pool = self._start()
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

    def _start(self) -> ProcessPoolExecutor:
        if self._pool is None:
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(max_workers=self.jobs)
        return self._pool

    def close(self) -> None:
        """Stop the pool, if one was started."""
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


def _work(config: Config, keep_lines: bool, tasks: list[Task]) -> list[FileResult]:
    """One task for the pool (module level, so that it can be pickled): a chunk of files."""
    return [check_file(s, config, walked).compact(keep_lines=keep_lines) for s, walked in tasks]
