"""Positions: roledef counts 1-based lines and columns in characters (code points), with
inclusive ends; a client counts 0-based lines and columns in code units of the encoding agreed
at start-up (UTF-16 unless the client offers another), with exclusive ends."""

from __future__ import annotations

UTF8 = "utf-8"
UTF16 = "utf-16"
UTF32 = "utf-32"


def units(text: str, encoding: str = UTF16) -> int:
    """The length of ``text`` in the encoding's code units."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


def to_client(line: str, index: int, encoding: str = UTF16) -> int:
    """The client's column of the character at 0-based ``index`` of ``line`` (past the end of
    the line: its end)."""
    return units(line[: max(0, index)], encoding)


def from_client(line: str, column: int, encoding: str = UTF16) -> int:
    """The 0-based character index of the client's ``column`` on ``line`` (a column inside a
    character, between the halves of a surrogate pair, counts as the character after it; past
    the end: the end)."""
    if encoding == UTF32 or line.isascii():
        return min(max(0, column), len(line))
    count = 0
    for index, char in enumerate(line):
        if count >= column:
            return index
        count += units(char, encoding)
    return len(line)
