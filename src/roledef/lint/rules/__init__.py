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
    from collections.abc import Iterable

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


def unknown_rule(selector: str) -> str:
    """The message for a selector that names no rule, with the one rule it is a slip for, if any:
    ``unknown rule 'RD2O1'; did you mean 'RD201'? (see roledef rules)``."""
    key = selector.strip()
    code = closest(key.upper(), RULES) or closest(key.lower(), NAMES)
    hint = f"; did you mean '{code}'?" if code else ""
    return f"unknown rule '{selector}'{hint} (see roledef rules)"


def closest(word: str, known: Iterable[str], cutoff: float = 0.8) -> str | None:
    """The one known word that ``word`` is a slip of the keyboard for, or None.

    None as well when two known words are as close as each other: a guess between two is no help.
    """
    import difflib  # only for a mistake: not at start-up

    matcher = difflib.SequenceMatcher(b=word)
    scores: dict[str, float] = {}
    for candidate in known:
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
            score = matcher.ratio()
            if score >= cutoff:
                scores[candidate] = score
    ranked = sorted(scores.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[1] == ranked[0]):
        return None
    return max(scores, key=scores.__getitem__)


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
