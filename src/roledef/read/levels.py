"""The levels of a job family: one role described at several grades in one file.

A handbook may describe a role at each of its grades ("Junior Engineer", "Senior Engineer";
"Level 1", "Level 2"; "Engineer+support", "Engineer+support+lead"), each with its own duties and
skills. Two ways of writing it are read:

- *level headings*: sibling headings that each name a grade of the role, with the level's prose,
  duty lists and skills below them (the usual sections, one heading level down, or label
  paragraphs). What sits below a level heading belongs to that level, until a heading at its
  level or above that is not a level;
- *a table of levels*: a markdown table whose first column is the job title or level
  ("| Job Title | Score | Salary |"), with at least two rows that name a grade of the same role;
  each row is a level, its other cells its summary. The table stays where it is (in its section).

A heading names a grade when it holds a seniority word (junior, senior, staff, principal, lead,
...) or a grade ("Level 3", "L4", "Grade B", "Engineer II") and the rest of it names the role:
nothing else, or words of the role's title ("Senior Engineer" in "Engineer"), or, after "Level N",
a name of its own ("Level 3 - Domain Leader"). A variant of the role is the role's title, a ``+``
and a qualifier ("Engineer+support"). One such heading alone is not a family: a level has a
sibling at the same heading level; among levels, a heading that is the role's title alone
("Data Engineer" between "Junior Data Engineer" and "Senior Data Engineer") is a level too. Not
levels: "Lead Backlog Refinement" (a duty: the rest does
not name the role), several different roles in one file ("Tech Lead", "Lead Themer"), a page of
levels across all roles, which is told apart elsewhere.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from roledef.model import Level, Skills, Span
from roledef.read import vocab
from roledef.read.labels import classify
from roledef.text import Regex, plain

if TYPE_CHECKING:
    from roledef.read.state import ReadState

#: Words that name a seniority when they stand alone in a heading.
SENIORITY_WORDS = frozenset(
    {
        "junior",
        "jr",
        "medior",
        "mid",
        "mid-level",
        "intermediate",
        "senior",
        "sr",
        "staff",
        "principal",
        "lead",
        "expert",
        "associate",
        "distinguished",
        "graduate",
        "entry-level",
        "trainee",
        "apprentice",
    }
)

#: A grade written as a number or letter: "Level 3", "Grade B", "Band 2", "Tier IV", "L4", "IC3".
_GRADE_RE = Regex(
    r"\b(?:level|grade|band|tier)\s+(?:\d+|[A-Z]\b|[IVX]+\b)|\b(?:L|IC)\d+\b", re.IGNORECASE
)
#: A grade as a Roman numeral after the title: "Engineer II", "Senior Staff Engineer III".
_ROMAN_RE = Regex(r"\s(?:II|III|IV|V|VI)$")
#: "Level 3 - Domain Leader": a numbered grade followed by a name of its own.
_NAMED_GRADE_RE = Regex(
    r"^(?:level|grade|band|tier)\s+(?:\d+|[A-Z]|[IVX]+)\s*(?:[-:–—]|$)|^(?:L|IC)\d+\s*(?:[-:–—]|$)",
    re.IGNORECASE,
)
_ROMAN_WORDS = frozenset({"i", "ii", "iii", "iv", "v", "vi"})
_WORD_RE = Regex(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_PLACEHOLDER_RE = Regex(r"\{[^{}]*\}")
_ATX_RE = Regex(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$")
_FENCE_RE = Regex(r"^ {0,3}(```|~~~)")
#: The first column of a table of levels: what each row names.
_TABLE_KEYS = frozenset({"job title", "title", "level", "grade", "band", "position", "role"})
#: Words of a title that do not name the role: "Role: Engineer", "Job Description - Engineer".
_TITLE_NOISE = frozenset({"role", "job", "description", "the", "a", "an", "of", "and"})


def _words(text: str) -> list[str]:
    return _WORD_RE().findall(_PLACEHOLDER_RE().sub(" ", plain(text)).lower())


def _role_words(title: str | None) -> set[str]:
    return {w for w in _words(title or "") if w not in _TITLE_NOISE}


def grade_rest(text: str) -> tuple[bool, frozenset[str]]:
    """Whether ``text`` holds a seniority or grade, and its other words (what role it names)."""
    words = _words(_GRADE_RE().sub(" ", text))
    graded = _GRADE_RE().search(text) is not None or _ROMAN_RE().search(text) is not None
    rest = [w for w in words if w not in SENIORITY_WORDS and w not in _ROMAN_WORDS]
    return graded or len(rest) < len(words), frozenset(rest)


def names_grade(text: str, title: str | None) -> bool:
    """Whether a heading names a grade or variant of the role titled ``title`` (None: unknown)."""
    text = plain(text).strip().rstrip(":").strip()
    if not text or len(text) > 80:
        return False
    if _NAMED_GRADE_RE().match(text):
        return True
    role_words = _role_words(title)
    parts = text.split("+")
    if len(parts) > 1:  # a variant: "Engineer+support" (not "C++ Engineer")
        return (
            all(p.strip() for p in parts)
            and bool(role_words)
            and set(_words(parts[0])) == role_words
        )
    graded, rest = grade_rest(text)
    return graded and (not rest or (bool(role_words) and rest <= role_words))


def _is_title(text: str, title: str | None) -> bool:
    """Whether a heading is the role's own title: among its grades, the base grade."""
    words = set(_words(text))
    return bool(words) and words == _role_words(title)


class _Draft:
    """A level being read: its heading, and where its content starts and ends in the lists."""

    __slots__ = ("depth", "ends", "name", "span", "starts")

    def __init__(self, name: str, depth: int, span: Span, starts: tuple[int, ...]) -> None:
        self.name = name
        self.depth = depth
        self.span = span
        self.starts = starts
        self.ends: tuple[int, ...] | None = None


