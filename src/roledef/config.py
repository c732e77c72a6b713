"""The linter's configuration: found, read, checked against its schema, and resolved.

``[tool.roledef]`` in ``pyproject.toml`` or the whole of ``.roledef.toml``, found by walking up
from the current folder (``.roledef.toml`` first in each folder; :mod:`roledef.configfind` finds
it for each path a command names), or the file given with ``--config``. Options merge visibly:
``{**DEFAULTS, **file_options, **cli_options}``. Every problem is a :class:`ConfigError` naming
the file and the key; the command turns it into exit code 2.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Final

from roledef.findings import Severity
from roledef.lint.rules import ALWAYS_ON, RULES, closest, resolve, unknown_rule
from roledef.read.source import DEFAULT_MAX_BYTES
from roledef.record import Record
from roledef.text import normalize_heading

CONFIG_SCHEMA = "config.schema.json"
FILE_NAMES = (".roledef.toml", "pyproject.toml")

#: The keys that are not rule options, with their defaults.
GENERAL: dict[str, Any] = {
    "select": None,
    "extend-select": [],
    "ignore": [],
    "severity": {},
    "per-file-ignores": {},
    "include": [],
    "exclude": [],
    "max-file-size": DEFAULT_MAX_BYTES,
}

#: Every key and its default: rule options are named (and defaulted) by the rules' ``OPTIONS``;
#: a limit that switches a rule on is unset until the config sets it.
DEFAULTS: dict[str, Any] = {
    **GENERAL,
    **{option.name: option.default for rule in RULES.values() for option in rule.OPTIONS},
    "max-total-interview-minutes": None,
    "posting": None,  # job-posting fields for roledef export --posting
    "yaml-schema": None,  # the $schema line of the YAML roledef writes (None: see write.structured)
}

#: The keys whose values select rules (lists of codes, prefixes and names).
_SELECTOR_KEYS = ("select", "extend-select", "ignore", "per-file-ignores")

#: The rule switched on by setting its limit.
_LIMIT_RULES = {"max-total-interview-minutes": "RD304"}


class ConfigError(Exception):
    """A config file that cannot be used; the message names the file and the key."""


class Config(Record):
    """The resolved configuration one lint run uses (picklable: it is sent to worker processes)."""

    __slots__ = (
        "enabled",
        "exclude",
        "include",
        "max_file_size",
        "options",
        "per_file_ignores",
        "root",
        "severity",
        "source",
    )

    def __init__(
        self,
        source: str | None = None,
        root: str = ".",
        enabled: frozenset[str] = frozenset(),
        severity: Mapping[str, Severity] | None = None,
        per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = (),
        options: Mapping[str, Any] | None = None,
        exclude: tuple[str, ...] = (),
        max_file_size: int = DEFAULT_MAX_BYTES,
        include: tuple[str, ...] = (),
    ) -> None:
        self.source: Final = source
        self.root: Final = root
        self.enabled: Final = enabled
        self.severity: Final[Mapping[str, Severity]] = {} if severity is None else severity
        self.per_file_ignores: Final = per_file_ignores
        self.options: Final[Mapping[str, Any]] = {} if options is None else options
        self.exclude: Final = exclude
        self.max_file_size: Final = max_file_size
        # where a bare "roledef lint" looks for role files (globs or folders, from ``root``)
        self.include: Final = include

    @property
    def aliases(self) -> dict[str, str]:
        """Extra section aliases for the parser, keys normalised."""
        return dict(self.options.get("aliases") or {})


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above ``start``: ``.roledef.toml``, or a ``pyproject.toml``
    with a ``[tool.roledef]`` table (:mod:`roledef.configfind` finds it for each path)."""
    for folder in (start, *start.parents):
        found = config_in(folder)
        if found is not None:
            return found
    return None


def config_in(folder: Path) -> Path | None:
    """The config file of ``folder`` itself, if it has one (``.roledef.toml`` first)."""
    for name in FILE_NAMES:
        candidate = folder / name
        if candidate.is_file() and (name != "pyproject.toml" or has_table(candidate)):
            return candidate
    return None


def has_table(pyproject: Path) -> bool:
    """Whether a ``pyproject.toml`` has a ``[tool.roledef]`` table (one without is passed over)."""
    return "roledef" in _read_toml(pyproject).get("tool", {})


def _read_toml(path: Path) -> dict[str, Any]:
    # imported here: most runs find no config file and need no TOML reader
    import tomllib

    try:
        with open(path, "rb") as handle:
            data: dict[str, Any] = tomllib.load(handle)
            return data
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        line = exc.object[: exc.start].count(b"\n") + 1
        raise ConfigError(f"{path}:{line}: is not valid UTF-8; save it as UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None


def read_config_file(path: Path) -> dict[str, Any]:
    """The raw options of one config file (the ``[tool.roledef]`` table of a pyproject.toml)."""
    data = _read_toml(path)
    if path.name != "pyproject.toml":
        return data
    table = data.get("tool", {}).get("roledef")
    if table is None:
        raise ConfigError(f"{path}: has no [tool.roledef] table")
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.roledef] must be a table")
    return table


