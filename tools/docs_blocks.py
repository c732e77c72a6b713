"""Find the generated examples of a markdown page: a marker comment and the fenced block after it.

An example whose output comes from a real run is written as an HTML comment, then a fenced code
block::

    <!-- roledef-run: roledef lint --output-format json handbook
         cwd: docs/examples
         exit: 1 -->
    ```json
    ...
    ```

The first line of the comment is the command (a shell command line; ``roledef`` is this
checkout's). The lines after it are options, ``key: value``; see ``OPTIONS``. A ``console``
block holds its commands itself, as ``$ COMMAND`` lines followed by their output, and its
marker names none: ``<!-- roledef-run -->``.

The page is parsed by pulldown-cmark (through pyromark), the parser roledef reads role files
with, so a marker is found only where CommonMark sees an HTML block, and a block's lines are
the parser's: a fence inside a list item, a longer fence, a ``~~~`` fence all work.
"""

from __future__ import annotations

import shlex
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

#: The word that opens a marker comment.
MARKER = "roledef-run"

#: The options a marker may give, with what each means.
OPTIONS = {
    "cwd": "run in a temporary copy of this folder (relative to the repository root)",
    "exit": "the exit code the run must end with (the text around the example may say it)",
    "lines": "only these lines of the output ('1-20', '3-', '1-4,10-12', 'last 7'), '…' for a cut",
}


class MarkerError(Exception):
    """A marker that cannot be used; the message names the page and the line."""


@dataclass(frozen=True)
class Example:
    """A marker and the fenced block it governs, as lines of its page (0-based, end exclusive)."""

    path: str
    marker_line: int
    command: str
    options: dict[str, str]
    info: str
    indent: str
    body_start: int
    body_end: int
    body: list[str] = field(repr=False)

    @property
    def where(self) -> str:
        """``page:line`` of the marker, 1-based, as an editor opens it."""
        return f"{self.path}:{self.marker_line + 1}"

    def commands(self) -> list[str]:
        """The commands to run: the marker's, or a console block's ``$`` lines."""
        if self.info != "console":
            return [self.command]
        return console_commands(self.unindented(), self.where)

    def unindented(self) -> list[str]:
        """The block's lines without what the list item or quote that holds it puts before them."""
        return [
            line.removeprefix(self.indent).removeprefix(self.indent.rstrip()) for line in self.body
        ]


