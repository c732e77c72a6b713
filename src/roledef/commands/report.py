"""``roledef report``: figures about a handbook's hiring plans, owners and findings.

Options become a :class:`ReportSettings`; :func:`run_report` loads the config, lints the files,
builds the report once (:mod:`roledef.handbook.data`) and renders it in the chosen format. Tests
call :func:`run_report` directly.
"""

from __future__ import annotations

from dataclasses import dataclass

import click

from roledef.exitcodes import EXIT_OK, EXIT_USAGE
from roledef.handbook import FORMATS


@dataclass(frozen=True)
class ReportSettings:
    """Everything ``roledef report`` was asked to do."""

    paths: tuple[str, ...] = ()  # none: the project's role files (the config's include)
    fmt: str = "text"
    output: str | None = None
    force: bool = False
    config: str | None = None


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--format",
    "--output-format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default="text",
    show_default=True,
    help="Output format: text, markdown, json, or a self-contained html page.",
)
@click.option(
    "-o",
    "--output",
    "--output-file",
    "output",
    type=click.Path(dir_okay=False, path_type=str),
    help="Write the report to this file instead of stdout.",
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=str),
    help="Use this config file instead of looking for one.",
)
def report(
    paths: tuple[str, ...], fmt: str, output: str | None, force: bool, config: str | None
) -> int:
    """Sum up a handbook: hiring steps, interview time, owners, findings.

    PATHS are role files and folders (default: the config's 'include', or the current folder).

    Per role: hiring steps, interview minutes, steps without owner or duration, missing
    sections and findings. Per owner: the hiring plans they appear in and their minutes per
    candidate. Totals and the rules that fire most. Minutes are per candidate: the sum of the
    steps' known durations (a range counts its lower bound; a step without a duration adds
    nothing). An owner's spellings count as one ("the hiring manager", "Hiring Manager").
    Files that are not role files are listed apart and left out of the figures.

    Exit codes: 0 report written (findings do not change it), 2 bad usage, a bad config, a
    file that could not be read, or an output file that exists (without --force).
    """
    settings = ReportSettings(paths, fmt, output, force, config)
    return run_report(settings)


def run_report(settings: ReportSettings) -> int:
    """Build, render and write the report; problems go to stderr as one line each."""
    from roledef.config import ConfigError
    from roledef.configfind import config_groups
    from roledef.handbook import render
    from roledef.handbook.data import build_report, collect
    from roledef.write.atomic import OutputError, write_atomic

    if settings.output and _exists(settings.output) and not settings.force:
        click.echo(f"roledef: {settings.output}: exists; pass --force to overwrite it", err=True)
        return EXIT_USAGE
    try:
        # the config of the first path named (the nearest above it), as lint finds it
        config = config_groups(settings.paths[:1], settings.config)[0].config
    except ConfigError as exc:
        click.echo(f"roledef: {exc}", err=True)
        return EXIT_USAGE
    paths = list(settings.paths)
    if not paths:
        from roledef.lint.discover import project_paths

        paths = project_paths(config.include, config.root)
    checked = collect(paths, config, found=not settings.paths)
    rc = EXIT_OK
    for item in checked:
        if item.unreadable:
            message = item.findings[0].message if item.findings else "cannot be read"
            click.echo(f"roledef: {item.path}: {message}", err=True)
            rc = EXIT_USAGE
    text = render(settings.fmt, build_report(checked, config, paths))
    try:
        if settings.output:
            write_atomic(settings.output, text, force=settings.force)
        else:
            click.echo(text, nl=False)
    except OutputError as exc:
        click.echo(f"roledef: {exc}", err=True)
        return EXIT_USAGE
    return rc


def _exists(path: str) -> bool:
    import os

    return os.path.exists(path)
