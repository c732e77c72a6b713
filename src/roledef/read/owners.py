"""Who runs a hiring step, read the way a person reads it.

An owner is a phrase whose head names a person or a body of people (:data:`PERSON_NOUNS`):
"the hiring *manager*", "two *teammates*", "a member of the hiring *committee*", "VP of Sales".
It is found

* after *by* ("Conducted by the CEO", "review by the hiring manager");
* in the step's name before the event ("*CTO* interview", "*Hiring manager* intro call");
* as the subject of a sentence ("*The hiring manager* reviews your application");
* after *with* or *meet* where the clause is a meeting ("an interview *with* the People Ops
  team", "*meet* the team"), not where it is work ("experience working *with* managers");
* after *to* where the candidate presents ("present your work *to* an assessor");
* in a list that names a vague group ("key stakeholders (CEO, sales leadership)",
  "stakeholders, including marketing leadership").

A phrase names each of its people ("the CEO and the CTO" is two owners); a hedged one
("*potentially* board members", "(*likely* the CEO)") and a vague one ("key stakeholders") names
none, and neither do the candidate or the company ("*We* set up a call").
"""

from __future__ import annotations

from roledef.read import phrases as P
from roledef.read.people import JOINERS, appositions, closing, is_name, owner_of, read_phrase
from roledef.read.words import clause_start, singular, tokens

_MAX_SUBJECT_WORDS = 14
#: Letters two words share to be one word's forms: "recruit(er)", "recruit(ing)".
_STEM = 6
#: Words of length: a clause that gives one before *with* is a meeting ("an hour with the CFO").
_LENGTH_WORDS = frozenset(["minute", "minutes", "min", "mins", "hour", "hours"])
#: The events a step name puts its owner before: "CTO *interview*", "Founder *chat*".
_NAME_EVENTS = frozenset(
    [
        "interview",
        "interviews",
        "call",
        "chat",
        "conversation",
        "meeting",
        "review",
        "screen",
        "screening",
        "sync",
        "intro",
        "session",
        "round",
        "discussion",
        "debrief",
        "panel",
        "catch-up",
        "1:1",
        "one-on-one",
        "check-in",
    ]
)
#: Words that open a clause about the clause before: "a case study, *which* you do with ...".
_RELATIVES = frozenset({"which", "where", "during", "in"})
#: Verbs whose object is walked through the candidate's work: "*walk* the panel through".
_WALK = frozenset({"walk", "walks", "take", "takes", "talk", "talks"})
#: Verbs whose object runs the step: "*meet* the team", "*shadowing* the support team".
_MEET = frozenset({"meet", "meets", "shadow", "shadowing", "shadows", "join", "joins"})
_MEETING_VERBS = frozenset(
    [
        "meet",
        "meets",
        "meeting",
        "met",
        "talk",
        "talks",
        "speak",
        "speaks",
        "chat",
        "chats",
        "pair",
        "pairs",
        "pairing",
        "discuss",
        "discusses",
        "interview",
        "interviews",
        "interviewed",
        "sit",
        "connect",
        "connects",
        "review",
        "reviews",
    ]
)


def _by(toks: list[str], known: frozenset[str]) -> list[str]:
    """Owners after *by*; after a verb of running a step ("Done by", "Conducted by") a
    person's name counts too ("Done by Dana")."""
    found: list[str] = []
    for i, tok in enumerate(toks):
        if tok.lower() == "by":
            agent = i > 0 and toks[i - 1].lower() in P.AGENT_VERBS
            found += read_phrase(toks, i + 1, names=agent, known=known)
    return found


def _meetings(toks: list[str], known: frozenset[str]) -> list[str]:
    """Owners after *with*, *meet*, *alongside* in a clause that is a meeting, or after *to*
    where the candidate presents."""
    found: list[str] = []
    for i, tok in enumerate(toks):
        low = tok.lower()
        if low in ("with", "alongside"):
            start = clause_start(toks, i)
            if start > 1 and toks[start].lower() in _RELATIVES:
                start = clause_start(toks, start - 1)  # "a case study, which you work through with"
            before = [t.lower() for t in toks[start:i]]
            if before and before[-1] in P.NOT_MEETING_BEFORE_WITH:
                continue
            if before and not _is_meeting(before):
                continue
            found += read_phrase(toks, i + 1, known=known)
        elif low in _MEET and i + 1 < len(toks) and toks[i + 1].lower() != "with":
            found += read_phrase(toks, i + 1, known=known)
        elif low == "to":
            before = [t.lower() for t in toks[clause_start(toks, i) : i]]
            if any(w in P.PRESENT_VERBS for w in before):
                found += read_phrase(toks, i + 1, known=known)
        elif low in _WALK and "through" in (t.lower() for t in toks[i + 2 : i + 9]):
            # "walk our Head of Design through two projects"
            found += read_phrase(toks, i + 1, known=known)
    return found


def _is_meeting(before: list[str]) -> bool:
    """Whether the words of a clause before *with* make it a meeting: an event, a verb of
    meeting or a length ("a 30-minute *call* with", "*meet* with", "an *hour* with"), or a
    person who runs it with someone else ("the chief executive with the coordinator")."""
    return _names_meeting(before) or owner_of(before)[0] is not None


def _names_meeting(before: list[str]) -> bool:
    """Whether the words before *with* name an event, a verb of meeting or a length."""
    for word in before:
        if word in _MEETING_VERBS or singular(word) in P.EVENT_NOUNS or word in P.EVENT_NOUNS:
            return True
        if word in _LENGTH_WORDS or (
            word.endswith(("-minute", "-hour", "min", "h")) and word[0].isdigit()
        ):
            return True
    return False


