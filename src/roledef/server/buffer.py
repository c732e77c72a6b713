"""A document as the server holds it: the editor's text, and its lines as roledef counts them.

roledef reads ``\\r\\n`` and a lone ``\\r`` as line ends, as the Language Server Protocol does, so
line numbers agree; the lines here are the text split at any of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from roledef.record import Record

if TYPE_CHECKING:
    from roledef.config import Config, ConfigError
    from roledef.lint.result import FileResult


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` (``\\n``, ``\\r\\n`` and ``\\r`` end a line)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def newline_of(text: str) -> str:
    """The line ending a text mostly uses (``\\n`` when it has none)."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"


class Document(Record):
    """An open document: its text, version and path, and what checking that text gave."""

    __slots__ = ("config", "lines", "newline", "path", "result", "text", "uri", "version")

    def __init__(
        self,
        uri: str,
        path: str,
        text: str,
        version: int | None,
        result: FileResult | None = None,
        config: Config | ConfigError | None = None,
    ) -> None:
        self.uri: Final = uri
        self.path: Final = path
        self.text: Final = text
        self.version: Final = version
        self.result: Final = result
        self.config: Final = config
        self.lines: Final = split_lines(text)
        self.newline: Final = newline_of(text)
