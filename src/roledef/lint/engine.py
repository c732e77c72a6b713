"""The lint pipeline: files -> roles -> schema check and rules -> sorted findings.

Each file is read and checked on its own (in a process pool with ``jobs`` > 1); then, in this
process, the cross-file rules look at every role together, suppression comments and
``per-file-ignores`` are applied, and the findings are sorted, so the result does not depend on
how the work was split. Nothing here prints: the command turns the result into output and an exit
code.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING, Any

from roledef.config import Config
from roledef.findings import Finding, RuleInfo
from roledef.lint import suppress
from roledef.lint.discover import discover, is_yaml, matches, relative
from roledef.lint.rules import RULES, rule_info
from roledef.lint.rules import schema as schema_rule
from roledef.lint.rules import unreadable_file as unreadable_rule
from roledef.lint.rules.base import Rule
from roledef.model import Role, Span
from roledef.read.limits import time_limit
from roledef.read.source import SourceError, read_source

if TYPE_CHECKING:
    from roledef.lint.cache import LintCache


@dataclass(frozen=True)
class FileResult:
    """What checking one file gave: its findings before suppression, its role and its lines.

    ``digests`` (code -> what a cross-file rule needs of the role), ``comments`` and
    ``line_count`` are all that :func:`finish` needs, so a worker process sends back a
    :meth:`compact` result: a handbook of any size is checked without holding every role.
    """

    path: str
    findings: tuple[Finding, ...]
    role: Role | None = None
    lines: tuple[str, ...] = ()
    unreadable: bool = False
    internal: bool = False  # roledef itself failed on this file (a bug to report)
    skipped: bool = False  # a YAML file in a folder that is not a role file
    digests: tuple[tuple[str, Any], ...] = ()
    comments: tuple[tuple[int, str], ...] = ()
    line_count: int = 0

    def compact(self, *, keep_lines: bool) -> FileResult:
        """This result without the role (and without the lines unless asked for)."""
        return replace(self, role=None, lines=self.lines if keep_lines else ())


@dataclass(frozen=True)
class LintResult:
    """The outcome of a run: sorted findings, the files checked, and the lines of each file
    (baselines match findings by the text of their line)."""

    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    unreadable: tuple[str, ...] = ()
    internal: tuple[str, ...] = ()
    lines: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def make_finding(path: str, code: str, span: Span, message: str, config: Config) -> Finding:
    """A finding stamped with the rule's name, fixability and (configured) severity."""
    rule = RULES[code]
    return Finding(
        path=path,
        line=span.line,
        column=span.column,
        code=code,
        rule=rule.NAME,
        severity=config.severity.get(code, rule.SEVERITY),
        message=message,
        fixable=rule.FIXABLE,
        end_line=span.end_line,
        end_column=span.end_column,
    )


def rule_options(rule: Rule, config: Config) -> dict[str, object]:
    """A rule's options: its defaults, overridden by the config keys of the same name."""
    return {**rule.OPTIONS, **{k: config.options[k] for k in rule.OPTIONS if k in config.options}}


def check_role(role: Role, config: Config) -> list[Finding]:
    """Run every enabled rule that applies to the role's source format."""
    findings = []
    for code in sorted(config.enabled):
        rule = RULES[code]
        if role.source.format not in rule.FORMATS:
            continue
        options = rule_options(rule, config)
        for span, message in rule.check(role, options):
            findings.append(make_finding(role.source.path, code, span, message, config))
    return findings


def lint_text(text: str, path: str, config: Config, *, walked: bool = False) -> FileResult:
    """Check one file's text (read as YAML when its name says so, else as markdown).

    ``walked``: found in a folder, not named; a YAML file that is not a role file is skipped.
    """
    lines = tuple(text.split("\n"))
    findings: list[Finding] = []
    role: Role | None
    if is_yaml(path):
        from roledef.read.yamlrole import NotARole, load_yaml_role

        try:
            role, hits = load_yaml_role(text, path, walked=walked)
        except NotARole:
            return FileResult(path, (), skipped=True)
        if schema_rule.CODE in config.enabled:
            findings += [make_finding(path, schema_rule.CODE, s, m, config) for s, m in hits]
    else:
        from roledef.read.markdown import parse_markdown

        role = parse_markdown(text, path, aliases=config.aliases)
    if role is None:
        return FileResult(path, tuple(findings), None, lines)
    findings += check_role(role, config)
    return FileResult(
        path,
        tuple(findings),
        role,
        lines,
        digests=_digests(role, config),
        comments=role.source.comments,
        line_count=role.source.line_count,
    )


def _digests(role: Role, config: Config) -> tuple[tuple[str, Any], ...]:
    """What each enabled cross-file rule needs to know of this role."""
    out = []
    for code in sorted(config.enabled):
        rule = RULES[code]
        digest = getattr(rule, "digest", None)
        if digest is not None and role.source.format in rule.FORMATS:
            out.append((code, digest(role)))
    return tuple(out)


