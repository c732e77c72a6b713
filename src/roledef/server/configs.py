"""The config of each file: the nearest config above it, as ``roledef lint`` finds it, read once
and read again when it changes.

A folder's answer is kept with the state (modification time and size) of every file that could
decide it: the config names in the folder and each folder above. Asking again costs a few
``stat`` calls; a config created, edited or removed anywhere on the way up is seen at once,
whether or not the editor reports the change.
"""

from __future__ import annotations

import os
from pathlib import Path

from roledef.config import FILE_NAMES, Config, ConfigError, load_config

#: What a folder's config was decided by: each candidate file's (mtime, size), or None.
Stamp = tuple[tuple[int, int] | None, ...]


def _stamp(folder: Path) -> Stamp:
    out: list[tuple[int, int] | None] = []
    for parent in (folder, *folder.parents):
        for name in FILE_NAMES:
            try:
                info = os.stat(parent / name)
            except OSError:
                out.append(None)
                continue
            out.append((info.st_mtime_ns, info.st_size))
    return tuple(out)


class Configs:
    """Configs by folder; a config that cannot be used is a :class:`ConfigError` to report."""

    def __init__(self) -> None:
        self._cache: dict[Path, tuple[Stamp, Config | ConfigError]] = {}
        #: the workspace's folders: where a file without a config file has its root
        self.folders: list[str] = []

    def for_folder(self, folder: str | os.PathLike[str]) -> Config | ConfigError:
        """The config of the files of ``folder``."""
        where = Path(folder).resolve()
        stamp = _stamp(where)
        kept = self._cache.get(where)
        if kept is not None and kept[0] == stamp:
            return kept[1]
        try:
            found: Config | ConfigError = load_config(cwd=where)
        except ConfigError as exc:
            found = exc
        self._cache[where] = (stamp, found)
        return found

    def for_file(self, path: str) -> Config | ConfigError:
        """The config of ``path``: the nearest above it. Without one, the defaults with the
        root at the workspace folder that holds the file, as ``roledef lint`` run there."""
        path = os.path.abspath(path)
        found = self.for_folder(os.path.dirname(path))
        if isinstance(found, ConfigError) or found.source is not None:
            return found
        holders = [f for f in self.folders if path.startswith(os.path.join(f, ""))]
        return self.for_folder(max(holders, key=len)) if holders else found
