"""Who runs the hiring steps: owner names folded into one key per person or team.

Handbooks write the same owner many ways ("the hiring manager", "Hiring Manager",
"hiring manager."). The key drops case, leading articles and trailing punctuation; the name shown
is the spelling used most often (the first one written on a tie). Owners that name two people
("hiring manager or recruiter") stay one owner: the file does not say which of them runs the step.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from roledef.text import Regex

_ARTICLE_RE = Regex(r"^(?:the|a|an|our|your)\s+", re.IGNORECASE)
_SPACE_RE = Regex(r"\s+")
_TRAILING = " .,;:!"


def clean(owner: str) -> str:
    """The owner as written, without surrounding spaces, doubled spaces or final punctuation."""
    return _SPACE_RE().sub(" ", owner).strip(_TRAILING)


def owner_key(owner: str) -> str:
    """The key two spellings of the same owner share: ``"The Hiring Manager."`` -> ``"hiring
    manager"``."""
    text = clean(owner)
    while True:
        shorter = _ARTICLE_RE().sub("", text, count=1)
        if shorter == text:
            break
        text = shorter
    return text.casefold()


@dataclass
class OwnerTally:
    """What one owner does across the handbook, filled step by step."""

    spellings: Counter[str] = field(default_factory=Counter)
    steps: int = 0
    minutes: int = 0
    minutes_max: int = 0
    duration_unknown: int = 0
    #: file -> [steps, timed steps, minutes, minutes_max], in the order the files were added
    per_role: dict[str, list[int]] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)

    def add(self, written: str, file: str, title: str, low: int | None, high: int | None) -> None:
        """Count one step this owner runs in ``file``; ``low``/``high``: its duration range."""
        self.spellings[clean(written)] += 1
        self.steps += 1
        row = self.per_role.setdefault(file, [0, 0, 0, 0])
        self.titles[file] = title
        row[0] += 1
        if low is None:
            self.duration_unknown += 1
            return
        top = high if high is not None and high >= low else low
        self.minutes += low
        self.minutes_max += top
        row[1] += 1
        row[2] += low
        row[3] += top

    @property
    def name(self) -> str:
        """The spelling written most often; on a tie, the one written first."""
        best = max(self.spellings.values())
        return next(s for s, n in self.spellings.items() if n == best)

    def to_dict(self, key: str) -> dict[str, object]:
        """The owner's figures as plain data."""
        return {
            "name": self.name,
            "key": key,
            "spellings": sorted(self.spellings),
            "plans": len(self.per_role),
            "steps": self.steps,
            "duration_known": self.steps - self.duration_unknown,
            "duration_unknown": self.duration_unknown,
            "minutes": self.minutes,
            "minutes_max": self.minutes_max,
            "roles": [
                {
                    "file": file,
                    "title": self.titles[file],
                    "steps": steps,
                    "duration_known": timed,
                    "minutes": low,
                    "minutes_max": high,
                }
                for file, (steps, timed, low, high) in self.per_role.items()
            ],
        }


def owner_rows(tallies: dict[str, OwnerTally]) -> list[dict[str, object]]:
    """Owners as plain data, the busiest first: by plans, then minutes, then name."""
    rows = [tally.to_dict(key) for key, tally in tallies.items()]
    rows.sort(key=lambda r: (-_int(r["plans"]), -_int(r["minutes"]), str(r["key"])))
    return rows


def _int(value: object) -> int:
    return value if isinstance(value, int) else 0
