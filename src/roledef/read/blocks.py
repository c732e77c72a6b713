"""Markdown to a flat list of top-level blocks, read by pulldown-cmark (through pyromark).

The reader above this module never sees the parser: it gets headings, paragraphs and lists with
their 0-based line ranges (start inclusive, end exclusive, trailing blank lines trimmed) and the
raw source of their text, so that what it reports points at the file as written.

pulldown-cmark is a CommonMark parser compiled from Rust; it reports each element's extent as
UTF-8 byte offsets, which :class:`_Lines` turns into lines. The parser decides the structure
(which lines form a heading, a paragraph, a list item, a table); the text of a heading or a
paragraph is then cut from those lines the way CommonMark defines a paragraph's content: its
lines, each stripped of the indentation of the list item that holds it, trimmed at both ends.
Inline markup is kept as written.

Guards: the file's size is bounded before the call (``max-file-size``); the parser itself is
iterative and linear, and its events are pulled one by one, so the per-file time limit
(:mod:`roledef.read.limits`) can stop a long parse between two events; a failure inside the
compiled parser (a Rust panic reaches Python as ``pyo3_runtime.PanicException``, a
``BaseException``) becomes :class:`MarkdownParserError`; lists nested deeper than
:data:`MAX_LIST_DEPTH` are kept as their items' text, not read further.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import Any, Final

from roledef.record import Record
from roledef.text import Regex

#: An HTML comment (suppression comments are read from them).
COMMENT_RE = Regex(r"<!--(.*?)-->", re.DOTALL)

_SURROGATE = Regex("[\ud800-\udfff]")

#: Lists nested deeper than this inside a top-level list are not read into ``children``: their
#: source stays in the enclosing item's ``rest``. A role file nests two or three deep.
MAX_LIST_DEPTH = 20

#: The whitespace CommonMark trims from a paragraph or a heading (Unicode Zs, tab, line ends).
_TRIM = "\t\n\x0b\x0c\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"  # noqa: E501

#: Start tags of the events that open a block (everything else opens inline markup).
_BLOCK_TAGS = frozenset(
    {
        "Paragraph",
        "Heading",
        "BlockQuote",
        "CodeBlock",
        "HtmlBlock",
        "List",
        "Item",
        "Table",
        "TableHead",
        "TableRow",
        "TableCell",
        "FootnoteDefinition",
        "DefinitionList",
        "DefinitionListTitle",
        "DefinitionListDefinition",
        "MetadataBlock",
    }
)


class MarkdownParserError(Exception):
    """The compiled markdown parser failed on a document (a bug of the parser's, not the file's)."""


class ListItem(Record):
    """An item of a list: its lines, the column its line starts at, its text and the rest."""

    __slots__ = ("children", "column", "end", "rest", "start", "text")

    def __init__(
        self,
        start: int,
        end: int,
        column: int,
        text: str,  # the first paragraph's inline markdown ("" if the item starts with another)
        rest: str,  # the rest of the item as markdown, dedented
        children: list[ListItem] | None = None,  # the items of the first nested list
    ) -> None:
        self.start: Final = start
        self.end: Final = end
        self.column: Final = column
        self.text: Final = text
        self.rest: Final = rest
        self.children: Final[list[ListItem]] = [] if children is None else children


class Block(Record):
    """A top-level block: heading | paragraph | list | html | hr | other, and its lines."""

    __slots__ = ("end", "items", "kind", "level", "ordered", "start", "text")

    def __init__(
        self,
        kind: str,
        start: int,
        end: int,
        text: str = "",
        level: int = 0,
        ordered: bool = False,
        items: list[ListItem] | None = None,
    ) -> None:
        self.kind: Final = kind
        self.start: Final = start
        self.end: Final = end
        self.text: Final = text
        self.level: Final = level
        self.ordered: Final = ordered
        self.items: Final[list[ListItem]] = [] if items is None else items


class _Node:
    """A block of the parsed document: its tag, byte range and child blocks."""

    __slots__ = ("children", "end", "html", "level", "lines", "ordered", "start", "tag")

    def __init__(self, tag: str, start: int, end: int) -> None:
        self.tag = tag
        self.start = start
        self.end = end
        self.lines: tuple[int, int] | None = None  # its lines, once asked (:meth:`_Lines.span`)
        self.level = 0
        self.ordered = False
        self.html: list[str] = []  # an HTML block's text, as the parser gives it
        self.children: list[_Node] = []


def _prepare(text: str) -> str:
    """The text as the parser is given it: the same bytes at the same offsets."""
    if "\x0b" in text or "\x0c" in text:
        # CommonMark's blank lines and heading openers allow spaces and tabs only; pulldown-cmark
        # also takes a vertical tab or form feed for a space. A control character of the same
        # byte length keeps every offset and reads as the text it is.
        text = text.replace("\x0b", "\x01").replace("\x0c", "\x01")
    if not text.isascii() and _SURROGATE().search(text):
        # a lone surrogate (possible in text handed over by a caller, never in a decoded
        # file) cannot cross into Rust; U+FFFD takes as many bytes (3) in UTF-8
        text = _SURROGATE().sub("\ufffd", text)
    return text


def _events(text: str) -> tuple[list[_Node], list[_Node]]:
    """The document's block tree (its top-level nodes) from the parser's events, and its HTML
    blocks at any depth."""
    import pyromark

    prepared = _prepare(text)
    try:  # the parser may run at the call or event by event: both are guarded
        events = pyromark.events_with_range(prepared, options=pyromark.Options.ENABLE_TABLES)
        return _tree(events, None if prepared is text else text)
    except Exception:
        raise
    except BaseException as exc:  # a Rust panic is a BaseException; Ctrl-C and exits go on
        if type(exc).__name__ != "PanicException":
            raise
        detail = " ".join(str(exc).split())[:200] or "no message"
        raise MarkdownParserError(
            f"the markdown parser (pulldown-cmark) failed: {detail}"
        ) from None


def _tree(
    events: Iterable[tuple[Any, Any]], original: str | None
) -> tuple[list[_Node], list[_Node]]:
    """Blocks from events. Inline events only matter in a tight list item, where no paragraph
    event wraps an item's text: there they make a paragraph node of their own. ``original``:
    the text as written, when the parser was given a prepared copy (HTML is cut from it)."""
    root = _Node("Document", 0, 0)
    stack = [root]
    top = root
    html: list[_Node] = []
    run: _Node | None = None  # the current text run of a tight list item
    for event, span in events:
        if type(event) is dict:
            kind = next(iter(event))
            if kind == "Start" or kind == "End":
                tag = event[kind]
                name = tag if type(tag) is str else next(iter(tag))
                if name in _BLOCK_TAGS:
                    if kind == "Start":
                        node = _Node(name, span["start"], span["end"])
                        if name == "Heading":
                            node.level = int(tag["Heading"]["level"][1])
                        elif name == "List":
                            node.ordered = tag["List"] is not None
                        elif name == "HtmlBlock":
                            html.append(node)
                        top.children.append(node)
                        stack.append(node)
                        top = node
                    else:
                        stack.pop()
                        top = stack[-1]
                    run = None
                    continue
            elif kind == "Html":
                start, end = span["start"], span["end"]
                top.html.append(event["Html"] if original is None else _cut(original, start, end))
                continue
        elif event == "Rule":
            top.children.append(_Node("Rule", span["start"], span["end"]))
            run = None
            continue
        if top.tag == "Item":
            if run is None:
                run = _Node("Paragraph", span["start"], span["end"])
                top.children.append(run)
            elif span["end"] > run.end:
                run.end = span["end"]
    return root.children, html


def _cut(text: str, start: int, end: int) -> str:
    """The text between two byte offsets."""
    if text.isascii():
        return text[start:end]
    return text.encode("utf-8", "surrogatepass")[start:end].decode("utf-8", "surrogatepass")


class _Lines:
    """Byte offsets of the parser's ranges -> 0-based lines and columns of the text."""

    def __init__(self, text: str, lines: list[str]) -> None:
        self.lines = lines
        self.ascii = text.isascii()
        starts = [0]
        if self.ascii:
            for line in lines:
                starts.append(starts[-1] + len(line) + 1)
        else:
            for line in lines:
                starts.append(starts[-1] + len(line.encode("utf-8", "surrogatepass")) + 1)
        self.starts = starts  # where each line starts, and where a line after the last would

    def line(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def first_line(self, offset: int) -> int:
        """The line of ``offset``, or the next one when only a line break is left of it (the
        parser may start a nested list's range at the line break before its marker)."""
        number = bisect_right(self.starts, offset) - 1
        return number + 1 if offset == self.starts[number + 1] - 1 else number

    def span(self, node: _Node) -> tuple[int, int]:
        """A block's first line and the line after its last, trailing blank lines trimmed."""
        if node.lines is None:
            first = self.first_line(node.start)
            last = bisect_right(self.starts, node.end - 1) if node.end > node.start else first + 1
            lines = self.lines
            while last > first + 1 and not lines[last - 1].strip():
                last -= 1
            node.lines = (first, last)
        return node.lines

    def char_column(self, number: int, offset: int) -> int:
        """The 0-based index, in the characters of line ``number``, of the character at byte
        ``offset`` (0 when the offset is on an earlier line)."""
        skip = offset - self.starts[number]
        if skip <= 0 or self.ascii:
            return max(skip, 0)
        head = self.lines[number].encode("utf-8", "surrogatepass")[:skip]
        return len(head.decode("utf-8", "surrogatepass"))


def _trim(text: str) -> str:
    return text.strip(_TRIM).replace("\0", "\ufffd")


def _dedent(lines: list[str]) -> str:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    while lines and not lines[0].strip():
        lines = lines[1:]
    indents = [len(ln) - len(ln.lstrip()) for ln in lines if ln.strip()]
    cut = min(indents) if indents else 0
    return "\n".join(ln[cut:].rstrip() for ln in lines)


def _column(line: str) -> int:
    return len(line) - len(line.lstrip()) + 1


def _strip_indent(line: str, indent: int) -> str:
    """A continuation line without up to ``indent`` columns of leading spaces and tabs (a tab
    that reaches past ``indent`` leaves the rest of its width as spaces)."""
    columns = 0
    cut = 0
    while cut < len(line) and columns < indent and line[cut] in " \t":
        columns += 4 - columns % 4 if line[cut] == "\t" else 1
        cut += 1
    rest = line[cut:]
    return " " * (columns - indent) + rest if columns > indent else rest


def _paragraph_text(node: _Node, at: _Lines, indent: int, marker_end: tuple[int, int]) -> str:
    """A paragraph's content: its lines, each without the item's indentation, trimmed.

    ``marker_end`` is (line, character) just past the list marker of the item holding the
    paragraph, whose first line starts there.
    """
    first = at.span(node)[0]
    last = max(first, at.line(node.end - 1))
    lines = at.lines
    if first == last and first != marker_end[0]:
        return _trim(lines[first])
    out = []
    for number in range(first, last + 1):
        line = lines[number]
        if number == marker_end[0]:
            out.append(line[marker_end[1] :])
        elif number == first:
            out.append(line)  # its leading whitespace is trimmed below
        else:
            out.append(_strip_indent(line, indent))
    return _trim("\n".join(out))


def _atx_text(line: str) -> str:
    """An ATX heading's content: after the opening hashes, before an optional closing run."""
    body = line.lstrip(" \t").lstrip("#")
    end = len(body.rstrip(" \t"))
    hashes = end
    while hashes > 0 and body[hashes - 1] == "#":
        hashes -= 1
    if hashes < end and (hashes == 0 or body[hashes - 1] in " \t"):
        end = hashes
    return _trim(body[:end])


def _heading(node: _Node, at: _Lines) -> Block:
    start, end = at.span(node)
    line = at.lines[start]
    if line.lstrip(" \t").startswith("#") and end == start + 1:
        return Block("heading", start, end, _atx_text(line), level=node.level)
    # a setext heading: the lines above its underline
    return Block(
        "heading", start, end, _trim("\n".join(at.lines[start : end - 1])), level=node.level
    )


def _item_geometry(item: _Node, number: int, at: _Lines) -> tuple[int, tuple[int, int]]:
    """An item's content indentation (in columns) and where its marker ends (line, character);
    ``number``: the item's first line."""
    line = at.lines[number]
    pos = at.char_column(number, item.start)
    while pos < len(line) and line[pos] in " \t":  # an item's range may start at its indentation
        pos += 1
    column = 0
    for ch in line[:pos]:
        column += 4 - column % 4 if ch == "\t" else 1
    marker = 1
    if line[pos : pos + 1].isdigit():
        while line[pos + marker - 1 : pos + marker].isdigit():
            marker += 1
    column += marker
    after = pos + marker
    spaces, cut = 0, after
    while cut < len(line) and line[cut] in " \t":
        spaces += 4 - (column + spaces) % 4 if line[cut] == "\t" else 1
        cut += 1
    if cut >= len(line) or spaces > 4:
        spaces = 1
    return column + spaces, (number, after)


def _list_items(node: _Node, at: _Lines, depth: int) -> list[ListItem]:
    items = []
    for item in node.children:
        if item.tag != "Item":
            continue
        start, end = at.span(item)
        indent, marker_end = _item_geometry(item, start, at)
        kids = item.children
        text = ""
        if kids and kids[0].tag == "Paragraph":
            text = _paragraph_text(kids[0], at, indent, marker_end)
            kids = kids[1:]
        rest = ""
        nested: list[ListItem] = []
        if kids:
            rest = _dedent(at.lines[at.span(kids[0])[0] : at.span(kids[-1])[1]])
            if depth < MAX_LIST_DEPTH:
                for kid in kids:
                    if kid.tag == "List":
                        nested = _list_items(kid, at, depth + 1)
                        break
        items.append(ListItem(start, end, _column(at.lines[start]), text, rest, nested))
    return items


def _comments(html: list[_Node], at: _Lines) -> list[tuple[int, str]]:
    """The HTML comments of the HTML blocks, however deep, as (1-based line, text)."""
    found = []
    for node in html:
        content = "".join(node.html).replace("\0", "\ufffd")
        if "<!--" in content:
            line = at.line(node.start) + 1
            for m in COMMENT_RE().finditer(content):
                found.append((line + content.count("\n", 0, m.start()), m.group(1).strip()))
    return found


def parse_blocks(text: str) -> tuple[list[Block], list[tuple[int, str]]]:
    """The top-level blocks of a markdown document (front matter already blanked out), and its
    HTML comments as (1-based line, text): suppressions are read from real comment blocks only,
    never from code blocks or prose that merely shows one.

    Raises :class:`MarkdownParserError` if the compiled parser fails.
    """
    lines = text.split("\n")
    nodes, html = _events(text)
    at = _Lines(text, lines)
    blocks: list[Block] = []
    for node in nodes:
        tag = node.tag
        if tag == "Paragraph":
            start, end = at.span(node)
            blocks.append(Block("paragraph", start, end, _paragraph_text(node, at, 0, (-1, 0))))
            continue
        if tag == "Heading":
            blocks.append(_heading(node, at))
            continue
        start, end = at.span(node)
        if tag == "List":
            items = _list_items(node, at, 1)
            end = max((item.end for item in items), default=end)  # not the blank lines after
            blocks.append(Block("list", start, end, ordered=node.ordered, items=items))
        elif tag == "HtmlBlock":
            blocks.append(Block("html", start, end, "\n".join(lines[start:end])))
        elif tag == "Rule":
            blocks.append(Block("hr", start, end))
        else:
            blocks.append(Block("other", start, end, _dedent(lines[start:end])))
    return blocks, _comments(html, at)
