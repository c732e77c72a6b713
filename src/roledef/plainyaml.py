"""Front matter made of plain ``key: value`` lines, read without ruamel.yaml.

Almost every role file's front matter is two or three lines like ``navTitle: Account Executive``.
Importing ruamel.yaml and running its round-trip loader costs more than the rest of reading such a
file, so :func:`read_plain_mapping` reads those lines itself and answers ``None`` for anything it
is not certain to read exactly as :func:`roledef.yamlio.load_yaml` does: then the caller uses
that. What it accepts is deliberately narrow: top-level keys of letters, digits, ``_`` and ``-``,
each with a one-line value that can only be a string (it starts with a letter, is not a word YAML
reads as a boolean or null, and has no ``:``, ``#``, tab or quote-like trouble), or a quoted string
without escapes. ``tests/test_fastpaths.py`` checks the agreement on the corpus and on generated
front matter.
"""

from __future__ import annotations

import re
from typing import Any

from roledef.model import Span

_KEY_RE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$")
#: A plain scalar that YAML can only read as a string, as written (trailing spaces aside).
_PLAIN_RE = re.compile(r"[^\W\d_][\w ,()&/'.!?+-]*")
_DOUBLE_RE = re.compile(r'"([^"\\]*)" *')
_SINGLE_RE = re.compile(r"'([^']*)' *")
#: Words YAML (1.1 or 1.2) may read as something else than a string, compared in lower case.
_SPECIAL = frozenset({"true", "false", "yes", "no", "on", "off", "y", "n", "null"})


def _value(raw: str) -> str | None:
    """The string a value stands for, or None when it is not certainly a plain string."""
    if "\t" in raw or not raw.isprintable():
        return None
    m = _PLAIN_RE.fullmatch(raw.rstrip(" "))
    if m:
        text = m.group(0)
        return None if text.lower() in _SPECIAL else text
    m = _DOUBLE_RE.fullmatch(raw) or _SINGLE_RE.fullmatch(raw)
    if m and m.group(1).isprintable():
        return m.group(1)
    return None


def read_plain_mapping(
    lines: list[str], *, line_offset: int = 0
) -> tuple[dict[str, Any], dict[tuple[str | int, ...], Span]] | None:
    """``(mapping, key spans)`` for plain ``key: value`` lines, or None to use the YAML loader.

    ``line_offset`` shifts the reported lines as for :func:`roledef.yamlio.load_yaml`.
    """
    data: dict[str, Any] = {}
    positions: dict[tuple[str | int, ...], Span] = {}
    for index, line in enumerate(lines):
        if not line.strip(" "):
            if line:  # a line of spaces only: let the YAML loader judge it
                return None
            continue
        m = _KEY_RE.match(line)
        if m is None or m.group(2) is None:
            return None
        key = m.group(1)
        value = _value(m.group(2))
        if value is None or key in data or key.lower() in _SPECIAL:
            return None
        data[key] = value
        positions[(key,)] = Span(index + 1 + line_offset, 1)
    return (data, positions) if data else None
