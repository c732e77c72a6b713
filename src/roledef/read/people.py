"""What a noun phrase names: a person or body of people who can run a hiring step, a vague
group, or no one.

``owner_of`` reads one phrase ("a member of the hiring committee" -> "hiring committee");
``read_phrase`` reads a list of them from a word on, up to where the list ends ("the CEO and
potentially board members" -> "CEO"). Where in a step such a phrase is looked for is
:mod:`~roledef.read.owners`' concern.
"""

from __future__ import annotations

import itertools

from roledef.read import phrases as P
from roledef.read.words import CLAUSE_MARKS, is_number, singular

JOINERS = frozenset({"and", "or", "&", "/", "and/or", "plus", "+"})
_TITLE_WORDS = frozenset(
    {"vp", "svp", "evp", "avp", "head", "director", "chief", "president", "talent"}
)
_MAX_OWNER_WORDS = 6
#: Words that open a role given beside a name: "Jane, *our* CEO", "Sam, *the* recruiter".
_POSSESSIVES = frozenset({"our", "the", "my", "their", "your"})
_PRONOUNS = frozenset({"you", "we", "they", "i", "he", "she", "it", "us", "them"})


def _is_person_head(words: list[str]) -> bool | None:
    """True: a person or body; None: a vague group (stakeholders); False: not a person."""
    if not words:
        return False
    head_at = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    head = singular(words[head_at])
    if any(w.lower() in P.NEWCOMER_WORDS for w in words[:head_at]):
        return False  # "the new team member" is the person being hired
    if head == "person" and head_at > 0:
        return True  # "a senior staff person", "the contact person"
    if words[head_at].lower() in P.NOT_OWNERS or head in P.NOT_OWNERS:
        if head == "people" and len(words) > head_at + 1:
            return words[head_at + 1].lower() in P.PEOPLE_COMPOUNDS
        if head == "people" and head_at > 0:
            return False
        return None
    if head == "ops" and head_at > 0 and words[head_at - 1].lower() != "people":
        return False
    if head in P.PERSON_NOUNS or _is_c_level(words[head_at]) or _is_acronym(words[head_at]):
        return True
    return words[0].lower() in _TITLE_WORDS or _is_c_level(words[0])


def _is_acronym(word: str) -> bool:
    """A role written as an acronym, in capitals: ``SRE``, ``PMs``."""
    bare = word[:-1] if word.endswith("s") and word[:-1].isupper() else word
    return bare.isupper() and bare.lower() in P.ROLE_ACRONYMS


def _is_c_level(word: str) -> bool:
    """``CEO``, ``CTO``, ``CPTO``: a chief officer written as an acronym."""
    return 3 <= len(word) <= 5 and word.isupper() and word[0] == "C" and word[-1] == "O"


def owner_of(words: list[str]) -> tuple[str | None, bool]:
    """The owner a noun phrase names, and whether the phrase is a vague group of people."""
    if "of" in words:
        at = words.index("of")
        before = _strip_determiners(words[:at])
        if not before or singular(before[-1]) in P.MEMBER_WORDS:
            # "a member of the hiring committee", "one of our recruiters": the group
            words = words[at + 1 :]
    words = _strip_determiners(words)
    if not words or len(words) > _MAX_OWNER_WORDS:
        return None, False
    head_part = words[: words.index("of")] if "of" in words else words
    if any(w.lower() in P.OWNER_DETERMINERS or w.lower() in _PRONOUNS for w in head_part[1:]):
        return None, False  # "you walk our Head of Design": more than one phrase
    if head_part[0].lower() in _PRONOUNS:
        return None, False
    kind = _is_person_head(words)
    if kind is None:
        return None, True
    return (" ".join(words) if kind else None), False


def _strip_determiners(words: list[str]) -> list[str]:
    i = 0
    while i < len(words) and (words[i].lower() in P.OWNER_DETERMINERS or is_number(words[i])):
        i += 1
    return words[i:]


def read_phrase(
    toks: list[str], i: int, *, names: bool = False, known: frozenset[str] = frozenset()
) -> list[str]:
    """The owners named from word ``i`` on, up to where the phrase ends. A person's name is
    an owner with ``names`` ("Done by Dana"), when ``known`` holds it (named with a role
    earlier), or beside the role it has ("Jane, our CEO")."""
    owners: list[str] = []
    part: list[str] = []
    vague = False
    n = len(toks)
    while i <= n:
        tok = toks[i] if i < n else "."
        low = tok.lower()
        if tok == "(" and part:
            close = closing(toks, i)
            owner, vague_part = owner_of(part)
            if vague_part:
                owners += _listed(toks[i + 1 : close])
                part, vague = [], False
            i = close + 1
            continue
        if (
            low in JOINERS
            or tok == ","
            or low == "including"
            or tok in CLAUSE_MARKS
            or low in P.OWNER_STOPS
            or low in P.HEDGES
            or tok == "-"
        ):
            if part:
                owner, vague_part = owner_of(part)
                if owner is None and is_name(part):
                    name = " ".join(part)
                    if names or name in known or (tok == "," and _role_follows(toks, i + 1)):
                        owner = name
                if owner:
                    owners.append(owner)
                elif not vague_part:
                    break  # "the CEO and discuss the plan": the list has ended
                vague = vague or vague_part
                part = []
            if low in JOINERS or (tok == "," and i + 1 < n and toks[i + 1] != ","):
                i += 1
                continue
            if low == "including" and vague:
                i += 1
                continue
            break
        part.append(tok)
        i += 1
    return owners


def _role_follows(toks: list[str], i: int) -> bool:
    """Whether the words from ``i`` to the next comma or clause mark name a role: "Jane,
    *our CEO*, ..."."""
    part: list[str] = []
    for tok in toks[i : i + _MAX_OWNER_WORDS + 2]:
        if tok == "," or tok in CLAUSE_MARKS or tok.lower() in P.OWNER_STOPS:
            break
        part.append(tok)
    return bool(part) and part[0].lower() in _POSSESSIVES and owner_of(part)[0] is not None


def appositions(toks: list[str]) -> frozenset[str]:
    """The people a text names beside their role: "our hiring manager, *Priya*," and
    "*Jane*, our CEO": a later "with Priya" names her."""
    if "," not in toks:
        return frozenset()
    found: set[str] = set()
    segments: list[list[str]] = [[]]
    for tok in toks:
        if tok == "," or tok in CLAUSE_MARKS:
            segments.append([])
        else:
            segments[-1].append(tok)
    for left, right in itertools.pairwise(segments):
        if len(right) <= 3 and left and is_name(right) and owner_of(left[-4:])[0]:
            found.add(" ".join(right))
        if not right or right[0].lower() not in _POSSESSIVES or not left:
            continue
        name = left[-2:] if is_name(left[-2:]) else left[-1:]
        if is_name(name) and owner_of(right)[0]:
            found.add(" ".join(name))
    return frozenset(found)


def is_name(words: list[str]) -> bool:
    """A person's name: one to three capitalised words ("Dana", "Dana Smith")."""
    return 0 < len(words) <= 3 and all(w[:1].isupper() and w[1:].islower() for w in words)


def closing(toks: list[str], i: int) -> int:
    for j in range(i + 1, len(toks)):
        if toks[j] == ")":
            return j
    return len(toks)


def _listed(toks: list[str]) -> list[str]:
    """Owners listed in a parenthesis: ``CEO, sales leadership``; a hedged one names none."""
    if any(t.lower() in P.HEDGES for t in toks):
        return []
    return read_phrase([*toks, "."], 0)
