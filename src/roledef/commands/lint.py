"""``roledef lint``: check role files and report findings in the chosen format.

This module parses options into a :class:`LintSettings` and hands it to :func:`run_lint`, which
loads the config, runs the engine (:func:`roledef.lint.engine.run`), takes out what a baseline
accounts for, feeds each file's findings to the output format as they come, and picks the exit
code (:func:`roledef.exitcodes.exit_code`). Tests call :func:`run_lint` directly.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any, Final

import click

from roledef.exitcodes import EXIT_USAGE, count, exit_code
from roledef.lint.formats import REPORTERS
from roledef.lint.rules.unreadable_file import CODE as UNREADABLE
from roledef.record import Record

if TYPE_CHECKING:
    from roledef.config import Config
    from roledef.configfind import ConfigGroup
    from roledef.lint.baseline import Key
    from roledef.lint.cache import LintCache
    from roledef.lint.changed import ChangedOnly
    from roledef.lint.engine import Input
    from roledef.lint.formats import Fixed
    from roledef.lint.result import Checked


class LintSettings(Record):
    """Everything ``roledef lint`` was asked to do."""

    __slots__ = (
        "baseline",
        "cache",
        "cache_dir",
        "cli_options",
        "color",
        "config",
        "diff",
        "diff_base",
        "exit_zero",
        "fix",
        "job_summary",
        "jobs",
        "output_file",
        "output_format",
        "paths",
        "skip_non_roles",
        "statistics",
        "stdin_filename",
        "strict",
        "unsafe_fixes",
        "write_baseline",
    )

    def __init__(
        self,
        paths: tuple[str, ...] = (),
        config: str | None = None,
        cli_options: dict[str, Any] | None = None,
        output_format: str = "text",
        output_file: str | None = None,
        statistics: bool = False,
        exit_zero: bool = False,
        strict: bool = False,
        jobs: int = 1,
        baseline: str | None = None,
        write_baseline: str | None = None,
        color: bool = False,
        fix: bool = False,
        diff: bool = False,
        unsafe_fixes: bool = False,
        cache: bool = True,
        cache_dir: str | None = None,
        skip_non_roles: bool = False,
        job_summary: bool = True,
        stdin_filename: str | None = None,
        diff_base: str | None = None,
    ) -> None:
        self.paths: Final = paths  # none: the project's role files (the config's include)
        self.config: Final = config
        self.cli_options: Final[dict[str, Any]] = {} if cli_options is None else cli_options
        self.output_format: Final = output_format
        self.output_file: Final = output_file
        self.statistics: Final = statistics
        self.exit_zero: Final = exit_zero
        self.strict: Final = strict
        self.jobs: Final = jobs
        self.baseline: Final = baseline
        self.write_baseline: Final = write_baseline
        self.color: Final = color
        self.fix: Final = fix
        self.diff: Final = diff
        self.unsafe_fixes: Final = unsafe_fixes
        self.cache: Final = cache
        self.cache_dir: Final = cache_dir
        # files named that are not role files are skipped as in a folder (pre-commit names
        # every changed file, not only the roles)
        self.skip_non_roles: Final = skip_non_roles
        # a markdown summary appended to $GITHUB_STEP_SUMMARY when that is set
        self.job_summary: Final = job_summary
        # the path the text read from standard input ("-") stands for
        self.stdin_filename: Final = stdin_filename
        self.diff_base: Final = diff_base  # report only what changed since this git ref


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


#: The type of the options that name a file (one instance: each costs a locale lookup to make).
FILE = click.Path(dir_okay=False, path_type=str)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--config",
    type=FILE,
    help="Use this config file instead of looking for one.",
)
@click.option("--select", multiple=True, metavar="RULES", help="Run these rules instead.")
@click.option("--extend-select", multiple=True, metavar="RULES", help="Run these rules too.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Do not run these rules.")
@click.option(
    "--output-format",
    "--format",
    "output_format",
    type=click.Choice(sorted(REPORTERS)),
    default=None,
    help="Report format [default: github in GitHub Actions, else text].",
)
@click.option(
    "--output-file",
    "-o",
    "--output",
    "output_file",
    type=FILE,
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
    type=FILE,
    help="Report only findings not recorded in this baseline file.",
)
@click.option(
    "--write-baseline",
    type=FILE,
    help="Record today's findings in this baseline file and exit.",
)
@click.option(
    "--fix", is_flag=True, help="Fix what can be fixed safely, in place; report the rest."
)
@click.option(
    "--diff",
    is_flag=True,
    help="Print the fixes as a unified diff and write nothing (exit 1 if there are any, "
    "unless --exit-zero).",
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
    help="Keep the cache here [default: .roledef_cache beside the config file, else at the top "
    "of the git work tree, else in the current folder; also: ROLEDEF_CACHE_DIR].",
)
@click.option(
    "--skip-non-roles",
    is_flag=True,
    help="Skip files named here that are not role files, as in a folder, instead of warning "
    "(for pre-commit hooks, which name every changed file).",
)
@click.option(
    "--no-job-summary",
    is_flag=True,
    help="In GitHub Actions, do not append a markdown summary of the findings to the job's "
    "summary page ($GITHUB_STEP_SUMMARY), as roledef does in any output format.",
)
@click.option(
    "--stdin-filename",
    metavar="PATH",
    help="Read the file from standard input (also: PATH '-') as if it were PATH, which decides "
    "its config, rules and messages; with --fix the fixed text goes to stdout, the findings "
    "left to stderr.",
)
@click.option(
    "--diff-base",
    metavar="REF",
    help="Report only findings on lines changed since the merge base of REF and HEAD "
    "(uncommitted edits and untracked files included), and every finding of files added since; "
    "say how many others were left out. For pull requests: --diff-base origin/main.",
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
    skip_non_roles: bool,
    no_job_summary: bool,
    stdin_filename: str | None,
    diff_base: str | None,
) -> int:
    """Check role files (markdown or YAML) and folders of them.

    Without PATHS: the folders and globs of 'include' in the config, or else every file of the
    current folder that reads as a role file. A file named here that is not a role file gets
    one warning (not-a-role); one found in a folder is skipped. Each path uses the nearest
    config at or above it (unless --config); '-' reads standard input (see --stdin-filename).

    RULES are codes (RD201), code prefixes (RD2), names (unknown-section) or ALL, separated by
    commas or given several times.

    Exit codes: 0 no errors (warnings allowed), 1 errors found (or warnings with --strict),
    2 bad usage, a bad config, or a file that could not be read (the others are still checked).
    With --diff: 0 nothing to fix (or --exit-zero), 1 there are fixes to make.
    """
    if baseline and write_baseline:
        raise click.UsageError("use either --baseline or --write-baseline, not both")
    if fix and diff:
        raise click.UsageError("use either --fix or --diff, not both")
    if diff_base is not None and (fix or diff or write_baseline):
        raise click.UsageError(
            "--diff-base only filters what is reported: it cannot be used with --fix, --diff "
            "or --write-baseline"
        )
    if diff_base is not None and (stdin_filename is not None or "-" in paths):
        raise click.UsageError("--diff-base compares files with git: it cannot read standard input")
    cli_options: dict[str, Any] = {}
    if select:
        cli_options["select"] = _selectors(select)
    if extend_select:
        cli_options["extend-select"] = _selectors(extend_select)
    if ignore:
        cli_options["ignore"] = _selectors(ignore)
    settings = LintSettings(
        paths=paths,
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
        skip_non_roles=skip_non_roles,
        job_summary=not no_job_summary,
        stdin_filename=stdin_filename,
        diff_base=diff_base,
    )
    return run_lint(settings)


def run_lint(settings: LintSettings) -> int:
    """Lint, report and return the exit code; problems with the run itself go to stderr."""
    from roledef.config import ConfigError
    from roledef.configfind import config_groups

    if settings.stdin_filename is not None or "-" in settings.paths:
        from roledef.commands.lintstdin import run_stdin

        return run_stdin(settings)
    try:
        # each path with the nearest config above it (or --config's), grouped by config
        groups = config_groups(settings.paths, settings.config, settings.cli_options)
    except ConfigError as exc:
        click.echo(f"roledef: {exc}", err=True)
        return EXIT_USAGE
    if settings.fix or settings.diff:
        from roledef.commands.lintfix import run_fixes

        done = run_fixes(
            [(input_paths(settings, group), group.config) for group in groups],
            write=settings.fix,
            unsafe=settings.unsafe_fixes,
            exit_zero=settings.exit_zero,
        )
        if done is not None:  # --diff, or a file that could not be written
            return done
    return report(settings, groups)


def input_paths(settings: LintSettings, group: ConfigGroup) -> list[str]:
    """The paths of a group, or the project's role files (the config's ``include``, else ".")."""
    if group.paths:
        return list(group.paths)
    from roledef.lint.discover import project_paths

    return project_paths(group.config.include, group.config.root)


def open_cache(settings: LintSettings, config: Config) -> LintCache | None:
    """The run's cache, unless it is turned off or cannot be used (then the run goes on
    without it: the cache only saves time)."""
    if not settings.cache:
        return None  # (before the import: --no-cache is the hook's changed-file path)
    from roledef.lint.cache import LintCache, cache_dir, disabled_by_environment

    if disabled_by_environment():
        return None
    return LintCache.open(cache_dir(config, settings.cache_dir), config)


def report(
    settings: LintSettings, groups: Sequence[ConfigGroup], inputs: Sequence[Input] = ()
) -> int:
    """Lint and write the output as the run goes (text to stdout file by file; the other formats,
    and any output file, at the end), or record a baseline; return the exit code. ``inputs``:
    what the one group checks instead of its paths (a text read from standard input)."""
    known = None
    if settings.baseline:  # (imported only then: the common run does not pay for hashing)
        from roledef.lint.baseline import BaselineError, read_baseline

        try:
            known = read_baseline(settings.baseline)
        except BaselineError as exc:
            click.echo(f"roledef: {exc}", err=True)
            return EXIT_USAGE
    changed = None
    if settings.diff_base is not None:  # (asks git before any file is checked)
        from roledef.lint.changed import ChangedOnly, DiffBaseError, changes

        try:
            changed = ChangedOnly(changes(settings.diff_base))
        except DiffBaseError as exc:
            click.echo(f"roledef: {exc}", err=True)
            return EXIT_USAGE
    checks = chain.from_iterable(_checks(settings, group, inputs) for group in groups)
    if settings.write_baseline:
        return record_baseline(settings.write_baseline, checks)
    return write_output(settings, groups, checks, known, changed)


def _checks(
    settings: LintSettings, group: ConfigGroup, inputs: Sequence[Input] = ()
) -> Iterator[Checked]:
    """The checks of one group, with its project's cache open while they run."""
    from roledef.lint.engine import run

    cache = None if inputs else open_cache(settings, group.config)
    try:
        yield from run(
            inputs or input_paths(settings, group),
            group.config,
            jobs=settings.jobs,
            keep_lines=bool(settings.baseline or settings.write_baseline),
            cache=cache,
            found=not settings.paths or settings.skip_non_roles,
            keep_skipped=not settings.write_baseline,  # (counted in the summary)
        )
    finally:
        if cache is not None:
            cache.close()


