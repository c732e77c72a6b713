"""``roledef lint``: check role files and report findings in the chosen format.

This module parses options into a :class:`LintSettings` and hands it to :func:`run_lint`, which
loads the config, runs the engine, applies a baseline, renders the report and chooses the exit
code. Tests call :func:`run_lint` directly.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import click

from roledef.cli import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE
from roledef.findings import ERROR, Finding
from roledef.lint.formats import REPORTERS

if TYPE_CHECKING:
    from roledef.config import Config
    from roledef.lint.cache import LintCache


@dataclass(frozen=True)
class LintSettings:
    """Everything ``roledef lint`` was asked to do."""

    paths: tuple[str, ...] = (".",)
    config: str | None = None
    cli_options: dict[str, Any] = field(default_factory=dict)
    output_format: str = "text"
    output_file: str | None = None
    statistics: bool = False
    exit_zero: bool = False
    strict: bool = False
    jobs: int = 1
    baseline: str | None = None
    write_baseline: str | None = None
    color: bool = False
    fix: bool = False
    diff: bool = False
    unsafe_fixes: bool = False
    cache: bool = True
    cache_dir: str | None = None


def default_format() -> str:
    """``github`` inside GitHub Actions, where annotations appear on the pull request."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def use_color(output_file: str | None) -> bool:
    """Colour only on a terminal, and never when ``NO_COLOR`` is set (to anything but "")."""
    return not output_file and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _selectors(values: tuple[str, ...]) -> list[str]:
    return [s for v in values for s in v.replace(",", " ").split()]


def _jobs(value: str) -> int:
    if value.strip().lower() == "auto":
        return 0
    try:
        jobs = int(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a number or 'auto'") from None
    if jobs < 0:
        raise click.BadParameter("must be 0 (auto) or more")
    return jobs


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=str),
    help="Use this config file instead of looking for one.",
)
@click.option("--select", multiple=True, metavar="RULES", help="Run these rules instead.")
@click.option("--extend-select", multiple=True, metavar="RULES", help="Run these rules too.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Do not run these rules.")
@click.option(
    "--output-format",
    type=click.Choice(sorted(REPORTERS)),
    default=None,
    help="Report format [default: github in GitHub Actions, else text].",
)
@click.option(
    "--output-file",
    type=click.Path(dir_okay=False, path_type=str),
    help="Write the report to this file instead of stdout.",
)
@click.option("--statistics", is_flag=True, help="Count findings per rule (text format).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are errors.")
@click.option("--strict", is_flag=True, help="Warnings fail the run too.")
@click.option(
    "-j",
    "--jobs",
    default="1",
    show_default=True,
    metavar="N",
    help="Check files in N processes (0 or auto: one per CPU); the output is the same.",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=str),
    help="Report only findings not recorded in this baseline file.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False, path_type=str),
    help="Record today's findings in this baseline file and exit.",
)
@click.option(
    "--fix", is_flag=True, help="Fix what can be fixed safely, in place; report the rest."
)
@click.option(
    "--diff",
    is_flag=True,
    help="Print the fixes as a unified diff and write nothing (exit 1 if there are any).",
)
@click.option(
    "--unsafe-fixes", is_flag=True, help="With --fix or --diff: also fixes that may change meaning."
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Check every file afresh: neither read nor write the cache (also: ROLEDEF_NO_CACHE=1).",
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=str),
    help="Keep the cache here [default: .roledef_cache beside the config file, or in the "
    "current folder; also: ROLEDEF_CACHE_DIR].",
)
def lint(
    paths: tuple[str, ...],
    config: str | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    output_format: str | None,
    output_file: str | None,
    statistics: bool,
    exit_zero: bool,
    strict: bool,
    jobs: str,
    baseline: str | None,
    write_baseline: str | None,
    fix: bool,
    diff: bool,
    unsafe_fixes: bool,
    no_cache: bool,
    cache_dir: str | None,
) -> int:
    """Check role files (markdown or YAML) and folders of them (default: the current folder).

    RULES are codes (RD201), code prefixes (RD2), names (unknown-section) or ALL, separated by
    commas or given several times.

    Exit codes: 0 no errors (warnings allowed), 1 errors found (or warnings with --strict),
    2 bad usage, a bad config, or a file that could not be read (the others are still checked).
    With --diff: 0 nothing to fix, 1 there are fixes to make.
    """
    if baseline and write_baseline:
        raise click.UsageError("use either --baseline or --write-baseline, not both")
    if fix and diff:
        raise click.UsageError("use either --fix or --diff, not both")
    cli_options: dict[str, Any] = {}
    if select:
        cli_options["select"] = _selectors(select)
    if extend_select:
        cli_options["extend-select"] = _selectors(extend_select)
    if ignore:
        cli_options["ignore"] = _selectors(ignore)
    settings = LintSettings(
        paths=paths or (".",),
        config=config,
        cli_options=cli_options,
        output_format=output_format or default_format(),
        output_file=output_file,
        statistics=statistics,
        exit_zero=exit_zero,
        strict=strict,
        jobs=_jobs(jobs),
        baseline=baseline,
        write_baseline=write_baseline,
        color=use_color(output_file),
        fix=fix,
        diff=diff,
        unsafe_fixes=unsafe_fixes,
        cache=not no_cache,
        cache_dir=cache_dir,
    )
    return run_lint(settings)


