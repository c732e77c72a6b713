"""The rule registry: rule code -> rule module. Grep a code, land on its file.

Codes come in families and never change meaning once released:

- ``RD0xx``: the linter itself (schema, unreadable files, suppression comments);
- ``RD1xx``: the file and its front matter;
- ``RD2xx``: sections and structure;
- ``RD3xx``: the hiring plan;
- ``RD4xx``: several files together.

Each module's docstring is its user documentation (``roledef explain CODE``, ``docs/rules.md``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from roledef.findings import RuleInfo, Severity
from roledef.lint.rules import (
    duplicate_item,
    duplicate_role,
    empty_section,
    file_name,
    front_matter_invalid,
    front_matter_missing,
    front_matter_missing_key,
    heading_punctuation,
    hiring_plan_too_long,
    hiring_step_duration_implausible,
    hiring_step_missing_duration,
    hiring_step_missing_owner,
    missing_section,
    nav_title_mismatch,
    not_a_role,
    placeholder,
    schema,
    section_order,
    unknown_section,
    unknown_suppression,
    unreadable_file,
    unused_suppression,
)
from roledef.lint.rules.base import CrossFileModule, CrossFileRule, Rule, summary

if TYPE_CHECKING:
    from roledef.config import Config

_MODULES: tuple[Rule, ...] = (
    schema,
    unreadable_file,
    unused_suppression,
    unknown_suppression,
    not_a_role,
    front_matter_missing,
    front_matter_invalid,
    front_matter_missing_key,
    nav_title_mismatch,
    file_name,
    unknown_section,
    heading_punctuation,
    missing_section,
    empty_section,
    section_order,
    duplicate_item,
    placeholder,
    hiring_step_missing_owner,
    hiring_step_missing_duration,
    hiring_step_duration_implausible,
    hiring_plan_too_long,
)

#: Rules that also compare the files of a run (their ``CROSS_FILE`` is a ``CrossFileRule``).
_CROSS_FILE_MODULES: tuple[CrossFileModule, ...] = (duplicate_role,)

#: code -> rule module, in code order.
RULES: dict[str, Rule] = {
    m.CODE: m for m in sorted((*_MODULES, *_CROSS_FILE_MODULES), key=lambda m: m.CODE)
}

#: code -> the cross-file side of the rules that compare files, in code order.
CROSS_FILE_RULES: dict[str, CrossFileRule[Any]] = {
    m.CODE: m.CROSS_FILE for m in sorted(_CROSS_FILE_MODULES, key=lambda m: m.CODE)
}

#: rule name -> code, so that config and suppressions may use either.
NAMES: dict[str, str] = {m.NAME: m.CODE for m in RULES.values()}

#: Rules the linter reports itself; they cannot be switched off by selection.
ALWAYS_ON = frozenset({unreadable_file.CODE})


def resolve(code_or_name: str) -> str | None:
    """``"RD201"`` or ``"unknown-section"`` -> ``"RD201"``; None when there is no such rule."""
    key = code_or_name.strip()
    if key.upper() in RULES:
        return key.upper()
    return NAMES.get(key.lower())


def rules_info(config: Config | None = None) -> dict[str, RuleInfo]:
    """Code -> :class:`~roledef.findings.RuleInfo` with the run's severities, for reporters."""
    severity = config.severity if config else {}
    return {code: rule_info(rule, severity.get(code)) for code, rule in RULES.items()}


def rule_info(rule: Rule, severity: Severity | None = None) -> RuleInfo:
    """What reporters and ``roledef rules`` show about a rule."""
    return RuleInfo(
        code=rule.CODE,
        name=rule.NAME,
        severity=severity or rule.SEVERITY,
        fixable=rule.FIX is not None,
        summary=summary(rule),
        doc=clean_doc(rule),
    )


def clean_doc(rule: Rule) -> str:
    """The rule's docstring without the indentation of its source."""
    import inspect

    return inspect.cleandoc(rule.__doc__ or "")
