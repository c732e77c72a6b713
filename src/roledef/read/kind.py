"""Is this file a role file? One answer, by content, for every command.

A role in (with its :class:`~roledef.model.SourceInfo`) and, when there is one, the file's text;
out a :class:`Kind`: whether the file describes a role, and a short reason a message can quote
("an index page: 14 links and no sections of a role"). A file name proves nothing: handbooks
name role files ``README.md``, and keep an ``index.md`` or a levels page next to their roles.

The reading, in order:

1. A known section of a role (job description, responsibilities, skills) makes a role.
2. Pages that are something else by their shape: a hiring-process page (its title names the
   hiring, interview or recruiting process and no role), a level ladder (its title names levels,
   bands or a career framework and no one role; or three "Level N" headings under a title that
   names no role), an index page (a body that is mostly links, or a title that names a
   collection, such as "Job Descriptions", over no sections or over a section and a link per
   role). A shape read from the title its author gave the page counts however short the page.
3. Otherwise the evidence of a role, two pieces of which make one: a title that names a role
   ("Senior Data Engineer", "Head of Growth"; two pieces), headings in the words of a job
   description ("Requirements", "What you'll do", "Vos tâches"), headings that name roles
   (several roles in one file), the wording of a job description in the prose ("you will",
   "we are looking for", "responsible for"), an onboarding plan.
4. A file too short to judge (under 40 words and 3 headings: a role being written), or whose
   front matter cannot be read, is a role; a longer file with no evidence is not ("no sections
   or wording of a role": a README, a changelog, a page of documentation).

Every reading here is of English (and the French, German and Spanish of multilingual
handbooks) as a person reads a page; nothing depends on one handbook's headings, so a handbook
the vocabulary has not met is read the same way. The words are tables of data in
:mod:`roledef.read.kindvocab`.
"""

from __future__ import annotations

from functools import cached_property
from typing import Final, Literal

from roledef.model import YAML, Role
from roledef.read import vocab
from roledef.read.kindvocab import (
    COLLECTION_RE,
    COMPOUND_HEADS,
    HIRING_RE,
    LADDER_RE,
    ROLE_HEADING_RE,
    ROLE_NOUNS,
    ROLE_PROSE_RE,
    ROLE_WORDS_RE,
)
from roledef.record import Record
from roledef.text import Regex, normalize_heading, plain

#: What a file is: a role, or the kind of page it is instead.
PageKind = Literal["role", "hiring", "ladder", "index", "other"]

_QUOTED_RE = Regex(r"`[^`]*`|\"[^\"]*\"|“[^”]*”")
_LINK_RE = Regex(r"\[[^\[\]\n]*\]\([^()\s]*\)|<a\s[^<>]*>|<https?://[^<>\s]+>")
_COMMENT_RE = Regex(r"<!--.*?-->")
_BRACKETS_RE = Regex(r"\([^)]*\)|\[[^\]]*\]")
_WORD_RE = Regex(r"[^\W\d_][\w'’·-]*")
_TABLE_RULE_CHARS = frozenset("|:- \t")
_LEVEL_HEADING_RE = Regex(r"^(?:level|band|grade|l)\s*\d")

#: Roles the reader recognises by their sections (the hiring plan alone is a hiring page's too).
ROLE_KINDS: Final[frozenset[str]] = frozenset(
    {
        vocab.JOB_DESCRIPTION,
        vocab.RESPONSIBILITIES,
        vocab.NON_RESPONSIBILITIES,
        vocab.SKILLS,
        vocab.SKILLS_REQUIRED,
        vocab.SKILLS_NICE,
    }
)

#: Fewer words of prose than this and a file is too short to judge: it is read as a role.
TOO_SHORT_WORDS = 40


class Kind(Record):
    """Whether a file is a role file, what it is instead, and why (for messages)."""

    __slots__ = ("is_role", "page", "reason")

    def __init__(self, is_role: bool, page: PageKind, reason: str) -> None:
        self.is_role: Final = is_role
        self.page: Final = page
        self.reason: Final = reason


def _words(text: str) -> list[str]:
    return _WORD_RE().findall(text.lower())


def _title_words(title: str) -> list[str]:
    title = _BRACKETS_RE().sub(" ", _COMMENT_RE().sub(" ", title))
    return _words(title)


def names_job(text: str) -> bool:
    """Whether a heading names a job: a job noun in the singular ("Tech Lead"), or a compound
    ending in one ("Softwareentwicklerin")."""
    return any(
        w in ROLE_NOUNS or w.split("·")[0] in ROLE_NOUNS or w.endswith(COMPOUND_HEADS)
        for w in _title_words(text)
    )


