"""A section heading that is not a known section or alias, with a "did you mean" for near misses.

Why: a misspelt heading (``## Skils``, ``## Resposibilities``) is not read as the section it was
meant to be: its list is kept verbatim but never checked, and tools that read the role see no
skills at all. Headings a handbook uses on purpose (``## EMEA Specific information``) can be made
known with ``aliases`` in the config (``"emea specific information" = "extra"``).

Failing::

    ## Skils

    * Kubernetes: Has run production clusters.

Passing::

    ## Skills

    * Kubernetes: Has run production clusters.
"""

from __future__ import annotations

from collections.abc import Iterator

from roledef.findings import WARNING
from roledef.lint.rules.base import HEADING_KINDS, Hit, Option, Options
from roledef.model import MARKDOWN, Role
from roledef.read import vocab
from roledef.text import normalize_heading, plain

CODE = "RD201"
NAME = "unknown-section"
SEVERITY = WARNING
#: Read by the parser too (``Config.aliases``): an aliased heading is a known section.
EXTRA_ALIASES = Option(
    "aliases",
    HEADING_KINDS,
    {},
    "Extra section headings -> section kind ('extra': a known section kept verbatim).",
)
OPTIONS = (EXTRA_ALIASES,)
FORMATS = (MARKDOWN,)
ENABLED = True
FIX = None

_SMALL_WORDS = {"a", "an", "and", "as", "at", "for", "in", "of", "on", "or", "the", "to"}


def title_case(alias: str) -> str:
    """``"what you'll do"`` -> ``"What You'll Do"``; small words stay lower case."""
    words = alias.split()
    return " ".join(
        w if (i and w in _SMALL_WORDS) else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


#: Near misses found, by heading and vocabulary: a handbook repeats its unknown headings from
#: file to file, and the search is the costliest step of checking a file that has one.
_NEAR_MISSES: dict[tuple[str, int], str | None] = {}
#: Each vocabulary (its headings in order) seen, by a number that stands for it in those keys.
_VOCABULARIES: dict[tuple[str, ...], int] = {}


def _near_miss(heading: str, table: dict[str, str]) -> str | None:
    key = (heading, _VOCABULARIES.setdefault(tuple(table), len(_VOCABULARIES)))
    if key not in _NEAR_MISSES:
        import difflib  # only for a heading that is not a known section: not at start-up

        if len(_NEAR_MISSES) >= 4096:
            _NEAR_MISSES.clear()
        close = difflib.get_close_matches(heading, list(table), n=1, cutoff=0.8)
        _NEAR_MISSES[key] = close[0] if close else None
    return _NEAR_MISSES[key]


def suggestion(text: str, table: dict[str, str]) -> str | None:
    """The known section a heading is a near miss of, as it should be written."""
    alias = _near_miss(normalize_heading(text), table)
    if alias is None:
        return None
    kind_title = vocab.KIND_TITLES.get(table[alias])
    if kind_title and normalize_heading(kind_title) == alias:
        return kind_title
    return title_case(alias)


def check(role: Role, options: Options) -> Iterator[Hit]:
    table = {**vocab.SECTION_ALIASES, **EXTRA_ALIASES.value(options)}
    for heading in role.source.headings:
        if heading.kind is not None:
            continue
        text = plain(heading.text)
        better = suggestion(text, table)
        if better:
            yield heading.span, f"unknown section '{text}': did you mean '{better}'?"
        else:
            advice = "use a known section name or add the heading to 'aliases' in the config"
            message = f"unknown section '{text}': its content is kept but not checked"
            yield heading.span, f"{message}; {advice}"
