"""``roledef init``: the first step of adopting roledef in a handbook.

Options become an :class:`InitSettings`; :func:`run_init` reads the handbook's role files
(:func:`roledef.handbook.infer.infer`), shows what it inferred with the evidence and the findings
before and after, and writes the config. Tests call :func:`run_init` directly.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import click

from roledef.exitcodes import EXIT_OK, EXIT_USAGE

#: No role file among the paths: nothing to infer, nothing written.
EXIT_NO_ROLES = 1
CONFIG_NAME = ".roledef.toml"
PYPROJECT = "pyproject.toml"
TABLE = "tool.roledef"


@dataclass(frozen=True)
class InitSettings:
    """Everything ``roledef init`` was asked to do."""

    paths: tuple[str, ...] = (".",)
    force: bool = False
    dry_run: bool = False
    pyproject: bool = False


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--force", is_flag=True, help="Overwrite an existing .roledef.toml.")
@click.option(
    "--print",
    "--dry-run",
    "dry_run",
    is_flag=True,
    help="Write nothing: print the config on stdout (what was inferred goes to stderr).",
)
@click.option(
    "--pyproject",
    is_flag=True,
    help="Append a [tool.roledef] table to the folder's pyproject.toml instead.",
)
def init(paths: tuple[str, ...], force: bool, dry_run: bool, pyproject: bool) -> int:
    """Write a config that fits the handbook's own conventions.

    Reads the role files in PATHS (default: the current folder) and infers the handbook's
    conventions: its own section headings (as aliases), the sections and front matter keys most
    role files have, and the rules whose convention the files do not follow. Shows each setting
    with the figures that decided it and the findings per rule before and after, then writes
    .roledef.toml in the folder given (for several paths or a file: the current folder). A
    convention is what at least 80% of the role files do. Only rules that check roledef's own
    conventions (file names, section order, navTitle, front matter) may be switched off; those
    about the hiring plan never are.

    Exit codes: 0 written (or printed), 1 no role file found (nothing written), 2 bad usage, a
    path that does not exist, or a config that exists (without --force).
    """
    return run_init(InitSettings(paths or (".",), force, dry_run, pyproject))


def config_folder(paths: tuple[str, ...]) -> Path:
    """Where the config goes: the one folder given, else the current folder."""
    if len(paths) == 1 and os.path.isdir(paths[0]):
        return Path(paths[0])
    return Path(".")


def run_init(settings: InitSettings) -> int:
    """Infer, show and write the config; problems go to stderr as one line each."""
    from roledef.handbook.configtoml import TomlMismatch, checked, render
    from roledef.handbook.infer import infer
    from roledef.write.atomic import OutputError

    for path in settings.paths:
        if not os.path.exists(path):
            click.echo(f"roledef: {path}: no such file or folder", err=True)
            return EXIT_USAGE
    folder = config_folder(settings.paths)
    target = folder / (PYPROJECT if settings.pyproject else CONFIG_NAME)
    problem = None if settings.dry_run else _refusal(target, settings)
    if problem:
        click.echo(f"roledef: {problem}", err=True)
        return EXIT_USAGE
    found = infer(list(settings.paths), str(folder))
    for path, message in found.unreadable:
        click.echo(f"roledef: {path}: {message} (left out)", err=True)
    if not found.roles:
        what = ", ".join(settings.paths)
        click.echo(
            f"roledef: no role files in {what}: nothing to infer from (see 'roledef explain "
            "not-a-role' for how role files are told from other pages); nothing written",
            err=True,
        )
        return EXIT_NO_ROLES
    from roledef.handbook.initshow import summary

    text = render(found, table=TABLE if settings.pyproject else "")
    try:
        text = checked(text, found, TABLE if settings.pyproject else "")
        if settings.dry_run:
            click.echo(summary(found, folder), err=True)
            click.echo(text, nl=False)
            return EXIT_OK
        click.echo(summary(found, folder))
        _write(target, text, settings)
    except TomlMismatch as exc:
        click.echo(f"roledef: {target}: {exc}; nothing written", err=True)
        return EXIT_USAGE
    except OutputError as exc:
        click.echo(f"roledef: {exc}; nothing written", err=True)
        return EXIT_USAGE
    click.echo(f"wrote {target}" + (f" ([{TABLE}])" if settings.pyproject else ""))
    return EXIT_OK


def _refusal(target: Path, settings: InitSettings) -> str | None:
    """Why the config cannot be written where it would go, or None."""
    if settings.pyproject:
        if not target.is_file():
            return f"{target}: no such file; drop --pyproject to write {CONFIG_NAME}"
        has = _has_table(target)
        if isinstance(has, str):
            return has
        if has:
            return (
                f"{target}: has a [tool.roledef] table already; roledef init does not rewrite "
                "it: remove the table, or use --print to see the inferred config"
            )
        return None
    if target.exists() and not settings.force:
        return f"{target}: exists; pass --force to overwrite it, or --print to see the config"
    existing = target.parent / PYPROJECT
    if not settings.force and existing.is_file() and _has_table(existing) is True:
        return (
            f"{existing}: has a [tool.roledef] table, which {CONFIG_NAME} would take the place "
            "of; pass --force to write it anyway"
        )
    return None


def _has_table(path: Path) -> bool | str:
    """Whether a pyproject.toml has a ``[tool.roledef]`` table; why not, if it cannot be read."""
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return f"{path}: cannot be read as TOML: {exc}"
    tool = data.get("tool")
    return isinstance(tool, dict) and "roledef" in tool


def _write(target: Path, text: str, settings: InitSettings) -> None:
    """Write the config atomically; a pyproject.toml gets the table appended."""
    from roledef.write.atomic import OutputError, write_atomic

    if settings.pyproject:
        try:
            old = target.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise OutputError(f"{target}: cannot read: {exc}") from None
        fragment = text
        text = old + ("\n" if old and not old.endswith("\n") else "") + "\n" + text
        _same_elsewhere(old, text, fragment)
    write_atomic(target, text, force=settings.force or settings.pyproject)


def _same_elsewhere(old: str, new: str, fragment: str) -> None:
    """Check that the appended table reads back as written, and the rest as it was."""
    import tomllib

    from roledef.handbook.configtoml import TomlMismatch, read_back

    try:
        before, after = tomllib.loads(old), tomllib.loads(new)
    except ValueError as exc:
        raise TomlMismatch(f"cannot append to it: {exc}") from None
    if read_back(new, TABLE) != read_back(fragment, TABLE):
        raise TomlMismatch("the appended table does not read back as written")
    after.get("tool", {}).pop("roledef", None)
    if not after.get("tool") and "tool" not in before:
        after.pop("tool", None)
    if before != after:
        raise TomlMismatch("appending the table would change the rest of the file")
