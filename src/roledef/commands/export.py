"""``roledef export``: role files as data for other systems (schema.org JSON-LD).

Options become an :class:`ExportSettings`; :func:`run_export` reads each role (markdown or YAML),
maps it and writes the documents the way ``roledef convert`` does: one input to stdout or
``-o``, several into ``--output-dir``, atomic writes, nothing overwritten without ``--force``.
Tests call :func:`run_export` directly.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from roledef.commands.outputs import FileOutputs, check_outputs, make_output_dir, output_options
from roledef.exitcodes import EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from roledef.write.jsonld import Posting

#: target name -> file suffix of its documents.
TARGETS: dict[str, str] = {"jsonld": ".jsonld"}


@dataclass(frozen=True)
class ExportSettings:
    """Everything ``roledef export`` was asked to do."""

    files: tuple[str, ...]
    target: str = "jsonld"
    posting: bool = False
    #: posting fields from the command line, config key -> value (they override the config)
    posting_fields: dict[str, str] = field(default_factory=dict)
    output: str | None = None
    output_dir: str | None = None
    force: bool = False
    config: str | None = None


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "--to", "target", type=click.Choice(list(TARGETS)), required=True, help="What to export to."
)
@click.option("--posting", is_flag=True, help="A schema.org JobPosting instead of an Occupation.")
@click.option("--hiring-organization", metavar="NAME", help="The posting's hiring organization.")
@click.option("--location", metavar="TEXT", help="The posting's job location, as an address.")
@click.option("--date-posted", metavar="YYYY-MM-DD", callback=_date, help="The posting's date.")
@output_options
@click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=str),
    help="Use this config file instead of looking for one.",
)
def export(
    files: tuple[str, ...],
    target: str,
    posting: bool,
    hiring_organization: str | None,
    location: str | None,
    date_posted: str | None,
    output: str | None,
    output_dir: str | None,
    force: bool,
    config: str | None,
) -> int:
    """Export role FILES (markdown or YAML) as schema.org JSON-LD.

    An Occupation by default; with --posting a JobPosting, whose hiring organization, location
    and date come from the options or from the [posting] table of the config. The title is
    its name (an Occupation's) or title (a JobPosting's); the summary, levels and hiring plan
    its description; responsibilities and required skills its responsibilities and skills;
    nice-to-have skills its qualifications.

    Exit codes: 0 all exported, 2 a file could not be read or written, or is not a role file
    (the others are still exported), or the options do not fit.
    """
    fields = {
        key: value
        for key, value in (
            ("hiring-organization", hiring_organization),
            ("location", location),
            ("date-posted", date_posted),
        )
        if value is not None
    }
    if fields and not posting:
        raise click.UsageError(f"--{next(iter(fields))} describes a job posting: add --posting")
    check_outputs(files, output, output_dir)
    settings = ExportSettings(files, target, posting, fields, output, output_dir, force, config)
    return run_export(settings)


def posting_fields(settings: ExportSettings, options: dict[str, Any]) -> Posting | None:
    """The :class:`~roledef.write.jsonld.Posting` to write, or None for an Occupation."""
    from roledef.write.jsonld import Posting

    if not settings.posting:
        return None
    merged = {**(options.get("posting") or {}), **settings.posting_fields}
    return Posting(
        hiring_organization=merged.get("hiring-organization"),
        location=merged.get("location"),
        date_posted=merged.get("date-posted"),
    )


def run_export(settings: ExportSettings) -> int:
    """Export every file; print one line per failure; return the exit code."""
    import json

    from roledef.config import ConfigError
    from roledef.configfind import config_groups
    from roledef.lint.engine import run
    from roledef.lint.rules.not_a_role import message
    from roledef.read import Source
    from roledef.write.atomic import OutputError
    from roledef.write.jsonld import to_jsonld

    try:
        # each file with its project's config (the nearest above it), or --config's
        groups = config_groups(settings.files, settings.config)
    except ConfigError as exc:
        click.echo(f"roledef: {exc}", err=True)
        return EXIT_USAGE
    if settings.output_dir and not make_output_dir(settings.output_dir):
        return EXIT_USAGE
    rc = EXIT_OK
    outputs = FileOutputs(settings.output, settings.output_dir, force=settings.force)
    for name, config in [(name, g.config) for g in groups for name in g.paths]:
        posting = posting_fields(settings, dict(config.options))
        # each named file on its own, as named (a folder is refused by reading it, not walked)
        result = next(run([Source(name)], config, keep_roles=True)).result
        if result.role is None or result.unreadable or result.not_role is not None:
            if result.unreadable or result.role is None:
                problem = result.findings[0].message if result.findings else "could not be read"
            else:
                problem = message(result.not_role or "")
            click.echo(f"roledef: {name}: {problem}", err=True)
            rc = EXIT_USAGE
            continue
        text = json.dumps(to_jsonld(result.role, posting), indent=2, ensure_ascii=False) + "\n"
        try:
            file_name = Path(name).stem + TARGETS[settings.target]
            if not outputs.write(name, file_name, text, verb="export"):
                click.echo(text, nl=False)
        except OutputError as exc:
            click.echo(f"roledef: {exc}", err=True)
            rc = EXIT_USAGE
    return rc
