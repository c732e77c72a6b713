"""Reading role files from disk: bytes to text, with clear errors and no guessing.

Every failure is a :class:`SourceError` naming the file (and the line, when known); callers turn it
into a one-line message and exit code 2.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path
from typing import Final

from roledef.record import Record

#: Larger files are refused (configurable with ``max-file-size``): a role file is a few KiB,
#: the largest seen about 13 KiB. The limit keeps the pure-Python parsers' work within seconds.
DEFAULT_MAX_BYTES = 256 * 1024


class SourceError(Exception):
    """A file that cannot be read or decoded."""

    def __init__(
        self, path: str, message: str, line: int | None = None, column: int | None = None
    ) -> None:
        super().__init__(message)
        self.path = path
        self.message = message
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class SourceText(Record):
    """A file's text, decoded, with the byte order mark and line ending it was written with."""

    __slots__ = ("had_bom", "newline", "path", "text")

    def __init__(self, path: str, text: str, had_bom: bool = False, newline: str = "\n") -> None:
        self.path: Final = path
        self.text: Final = text
        self.had_bom: Final = had_bom
        self.newline: Final = newline


def _column(data: bytes, offset: int, encoding: str) -> int:
    """The 1-based column (in characters) of the byte at ``offset`` on its line."""
    start = data.rfind(b"\n", 0, offset) + 1
    return len(data[start:offset].decode(encoding, errors="replace")) + 1


def decode(data: bytes, path: str) -> SourceText:
    """Decode a role file: UTF-8 (BOM allowed) or UTF-16 with a BOM; line endings become ``\\n``."""
    had_bom = False
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
        had_bom = True
        encoding = "utf-8"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
        had_bom = True
    else:
        encoding = "utf-8"
        if b"\x00" in data:
            at = data.index(b"\x00")
            line = data.count(b"\n", 0, at) + 1
            column = _column(data, at, encoding)
            raise SourceError(path, "contains NUL bytes: not a text file", line, column)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(
            path,
            f"is not valid {encoding.upper()} (byte 0x{data[exc.start]:02x} "
            f"at offset {exc.start}); save it as UTF-8",
            line,
            _column(data, exc.start, encoding),
        ) from None
    if "\x00" in text:
        raise SourceError(path, "contains NUL characters: not a text file")
    newline = "\r\n" if "\r\n" in text else ("\r" if "\r" in text else "\n")
    if newline != "\n":
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(path, text, had_bom, newline)


def read_source(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read and decode one file, refusing directories, oversized and unreadable files."""
    name = os.fspath(path)
    p = Path(name)
    try:
        if p.is_dir():
            raise SourceError(name, "is a directory")
        info = p.stat()
        if not stat.S_ISREG(info.st_mode):
            # a FIFO would block the run forever, /dev/zero would never end
            raise SourceError(name, "is not a regular file (a device, pipe or socket)")
        size = info.st_size
        if max_bytes and size > max_bytes:
            raise SourceError(
                name,
                f"is {size:,} bytes, over the {max_bytes:,}-byte limit (raise max-file-size)",
            )
        with open(p, "rb") as handle:
            data = handle.read(max_bytes + 1 if max_bytes else -1)
    except SourceError:
        raise
    except FileNotFoundError:
        raise SourceError(name, "no such file") from None
    except PermissionError:
        raise SourceError(name, "permission denied") from None
    except OSError as exc:
        raise SourceError(name, exc.strerror or str(exc)) from None
    if max_bytes and len(data) > max_bytes:
        raise SourceError(name, f"is over the {max_bytes:,}-byte limit (raise max-file-size)")
    return decode(data, name)
