"""The ``roledef`` command line.

Subcommands live in :mod:`roledef.commands` and are imported only when they run, so that
``roledef lint`` does not pay for what ``roledef convert`` needs (start-up time matters in a
pre-commit hook). This module is the one place that turns failures into exit codes.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from roledef import __version__
from roledef.exitcodes import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, internal_error_message

#: command name -> "module:attribute"; one line per command, in the order a user needs them
#: (``roledef --help`` lists them so): check files, configure, change them, look at the handbook.
COMMANDS: dict[str, str] = {
    "lint": "roledef.commands.lint:lint",
    "init": "roledef.commands.init:init",
    "convert": "roledef.commands.convert:convert",
    "render": "roledef.commands.render:render",
    "report": "roledef.commands.report:report",
    "export": "roledef.commands.export:export",
    "new": "roledef.commands.new:new",
    "rules": "roledef.commands.rules:rules",
    "explain": "roledef.commands.rules:explain",
    "schema": "roledef.commands.schema:schema",
    "server": "roledef.commands.server:server",
}


class LazyGroup(click.Group):
    """A group that imports a subcommand's module only when that subcommand is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Each command with the whole first sentence of its help, wrapped rather than cut."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=sys.maxsize)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, _, attr = target.partition(":")
        __import__(module)  # (rather than importlib's: ``python -X importtime`` times this one)
        command = getattr(sys.modules[module], attr)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="roledef")
@click.option(
    "--debug", is_flag=True, envvar="ROLEDEF_DEBUG", help="Show a traceback on internal errors."
)
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """roledef: check, convert and render handbook job descriptions (role files)."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    if debug:
        os.environ["ROLEDEF_DEBUG"] = "1"  # so that --jobs worker processes re-raise too


def debug_enabled() -> bool:
    """Whether ``--debug`` (or ``ROLEDEF_DEBUG``) asks for tracebacks instead of one line."""
    ctx = click.get_current_context(silent=True)
    obj = ctx.find_root().obj if ctx is not None else None
    return bool(os.environ.get("ROLEDEF_DEBUG")) or (
        isinstance(obj, dict) and bool(obj.get("debug"))
    )


def _exit_cleanly_on_sigterm() -> None:
    """Turn SIGTERM (a cancelled CI job, a killed hook) into an exit that runs ``finally``
    blocks, so that a write in progress removes its temporary file and leaves the original."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return

    def terminate(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, terminate)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI; an unexpected error is one line and exit code 3."""
    debug = "--debug" in (argv if argv is not None else sys.argv) or bool(
        os.environ.get("ROLEDEF_DEBUG")
    )
    _exit_cleanly_on_sigterm()
    try:
        rc: Any = cli.main(args=argv, prog_name="roledef", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("roledef: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE if exc.exit_code == 2 else exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("roledef: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_OK)
    except Exception as exc:
        if debug:
            raise
        click.echo(internal_error_message(exc, getattr(exc, "roledef_path", None)), err=True)
        sys.exit(EXIT_INTERNAL)
    sys.exit(rc if isinstance(rc, int) else EXIT_OK)
