"""``roledef convert``: markdown role files to structured YAML or JSON.

A YAML or JSON role file (``.yaml``, ``.yml``, ``.json``) is read as one, and written in the
current schema version: this is how a file of schema version 1 is brought up to date.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from roledef.cli import debug_enabled
from roledef.commands.outputs import FileOutputs, check_outputs, make_output_dir, output_options
from roledef.exitcodes import EXIT_INTERNAL, EXIT_USAGE, internal_error_message
from roledef.model import Role
from roledef.read import MARKDOWN, load
from roledef.read.limits import time_limit
from roledef.read.source import DEFAULT_MAX_BYTES, SourceError
from roledef.write.atomic import OutputError
from roledef.write.structured import FORMATS, dump_role

if TYPE_CHECKING:
    from roledef.config import Config

#: Inputs read as structured role files, not as markdown.
STRUCTURED = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class ConvertSettings:
    fmt: str = "yaml"
    positions: bool = False
    force: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    config: str | None = None
    yaml_schema: str | None = None


def output_name(source: str | os.PathLike[str], fmt: str) -> str:
    """``docs/Customer Succes Manager`` -> ``Customer Succes Manager.yaml``."""
    name = Path(source).name
    known = (".md", ".markdown", *STRUCTURED)
    stem = name.rsplit(".", 1)[0] if name.lower().endswith(known) else name
    return f"{stem}.{fmt}"


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "--format",
    "--output-format",
    "fmt",
    type=click.Choice(FORMATS),
    default="yaml",
    show_default=True,
    help="Output format.",
)
@output_options
@click.option(
    "--with-positions",
    is_flag=True,
    help="Include the source position (line, column) of every element.",
)
@click.option(
    "--max-file-size",
    type=click.IntRange(min=0),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse input files larger than this many bytes (0: no limit).",
)
@click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=str),
    help="Use this config file instead of looking for one (its heading aliases are read).",
)
@click.option(
    "--yaml-schema",
    metavar="URL|PATH|none",
    help="The schema the YAML names for editors ('# yaml-language-server: $schema=...'); "
    "default: the config's yaml-schema, else the project's schemas/role.schema.json relative "
    "to the file, else no line.",
)
def convert(
    files: tuple[str, ...],
    fmt: str,
    output: str | None,
    output_dir: str | None,
    force: bool,
    with_positions: bool,
    max_file_size: int,
    config: str | None,
    yaml_schema: str | None,
) -> int:
    """Convert markdown role FILES to structured YAML (or JSON).

    A YAML or JSON role file is written again in the current schema version (version 1
    files: each step's 'owner' becomes 'owners').

    One file and no --output: the document goes to stdout. Several files, or a folder (its role
    files, as roledef lint finds them), need --output-dir, which gets one file per input, named
    after it. Existing files are never overwritten without --force, and every file is written
    atomically.

    A file that is not a role file (an index page, a level ladder, a hiring-process page: see
    roledef lint's not-a-role) is not converted: its sections would not fit a role. Named, it is
    an error; found in a folder, it is skipped and counted.

    Exit codes: 0 all converted, 2 a file could not be read or written, or is not a role file
    (the others are still converted), or the options do not fit.
    """
    if any(os.path.isdir(f) for f in files) and not output_dir:
        raise click.UsageError("a folder needs --output-dir DIR (one output per role file)")
    check_outputs(files, output, output_dir)
    settings = ConvertSettings(fmt, with_positions, force, max_file_size, config, yaml_schema)
    return run_convert(list(files), settings, output, output_dir)


def run_convert(
    files: list[str], settings: ConvertSettings, output: str | None, output_dir: str | None
) -> int:
    """Convert ``files``; print one line per failure; return the exit code."""
    from roledef.config import ConfigError
    from roledef.configfind import config_groups

    try:
        # each file with its project's config (the nearest above it), whose heading aliases
        # it is read with, as roledef lint reads it
        groups = config_groups(files, settings.config)
    except ConfigError as exc:
        click.echo(f"roledef: {exc}", err=True)
        return EXIT_USAGE
    rc = skipped = 0
    outputs = FileOutputs(output, output_dir, force=settings.force)
    if output_dir and not make_output_dir(output_dir):
        return 2
    inputs = [(n, w, g.config) for g in groups for n, w in _inputs(list(g.paths), g.config)]
    for name, walked, config in inputs:
        try:
            with time_limit(name):
                role = _read(name, settings.max_bytes, config, walked=walked)
                if role is None:  # found in a folder, and not a role file
                    skipped += 1
                    continue
                schema = _schema(settings, config, output, output_dir)
                text = dump_role(role, settings.fmt, positions=settings.positions, schema=schema)
            if not outputs.write(name, output_name(name, settings.fmt), text, verb="convert"):
                sys.stdout.write(text)
                sys.stdout.flush()
        except (SourceError, OutputError) as exc:
            click.echo(f"roledef: {exc}", err=True)
            rc = max(rc, EXIT_USAGE)
        except Exception as exc:
            # a bug in roledef: name the file, and go on with the others (every file is answered)
            exc.roledef_path = name  # type: ignore[attr-defined]
            if debug_enabled():
                raise
            click.echo(internal_error_message(exc, name), err=True)
            rc = EXIT_INTERNAL
    if skipped:
        plural = "s" if skipped > 1 else ""
        click.echo(f"roledef: {skipped} file{plural} skipped: not role files", err=True)
    return rc


def _inputs(files: list[str], config: Config) -> list[tuple[str, bool]]:
    """Each file to convert, and whether it was found by walking a folder rather than named."""
    from roledef.lint.discover import discover

    found: list[tuple[str, bool]] = []
    for name in files:
        if os.path.isdir(name):
            walked = discover([name], exclude=config.exclude, root=config.root)
            found += [(path, True) for path in walked]
        else:
            found.append((name, False))
    return found


def _is_role(role: Role, text: str) -> bool:
    from roledef.read.kind import classify

    return classify(role, text).is_role


def refuse_not_a_role(role: Role, text: str) -> None:
    """Raise :class:`SourceError` for a file that is not a role file (the answer ``roledef
    lint`` gives): converted, its sections would be read into a role's fields."""
    from roledef.lint.rules.not_a_role import message
    from roledef.read.kind import classify

    kind = classify(role, text)
    if not kind.is_role:
        raise SourceError(role.source.path, f"{message(kind.reason)}; not converted")


def _schema(
    settings: ConvertSettings, config: Config, output: str | None, output_dir: str | None
) -> str | None:
    """The ``$schema`` the YAML names, relative to where it is written (stdout: here)."""
    from roledef.write.structured import schema_reference

    where = Path(output_dir) if output_dir else Path(output).parent if output else Path.cwd()
    setting = settings.yaml_schema or config.options.get("yaml-schema")
    return schema_reference(setting, Path(config.root), where)


def _read(name: str, max_bytes: int, config: Config, *, walked: bool = False) -> Role | None:
    """A structured role file (upgraded to the current schema version), else markdown: any
    other file is read as markdown, as convert is how markdown becomes YAML."""
    if name.lower().endswith(STRUCTURED):
        from roledef.read.structured import load_role_data, load_structured_role

        if walked:  # a YAML file in a folder with none of a role's keys (a CI workflow, say)
            from roledef.read.kind import MODEL_FIELDS

            data, _ = load_role_data(name, max_bytes=max_bytes)
            if not isinstance(data, dict) or not MODEL_FIELDS & set(data):
                return None
        return load_structured_role(name, max_bytes=max_bytes)
    loaded = load(name, config, fmt=MARKDOWN, max_bytes=max_bytes)
    assert loaded.role is not None  # markdown always reads into a role
    if walked and not _is_role(loaded.role, loaded.text):
        return None
    refuse_not_a_role(loaded.role, loaded.text)
    refuse_lossy(loaded.role)
    return loaded.role


def refuse_lossy(role: Role) -> None:
    """Raise :class:`SourceError` for front matter that cannot be read: converting the file
    would silently drop it."""
    error = role.source.front_matter_error
    if error:
        span = role.source.front_matter_span
        raise SourceError(role.source.path, f"{error}; not converted", span.line if span else None)
