"""The report as markdown: pipe tables, for a wiki page or a pull request comment."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from roledef.handbook import common


def cell(text: str) -> str:
    """A table cell: pipes escaped and line breaks folded, so the table keeps its shape, and
    angle brackets written as entities, so a title is not read as HTML."""
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(text.split()) or " "


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A GitHub-flavoured markdown table."""
    lines = ["| " + " | ".join(cell(h) for h in headers) + " |"]
    lines.append("|" + "|".join(" --- " for _ in headers) + "|")
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return lines


def render(report: dict[str, Any]) -> str:
    """The whole report: totals, roles, owners, rules and the files that are not roles."""
    out = ["# Handbook report", "", "## Totals", ""]
    out += table(
        ("Figure", "Value"), [(label, str(v)) for _, label, v in common.total_rows(report)]
    )
    out += ["", f"_{cell(report['note'])}_", "", "## Roles", ""]
    roles = [common.role_cells(r) for r in report["roles"]]
    out += table(common.ROLE_HEADERS, roles) if roles else ["No role files."]
    out += ["", "## Owners", ""]
    owners = [common.owner_cells(r) for r in report["owners"]]
    out += table(common.OWNER_HEADERS, owners) if owners else ["No step names an owner."]
    out += ["", "## Rules that fire most", ""]
    rules = [common.rule_cells(r) for r in report["rules"]]
    out += table(common.RULE_HEADERS, rules) if rules else ["No findings."]
    if report["other_files"]:
        out += ["", "## Files that are not roles", ""]
        out += [
            "Their findings count in the totals; nothing else of them counts in the figures above.",
            "",
        ]
        out += table(common.OTHER_HEADERS, [common.other_cells(r) for r in report["other_files"]])
    return "\n".join(out) + "\n"
