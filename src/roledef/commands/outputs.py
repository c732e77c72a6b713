"""The output options that ``convert`` and ``export`` share: one file, or one per input."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

F = TypeVar("F", bound=Callable[..., object])


def output_options(func: F) -> F:
    """``-o/--output``, ``--output-dir`` and ``--force``, worded the same for every command."""
    func = click.option("--force", is_flag=True, help="Overwrite existing output files.")(func)
    func = click.option(
        "--output-dir",
        type=click.Path(file_okay=False, path_type=str),
        help="Write one document per input into this folder (created if missing).",
    )(func)
    return click.option(
        "-o",
        "--output",
        "--output-file",
        "output",
        type=click.Path(dir_okay=False, path_type=str),
        help="Write the one input's document to this file instead of stdout.",
    )(func)


def check_outputs(files: tuple[str, ...], output: str | None, output_dir: str | None) -> None:
    """Refuse option combinations that would lose a document."""
    if output and output_dir:
        raise click.UsageError("use either --output or --output-dir, not both")
    if len(files) > 1 and not output_dir:
        raise click.UsageError("several files need --output-dir DIR (one output per input)")


def make_output_dir(folder: str) -> bool:
    """Create ``folder``; False (after a one-line message) when it cannot be created."""
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        click.echo(f"roledef: {folder}: cannot create folder: {exc.strerror}", err=True)
        return False
    return True


class FileOutputs:
    """Writes each input's document to ``output``, or to its own file in ``output_dir``,
    refusing to write one file twice in a run (two inputs with the same name)."""

    def __init__(self, output: str | None, output_dir: str | None, *, force: bool) -> None:
        self.output = output
        self.output_dir = output_dir
        self.force = force
        self.seen: dict[str, str] = {}

    def write(self, name: str, file_name: str, text: str, *, verb: str) -> bool:
        """Write ``text`` (the document of input ``name``); False when it goes to stdout.

        ``file_name`` is its name in the output folder; ``verb`` names the command in the
        message about a clash ("convert them into different folders").
        """
        from roledef.write.atomic import OutputError, write_atomic

        if self.output_dir:
            target = str(Path(self.output_dir) / file_name)
            if target in self.seen:
                raise OutputError(
                    f"{target}: would also be written for {self.seen[target]}; "
                    f"{verb} them into different folders"
                )
            self.seen[target] = name
            write_atomic(target, text, force=self.force)
        elif self.output:
            write_atomic(self.output, text, force=self.force)
        else:
            return False
        return True
