"""The report as one self-contained HTML page: inline CSS, no scripts, no fonts, no requests.

A table per view and bar charts of interview minutes per role and per owner, drawn with CSS
(a bar is a box whose width is a share of the largest value). Tables scroll sideways inside their
own box on a narrow screen, so the page itself never does. Every piece of text from the
handbook goes through :func:`e`. Each total carries ``data-total="key"`` (the key of
``totals`` in the JSON format), so tests and scripts can read the figures from the page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import Any

from roledef.handbook import common
from roledef.handbook.htmlstyle import CSS

NUM = ' class="num"'


def e(value: object) -> str:
    """Text escaped for HTML content and attribute values."""
    return escape(str(value), quote=True)


def _table(
    headers: Sequence[str], rows: Iterable[Sequence[str]], numeric: Iterable[int], caption: str
) -> str:
    """A table in a box of its own that scrolls sideways; cells are HTML already."""
    nums = set(numeric)
    head = "".join(
        f'<th scope="col"{NUM if i in nums else ""}>{e(h)}</th>' for i, h in enumerate(headers)
    )
    body = []
    for row in rows:
        cells = []
        for i, c in enumerate(row):
            if i == 0:
                cells.append(f'<th scope="row">{c}</th>')
            else:
                cells.append(f"<td{NUM if i in nums else ''}>{c}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<div class="scroll" tabindex="0" role="region" aria-label="{e(caption)}">'
        f"<table><caption>{e(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def _findings(counts: dict[str, int]) -> str:
    parts = [
        f'<span class="sev {level}">{counts[level]} {level}{"" if counts[level] == 1 else "s"}'
        "</span>"
        for level in ("error", "warning")
        if counts.get(level)
    ]
    return " ".join(parts) or '<span class="muted">none</span>'


def _bars(items: Sequence[tuple[str, str, int, int]], label: str, unit: str = "min") -> str:
    """A bar chart: ``(name, detail, low, high)`` per bar; the lighter end shows ranges."""
    if not items:
        return '<p class="muted">No step has a known duration.</p>'
    top = max(high for _, _, _, high in items) or 1
    rows = []
    for name, detail, low, high in items:
        solid = 100 * low / top
        extra = 100 * (high - low) / top
        title = f"{name}: {common.minutes(low, high)} {unit}"
        rows.append(
            f'<li class="bar-row"><span class="bar-label" title="{e(detail)}">{e(name)}</span>'
            f'<span class="bar-track" aria-hidden="true">'
            f'<span class="bar" style="width:{solid:.2f}%"></span>'
            f'<span class="bar extra" style="width:{extra:.2f}%"></span></span>'
            f'<span class="bar-value" aria-label="{e(title)}">'
            f"{e(common.minutes(low, high))} {unit}</span></li>"
        )
    return f'<ol class="bars" aria-label="{e(label)}">{"".join(rows)}</ol>'


def _role_bars(report: dict[str, Any]) -> str:
    timed = [r for r in report["roles"] if r["duration_known"]]
    timed.sort(key=lambda r: (-r["minutes"], -r["minutes_max"], r["title"]))
    items = [(r["title"], r["file"], r["minutes"], r["minutes_max"]) for r in timed]
    html = _bars(items, "Interview minutes per role")
    untimed = [r for r in report["roles"] if r["steps"] and not r["duration_known"]]
    if untimed:
        names = ", ".join(e(r["title"]) for r in untimed)
        html += (
            f'<p class="muted">{len(untimed)} role{"s" if len(untimed) != 1 else ""} '
            f"with a hiring plan but no step with a duration: {names}.</p>"
        )
    return html


def _owner_bars(report: dict[str, Any]) -> str:
    timed = [o for o in report["owners"] if o["minutes_max"]]
    timed.sort(key=lambda o: (-o["minutes"], -o["minutes_max"], o["key"]))
    items = [(o["name"], f"{o['plans']} plans", o["minutes"], o["minutes_max"]) for o in timed]
    return _bars(items, "Interview minutes per candidate, per owner")


def _totals(report: dict[str, Any]) -> str:
    cards = "".join(
        f'<div class="card"><dt>{e(label)}</dt><dd data-total="{e(key)}">{value}</dd></div>'
        for key, label, value in common.total_rows(report)
    )
    return f'<dl class="totals">{cards}</dl><p class="note">{e(report["note"])}</p>'


def _path(path: str) -> str:
    """A file path that may break after ``/``, ``-`` and ``_`` rather than anywhere."""
    escaped = e(path)
    for mark in ("/", "-", "_"):
        escaped = escaped.replace(mark, f"{mark}<wbr>")
    return f'<code class="file">{escaped}</code>'


def _roles(report: dict[str, Any]) -> str:
    """The roles table; the file goes under the title instead of a column of its own."""
    rows = []
    for r in report["roles"]:
        cells = [e(c) for c in common.role_cells(r)]
        cells[0] = f"{cells[0]}<br>{_path(r['file'])}"
        sections = common.ROLE_HEADERS.index("Missing sections")
        if not r["missing_sections"]:
            cells[sections] = '<span class="muted">none</span>'
        cells[common.ROLE_HEADERS.index("Findings")] = _findings(r["findings"])
        del cells[1]
        rows.append(cells)
    headers = [h for h in common.ROLE_HEADERS if h != "File"]
    numeric = range(1, headers.index("Missing sections"))
    return _table(headers, rows, numeric, "Hiring plan of each role")


def _owners(report: dict[str, Any]) -> str:
    """Two tables: each owner's load, then their steps and minutes in each role (rows stay
    one line high on a phone, where a list of roles in one cell would make them very tall)."""
    rows = [[e(c) for c in common.owner_cells(o)[:-1]] for o in report["owners"]]
    load = _table(common.OWNER_HEADERS[:-1], rows, (1, 2, 3, 4), "Who runs the hiring steps")
    detail = [
        [
            e(o["name"]),
            f"{e(r['title'])}<br>{_path(r['file'])}",
            str(r["steps"]),
            e(common.role_minutes(r)),
        ]
        for o in report["owners"]
        for r in o["roles"]
    ]
    per_role = _table(
        ("Owner", "Role", "Steps", "Minutes"), detail, (2,), "Each owner's steps in each role"
    )
    return load + "<h3>Per role</h3>" + per_role


def _rules(report: dict[str, Any]) -> str:
    rows = [[e(c) for c in common.rule_cells(r)] for r in report["rules"]]
    for row in rows:
        row[0] = f"<code>{row[0]}</code>"
    return _table(common.RULE_HEADERS, rows, (3,), "Findings per rule")


def _others(report: dict[str, Any]) -> str:
    rows = []
    for o in report["other_files"]:
        cells = [e(c) for c in common.other_cells(o)]
        cells[0] = _path(o["file"])
        cells[3] = _findings(o["findings"])
        rows.append(cells)
    return _table(common.OTHER_HEADERS, rows, (), "Files that are not roles")


def _section(ident: str, title: str, body: str) -> str:
    return f'<section id="{ident}"><h2>{e(title)}</h2>{body}</section>'


def render(report: dict[str, Any]) -> str:
    """The whole page."""
    paths = ", ".join(f"<code>{e(p)}</code>" for p in report["paths"])
    parts = [
        _section("totals", "Totals", _totals(report)),
        _section("chart-roles", "Interview minutes per role", _role_bars(report)),
        _section("chart-owners", "Interview minutes per owner", _owner_bars(report)),
        _section("roles", "Roles", _roles(report) if report["roles"] else "<p>No role files.</p>"),
        _section(
            "owners",
            "Owners",
            _owners(report) if report["owners"] else "<p>No hiring step names an owner.</p>",
        ),
        _section(
            "rules", "Rules that fire most", _rules(report) if report["rules"] else "<p>None.</p>"
        ),
    ]
    if report["other_files"]:
        intro = (
            "<p>Listed with their findings (which count in the totals), but in no other figure.</p>"
        )
        parts.append(_section("other-files", "Files that are not roles", intro + _others(report)))
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Handbook report</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
        f'<header><h1>Handbook report</h1><p class="muted">Role files in {paths}</p></header>\n'
        + "\n".join(parts)
        + '\n<footer class="muted">Made by roledef report.</footer>\n</main>\n</body>\n</html>\n'
    )
