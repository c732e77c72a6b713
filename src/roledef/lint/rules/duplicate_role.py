"""Two files of one run describe the same role: the same title, or nearly the same text.

Why: a role copied to start a new one and never rewritten (or saved twice under two names)
publishes two pages that disagree as soon as one is edited. The finding is on the later file (in
path order) and names the earlier one. Text is compared as overlapping runs of five words;
files sharing at least ``duplicate-similarity`` of them (config; default 0.7) are reported. Only
files checked in the same run are compared, so lint the whole folder to use this rule. A markdown
file and its YAML conversion beside it (``sre.md``, ``sre.yaml``) are one role in two formats,
not a duplicate.

Only filled-in text counts: a line that still holds a placeholder (``TODO(roledef): ...``, TBD;
see ``placeholder``, RD207) is left out of the comparison, so two new files that are not filled
in yet are not copies of each other (what is left of them, the template's default hiring steps,
is too short to compare); two new files with the same title still are.

Failing: ``account-executive.md`` and ``account_executive.md``, both titled "Account Executive".
``roledef lint jobs/`` reports::

    jobs/account_executive.md:1:1: RD401 [error] same title 'Account Executive' as account-executive.md: give one of them the title of the role it describes, or remove the copy

Passing: each role described in exactly one file; ``roledef new "Data Analyst"`` and
``roledef new "Account Executive"``, not filled in yet, in one folder.
"""  # noqa: E501

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import PurePath
from typing import Any, Final

from roledef.findings import ERROR
from roledef.hashing import blake2b
from roledef.lint.rules.base import (
    BOTH,
    SHARE,
    CrossFileChecker,
    CrossFileRule,
    Hit,
    Option,
    Options,
)
from roledef.model import NO_SPAN, Role, SourceFormat, Span
from roledef.read.placeholders import may_hold, placeholders
from roledef.record import Record
from roledef.text import normalize_heading

CODE = "RD401"
NAME = "duplicate-role"
SEVERITY = ERROR
SIMILARITY = Option(
    "duplicate-similarity",
    SHARE,
    0.7,
    "The share of text two files must have in common to be reported by duplicate-role; "
    "default 0.7.",
)
OPTIONS = (SIMILARITY,)
FORMATS = BOTH
ENABLED = True
FIX = None

#: Bytes kept by :func:`_words`; every other byte becomes a space.
_WORD_BYTES = bytes(
    c if chr(c) in "abcdefghijklmnopqrstuvwxyz0123456789" else 32 for c in range(256)
)
SHINGLE = 5
#: What to do about a finding, after the file it names.
SAME_TITLE_HINT = "give one of them the title of the role it describes, or remove the copy"
SAME_TEXT_HINT = "rewrite one of them for its own role, or remove the copy"
#: Roles with less text than this many word runs are too short to compare by text.
MIN_SHINGLES = 30


def check(role: Role, options: Options) -> Iterator[Hit]:
    """Nothing to say about one file alone; see :data:`CROSS_FILE`."""
    return iter(())


def role_text(role: Role) -> str:
    """The filled-in prose of a role: everything a reader reads, without front matter and
    title, and without the lines that still hold a placeholder."""
    parts: list[str | None] = [role.summary]
    items = [*role.responsibilities, *role.non_responsibilities]
    items += [*role.skills.required, *role.skills.nice_to_have]
    items += [i for p in role.onboarding for i in p.items]
    parts += [f"{i.name or ''} {i.description or ''}" for i in items]
    parts += [f"{s.name or ''} {s.description or ''}" for s in role.hiring_plan]
    parts += [s.body for s in role.sections]
    return " ".join(_filled_in(p) for p in parts if p)


def _filled_in(text: str) -> str:
    """``text`` without its lines that hold a placeholder: they are not written yet, and two
    files do not say the same thing because they both say "TODO"."""
    if not may_hold(text):
        return text
    return "\n".join(line for line in text.split("\n") if not placeholders(line))


def _words(text: str) -> list[str]:
    """The runs of ``[a-z0-9]`` in the lowered text (``re.findall`` gives the same list, at about
    twice the time): lowered first (a few characters lower to ASCII letters), then each character
    outside ASCII becomes one ``?`` and every byte outside ``[a-z0-9]`` a space."""
    ascii_text = text.lower().encode("ascii", "replace")
    return ascii_text.translate(_WORD_BYTES).decode("ascii").split()


