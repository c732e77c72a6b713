"""What every report format writes the same way: minutes, counts and table columns."""

from __future__ import annotations

from typing import Any


def minutes(low: int, high: int) -> str:
    """``"300"``, or ``"300-360"`` when ranges make the upper bound larger."""
    return f"{low}" if high == low else f"{low}-{high}"


def findings(counts: dict[str, int]) -> str:
    """``"3 errors, 1 warning"``, or ``"none"``."""
    parts = [
        f"{counts[level]} {level}{'' if counts[level] == 1 else 's'}"
        for level in ("error", "warning")
        if counts.get(level)
    ]
    return ", ".join(parts) or "none"


def total_minutes(row: dict[str, Any]) -> str:
    """A row's minutes, or ``"-"`` when none of its steps has a duration (not zero minutes)."""
    if not row["duration_known"]:
        return "-"
    return minutes(row["minutes"], row["minutes_max"])


def known(row: dict[str, Any]) -> str:
    """Steps with a known duration out of all steps: ``"3/7"``."""
    return f"{row['duration_known']}/{row['steps']}"


#: The totals, in the order every format shows them: (key, label).
TOTALS: tuple[tuple[str, str], ...] = (
    ("roles", "Roles"),
    ("other_files", "Other files"),
    ("roles_without_plan", "Roles without a hiring plan"),
    ("steps", "Hiring steps"),
    ("duration_known", "Steps with a duration"),
    ("missing_duration", "Steps missing a duration"),
    ("duration_exempt", "Steps that need no duration"),
    ("owner_known", "Steps with an owner"),
    ("missing_owner", "Steps missing an owner"),
    ("owner_exempt", "Steps that need no owner"),
    ("minutes", "Interview minutes"),
    ("minutes_max", "Interview minutes (upper bound)"),
    ("owners", "Owners"),
)


def total_rows(report: dict[str, Any]) -> list[tuple[str, str, int]]:
    """``(key, label, value)`` for every total, findings by severity last."""
    totals = report["totals"]
    rows = [(key, label, int(totals[key])) for key, label in TOTALS]
    rows += [
        ("findings_error", "Errors", int(totals["findings"]["error"])),
        ("findings_warning", "Warnings", int(totals["findings"]["warning"])),
    ]
    return rows


ROLE_HEADERS = (
    "Role",
    "File",
    "Steps",
    "Timed steps",
    "Minutes",
    "No owner",
    "Owner not needed",
    "No duration",
    "Duration not needed",
    "Missing sections",
    "Findings",
)


def role_cells(row: dict[str, Any]) -> list[str]:
    """The cells of one role row, as text, in :data:`ROLE_HEADERS` order."""
    return [
        str(row["title"]),
        str(row["file"]),
        str(row["steps"]),
        known(row),
        total_minutes(row),
        str(row["missing_owner"]),
        str(row["owner_exempt"]),
        str(row["missing_duration"]),
        str(row["duration_exempt"]),
        ", ".join(row["missing_sections"]) or "-",
        findings(row["findings"]),
    ]


def role_minutes(row: dict[str, Any]) -> str:
    """An owner's minutes in one role: ``"45 min"``, ``"45 min, 1 untimed step"``, ``"untimed"``."""
    untimed = row["steps"] - row["duration_known"]
    if not row["duration_known"]:
        return "untimed" if row["steps"] == 1 else f"{row['steps']} untimed steps"
    text = f"{minutes(row['minutes'], row['minutes_max'])} min"
    return text + (f", {untimed} untimed step{'s' if untimed != 1 else ''}" if untimed else "")


OWNER_HEADERS = ("Owner", "Plans", "Steps", "Minutes per candidate", "Untimed steps", "Roles")


def owner_cells(row: dict[str, Any]) -> list[str]:
    """The cells of one owner row, as text, in :data:`OWNER_HEADERS` order."""
    roles = "; ".join(f"{r['title']}: {role_minutes(r)}" for r in row["roles"])
    return [
        str(row["name"]),
        str(row["plans"]),
        str(row["steps"]),
        total_minutes(row),
        str(row["duration_unknown"]),
        roles,
    ]


RULE_HEADERS = ("Code", "Rule", "Severity", "Findings")


def rule_cells(row: dict[str, Any]) -> list[str]:
    """The cells of one rule row."""
    return [str(row["code"]), str(row["name"]), str(row["severity"]), str(row["count"])]


OTHER_HEADERS = ("File", "Title", "Why it is not counted", "Findings")


def other_cells(row: dict[str, Any]) -> list[str]:
    """The cells of one row of the files that are not roles."""
    return [
        str(row["file"]),
        str(row["title"] or "-"),
        str(row["reason"]),
        findings(row["findings"]),
    ]
