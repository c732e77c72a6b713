"""Placeholder text (``TODO(roledef): ...``, TODO, TBD, FIXME, "lorem ipsum") and where it is.

The ``placeholder`` rule (RD207) decides from the model's text whether a field is unfinished; the
reader records here where each placeholder stands in the file, line by line, so that the finding
points at the placeholder itself rather than at the heading or bullet that holds it. A placeholder
never spans lines (the pattern stops at a line end), so reading line by line finds them all.
"""

from __future__ import annotations

from roledef.model import Span
from roledef.text import Regex

#: The marker ``roledef new`` writes, and the ones people write by hand.
MARKER = "TODO(roledef)"
PLACEHOLDER_RE = Regex(r"\bTODO\b(?:\([^)\n]*\))?:?[^\n.;]*|\bTBD\b|\bFIXME\b|\b(?i:lorem ipsum)\b")

#: Every placeholder holds one of these words ("lorem" in any case).
_WORDS = ("TODO", "TBD", "FIXME")


def may_hold(text: str) -> bool:
    """Whether ``text`` may hold a placeholder: false for nearly all text, cheaply."""
    return any(word in text for word in _WORDS) or "lorem" in text.lower()


def placeholders(text: str | None) -> list[str]:
    """The placeholders of ``text`` as written (trimmed), in order."""
    if not text or not may_hold(text):
        return []
    return [m.strip() for m in PLACEHOLDER_RE().findall(text)]


def locate(lines: list[str]) -> tuple[tuple[Span, str], ...]:
    """Every placeholder of a file's lines: its span (1-based, end column inclusive) and its
    text, in document order."""
    found: list[tuple[Span, str]] = []
    pattern = PLACEHOLDER_RE()
    for number, line in enumerate(lines, 1):
        if not may_hold(line):
            continue
        for m in pattern.finditer(line):
            text = m.group().rstrip()
            if text:
                start = m.start() + 1
                found.append((Span(number, start, number, start + len(text) - 1), text))
    return tuple(found)