def names_role(title: str) -> bool:
    """Whether a title names one role: a job noun in the singular ("Site Reliability Engineer
    Levels", "Head of Growth at Gravitational"), or the words "role" or "position"."""
    if names_job(title):
        return True
    return bool(ROLE_WORDS_RE().search(" ".join(_title_words(title))))


def page_title(role: Role, text: str | None) -> str | None:
    """What a reader takes as the page's title: its level-1 heading or ``navTitle``, the
    front matter's ``title``, the first heading, or a first line written ``#Title``."""
    if role.source.title_source in ("heading", "navTitle"):
        return role.title
    front = role.front_matter.get("title")
    if isinstance(front, str) and front.strip():
        return front.strip()
    if role.source.headings:
        return plain(role.source.headings[0].text)
    if text:
        for line in text.split("\n"):
            if line.strip() and not line.startswith("---"):
                return line.lstrip("#").strip() if line.startswith("#") else None
    return None


class _Evidence:
    """What the file says about itself, gathered once: its headings and sections at once, its
    prose only when asked (a file with the sections of a role needs no more)."""

    def __init__(self, role: Role, text: str | None) -> None:
        self._role, self._text = role, text
        headings = role.source.headings
        self.role_sections: list[str] = sorted(
            {str(h.kind) for h in headings if h.kind in ROLE_KINDS}
        )
        if role.responsibilities or role.skills.required or role.skills.nice_to_have:
            self.role_sections = self.role_sections or ["lists"]
        self.front_matter_error = bool(role.source.front_matter_error)
        # an onboarding plan is evidence, not proof: a hiring handbook page has one too
        self.onboarding = bool(role.onboarding) or any(h.kind == "onboarding" for h in headings)
        self.hiring_sections = any(h.kind == "hiring_plan" for h in headings) or bool(
            role.hiring_plan
        )
        self._inner = [h for h in headings if h.kind != "title"]

    # the rest is read only for a file without the sections of a role (most files have them)
    @cached_property
    def title(self) -> str | None:
        return page_title(self._role, self._text)

    @cached_property
    def titled(self) -> bool:
        """A title the author gave the page (not its first heading, standing in for one)."""
        role = self._role
        return role.source.title_source in ("heading", "navTitle") or isinstance(
            role.front_matter.get("title"), str
        )

    @cached_property
    def title_norm(self) -> str:
        norm_title = normalize_heading(self.title) if self.title else ""
        return _COMMENT_RE().sub("", norm_title).strip()

    @cached_property
    def title_role(self) -> bool:
        return bool(self.title) and names_role(self.title or "")

    @cached_property
    def section_count(self) -> int:
        return len([h for h in self._inner if h.level <= 3 and not h.is_label])

    @cached_property
    def role_headings(self) -> int:
        return sum(1 for h in self._inner if ROLE_HEADING_RE().search(normalize_heading(h.text)))

    @cached_property
    def role_named_headings(self) -> int:
        """Headings that each name a role: a file of several roles ("## Tech Lead", "## Lead
        Engineer")."""
        named = sum(1 for h in self._inner if h.level <= 3 and names_job(h.text))
        return named if named * 3 >= max(self.section_count, 1) else 0

    @cached_property
    def level_headings(self) -> int:
        return sum(1 for h in self._inner if _LEVEL_HEADING_RE().match(normalize_heading(h.text)))

    @cached_property
    def body(self) -> str:
        """The prose: the text without front matter and code, or the model's text."""
        if self._text:
            return _without_code(_body(self._role, self._text))
        return _model_text(self._role)

    @cached_property
    def prose_hits(self) -> int:
        """How many different phrases of a job description the prose uses (not counting code
        spans and quotations: a page that quotes them is about role files, not one)."""
        prose = _QUOTED_RE().sub(" ", self.body.lower())
        return len({m.group(0) for m in ROLE_PROSE_RE().finditer(prose)})

    @cached_property
    def words(self) -> int:
        return len(_words(self.body))

    @cached_property
    def links(self) -> tuple[int, int, int]:
        """(links, lines that are mostly a link, lines of prose)."""
        return _links(self.body)


def _body(role: Role, text: str) -> str:
    """The text after the front matter (its keys are not what the page says)."""
    from roledef.read.frontmatter import split_front_matter

    lines = text.split("\n")
    found = split_front_matter(lines) if role.source.front_matter_span else None
    return "\n".join(lines[found[1] + 1 :]) if found and found[1] > 0 else text


def _without_code(text: str) -> str:
    """The text without its fenced code blocks (examples, not what the page says)."""
    kept: list[str] = []
    fence = ""
    for line in text.split("\n"):
        stripped = line.lstrip()
        if fence:
            if stripped.startswith(fence):
                fence = ""
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            continue
        kept.append(line)
    return "\n".join(kept)


