"""Section headings a handbook repeats that roledef does not know, and what each evidently holds.

Used by ``roledef init``. A heading that recurs across a handbook's role files is its convention,
not a typo, so it becomes an alias in the config: of the kind it holds when that can be told, else
``extra`` (a known section kept verbatim). The kind is told in two ways only, both readings of
English that hold in any handbook:

- a *variant* of a known heading: the same words but for a leading article or possessive and
  singular or plural (``Responsibility``, ``Your Skills``, ``The Ideal Candidate`` and
  ``Ideal Candidate`` are one heading);
- a *known phrase inside* the heading (``Required skills and experience`` holds the required
  skills): a known heading of two words or more that says something of its own, or one of the
  plain nouns that name a list (``skills``, ``responsibilities``, ``qualifications``...). A heading
  that negates (``Responsibilities not expected``) is never given the kind it negates.

A misspelling (``Skils``, ``Requirments``) is neither, and is not made an alias even when it
recurs: it stays a finding of unknown-section, whose "did you mean" is the right advice for it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from roledef.read import vocab
from roledef.text import normalize_heading, plain

#: Words that name nothing on their own: a known heading made only of these ("you will",
#: "you'll") is not looked for inside a longer heading ("What you will learn").
FUNCTION_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "&",
        "are",
        "as",
        "at",
        "be",
        "for",
        "in",
        "is",
        "it",
        "of",
        "on",
        "or",
        "our",
        "the",
        "their",
        "this",
        "to",
        "we",
        "we're",
        "what",
        "will",
        "with",
        "you",
        "you'll",
        "your",
    }
)
#: Leading words dropped when comparing headings: "The Team" and "Team" are one heading.
LEADING_WORDS = frozenset(["a", "an", "the", "our", "your", "my", "their"])
#: Words that negate what follows or precedes them.
NEGATIONS = frozenset(["not", "non", "no", "never", "without", "don't", "won't", "isn't", "aren't"])
#: Kinds a single known word may give from inside a longer heading: the nouns that name a list
#: ("Technical skills", "Ideal qualifications"). A single word of another kind says too little
#: there: "Company description" is no job description, "Signing bonus" no nice-to-have.
SINGLE_WORD_KINDS = frozenset({vocab.RESPONSIBILITIES, vocab.SKILLS, vocab.ONBOARDING})


@dataclass(frozen=True)
class HeadingAlias:
    """An unknown heading the handbook repeats, and the kind the config will give it."""

    heading: str  # as written in most files (the config's key)
    kind: str
    files: int  # role files that have it, in any of its spellings
    reason: str  # how the kind was told, for the evidence


def singular(word: str) -> str:
    """``"qualities"`` -> ``"quality"``, ``"skills"`` -> ``"skill"``; short words and ``-ss``,
    ``-us``, ``-is`` endings are kept (``"process"``, ``"us"``, ``"analysis"``)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def variant_key(normalised: str) -> str:
    """The form two spellings of one heading share: no leading article, every word singular."""
    words = normalised.split()
    while len(words) > 1 and words[0] in LEADING_WORDS:
        words = words[1:]
    return " ".join(singular(w) for w in words)


@cache
def _known_variants() -> dict[str, tuple[str, str]]:
    """Variant key -> (known heading, kind), first in the vocabulary's order."""
    table: dict[str, tuple[str, str]] = {}
    for alias, kind in vocab.SECTION_ALIASES.items():
        table.setdefault(variant_key(alias), (alias, kind))
    return table


@cache
def _phrases() -> tuple[tuple[list[str], str, str], ...]:
    """Known headings that may be looked for inside a longer one, longest first."""
    out: list[tuple[list[str], str, str]] = []
    for alias, kind in vocab.SECTION_ALIASES.items():
        words = variant_key(alias).split()
        if kind == vocab.EXTRA or all(w in FUNCTION_WORDS for w in words):
            continue
        if len(words) == 1 and kind not in SINGLE_WORD_KINDS:
            continue
        out.append((words, alias, kind))
    out.sort(key=lambda item: -len(item[0]))
    return tuple(out)


def _contains(words: list[str], phrase: list[str]) -> bool:
    n = len(phrase)
    return any(words[i : i + n] == phrase for i in range(len(words) - n + 1))


def kind_of(normalised: str) -> tuple[str, str]:
    """The kind an unknown (normalised) heading evidently holds, and why; ``extra`` when no
    reading tells."""
    key = variant_key(normalised)
    known = _known_variants().get(key)
    if known is not None:
        return known[1], f"a variant of '{known[0]}'"
    words = key.split()
    if not any(w in NEGATIONS for w in words):
        for phrase, alias, kind in _phrases():
            if len(phrase) < len(words) and _contains(words, phrase):
                return kind, f"contains '{alias}'"
    return vocab.EXTRA, "kept verbatim"


def _distance(a: str, b: str, limit: int) -> int:
    """The edit distance of two words, or ``limit + 1`` when it is larger than ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _allowed(length: int) -> int:
    """Letters a misspelt word of this length may differ by: none below four letters."""
    return 0 if length < 4 else 1 if length < 8 else 2


def misspelling_of(normalised: str) -> str | None:
    """The known heading a heading misspells (``"skils"`` -> ``"skills"``), or None.

    A misspelling differs from a known heading only inside words of four letters or more, by one
    letter (two from eight letters): ``"about you"`` is another heading than ``"about us"``,
    not a misspelling of it.
    """
    words = variant_key(normalised).split()
    for key, (alias, _) in _known_variants().items():
        known = key.split()
        if len(known) != len(words) or known == words:
            continue
        pairs = [(w, k) for w, k in zip(words, known, strict=True) if w != k]
        if all(
            _distance(w, k, _allowed(min(len(w), len(k)))) <= _allowed(min(len(w), len(k)))
            for w, k in pairs
        ):
            return alias
    return None


def recurring(
    headings_per_file: Iterable[Iterable[str]], *, min_files: int = 2
) -> tuple[list[HeadingAlias], list[str]]:
    """The unknown headings found in at least ``min_files`` role files, with their kinds, and
    the others, as written: those of fewer files and misspellings of known headings, which stay
    findings of unknown-section.

    ``headings_per_file``: for each role file, the text of its unknown headings as written.
    Spellings of one heading (``variant_key``) count together, and each spelling seen becomes
    an alias, so every file's own spelling is known.
    """
    files: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    for headings in headings_per_file:
        keys: set[str] = set()
        for text in headings:
            written = plain(text).rstrip(":").strip()
            normalised = normalize_heading(written)
            if not normalised:
                continue
            key = variant_key(normalised)
            keys.add(key)
            spellings.setdefault(key, Counter())[written] += 1
        files.update(keys)
    out: list[HeadingAlias] = []
    left: list[str] = []
    for key, count in sorted(files.items(), key=lambda kv: (-kv[1], kv[0])):
        forms = spellings[key]
        usual = normalize_heading(forms.most_common(1)[0][0])
        kind, reason = kind_of(usual)
        if count < min_files or (kind == vocab.EXTRA and misspelling_of(usual)):
            left.append(forms.most_common(1)[0][0])
            continue
        seen: set[str] = set()
        for written, _ in forms.most_common():
            normalised = normalize_heading(written)
            if normalised not in seen:
                seen.add(normalised)
                out.append(HeadingAlias(written, kind, count, reason))
    return out, left
