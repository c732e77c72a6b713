"""A hiring step's name: cut from its lead, or made short from a sentence.

``[Screening call](url) (**optional**) (STAR, Product) for 45m`` names the step "Screening call",
with a link, a focus and the optional flag; the length is read elsewhere and left out of the
name. Label prefixes are not part of a name: ``Step 3: CTO interview`` is "CTO interview", and
``Video call - Screening interview`` is "Screening interview". A sentence of a process written in
prose is named after the event it describes: "Qualified candidates will be invited to schedule a
30 minute screening call with a recruiter" is "Screening call".
"""

from __future__ import annotations

import re

from roledef.read import phrases as P
from roledef.read.durations import LENGTH_RE
from roledef.read.words import CLAUSE_MARKS, is_number, singular, tokens
from roledef.text import Regex, first_link, plain

_PAREN_RE = Regex(r"\(([^()]*)\)")
_LINK_FULL_RE = Regex(r"\[([^\[\]]*)\]\(([^)\s\[]*)\)")  # linear: see text._LINK_RE
_OPTIONAL_WORD_RE = Regex(r"^\W*optional\W*$", re.IGNORECASE)
_OPTIONAL_LEAD_RE = Regex(r"^\W*optional\W*[:\-–—]\s*", re.IGNORECASE)
#: What comes before a length that is cut from a name with it: " for (about) 45m".
_FOR_BEFORE_RE = Regex(r"(?<!\s)\s+for\s+(?:about\s+|around\s+|up\s+to\s+)?$", re.IGNORECASE)
_STEP_LABEL_RE = Regex(
    r"^\W{0,2}(?:(?:step|stage|round|phase|part)\s*\d{1,3}[a-z]?|\d{1,3})\W{0,2}\s*[:.)\-–—]\s+",
    re.IGNORECASE,
)
_DASH_RE = Regex(r"\s[-–—]\s")
_ARTICLE_RE = Regex(r"^(?:a|an|the)\s+(?=\S)", re.IGNORECASE)  # "A testing exercise"
#: Words that end the modifiers of an event noun when reading a name backwards from it.
_NOT_MODIFIERS = P.words(
    """
    be been being will invited invite join joins schedule attend complete completes have has
    and or a an the to with for of in on at by our your their this that into is are we you they
    we'll you'll they'll we're you're i'll
    """
)
_MAX_FALLBACK_WORDS = 6
#: Verbs of assessing named with their object: "reviews every application" is "Application
#: review", "we check references" is "Reference check".
_OBJECT_VERBS = P.words("review check screen assessment")
_OBJECT_SKIP = P.words("every each all the your their a an our any some two three personally")
#: Opening words that are a clause only on their own: "First, ...", not "First interview, ...".
_ADVERBS = P.words("first second third next then finally lastly firstly secondly afterwards")
#: Who does a step in a sentence of a process: a verb after one of them is not part of a name.
_SUBJECTS = P.words("we you they i candidates applicants will would can we'll you'll they'll")


def is_step_label(text: str) -> bool:
    """Whether ``text`` opens with a label that numbers a step ("Step 2:", "Stage 3 -")."""
    m = _STEP_LABEL_RE().match(text)
    return m is not None and not text[: m.end()].strip()[:1].isdigit()


def strip_label(text: str) -> str:
    """``Step 3: CTO interview`` -> ``CTO interview``; ``Video call - Screening interview: ...``
    -> ``Screening interview: ...``."""
    text = _STEP_LABEL_RE().sub("", text, count=1)
    m = _DASH_RE().search(text[:60])
    if m:
        before = plain(text[: m.start()]).lower().split()
        after = text[m.end() :]
        if before and all(w.strip("*_") in P.MEDIUM_WORDS for w in before) and _names_event(after):
            return after
    return text


def _names_event(text: str) -> bool:
    lead = re.split(r"[:.(]", plain(text), maxsplit=1)[0]
    words = tokens(lead)
    return (
        bool(words) and words[0][0].isalpha() and any(singular(w) in P.EVENT_NOUNS for w in words)
    )


def _without_lengths(lead: str) -> str:
    """A lead without the lengths that are not part of its name: "CTO Interview for 45m" and
    "20-minute screening call" name "CTO Interview" and "screening call"."""
    for m in reversed(list(LENGTH_RE().finditer(lead))):
        before = _FOR_BEFORE_RE().search(lead[: m.start()])
        if before:
            lead = lead[: before.start()] + lead[m.end() :]
        elif not lead[: m.start()].strip() and lead[m.end() : m.end() + 1].isspace():
            lead = lead[m.end() :].lstrip()
    return lead