def run_lint(settings: LintSettings) -> int:
    """Lint, report and return the exit code; problems with the run itself go to stderr."""
    from roledef.config import ConfigError, load_config

    try:
        config = load_config(settings.config, settings.cli_options)
    except ConfigError as exc:
        click.echo(f"roledef: {exc}", err=True)
        return EXIT_USAGE
    if settings.fix or settings.diff:
        from roledef.commands.lintfix import run_fixes

        done = run_fixes(settings.paths, config, write=settings.fix, unsafe=settings.unsafe_fixes)
        if done is not None:  # --diff, or a file that could not be written
            return done
    cache = open_cache(settings, config)
    try:
        if streams(settings):
            return stream_text(settings, config, cache)
        return report_whole(settings, config, cache)
    finally:
        if cache is not None:
            cache.close()


def open_cache(settings: LintSettings, config: Config) -> LintCache | None:
    """The run's cache, unless it is turned off or cannot be used (then the run goes on
    without it: the cache only saves time)."""
    if not settings.cache:
        return None  # (before the import: --no-cache is the hook's changed-file path)
    from roledef.lint.cache import LintCache, cache_dir, disabled_by_environment

    if disabled_by_environment():
        return None
    return LintCache.open(cache_dir(config, settings.cache_dir), config)


def report_whole(settings: LintSettings, config: Config, cache: LintCache | None = None) -> int:
    """Lint, then write the report as one document (formats, statistics, baselines)."""
    # imported here, so that the common case (streamed text in a hook) does not pay for them
    from roledef.lint.baseline import BaselineError, filter_new, read_baseline, write_baseline
    from roledef.lint.engine import lint_paths
    from roledef.lint.finish import rules_info
    from roledef.lint.formats import render_report
    from roledef.lint.rules import unreadable_file
    from roledef.write.atomic import OutputError, write_atomic

    try:
        known = read_baseline(settings.baseline) if settings.baseline else None
    except BaselineError as exc:
        click.echo(f"roledef: {exc}", err=True)
        return EXIT_USAGE
    keep_lines = bool(settings.baseline or settings.write_baseline)
    result = lint_paths(
        list(settings.paths), config, jobs=settings.jobs, keep_lines=keep_lines, cache=cache
    )
    findings: list[Finding] = list(result.findings)
    unreadable = [f for f in findings if f.code == unreadable_file.CODE]
    if unreadable and (settings.output_file or settings.output_format != "text"):
        for finding in unreadable:
            click.echo(f"roledef: {finding.path}: {finding.message}", err=True)
    try:
        if settings.write_baseline:
            recorded = [f for f in findings if f.code != unreadable_file.CODE]
            count = write_baseline(settings.write_baseline, recorded, result.lines)
            click.echo(f"roledef: recorded {count} findings in {settings.write_baseline}", err=True)
            if result.internal:
                return EXIT_INTERNAL
            return EXIT_USAGE if result.unreadable else EXIT_OK
        if known is not None and settings.baseline:
            findings = filter_new(findings, result.lines, known, settings.baseline)
    except BaselineError as exc:
        click.echo(f"roledef: {exc}", err=True)
        return EXIT_USAGE
    report = render_report(
        settings.output_format,
        findings,
        files_checked=len(result.files),
        rules=rules_info(config),
        color=settings.color,
        statistics=settings.statistics,
        files=result.files,
    )
    try:
        if settings.output_file:
            write_atomic(settings.output_file, report, force=True)
        else:
            click.echo(report, nl=False)
    except OutputError as exc:
        click.echo(f"roledef: {exc}", err=True)
        return EXIT_USAGE
    if result.internal:
        return EXIT_INTERNAL
    return exit_code(findings, bool(result.unreadable), settings)


def streams(settings: LintSettings) -> bool:
    """Whether the report can be written file by file as the run goes: plain text to stdout.

    The other formats are one document, and statistics and baselines need every finding.
    """
    return (
        settings.output_format == "text"
        and not settings.output_file
        and not settings.statistics
        and not settings.baseline
        and not settings.write_baseline
    )


def stream_text(settings: LintSettings, config: Config, cache: LintCache | None = None) -> int:
    """The ``text`` report, each file's findings written as soon as they are known.

    The same bytes as :func:`~roledef.lint.formats.render_report` gives, without holding the
    findings of a whole handbook: memory stays flat however many files are checked.
    """
    from roledef.lint.engine import iter_checked
    from roledef.lint.formats.text import finding_line, summary_text

    files = errors = warnings = affected = 0
    unreadable = internal = False
    checks = iter_checked(list(settings.paths), config, jobs=settings.jobs, cache=cache)
    for result, found in checks:
        files += 1
        unreadable = unreadable or result.unreadable
        internal = internal or result.internal
        if not found:
            continue
        affected += 1
        file_errors = sum(1 for f in found if f.severity == ERROR)
        errors += file_errors
        warnings += len(found) - file_errors
        click.echo("".join(finding_line(f, color=settings.color) for f in found), nl=False)
    if errors or warnings:
        click.echo("")
    click.echo(summary_text(files, errors, warnings, affected, color=settings.color))
    if internal:
        return EXIT_INTERNAL
    if unreadable:
        return EXIT_USAGE
    if settings.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if errors or (settings.strict and warnings) else EXIT_OK


def exit_code(findings: list[Finding], unreadable: bool, settings: LintSettings) -> int:
    """2 when a file could not be read; else 1 for errors (or any finding with --strict)."""
    if unreadable:
        return EXIT_USAGE
    if settings.exit_zero:
        return EXIT_OK
    failing = findings if settings.strict else [f for f in findings if f.severity == ERROR]
    return EXIT_FINDINGS if failing else EXIT_OK
