"""``roledef schema``: print the role JSON Schema."""

from __future__ import annotations

import click

from roledef.read.schema import schema_text


@click.command()
def schema() -> int:
    """Print the JSON Schema of the role model (draft 2020-12)."""
    click.echo(schema_text(), nl=False)
    return 0
