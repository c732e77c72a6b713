"""Reading one hiring step: its name, owners, duration, optional flag and link, out of the prose.

A step comes as one list item (``1. CTO Interview (45m): ... Done by the CTO.``), as a sentence
of a process written in prose (``- Next, candidates will be invited to a 30 minute screening
call with a recruiter``) or as a heading with a body (``### CTO Interview (45m)``). Who runs it
is read by :mod:`~roledef.read.owners`, how long it takes by :mod:`~roledef.read.durations`,
and a short name for a sentence by :mod:`~roledef.read.stepnames`.
"""

from __future__ import annotations

import re

from roledef.model import HiringStep, Span
from roledef.read import durations, owners
from roledef.read import phrases as P
from roledef.read.people import read_phrase
from roledef.read.stepnames import name_parts, sentence_name, strip_label, without_article
from roledef.read.words import SENTENCE_BREAK_RE, is_sentence, tokens
from roledef.text import Regex, fold, plain, split_lead

_OWNER_SENTENCE_RE = Regex(
    r"(?:done|conducted|led|run|hosted|reviewed|performed|held|facilitated)\s+by\s+[^.!?\n]+[.!?]?",
    re.IGNORECASE,
)
_ITEM_RE = Regex(r"^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+")
#: Words that make a lead a clause: its subject.
_SUBJECTS = frozenset({"we", "you", "they", "candidates", "applicants"})
#: A name longer than this is a sentence, and gets a short name derived from it.
MAX_NAME_WORDS = 7


def _strip_owner_sentences(text: str) -> str:
    """Remove stand-alone "Done by the CTO." sentences; the owners are kept in their own field."""
    lines = []
    for line in text.strip().split("\n"):
        sentences = SENTENCE_BREAK_RE().split(line)
        kept = [s for s in sentences if not _OWNER_SENTENCE_RE().fullmatch(s.strip())]
        if kept or not line.strip():
            lines.append(" ".join(kept).rstrip())
    return "\n".join(lines).strip()


def _parts(extra: str | None) -> list[str]:
    """The items of the list nested under a step, each with its own nested lines."""
    if not extra:
        return []
    parts: list[str] = []
    indent: int | None = None
    for line in extra.split("\n"):
        m = _ITEM_RE().match(line)
        depth = len(line) - len(line.lstrip())
        if m and (indent is None or depth <= indent):
            indent = depth
            parts.append(line[m.end() :])
        elif parts:
            parts[-1] += "\n" + line
    return parts


def _length(lead: str, name: str | None, rest: str, extra: str | None) -> durations.Minutes:
    """The step's own length: in its lead, its text, or the sum of its parts' lengths."""
    found = durations.lead_length(lead)
    if found[0] is None and rest:
        found = durations.own_length(rest, name)
    if found[0] is None and extra:
        found = durations.parts_length(_parts(extra), name)
        if found[0] is None:
            found = durations.own_length(extra, name)
    return found


def parse_step_item(
    text: str, span: Span, extra: str | None = None, known: frozenset[str] = frozenset()
) -> HiringStep:
    """A step written as one list item; ``extra`` is markdown nested under the item, ``known``
    the people the plan named with their role before it ("our hiring manager, Priya")."""
    text = strip_label(fold(text))
    name_lead, rest = split_lead(text)
    opening = None
    if name_lead is not None and not is_sentence(name_lead):
        lead = strip_label(name_lead)
        rest = opening = rest or ""
    else:
        # "Resume screening by hiring manager." / "Next, candidates will be invited to ..."
        first, _, after = text.partition(". ") if ". " in text else (text, "", "")
        lead, rest = first.rstrip("."), after
    name, focus, link, optional = name_parts(lead)
    description = rest
    whole = text + ("\n" + extra if extra else "")
    if name and (len(name.split()) > MAX_NAME_WORDS or (opening is None and _is_clause(name))):
        # a sentence of a process: a short name, and the sentence kept as the description
        description = f"{lead}." + (f" {rest}" if rest else "")
        name = sentence_name(lead, owners.find_owners(None, whole, lead, opening, known))
    elif name:
        if opening is None:  # a phrase, not a name before a colon: "A testing exercise ..."
            name = without_article(name)
            verb = name.split()[0].lower()
            if verb in P.CANDIDATE_VERBS and len(name.split()) > 1:
                # "Apply with your portfolio": the application, the phrase kept as description
                description = f"{lead}." + (f" {rest}" if rest else "")
                name = P.CANDIDATE_VERBS[verb]
        name, tail = _cut_owner_tail(name)
        if tail and not tail.lower().startswith("by "):  # "by X" says only who runs it
            description = f"{tail[0].upper()}{tail[1:]}." + (f" {rest}" if rest else "")
    if rest and re.match(r"\W*optional\W*(?:[.:;,)]|$)", plain(rest), re.IGNORECASE):
        optional = True
    low, high = _length(lead, name, rest, extra)
    description = _strip_owner_sentences(description) if description else ""
    if extra:
        description = f"{description}\n\n{extra}".strip() if description else extra.strip()
    return _step(
        name,
        description,
        owners.find_owners(name, whole, lead, opening, known),
        (low, high),
        optional,
        link,
        focus,
        span,
    )


def _is_clause(name: str) -> bool:
    """A lead that is a clause, not a name: it has a subject ("we check references") or opens
    with a clause of its own ("Finally, ...")."""
    words = [w.lower() for w in tokens(name)]
    return bool(_SUBJECTS & set(words)) or (
        len(words) > 1 and words[0] in P.LEADING_CLAUSE_WORDS and words[1] == ","
    )


def _cut_owner_tail(name: str) -> tuple[str, str | None]:
    """ "Screening call with recruiter" -> ("Screening call", "with recruiter").

    The owner gets its own field; the tail is kept in the description so no word is lost.
    """
    m = re.search(
        r"(?:\s+(?:led|run|conducted|hosted|done|held))?\s+(?:by|with)\s+(?P<who>.+)$",
        name,
        re.IGNORECASE,
    )
    if m and read_phrase([*tokens(m.group("who")), "."], 0):
        return name[: m.start()].strip(), m.group(0).strip()
    return name, None


def parse_step_heading(
    heading: str, body: str | None, span: Span, known: frozenset[str] = frozenset()
) -> HiringStep:
    """A step written as a heading (``### CTO Interview (45m)``) with its body as description."""
    heading = strip_label(heading)
    name, focus, link, optional = name_parts(heading)
    text, extra = _split_body(body or "")
    low, high = _length(heading, name, text, extra)
    description = _strip_owner_sentences(body) if body else ""
    found = owners.find_owners(name, heading + ".\n" + (body or ""), heading, known=known)
    return _step(name, description, found, (low, high), optional, link, focus, span)


def _split_body(body: str) -> tuple[str, str]:
    """A heading step's body as (its paragraphs, its lists)."""
    text: list[str] = []
    lists: list[str] = []
    in_list = False
    for line in body.split("\n"):
        if _ITEM_RE().match(line):
            in_list = True
        elif not line.strip():
            in_list = False
        (lists if in_list or (line.startswith(" ") and lists) else text).append(line)
    return "\n".join(text).strip(), "\n".join(lists)


def _step(
    name: str | None,
    description: str,
    found: tuple[str, ...],
    length: durations.Minutes,
    optional: bool,
    link: str | None,
    focus: str | None,
    span: Span,
) -> HiringStep:
    return HiringStep(
        name=name,
        description=description or None,
        owners=found,
        duration_minutes=length[0],
        duration_max_minutes=length[1],
        optional=optional,
        link=link,
        focus=focus,
        span=span,
    )
