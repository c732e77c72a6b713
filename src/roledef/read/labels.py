"""What a heading or a label paragraph names: a section kind, or an onboarding period.

Every answer comes from the tables of :mod:`roledef.read.vocab`, tried in order: the exact
headings (the built-in ones and the config's ``aliases``), the French ones, then the shapes of
English and French headings (``SECTION_PATTERNS``). A heading none of them knows may be a
misspelling of one they do (``## Responsibilites``): :func:`correction` finds the one word to
correct, and a heading is then read as the section it obviously names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from roledef.read import shapes, vocab
from roledef.text import normalize_heading, plain

#: A misspelt word is corrected only into a vocabulary word at least this long (one edit away).
MIN_WORD = 5
#: ... and, when the edit replaces a letter ("Benifits"), at least this long: between shorter
#: words one changed letter is as often another word ("bonus", "bonds") as a slip.
MIN_WORD_REPLACED = 7


def classify(text: str, aliases: dict[str, str] | None = None, *, near: bool = False) -> str | None:
    """The section kind a heading or label names, or None when it is not a known section.

    ``near``: also read a misspelling of a known heading as that heading (headings only: a
    label is a line of the text, and its words are less often a section's name).
    """
    key = normalize_heading(text)
    table = aliases if aliases is not None else vocab.SECTION_ALIASES
    kind = kind_of(key, table)
    if kind is None and near:
        fixed = correction(key, table)
        if fixed is not None:
            kind = fixed[2]
    return kind


def names_hiring_plan(text: str, aliases: dict[str, str]) -> bool:
    """Whether a heading names the hiring plan, by the exact tables and the plan's own
    patterns only (a sub-heading of the plan needs no more: "## The steps")."""
    key = normalize_heading(text)
    if key in aliases:
        return aliases[key] == vocab.HIRING_PLAN
    return any(p().search(key) for p in vocab.HIRING_PLAN_PATTERNS)


def kind_of(key: str, table: dict[str, str]) -> str | None:
    """The kind of a normalised heading by the exact tables, then by the heading patterns
    (no correction of misspellings)."""
    kind = table.get(key) or shapes.FRENCH_SECTION_ALIASES.get(key)
    return kind if kind is not None else shape_of(key)


@lru_cache(maxsize=4096)
def shape_of(key: str) -> str | None:
    """The kind of a normalised heading by the heading patterns alone (the same headings come
    back file after file: the answer is remembered)."""
    if any(p().search(key) for p in vocab.NON_RESPONSIBILITY_PATTERNS):
        return vocab.NON_RESPONSIBILITIES
    if any(p().search(key) for p in vocab.HIRING_PLAN_PATTERNS):
        return vocab.HIRING_PLAN
    for pattern, found in (*shapes.SECTION_PATTERNS, *shapes.FRENCH_SECTION_PATTERNS):
        if pattern().search(key):
            return found
    return None


def correction(key: str, table: dict[str, str]) -> tuple[str, str, str] | None:
    """For a normalised heading that no table knows: ``(wrong word, right word, kind)`` when
    correcting one word by one edit makes it a known heading; None otherwise.

    Only a word that is not itself a vocabulary word is corrected, into the only vocabulary
    word one insertion, deletion, adjacent swap or (for long words) replacement away, with the
    same first letter and the same last letter when a letter is missing or added.
    """
    # the same headings come back file after file: remember the answer for the same table
    return _correction(key, _extra(table))


_LAST_EXTRA: list[tuple[dict[str, str], tuple[tuple[str, str], ...]]] = []


def _extra(table: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """The entries ``table`` adds to the built-in headings (a project's aliases), for the one
    table a file is read with."""
    if _LAST_EXTRA and _LAST_EXTRA[0][0] is table:
        return _LAST_EXTRA[0][1]
    extra = tuple(sorted((k, v) for k, v in table.items() if vocab.SECTION_ALIASES.get(k) != v))
    _LAST_EXTRA[:] = [(table, extra)]
    return extra


@lru_cache(maxsize=4096)
def _correction(key: str, extra: tuple[tuple[str, str], ...]) -> tuple[str, str, str] | None:
    table = {**vocab.SECTION_ALIASES, **dict(extra)}
    known = _builtin_words() | {w for k, _kind in extra for w in k.split()}
    words = key.split()
    for i, word in enumerate(words):
        if word in known or len(word) < MIN_WORD - 1 or not word.isalpha():
            continue
        candidates = [w for w in known if _one_edit(word, w)]
        if len(candidates) != 1:
            continue
        right = candidates[0]
        kind = kind_of(" ".join([*words[:i], right, *words[i + 1 :]]), table)
        if kind is not None:
            return word, right, kind
    return None


@lru_cache(maxsize=1)
def _builtin_words() -> frozenset[str]:
    keys = (*vocab.SECTION_ALIASES, *shapes.FRENCH_SECTION_ALIASES, *shapes.HEADING_WORDS)
    return frozenset(w for k in keys for w in k.split())


def _one_edit(wrong: str, right: str) -> bool:
    """Whether ``right`` (a vocabulary word) is one edit from ``wrong``, by the rules above."""
    if len(right) < MIN_WORD or wrong[:1] != right[:1] or wrong == right:
        return False
    if len(wrong) == len(right):
        diff = [i for i in range(len(right)) if wrong[i] != right[i]]
        if len(diff) == 2 and diff[1] == diff[0] + 1:  # two neighbours swapped
            a, b = diff
            return wrong[a] == right[b] and wrong[b] == right[a]
        return len(diff) == 1 and len(right) >= MIN_WORD_REPLACED
    short, long_ = sorted((wrong, right), key=len)
    if len(long_) - len(short) != 1:
        return False
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    # a letter more or less at the end is another form of the word ("require", "required"),
    # not a slip of the fingers
    return i < len(short) and short[i:] == long_[i + 1 :]


def parse_period(text: str) -> tuple[str, str | None] | None:
    """``"Week 1 – 4: Immerse"`` -> ``("Week 1-4", "Immerse")``, ``"In the first 30 days you
    will:"`` -> ``("First 30 days", None)``; None if not a period."""
    m = vocab.PERIOD_RE().match(plain(text).strip().rstrip(":").strip())
    if not m:
        return plan_period(text)
    period = re.sub(r"\s*(?:-|–|—)\s*", "-", m.group("period"))
    period = re.sub(r"\s+", " ", period).strip()
    title = (m.group("title") or "").strip().rstrip(":").strip() or None
    return period, title


def plan_period(text: str) -> tuple[str, None] | None:
    """A period written as the start of a sentence (``"Within 3 months:"``) -> its phase."""
    m = vocab.PLAN_PERIOD_RE().match(plain(text).strip())
    if not m:
        return None
    period = re.sub(r"\s+", " ", m.group("period"))
    period = re.sub(r"\s*(?:-|–|—)\s*", "-", period)
    return period[:1].upper() + period[1:], None


def label_name(text: str) -> str:
    """A heading or label as a name: markup and the closing colon gone."""
    return plain(text).rstrip(":").strip()
