"""Reading one hiring step: its name, owner, duration, optional flag and link, out of the prose.

A step comes either as one list item (``1. CTO Interview (45m): ... Done by the CTO.``) or as a
heading with a body (``### CTO Interview (45m)``). The patterns themselves live in
:mod:`roledef.read.vocab`.
"""

from __future__ import annotations

import re

from roledef.model import HiringStep, Span
from roledef.read import vocab
from roledef.text import Regex, first_link, fold, plain, split_lead

_SENTENCE_END_RE = Regex(r"(?<=[.!?])\s+(?=[A-Z(\[*_])")
_PAREN_RE = Regex(r"\(([^()]*)\)")
_LINK_FULL_RE = Regex(r"\[([^\[\]]*)\]\(([^)\s\[]*)\)")  # linear: see text._LINK_RE
_DURATION_PAREN_RE = Regex(r"^\s*[\d.]+")
_FOR_DURATION_RE = Regex(
    r"(?<!\s)\s+for\s+(?:about\s+|around\s+|up\s+to\s+)?" + vocab.DURATION_RE.pattern, re.IGNORECASE
)
_LEADING_DURATION_RE = Regex(r"^\s*" + vocab.DURATION_RE.pattern + r"\s+", re.IGNORECASE)


def _minutes(value: str, unit: str) -> int:
    number = float(value)
    return round(number * 60) if unit.lower().startswith("h") else round(number)


def parse_duration(text: str, *, anchored: bool) -> tuple[int | None, int | None]:
    """The first duration in ``text`` as (minutes, max minutes).

    ``anchored`` accepts only the forms that state the step's own length ("for 20 minutes",
    "(45m)", a leading "30-minute"), so a number inside prose ("a 10-minute presentation") is not
    taken for the duration of the step.
    """
    for m in vocab.DURATION_RE().finditer(text):
        if anchored:
            before = text[: m.start()]
            if not re.search(
                r"(?:^\W*|\bfor\s+(?:about\s+|around\s+|up\s+to\s+|roughly\s+)?|\(\s*)$",
                before,
                re.IGNORECASE,
            ):
                continue
        low = _minutes(m.group("low"), m.group("unit"))
        high = m.group("high")
        return low, (_minutes(high, m.group("unit")) if high else None)
    return None, None


def _parenthesised_duration(text: str) -> tuple[int | None, int | None]:
    """A duration that opens a parenthesis: "(2 hours, unpaid)", "(45m)"."""
    for m in _PAREN_RE().finditer(text):
        if _DURATION_PAREN_RE().match(m.group(1)):
            found = parse_duration(m.group(1), anchored=True)
            if found[0] is not None:
                return found
    return None, None


def clean_owner(phrase: str) -> str | None:
    """``"the VP of Sales or another key stakeholder."`` -> ``"VP of Sales"``."""
    phrase = plain(phrase).strip(" .,:;*_")
    # "the hiring manager or recruiter" names two owners; "or another stakeholder" does not
    parts = re.split(r"\s+(or|and)\s+", phrase)
    kept = _one_owner(parts[0])
    for joiner, part in zip(parts[1::2], parts[2::2], strict=False):
        alt = _one_owner(part)
        whole = vocab.OWNER_ARTICLES_RE().sub("", part.strip(" .,:;"))
        if not alt or alt != whole or not vocab.OWNER_ALTERNATIVE_RE().match(alt):
            break
        kept = f"{kept} {joiner} {alt}"
    return kept or None


def _one_owner(phrase: str) -> str:
    phrase = vocab.OWNER_STOP_RE().sub("", phrase).strip(" .,:;")
    return vocab.OWNER_ARTICLES_RE().sub("", phrase).strip()


def find_owner(name: str | None, text: str) -> str | None:
    """Who runs the step: an explicit "done by" beats the step name, which beats "with X"."""
    flat = plain(text)
    for m in vocab.OWNER_BY_RE().finditer(flat):
        owner = clean_owner(m.group("owner"))
        if owner:
            return owner
    if name:
        named = vocab.OWNER_IN_NAME_RE().match(plain(name))
        if named and "/" not in named.group("owner"):
            owner = clean_owner(named.group("owner"))
            if owner and vocab.OWNER_KEYWORDS_RE().search(owner):
                return owner
    for m in vocab.OWNER_WITH_RE().finditer(flat):
        owner = clean_owner(m.group("owner"))
        if owner and vocab.OWNER_KEYWORDS_RE().search(owner) and len(owner.split()) <= 6:
            return owner
    return None


def _strip_owner_sentences(text: str) -> str:
    """Remove stand-alone "Done by the CTO." sentences; the owner is kept in its own field."""
    lines = []
    for line in text.strip().split("\n"):
        sentences = _SENTENCE_END_RE().split(line)
        kept = [s for s in sentences if not vocab.OWNER_SENTENCE_RE().fullmatch(s.strip())]
        if kept or not line.strip():
            lines.append(" ".join(kept).rstrip())
    return "\n".join(lines).strip()


