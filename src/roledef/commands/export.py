"""``roledef export``: role files as data for other systems (schema.org JSON-LD).

Options become an :class:`ExportSettings`; :func:`run_export` reads each role (markdown or YAML),
maps it and writes the documents the way ``roledef convert`` does: one input to stdout or
``-o``, several into ``--output-dir``, atomic writes, nothing overwritten without ``--force``.
Tests call :func:`run_export` directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from roledef.commands.outputs import FileOutputs, check_outputs, make_output_dir, output_options
from roledef.exitcodes import EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from roledef.config import Config
    from roledef.write.posting import Posting

#: target name -> file suffix of its documents.
TARGETS: dict[str, str] = {"jsonld": ".jsonld"}


@dataclass(frozen=True)
class ExportSettings:
    """Everything ``roledef export`` was asked to do."""

    files: tuple[str, ...]
    target: str = "jsonld"
    posting: bool = False
    #: posting fields from the command line, config key -> value (they override the config)
    posting_fields: dict[str, Any] = field(default_factory=dict)
    output: str | None = None
    output_dir: str | None = None
    force: bool = False
    config: str | None = None
    #: write a posting that lacks required fields (with a warning) instead of refusing it
    allow_incomplete: bool = False


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "--to",
    "target",
    type=click.Choice(list(TARGETS)),
    default="jsonld",
    show_default=True,
    help="What to export to (schema.org JSON-LD, the only target so far).",
)
@click.option("--posting", is_flag=True, help="A schema.org JobPosting instead of an Occupation.")
@click.option("--hiring-organization", metavar="NAME", help="The employer offering the job.")
@click.option("--date-posted", metavar="YYYY-MM-DD", help="The date the job was posted.")
@click.option(
    "--valid-through",
    metavar="YYYY-MM-DD",
    help="The date after which the posting is closed (after --date-posted).",
)
@click.option("--location", metavar="CITY", help="The town or city the employee works in.")
@click.option("--country", metavar="CC", help="The country of --location (ISO 3166-1: DE, US).")
@click.option(
    "--remote/--no-remote",
    default=None,
    help="A fully remote job (jobLocationType TELECOMMUTE); needs --applicant-country.",
)
@click.option(
    "--applicant-country",
    metavar="CC",
    multiple=True,
    help="A country applicants of a remote job may live in (repeatable).",
)
@click.option(
    "--employment-type",
    metavar="TYPE",
    multiple=True,
    help="FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM or OTHER "
    "(repeatable).",
)
@click.option(
    "--allow-incomplete",
    is_flag=True,
    help="Write a posting that lacks required fields, with a warning, instead of refusing it.",
)
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
    allow_incomplete: bool,
    output: str | None,
    output_dir: str | None,
    force: bool,
    config: str | None,
    **fields: Any,
) -> int:
    """Export role FILES (markdown or YAML) as schema.org JSON-LD.

    An Occupation by default; with --posting a JobPosting for job boards and search engines,
    whose fields come from the options or from the [posting] table of the config. A posting
    needs --hiring-organization, --date-posted and either --location with --country or
    --remote with --applicant-country; without them it is refused, naming what is missing,
    unless --allow-incomplete is given. The title is its name (an Occupation's) or title (a
    JobPosting's); the summary, duties, skills, levels and hiring plan its description (HTML
    for a posting); responsibilities and required skills its responsibilities and skills;
    nice-to-have skills its qualifications.

    Exit codes: 0 all exported, 2 a file could not be read or written, or is not a role file
    (the others are still exported), or the options do not fit or a posting lacks a required
    field.
    """
    given = {
        key.replace("_", "-"): value
        for key, value in fields.items()
        if value is not None and value != ()
    }
    if given and not posting:
        raise click.UsageError(f"--{next(iter(given))} describes a job posting: add --posting")
    if allow_incomplete and not posting:
        raise click.UsageError("--allow-incomplete describes a job posting: add --posting")
    check_outputs(files, output, output_dir)
    settings = ExportSettings(
        files, target, posting, given, output, output_dir, force, config, allow_incomplete
    )
    return run_export(settings)


def read_settings_posting(settings: ExportSettings, config: Config) -> Posting | None:
    """The posting to write (None for an Occupation), after a message per problem on stderr.

    Raises :class:`click.exceptions.Exit` with code 2 when a value is wrong, or when a required
    field is missing and incomplete postings are not allowed.
    """
    from roledef.write.posting import merge, missing_options, read_posting

    if not settings.posting:
        return None
    values = merge(config.options.get("posting"), settings.posting_fields, config.source)
    posting, errors = read_posting(values)
    for error in errors:
        click.echo(f"roledef: {error}", err=True)
    if errors:
        raise click.exceptions.Exit(EXIT_USAGE)
    missing = missing_options(posting)
    if missing:
        needs = missing[0] if len(missing) == 1 else f"{', '.join(missing[:-1])} and {missing[-1]}"
        if not settings.allow_incomplete:
            click.echo(
                f"roledef: a job posting needs {needs}: search engines do not show a posting "
                "without them. Give them as options or in the [posting] table of the config, "
                "or add --allow-incomplete to write it anyway",
                err=True,
            )
            raise click.exceptions.Exit(EXIT_USAGE)
        click.echo(f"roledef: warning: the posting lacks {needs}", err=True)
    return posting


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
    postings: dict[int, Posting | None] = {}
    for name, config in [(name, g.config) for g in groups for name in g.paths]:
        if id(config) not in postings:  # once per config: its [posting] table and the options
            try:
                postings[id(config)] = read_settings_posting(settings, config)
            except click.exceptions.Exit as exc:
                return exc.exit_code
        posting = postings[id(config)]
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
        doc = to_jsonld(result.role, posting)
        lacks = [key for key in ("title", "description") if posting and not doc.get(key)]
        if lacks:
            level = "warning: " if settings.allow_incomplete else ""
            click.echo(
                f"roledef: {name}: {level}the role gives no {' and no '.join(lacks)}, "
                "which a job posting needs",
                err=True,
            )
            if not settings.allow_incomplete:
                rc = EXIT_USAGE
                continue
        text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
        try:
            file_name = Path(name).stem + TARGETS[settings.target]
            if not outputs.write(name, file_name, text, verb="export"):
                click.echo(text, nl=False)
        except OutputError as exc:
            click.echo(f"roledef: {exc}", err=True)
            rc = EXIT_USAGE
    return rc
