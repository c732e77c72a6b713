"""``roledef render``: a structured role (YAML or JSON) to handbook markdown."""

from __future__ import annotations

import sys
from dataclasses import dataclass

import click

from roledef.read.limits import time_limit
from roledef.read.source import DEFAULT_MAX_BYTES, SourceError
from roledef.read.structured import load_structured_role
from roledef.write.atomic import OutputError, write_atomic
from roledef.write.render import render_markdown, roundtrip_report


@dataclass(frozen=True)
class RenderSettings:
    output: str | None = None
    force: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES


@click.command()
@click.argument("role_file", type=click.Path(dir_okay=False, path_type=str))
@click.option(
    "-o",
    "--output",
    "--output-file",
    "output",
    type=click.Path(dir_okay=False, path_type=str),
    help="Write the markdown to this file instead of stdout.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@click.option(
    "--max-file-size",
    type=click.IntRange(min=0),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse input files larger than this many bytes (0: no limit).",
)
def render(role_file: str, output: str | None, force: bool, max_file_size: int) -> int:
    """Render a YAML or JSON ROLE_FILE as handbook markdown.

    ROLE_FILE is a structured role file, as `roledef convert` writes it.

    The markdown goes to stdout unless --output is given; an existing file is never
    overwritten without --force, and the file is written atomically. The input is checked
    against the role schema first.

    The rendered text is read back before it is written: if some field would not read back
    exactly (something markdown cannot express), each difference is reported on stderr.

    Exit codes: 0 rendered, 1 rendered but some field does not read back exactly, 2 the input
    could not be read or does not fit the schema, or the output could not be written.
    """
    return run_render(role_file, RenderSettings(output, force, max_file_size))


def run_render(path: str, settings: RenderSettings) -> int:
    """Render one structured role file; print messages; return the exit code."""
    try:
        with time_limit(path):  # a pathological file is given up, not waited for
            role = load_structured_role(path, max_bytes=settings.max_bytes)
            text = render_markdown(role)
            problems = roundtrip_report(role, text)
    except SourceError as exc:
        for line in str(exc).split("\n"):
            click.echo(f"roledef: {line}", err=True)
        return 2
    except Exception as exc:
        exc.roledef_path = path  # type: ignore[attr-defined]  # named in the internal-error line
        raise
    try:
        if settings.output:
            write_atomic(settings.output, text, force=settings.force)
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
    except OutputError as exc:
        click.echo(f"roledef: {exc}", err=True)
        return 2
    for problem in problems:
        click.echo(f"roledef: {path}: warning: {problem}", err=True)
    return 1 if problems else 0