def name_parts(lead: str) -> tuple[str | None, str | None, str | None, bool]:
    """Name, focus, link and optional flag from a lead such as
    ``[Screening call](url) (**optional**) (STAR, Product) for 45m``."""
    optional = False
    m = _OPTIONAL_LEAD_RE().match(lead)
    if m and lead[m.end() :].strip():
        optional, lead = True, lead[m.end() :]
    link = None
    found = first_link(lead)
    if found:
        link = found[1] or None
    lead = _LINK_FULL_RE().sub(lambda m: m.group(1), lead)
    lead = _without_lengths(lead)
    focus_parts: list[str] = []

    def _paren(m: re.Match[str]) -> str:
        nonlocal optional
        kept = []
        for part in m.group(1).split(","):
            inner = part.strip()
            if _OPTIONAL_WORD_RE().match(plain(inner)):
                optional = True
            elif LENGTH_RE().match(inner):
                rest = LENGTH_RE().sub("", inner, count=1).strip(" ,;")
                if rest:
                    kept.append(rest)
            elif inner:
                kept.append(inner)
        if kept:
            focus_parts.append(", ".join(kept))
        return ""

    lead = _PAREN_RE().sub(_paren, lead)
    name = plain(lead).strip(" .:-–—") or None
    if name:
        name = name[0].upper() + name[1:]
    return name, ("; ".join(focus_parts) or None), link, optional


def without_article(name: str) -> str:
    """``A testing exercise`` -> ``Testing exercise``: a step written as a phrase, not named."""
    bare = _ARTICLE_RE().sub("", name)
    return bare[0].upper() + bare[1:] if bare else name


def sentence_name(sentence: str, who: tuple[str, ...] = ()) -> str:
    """A short name for a step written as a sentence: the event it describes, else a meeting
    with ``who`` runs it, else its first words."""
    words = _main_clause(tokens(sentence))
    for i, word in enumerate(words):
        if singular(word) in P.CORE_EVENT_NOUNS or word.lower() in P.CORE_EVENT_NOUNS:
            if _is_verb_use(words, i):
                # "Priya reviews every application": "Application review"; "we'll call your
                # references": the event is further on
                named = _verb_object_name(words, i)
                if named:
                    return named
                continue
            end = i + 1
            while end < len(words) and singular(words[end]) in P.CORE_EVENT_NOUNS:
                end += 1
            start = i
            kept: list[str] = []
            j = i - 1
            while j >= 0 and len(kept) < 3:
                low = words[j].lower()
                if is_number(words[j]) or low in ("minute", "minutes", "hour", "hours", "-"):
                    j -= 1
                    continue
                if not words[j][0].isalpha() or low in _NOT_MODIFIERS or low in P.OWNER_STOPS:
                    break
                if low in P.STEP_VERBS and (j == 0 or words[j - 1].lower() in _SUBJECTS):
                    break  # "we *check* references": the verb, not a kind of reference
                kept.insert(0, words[j])
                j -= 1
            start = i
            name = " ".join([*kept, *words[start:end]])
            return name[0].upper() + name[1:]
    verb = words[0].lower() if words else ""
    if verb in P.CANDIDATE_VERBS:
        return P.CANDIDATE_VERBS[verb]
    if who:
        # "you have an hour with our CFO": a meeting with the person it names
        return f"Meeting with {who[0]}"
    short: list[str] = []
    for word in words:
        if word in CLAUSE_MARKS or word == "," or len(short) == _MAX_FALLBACK_WORDS:
            break
        short.append(word)
    while short and (short[-1].lower() in _NOT_MODIFIERS or short[-1].lower() in P.OWNER_STOPS):
        short.pop()  # "Create an application portal with" -> "... portal"
    name = " ".join(short) or plain(sentence)[:40]
    return name[0].upper() + name[1:] if name else sentence


def _is_verb_use(words: list[str], i: int) -> bool:
    """Whether the event word at ``i`` is a verb: after who does it ("we'll *call*"), after
    "to" ("invited to *interview*"), or in the third person after a person ("Priya, our
    hiring manager, *reviews*")."""
    if i == 0:
        return False
    before = words[i - 1].lower()
    if before in _SUBJECTS or before.endswith(("'ll", "'re")) or before == "to":
        return True
    word = words[i]
    return word.islower() and word.endswith("s") and _names_person(words[:i])


def _names_person(words: list[str]) -> bool:
    from roledef.read.people import is_name, owner_of

    tail = [w for w in words if w != ","][-3:]
    return bool(tail) and (is_name(tail[-1:]) or owner_of(tail)[0] is not None)


def _verb_object_name(words: list[str], i: int) -> str | None:
    """``reviews every application`` -> ``Application review``: a verb of assessing and its
    object, named as the event."""
    verb = singular(words[i])
    if verb not in _OBJECT_VERBS:
        return None
    for word in words[i + 1 : i + 4]:
        low = word.lower()
        if low in _OBJECT_SKIP:
            continue
        if word[0].isalpha():
            return f"{singular(word).capitalize()} {verb}"
        break
    return None


def _main_clause(words: list[str]) -> list[str]:
    """The words after the opening clauses: "Next, candidates ..." -> "candidates ..."."""
    while words and words[0].lower() in P.LEADING_CLAUSE_WORDS:
        comma = next((i for i, w in enumerate(words[:10]) if w == ","), None)
        if words[0].lower() in _ADVERBS and comma != 1:
            comma = None  # "Third interview, hopefully ...": not "Third, ..."
        if comma is None:
            if words[0].lower() in ("next", "then", "finally", "first", "lastly"):
                words = words[1:]
                continue
            break
        words = words[comma + 1 :]
    return words
