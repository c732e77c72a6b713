"""A heading ends with a colon or with spaces (``## Hiring Plan:``).

Why: a heading is a title, not the start of a sentence; a trailing colon shows up in the
handbook's table of contents and in page anchors (``#hiring-plan-``), and trailing spaces are
invisible noise in diffs. The finding spans exactly the characters to delete, so it can be fixed
mechanically.

Failing::

    ## Hiring Plan:

Passing::

    ## Hiring Plan
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from roledef.findings import WARNING, Finding
from roledef.lint.rules.base import Fixer, Hit, Options
from roledef.model import MARKDOWN, Role, Span
from roledef.text import Regex, plain

if TYPE_CHECKING:
    from roledef.config import Config
    from roledef.fix.edits import Fix

CODE = "RD202"
NAME = "heading-punctuation"
SEVERITY = WARNING
OPTIONS = ()
FORMATS = (MARKDOWN,)
ENABLED = True

#: The bad tail of a heading line: a colon (with any spaces around it), or spaces alone.
#: (?<!...) starts a match only where the tail begins, which keeps the search linear on long runs.
_BAD_TAIL_RE = Regex(r"(?<![ \t:])(?:[ \t]*:[ \t:]*|[ \t]+)$")


def check(role: Role, options: Options) -> Iterator[Hit]:
    for heading in role.source.headings:
        if heading.is_label:
            continue
        raw = heading.raw
        m = _BAD_TAIL_RE().search(raw)
        if not m or not raw[: m.start()].strip(" \t#"):
            continue
        # columns count from the start of the line (the heading's raw text is the whole line);
        # the span covers exactly the characters to delete, first to last (inclusive)
        span = Span(heading.span.line, m.start() + 1, heading.span.line, len(raw))
        what = "a colon: remove it" if ":" in m.group(0) else "spaces: remove them"
        text = plain(heading.text).rstrip(":").strip()
        yield span, f"heading '{text}' ends with {what}"


def fix(role: Role, lines: list[str], f: Finding, config: Config) -> Fix | None:
    """``## Hiring Plan:`` -> ``## Hiring Plan``: delete exactly the span the rule reports."""
    from roledef.fix.edits import Edit, Fix

    if f.end_column is None or not 0 < f.line <= len(lines):
        return None
    start, end = f.column - 1, f.end_column
    line = lines[f.line - 1]
    if line[start:end].strip(" \t:") or not line[:start].strip(" \t#"):
        return None
    return Fix(f, (Edit(f.line, start, end, ""),), trims_heading=True)


FIX = Fixer(safe=True, make=fix)
