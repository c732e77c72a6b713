"""The config ``roledef init`` inferred, as TOML with its evidence in comments.

Written by hand (roledef reads TOML with the standard library, which cannot write it) for the few
value types a config holds, then read back with :mod:`tomllib` and compared with what was meant:
a difference is a bug, and nothing is written (:class:`TomlMismatch`).
"""

from __future__ import annotations

import json
from typing import Any

from roledef.handbook.infer import SHARE, Inference
from roledef.lint.rules import resolve


class TomlMismatch(Exception):
    """The TOML written does not read back as the config meant (a bug in roledef)."""


def quote(text: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, and DEL must be escaped too."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def value(item: Any) -> str:
    """A TOML value for a string, number, boolean or list of them."""
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, (int, float)):
        return repr(item)
    if isinstance(item, str):
        return quote(item)
    if isinstance(item, list):
        return "[" + ", ".join(value(v) for v in item) + "]"
    raise TypeError(f"no TOML form for {type(item).__name__}")


def render(found: Inference, *, table: str = "") -> str:
    """The config as TOML; ``table="tool.roledef"`` for a ``pyproject.toml``."""
    options = found.options
    why = {e.key: e.why for e in found.evidence}
    share = f"{SHARE:.0%}"
    lines = [
        f"# roledef config for this handbook, written by `roledef init` from "
        f"{len(found.roles)} role files.",
        f"# A convention is what at least {share} of the role files do; the comments give the "
        "figures.",
        "# See docs/init.md; edit freely: `roledef lint` reads this file.",
    ]
    if table:
        lines.append(f"[{table}]")
    for key in ("required-sections", "required-front-matter", "default-nav-group"):
        if key in options:
            lines += ["", f"# {why[key]}", f"{key} = {value(options[key])}"]
    if options.get("ignore"):
        lines += ["", "# rules whose convention the role files do not follow", "ignore = ["]
        for name in options["ignore"]:
            code = resolve(name) or name
            lines.append(f"    {quote(name)},  # {code}: {found.ignored[code]}")
        lines.append("]")
    if options.get("aliases"):
        lines += [
            "",
            f"[{table + '.' if table else ''}aliases]",
            "# headings of at least 2 role files; 'extra': a known section kept verbatim",
        ]
        for alias in found.aliases:
            note = "" if alias.kind == "extra" else f"; {alias.reason}"
            lines.append(
                f"{quote(alias.heading)} = {quote(alias.kind)}  # {alias.files} role files{note}"
            )
    return "\n".join(lines) + "\n"


def read_back(text: str, table: str = "") -> dict[str, Any]:
    """The options a TOML text holds (in ``table``, dotted, when given)."""
    import tomllib

    data: Any = tomllib.loads(text)
    for part in table.split(".") if table else ():
        data = data.get(part, {}) if isinstance(data, dict) else {}
    return dict(data)


def checked(text: str, found: Inference, table: str = "") -> str:
    """``text`` if it reads back as ``found.options``; else raise :class:`TomlMismatch`."""
    try:
        back = read_back(text, table)
    except ValueError as exc:  # tomllib.TOMLDecodeError
        raise TomlMismatch(f"the config written does not read back: {exc}") from None
    if back != found.options:
        raise TomlMismatch("the config written does not read back as inferred")
    return text
