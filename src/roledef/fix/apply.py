"""``roledef lint --fix`` and ``--diff``: mechanical fixes as minimal edits to the file's text.

A fix is never a re-render: each one replaces a few characters of a line or inserts a line, and
every line it does not touch stays byte-identical (line endings and a byte-order mark included).
Before anything is written the fixed text is parsed again, and the model may differ from the
original only in what the applied fixes meant to change (a heading's trailing colon, a front
matter key they set); any other difference refuses the whole file. Fixes run in passes until
nothing is left to fix, so a second run changes nothing.

Each rule's fix lives in its module (``FIX``), found through the rule registry; this module
plans, checks and writes.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from roledef.config import Config
from roledef.findings import Finding
from roledef.fix.edits import Edit, Fix
from roledef.lint.rules import RULES
from roledef.model import Role
from roledef.modeldict import comparable
from roledef.read.source import SourceError, decode
from roledef.read.structured import field_path
from roledef.write.atomic import write_atomic

#: Passes over one file: a fix may uncover another (a new front matter gets its keys next pass).
MAX_PASSES = 4


class FixError(Exception):
    """A file that cannot be fixed safely; the message says why."""


@dataclass(frozen=True)
class FileFix:
    """What fixing one file gives: the text before and after, and what was fixed or refused."""

    path: str
    before: str
    after: str
    fixed: tuple[Finding, ...] = ()
    unsafe_left: int = 0  # fixes held back because they need --unsafe-fixes
    refused: str | None = None
    bom: bool = False
    newline: str = "\n"

    @property
    def changed(self) -> bool:
        return self.after != self.before

    def diff(self) -> str:
        """The unified diff of the fix (``\\n`` line endings), empty when nothing changes."""
        lines = difflib.unified_diff(
            self.before.splitlines(keepends=True),
            self.after.splitlines(keepends=True),
            fromfile=f"a/{self.path}",
            tofile=f"b/{self.path}",
        )
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)

    def output(self) -> str:
        """The fixed text as it is written: with the file's own line endings and BOM."""
        text = self.after.replace("\n", self.newline) if self.newline != "\n" else self.after
        return ("\ufeff" if self.bom else "") + text

    def write(self) -> None:
        """Write the fixed text atomically."""
        write_atomic(self.path, self.output(), force=True)


def read_for_fix(path: str, max_bytes: int) -> tuple[str, str, bool]:
    """(text with ``\\n`` line endings, the file's line ending, whether it had a BOM).

    Refuses what could not be written back byte for byte: UTF-16, mixed line endings.
    """
    with open(path, "rb") as handle:
        data = handle.read(max_bytes + 1 if max_bytes else -1)
    return decode_for_fix(data, path, max_bytes)


def decode_for_fix(data: bytes, path: str, max_bytes: int) -> tuple[str, str, bool]:
    """:func:`read_for_fix` of bytes already read (standard input)."""
    if max_bytes and len(data) > max_bytes:
        raise FixError("is over the size limit")
    source = decode(data, path)
    if source.had_bom and not data.startswith(b"\xef\xbb\xbf"):
        raise FixError("is not UTF-8 (only UTF-8 files are fixed)")
    crlf, lf, cr = data.count(b"\r\n"), data.count(b"\n"), data.count(b"\r")
    if (crlf and crlf != lf) or cr != crlf:
        raise FixError("mixes line endings (only files with one kind of line ending are fixed)")
    return source.text, source.newline, source.had_bom


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with the edits applied (``\\n`` in an edit's text is a line break)."""
    lines = text.split("\n")
    for edit in sorted(edits, key=lambda e: (e.line, e.start), reverse=True):
        index = edit.line - 1
        if index == len(lines):  # an insertion after the last line
            lines.append("")
        line = lines[index]
        lines[index] = line[: edit.start] + edit.text + line[edit.end :]
    return "\n".join(lines)


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.line != b.line:
        return False
    if a.start == a.end == b.start == b.end:
        return True  # two insertions at one place: their order would be a guess
    return a.start < b.end and b.start < a.end


def choose(fixes: Sequence[Fix]) -> list[Fix]:
    """The fixes to apply together: in order, leaving out any that overlaps one already taken."""
    taken: list[Fix] = []
    for fix in fixes:
        if not any(_overlaps(e, t) for e in fix.edits for f in taken for t in f.edits):
            taken.append(fix)
    return taken


_MISSING = object()


def _leaves(
    a: object, b: object, path: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], object, object]]:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in list(a) + [k for k in b if k not in a]:
            yield from _leaves(a.get(key, _MISSING), b.get(key, _MISSING), (*path, key))
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            yield from _leaves(x, y, (*path, i))
    elif a != b:
        yield path, a, b


