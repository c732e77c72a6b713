"""``roledef server``: the language server, over stdio (see docs/server.md).

pygls is an optional dependency (roledef's ``server`` extra), imported only here.
"""

from __future__ import annotations

import click

from roledef.exitcodes import EXIT_OK, EXIT_USAGE


@click.command()
def server() -> int:
    """Run the language server on stdin and stdout, for an editor's LSP client.

    Diagnostics as roledef lint reports them (the nearest config above each file), quick fixes,
    suppression comments, rule explanations on hover, completion of headings and front matter
    keys, and the role's outline. Needs pygls (roledef's server extra).
    """
    try:
        import pygls  # noqa: F401
    except ImportError:
        click.echo(
            "roledef: the language server needs pygls: install it beside roledef "
            "(pip install 'pygls>=2,<3'), or install roledef with its server extra "
            "(pip install -e '.[server]' in a clone)",
            err=True,
        )
        return EXIT_USAGE
    from roledef.server.app import server as language_server

    language_server.start_io()
    return EXIT_OK
