"""What every rule module shares: the shape of a rule, its options, fix and cross-file side.

A rule module defines ``CODE``, ``NAME``, ``SEVERITY``, ``OPTIONS`` (a tuple of :class:`Option`:
config key, type, default, help), ``FORMATS`` (the source formats it applies to), ``ENABLED`` (on
by default), ``check(role, options)``, a generator of :data:`Hit`, and ``FIX``: its
:class:`Fixer`, or None when it has no mechanical fix. A rule that compares files also defines
``CROSS_FILE``, an instance of a :class:`CrossFileRule` subclass. Its docstring is its user
documentation. Rules see the model and its :class:`~roledef.model.SourceInfo` only, never tokens
or YAML nodes; the linter stamps code, severity and path on what they yield.

Every run defines the classes here, so the small value classes are plain classes with
``__slots__``: a dataclass takes longer to define than the rest of this module.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, cast, get_args

from roledef.findings import Finding, Severity
from roledef.model import MARKDOWN, NO_SPAN, YAML, Item, Role, SourceFormat, Span
from roledef.read import vocab
from roledef.text import Regex, normalize_heading

if TYPE_CHECKING:  # the fix package is imported only by ``roledef lint --fix``
    from roledef.config import Config
    from roledef.fix.edits import Fix

#: What a rule yields: where, and what is wrong (phrased as advice).
Hit = tuple[Span, str]

#: A rule's options: the defaults of its ``OPTIONS`` merged with the config.
Options = Mapping[str, Any]

#: ``FORMATS`` of a rule that applies to markdown and YAML role files alike.
BOTH: tuple[SourceFormat, ...] = (MARKDOWN, YAML)

T = TypeVar("T")
D = TypeVar("D")


# -- options --------------------------------------------------------------------------------------
# The rule-option part of the config schema is generated from the rules' OPTIONS
# (roledef.configschema); the config is validated against it in one place,
# roledef.config.check_schema, so a rule's check can trust the types of its options.


class OptionType(Generic[T]):
    """The values an option accepts, as the JSON Schema of a config value; ``T`` is the Python
    type a rule's ``check`` receives (what TOML gives for such a value)."""

    __slots__ = ("schema",)

    def __init__(self, schema: Mapping[str, Any]) -> None:
        self.schema = schema


class Option(Generic[T]):
    """One rule option: its config key, type, default and help (the schema's description)."""

    __slots__ = ("default", "help", "name", "type")

    def __init__(self, name: str, type: OptionType[T], default: T, help: str) -> None:
        self.name, self.type, self.default, self.help = name, type, default, help

    def __repr__(self) -> str:
        return f"Option({self.name!r}, default={self.default!r})"

    def value(self, options: Options) -> T:
        """This option's value in a rule's options (its default merged with the config)."""
        return cast(T, options[self.name])

    def schema(self) -> dict[str, Any]:
        """The JSON Schema of this option as a config key."""
        return {**self.type.schema, "description": self.help}


#: A whole number of at least 1 (minutes).
POSITIVE_INT: OptionType[int] = OptionType({"type": "integer", "minimum": 1})
#: A share of a whole: over 0, at most 1.
SHARE: OptionType[float] = OptionType({"type": "number", "exclusiveMinimum": 0, "maximum": 1})
#: A non-empty string.
TEXT: OptionType[str] = OptionType({"type": "string", "minLength": 1})
#: A list of non-empty strings (step names, front matter keys).
NAME_LIST: OptionType[list[str]] = OptionType({"$ref": "#/$defs/names"})
#: A list of the section kinds a role can require (those of ``vocab.SECTION_ORDER``).
KIND_LIST: OptionType[list[vocab.SectionKind]] = OptionType(
    {"type": "array", "items": {"$ref": "#/$defs/kind"}}
)
#: Heading -> section kind (any :data:`~roledef.read.vocab.SectionKind`).
HEADING_KINDS: OptionType[dict[str, str]] = OptionType(
    {"type": "object", "additionalProperties": {"enum": list(get_args(vocab.SectionKind))}}
)


def defaults(options: tuple[Option[Any], ...]) -> dict[str, Any]:
    """Option name -> default, in declaration order."""
    return {option.name: option.default for option in options}


# -- fixes ----------------------------------------------------------------------------------------


