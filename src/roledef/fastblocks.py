"""Block structure of plain role files without markdown-it: the hot path of ``roledef lint``.

Role files use a small part of markdown: ATX headings, paragraphs, bullet and ordered lists
(nested), and thematic breaks. For those, :func:`scan` reads the block tree by the same steps
markdown-it takes (its ``heading``, ``hr``, ``list`` and ``paragraph`` block rules, ported line
for line, with its line maps), which is several times faster and spares a hook run the import of
markdown-it. A document that could involve any other rule (tables, fences, block quotes, HTML,
link reference definitions, indented code, setext headings, deep nesting) or any character the
two could treat differently (tabs, ``\\r``, unusual whitespace) gets ``None``, and the caller
uses markdown-it. ``tests/test_fastpaths.py`` compares both on the corpus and on generated
documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: What markdown-it strips around inline content, less what :func:`scan` never accepts.
_TRIM = " \n"
_MAX_DEPTH = 12  # markdown-it stops nesting at 40 token levels; stay well below it
_UNDERLINE_RE = re.compile(r" *(?:-+|=+) *")
_MARKER_RE = re.compile(r"(?:[-+*]|[0-9]{1,9}[.)]) +")
#: Characters of lines a scan leaves to markdown-it: table pipes, tabs and unusual whitespace.
_REFUSED_RE = re.compile(r"[|\t\r\0\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029"
                         r"\u202f\u205f\u3000\ufeff]")  # fmt: skip


class _Refused(Exception):
    """The document uses something :func:`scan` does not read: markdown-it must."""


@dataclass
class Node:
    """The part of markdown-it's ``SyntaxTreeNode`` that :mod:`roledef.blocks` reads."""

    type: str
    map: list[int]
    children: list[Node] = field(default_factory=list)
    tag: str = ""
    content: str = ""


def _refused(lines: list[str], text: str) -> bool:
    """Whether a line could start a block of a rule this module does not port."""
    if _REFUSED_RE.search(text) or "```" in text or "~~~" in text:
        return True
    references = "]:" in text
    previous_blank = True
    for line in lines:
        blank = not line.strip(" ")
        if not blank and not previous_blank and _UNDERLINE_RE.fullmatch(line):
            return True  # a setext underline
        previous_blank = blank
        lead = line.lstrip(" ")
        while True:
            if lead[:1] in ("<", ">") or (references and lead[:1] == "["):
                return True
            m = _MARKER_RE.match(lead)
            if m is None:
                break
            lead = lead[m.end() :]
    return False