def _model_text(role: Role) -> str:
    parts = [role.summary or "", *(s.body for s in role.sections)]
    for item in (*role.responsibilities, *role.skills.required, *role.skills.nice_to_have):
        parts += [item.name or "", item.description or ""]
    return "\n".join(parts)


def _links(body: str) -> tuple[int, int, int]:
    """(links, lines that are mostly a link, lines of prose) of a body."""
    links = link_lines = lines = 0
    for raw in body.split("\n"):
        line = raw.strip().lstrip("-*+>0123456789.) ").strip()
        if not line or raw.lstrip().startswith(("#", "---")) or _is_table_rule(line):
            continue
        lines += 1
        found = _LINK_RE().findall(line)
        links += len(found)
        # a table row of a list of links holds other cells too ("| Platform | [SRE](sre.md) |")
        share = 0.3 if line.startswith("|") else 0.6
        if found and sum(len(f) for f in found) >= share * len(line):
            link_lines += 1
    return links, link_lines, lines


def _is_table_rule(line: str) -> bool:
    """``| --- | :---: |``: the line under a table's header."""
    return "-" in line and set(line) <= _TABLE_RULE_CHARS


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _shape(ev: _Evidence) -> Kind | None:
    """A page that is something else by its shape, or None (for a file without the sections
    of a role)."""
    title = ev.title_norm
    if title and HIRING_RE().search(title) and not ev.title_role:
        return Kind(False, "hiring", "a hiring-process page")
    if not ev.title_role and ev.hiring_sections and not ev.role_headings:
        return Kind(
            False, "hiring", "a hiring-process page: hiring steps and no sections of a role"
        )
    if title and LADDER_RE().search(title) and not ev.title_role:
        return Kind(False, "ladder", "a level ladder: levels across several roles")
    if not ev.title_role and ev.level_headings >= 3:
        return Kind(False, "ladder", "a level ladder: levels across several roles")
    links, link_lines, lines = ev.links
    if links >= 3 and link_lines * 2 >= lines:
        reason = f"an index page: {_plural(links, 'link')} and no sections of a role"
        return Kind(False, "index", reason)
    if title and COLLECTION_RE().search(title):
        # "Careers" over "## Open positions": sections, but none in a role's words or names
        if ev.section_count == 0 or not (ev.role_headings or ev.role_named_headings):
            reason = f"an index page: a list of {title} with no sections of a role"
            return Kind(False, "index", reason)
        if links >= 3 and links >= ev.role_named_headings:  # a section per role, and its link
            reason = f"an index page: {_plural(links, 'link')} and no sections of a role"
            return Kind(False, "index", reason)
    return None


#: The top-level keys of a YAML role file (``roledef convert`` writes them all): the model's.
MODEL_FIELDS: Final = frozenset(Role.__slots__) - {"source"}


#: Why a YAML file is not a role file.
YAML_WITHOUT_KEYS = "a YAML file with none of the keys of a role"


def classify(role: Role, text: str | None = None) -> Kind:
    """Whether ``role`` (read from ``text``, when given) describes a role; see the module.

    A YAML file is a role file when it has one of the keys of a role; it says what it holds.
    """
    if role.source.format == YAML:
        if MODEL_FIELDS & set(role.source.field_spans):
            return Kind(True, "role", "the keys of a role")
        return Kind(False, "other", YAML_WITHOUT_KEYS)
    ev = _Evidence(role, text)
    if ev.role_sections:  # (no page of another shape has them: the prose need not be read)
        return Kind(True, "role", "sections of a role: " + ", ".join(ev.role_sections))
    shaped = _shape(ev)
    # a short file with few headings may be a role being written: only links, or a title its
    # author gave it that names something else, outweigh that; a file whose front matter
    # cannot be read is reported for that
    too_short = ev.words < TOO_SHORT_WORDS and ev.section_count < 3
    if ev.front_matter_error:
        return Kind(True, "role", "its front matter cannot be read: read as a role file")
    if shaped is not None and (shaped.page == "index" or ev.titled or not too_short):
        return shaped
    score = (
        2 * ev.title_role
        + min(ev.role_headings, 2)
        + (ev.prose_hits >= 2)
        + min(ev.role_named_headings, 2)
        + ev.onboarding
    )
    if score >= 2:
        return Kind(True, "role", "the title, headings or wording of a role")
    if too_short:
        return Kind(True, "role", "too short to tell: read as a role file")
    return Kind(False, "other", "no sections or wording of a role")
