"""What a heading or a label paragraph names: a section kind, or an onboarding period.

Both answers come from the tables of :mod:`roledef.read.vocab`; this module only normalises the
text before looking it up.
"""

from __future__ import annotations

import re

from roledef.read import vocab
from roledef.text import normalize_heading, plain


def classify(text: str, aliases: dict[str, str] | None = None) -> str | None:
    """The section kind a heading or label names, or None when it is not a known section."""
    key = normalize_heading(text)
    table = aliases if aliases is not None else vocab.SECTION_ALIASES
    if key in table:
        return table[key]
    if any(p().search(key) for p in vocab.NON_RESPONSIBILITY_PATTERNS):
        return vocab.NON_RESPONSIBILITIES
    if any(p().search(key) for p in vocab.HIRING_PLAN_PATTERNS):
        return vocab.HIRING_PLAN
    return None


def parse_period(text: str) -> tuple[str, str | None] | None:
    """``"Week 1 – 4: Immerse"`` -> ``("Week 1-4", "Immerse")``; None if not a period."""
    m = vocab.PERIOD_RE().match(plain(text).strip().rstrip(":").strip())
    if not m:
        return None
    period = re.sub(r"\s*(?:-|–|—)\s*", "-", m.group("period"))
    period = re.sub(r"\s+", " ", period).strip()
    title = (m.group("title") or "").strip().rstrip(":").strip() or None
    return period, title


def label_name(text: str) -> str:
    """A heading or label as a name: markup and the closing colon gone."""
    return plain(text).rstrip(":").strip()