class _Scanner:
    """markdown-it's block state for spaces-only text: content start and indent per line."""

    def __init__(self, lines: list[str]) -> None:
        self.src = lines
        self.shift = [len(s) - len(s.lstrip(" ")) for s in lines]  # tShift
        self.scount = list(self.shift)  # sCount
        self.max = len(lines)
        self.blk = 0  # blkIndent
        self.list_indent = -1
        self.parent = "root"
        self.line = 0
        self.depth = 0

    def empty(self, line: int) -> bool:
        return self.shift[line] >= len(self.src[line])

    # --- the block loop ---------------------------------------------------------------------
    def tokenize(self, start: int, end: int, out: list[Node]) -> None:
        line = start
        while line < end:
            while line < self.max and self.empty(line):
                line += 1
            self.line = line
            if line >= end or self.scount[line] < self.blk:
                break
            if self.scount[line] - self.blk >= 4:
                raise _Refused("indented code")
            if not (
                self.hr(line, out) or self.list_block(line, end, out) or self.heading(line, out)
            ):
                self.paragraph(line, out)
            line = self.line
            if line < end and self.empty(line):
                line += 1
                self.line = line

    # --- rules ----------------------------------------------------------------------------
    def hr(self, line: int, out: list[Node] | None) -> bool:
        if self.scount[line] - self.blk >= 4:
            return False
        s, pos = self.src[line], self.shift[line]
        if pos >= len(s) or s[pos] not in "*-_":
            return False
        marker, count = s[pos], 1
        for ch in s[pos + 1 :]:
            if ch != marker and ch != " ":
                return False
            count += ch == marker
        if count < 3:
            return False
        if out is not None:
            self.line = line + 1
            out.append(Node("hr", [line, line + 1]))
        return True

    def heading(self, line: int, out: list[Node] | None) -> bool:
        if self.scount[line] - self.blk >= 4:
            return False
        s, pos = self.src[line], self.shift[line]
        maximum = len(s)
        if pos >= maximum or s[pos] != "#":
            return False
        level = 1
        pos += 1
        while pos < maximum and s[pos] == "#" and level <= 6:
            level += 1
            pos += 1
        if level > 6 or (pos < maximum and s[pos] != " "):
            return False
        if out is None:
            return True
        while maximum > pos and s[maximum - 1] == " ":
            maximum -= 1
        tmp = maximum
        while tmp > pos and s[tmp - 1] == "#":
            tmp -= 1
        if tmp > pos and s[tmp - 1] == " ":
            maximum = tmp
        self.line = line + 1
        inline = Node("inline", [line, line + 1], content=s[pos:maximum].strip(_TRIM))
        out.append(Node("heading", [line, line + 1], [inline], tag=f"h{level}"))
        return True

    def paragraph(self, start: int, out: list[Node]) -> None:
        following = start + 1
        old_parent, self.parent = self.parent, "paragraph"
        while following < self.max and not self.empty(following):
            if self.scount[following] - self.blk > 3:
                following += 1
                continue
            if (
                self.hr(following, None)
                or self.list_block(following, self.max, None)
                or self.heading(following, None)
            ):
                break
            following += 1
        content = self.lines_text(start, following, self.blk).strip(_TRIM)
        self.line = following
        inline = Node("inline", [start, following], content=content)
        out.append(Node("paragraph", [start, following], [inline]))
        self.parent = old_parent

    def lines_text(self, begin: int, end: int, indent: int) -> str:
        """markdown-it's ``getLines`` without tabs: each line less up to ``indent`` columns."""
        parts = []
        for line in range(begin, end):
            s, first, shift = self.src[line], 0, self.shift[line]
            while first < len(s) and first < indent and (s[first] == " " or first < shift):
                first += 1
            parts.append(s[first:])
        return "\n".join(parts)

    def ordered_marker(self, line: int) -> int:
        s = self.src[line]
        start = pos = self.shift[line]
        maximum = len(s)
        if pos + 1 >= maximum or not "0" <= s[pos] <= "9":
            return -1
        pos += 1
        while True:
            if pos >= maximum:
                return -1
            ch = s[pos]
            pos += 1
            if "0" <= ch <= "9":
                if pos - start >= 10:
                    return -1
                continue
            if ch in ").":
                break
            return -1
        if pos < maximum and s[pos] != " ":
            return -1
        return pos

    def bullet_marker(self, line: int) -> int:
        s, pos = self.src[line], self.shift[line]
        if pos >= len(s) or s[pos] not in "*-+":
            return -1
        pos += 1
        if pos < len(s) and s[pos] != " ":
            return -1
        return pos

    def list_block(self, start: int, end: int, out: list[Node] | None) -> bool:
        """markdown-it's ``list`` rule; ``out`` None is its silent (terminator) check."""
        if self.scount[start] - self.blk >= 4:
            return False
        if (
            self.list_indent >= 0
            and self.scount[start] - self.list_indent >= 4
            and self.scount[start] < self.blk
        ):
            return False
        terminating = out is None and self.parent == "paragraph" and self.scount[start] >= self.blk
        s = self.src[start]
        after = self.ordered_marker(start)
        if after >= 0:
            ordered = True
            if terminating and int(s[self.shift[start] : after - 1]) != 1:
                return False
        else:
            after = self.bullet_marker(start)
            if after < 0:
                return False
            ordered = False
        if terminating and not s[after:].strip(" "):
            return False
        if out is None:
            return True
        marker = s[after - 1]
        self.depth += 1
        if self.depth > _MAX_DEPTH:
            raise _Refused("nested too deeply")
        node = Node("ordered_list" if ordered else "bullet_list", [start, 0])
        out.append(node)
        old_parent, self.parent = self.parent, "list"
        line = start
        while line < end:
            s = self.src[line]
            initial = offset = self.scount[line] + after - self.shift[line]
            pos = after
            while pos < len(s) and s[pos] == " ":
                offset += 1
                pos += 1
            if pos >= len(s):
                raise _Refused("empty list item")
            indent = initial + (offset - initial if offset - initial <= 4 else 1)
            item = Node("list_item", [line, 0])
            node.children.append(item)
            old_shift, old_scount, old_list_indent = (
                self.shift[line],
                self.scount[line],
                self.list_indent,
            )
            self.list_indent, self.blk = self.blk, indent
            self.shift[line], self.scount[line] = pos, offset
            self.tokenize(line, end, item.children)
            self.blk, self.list_indent = self.list_indent, old_list_indent
            self.shift[line], self.scount[line] = old_shift, old_scount
            line = self.line
            item.map[1] = line
            if line >= end or self.scount[line] < self.blk or self.scount[line] - self.blk >= 4:
                break
            if self.hr(line, None):
                break
            after = self.ordered_marker(line) if ordered else self.bullet_marker(line)
            if after < 0 or self.src[line][after - 1] != marker:
                break
        node.map[1] = line
        self.line = line
        self.parent = old_parent
        self.depth -= 1
        return True


def scan(text: str) -> list[Node] | None:
    """The top-level block nodes of ``text`` as markdown-it reads them, or None when this
    module cannot be sure of that (then markdown-it must read the text)."""
    lines = text.split("\n")
    if _refused(lines, text):
        return None
    scanner = _Scanner(lines)
    out: list[Node] = []
    try:
        scanner.tokenize(0, len(lines), out)
    except _Refused:
        return None
    return out
