"""Which files a lint run checks: files named on the command line, and role files in folders.

Folders are walked in sorted order for role files only (``.md``, ``.yaml``, ``.yml``), skipping
hidden folders. A file named explicitly is linted whatever its name (a handbook may have a role
file without an extension). ``exclude`` globs apply to both, relative to the config's folder: a
pattern without ``/`` matches any file or folder of that name, one with ``/`` matches the path
from the config's folder (``*`` also crosses ``/``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from fnmatch import fnmatchcase
from pathlib import Path

from roledef.read import YAML_SUFFIXES

ROLE_SUFFIXES = (".md", *YAML_SUFFIXES)

#: Folders never worth walking into, besides hidden ones.
SKIP_DIRS = frozenset({"node_modules", "__pycache__", "venv"})


def relative(path: str, root: str) -> str:
    """``path`` relative to ``root`` in ``/`` form, or absolute when it lies outside ``root``."""
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute, os.path.abspath(root))
    except ValueError:  # another drive on Windows
        return Path(absolute).as_posix()
    return Path(absolute).as_posix() if rel.startswith("..") else Path(rel).as_posix()


def matches(rel: str, patterns: Iterable[str]) -> bool:
    """Whether a ``/``-separated relative path, or one of its folders, matches a pattern."""
    parts = rel.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    for pattern in patterns:
        pattern = pattern.strip().rstrip("/")
        if pattern.startswith("./"):
            pattern = pattern[2:]
        if not pattern:
            continue
        if "/" not in pattern:
            if any(fnmatchcase(part, pattern) for part in parts):
                return True
        elif any(fnmatchcase(prefix, pattern) for prefix in prefixes):
            return True
    return False


def discover(paths: Sequence[str], *, exclude: Sequence[str] = (), root: str = ".") -> list[str]:
    """The files to lint, each once, in the order given (folders expanded in sorted order).

    A path that does not exist is kept: reading it reports it as unreadable.
    """
    seen: set[str] = set()
    found: list[str] = []
    for path in paths:
        candidates = _walk(path, exclude, root) if os.path.isdir(path) else iter([path])
        for candidate in candidates:
            key = os.path.normcase(os.path.abspath(candidate))
            if key in seen or (exclude and matches(relative(candidate, root), exclude)):
                continue
            seen.add(key)
            found.append(candidate)
    return found


def _walk(folder: str, exclude: Sequence[str], root: str) -> Iterator[str]:
    for current, dirs, files in os.walk(folder):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and d not in SKIP_DIRS
            and not (exclude and matches(relative(os.path.join(current, d), root), exclude))
        )
        for name in sorted(files):
            if name.lower().endswith(ROLE_SUFFIXES) and not name.startswith("."):
                path = os.path.join(current, name)
                # "roledef lint" walks "."; report "roles/x.md", as the user would type it
                yield path[2:] if path.startswith("./") else path
