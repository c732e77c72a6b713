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
from roledef.read.words import CLAUSE_MARKS, clause_start, is_number, singular, tokens

_JOINERS = frozenset({"and", "or", "&", "/", "and/or", "plus", "+"})
_TITLE_WORDS = frozenset(
    {"vp", "svp", "evp", "avp", "head", "director", "chief", "president", "talent"}
)
_MAX_OWNER_WORDS = 6
_MAX_SUBJECT_WORDS = 14
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


def _is_person_head(words: list[str]) -> bool | None:
    """True: a person or body; None: a vague group (stakeholders); False: not a person."""
    if not words:
        return False
    head_at = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    head = singular(words[head_at])
    if words[head_at].lower() in P.NOT_OWNERS or head in P.NOT_OWNERS:
        if head == "people" and len(words) > head_at + 1:
            return words[head_at + 1].lower() in P.PEOPLE_COMPOUNDS
        if head == "people" and head_at > 0:
            return False
        return None
    if head == "ops" and head_at > 0 and words[head_at - 1].lower() != "people":
        return False
    if head in P.PERSON_NOUNS or _is_c_level(words[head_at]):
        return True
    return words[0].lower() in _TITLE_WORDS or _is_c_level(words[0])


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
    kind = _is_person_head(words)
    if kind is None:
        return None, True
    return (" ".join(words) if kind else None), False


def _strip_determiners(words: list[str]) -> list[str]:
    i = 0
    while i < len(words) and (words[i].lower() in P.OWNER_DETERMINERS or is_number(words[i])):
        i += 1
    return words[i:]


def read_phrase(toks: list[str], i: int, *, names: bool = False) -> list[str]:
    """The owners named from word ``i`` on, up to where the phrase ends; with ``names``, a
    person's name ("Dana", "Dana Smith") is an owner as well as a role."""
    owners: list[str] = []
    part: list[str] = []
    vague = False
    n = len(toks)
    while i <= n:
        tok = toks[i] if i < n else "."
        low = tok.lower()
        if tok == "(" and part:
            close = _closing(toks, i)
            owner, vague_part = owner_of(part)
            if vague_part:
                owners += _listed(toks[i + 1 : close])
                part, vague = [], False
            i = close + 1
            continue
        if (
            low in _JOINERS
            or tok == ","
            or low == "including"
            or tok in CLAUSE_MARKS
            or low in P.OWNER_STOPS
            or low in P.HEDGES
            or tok == "-"
        ):
            if part:
                owner, vague_part = owner_of(part)
                if owner is None and names and _is_name(part):
                    owner = " ".join(part)
                if owner:
                    owners.append(owner)
                elif not vague_part:
                    break  # "the CEO and discuss the plan": the list has ended
                vague = vague or vague_part
                part = []
            if low in _JOINERS or (tok == "," and i + 1 < n and toks[i + 1] != ","):
                i += 1
                continue
            if low == "including" and vague:
                i += 1
                continue
            break
        part.append(tok)
        i += 1
    return owners


def _is_name(words: list[str]) -> bool:
    """A person's name: one to three capitalised words ("Dana", "Dana Smith")."""
    return 0 < len(words) <= 3 and all(w[:1].isupper() and w[1:].islower() for w in words)


def _closing(toks: list[str], i: int) -> int:
    for j in range(i + 1, len(toks)):
        if toks[j] == ")":
            return j
    return len(toks)


def _listed(toks: list[str]) -> list[str]:
    """Owners listed in a parenthesis: ``CEO, sales leadership``; a hedged one names none."""
    if any(t.lower() in P.HEDGES for t in toks):
        return []
    return read_phrase([*toks, "."], 0)


def _by(toks: list[str]) -> list[str]:
    """Owners after *by*; after a verb of running a step ("Done by", "Conducted by") a
    person's name counts too ("Done by Dana")."""
    found: list[str] = []
    for i, tok in enumerate(toks):
        if tok.lower() == "by":
            agent = i > 0 and toks[i - 1].lower() in P.AGENT_VERBS
            found += read_phrase(toks, i + 1, names=agent)
    return found


def _meetings(toks: list[str]) -> list[str]:
    """Owners after *with*, *meet*, *alongside* in a clause that is a meeting, or after *to*
    where the candidate presents."""
    found: list[str] = []
    for i, tok in enumerate(toks):
        low = tok.lower()
        if low in ("with", "alongside"):
            before = [t.lower() for t in toks[clause_start(toks, i) : i]]
            if before and before[-1] in P.NOT_MEETING_BEFORE_WITH:
                continue
            if before and not _is_meeting(before):
                continue
            found += read_phrase(toks, i + 1)
        elif low in _MEET and i + 1 < len(toks) and toks[i + 1].lower() != "with":
            found += read_phrase(toks, i + 1)
        elif low == "to":
            before = [t.lower() for t in toks[clause_start(toks, i) : i]]
            if any(w in P.PRESENT_VERBS for w in before):
                found += read_phrase(toks, i + 1)
    return found


def _is_meeting(before: list[str]) -> bool:
    """Whether the words of a clause before *with* make it a meeting: an event or a verb of
    meeting ("a 30-minute *call* with", "*meet* with", "*review* the work with")."""
    for word in before:
        if word in _MEETING_VERBS or singular(word) in P.EVENT_NOUNS or word in P.EVENT_NOUNS:
            return True
        if word in _LENGTH_WORDS or (
            word.endswith(("-minute", "-hour", "min", "h")) and word[0].isdigit()
        ):
            return True
    return False


def _subjects(toks: list[str]) -> list[str]:
    """The subject of a sentence when it is a person: "The hiring manager reviews ..."."""
    found: list[str] = []
    start = 0
    for i, tok in enumerate([*toks, "."]):
        if tok in ".!?" or i == len(toks):
            words = _main_clause(toks[start:i])
            for j, word in enumerate(words[:_MAX_SUBJECT_WORDS]):
                if word.lower() in P.SUBJECT_VERBS and j > 0:
                    if all(w[0].isalnum() for w in words[:j]):
                        found += read_phrase([*words[:j], "."], 0)
                    break
            start = i + 1
    return found


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


def _split(words: list[str]) -> list[list[str]]:
    parts: list[list[str]] = [[]]
    for word in words:
        if word.lower() in _JOINERS or word == ",":
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
            inner = toks[i + 1 : _closing(toks, i)]
            parts = _split(inner)
            owners = [owner_of(p)[0] for p in parts]
            if parts and all(owners) and not any(t.lower() in P.HEDGES for t in inner):
                found += [o for o in owners if o]
    return found


def find_owners(name: str | None, text: str, lead: str | None = None) -> tuple[str, ...]:
    """Everyone ``text`` (a step's lead, description and nested bullets) says runs the step:
    those the text names (*by*, a parenthesis, a subject, *with*/*meet*), then those the name
    implies ("CTO interview") unless the text already names them ("Team chat with the People
    Ops team" is run by the People Ops team) or says who does it ("Done by the CEO")."""
    toks = tokens(text)
    by = _by(toks)
    stated = [
        *by,
        *(paren_owners(lead) if lead else []),
        *_subjects(toks),
        *_meetings(toks),
    ]
    named = [
        o
        for o in ([] if by else name_owners(name))
        if not any(o.lower() in s.lower().split() or o.lower() == s.lower() for s in stated)
    ]
    seen: set[str] = set()
    out: list[str] = []
    for owner in [*stated, *named]:
        key = owner.lower()
        if key not in seen:
            seen.add(key)
            out.append(owner)
    return tuple(out)