def _where(path: Path) -> str:
    """How messages name a config file: from the current folder when it is below it."""
    from roledef.lint.discover import relative

    shown = relative(str(path), ".")
    return f"{shown}: [tool.roledef]" if path.name == "pyproject.toml" else shown


def check_schema(options: dict[str, Any], where: str) -> None:
    """Raise :class:`ConfigError` for the first key that breaks the config schema.

    The one place options are validated: the schema's rule options are generated from the rules'
    declared option types (:mod:`roledef.configschema`), so a rule can trust what it is given.
    """
    from roledef.read.schema import validate

    for err in validate(options, CONFIG_SCHEMA):
        if err.validator == "additionalProperties" and not err.path:
            unknown = sorted(set(options) - set(DEFAULTS))
            guess = closest(unknown[0], DEFAULTS)
            if guess:
                raise ConfigError(f"{where}: unknown key '{unknown[0]}'; did you mean '{guess}'?")
            known = ", ".join(k for k in DEFAULTS)
            raise ConfigError(f"{where}: unknown key '{unknown[0]}' (known keys: {known})")
        if err.validator == "pattern" and err.path[0] in _SELECTOR_KEYS:
            # a selector of no shape a rule has (``RD2O1``): say so as for any unknown rule
            key = ".".join(str(p) for p in err.path[:-1])
            raise ConfigError(f"{where}: key '{key}': {unknown_rule(str(err.value))}")
        key = ".".join(str(p) for p in err.path)
        raise ConfigError(f"{where}: key '{key}': {err.message}")


def _codes(selectors: Iterable[str], named: str) -> set[str]:
    """Rule codes named by selectors: codes, code prefixes (``RD2``), names, or ``ALL``;
    ``named`` says where the selectors come from, for the error."""
    codes: set[str] = set()
    for selector in selectors:
        if selector.upper() == "ALL":
            codes |= set(RULES)
            continue
        code = resolve(selector)
        matched = {code} if code else {c for c in RULES if c.startswith(selector.upper())}
        if not matched:
            raise ConfigError(f"{named}: {unknown_rule(selector)}")
        codes |= matched
    return codes


def resolve_config(
    file_options: dict[str, Any],
    cli_options: dict[str, Any] | None = None,
    *,
    source: Path | None = None,
    root: Path | None = None,
) -> Config:
    """Merge defaults, the file's options and the command line's into a :class:`Config`."""
    where = _where(source) if source else "command line"
    if file_options:  # (no options, nothing to check: most runs have no config file)
        check_schema(file_options, where)
    merged = {**DEFAULTS, **file_options, **(cli_options or {})}

    def named(key: str) -> str:
        # where a selector came from: an option of the command line, or the config's key
        if cli_options and key in cli_options:
            return f"command line: option '--{key}'"
        return f"{where}: key '{key}'"

    if merged["select"] is None:
        enabled = {code for code, rule in RULES.items() if rule.ENABLED}
    else:
        enabled = _codes(merged["select"], named("select"))
    enabled |= _codes(merged["extend-select"], named("extend-select"))
    for key, code in _LIMIT_RULES.items():
        if merged[key] is not None:
            enabled.add(code)
    enabled -= _codes(merged["ignore"], named("ignore"))
    enabled |= ALWAYS_ON
    severity: dict[str, Severity] = {}
    for name, level in merged["severity"].items():
        resolved = resolve(name)
        if resolved is None:
            raise ConfigError(f"{where}: key 'severity.{name}': {unknown_rule(name)}")
        severity[resolved] = level
    ignores = tuple(
        (glob, frozenset(_codes(sel, f"{where}: key 'per-file-ignores.{glob}'")))
        for glob, sel in merged["per-file-ignores"].items()
    )
    options = {k: v for k, v in merged.items() if k not in GENERAL and v is not None}
    options["aliases"] = {normalize_heading(k): v for k, v in merged["aliases"].items()}
    return Config(
        source=str(source) if source else None,
        root=str(root or (source.parent if source else Path.cwd())),
        enabled=frozenset(enabled),
        severity=severity,
        per_file_ignores=ignores,
        options=options,
        exclude=tuple(merged["exclude"]),
        max_file_size=merged["max-file-size"],
        include=tuple(merged["include"]),
    )


def load_config(
    explicit: str | None = None,
    cli_options: dict[str, Any] | None = None,
    *,
    cwd: Path | None = None,
) -> Config:
    """Find (or take) the config file, read it and resolve it with the command line's options."""
    start = (cwd or Path.cwd()).resolve()
    path = Path(explicit) if explicit else find_config(start)
    if explicit and not Path(explicit).is_file():
        raise ConfigError(f"{explicit}: no such config file")
    options = read_config_file(path) if path else {}
    return resolve_config(options, cli_options, source=path, root=path.parent if path else start)