def lint_file(path: str, config: Config, walked: bool = False) -> FileResult:
    """Read and check one file; an unreadable file is a finding, not an exception."""
    try:
        # a pathological file is given up after the time limit (roledef.read.limits), as unreadable
        with time_limit(path):
            source = read_source(path, config.max_file_size)
            try:
                return lint_text(source.text, path, config, walked=walked)
            except SourceError:
                raise
            except Exception as exc:
                if os.environ.get("ROLEDEF_DEBUG"):
                    raise
                # a bug in roledef must not hide the findings of the other files: report it on
                # this file, go on, and let the command exit 3
                detail = " ".join(str(exc).split())[:300]
                message = (
                    f"roledef failed on this file ({type(exc).__name__}: {detail}); please "
                    "report it with the file (ROLEDEF_DEBUG=1 or --debug shows the traceback)"
                )
                finding = make_finding(path, unreadable_rule.CODE, Span(1), message, config)
                return FileResult(path, (finding,), unreadable=True, internal=True)
    except SourceError as exc:
        span = Span(exc.line or 1)
        # the reader's messages are predicates ("is not valid UTF-8"): give them a subject
        message = (
            f"the file {exc.message}"
            if exc.message.startswith(("is ", "contains ", "took "))
            else exc.message
        )
        finding = make_finding(path, unreadable_rule.CODE, span, message, config)
        return FileResult(path, (finding,), unreadable=True)


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
    cross = _CrossFile(config)
    walked = _walked(paths, files)
    jobs = resolve_jobs(jobs)
    results = (
        _results(files, walked, config, jobs, keep_lines)
        if cache is None
        else _cached_results(files, walked, config, jobs, keep_lines, cache)
    )
    for result in results:
        if not result.skipped:
            yield result, sorted(_final(result, cross.add(result), config))


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
    cross = _CrossFile(config)
    extra = {r.path: cross.add(r) for r in sorted(results, key=lambda r: r.path)}
    out: list[Finding] = []
    for result in results:
        out += _final(result, extra.get(result.path, []), config)
    return LintResult(
        findings=tuple(sorted(out)),
        files=tuple(r.path for r in results),
        unreadable=tuple(r.path for r in results if r.unreadable),
        internal=tuple(r.path for r in results if r.internal),
        lines={r.path: r.lines for r in results},
    )


def _final(result: FileResult, cross: list[Finding], config: Config) -> list[Finding]:
    """A file's findings after suppression comments and per-file ignores (not yet sorted)."""
    found = [*result.findings, *cross]
    if result.comments:
        found = _suppress(found, result, config)
    return [f for f in found if f.code in config.enabled and not _ignored(f, config)]


class _CrossFile:
    """The run's cross-file rules, fed one file at a time in path order.

    A cross-file rule module has ``digest(role)`` (computed with the file, in the worker) and a
    ``Checker(options)`` whose ``add(digest)`` yields ``(path, hit)`` for the file just added,
    judged against the files before it.
    """

    def __init__(self, config: Config) -> None:
        self.config = config
        self.checkers: dict[str, Any] = {}
        for code in sorted(config.enabled):
            rule = RULES[code]
            checker = getattr(rule, "Checker", None)
            if checker is not None:
                self.checkers[code] = checker(rule_options(rule, config))

    def add(self, result: FileResult) -> list[Finding]:
        out = []
        for code, digest in result.digests:
            checker = self.checkers.get(code)
            if checker is None:
                continue
            for path, (span, message) in checker.add(digest):
                out.append(make_finding(path, code, span, message, self.config))
        return out


def _suppress(findings: list[Finding], result: FileResult, config: Config) -> list[Finding]:
    directives = suppress.parse(result.comments, result.line_count)
    kept, problems = suppress.apply([(f.code, f.line) for f in findings], directives)
    out = [f for f, keep in zip(findings, kept, strict=True) if keep]
    extra = problems + suppress.unused(directives, config.enabled)
    out += [make_finding(result.path, code, span, msg, config) for span, code, msg in extra]
    return out


def _ignored(finding: Finding, config: Config) -> bool:
    if not config.per_file_ignores:
        return False
    rel = relative(finding.path, config.root)
    return any(
        finding.code in codes and matches(rel, [glob]) for glob, codes in config.per_file_ignores
    )


def rules_info(config: Config | None = None) -> dict[str, RuleInfo]:
    """Code -> :class:`~roledef.findings.RuleInfo` with the run's severities, for reporters."""
    severity = config.severity if config else {}
    return {code: rule_info(rule, severity.get(code)) for code, rule in RULES.items()}
