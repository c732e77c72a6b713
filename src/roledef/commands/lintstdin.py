"""``roledef lint -``: check the text of standard input as if it were the file ``--stdin-filename``.

For editors without a language server and for scripts, as ``ruff check -`` does. The path given
decides the config (the nearest above it, or ``--config``), the format (``.yaml``/``.yml`` are
read as YAML), ``per-file-ignores`` and the messages; it need not exist. Without it the text is
``-``, read as markdown, with the config of the current folder. The text is one file: the rules
that compare files see it alone.

- ``roledef lint -``: the findings go to stdout (or ``--output-file``), as for a file.
- ``--fix``: the text goes to stdout, fixed, or unchanged when there is nothing to fix or it
  cannot be fixed, so that an editor may always put it back in the buffer; what was fixed and
  the findings left go to stderr (or ``--output-file``), and the exit code is lint's.
- ``--diff``: the diff of the fixes goes to stdout; exit 1 when there is one (unless
  ``--exit-zero``).

The text is read as a file is: bytes that are not UTF-8, or more than ``max-file-size`` of
them, make an ``unreadable-file`` finding and exit code 2. A path the config's ``exclude``
names is left alone (no findings; ``--fix`` gives the text back), as a file named would be.
"""

from __future__ import annotations

import os
import shutil
import sys
from contextlib import redirect_stdout
from typing import TYPE_CHECKING, BinaryIO, Final

import click

from roledef.config import Config, ConfigError
from roledef.exitcodes import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from roledef.read import MARKDOWN, Source, format_of

if TYPE_CHECKING:
    from roledef.commands.lint import LintSettings
    from roledef.fix.apply import FileFix

#: The name of the text when ``--stdin-filename`` is not given (as ruff names it).
STDIN_NAME = "-"


class StdinSource(Source):
    """The bytes of standard input, decoded when they are checked, as a file's are (so a text
    that cannot be decoded, or is over the size limit, is reported as a file would be)."""

    __slots__ = ("data",)

    def __init__(self, path: str, data: bytes) -> None:
        super().__init__(path)
        self.data: Final = data

    def read(self, max_bytes: int) -> str:
        from roledef.read.source import SourceError, decode

        if max_bytes and len(self.data) > max_bytes:
            limit = f"the {max_bytes:,}-byte limit (raise max-file-size)"
            raise SourceError(self.path, f"is over {limit}")
        return decode(self.data, self.path).text


def run_stdin(settings: LintSettings) -> int:
    """Lint (``--fix``, ``--diff``) the text of standard input; return the exit code."""
    from roledef.commands.lint import report
    from roledef.configfind import ConfigGroup

    if settings.paths not in ((), (STDIN_NAME,)):
        raise click.UsageError("standard input ('-') is checked alone: name no other paths")
    if settings.baseline or settings.write_baseline:
        raise click.UsageError("--baseline and --write-baseline take files, not standard input")
    path = settings.stdin_filename or STDIN_NAME
    try:
        config = stdin_config(path, settings.config, settings.cli_options)
    except ConfigError as exc:
        click.echo(f"roledef: {exc}", err=True)
        if settings.fix:  # (an editor replaces its buffer with what comes back)
            _write_bytes(b"", sys.stdin.buffer)
        return EXIT_USAGE
    stdin = sys.stdin.buffer
    data = stdin.read(config.max_file_size + 1 if config.max_file_size else -1)
    excluded = _excluded(path, config)
    fix = None
    if (settings.fix or settings.diff) and not excluded and format_of(path) == MARKDOWN:
        fix = _fix(path, data, config, unsafe=settings.unsafe_fixes, write=settings.fix)
    if settings.diff:
        sys.stdout.write(fix.diff() if fix else "")
        sys.stdout.flush()
        changed = fix is not None and fix.changed
        return EXIT_FINDINGS if changed and not settings.exit_zero else EXIT_OK
    if settings.fix:
        # the text always goes back (an editor replaces its buffer with it), even one too
        # large to check: the rest of it is copied through as it comes
        if fix is not None and fix.changed:
            _write_text(fix.output())
        else:
            _write_bytes(data, stdin)
    if excluded:
        return EXIT_OK
    source = Source(path, fix.after) if fix is not None and fix.changed else StdinSource(path, data)
    one = settings.replace(paths=(STDIN_NAME,), cache=False, jobs=1)
    group = ConfigGroup(config, (STDIN_NAME,))
    if not settings.fix:
        return report(one, [group], [source])
    # stdout holds the text: the findings go to stderr
    color = not settings.output_file and sys.stderr.isatty() and not os.environ.get("NO_COLOR")
    with redirect_stdout(sys.stderr):
        return report(one.replace(color=bool(color)), [group], [source])


def stdin_config(path: str, explicit: str | None, cli_options: dict[str, object] | None) -> Config:
    """The config of the text: ``--config``'s, else the nearest above the path it stands for
    (from the current folder for ``-``)."""
    from roledef.configfind import ConfigFinder

    if explicit:
        from roledef.config import load_config

        return load_config(explicit, cli_options)
    finder = ConfigFinder(dict(cli_options or {}))
    return finder.load(finder.config_file("." if path == STDIN_NAME else path))


def _excluded(path: str, config: Config) -> bool:
    """Whether the config's ``exclude`` names the path the text stands for."""
    if path == STDIN_NAME:
        return False
    from roledef.lint.discover import excluded

    return excluded(path, config.exclude, config.root)


def _fix(path: str, data: bytes, config: Config, *, unsafe: bool, write: bool) -> FileFix | None:
    """The fixes of the text, told on stderr as ``--fix`` and ``--diff`` tell them; None when it
    cannot be fixed (it is then given back, or diffed, as it is)."""
    from roledef.commands.lintfix import counted
    from roledef.fix.apply import FixError, decode_for_fix, fix_text
    from roledef.lint.formats.common import plural
    from roledef.read.source import SourceError

    try:
        text, newline, bom = decode_for_fix(data, path, config.max_file_size)
    except (SourceError, FixError) as exc:
        reason = exc.message if isinstance(exc, SourceError) else str(exc)
        click.echo(f"roledef: {path}: not fixed: the file {reason}", err=True)
        return None
    fix = fix_text(path, text, config, unsafe=unsafe, newline=newline, bom=bom)
    if fix.refused:
        click.echo(f"roledef: {path}: {fix.refused}", err=True)
        return None
    if fix.changed:
        verb = "fixed" if write else "would fix"
        click.echo(f"roledef: {path}: {verb} {counted(fix.fixed)}", err=True)
        click.echo(f"roledef: {verb} {plural(len(fix.fixed), 'finding')} in 1 file", err=True)
    if fix.unsafe_left:
        more = "1 more fix needs" if fix.unsafe_left == 1 else f"{fix.unsafe_left} more fixes need"
        click.echo(f"roledef: {more} --unsafe-fixes", err=True)
    return fix


def _write_text(text: str) -> None:
    """The fixed text, in UTF-8 (the only encoding a text is fixed in), to stdout."""
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()


def _write_bytes(data: bytes, rest: BinaryIO) -> None:
    """The text given back as it came: ``data``, then what is left to read of ``rest``."""
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    shutil.copyfileobj(rest, sys.stdout.buffer)
    sys.stdout.buffer.flush()
