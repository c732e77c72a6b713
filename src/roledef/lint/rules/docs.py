"""The rules' documentation, generated from their docstrings (``docs/rules.md``, ``roledef rules``).

The docstrings are reStructuredText: markdown for ``docs/rules.md`` keeps their inline literals
(a code span in markdown too) and turns ``Failing::`` into ``Failing:`` over an indented code
block; :func:`plain_text` is what a terminal shows (``roledef rules``, ``roledef explain``).
A test checks that ``docs/rules.md`` is what :func:`rules_markdown` produces, so the docs cannot
drift from the code: after changing a rule, run ``roledef rules --format markdown > docs/rules.md``.
"""

from __future__ import annotations

import re

from roledef.lint.rules import RULES, rule_info
from roledef.lint.rules.base import Rule
from roledef.text import Regex

_LITERAL_RE = Regex(r"::$", re.MULTILINE)
_INLINE_RE = Regex(r"``(.+?)``", re.DOTALL)


def plain_text(doc: str) -> str:
    """A docstring as a terminal shows it: inline literals in single quotes, ``Failing::`` as
    ``Failing:``, the indented examples after it as they are."""
    out: list[str] = []
    prose: list[str] = []  # the lines of the paragraph so far (a literal may wrap)
    in_example = False
    for line in doc.split("\n"):
        if in_example and (not line.strip() or line[:1].isspace()):
            out.append(line)
            continue
        in_example = line.rstrip().endswith("::")
        prose.append(_marker(line.rstrip()) if in_example else line)
        if in_example or not line.strip():
            out.append(_quote(prose))
            prose = []
    if prose:
        out.append(_quote(prose))
    return "\n".join(out)


def _quote(lines: list[str]) -> str:
    return _INLINE_RE().sub(r"'\1'", "\n".join(lines))


def _marker(line: str) -> str:
    """reStructuredText's literal-block marker as prose: ``Failing::`` -> ``Failing:``, a
    ``::`` after a space or alone on its line -> nothing."""
    text = line[:-2]
    return text.rstrip() if not text or text.endswith((" ", "\t")) else text + ":"


def rules_table() -> str:
    """One line per rule: code, name, severity, fixable, on by default, summary."""
    rows = [("CODE", "NAME", "SEVERITY", "FIX", "ON", "SUMMARY")]
    for rule in RULES.values():
        info = rule_info(rule)
        fix = "yes" if info.fixable else "-"
        rows.append(
            (
                info.code,
                info.name,
                info.severity,
                fix,
                "yes" if rule.ENABLED else "off",
                plain_text(info.summary),
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + "  " + row[5]
        for row in rows
    ]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def rules_markdown() -> str:
    """``docs/rules.md``: a table of every rule, then each rule's documentation."""
    out = [
        "# Lint rules",
        "",
        "<!-- Generated from the rules' docstrings by `roledef rules --format markdown`;"
        " do not edit by hand. -->",
        "",
        "Codes come in families: RD0xx the linter itself, RD1xx the file and its front matter,",
        "RD2xx sections and structure, RD3xx the hiring plan, RD4xx several files together.",
        "`roledef explain CODE` prints one rule's documentation; see [lint.md](lint.md) for",
        "selecting rules, severities and options.",
        "",
        "| Code | Name | Severity | Fixable | On by default | Summary |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for rule in RULES.values():
        info = rule_info(rule)
        out.append(
            f"| [{info.code}](#{info.code.lower()}-{info.name}) | `{info.name}` | {info.severity} "
            f"| {'yes' if info.fixable else 'no'} | {'yes' if rule.ENABLED else 'no'} "
            f"| {_cell(info.summary)} |"
        )
    for rule in RULES.values():
        info = rule_info(rule)
        summary, _, body = info.doc.partition("\n")
        options = option_defaults(rule, "`")
        out += ["", f"## {info.code} {info.name}", "", summary, ""]
        out.append(
            f"Severity: {info.severity}. Fixable: {'yes' if info.fixable else 'no'}. "
            f"Applies to: {', '.join(rule.FORMATS)}." + (f" Options: {options}." if options else "")
        )
        if body.strip():
            out += ["", _LITERAL_RE().sub(":", body.strip())]
    return "\n".join(out) + "\n"


def option_defaults(rule: Rule, quote: str) -> str:
    """The rule's options (config keys) with their defaults, each quoted with ``quote``."""
    q = quote
    return ", ".join(f"{q}{o.name}{q} (default {q}{_value(o.default)}{q})" for o in rule.OPTIONS)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _value(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(f'"{v}"' for v in value) + "]"
    if isinstance(value, dict):
        return "{}" if not value else str(value)
    return str(value)
