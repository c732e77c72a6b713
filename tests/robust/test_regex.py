"""No regular expression in roledef backtracks without bound on hostile text.

A regex runs in C: a per-file time limit cannot interrupt it, so every pattern must stay linear.
Each pattern of each module is run over long runs of one character (and of short pieces) that
its quantifiers could fight over; a quadratic pattern takes seconds here, a linear one
milliseconds.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time

import pytest

import roledef
from roledef.text import Regex

pytestmark = pytest.mark.slow

#: Pieces repeated to build hostile text: spaces, punctuation and fragments of links and durations.
PIECES = [
    *" \t\n:.-*_`[]()!#>|,;?'\"/0aA&–",
    "ab",
    "a ",
    "1 ",
    "a:",
    "**",
    "[a](",
    "](",
    "(a",
    "1-",
    "1 - ",
    "- ",
    "h ",
    "for ",
    " x",
]
LENGTH = 8_000
#: A linear pattern needs well under this; a quadratic one needs many times more.
BUDGET_SECONDS = 0.5
#: Patterns only ever used anchored (``match``/``fullmatch``): searching them is not tested.
ANCHORED_ONLY = {"roledef.plainyaml._KEY_RE", "roledef.fastblocks._UNDERLINE_RE"}


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    found: dict[int, tuple[str, re.Pattern[str]]] = {}
    for info in pkgutil.walk_packages(roledef.__path__, "roledef."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            values = value if isinstance(value, (list, tuple)) else [value]
            for item in values:
                if isinstance(item, Regex):  # compiled on first use (most of them)
                    item = item()
                if isinstance(item, re.Pattern) and isinstance(item.pattern, str):
                    found.setdefault(id(item), (f"{info.name}.{name}", item))
    return sorted(found.values(), key=lambda p: p[0])


PATTERNS = _patterns()


def test_the_scan_finds_the_parsers_patterns() -> None:
    names = {name for name, _ in PATTERNS}
    assert "roledef.text._LINK_RE" in names
    assert "roledef.read.durations.LENGTH_RE" in names


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_pattern_is_linear_on_hostile_text(name: str, pattern: re.Pattern[str]) -> None:
    slowest = 0.0
    worst = ""
    for piece in PIECES:
        body = piece * (LENGTH // len(piece))
        for text in (body + "\x01", "a" + body + "\x01", body + "x"):
            start = time.perf_counter()
            pattern.match(text)
            pattern.fullmatch(text)
            if name not in ANCHORED_ONLY:
                pattern.search(text)
                pattern.sub("", text)
            took = time.perf_counter() - start
            if took > slowest:
                slowest, worst = took, piece
    assert slowest < BUDGET_SECONDS, f"{pattern.pattern!r} took {slowest:.2f}s on {worst!r} * N"
