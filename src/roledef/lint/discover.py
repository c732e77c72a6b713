"""Which files a lint run checks: files named on the command line, and role files in folders.

Folders are walked in sorted order for markdown and YAML files (``.md``, ``.yaml``, ``.yml``),
skipping hidden folders and places that hold other projects' files or build output
(:data:`SKIP_DIRS`, and any virtual environment: a folder with a ``pyvenv.cfg``); whether a
file found there is a role file is then read from its content (:mod:`roledef.read.kind`). A
file named explicitly is linted whatever its name (a handbook may have a role file without an
extension). ``exclude`` globs apply to both, relative to the config's folder: a pattern without
``/`` matches any file or folder of that name, one with ``/`` matches the path from the
config's folder (``*`` also crosses ``/``).

Given no paths, a run checks the project's role files (:func:`project_paths`): the config's
``include`` globs and folders, or else the current folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from fnmatch import fnmatchcase
from pathlib import Path

from roledef.read import YAML_SUFFIXES

ROLE_SUFFIXES = (".md", *YAML_SUFFIXES)

#: Folders never worth walking into, besides hidden ones and virtual environments: other
#: projects' files (dependencies, vendored code) and build output (Sphinx, Jekyll, packaging).
SKIP_DIRS = frozenset(
    {
        "node_modules",
        "bower_components",
        "vendor",
        "site-packages",
        "__pycache__",
        "venv",
        "_build",
        "_site",
        "build",
        "dist",
    }
)


def project_paths(config_include: Sequence[str], root: str) -> list[str]:
    """What a run given no paths checks: each ``include`` pattern (a folder, a file or a glob,
    relative to ``root``), or the current folder when there are none. Shown relative to the
    current folder when below it. A pattern that matches nothing adds nothing; a folder or file
    named without a wildcard is kept, so that a missing one is reported."""
    if not config_include:
        return ["."]
    import glob

    found: list[str] = []
    for pattern in config_include:
        full = os.path.join(root, pattern.strip())
        # a glob adds what it matches; a plain name is kept, so that a missing one is reported
        matches = sorted(glob.glob(full, recursive=True)) if glob.has_magic(pattern) else [full]
        found += [_shown(m) for m in matches]
    return found


def _shown(path: str) -> str:
    rel = relative(path, ".")
    return path if os.path.isabs(rel) else rel


def _skipped_dir(current: str, name: str) -> bool:
    if name.startswith(".") or name in SKIP_DIRS:
        return True
    return os.path.isfile(os.path.join(current, name, "pyvenv.cfg"))


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


def excluded(path: str, exclude: Sequence[str], root: str) -> bool:
    """Whether ``exclude`` (patterns relative to ``root``) leaves ``path`` out."""
    return bool(exclude) and matches(relative(path, root), exclude)


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
            if key in seen or excluded(candidate, exclude, root):
                continue
            seen.add(key)
            found.append(candidate)
    return found


#: Names of files a walk leaves out that may still be role files, and so are counted: no
#: suffix ("data-analyst"), or a suffix of other markdown or plain text. Code, images and the
#: like are not counted: in a repository they would drown the count.
_MAYBE_ROLE_SUFFIXES = (".markdown", ".mdown", ".mkd", ".mdx", ".txt", ".text")


def _maybe_role(path: str) -> bool:
    name = os.path.basename(path).lower()
    return "." not in name or name.endswith(_MAYBE_ROLE_SUFFIXES)


def other_files(paths: Sequence[str], *, exclude: Sequence[str] = (), root: str = ".") -> int:
    """How many files the folders among ``paths`` hold that a run leaves out for their names
    and that may be role files (no suffix, or another markdown or text suffix), each once;
    hidden files and the files of folders a walk skips or ``exclude`` names are not counted,
    as the user asked for them to be left out."""
    seen: set[str] = set()
    for path in paths:
        if not os.path.isdir(path):
            continue
        for candidate in _walk(path, exclude, root, roles=False):
            if not _maybe_role(candidate):
                continue
            if not excluded(candidate, exclude, root):
                seen.add(os.path.normcase(os.path.abspath(candidate)))
    return len(seen)


def _walk(folder: str, exclude: Sequence[str], root: str, *, roles: bool = True) -> Iterator[str]:
    """The role files of a folder (by their names), or with ``roles=False`` its other files."""
    for current, dirs, files in os.walk(folder):
        dirs[:] = sorted(
            d
            for d in dirs
            if not _skipped_dir(current, d)
            and not excluded(os.path.join(current, d), exclude, root)
        )
        for name in sorted(files):
            if name.lower().endswith(ROLE_SUFFIXES) == roles and not name.startswith("."):
                path = os.path.join(current, name)
                # "roledef lint" walks "."; report "roles/x.md", as the user would type it
                yield path[2:] if path.startswith("./") else path


def work_tree(start: str) -> str | None:
    """The top of the git work tree ``start`` is in: the nearest folder holding ``.git`` (a
    folder or, in a linked work tree or a submodule, a file); None outside one."""
    folder = os.path.abspath(start)
    while True:
        if os.path.lexists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
