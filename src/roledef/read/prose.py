"""A hiring process written as paragraphs: which lines or sentences are its steps.

Some handbooks write the process as prose, not as a list::

    We schedule a call of half an hour to tell you more about us.
    After that, you have an hour with our CFO to talk through your experience.

or as labelled lines of one paragraph (``Step 1: Recruiter screen - ...``). When a hiring
section holds no list and no heading steps, each labelled line, or else each sentence that
describes an event of the process (a call, an interview, an exercise, an offer; a length; someone
who runs it), is a step; the sentences between steps belong to the step before them.
"""

from __future__ import annotations

from roledef.model import Span
from roledef.read import durations, owners
from roledef.read import phrases as P
from roledef.read.stepnames import is_step_label
from roledef.read.words import SENTENCE_BREAK_RE, is_sentence, singular, tokens
from roledef.text import fold, plain, split_lead

#: An item of at most this many words is a step's name, whatever its words.
_SHORT_ITEM_WORDS = 4

#: Words that open a sentence about the step before: a pronoun, or a condition whose main
#: clause describes no step of its own.
_PRONOUNS = frozenset(["it", "this", "that", "these", "they", "there"])
_CONDITIONS = frozenset(["if", "unless", "otherwise"])

#: Nouns that make a sentence of a process a step, beyond the events: "we check *references*".
_STEP_WORDS = P.CORE_EVENT_NOUNS | frozenset({"reference", "study", "offer", "contract"})


def pieces(lines: list[str], start: int, end: int) -> list[tuple[int, int, str]]:
    """The paragraph on 0-based lines ``start:end`` as (line, column, text) pieces: its labelled
    lines when at least two lines start with a label ("Step 2:"), else its sentences."""
    rows = lines[start:end]
    labelled = [i for i, row in enumerate(rows) if is_step_label(row.strip())]
    if len(labelled) >= 2 or (labelled == [0] and len(rows) == 1):
        out = []
        for n, i in enumerate(labelled):
            stop = labelled[n + 1] if n + 1 < len(labelled) else len(rows)
            text = " ".join(r.strip() for r in rows[i:stop])
            out.append((start + i, _column(rows[i]), text))
        if labelled[0] > 0:
            out.insert(
                0, (start, _column(rows[0]), " ".join(r.strip() for r in rows[: labelled[0]]))
            )
        return out
    found: list[tuple[int, int, str]] = []
    for i, row in enumerate(rows):
        at = 0
        for sentence in SENTENCE_BREAK_RE().split(row.strip()):
            at = row.find(sentence, at)
            if found and not _ends_sentence(found[-1][2]):
                line, col, text = found[-1]
                found[-1] = (line, col, f"{text} {sentence}")
            elif sentence:
                found.append((start + i, at + 1, sentence))
            at += len(sentence)
    return found


class Told:
    """A process told in paragraphs: each step's text and where it starts, the paragraphs that
    told it (their indexes), and the sentences of those paragraphs before the first step."""

    __slots__ = ("intro", "steps", "used")

    def __init__(self) -> None:
        self.steps: list[tuple[str, Span]] = []
        self.used: list[int] = []
        self.intro: list[str] = []


def tell(lines: list[str], paragraphs: list[tuple[int, int]]) -> Told:
    """The steps the paragraphs on 0-based lines ``start:end`` describe: a paragraph before the
    first step is left as it is; a sentence that goes on about a step (:func:`continues`), or
    describes none, joins the step before it."""
    told = Told()
    for n, (start, end) in enumerate(paragraphs):
        before: list[str] = []
        for line, column, text in pieces(lines, start, end):
            if is_step(text) and not (told.steps and continues(text)):
                span = Span(line + 1, column, line + 1, max(1, len(lines[line])))
                told.steps.append((text, span))
            elif told.steps:
                last, span = told.steps[-1]
                told.steps[-1] = (f"{last} {text}", span)
            else:
                before.append(text)
                continue
            if not told.used or told.used[-1] != n:
                told.used.append(n)
                told.intro += before
    return told


def count_steps(lines: list[str], paragraphs: list[tuple[int, int]]) -> int:
    """How many steps the paragraphs describe, one a sentence (or labelled line)."""
    return sum(
        is_step(text) for start, end in paragraphs for _l, _c, text in pieces(lines, start, end)
    )


def _column(row: str) -> int:
    return len(row) - len(row.lstrip()) + 1


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?"))


def is_step_item(text: str) -> bool:
    """Whether an item of a list in the hiring plan is a step: a named or short item, or a
    sentence that describes a step ("Create and post the job." in a list of the company's own
    tasks is not)."""
    name, _rest = split_lead(fold(text))
    if name is not None and not is_sentence(name):
        return True
    if len(plain(text).split()) <= _SHORT_ITEM_WORDS:
        return True
    words = tokens(text)
    return (bool(words) and words[0].lower() in P.CANDIDATE_VERBS) or is_step(text)


def is_link_list(items: list[str]) -> bool:
    """A list whose every item opens with a link and names no event: links to documents, not
    steps."""
    return bool(items) and all(
        item.lstrip().startswith("[")
        and split_lead(fold(item))[0] is None
        and len(plain(item).split()) > _SHORT_ITEM_WORDS
        and not any(singular(w) in P.CORE_EVENT_NOUNS for w in tokens(item))
        for item in items
    )


def continues(text: str) -> bool:
    """Whether a sentence goes on about the step before it: "It takes about an hour.", "If it
    is an offer, we follow up in writing."."""
    words = tokens(text)
    first = words[0].lower() if words else ""
    if first in _CONDITIONS and "," in words:
        # "If we do, the recruiter will schedule a call": the main clause decides
        return not is_step(" ".join(words[words.index(",") + 1 :]))
    return first in _PRONOUNS or first in _CONDITIONS


def is_step(text: str) -> bool:
    """Whether a sentence (or labelled line) of a process describes one of its steps."""
    if is_step_label(text.strip()):
        return True
    words = tokens(text)
    if any(singular(w) in _STEP_WORDS or w.lower() in _STEP_WORDS for w in words):
        return True
    if durations.own_length(text, None)[0] is not None:
        return True
    return bool(owners.find_owners(None, text))