class _Lines:
    """UTF-8 byte offsets (the parser's) to 0-based line numbers of a text."""

    def __init__(self, data: bytes) -> None:
        self.starts = [0]
        self.starts.extend(i + 1 for i, byte in enumerate(data) if byte == 0x0A)

    def line(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1


def find_examples(text: str, path: str) -> list[Example]:
    """Every marked example of the page ``text`` (named ``path`` in messages), in page order."""
    import pyromark

    lines = text.split("\n")
    index = _Lines(text.encode("utf-8"))
    examples: list[Example] = []
    pending: tuple[int, str] | None = None  # a marker's first line and comment, waiting for a block
    html: list[str] | None = None
    html_start = 0
    for event, span in pyromark.events_with_range(text):
        start = index.line(span["start"])
        if html is not None:
            if isinstance(event, dict) and "Html" in event:
                html.append(event["Html"])
                continue
            comment = "".join(html).strip()
            html = None
            if _is_marker(comment):
                pending = (html_start, comment)
                continue
        if not isinstance(event, dict) or "Start" not in event:
            continue
        tag = event["Start"]
        if pending is not None:
            marker_line, comment = pending
            pending = None
            examples.append(
                _example(
                    path, lines, index, (marker_line, comment), tag, span["start"], span["end"]
                )
            )
        elif tag == "HtmlBlock":
            html, html_start = [], start
    if pending is not None:
        raise MarkerError(f"{path}:{pending[0] + 1}: {MARKER} is not followed by a fenced block")
    return examples


def _is_marker(comment: str) -> bool:
    if not comment.startswith("<!--"):
        return False
    head = comment[4:].lstrip()
    after = head[len(MARKER) : len(MARKER) + 1]
    return head.startswith(MARKER) and (after in ("", ":", "-") or after.isspace())


def _example(
    path: str,
    lines: list[str],
    index: _Lines,
    marker: tuple[int, str],
    tag: Any,
    start: int,
    end: int,
) -> Example:
    marker_line, comment = marker
    where = f"{path}:{marker_line + 1}"
    fenced = isinstance(tag, dict) and "CodeBlock" in tag and isinstance(tag["CodeBlock"], dict)
    if not fenced or "Fenced" not in tag["CodeBlock"]:
        raise MarkerError(f"{where}: {MARKER} is not followed by a fenced block")
    command, options = parse_marker(comment, where)
    info = tag["CodeBlock"]["Fenced"].split()[0] if tag["CodeBlock"]["Fenced"].strip() else ""
    if info == "console" and command:
        raise MarkerError(f"{where}: a console block holds its commands as '$ ' lines")
    if info != "console" and not command:
        raise MarkerError(f"{where}: {MARKER}: name the command, or use a console block")
    first = index.line(start)
    last = index.line(max(end - 1, start))
    opening = lines[first]
    indent = opening[: len(opening) - len(opening.lstrip(" >"))]  # a list item's, a quote's
    fence = _fence(opening[len(indent) :])
    closing = lines[last].lstrip(" >").strip()
    if last == first or not (
        closing.startswith(fence[0] * len(fence)) and set(closing) <= {fence[0]}
    ):
        raise MarkerError(f"{where}: the fenced block after {MARKER} is not closed")
    body = lines[first + 1 : last]
    example = Example(path, marker_line, command, options, info, indent, first + 1, last, body)
    example.commands()  # a console block without a command is an error now, not when it runs
    return example


def _fence(line: str) -> str:
    char = line[0]
    return line[: len(line) - len(line.lstrip(char))]


def parse_marker(comment: str, where: str) -> tuple[str, dict[str, str]]:
    """The command and the options of a marker comment ``<!-- roledef-run: ... -->``."""
    inner = comment.removeprefix("<!--").removesuffix("-->").strip()
    if comment.rstrip().endswith("-->") is False:
        raise MarkerError(f"{where}: the {MARKER} comment must end the HTML block")
    inner = inner[len(MARKER) :].removeprefix(":")
    lines = inner.split("\n")
    taken = 1
    while taken < len(lines) and not _complete("\n".join(lines[:taken])):
        taken += 1  # a command of several lines: an open quote, a trailing backslash
    command = "\n".join(line.rstrip() for line in lines[:taken]).strip()
    options: dict[str, str] = {}
    for line in lines[taken:]:
        if not line.strip():
            continue
        key, colon, value = line.strip().partition(":")
        if not colon or key not in OPTIONS:
            known = ", ".join(OPTIONS)
            raise MarkerError(f"{where}: unknown option line {line.strip()!r} (options: {known})")
        options[key] = value.strip()
    return command, options


def console_commands(body: list[str], where: str) -> list[str]:
    """The commands of a console block: each ``$ `` line, with the lines that continue it (an
    open quote, a trailing backslash), as the shell reads them."""
    commands: list[str] = []
    current: list[str] | None = None
    for line in body:
        if current is not None and not _complete("\n".join(current)):
            current.append(line)
            continue
        if current is not None:
            commands.append("\n".join(current))
            current = None
        if line.startswith("$ "):
            current = [line[2:]]
    if current is not None:
        commands.append("\n".join(current))
    if not commands:
        raise MarkerError(f"{where}: the console block has no '$ ' line")
    return commands


def _complete(command: str) -> bool:
    if command.endswith("\\"):
        return False
    try:
        shlex.split(command, comments=True)
    except ValueError:  # an open quote: the command goes on on the next line
        return False
    return True


def replace_bodies(text: str, bodies: dict[int, list[str]], examples: list[Example]) -> str:
    """``text`` with the body of each example whose ``body_start`` is a key of ``bodies``
    replaced by those lines (indented as the block is); every other line stays as it is."""
    lines = text.split("\n")
    for example in sorted(examples, key=lambda e: e.body_start, reverse=True):
        new = bodies.get(example.body_start)
        if new is not None:
            lines[example.body_start : example.body_end] = [
                example.indent + line if line else example.indent.rstrip() for line in new
            ]
    return "\n".join(lines)


def cut_lines(output: list[str], spec: str, where: str) -> list[str]:
    """The lines of ``output`` that ``spec`` (``lines:``) keeps, ``…`` where lines are left out.

    ``spec`` is a comma-separated list of 1-based line numbers and ranges, ``3``, ``1-20``,
    ``40-`` (to the end), and ``last 7`` (the last seven lines)."""
    keep: list[int] = []
    for part in spec.split(","):
        words = part.split()
        low, dash, high = part.strip().partition("-")
        try:
            if len(words) == 2 and words[0] == "last":
                first, last = len(output) - int(words[1]) + 1, len(output)
            else:
                first = int(low)
                last = (int(high) if high else len(output)) if dash else first
        except ValueError:
            raise MarkerError(
                f"{where}: lines: {spec!r} is not like '1-20', '1-4,10-12' or 'last 7'"
            ) from None
        keep.extend(range(max(first, 1), min(last, len(output)) + 1))
    shown: list[str] = []
    previous = 0
    for number in sorted(set(keep)):
        if number != previous + 1:
            shown.append("…")
        shown.append(output[number - 1])
        previous = number
    if previous < len(output):
        shown.append("…")
    return shown
