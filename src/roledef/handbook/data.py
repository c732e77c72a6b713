"""The handbook report as plain data: built once from roles and findings, rendered by format.

:func:`collect` lints the files through the engine ``roledef lint`` uses (same discovery,
config, cross-file rules and suppressions) and keeps each file's role; :func:`build_report` turns
roles and final findings into a JSON-serialisable dict. Every output format renders that dict and
computes nothing of its own, so the formats cannot disagree.

How each figure is computed is documented in ``docs/report.md``; in short:

- a file is a *role* when it reads as one (:mod:`roledef.read.kind`, the answer every command
  gives); other files (an ``index.md``, a level ladder, a hiring-process page) are listed under
  ``other_files`` with the reason, and count in no per-role figure or total;
- ``minutes`` sums the known durations of the steps, ranges at their lower bound;
  ``minutes_max`` sums them at their upper bound; steps without a duration add nothing and are
  counted in ``duration_unknown``;
- ``missing_owner`` / ``missing_duration`` count the steps the linter would report (RD301 /
  RD302): steps named in ``owner-exempt-steps`` / ``duration-exempt-steps`` need neither, and
  those of them that have none are counted in ``owner_exempt`` / ``duration_exempt``, so that
  ``owner_known + missing_owner + owner_exempt`` and ``duration_known + missing_duration +
  duration_exempt`` are both ``steps``;
- ``missing_sections`` are the configured ``required-sections`` that RD203 finds missing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from roledef.config import Config
from roledef.findings import SEVERITIES, Finding
from roledef.handbook.owners import OwnerTally, owner_key, owner_rows
from roledef.lint.rules import hiring_step_missing_duration as missing_duration_rule
from roledef.lint.rules import hiring_step_missing_owner as missing_owner_rule
from roledef.lint.rules import missing_section as missing_section_rule
from roledef.lint.rules.base import is_exempt
from roledef.model import Role
from roledef.read import vocab

#: Bumped when a key changes meaning or goes away (new keys do not bump it).
REPORT_VERSION = 1

DURATION_NOTE = (
    "Minutes add up the known durations of the hiring steps, per candidate. A range such as "
    "45-60 minutes counts 45, and 60 in the upper bound. A step without a duration adds "
    "nothing: it is counted as untimed. Steps the config exempts (owner-exempt-steps, "
    "duration-exempt-steps: an offer, reference checks) need no owner or duration and are "
    "counted apart, so steps with one, missing one and not needing one add up to all the steps."
)


@dataclass(frozen=True)
class Checked:
    """One file as the report sees it: its path, its role (None if unreadable), its findings,
    and why it is not a role file (None for a role file)."""

    path: str
    role: Role | None
    findings: tuple[Finding, ...] = ()
    unreadable: bool = False
    not_role: str | None = None


def collect(paths: Sequence[str], config: Config, *, found: bool = False) -> list[Checked]:
    """Lint ``paths`` like ``roledef lint`` and keep every file's role and final findings, and
    the files found in folders that are not role files (with the reason, for ``other_files``).
    ``found``: the paths come from the config's ``include``, not from the user."""
    from roledef.lint.engine import run

    return [
        Checked(c.path, c.result.role, tuple(c.findings), c.result.unreadable, c.result.not_role)
        for c in run(paths, config, keep_roles=True, keep_skipped=True, found=found)
    ]


def is_role(role: Role, text: str | None = None) -> bool:
    """Whether a file describes a role, read from ``text`` when given: the answer of
    :func:`roledef.read.kind.classify`, which ``roledef lint`` gives too."""
    from roledef.read.kind import classify

    return classify(role, text).is_role


def _options(config: Config, rule: Any) -> dict[str, Any]:
    from roledef.lint.check import rule_options

    return rule_options(rule, config)


def severity_counts(findings: Sequence[Finding]) -> dict[str, int]:
    """``{"error": n, "warning": n, "total": n}``."""
    counts = Counter(f.severity for f in findings)
    out: dict[str, int] = {level: counts.get(level, 0) for level in SEVERITIES}
    out["total"] = len(findings)
    return out


def missing_sections(role: Role, config: Config) -> list[str]:
    """Titles of the required sections (``required-sections``) the role lacks, as RD203 sees it."""
    required = _options(config, missing_section_rule)["required-sections"]
    return [
        vocab.KIND_TITLES.get(kind, kind)
        for kind in required
        if kind not in role.source.section_spans
        and not missing_section_rule.has_content(role, kind)
    ]


