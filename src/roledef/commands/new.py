"""``roledef new``: start a role file from the canonical template."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import click

from roledef.text import slugify
from roledef.write.atomic import OutputError, write_atomic
from roledef.write.template import DEFAULT_NAV_GROUP

#: Output names ending in these are written as the structured role instead of markdown.
STRUCTURED = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}


@dataclass(frozen=True)
class NewSettings:
    title: str
    output: str | None = None  # None: <slug>.md in the current folder; "-": stdout
    force: bool = False
    nav_group: str | None = None  # None: the config's default-nav-group


@click.command()
@click.argument("title")
@click.option(
    "-o",
    "--output",
    "--output-file",
    "output",
    type=click.Path(dir_okay=False, path_type=str),
    help="Write here instead of TITLE-AS-SLUG.md ('-': stdout; .yaml or .json: the model).",
)
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@click.option(
    "--nav-group",
    help=f"The navGroup of the front matter [default: the config's default-nav-group, else "
    f"'{DEFAULT_NAV_GROUP}'].",
)
def new(title: str, output: str | None, force: bool, nav_group: str | None) -> int:
    """Start a role file for TITLE from the canonical template.

    Every blank is marked TODO(roledef): ...; `roledef lint` reports each one (rule RD207,
    placeholder) until it is filled in. The file is named after the title
    ("Site Reliability Engineer" -> site-reliability-engineer.md) unless --output says otherwise,
    and an existing file is never overwritten without --force.

    Exit codes: 0 written, 2 the title is empty or the file could not be written.
    """
    return run_new(NewSettings(title, output, force, nav_group))


def run_new(settings: NewSettings) -> int:
    """Write the template; print one line on failure; return the exit code."""
    from roledef.write.structured import dump_role
    from roledef.write.template import new_markdown, new_role

    title = " ".join(settings.title.split())
    if not title:
        click.echo(
            "roledef: the title is empty: give the role's title, e.g. 'Data Analyst'", err=True
        )
        return 2
    from roledef.config import ConfigError, load_config
    from roledef.write.structured import schema_reference

    try:
        config = load_config()
    except ConfigError as exc:
        click.echo(f"roledef: {exc}", err=True)
        return 2
    nav_group = settings.nav_group
    if nav_group is None:
        nav_group = str(config.options.get("default-nav-group") or DEFAULT_NAV_GROUP)
    target = settings.output or f"{slugify(title)}.md"
    fmt = next((f for s, f in STRUCTURED.items() if target.lower().endswith(s)), None)
    where = Path(target).parent if target != "-" else Path.cwd()
    schema = schema_reference(config.options.get("yaml-schema"), Path(config.root), where)
    role = new_role(title, nav_group)
    text = dump_role(role, fmt, schema=schema) if fmt else new_markdown(title, nav_group)
    if target == "-":
        sys.stdout.write(text)
        return 0
    try:
        write_atomic(target, text, force=settings.force)
    except OutputError as exc:
        click.echo(f"roledef: {exc}", err=True)
        return 2
    click.echo(
        f"roledef: wrote {target}; fill in every TODO(roledef), then run roledef lint", err=True
    )
    return 0
