"""A section heading that is not a known section, or that misspells one.

Why: a heading roledef does not know is kept verbatim but never checked, and tools that read the
role do not see what it holds. A heading that misspells a known one (``## Responsibilites``,
``## Skils``, ``## Hirng Plan``: one letter missing, added, swapped or, in a long word, changed)
is read as the section it obviously names, so its list is checked like any other; the finding
says which section it was read as, and ``roledef lint --fix`` corrects the spelling. Headings a
handbook uses on purpose (``## EMEA Specific information``), or headings in another language,
can be made known with ``aliases`` in the config (``"emea specific information" = "extra"``).
Which headings are read as what: docs/reading.md.

Failing::

    ## Skils

    * Kubernetes: Has run production clusters.

Passing::

    ## Skills

    * Kubernetes: Has run production clusters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from roledef.findings import WARNING, Finding
from roledef.lint.rules.base import HEADING_KINDS, Fixer, Hit, Option, Options
from roledef.model import MARKDOWN, Heading, Role, Span
from roledef.read import vocab
from roledef.read.labels import correction, kind_of
from roledef.text import normalize_heading, plain

if TYPE_CHECKING:
    from roledef.config import Config
    from roledef.fix.edits import Fix

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

_SMALL_WORDS = {"a", "an", "and", "as", "at", "for", "in", "of", "on", "or", "the", "to"}
#: The kinds a heading is read as when it starts or switches a section (not "group", "step"...).
_SECTION_KINDS = frozenset(vocab.KIND_TITLES) | {vocab.EXTRA}


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
    """A known heading that an unknown one resembles, as it should be written (a hint only:
    the heading is not read as it)."""
    alias = _near_miss(normalize_heading(text), table)
    if alias is None:
        return None
    kind_title = vocab.KIND_TITLES.get(table[alias])
    if kind_title and normalize_heading(kind_title) == alias:
        return kind_title
    return title_case(alias)


class Respelling:
    """A heading read through a misspelling: the word as written, where, and its correction."""

    __slots__ = ("column", "fixed", "right", "wrong")

    def __init__(self, wrong: str, right: str, column: int | None, fixed: str) -> None:
        self.wrong, self.right, self.column, self.fixed = wrong, right, column, fixed


def respelling(heading: Heading, table: dict[str, str]) -> Respelling | None:
    """How a heading the reader read as a known section misspells it, or None if it does not."""
    if heading.kind not in _SECTION_KINDS:
        return None
    key = normalize_heading(heading.text)
    if kind_of(key, table) is not None:
        return None
    found = correction(key, table)
    if found is None:
        return None
    wrong, right = found[0], found[1]
    word = r"(?<![\w'’])" + re.escape(wrong) + r"(?![\w'’])"  # rare: compiled when met
    matches = list(re.finditer(word, heading.raw.lower()))
    column = matches[0].start() if len(matches) == 1 else None
    if column is not None:
        written = heading.raw[column : column + len(wrong)]
        right = _same_case(written, right)
        wrong = written
    text = plain(heading.text)
    fixed = _replace_word(text, wrong, right)
    return Respelling(wrong, right, column, fixed)


def _same_case(written: str, word: str) -> str:
    """``word`` in the case ``written`` uses: ``"SKILS"`` -> ``"SKILLS"``, ``"Skils"`` -> ..."""
    if written.isupper() and len(written) > 1:
        return word.upper()
    if written[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _replace_word(text: str, wrong: str, right: str) -> str:
    lowered = text.lower()
    at = lowered.find(wrong.lower())
    return text if at < 0 else text[:at] + right + text[at + len(wrong) :]


def check(role: Role, options: Options) -> Iterator[Hit]:
    table = {**vocab.SECTION_ALIASES, **EXTRA_ALIASES.value(options)}
    for heading in role.source.headings:
        if heading.kind is not None:
            spelt = respelling(heading, table)
            if spelt is not None:
                message = f"heading '{plain(heading.text)}' is read as '{spelt.fixed}'"
                yield _span(heading, spelt), f"{message}: correct the spelling"
            continue
        text = plain(heading.text)
        better = suggestion(text, table)
        if better:
            yield heading.span, f"unknown section '{text}': did you mean '{better}'?"
        else:
            advice = "use a known section name or add the heading to 'aliases' in the config"
            message = f"unknown section '{text}': its content is kept but not checked"
            yield heading.span, f"{message}; {advice}"


def _span(heading: Heading, spelt: Respelling) -> Span:
    """The misspelt word's columns on the heading line (the heading itself if not found)."""
    if spelt.column is None:
        return heading.span
    line = heading.span.line
    return Span(line, spelt.column + 1, line, spelt.column + len(spelt.wrong))


def fix(role: Role, lines: list[str], f: Finding, config: Config) -> Fix | None:
    """``## Responsibilites`` -> ``## Responsibilities``: replace exactly the misspelt word.

    Only where the corrected file says the same (a section kept verbatim, or a group named
    after the heading, would change its name: that is left to a person).
    """
    from roledef.fix.edits import Edit, Fix
    from roledef.modeldict import comparable
    from roledef.read import Source, load

    if f.end_column is None or not 0 < f.line <= len(lines):
        return None
    heading = next((h for h in role.source.headings if h.span.line == f.line), None)
    if heading is None:
        return None
    spelt = respelling(heading, {**vocab.SECTION_ALIASES, **config.aliases})
    if spelt is None or spelt.column is None or spelt.column != f.column - 1:
        return None
    start, end = spelt.column, spelt.column + len(spelt.wrong)
    line = lines[f.line - 1]
    if line[start:end] != spelt.wrong:
        return None
    fixed = [*lines[: f.line - 1], line[:start] + spelt.right + line[end:], *lines[f.line :]]
    after = load(Source(role.source.path, "\n".join(fixed)), config).role
    if after is None or comparable(after) != comparable(role):
        return None
    return Fix(f, (Edit(f.line, start, end, spelt.right),))


FIX = Fixer(safe=True, make=fix)