def role_row(checked: Checked, config: Config, owners: dict[str, OwnerTally]) -> dict[str, Any]:
    """One role's figures; the owners of its steps are tallied into ``owners`` as a side effect."""
    role = checked.role
    assert role is not None
    owner_exempt = _options(config, missing_owner_rule)["owner-exempt-steps"]
    duration_exempt = _options(config, missing_duration_rule)["duration-exempt-steps"]
    minutes = minutes_max = known = no_owner = no_duration = owned = 0
    owner_exempt_count = duration_exempt_count = 0
    for step in role.hiring_plan:
        low, high = step.duration_minutes, step.duration_max_minutes
        if low is not None:
            known += 1
            minutes += low
            minutes_max += high if high is not None and high >= low else low
        elif is_exempt(step.name, duration_exempt):
            duration_exempt_count += 1
        else:
            no_duration += 1
        # each owner of the step counts it, once ("CEO" and "the CEO" are one owner)
        named: dict[str, str] = {}
        for owner in step.owners:
            named.setdefault(owner_key(owner), owner)
        named.pop("", None)
        for key, owner in named.items():
            owners.setdefault(key, OwnerTally()).add(owner, checked.path, role.title, low, high)
        if named:
            owned += 1
        elif is_exempt(step.name, owner_exempt):
            owner_exempt_count += 1
        else:
            no_owner += 1
    return {
        "file": checked.path,
        "id": role.id,
        "title": role.title,
        "steps": len(role.hiring_plan),
        "optional_steps": sum(1 for s in role.hiring_plan if s.optional),
        "duration_known": known,
        "duration_unknown": len(role.hiring_plan) - known,
        "minutes": minutes,
        "minutes_max": minutes_max,
        "owner_known": owned,
        "missing_owner": no_owner,
        "owner_exempt": owner_exempt_count,
        "missing_duration": no_duration,
        "duration_exempt": duration_exempt_count,
        "missing_sections": missing_sections(role, config),
        "findings": severity_counts(checked.findings),
    }


def other_row(checked: Checked) -> dict[str, Any]:
    """A file that is not a role file: why, and its findings."""
    from roledef.lint.rules.not_a_role import message

    if checked.not_role is not None:
        reason = message(checked.not_role)
    elif checked.unreadable or checked.role is None:
        reason = "could not be read"
    else:
        reason = message("no sections or wording of a role")
    return {
        "file": checked.path,
        "title": checked.role.title if checked.role else None,
        "reason": reason,
        "findings": severity_counts(checked.findings),
    }


def rule_rows(findings: Sequence[Finding]) -> list[dict[str, Any]]:
    """The rules that fired, most findings first (then by code)."""
    counts = Counter(f.code for f in findings)
    first = {f.code: f for f in reversed(findings)}
    return [
        {
            "code": code,
            "name": first[code].rule,
            "severity": first[code].severity,
            "count": count,
        }
        for code, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


_SUMMED = (
    "steps",
    "optional_steps",
    "duration_known",
    "duration_unknown",
    "minutes",
    "minutes_max",
    "owner_known",
    "missing_owner",
    "owner_exempt",
    "missing_duration",
    "duration_exempt",
)


def build_report(
    checked: Sequence[Checked], config: Config, paths: Sequence[str] = ()
) -> dict[str, Any]:
    """The report as plain, JSON-serialisable data (see the module docstring)."""
    owners: dict[str, OwnerTally] = {}
    roles: list[dict[str, Any]] = []
    others: list[dict[str, Any]] = []
    for item in checked:
        if item.role is not None and item.not_role is None and not item.unreadable:
            roles.append(role_row(item, config, owners))
        else:
            others.append(other_row(item))
    findings = [f for item in checked for f in item.findings]
    totals: dict[str, Any] = {
        "files": len(checked),
        "roles": len(roles),
        "other_files": len(others),
        "roles_without_plan": sum(1 for r in roles if not r["steps"]),
        **{key: sum(r[key] for r in roles) for key in _SUMMED},
        "owners": len(owners),
        "findings": severity_counts(findings),
    }
    return {
        "report_version": REPORT_VERSION,
        "paths": list(paths),
        "note": DURATION_NOTE,
        "totals": totals,
        "roles": roles,
        "owners": owner_rows(owners),
        "rules": rule_rows(sorted(findings)),
        "other_files": others,
    }
