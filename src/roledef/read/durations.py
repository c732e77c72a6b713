"""How long a hiring step takes, read wherever the text gives the step's own length.

A length is written in digits ("45m", "90 min", "1.5h", "45-60 minutes", "30-to-45-minute") or in
words ("half an hour", "an hour", "one hour", "an hour and a half", "two hours"). It is the
step's own length when

* the step's name or lead holds it ("STAR Interview (45 mins)", "20-minute screening call");
* it opens a parenthesis or follows *for*, *lasting*, *takes* ("for 20 minutes", "(2 hours,
  unpaid)");
* it qualifies the event the step is ("a 30-minute phone or video *interview*", "3 hours of
  *interviews* over two days", "schedule a 25 minute *call*");
* it opens a sentence of the step ("90 min with two engineers").

It is refused when it belongs to something else: a part of the step ("a 10-minute
*presentation*" inside an assessment, "90 minutes on *preparation*") unless the step is named
after that part, or a limit ("no *more* than 90 minutes", "*within* 2 hours", "*spend* 3
hours"). A step made of parts that each give a length (nested "Interview 1: ... (1 hour)") and
that gives none itself takes their sum. Days and weeks are never a step's length.
"""

from __future__ import annotations

import re

from roledef.read import phrases as P
from roledef.read.words import singular, tokens
from roledef.text import Regex, plain

Minutes = tuple[int | None, int | None]
NONE: Minutes = (None, None)

_NUM = r"\d+(?:\.\d+)?"
_SEP = r"\s*(?:[-–—‑]\s*to\s*[-–—‑]|[-–—‑]|to)\s*"
_NUMBER_WORD = "|".join(sorted(P.NUMBER_WORDS, key=len, reverse=True))
#: A length in digits or in words; ``low``/``high`` digits, ``word`` a number word.
LENGTH_RE = Regex(
    rf"(?<![\w.])(?:(?P<hh>\d+)\s*h\s*(?P<mm>\d\d?)\s*m?(?:ins?)?"
    rf"|(?P<low>{_NUM})(?:{_SEP}(?P<high>{_NUM}))?\s*(?:[-–‑\u00a0]\s*)?"
    rf"(?P<unit>minutes?|mins?|m|hours?|hrs?|h)"
    rf"|(?P<half>half\s+an\s+hour)"
    rf"|(?P<day>(?:half|full|whole)[\s-]+day|half\s+a\s+day)"
    rf"|(?P<word>{_NUMBER_WORD})(?P<whalf>\s+and\s+a\s+half)?[\s-]+(?P<wunit>hours?|minutes?|mins?)"
    rf"(?P<andhalf>\s+and\s+a\s+half)?)(?![\w])",
    re.IGNORECASE,
)


#: The most events a count before a length multiplies it by ("three 30-minute conversations").
_MAX_COUNT = 10

#: How many characters around a length are read to tell whose length it is (a few words).
_WINDOW = 80

#: Words that say a length is the step's whole: "the *whole* session is 1.5h".
_WHOLE = frozenset({"whole", "entire", "total", "overall", "altogether", "all"})
_PREPARING = frozenset({"prepare", "preparing", "preparation", "prep"})


class Mention:
    """One length in a text: its minutes, where it is, and the words around it."""

    __slots__ = ("end", "high", "low", "start")

    def __init__(self, low: int, high: int | None, start: int, end: int) -> None:
        self.low = low
        self.high = high
        self.start = start
        self.end = end


def _to_minutes(value: float, unit: str) -> int:
    return round(value * 60) if unit.lower().startswith("h") else round(value)


def mentions(text: str) -> list[Mention]:
    """Every length written in ``text`` (plain text), in order."""
    found = []
    for m in LENGTH_RE().finditer(text):
        if m.group("hh"):
            low, high = int(m.group("hh")) * 60 + int(m.group("mm")), None
        elif m.group("low"):
            unit = m.group("unit")
            low = _to_minutes(float(m.group("low")), unit)
            high = _to_minutes(float(m.group("high")), unit) if m.group("high") else None
        elif m.group("half"):
            low, high = 30, None
        elif m.group("day"):  # a working day of 8 hours
            low, high = (240 if m.group("day").lower().startswith("half") else 480), None
        else:
            word, unit = m.group("word").lower(), m.group("wunit")
            if word in ("a", "an", "half") and not unit.lower().startswith("h"):
                continue  # "a minute", "half minutes": no length
            value = P.NUMBER_WORDS[word] + (0.5 if m.group("whalf") or m.group("andhalf") else 0)
            low, high = _to_minutes(value, unit), None
        found.append(Mention(low, high, m.start(), m.end()))
    return found


def _before(text: str, mention: Mention, count: int) -> list[str]:
    """The last ``count`` words before a length."""
    return tokens(text[max(0, mention.start - _WINDOW) : mention.start])[-count:]


def _after(text: str, mention: Mention, count: int) -> list[str]:
    """The first ``count`` words after a length."""
    return tokens(text[mention.end : mention.end + _WINDOW])[:count]


