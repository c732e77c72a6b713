"""A handbook's conventions, read from its role files: the config ``roledef init`` writes.

roledef's defaults are one handbook's conventions (``navTitle`` and ``navGroup`` front matter,
kebab-case names, four required sections). :func:`infer` lints a handbook three times through the
engine ``roledef lint`` uses:

1. with the defaults: the findings *before*, and the role files' unknown headings, from which the
   recurring ones become aliases (:mod:`roledef.handbook.aliases`);
2. with those aliases: the roles as the new config will read them, from which every other
   setting is decided (a *convention* is what at least :data:`SHARE` of the role files do);
3. with the whole new config: the findings *after*, exactly as ``roledef lint`` will give them.

Only role files count (the engine's answer, ``result.not_role``: :mod:`roledef.read.kind`); the
others are listed but decide nothing. Each setting keeps its evidence ("responsibilities (41 of
44 role files)") for the command to show.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from roledef.config import Config, resolve_config
from roledef.handbook.aliases import HeadingAlias, recurring
from roledef.lint.result import Checked
from roledef.lint.rules import RULES
from roledef.lint.rules.section_order import RANK
from roledef.model import MARKDOWN, Role
from roledef.read import vocab

#: A convention is what at least this share of the role files do.
SHARE = 0.8
#: A requirement is inferred from at least this many role files: one file shows no convention.
MIN_FILES = 2

#: Rules that check a convention of roledef's defaults, switched off when the role files do not
#: follow it (front-matter-missing is decided with the front matter).
CONVENTION_RULES = ("RD104", "RD105", "RD205")


@dataclass(frozen=True)
class Evidence:
    """One inferred setting: its config key, its value and the figures that decided it."""

    key: str
    value: Any
    why: str


@dataclass
class Inference:
    """What ``roledef init`` found in a handbook, and the config it makes of it."""

    files: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    aliases: list[HeadingAlias] = field(default_factory=list)
    rare_headings: list[str] = field(default_factory=list)  # left to RD201: rare, misspelt
    options: dict[str, Any] = field(default_factory=dict)
    ignored: dict[str, str] = field(default_factory=dict)  # code -> why
    before: Counter[str] = field(default_factory=Counter)
    after: Counter[str] = field(default_factory=Counter)


def follows(count: int, total: int) -> bool:
    """Whether ``count`` of ``total`` role files are enough to keep one of roledef's defaults:
    at least :data:`SHARE` (or there is nothing to go by)."""
    return count >= SHARE * total


def required(count: int, total: int) -> bool:
    """Whether ``count`` of ``total`` role files make a requirement: at least :data:`SHARE`
    of them, and at least :data:`MIN_FILES`."""
    return count >= MIN_FILES and count >= SHARE * total


def _lint(paths: Sequence[str], config: Config) -> list[Checked]:
    from roledef.lint.engine import run

    # the pages found that are not role files too: they are listed, and decide nothing
    return list(run(paths, config, keep_roles=True, keep_skipped=True))


def _roles(checked: list[Checked]) -> list[tuple[Checked, Role]]:
    """The role files: read, and not found by the engine to be another page (``not_role``,
    the answer ``roledef lint`` gives from the file's text)."""
    return [
        (c, c.result.role)
        for c in checked
        if c.result.role is not None and not c.result.unreadable and c.result.not_role is None
    ]


def infer(paths: Sequence[str], root: str) -> Inference:
    """Read the handbook at ``paths`` and decide its config (``root``: the config's folder)."""
    found = Inference()
    first = _lint(paths, resolve_config({}, root=Path(root)))
    found.before = Counter(f.code for c in first for f in c.findings)
    found.files = [c.path for c in first]
    found.unreadable = [
        (c.path, c.findings[0].message if c.findings else "cannot be read")
        for c in first
        if c.result.unreadable
    ]
    per_file = [
        [h.text for h in role.source.headings if h.kind is None] for _, role in _roles(first)
    ]
    found.aliases, found.rare_headings = recurring(per_file)
    aliases = {a.heading: a.kind for a in found.aliases}
    second = _lint(paths, resolve_config({"aliases": aliases}, root=Path(root)))
    roles = _roles(second)
    found.roles = [c.path for c, _ in roles]
    readable = {c.path for c in second if not c.result.unreadable}
    found.others = [p for p in found.files if p in readable and p not in set(found.roles)]
    if not roles:
        return found
    options: dict[str, Any] = {}
    options["required-sections"] = _required_sections(roles, found)
    options.update(_front_matter(roles, found))
    ignore = _conventions(roles, found)
    if ignore:
        options["ignore"] = ignore
    if aliases:
        options["aliases"] = aliases
    found.options = options
    third = _lint(paths, resolve_config(options, root=Path(root)))
    found.after = Counter(f.code for c in third for f in c.findings)
    return found


def _required_sections(roles: list[tuple[Checked, Role]], found: Inference) -> list[str]:
    """The kinds the role files have, as missing-section sees them (:func:`_decide`)."""
    from roledef.lint.rules.missing_section import REQUIRED, has_content

    total = len(roles)
    kinds: list[str] = []
    parts: list[str] = []
    for kind in vocab.SECTION_ORDER:
        n = sum(
            1 for _, role in roles if kind in role.source.section_spans or has_content(role, kind)
        )
        parts.append(f"{kind} {n} of {total}")
        if _decide(n, total, kind in REQUIRED.default):
            kinds.append(kind)
    found.evidence.append(Evidence("required-sections", kinds, ", ".join(parts)))
    return kinds


def _decide(count: int, total: int, by_default: bool) -> bool:
    """Whether a section or key is required: one roledef requires by default while the role
    files follow it (:func:`follows`), another when they make it a requirement
    (:func:`required`): one file keeps a default, but adds nothing to it."""
    return follows(count, total) if by_default else required(count, total)


def _front_matter(roles: list[tuple[Checked, Role]], found: Inference) -> dict[str, Any]:
    """``required-front-matter`` (and ``default-nav-group``); front-matter-missing, which
    checks markdown role files only, is decided by those."""
    from roledef.lint.rules.front_matter_missing_key import NAV_GROUP, REQUIRED

    markdown = [role for _, role in roles if role.source.format == MARKDOWN]
    blocks = [r for r in markdown if r.source.front_matter_span is not None]
    why = f"{len(blocks)} of {len(markdown)} markdown role files have front matter"
    if not follows(len(blocks), len(markdown)):
        found.ignored["RD101"] = why
    elif markdown:
        found.evidence.append(Evidence("RD101 front-matter-missing", "kept", why))
    # a YAML role file's front matter is its front_matter key
    blocks += [r for _, r in roles if r.source.format != MARKDOWN and r.front_matter]
    keys: Counter[str] = Counter()
    for role in blocks:
        keys.update(k for k, v in role.front_matter.items() if _filled(v))
    total = len(blocks)
    uses = bool(blocks) and follows(total, len(roles))
    names = [k for k, n in keys.most_common() if uses and _decide(n, total, k in REQUIRED.default)]
    why = ", ".join(f"{k} {n} of {total}" for k, n in keys.most_common(8)) or "no front matter"
    found.evidence.append(Evidence("required-front-matter", names, why))
    out: dict[str, Any] = {"required-front-matter": names}
    groups = Counter(
        r.front_matter["navGroup"] for r in blocks if _filled(r.front_matter.get("navGroup"))
    )
    if "navGroup" in names and groups:
        group, n = groups.most_common(1)[0]
        if isinstance(group, str) and group != NAV_GROUP.default:
            out["default-nav-group"] = group
            found.evidence.append(
                Evidence("default-nav-group", group, f"the navGroup of {n} of {total}")
            )
    return out


def _filled(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _conventions(roles: list[tuple[Checked, Role]], found: Inference) -> list[str]:
    """The rules most role files break: the handbook's convention differs from the default."""
    flagged: dict[str, set[str]] = {code: set() for code in CONVENTION_RULES}
    for checked, _ in roles:
        for finding in checked.findings:
            if finding.code in flagged:
                flagged[finding.code].add(checked.path)
    ordered = [c.path for c, role in roles if len(_ranks(role)) >= 2]
    named = [c.path for c, role in roles if isinstance(role.front_matter.get("navTitle"), str)]
    applies = {"RD104": named, "RD105": [c.path for c, _ in roles], "RD205": ordered}
    what = {
        "RD104": ("navTitles name the role", "no role file has a navTitle"),
        "RD105": ("file names are kebab-case", ""),
        "RD205": (
            "role files with two known sections or more have them in roledef's order",
            "no role file has two known sections to order",
        ),
    }
    for code, paths in applies.items():
        ok = len(paths) - len(flagged[code])
        why = f"{ok} of {len(paths)} {what[code][0]}" if paths else what[code][1]
        if not follows(ok, len(paths)):
            found.ignored[code] = why
        else:
            found.evidence.append(Evidence(f"{code} {RULES[code].NAME}", "kept", why))
    return [RULES[code].NAME for code in sorted(found.ignored)]


def _ranks(role: Role) -> set[int]:
    return {RANK[h.kind] for h in role.source.headings if h.kind in RANK}
