"""The rules' documentation, generated from their docstrings (``docs/rules.md``, ``roledef rules``).

A test checks that ``docs/rules.md`` is what :func:`rules_markdown` produces, so the docs cannot
drift from the code: after changing a rule, run ``roledef rules --format markdown > docs/rules.md``.
"""

from __future__ import annotations

import re

from roledef.lint.rules import RULES, rule_info
from roledef.text import Regex

_LITERAL_RE = Regex(r"::$", re.MULTILINE)


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
                info.summary,
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
        options = ", ".join(f"`{o.name}` (default `{_value(o.default)}`)" for o in rule.OPTIONS)
        out += ["", f"## {info.code} {info.name}", "", summary, ""]
        out.append(
            f"Severity: {info.severity}. Fixable: {'yes' if info.fixable else 'no'}. "
            f"Applies to: {', '.join(rule.FORMATS)}." + (f" Options: {options}." if options else "")
        )
        if body.strip():
            out += ["", _LITERAL_RE().sub(":", body.strip())]
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _value(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(f'"{v}"' for v in value) + "]"
    if isinstance(value, dict):
        return "{}" if not value else str(value)
    return str(value)