def is_own(text: str, mention: Mention, name_words: frozenset[str]) -> bool:
    """Whether the length at ``mention`` in ``text`` is the step's own (see the module)."""
    before = _before(text, mention, 4)
    after = _after(text, mention, 5)
    low_before = [w.lower() for w in before]
    if any(w in _PREPARING for w in low_before[-3:]):
        return False  # "prepare for 90 minutes": the time to prepare
    if _is_limit(low_before) and not (low_before and low_before[-1] in ("for", "(")):
        return False
    noun = _qualified_noun(after)
    if noun is not None:
        if noun in name_words:
            return True
        if noun in P.PART_NOUNS:
            return False
        return noun in P.EVENT_NOUNS
    if not low_before or low_before[-1] in ("(", ":", "-", "—", ",") or before[-1] in ".!?":
        return True
    return low_before[-1] in P.OWN_BEFORE


def _is_limit(before: list[str]) -> bool:
    """Whether the words before a length make it a limit: "no *more* than", "*within*",
    "*at most*" (but not "*most* people spend")."""
    near = before[-3:]
    if "most" in near and "at" not in near:
        near = [w for w in near if w != "most"]
    return any(w in P.CAP_WORDS for w in near)


def _qualified_noun(after: list[str]) -> str | None:
    """The event or part a length qualifies: "-minute phone *interview*", "of *interviews*",
    "on *preparation*", "to *prepare*"; None when the length stands alone."""
    words = [w.lower() for w in after if w not in ("-", "long")]
    if words[:1] in (["of"], ["on"], ["to"], ["for"]):
        words = words[1:2] if words[:1] != ["for"] else []
        if words and words[0] in ("a", "an", "the", "your"):
            return None
    for word in words[:4]:
        if word in ("(", ")", ",", ".", ";", ":") or word in P.OWNER_STOPS:
            break  # "1 hour *including* feedback": the length stands alone
        if word in P.PART_NOUNS or singular(word) in P.EVENT_NOUNS or word in P.EVENT_NOUNS:
            return singular(word) if word not in P.PART_NOUNS else word
    return None


def own_length(text: str, name: str | None) -> Minutes:
    """The step's own length in ``text``, as (minutes, max minutes): the one said to be the
    whole ("the whole session is 1.5h"), else the first."""
    flat = plain(text)
    name_words = _name_words(name)
    own = [m for m in mentions(flat) if is_own(flat, m, name_words)]
    for mention in own:
        if any(w.lower() in _WHOLE for w in _before(flat, mention, 5)):
            return _times(flat, mention)
    return _times(flat, own[0]) if own else NONE


def lead_length(lead: str) -> Minutes:
    """A length in the step's name or lead: its own unless it qualifies a part of the step."""
    flat = plain(lead)
    for mention in mentions(flat):
        noun = _qualified_noun(_after(flat, mention, 5))
        before = [w.lower() for w in _before(flat, mention, 3)]
        if (noun in P.PART_NOUNS and noun not in _name_words(lead)) or _is_limit(before):
            continue
        return _times(flat, mention)
    return NONE


def _times(text: str, mention: Mention) -> Minutes:
    """A length counted as often as the events it qualifies: "three 30-minute conversations"
    take 90 minutes."""
    before = [w.lower() for w in _before(text, mention, 3)]
    after = _after(text, mention, 4)
    if len(before) == 3 and before[2] == "of" and before[1].endswith("s"):
        # "4 interviews of 45 minutes each": the count is before the events
        before, after = before[:1], [before[1]]
    before = before[-1:]
    count = P.NUMBER_WORDS.get(before[0]) if before else None
    if before and before[0].isdigit() and 1 < int(before[0]) <= _MAX_COUNT:
        count = int(before[0])
    noun = _qualified_noun(after)
    plural = any(w.lower().endswith("s") and singular(w) == noun for w in after)
    if count is None or not 1 < count <= _MAX_COUNT or not plural:
        return mention.low, mention.high
    times = round(count)
    return mention.low * times, (mention.high * times if mention.high is not None else None)


def parts_length(parts: list[str], name: str | None) -> Minutes:
    """The sum of the lengths of a step's parts, each given in its own nested item."""
    total_low = total_high = 0
    counted = 0
    ranged = False
    name_words = _name_words(name)
    for part in parts:
        flat = plain(part)
        own = [m for m in mentions(flat) if is_own(flat, m, name_words)]
        if len(own) != 1:
            continue
        counted += 1
        total_low += own[0].low
        total_high += own[0].high if own[0].high is not None else own[0].low
        ranged = ranged or own[0].high is not None
    if counted < 2:
        return NONE
    return total_low, (total_high if ranged else None)


def _name_words(name: str | None) -> frozenset[str]:
    if not name:
        return frozenset()
    return frozenset(singular(w) for w in tokens(name)) | frozenset(w.lower() for w in tokens(name))
