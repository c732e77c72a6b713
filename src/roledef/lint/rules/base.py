"""What every rule module shares: the shape of a rule, of its hits, and a few helpers.

A rule module defines ``CODE``, ``NAME``, ``SEVERITY``, ``FIXABLE``, ``OPTIONS`` (defaults),
``FORMATS`` (the source formats it applies to), ``ENABLED`` (on by default) and
``check(role, options)``, a generator of :data:`Hit`. Its docstring is its user documentation.
Rules see the model and its :class:`~roledef.model.SourceInfo` only, never tokens or YAML nodes;
the linter stamps code, severity and path on what they yield.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Protocol

from roledef.findings import Severity
from roledef.model import MARKDOWN, NO_SPAN, YAML, Item, Role, SourceFormat, Span
from roledef.read import vocab
from roledef.text import normalize_heading

#: What a rule yields: where, and what is wrong (phrased as advice).
Hit = tuple[Span, str]

#: A rule's options: its ``OPTIONS`` merged with the config.
Options = Mapping[str, Any]

#: Section kind -> the field of the model (and top-level key of a YAML role file) that holds it.
MODEL_KEYS: dict[vocab.SectionKind, str] = {
    vocab.JOB_DESCRIPTION: "summary",
    vocab.RESPONSIBILITIES: "responsibilities",
    vocab.NON_RESPONSIBILITIES: "non_responsibilities",
    vocab.SKILLS: "skills",
    vocab.ONBOARDING: "onboarding",
    vocab.HIRING_PLAN: "hiring_plan",
}

#: ``FORMATS`` of a rule that applies to markdown and YAML role files alike.
BOTH: tuple[SourceFormat, ...] = (MARKDOWN, YAML)


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
    def FIXABLE(self) -> bool: ...
    @property
    def OPTIONS(self) -> dict[str, Any]: ...
    @property
    def FORMATS(self) -> tuple[SourceFormat, ...]: ...
    @property
    def ENABLED(self) -> bool: ...

    def check(self, role: Role, options: Options) -> Iterator[Hit]: ...


class CrossFileRule(Rule, Protocol):
    """A rule that also looks at every role of a run together (after each file is checked).

    The linter does not hold every role: it asks ``digest(role)`` for what the rule needs of
    each file (in the worker that read it), and feeds the digests in path order to
    ``Checker(options).add(digest)``, which returns ``(path, hit)`` pairs for that file.
    """

    def check_all(self, roles: Iterable[Role], options: Options) -> Iterator[tuple[str, Hit]]: ...

    def digest(self, role: Role) -> Any: ...

    def Checker(self, options: Options) -> Any: ...  # a class in the module


def summary(rule: Rule) -> str:
    """The first line of the rule's docstring."""
    return (rule.__doc__ or "").strip().split("\n", 1)[0].strip()


def anchor(role: Role, kind: str | None = None) -> Span:
    """Where to report something missing: the section's heading, else the title, else line 1."""
    if kind is not None and kind in role.source.section_spans:
        return role.source.section_spans[kind]
    return role.source.title_span or NO_SPAN


def step_label(name: str | None, index: int) -> str:
    """How a message names a hiring step: ``'CTO Interview'`` or ``step 3``."""
    return f"hiring step '{name}'" if name else f"hiring step {index + 1}"


def is_exempt(name: str | None, exempt: Iterable[str]) -> bool:
    """Whether a step name is one of the exempt step names (compared normalised)."""
    if not name:
        return False
    key = normalize_heading(name)
    return any(key == normalize_heading(e) for e in exempt)


def item_lists(role: Role) -> Iterator[tuple[str, tuple[Item, ...]]]:
    """Every list of items in the role, with a name for messages."""
    yield "responsibilities", role.responsibilities
    yield "non-responsibilities", role.non_responsibilities
    yield "skills", role.skills.required
    yield "nice-to-have skills", role.skills.nice_to_have
    for phase in role.onboarding:
        yield f"phase '{phase.period or phase.title or 'onboarding'}'", phase.items
