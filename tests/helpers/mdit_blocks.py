"""The reference reading of markdown: roledef's blocks, through markdown-it-py tokens.

This is how roledef read markdown before pulldown-cmark (:mod:`roledef.read.blocks`) replaced
markdown-it-py; the tests hold the new reader to it (:mod:`tests.helpers.differential`). It makes
the same :class:`~roledef.read.blocks.Block` and ``ListItem`` values, with their 0-based line
ranges (markdown-it ``Token.map``: start inclusive, end exclusive) and raw source.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from roledef.read.blocks import COMMENT_RE, Block, ListItem, _column, _dedent

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@lru_cache(maxsize=1)
def _md() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # Only block structure is read here (inline text is kept as source), so inline parsing is
    # switched off: it is most of the time, and quadratic on hostile text such as "[[[[...".
    return MarkdownIt("commonmark", {"maxNesting": 40}).enable("table").disable("inline")


def _trim_end(lines: list[str], start: int, end: int) -> int:
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return end


def _closers(tokens: Sequence[Token]) -> list[int]:
    """For each opening token, the index of its closing token (the token's own index else)."""
    close = list(range(len(tokens)))
    stack: list[int] = []
    for i, tok in enumerate(tokens):
        if tok.nesting == 1:
            stack.append(i)
        elif tok.nesting == -1 and stack:
            close[stack.pop()] = i
    return close


def _children(close: list[int], i: int) -> list[int]:
    """The indexes of the direct children of the container opened at ``i``."""
    kids = []
    j, end = i + 1, close[i]
    while j < end:
        kids.append(j)
        j = close[j] + 1
    return kids


def _list_items(
    tokens: Sequence[Token], close: list[int], i: int, lines: list[str]
) -> list[ListItem]:
    items = []
    for c in _children(close, i):
        child = tokens[c]
        if child.type != "list_item_open" or child.map is None:
            continue
        start, end = child.map
        end = _trim_end(lines, start, end)
        text = ""
        kids = _children(close, c)
        if kids and tokens[kids[0]].type == "paragraph_open":
            inner = _children(close, kids[0])
            text = tokens[inner[0]].content if inner else ""
            kids = kids[1:]
        rest = ""
        nested: list[ListItem] = []
        mapped = [k for k in kids if tokens[k].map is not None]
        if mapped:
            first_map, last_map = tokens[mapped[0]].map, tokens[mapped[-1]].map
            assert first_map is not None and last_map is not None
            first, last = first_map[0], _trim_end(lines, start, last_map[1])
            rest = _dedent(lines[first:last])
            for k in kids:
                if tokens[k].type in ("bullet_list_open", "ordered_list_open"):
                    nested = _list_items(tokens, close, k, lines)
                    break
        items.append(ListItem(start, end, _column(lines[start]), text, rest, nested))
    return items


def parse_blocks(text: str) -> tuple[list[Block], list[tuple[int, str]]]:
    """The top-level blocks of a markdown document (front matter already blanked out), and its
    HTML comments as (1-based line, text): suppressions are read from real comment blocks only,
    never from code blocks or prose that merely shows one."""
    lines = text.split("\n")
    tokens = _md().parse(text)
    comments = [
        (tok.map[0] + 1 + tok.content.count("\n", 0, m.start()), m.group(1).strip())
        for tok in tokens
        if tok.type == "html_block" and tok.map is not None and "<!--" in tok.content
        for m in COMMENT_RE().finditer(tok.content)
    ]
    # The flat token stream is walked by nesting (each opening token's closing index) rather
    # than built into a tree: the same blocks at a fraction of the cost.
    close = _closers(tokens)
    blocks: list[Block] = []
    i, count = 0, len(tokens)
    while i < count:
        node, at = tokens[i], i
        i = close[i] + 1
        if node.map is None:
            continue
        start, end = node.map
        end = _trim_end(lines, start, end)
        kind = node.type
        if kind == "heading_open":
            inner = _children(close, at)
            inline = tokens[inner[0]].content if inner else ""
            blocks.append(Block("heading", start, end, inline, level=int(node.tag[1])))
        elif kind == "paragraph_open":
            inner = _children(close, at)
            inline = tokens[inner[0]].content if inner else ""
            blocks.append(Block("paragraph", start, end, inline))
        elif kind in ("bullet_list_open", "ordered_list_open"):
            blocks.append(
                Block(
                    "list",
                    start,
                    end,
                    ordered=kind == "ordered_list_open",
                    items=_list_items(tokens, close, at, lines),
                )
            )
        elif kind == "html_block":
            blocks.append(Block("html", start, end, "\n".join(lines[start:end])))
        elif kind == "hr":
            blocks.append(Block("hr", start, end))
        else:
            blocks.append(Block("other", start, end, _dedent(lines[start:end])))
    return blocks, comments
