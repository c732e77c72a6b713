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