def _subjects(toks: list[str], known: frozenset[str]) -> list[str]:
    """The subject of a sentence when it is a person: "The hiring manager reviews ..."."""
    found: list[str] = []
    start = 0
    for i, tok in enumerate([*toks, "."]):
        if tok in ".!?" or i == len(toks):
            words = _main_clause(toks[start:i])
            for j, word in enumerate(words[:_MAX_SUBJECT_WORDS]):
                after = words[j + 1].lower() if j + 1 < len(words) else ""
                if j > 0 and _is_verb(word, after):
                    found += _subject(words[:j], known)
                    break
            start = i + 1
    return found


def _subject(words: list[str], known: frozenset[str]) -> list[str]:
    """The people a subject names: "The hiring manager", "the CEO and the CTO", and a name
    with its apposition, "Jane, our Head of Marketing,"."""
    if all(w[0].isalnum() for w in words):
        return read_phrase([*words, "."], 0, known=known)
    parts = _split(words, frozenset())
    if len(parts) < 2 or any(not w[0].isalnum() for p in parts for w in p):
        return []
    roles = [o for p in parts if (o := owner_of(p)[0])]
    if not roles:
        return []
    names = [" ".join(p) for p in parts if is_name(p)]
    return [*names, *roles] if len(names) + len(roles) == len(parts) else []


def _is_verb(word: str, after: str) -> bool:
    """A word that can follow a sentence's subject as its verb: "will", "reviews", "brings"
    (a lower-case word in the third person that is not itself a person, "team *leads*", nor a
    plural noun with its own verb after it, "leadership *skills* are assessed")."""
    low = word.lower()
    if low in P.SUBJECT_VERBS:
        return True
    return (
        after not in P.AUXILIARIES
        and word.islower()
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is", "ous"))
        and singular(low) not in P.PERSON_NOUNS
        and low not in P.OWNER_STOPS
    )


def _main_clause(words: list[str]) -> list[str]:
    """A sentence without its opening clause: "Once you apply, our recruiter ..." -> "our
    recruiter ..."."""
    while words and (words[0].lower() in P.LEADING_CLAUSE_WORDS or words[0] == ","):
        comma = next((i for i, w in enumerate(words[:12]) if w == ","), None)
        words = words[comma + 1 :] if comma is not None and words[0] != "," else words[1:]
    return words


def name_owners(name: str | None) -> list[str]:
    """Owners a step's name puts before its event: "CTO interview", "Manager/team interview"."""
    if not name:
        return []
    toks = tokens(name)
    for i, tok in enumerate(toks):
        if i and tok.lower() in _NAME_EVENTS:
            before = toks[:i]
            return [o for part in _split(before) if (o := owner_of(part)[0])]
    return []


def _split(words: list[str], at: frozenset[str] = JOINERS) -> list[list[str]]:
    """The phrases of ``words`` between commas and the words ``at`` ("and", "or", "/")."""
    parts: list[list[str]] = [[]]
    for word in words:
        if word == "," or word.lower() in at:
            parts.append([])
        else:
            parts[-1].append(word)
    return [p for p in parts if p]


def paren_owners(text: str) -> list[str]:
    """A parenthesis in a step's name that only names people: "Final interview (CEO, CTO)"."""
    toks = tokens(text)
    found: list[str] = []
    for i, tok in enumerate(toks):
        if tok == "(":
            inner = toks[i + 1 : closing(toks, i)]
            parts = _split(inner)
            owners = [owner_of(p)[0] for p in parts]
            if parts and all(owners) and not any(t.lower() in P.HEDGES for t in inner):
                found += [o for o in owners if o]
    return found


def opening_owners(rest: str, known: frozenset[str] = frozenset()) -> list[str]:
    """Owners a step's description opens with, right after its name: "First interview: *a
    lead steward or the operations coordinator*, about an hour"."""
    toks = tokens(rest)
    first = toks[0].lower() if toks else ""
    if first in P.STEP_VERBS or first.endswith(("ing", "ed")):
        return []  # "Meet the team", "Reviewing the work with ...": a verb opens it
    return read_phrase([*toks, "."], 0, known=known)


def _said(owner: str, stated: list[str]) -> bool:
    """Whether the text already names the owner a step's name implies: "Team" in "the People
    Ops team", "Recruiter" in "our recruiting coordinator" (a word of the same stem)."""
    head = owner.lower().split()[-1]
    stem = head[:_STEM] if len(head) > _STEM else None
    for other in stated:
        words = other.lower().split()
        if owner.lower() == other.lower() or head in words:
            return True
        if stem and any(w.startswith(stem) for w in words):
            return True
    return False


def find_owners(
    name: str | None,
    text: str,
    lead: str | None = None,
    rest: str | None = None,
    known: frozenset[str] = frozenset(),
) -> tuple[str, ...]:
    """Everyone ``text`` (a step's lead, description and nested bullets) says runs the step:
    those the text names (*by*, a parenthesis, a subject, *with*/*meet*), then those the name
    implies ("CTO interview") unless the text already names them ("Team chat with the People
    Ops team" is run by the People Ops team) or says who does it ("Done by the CEO")."""
    toks = tokens(text)
    known = known | appositions(toks)  # "our hiring manager, Priya," ... "a call with Priya"
    by = _by(toks, known)
    stated = [
        *by,
        *(opening_owners(rest, known) if rest else []),
        *(paren_owners(lead) if lead else []),
        *_subjects(toks, known),
        *_meetings(toks, known),
    ]
    named = [o for o in ([] if by else name_owners(name)) if not _said(o, stated)]
    seen: set[str] = set()
    out: list[str] = []
    for owner in [*stated, *named]:
        key = owner.lower()
        if key not in seen:
            seen.add(key)
            out.append(owner)
    return tuple(out)
