"""The lint pipeline: files -> roles -> schema check and rules -> sorted findings.

Each file is read and checked on its own (in a process pool with ``jobs`` > 1); then, in this
process, the cross-file rules look at every role together, suppression comments and
``per-file-ignores`` are applied, and the findings are sorted, so the result does not depend on
how the work was split. Nothing here prints: the command turns the result into output and an exit
code.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

from roledef.diagnostics import Finding, RuleInfo
from roledef.lint import suppress
from roledef.lint.config import Config
from roledef.lint.discover import discover, is_yaml, matches, relative
from roledef.model import Role, Span
from roledef.rules import RULES, rule_info
from roledef.rules import schema as schema_rule
from roledef.rules import unreadable_file as unreadable_rule
from roledef.rules.base import Rule
from roledef.source import SourceError, read_source


@dataclass(frozen=True)
class FileResult:
    """What checking one file gave: its findings before suppression, its role and its lines."""

    path: str
    findings: tuple[Finding, ...]
    role: Role | None = None
    lines: tuple[str, ...] = ()
    unreadable: bool = False
    skipped: bool = False  # a YAML file in a folder that is not a role file


@dataclass(frozen=True)
class LintResult:
    """The outcome of a run: sorted findings, the files checked, and the lines of each file
    (baselines match findings by the text of their line)."""

    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    unreadable: tuple[str, ...] = ()
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
        from roledef.lint.yamlrole import NotARole, load_yaml_role

        try:
            role, hits = load_yaml_role(text, path, walked=walked)
        except NotARole:
            return FileResult(path, (), skipped=True)
        if schema_rule.CODE in config.enabled:
            findings += [make_finding(path, schema_rule.CODE, s, m, config) for s, m in hits]
    else:
        from roledef.parser import parse_markdown

        role = parse_markdown(text, path, aliases=config.aliases)
    if role is not None:
        findings += check_role(role, config)
    return FileResult(path, tuple(findings), role, lines)


def lint_file(path: str, config: Config, walked: bool = False) -> FileResult:
    """Read and check one file; an unreadable file is a finding, not an exception."""
    try:
        source = read_source(path, config.max_file_size)
    except SourceError as exc:
        span = Span(exc.line or 1)
        # the reader's messages are predicates ("is not valid UTF-8"): give them a subject
        message = (
            f"the file {exc.message}"
            if exc.message.startswith(("is ", "contains "))
            else exc.message
        )
        finding = make_finding(path, unreadable_rule.CODE, span, message, config)
        return FileResult(path, (finding,), unreadable=True)
    try:
        return lint_text(source.text, path, config, walked=walked)
    except Exception as exc:
        # the command reports internal errors in one line; tell it which file caused this one
        exc.roledef_path = path  # type: ignore[attr-defined]
        raise


def resolve_jobs(jobs: int) -> int:
    """``0`` means one worker per CPU."""
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def _work(config: Config, path: str, walked: bool) -> FileResult:
    """One unit of work for the pool (module level, so that it can be pickled)."""
    return lint_file(path, config, walked)


def _check_all(
    paths: Sequence[str], walked: Sequence[bool], config: Config, jobs: int
) -> list[FileResult]:
    worker = partial(_work, config)
    if jobs <= 1 or len(paths) <= 1:
        return [worker(p, w) for p, w in zip(paths, walked, strict=True)]
    from concurrent.futures import ProcessPoolExecutor

    workers = min(jobs, len(paths))
    chunk = max(1, len(paths) // (workers * 4))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(worker, paths, walked, chunksize=chunk))


def lint_paths(paths: Sequence[str], config: Config, *, jobs: int = 1) -> LintResult:
    """Lint files and folders; the result is the same whatever ``jobs`` is."""
    files = discover(paths, exclude=config.exclude, root=config.root)
    named = {os.path.normcase(os.path.abspath(p)) for p in paths if not os.path.isdir(p)}
    walked = [os.path.normcase(os.path.abspath(f)) not in named for f in files]
    results = _check_all(files, walked, config, resolve_jobs(jobs))
    return finish([r for r in results if not r.skipped], config)


def finish(results: Sequence[FileResult], config: Config) -> LintResult:
    """Cross-file rules, suppressions and per-file ignores over the per-file results."""
    by_path: dict[str, list[Finding]] = {r.path: list(r.findings) for r in results}
    roles = [r.role for r in results if r.role is not None]
    for path, finding in _cross_file(roles, config):
        by_path.setdefault(path, []).append(finding)
    out: list[Finding] = []
    for result in results:
        found = by_path.get(result.path, [])
        if result.role is not None:
            found = _suppress(found, result.role, config)
        out += [f for f in found if f.code in config.enabled and not _ignored(f, config)]
    return LintResult(
        findings=tuple(sorted(out)),
        files=tuple(r.path for r in results),
        unreadable=tuple(r.path for r in results if r.unreadable),
        lines={r.path: r.lines for r in results},
    )


def _cross_file(roles: Iterable[Role], config: Config) -> Iterable[tuple[str, Finding]]:
    roles = list(roles)
    for code in sorted(config.enabled):
        rule = RULES[code]
        check_all = getattr(rule, "check_all", None)
        if check_all is None:
            continue
        applicable = [r for r in roles if r.source.format in rule.FORMATS]
        for path, (span, message) in check_all(applicable, rule_options(rule, config)):
            yield path, make_finding(path, code, span, message, config)


def _suppress(findings: list[Finding], role: Role, config: Config) -> list[Finding]:
    comments = role.source.comments
    if not comments:
        return findings
    directives = suppress.parse(comments, role.source.line_count)
    kept, problems = suppress.apply([(f.code, f.line) for f in findings], directives)
    out = [f for f, keep in zip(findings, kept, strict=True) if keep]
    extra = problems + suppress.unused(directives, config.enabled)
    out += [make_finding(role.source.path, code, span, msg, config) for span, code, msg in extra]
    return out


def _ignored(finding: Finding, config: Config) -> bool:
    if not config.per_file_ignores:
        return False
    rel = relative(finding.path, config.root)
    return any(
        finding.code in codes and matches(rel, [glob]) for glob, codes in config.per_file_ignores
    )


def rules_info(config: Config | None = None) -> dict[str, RuleInfo]:
    """Code -> :class:`~roledef.diagnostics.RuleInfo` with the run's severities, for reporters."""
    severity = config.severity if config else {}
    return {code: rule_info(rule, severity.get(code)) for code, rule in RULES.items()}
