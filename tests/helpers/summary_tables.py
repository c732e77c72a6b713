"""Read a job summary back with a real CommonMark parser (markdown-it-py, tables on), as GitHub
would show it: its heading, its paragraphs and its tables' cells."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

#: One table cell: its text as shown (escapes undone) and the link it holds, if any.
Cell = tuple[str, str | None]


def parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def _cell(inline: Token) -> Cell:
    text = "".join(c.content for c in inline.children or [] if c.type in ("text", "code_inline"))
    links = [c.attrs["href"] for c in inline.children or [] if c.type == "link_open"]
    assert len(links) <= 1, inline.content
    return text, str(links[0]) if links else None


def tables(markdown: str) -> list[list[list[Cell]]]:
    """Every table, as rows (the header row first) of cells."""
    found: list[list[list[Cell]]] = []
    row: list[Cell] = []
    in_cell = False
    for token in parser().parse(markdown):
        if token.type == "table_open":
            found.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            found[-1].append(row)
        elif token.type in ("th_open", "td_open"):
            in_cell = True
        elif token.type in ("th_close", "td_close"):
            in_cell = False
        elif token.type == "inline" and in_cell:
            row.append(_cell(token))
    return found


def headings(markdown: str) -> list[tuple[str, str]]:
    """(tag, text) of every heading."""
    tokens = parser().parse(markdown)
    return [
        (token.tag, tokens[i + 1].content)
        for i, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


def paragraphs(markdown: str) -> list[str]:
    """The text of every paragraph outside tables (escapes undone, code spans as their text)."""
    tokens = parser().parse(markdown)
    return [
        "".join(c.content for c in tokens[i + 1].children or [] if c.content)
        for i, token in enumerate(tokens)
        if token.type == "paragraph_open"
    ]