class Levels:
    """The level headings read so far; the one open takes what the reader collects."""

    def __init__(self) -> None:
        self.drafts: list[_Draft] = []
        self.open: _Draft | None = None


def _counts(st: ReadState) -> tuple[int, ...]:
    items = st.items
    return (len(st.summary), len(items.responsibilities), len(items.required), len(items.nice))


def _has_sibling(st: ReadState, start: int, depth: int) -> bool:
    """Whether a later heading at ``depth``, before any heading above it, names a grade too."""
    fenced = False
    title = st.title[0] if st.title else None
    for line in st.lines[start + 1 :]:
        if _FENCE_RE().match(line):
            fenced = not fenced
            continue
        m = None if fenced else _ATX_RE().match(line)
        if m is None:
            continue
        level = len(m.group(1))
        if level < depth:
            return False
        if level == depth and names_grade(m.group(2), title):
            return True
    return False


def heading(st: ReadState, text: str, level: int, start: int, span: Span) -> bool:
    """Read a heading for the levels: True when it starts a level (nothing else to do with it).

    A heading at the open level's depth or above ends that level. A known section heading below
    an open level starts that section inside the level.
    """
    found = st.levels
    if found.open is not None and level <= found.open.depth:
        found.open.ends = _counts(st)
        found.open = None
    title = st.title[0] if st.title else None
    if (names_grade(text, title) or _is_title(text, title)) and classify(text, st.aliases) is None:
        siblings = any(d.depth == level for d in found.drafts)
        if siblings or _has_sibling(st, start, level):
            st.sections.close(start)
            found.open = _Draft(plain(text).strip().rstrip(":").strip(), level, span, _counts(st))
            found.drafts.append(found.open)
            at = st.at
            at.kind, at.level, at.group, at.sub, at.phase_level = (
                vocab.JOB_DESCRIPTION,
                level,
                None,
                None,
                0,
            )
            return True
    if found.open is not None and st.at.kind == vocab.JOB_DESCRIPTION:
        kind = classify(text, st.aliases)
        if kind not in (None, vocab.EXTRA, vocab.JOB_DESCRIPTION):
            # a known section below a level: read as that section (the level's own duties and
            # skills; a hiring plan or 90-day plan is the role's), not as a group of duties
            st.at.kind = None
    return False


def finish(st: ReadState) -> tuple[Level, ...]:
    """The levels read, their content taken out of the role's lists; else a table's levels."""
    found = st.levels
    if found.open is not None:
        found.open.ends = _counts(st)
        found.open = None
    if not found.drafts:
        return table_levels(st.lines, st.title[0] if st.title else None)
    items = st.items
    lists = [items.responsibilities, items.required, items.nice]
    taken: list[set[int]] = [set(), set(), set(), set()]
    levels = []
    for draft in found.drafts:
        ends = draft.ends or _counts(st)
        for n, (low, high) in enumerate(zip(draft.starts, ends, strict=True)):
            taken[n].update(range(low, high))
        duties, required, nice = (
            tuple(whole[low:high])
            for whole, low, high in zip(lists, draft.starts[1:], ends[1:], strict=True)
        )
        prose = [p for p in st.summary[draft.starts[0] : ends[0]] if p.strip()]
        summary = "\n\n".join(prose) or None
        levels.append(Level(draft.name, summary, duties, Skills(required, nice), draft.span))
    st.summary[:] = [p for i, p in enumerate(st.summary) if i not in taken[0]]
    for whole, gone in zip(lists, taken[1:], strict=True):
        whole[:] = [x for i, x in enumerate(whole) if i not in gone]
    return tuple(levels)


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [c.strip() for c in re.split(r"(?<!\\)\|", inner)]


_DELIMITER_CELL_RE = Regex(r"^:?-{3,}:?$")


def _is_delimiter(line: str) -> bool:
    """``| --- | :---: |``: the line under a table's header."""
    cells = _cells(line)
    return "-" in line and all(_DELIMITER_CELL_RE().match(c) for c in cells)


def table_levels(lines: list[str], title: str | None) -> tuple[Level, ...]:
    """The rows of the first table of levels in ``lines`` (see the module's docstring)."""
    fenced = False
    for i, line in enumerate(lines[:-1]):
        if _FENCE_RE().match(line):
            fenced = not fenced
        if fenced or "|" not in line or not _is_delimiter(lines[i + 1]):
            continue
        header = _cells(line)
        if plain(header[0]).strip().lower() not in _TABLE_KEYS:
            continue
        rows = []
        for n in range(i + 2, len(lines)):
            if "|" not in lines[n] or not lines[n].strip():
                break
            rows.append((n, _cells(lines[n])))
        if _a_family([cells[0] for _, cells in rows if cells], title):
            return tuple(_row_level(n, cells, header, lines) for n, cells in rows if cells[0])
    return ()


def _a_family(names: list[str], title: str | None) -> bool:
    """Whether the first cells of a table name grades of one role: two name a seniority or grade,
    and the rest of each names the same role (or words of the role's title)."""
    role_words = _role_words(title)
    bases = []
    for name in names:
        graded, rest = grade_rest(plain(name))
        if graded:
            bases.append("" if rest <= role_words else " ".join(sorted(rest)))
    return any(bases.count(b) >= 2 for b in bases)


def _row_level(n: int, cells: list[str], header: list[str], lines: list[str]) -> Level:
    details = [f"{plain(h).strip()}: {c}" for h, c in zip(header[1:], cells[1:], strict=False) if c]
    span = Span(n + 1, 1, n + 1, max(1, len(lines[n])))
    return Level(plain(cells[0]).strip(), "; ".join(details) or None, span=span)
