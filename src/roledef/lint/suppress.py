"""Suppression comments in markdown role files, and the findings they silence.

Directives, each followed by rule codes or names separated by spaces or commas (none: every
rule)::

    <!-- roledef-disable-next-line RD201 -->   the next line
    <!-- roledef-disable RD201 -->             from here ...
    <!-- roledef-enable RD201 -->              ... to here (or the end of the file)
    <!-- roledef-disable-file RD105 -->        the whole file

A directive that names an unknown rule, or a ``roledef-...`` comment that is no directive, is
reported as ``unknown-suppression``; one that silences nothing as ``unused-suppression``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from roledef.lint.rules import RULES, resolve
from roledef.lint.rules import unknown_suppression as unknown_rule
from roledef.lint.rules import unused_suppression as unused_rule
from roledef.model import Span
from roledef.text import Regex

_DIRECTIVE_RE = Regex(r"^roledef-(?P<kind>[a-z-]+)(?P<args>(?:\s.*)?)$", re.DOTALL)
KINDS = ("disable-next-line", "disable", "enable", "disable-file")

#: Findings no comment can silence: they are about the comments themselves, or about reading.
UNSUPPRESSIBLE = frozenset({unknown_rule.CODE, unused_rule.CODE, "RD002"})


class Suppression:
    """One directive's reach: lines ``first``..``last`` (inclusive) for ``codes`` (None: all)."""

    __slots__ = ("codes", "first", "kind", "last", "line", "origin", "used")

    def __init__(
        self,
        line: int,
        kind: str,
        codes: frozenset[str] | None,
        first: int,
        last: int,
        origin: Suppression | None = None,
    ) -> None:
        self.line = line
        self.kind = kind
        self.codes = codes
        self.first = first
        self.last = last
        self.origin = origin  # the directive a block split by an enable continues
        self.used = False

    def covers(self, code: str, line: int) -> bool:
        return (self.codes is None or code in self.codes) and self.first <= line <= self.last


class Directives:
    """The suppressions of one file, and the problems found while reading them."""

    __slots__ = ("problems", "suppressions")

    def __init__(self) -> None:
        self.suppressions: list[Suppression] = []
        self.problems: list[tuple[Span, str]] = []


def parse(comments: Iterable[tuple[int, str]], line_count: int) -> Directives:
    """Read the ``roledef-`` directives among a file's comments (line, text) into suppressions."""
    out = Directives()
    open_blocks: list[Suppression] = []
    end = max(line_count, 1)
    for line, text in comments:
        m = _DIRECTIVE_RE().match(text.strip())
        if not m:
            continue
        kind = m.group("kind")
        if kind not in KINDS:
            out.problems.append((Span(line), f"unknown directive 'roledef-{kind}'"))
            continue
        codes = _codes(m.group("args"), line, out)
        if codes is not None and not codes:
            continue  # every rule it named was unknown: reported, and nothing to suppress
        last_line = line + text.count("\n")
        if kind == "disable-next-line":
            out.suppressions.append(Suppression(line, kind, codes, last_line + 1, last_line + 1))
        elif kind == "disable-file":
            out.suppressions.append(Suppression(line, kind, codes, 1, end))
        elif kind == "disable":
            block = Suppression(line, kind, codes, line, end)
            out.suppressions.append(block)
            open_blocks.append(block)
        else:
            _enable(open_blocks, codes, line, out)
    return out


def _codes(args: str, line: int, out: Directives) -> frozenset[str] | None:
    names = [a for a in re.split(r"[\s,]+", args.strip()) if a]
    if not names:
        return None
    codes = set()
    for name in names:
        code = resolve(name)
        if code is None:
            out.problems.append((Span(line), f"unknown rule '{name}' in suppression comment"))
        else:
            codes.add(code)
    return frozenset(codes)


def _enable(
    open_blocks: list[Suppression], codes: frozenset[str] | None, line: int, out: Directives
) -> None:
    """Close the open ``disable`` blocks ``codes`` names; a block naming more codes goes on."""
    for block in list(open_blocks):
        if codes is not None and block.codes is not None and not (block.codes & codes):
            continue
        until = block.last
        block.last = line
        open_blocks.remove(block)
        if codes is None:
            continue
        rest = (block.codes or frozenset(RULES)) - codes
        if rest:
            origin = block.origin or block
            carry_on = Suppression(block.line, block.kind, rest, line, until, origin)
            out.suppressions.append(carry_on)
            open_blocks.append(carry_on)


def apply(
    findings: Sequence[tuple[str, int]], directives: Directives
) -> tuple[list[bool], list[tuple[Span, str, str]]]:
    """Which findings (code, line) are kept, and the new findings (span, code, message).

    Unused suppressions are reported only for rules that ran: see :func:`unused`.
    """
    kept = []
    for code, line in findings:
        silenced = False
        if code not in UNSUPPRESSIBLE:
            for sup in directives.suppressions:
                if sup.covers(code, line):
                    (sup.origin or sup).used = True
                    silenced = True
        kept.append(not silenced)
    extra = [(span, unknown_rule.CODE, message) for span, message in directives.problems]
    return kept, extra


def unused(directives: Directives, enabled: Iterable[str]) -> list[tuple[Span, str, str]]:
    """``unused-suppression`` findings: directives that silenced nothing among enabled rules."""
    active = set(enabled)
    out = []
    for sup in directives.suppressions:
        if sup.origin is not None or sup.used:
            continue
        if sup.codes is not None and not (sup.codes & active):
            continue  # it names only rules this run does not check: it may well be needed
        names = ", ".join(sorted(sup.codes)) if sup.codes else "every rule"
        message = f"'roledef-{sup.kind}' for {names} suppresses nothing: remove it"
        out.append((Span(sup.line), unused_rule.CODE, message))
    return out