def _name_parts(lead: str) -> tuple[str | None, str | None, str | None, bool]:
    """Name, focus, link and optional flag from a lead such as
    ``[Screening call](url) (**optional**) (STAR, Product) for 45m``."""
    optional = bool(vocab.OPTIONAL_RE().search(lead))
    lead = vocab.OPTIONAL_RE().sub("", lead)
    link = None
    found = first_link(lead)
    if found:
        link = found[1] or None
    lead = _LINK_FULL_RE().sub(lambda m: m.group(1), lead)
    lead = _FOR_DURATION_RE().sub("", lead)
    lead = _LEADING_DURATION_RE().sub("", lead)
    focus_parts: list[str] = []

    def _paren(m: re.Match[str]) -> str:
        inner = m.group(1).strip()
        if vocab.DURATION_RE().search(inner) and _DURATION_PAREN_RE().match(inner):
            rest = vocab.DURATION_RE().sub("", inner, count=1).strip(" ,;")
            if rest:
                focus_parts.append(rest)
        elif inner:
            focus_parts.append(inner)
        return ""

    lead = _PAREN_RE().sub(_paren, lead)
    name = plain(lead).strip(" .:-–—") or None
    if name:
        name = name[0].upper() + name[1:]
    return name, ("; ".join(focus_parts) or None), link, optional


def _cut_owner_tail(name: str) -> tuple[str, str | None]:
    """ "Screening call with recruiter" -> ("Screening call", "with recruiter").

    The owner gets its own field; the tail is kept as the description so no word is lost.
    """
    m = re.search(r"\s+(?:by|with)\s+(?P<who>.+)$", name, re.IGNORECASE)
    if m and (
        m.group(0).strip().lower().startswith("by")
        or vocab.OWNER_KEYWORDS_RE().search(m.group("who"))
    ):
        return name[: m.start()].strip(), m.group(0).strip()
    return name, None


def parse_step_item(text: str, span: Span, extra: str | None = None) -> HiringStep:
    """A step written as one list item; ``extra`` is markdown nested under the item."""
    text = fold(text)
    name_lead, rest = split_lead(text)
    if name_lead is None or _looks_like_sentence_lead(text, name_lead):
        # "Resume screening by hiring manager." / "[Screening call](url) for 20 minutes. Done by X."
        sentences = _SENTENCE_END_RE().split(text, maxsplit=1)
        lead = sentences[0].rstrip(".")
        rest = sentences[1] if len(sentences) > 1 else None
        duration = parse_duration(lead, anchored=True)
        name, focus, link, optional = _name_parts(lead)
        if name:
            name, tail = _cut_owner_tail(name)
            if tail and not vocab.OWNER_BY_RE().search(
                "done " + tail if tail.startswith("by") else tail
            ):
                rest = f"{tail[0].upper()}{tail[1:]}." + (f" {rest}" if rest else "")
        owner_text = text
    else:
        lead = name_lead
        duration = parse_duration(lead, anchored=False)
        if duration == (None, None) and rest:
            # "Name: for 20 minutes, ..." or "Name: A take-home task (2 hours, unpaid)" state the
            # step's own length; "prepare a 10-minute pitch" does not.
            first = _SENTENCE_END_RE().split(rest, maxsplit=1)[0]
            if rest.lower().startswith("for "):
                duration = parse_duration(first, anchored=True)
            else:
                duration = _parenthesised_duration(first)
        name, focus, link, optional = _name_parts(lead)
        owner_text = text
    if rest and vocab.OPTIONAL_RE().search(rest[:20]):
        optional = True
    description = _strip_owner_sentences(rest) if rest else ""
    if extra:
        description = f"{description}\n\n{extra}".strip() if description else extra.strip()
    return HiringStep(
        name=name,
        description=description or None,
        owners=tuple(
            filter(None, [find_owner(name, owner_text + ("\n" + extra if extra else ""))])
        ),
        duration_minutes=duration[0],
        duration_max_minutes=duration[1],
        optional=optional,
        link=link,
        focus=focus,
        span=span,
    )


def _looks_like_sentence_lead(text: str, lead: str) -> bool:
    """A lead that ends a sentence before the colon is not a name."""
    return bool(re.search(r"[.!?]\s", plain(lead)))


def parse_step_heading(heading: str, body: str | None, span: Span) -> HiringStep:
    """A step written as a heading (``### CTO Interview (45m)``) with its body as description."""
    name, focus, link, optional = _name_parts(heading)
    duration = parse_duration(heading, anchored=False)
    description = _strip_owner_sentences(body) if body else ""
    return HiringStep(
        name=name,
        description=description or None,
        owners=tuple(filter(None, [find_owner(name, heading + "\n" + (body or ""))])),
        duration_minutes=duration[0],
        duration_max_minutes=duration[1],
        optional=optional,
        link=link,
        focus=focus,
        span=span,
    )