def write_output(
    settings: LintSettings,
    groups: Sequence[ConfigGroup],
    checks: Iterable[Checked],
    known: Counter[Key] | None,
    changed: ChangedOnly | None = None,
) -> int:
    """Feed each file's findings (less those of the baseline, and with ``--diff-base`` those
    on unchanged lines) to the output format; write stdout as it comes, an output file at the
    end; return the exit code."""
    from roledef.lint.discover import other_files
    from roledef.lint.formats import REPORTERS
    from roledef.lint.rules import rules_info

    config = groups[0].config  # (the rules' severities in formats that list the rules)
    fixed: Fixed = ("unsafe" if settings.unsafe_fixes else "safe") if settings.fix else "none"
    out = REPORTERS[settings.output_format].output(
        lambda: rules_info(config),
        color=settings.color,
        statistics=settings.statistics,
        fixed=fixed,
    )
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY") if settings.job_summary else None
    if summary_file:  # (GitHub Actions sets it in every step; imported only then)
        from roledef.lint.formats.jobsummary import WithJobSummary

        annotations = settings.output_format == "github" and not settings.output_file
        left_out = None
        if changed is not None:
            from functools import partial

            left_out = partial(changed.told, str(settings.diff_base))
        out = WithJobSummary(out, summary_file, annotations=annotations, left_out=left_out)
    remaining = None
    if known is not None and settings.baseline:
        from roledef.lint.baseline import Remaining

        remaining = Remaining(known, settings.baseline)
    # unreadable files are named on stderr when stdout is not the text a person reads
    tell = bool(settings.output_file or settings.output_format != "text")
    parts: list[str] = []
    errors = warnings = 0
    unreadable = internal = False
    _emit(out.start(), settings, parts)
    for checked in checks:
        result = checked.result
        if result.skipped:  # a page found in a folder that is not a role file
            _emit(out.skip("not-role"), settings, parts)
            continue
        unreadable = unreadable or result.unreadable
        internal = internal or result.internal
        findings = checked.findings if remaining is None else remaining.new(checked)
        if changed is not None:
            findings = changed.keep(result.path, findings)
        if tell and result.unreadable:
            for finding in checked.findings:
                if finding.code == UNREADABLE:
                    click.echo(f"roledef: {finding.path}: {finding.message}", err=True)
        file_errors, file_warnings = count(findings)
        errors += file_errors
        warnings += file_warnings
        _emit(out.file(result.path, findings), settings, parts)
    others = sum(
        other_files(input_paths(settings, g), exclude=g.config.exclude, root=g.config.root)
        for g in groups
    )
    if others:
        _emit(out.skip("name", others), settings, parts)
    _emit(out.finish(), settings, parts)
    if settings.output_file and not _write_file(settings.output_file, "".join(parts)):
        return EXIT_USAGE
    if changed is not None and changed.left_out:
        github = settings.output_format == "github" and not settings.output_file
        click.echo(changed.note(str(settings.diff_base), github=github), err=True)
    return exit_code(
        errors,
        warnings,
        unreadable=unreadable,
        internal=internal,
        strict=settings.strict,
        exit_zero=settings.exit_zero,
    )


def _emit(text: str, settings: LintSettings, parts: list[str]) -> None:
    """Write ``text`` to stdout now, or keep it for the output file."""
    if settings.output_file:
        parts.append(text)
    elif text:
        click.echo(text, nl=False)


def _write_file(path: str, text: str) -> bool:
    from roledef.write.atomic import OutputError, write_atomic

    try:
        write_atomic(path, text, force=True)
    except OutputError as exc:
        click.echo(f"roledef: {exc}", err=True)
        return False
    return True


def record_baseline(path: str, checks: Iterable[Checked]) -> int:
    """``--write-baseline``: record every finding but unreadable files' in ``path``."""
    from roledef.lint.baseline import BaselineError, write_baseline
    from roledef.lint.result import collect

    result = collect(checks)
    recorded = [f for f in result.findings if f.code != UNREADABLE]
    try:
        count = write_baseline(path, recorded, result.lines)
    except BaselineError as exc:
        click.echo(f"roledef: {exc}", err=True)
        return EXIT_USAGE
    click.echo(f"roledef: recorded {count} findings in {path}", err=True)
    return exit_code(0, 0, unreadable=bool(result.unreadable), internal=bool(result.internal))