class Fixer:
    """A rule's mechanical fix.

    ``make(role, lines, finding, config)`` returns the :class:`~roledef.fix.edits.Fix` for one
    finding (edits, and what they mean for the model), or None when the text is not in the simple
    shape it knows; such a finding is left for a person. A safe fix cannot change what a role
    says; an unsafe one makes a choice (which of two titles is right) and runs only with
    ``--unsafe-fixes``.
    """

    __slots__ = ("make", "safe")

    def __init__(
        self, *, safe: bool, make: Callable[[Role, list[str], Finding, Config], Fix | None]
    ) -> None:
        self.safe, self.make = safe, make


# -- the shape of a rule module -------------------------------------------------------------------


class Rule(Protocol):
    """The attributes of a rule module (modules satisfy this protocol)."""

    # read-only properties, so that a module's narrower types (``tuple[str]``) still fit
    @property
    def CODE(self) -> str: ...
    @property
    def NAME(self) -> str: ...
    @property
    def SEVERITY(self) -> Severity: ...
    @property
    def OPTIONS(self) -> tuple[Option[Any], ...]: ...
    @property
    def FORMATS(self) -> tuple[SourceFormat, ...]: ...
    @property
    def ENABLED(self) -> bool: ...
    @property
    def FIX(self) -> Fixer | None: ...

    def check(self, role: Role, options: Options) -> Iterator[Hit]: ...


class CrossFileChecker(ABC, Generic[D]):
    """A cross-file rule over one run, fed one file's digest at a time in path order."""

    @abstractmethod
    def add(self, digest: D) -> list[tuple[str, Hit]]:
        """``(path, hit)`` pairs for the file just added, judged against the files before it."""


class CrossFileRule(ABC, Generic[D]):
    """The part of a rule that looks at every role of a run together (after each file's check).

    The linter does not hold every role: it asks :meth:`digest` for what the rule needs of each
    file (in the worker that read it), and feeds the digests in path order to the run's
    :meth:`checker`. :meth:`digest_to_json` and :meth:`digest_from_json` keep a digest in the lint
    cache, so that a file whose text and config did not change is not read again.
    """

    @abstractmethod
    def digest(self, role: Role) -> D:
        """What the rule needs of one role: small, so that a worker process can send it."""

    @abstractmethod
    def checker(self, options: Options) -> CrossFileChecker[D]:
        """A checker for one run, with the rule's options."""

    @abstractmethod
    def digest_to_json(self, digest: D) -> Any:
        """A digest as JSON values, for the lint cache (the path is the cache entry's own)."""

    @abstractmethod
    def digest_from_json(self, path: str, value: Any) -> D:
        """The digest :meth:`digest_to_json` stored, for the file at ``path``."""


class CrossFileModule(Rule, Protocol):
    """A rule module that also compares files: its :class:`CrossFileRule` is ``CROSS_FILE``."""

    @property
    def CROSS_FILE(self) -> CrossFileRule[Any]: ...


def summary(rule: Rule) -> str:
    """The first line of the rule's docstring."""
    return (rule.__doc__ or "").strip().split("\n", 1)[0].strip()


def anchor(role: Role, kind: str | None = None) -> Span:
    """Where to report something missing: the section's heading, else the title, else line 1."""
    if kind is not None and kind in role.source.section_spans:
        return role.source.section_spans[kind]
    return role.source.title_span or NO_SPAN


#: What joins the steps one name holds: "Reference checks and offer", "References & offer".
_PARTS_RE = Regex(r",|\band\b|&")


def is_exempt(name: str | None, exempt: Iterable[str]) -> bool:
    """Whether a step name is one of the exempt step names (compared normalised), or names
    only exempt steps ("Reference checks and offer")."""
    if not name:
        return False
    keys = {normalize_heading(e) for e in exempt}
    parts = [p.strip() for p in _PARTS_RE().split(normalize_heading(name))]
    return all(p in keys for p in parts if p) and any(parts)


def item_lists(role: Role) -> Iterator[tuple[str, tuple[Item, ...]]]:
    """Every list of items in the role, with a name for messages."""
    yield "responsibilities", role.responsibilities
    yield "non-responsibilities", role.non_responsibilities
    yield "skills", role.skills.required
    yield "nice-to-have skills", role.skills.nice_to_have
    for level in role.levels:
        yield f"responsibilities of level '{level.name}'", level.responsibilities
        yield f"skills of level '{level.name}'", level.skills.required
        yield f"nice-to-have skills of level '{level.name}'", level.skills.nice_to_have
    for phase in role.onboarding:
        yield f"phase '{phase.period or phase.title or 'onboarding'}'", phase.items
