"""Which config each path uses: the nearest config file at or above it, as ruff finds it.

``roledef lint handbook/a.md other/b.md`` checks ``a.md`` with the config of ``handbook``'s
project and ``b.md`` with ``other``'s, from whatever folder it runs in: each path named takes the
nearest ``.roledef.toml`` (or ``pyproject.toml`` with ``[tool.roledef]``) at or above it (a
folder from itself, a file from its folder), and a folder's files take the folder's config.
``--config`` is used for every path instead. The paths are then grouped by config, and the
engine runs once per group: each config is read once, and the rules that compare files compare
the files of one group. Without paths, the config is found from the current folder.

The common run (every path under one config) costs what one lookup from the current folder
cost: each folder is looked up once, and a folder's answer is the answer of every folder the walk
up from it passed through.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from roledef.config import Config, config_in, load_config, read_config_file, resolve_config
from roledef.record import Record


class ConfigGroup(Record):
    """Paths that use one config (no paths: the project's role files, found by the config)."""

    __slots__ = ("config", "paths")

    def __init__(self, config: Config, paths: tuple[str, ...] = ()) -> None:
        self.config: Final = config
        self.paths: Final = paths


class ConfigFinder:
    """Finds and loads the config of paths, each folder looked up once and each file read once."""

    def __init__(self, cli_options: dict[str, Any] | None = None, cwd: Path | None = None) -> None:
        self.cli_options = cli_options
        self.cwd = (cwd or Path.cwd()).resolve()
        self._files: dict[str, Path | None] = {}  # folder -> its nearest config file
        self._configs: dict[Path | None, Config] = {}

    def config_file(self, path: str) -> Path | None:
        """The nearest config file at or above ``path`` (a folder, or a file's folder; the path
        need not exist): ``.roledef.toml``, or a ``pyproject.toml`` with ``[tool.roledef]``."""
        full = os.path.join(self.cwd, path)  # (an absolute path stays as it is)
        folder = os.path.normpath(full if os.path.isdir(full) else os.path.dirname(full))
        passed: list[str] = []
        found: Path | None = None
        while True:
            if folder in self._files:
                found = self._files[folder]
                break
            passed.append(folder)
            found = config_in(Path(folder))
            if found is not None:
                break
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
        for seen in passed:
            self._files[seen] = found
        return found

    def config_for(self, path: str) -> Config:
        """The resolved config of ``path``."""
        return self.load(self.config_file(path))

    def load(self, file: Path | None) -> Config:
        """The resolved config of a config file (None: the defaults, rooted in the current
        folder), read once."""
        config = self._configs.get(file)
        if config is None:
            options = read_config_file(file) if file else {}
            root = file.parent if file else self.cwd
            config = resolve_config(options, self.cli_options, source=file, root=root)
            self._configs[file] = config
        return config


def config_groups(
    paths: Sequence[str],
    explicit: str | None = None,
    cli_options: dict[str, Any] | None = None,
    *,
    cwd: Path | None = None,
) -> list[ConfigGroup]:
    """The paths grouped by the config each uses, groups in the order of their first path
    (by name); one group when ``explicit`` (``--config``) is given or no path is.

    Raises :class:`~roledef.config.ConfigError` for a config that cannot be used.
    """
    if explicit or not paths:
        return [ConfigGroup(load_config(explicit, cli_options, cwd=cwd), tuple(paths))]
    finder = ConfigFinder(cli_options, cwd)
    by_file: dict[Path | None, list[str]] = {}
    for path in paths:
        by_file.setdefault(finder.config_file(path), []).append(path)
    groups = [ConfigGroup(finder.load(file), tuple(named)) for file, named in by_file.items()]
    return sorted(groups, key=lambda group: min(group.paths))
