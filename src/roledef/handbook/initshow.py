"""What ``roledef init`` inferred, as text for a person: each setting with the figures that
decided it, how it differs from roledef's defaults, and the findings per rule before and after."""

from __future__ import annotations

from pathlib import Path

from roledef.config import DEFAULTS, find_config
from roledef.handbook.infer import MIN_FILES, SHARE, Inference
from roledef.lint.discover import relative
from roledef.lint.rules import RULES

#: Files listed by name before "and N more".
_SHOWN = 8


def _names(paths: list[str], root: Path) -> str:
    shown = [relative(p, str(root)) for p in paths[:_SHOWN]]
    more = len(paths) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _list(items: list[str]) -> str:
    return ", ".join(items) if items else "none"


def settings_lines(found: Inference) -> list[str]:
    """One line (or two) per inferred setting, with its evidence."""
    lines: list[str] = []
    rules: list[tuple[str, str]] = []
    for item in found.evidence:
        if item.key[:2] == "RD":
            rules.append((item.key, f"kept ({item.why})"))
        elif isinstance(item.value, list):
            lines.append(f"  {item.key}: {_list(item.value)}")
            lines.append(f"      ({item.why})")
        else:
            lines.append(f"  {item.key}: {item.value} ({item.why})")
    for code, why in found.ignored.items():
        rules.append((f"{code} {RULES[code].NAME}", f"off, in 'ignore' ({why})"))
    lines += [f"  {name}: {what}" for name, what in sorted(rules)]
    if found.aliases:
        lines.append(
            f"  aliases: {_count(len(found.aliases), 'heading')} of at least {MIN_FILES} role files"
        )
        for alias in found.aliases:
            note = "" if alias.kind == "extra" else f"; {alias.reason}"
            lines.append(f'      "{alias.heading}" = {alias.kind} ({alias.files} files{note})')
    rare = found.rare_headings
    if rare:
        shown = ", ".join(repr(h) for h in rare[:_SHOWN]) + (", ..." if len(rare) > _SHOWN else "")
        what = _count(len(rare), "heading")
        lines.append(
            f"  left to RD201 unknown-section: {what} of one role file, or misspelt ({shown})"
        )
    return lines


def differences(found: Inference) -> list[str]:
    """How the config differs from roledef's defaults, in words."""
    out: list[str] = []
    for key in ("required-sections", "required-front-matter"):
        default, now = list(DEFAULTS[key]), list(found.options.get(key, []))
        added = [k for k in now if k not in default]
        dropped = [k for k in default if k not in now]
        if added:
            out.append(f"{key} adds {', '.join(added)}")
        if dropped:
            out.append(f"{key} drops {', '.join(dropped)}")
    if "default-nav-group" in found.options:
        out.append(f"default-nav-group is '{found.options['default-nav-group']}'")
    if found.ignored:
        out.append("off: " + ", ".join(f"{c} {RULES[c].NAME}" for c in sorted(found.ignored)))
    if found.aliases:
        out.append(_count(len(found.aliases), "heading alias").replace("aliass", "aliases"))
    return out


def findings_table(found: Inference) -> list[str]:
    """Findings per rule before (roledef's defaults) and after (the new config)."""
    codes = sorted(set(found.before) | set(found.after))
    rows = [(f"{code} {RULES[code].NAME}", found.before[code], found.after[code]) for code in codes]
    rows.append(("total", sum(found.before.values()), sum(found.after.values())))
    width = max(len(r[0]) for r in rows)
    lines = [f"  {'findings by rule':<{width}}  before  after"]
    lines += [f"  {name:<{width}}  {b:>6}  {a:>5}" for name, b, a in rows]
    return lines


def summary(found: Inference, folder: Path) -> str:
    """The whole account of a run of ``roledef init``."""
    roles, files = _count(len(found.roles), "role file"), _count(len(found.files), "file")
    lines = [
        f"roledef init: {roles} of {files} "
        f"(a convention: what at least {SHARE:.0%} of the role files do; a requirement "
        f"roledef does not make by default also needs {MIN_FILES} files)"
    ]
    if found.others:
        lines.append(
            f"  not role files, deciding nothing: {_names(found.others, folder)} (they read as "
            "other pages, and roledef lint leaves them out of a folder too)"
        )
    lines += settings_lines(found)
    diff = differences(found)
    lines.append("differs from roledef's defaults: " + ("; ".join(diff) if diff else "nothing"))
    lines += findings_table(found)
    above = find_config(folder.resolve().parent)
    if above is not None:
        lines.append(
            f"note: {above} applies here now; the new config takes its place for this folder"
        )
    return "\n".join(lines)
