"""The front matter (a ``---`` YAML block at the top of a markdown file) and the role's title.

The lines of the file in, the mapping with each key's span (or why it could not be read) out; the
title is the first level-1 heading, else the front matter's ``navTitle``, else the file name.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any, Final

from roledef.model import Span
from roledef.record import Record
from roledef.text import title_from_slug


class FrontMatter(Record):
    """What :func:`read_front_matter` found; empty when the file has none."""

    __slots__ = ("body_start", "data", "error", "keys", "span")

    def __init__(
        self,
        data: dict[str, Any],
        keys: dict[str, Span],
        span: Span | None,
        error: str | None,
        body_start: int,
    ) -> None:
        self.data: Final = data
        self.keys: Final = keys  # each top-level key's span
        self.span: Final = span  # the whole block's (where the error is, when it is unreadable)
        self.error: Final = error
        self.body_start: Final = body_start  # the 0-based line the markdown body starts at


def split_front_matter(lines: list[str]) -> tuple[int, int] | None:
    """The 0-based (opening, closing) line indexes of a ``---`` front matter block."""
    if not lines or lines[0].rstrip() != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            return 0, i
    return 0, -1


def read_front_matter(lines: list[str]) -> FrontMatter:
    """The front matter of a file split into lines: mapping, key spans, span, error, body start."""
    found = split_front_matter(lines)
    if found is None:
        return FrontMatter({}, {}, None, None, 0)
    _, close = found
    if close < 0:
        error = "front matter is not closed: add a '---' line after it"
        return FrontMatter({}, {}, Span(1, 1), error, 0)
    span = Span(1, 1, close + 1, 4)
    from roledef.read.yamlio import YamlError, load_yaml  # imported when a file has front matter

    data: Any
    try:
        data, positions = load_yaml("\n".join(lines[1:close]), line_offset=1)
    except YamlError as exc:
        where = Span(exc.line or 1, exc.column or 1)
        error = f"front matter is not valid YAML: {exc.message}"
        return FrontMatter({}, {}, where, error, close + 1)
    if data is None:
        return FrontMatter({}, {}, span, None, close + 1)
    if not isinstance(data, dict):
        error = f"front matter is a {type(data).__name__}, not a mapping"
        return FrontMatter({}, {}, span, error, close + 1)
    keys = {str(path[0]): s for path, s in positions.items() if len(path) == 1}
    return FrontMatter(data, keys, span, None, close + 1)


#: Extensions of markdown and plain text that are not part of a role's name ("readme.txt").
TEXT_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mdx", ".txt", ".text")


def file_stem(path: str) -> str:
    """The file name without its markdown or text extension: what the role's id and a title
    from the file name are made from ("readme.txt" is "readme", "v2.0-engineer" stays)."""
    stem = PurePath(path).name
    if stem.lower().endswith(TEXT_SUFFIXES):
        stem = stem.rsplit(".", 1)[0]
    return stem


def choose_title(
    heading: tuple[str, Span] | None, front: FrontMatter, stem: str
) -> tuple[str, Span | None, str]:
    """(title, its span, where it came from: "heading", "navTitle" or "filename")."""
    if heading is not None and heading[0]:  # an empty '#' names nothing
        return heading[0], heading[1], "heading"
    nav = front.data.get("navTitle")
    if isinstance(nav, str) and nav.strip():
        return nav.strip(), front.keys.get("navTitle"), "navTitle"
    return title_from_slug(stem), None, "filename"
