"""Writing files safely: atomically, and never over an existing file unless asked."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


class OutputError(Exception):
    """A file that could not be written; the message names it."""


def write_atomic(path: str | os.PathLike[str], text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename.

    An existing file is replaced only with ``force``; an interrupted write leaves it intact.
    """
    target = Path(path)
    if target.is_symlink():
        # write the file the link points to and keep the link, as editors do
        target = Path(os.path.realpath(target))
    if target.exists() and not force:
        raise OutputError(f"{target}: exists; pass --force to overwrite it")
    if target.is_dir():
        raise OutputError(f"{target}: is a directory")
    if target.exists() and not target.is_file():
        # a rename would put a file in place of a device, a pipe or a socket (/dev/full...)
        raise OutputError(f"{target}: is not a regular file")
    folder = target.parent if str(target.parent) else Path(".")
    fd = -1
    tmp = ""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            fd = -1
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
        tmp = ""
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None
    finally:
        if fd >= 0:
            os.close(fd)
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
