"""Text as a reader of a hiring step sees it: plain words and punctuation, in clauses.

The owner, duration and step-name readers work on words, not on patterns over whole
sentences: a word list is read left to right once, which keeps every reading linear on any
text and lets a rule say what it means ("the word before *with*", "the noun after the length").
"""

from __future__ import annotations

from functools import lru_cache

from roledef.text import Regex, plain

#: A word (``2-3``, ``co-founder``, ``Q&A``, ``1.5h``, ``don't``) or one mark of punctuation.
_TOKEN_RE = Regex(r"\w+(?:['&+.-]\w+)*|[^\w\s]")
_DASHES = str.maketrans({"–": "-", "—": " — ", "‑": "-", "’": "'", "‘": "'", "\u00a0": " "})

#: Where one sentence ends and the next starts: "... a call. Done by the CTO."
SENTENCE_BREAK_RE = Regex(r"(?<=[.!?])\s+(?=[A-Z(\[*_])")
_SENTENCE_END_RE = Regex(r"[.!?]\s")

_CACHED_LEN = 2000

#: Marks that end a clause: a phrase read from one word on stops at the first of them.
CLAUSE_MARKS = frozenset('.;:!?()[]—|"')


def tokens(text: str) -> list[str]:
    """The words and marks of ``text`` with its markdown markup gone."""
    if len(text) <= _CACHED_LEN:  # a step's text is read by several readers: once is enough
        return list(_tokens(text))
    return _TOKEN_RE().findall(plain(text).translate(_DASHES))


@lru_cache(maxsize=1024)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN_RE().findall(plain(text).translate(_DASHES)))


def is_sentence(text: str) -> bool:
    """Whether ``text`` holds the end of a sentence before more words: a lead that does is prose,
    not a name."""
    return bool(_SENTENCE_END_RE().search(plain(text)))


def singular(word: str) -> str:
    """``managers`` -> ``manager``, ``leads`` -> ``lead``; a word that is no plural as it is."""
    low = word.lower()
    if len(low) > 3 and low.endswith("ies"):
        return low[:-3] + "y"
    if len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "ops", "hr")):
        return low[:-1]
    return low


def is_number(word: str) -> bool:
    """``2``, ``2-3``, ``1.5``: a count or a range of counts."""
    return bool(word) and word[0].isdigit()


def clause_start(toks: list[str], i: int) -> int:
    """The index of the first word of the clause that holds word ``i``."""
    j = i
    while j > 0 and toks[j - 1] not in CLAUSE_MARKS and toks[j - 1] != ",":
        j -= 1
    return j


def sentences(toks: list[str]) -> list[list[str]]:
    """The words split into sentences at ``.``, ``!`` and ``?``."""
    out: list[list[str]] = [[]]
    for tok in toks:
        out[-1].append(tok)
        if tok in ".!?":
            out.append([])
    return [s for s in out if s]