def unexpected_change(before: Role, after: Role, fixes: Sequence[Fix]) -> str | None:
    """The first model change that none of ``fixes`` meant to make, or None."""
    for path, old, new in _leaves(comparable(before), comparable(after), ()):
        if not any(fix.allows(path, old, new) for fix in fixes):
            return f"the fix would also change {field_path(path)}"
    return None


def plan(
    role: Role, text: str, findings: Sequence[Finding], config: Config, *, unsafe: bool
) -> tuple[list[Fix], int]:
    """The fixes for one file's findings, and how many were held back as unsafe."""
    fixes: list[Fix] = []
    held = 0
    lines = text.split("\n")
    for finding in findings:
        fixer = RULES[finding.code].FIX
        if fixer is None:
            continue
        fix = fixer.make(role, lines, finding, config)
        if fix is None:
            continue
        if fixer.safe or unsafe:
            fixes.append(fix)
        else:
            held += 1
    return choose(fixes), held


def fix_file(path: str, config: Config, *, unsafe: bool = False) -> FileFix:
    """Fix one file in passes until nothing is left to fix; nothing is written here."""
    try:
        text, newline, bom = read_for_fix(path, config.max_file_size)
    except (OSError, SourceError, FixError) as exc:
        reason = exc.message if isinstance(exc, SourceError) else str(exc)
        return FileFix(path, "", "", refused=f"not fixed: the file {reason}")
    return fix_text(path, text, config, unsafe=unsafe, newline=newline, bom=bom)


def fix_text(
    path: str,
    text: str,
    config: Config,
    *,
    unsafe: bool = False,
    newline: str = "\n",
    bom: bool = False,
) -> FileFix:
    """Fix a text (``\\n`` line endings) that stands for ``path``, in passes."""
    from roledef.lint.engine import run
    from roledef.read import Source, load

    current = text
    fixed: list[Finding] = []
    held = 0
    for _ in range(MAX_PASSES):
        checked = next(run([Source(path, current)], config, keep_roles=True))
        role = checked.result.role
        if role is None:  # roledef failed on it: the lint run that follows reports it
            break
        fixes, held = plan(role, current, checked.findings, config, unsafe=unsafe)
        if not fixes:
            break
        candidate = apply_edits(current, [e for f in fixes for e in f.edits])
        after = load(Source(path, candidate), config).role
        assert after is not None  # markdown always reads into a role
        problem = unexpected_change(role, after, fixes)
        if problem is not None:
            return FileFix(
                path, text, text, refused=f"not fixed: {problem}", bom=bom, newline=newline
            )
        fixed += [f.finding for f in fixes]
        current = candidate
    return FileFix(path, text, current, tuple(fixed), held, bom=bom, newline=newline)


def fix_paths(paths: Sequence[str], config: Config, *, unsafe: bool = False) -> list[FileFix]:
    """Plan the fixes of every markdown file under ``paths`` (YAML files are not fixed)."""
    from roledef.lint.discover import discover
    from roledef.read import MARKDOWN, format_of

    files = sorted(discover(list(paths), exclude=config.exclude, root=config.root))
    return [
        fix_file(p, config, unsafe=unsafe)
        for p in files
        if format_of(p) == MARKDOWN and os.path.isfile(p)
    ]