def shingles(text: str) -> frozenset[tuple[str, ...]]:
    """Overlapping runs of :data:`SHINGLE` words."""
    return _runs(_words(text))


def _runs(words: list[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def similarity(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    """Jaccard similarity of two shingle sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


class Digest(Record):
    """What this rule needs of one role: small, so that a worker process can send it.

    ``words`` is the role's prose as lower-case words joined by spaces, and ``words_key`` a hash
    of it: roles with the same words have the same word runs, so their runs are built and
    compared once however many files share them.
    """

    __slots__ = ("format", "path", "span", "title", "title_key", "words", "words_key")

    def __init__(
        self,
        path: str,
        format: SourceFormat,
        title: str,
        title_key: str,
        span: Span,
        words_key: bytes,
        words: str,
    ) -> None:
        self.path: Final = path
        self.format: Final = format
        self.title: Final = title
        self.title_key: Final = title_key
        self.span: Final = span
        self.words_key: Final = words_key
        self.words: Final = words


def digest(role: Role) -> Digest:
    """The :class:`Digest` of one role (computed where the role is read)."""
    words = " ".join(_words(role_text(role)))
    return Digest(
        path=role.source.path,
        format=role.source.format,
        title=role.title,
        title_key=_title_key(role.title),
        span=role.source.title_span or NO_SPAN,
        words_key=blake2b(words.encode("utf-8"), digest_size=16).digest(),
        words=words,
    )


def _title_key(title: str) -> str:
    """What titles are compared by."""
    # parentheses count here: 'Engineer (AI-Focused)' is another role than 'Engineer'
    return normalize_heading(title, drop_parentheses=False)


def digest_to_json(d: Digest) -> list[Any]:
    """A digest as JSON values, for the lint cache (the path is the cache entry's own, and the
    title's key is made again from the title; the words' hash is kept, as hashing them again
    would cost a cached run more than reading it)."""
    span = [d.span.line, d.span.column, d.span.end_line, d.span.end_column]
    return [d.format, d.title, span, d.words_key.hex(), d.words]


def digest_from_json(path: str, value: list[Any]) -> Digest:
    """The digest :func:`digest_to_json` stored, for the file at ``path``."""
    fmt, title, span, key, words = value
    return Digest(path, fmt, title, _title_key(title), Span(*span), bytes.fromhex(key), words)


def _same_document(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """A markdown file and its YAML conversion beside it are one role in two formats."""
    return a[0] != b[0] and PurePath(a[1]).with_suffix("") == PurePath(b[1]).with_suffix("")


def check_all(roles: Iterable[Role], options: Options) -> Iterator[tuple[str, Hit]]:
    """Compare every role with the roles before it in path order."""
    return check_digests((digest(role) for role in roles), options)


#: Verdicts a run keeps at most (a few tens of MiB): past that, pairs are compared each run.
MEMO_LIMIT = 1 << 18


class _Memo:
    """What the runs before this one in the process worked out, kept for the next run (the
    language server runs this rule again after each edit, over the same roles but one): each
    group's word runs by the hash of its words, and whether two groups are similar enough, by
    their hashes and the threshold. Each run keeps what it used, and what the run before it
    used is dropped, so memory follows the handbook's size, not the number of runs."""

    def __init__(self) -> None:
        self.runs: dict[bytes, frozenset[tuple[str, ...]]] = {}
        self.similar: dict[tuple[bytes, bytes, float], bool] = {}
        self._old_runs: dict[bytes, frozenset[tuple[str, ...]]] = {}
        self._old_similar: dict[tuple[bytes, bytes, float], bool] = {}

    def new_run(self) -> None:
        self._old_runs, self.runs = self.runs, {}
        self._old_similar, self.similar = self.similar, {}

    def runs_of(self, d: Digest) -> frozenset[tuple[str, ...]]:
        found = self.runs.get(d.words_key)
        if found is None:
            found = self._old_runs.get(d.words_key)
        if found is None:
            found = _runs(d.words.split())
        self.runs[d.words_key] = found
        return found

    def similar_enough(
        self,
        a: tuple[bytes, frozenset[tuple[str, ...]]],
        b: tuple[bytes, frozenset[tuple[str, ...]]],
        threshold: float,
    ) -> bool:
        key = (a[0], b[0], threshold) if a[0] <= b[0] else (b[0], a[0], threshold)
        found = self.similar.get(key)
        if found is None:
            found = self._old_similar.get(key)
            if found is None:
                found = similarity(a[1], b[1]) >= threshold
            if len(self.similar) < MEMO_LIMIT:
                self.similar[key] = found
        return found


_MEMO = _Memo()


class _Seen:
    """The roles compared so far: their titles, and groups of roles with the same words."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self.docs: list[tuple[str, str]] = []  # (format, path) by arrival
        self.by_title: dict[str, list[int]] = {}
        self.group_of: dict[bytes, int] = {}
        self.runs: list[frozenset[tuple[str, ...]]] = []
        self.keys: list[bytes] = []  # each group's words hash
        self.members: list[list[int]] = []
        self.similar: list[list[int]] = []  # groups whose text is similar enough, itself included

    def group(self, d: Digest) -> int:
        found = self.group_of.get(d.words_key)
        if found is not None:
            return found
        runs = _MEMO.runs_of(d)
        g = len(self.runs)
        self.group_of[d.words_key] = g
        self.runs.append(runs)
        self.keys.append(d.words_key)
        self.members.append([])
        self.similar.append([])
        for h in range(g + 1):
            other = self.runs[h]
            small, large = sorted((len(runs), len(other)))
            # Jaccard similarity is at most small / large: skip the set operations below that
            if (large and small / large < self.threshold) or not _MEMO.similar_enough(
                (d.words_key, runs), (self.keys[h], other), self.threshold
            ):
                continue
            self.similar[g].append(h)
            if h != g:
                self.similar[h].append(g)
        return g

    def first(self, indexes: list[int], doc: tuple[str, str]) -> int | None:
        for i in indexes:
            if not _same_document(doc, self.docs[i]):
                return i
        return None


class Checker(CrossFileChecker[Digest]):
    """The rule over a run, one role at a time in path order (as the linter feeds it)."""

    def __init__(self, options: Options) -> None:
        self.seen = _Seen(SIMILARITY.value(options))
        _MEMO.new_run()

    def add(self, d: Digest) -> list[tuple[str, Hit]]:
        """The finding for ``d`` against the roles added before it, if any.

        It names the first earlier role that has the same title or nearly the same text;
        looking it up by title and by group of identical words gives the same answer as
        comparing with every earlier role in turn, without the quadratic cost.
        """
        seen = self.seen
        doc = (d.format, d.path)
        g = seen.group(d)
        candidates: list[int] = []
        found: list[tuple[str, Hit]] = []
        if d.title_key and d.title_key in seen.by_title:
            hit = seen.first(seen.by_title[d.title_key], doc)
            if hit is not None:
                candidates.append(hit)
        if len(seen.runs[g]) >= MIN_SHINGLES:
            for h in seen.similar[g]:
                hit = seen.first(seen.members[h], doc)
                if hit is not None:
                    candidates.append(hit)
        if candidates:
            i = min(candidates)
            other_path = seen.docs[i][1]
            # name the other file as seen from this one: short, and the same on every machine
            where = os.path.relpath(other_path, os.path.dirname(d.path) or ".")
            if d.title_key and i in seen.by_title.get(d.title_key, ()):
                message = f"same title '{d.title}' as {where}: {SAME_TITLE_HINT}"
            else:
                message = f"nearly the same text as {where}: {SAME_TEXT_HINT}"
            found.append((d.path, (d.span, message)))
        i = len(seen.docs)
        seen.docs.append(doc)
        seen.by_title.setdefault(d.title_key, []).append(i)
        seen.members[g].append(i)
        return found


def check_digests(digests: Iterable[Digest], options: Options) -> Iterator[tuple[str, Hit]]:
    """:func:`check_all` over digests: each role against the roles before it in path order."""
    checker = Checker(options)
    for d in sorted(digests, key=lambda r: r.path):
        yield from checker.add(d)


class DuplicateRole(CrossFileRule[Digest]):
    """The rule over a run: digests compared in path order by a :class:`Checker`."""

    def digest(self, role: Role) -> Digest:
        return digest(role)

    def checker(self, options: Options) -> Checker:
        return Checker(options)

    def digest_to_json(self, digest: Digest) -> list[Any]:
        return digest_to_json(digest)

    def digest_from_json(self, path: str, value: Any) -> Digest:
        return digest_from_json(path, value)


CROSS_FILE = DuplicateRole()
