"""Which files of a workspace the server checks: the role files ``roledef lint`` would find."""

from __future__ import annotations

import os

from roledef.config import Config
from roledef.lint.discover import ROLE_SUFFIXES, discover, project_paths
from roledef.lint.discover import excluded as is_excluded


def role_file(path: str) -> bool:
    """Whether a folder walk would check ``path`` (by its name)."""
    name = os.path.basename(path)
    return name.lower().endswith(ROLE_SUFFIXES) and not name.startswith(".")


def excluded(path: str, config: Config) -> bool:
    """Whether the config's ``exclude`` leaves ``path`` out."""
    return is_excluded(path, config.exclude, config.root)


def project_files(folder: str, config: Config) -> list[str]:
    """The role files of a workspace folder, as ``roledef lint`` run there finds them (the
    config's ``include``, else the folder), as absolute paths in order."""
    root = config.root if config.source else folder
    paths = [
        p if os.path.isabs(p) else os.path.join(os.getcwd(), p)
        for p in project_paths(config.include, root)
    ]
    if not config.include:
        paths = [folder]
    found = discover(paths, exclude=config.exclude, root=config.root)
    return sorted({os.path.abspath(p) for p in found if os.path.isfile(p)})
