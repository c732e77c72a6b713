"""The report as plain text: aligned tables for a terminal."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

from roledef.handbook import common


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Columns padded to their widest cell; numbers right-aligned."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    numeric = [all(_is_number(r[i]) for r in rows) and bool(rows) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        parts = [
            c.rjust(w) if num else c.ljust(w)
            for c, w, num in zip(cells, widths, numeric, strict=True)
        ]
        return "  ".join(parts).rstrip()

    return [line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def _is_number(cell: str) -> bool:
    return cell == "-" or cell.replace("-", "").replace("/", "").isdigit()


def render(report: dict[str, Any]) -> str:
    """The whole report: totals, roles, owners, rules and the files that are not roles."""
    out = ["Handbook report", ""]
    rows = common.total_rows(report)
    width = max(len(label) for _, label, _ in rows)
    out += [f"{label + ':':<{width + 1}} {value}" for _, label, value in rows]
    out += ["", *textwrap.wrap(report["note"], 100), ""]
    out += ["Roles", ""]
    roles = [common.role_cells(r) for r in report["roles"]]
    out += table(common.ROLE_HEADERS, roles) if roles else ["(none)"]
    out += ["", "Owners", ""]
    owners = [common.owner_cells(r)[:-1] for r in report["owners"]]
    out += table(common.OWNER_HEADERS[:-1], owners) if owners else ["(none)"]
    for row in report["owners"]:
        out += ["", f"{row['name']}:"]
        out += [f"  {r['title']} ({r['file']}): {common.role_minutes(r)}" for r in row["roles"]]
    out += ["", "Rules that fire most", ""]
    rules = [common.rule_cells(r) for r in report["rules"]]
    out += table(common.RULE_HEADERS, rules) if rules else ["(no findings)"]
    if report["other_files"]:
        out += ["", "Files that are not roles (only their findings count in the totals)", ""]
        out += table(common.OTHER_HEADERS, [common.other_cells(r) for r in report["other_files"]])
    return "\n".join(out) + "\n"
