"""``roledef lint --diff-base REF``: the lines a branch changed, and the findings on them.

A pull request is judged on what it changed, as GitHub's "Files changed" shows it: the diff from
the merge base of REF and HEAD (``REF...HEAD``) to the work tree, so that uncommitted edits count
too, and untracked files count as added. :func:`changes` asks ``git`` for that diff and reads the
line numbers of the new side of each hunk; :class:`ChangedOnly` keeps the findings that touch
those lines, and every finding of a file added since REF, and counts the rest.

Only what is *reported* changes: every file is still checked, so that cross-file rules see them
all. Findings on deleted lines have no line to sit on and are not reported; a finding that a
deletion causes elsewhere (a section emptied) sits on an unchanged line and is left out too.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable, Sequence
from typing import Final

from roledef.findings import Finding
from roledef.lint.rules.duplicate_role import CODE as DUPLICATE
from roledef.lint.rules.unreadable_file import CODE as UNREADABLE
from roledef.record import Record

#: The diff's options, whatever the user's git config says: no colour, no external diff or
#: text conversion, renames followed, the standard prefixes, names as they are (not escaped).
DIFF = (
    "diff",
    "--unified=0",
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    "--no-relative",
    "-M",
    "--src-prefix=a/",
    "--dst-prefix=b/",
)
SHALLOW_HINT = (
    "this clone is shallow: fetch the whole history (`git fetch --unshallow`, or `fetch-depth: 0` "
    "in actions/checkout, GIT_DEPTH: 0 in GitLab CI)"
)


class DiffBaseError(Exception):
    """``--diff-base`` cannot be used here; the message says why and what to do."""


class Changes(Record):
    """What changed since the base: the new-side line numbers changed in each file, and the
    files added (untracked files included). Paths are absolute, as :func:`key` makes them."""

    __slots__ = ("added", "base", "lines")

    def __init__(
        self, lines: dict[str, frozenset[int]], added: frozenset[str], base: str = ""
    ) -> None:
        self.lines: Final = lines
        self.added: Final = added
        self.base: Final = base  # the merge base's commit


def key(path: str) -> str:
    """A file's path as changes are keyed: absolute, its folder with symbolic links resolved
    (git's top folder is), its own name kept (git tracks a link, not its target)."""
    full = os.path.abspath(path)
    return os.path.join(os.path.realpath(os.path.dirname(full)), os.path.basename(full))


# -- reading git's output ----------------------------------------------------------------------

#: The letters of git's C-style escapes, and the byte each stands for.
_ESCAPES = {ord(k): v for k, v in zip("abtnvfr", (7, 8, 9, 10, 11, 12, 13), strict=True)}


def unquote(name: bytes) -> bytes:
    """A path as git writes it in a diff header, unquoted: ``"b/tab\\there"`` -> ``b/tab	here``
    (git quotes names with control characters, quotes or backslashes, C-style)."""
    if not (len(name) >= 2 and name[:1] == b'"' and name[-1:] == b'"'):
        return name
    body, out, i = name[1:-1], bytearray(), 0
    while i < len(body):
        c = body[i]
        if c != 0x5C or i + 1 == len(body):  # not a backslash
            out.append(c)
            i += 1
        elif body[i + 1 : i + 4].isdigit():  # \ooo: one byte in octal
            out.append(int(body[i + 1 : i + 4], 8) & 0xFF)
            i += 4
        else:
            out.append(_ESCAPES.get(body[i + 1], body[i + 1]))
            i += 2
    return bytes(out)


def new_name(header: bytes) -> str | None:
    """The new side's path of a ``+++ b/...`` line, relative to the top of the work tree; None
    for ``/dev/null`` (a deleted file)."""
    name = header[4:].rstrip(b"\n")
    if name.endswith(b"\t"):  # git ends a name that has a space with a tab
        name = name[:-1]
    name = unquote(name)
    if name == b"/dev/null":
        return None
    return os.fsdecode(name.removeprefix(b"b/"))


def hunk_lines(header: bytes) -> range:
    """The new side's lines of a hunk header ``@@ -a,b +c,d @@``: ``range(c, c + d)``, empty
    for a hunk that only deletes (``d`` is 0; a missing ``d`` means 1)."""
    new = header.split(b" ")[2]  # b"+c,d"
    start, _, count = new[1:].partition(b",")
    first, size = int(start), int(count) if count else 1
    return range(first, first + size)


def parse_diff(patch: bytes) -> dict[str, set[int]]:
    """Each file's changed lines (the new side's numbers) in a ``git diff --unified=0``; a file
    whose diff has no hunk (a pure rename, a new empty file) is not in it."""
    found: dict[str, set[int]] = {}
    lines: set[int] | None = None
    for line in patch.splitlines(keepends=True):
        if line.startswith(b"diff "):
            lines = None
        elif line.startswith(b"+++ ") and lines is None:
            name = new_name(line)
            lines = found.setdefault(name, set()) if name is not None else set()
        elif line.startswith(b"@@ ") and lines is not None:
            lines.update(hunk_lines(line))
    return {name: lines for name, lines in found.items() if lines}


def parse_status(listing: bytes) -> set[str]:
    """The files added or copied (``A``, ``C``) in a ``git diff --name-status -z``: their
    every line is new. A renamed file is not added: its changed lines come from its diff."""
    fields = listing.split(b"\0")
    added, i = set(), 0
    while i < len(fields) and fields[i]:
        status = fields[i][:1]
        names = 2 if status in (b"R", b"C") else 1
        if status in (b"A", b"C"):
            added.add(os.fsdecode(fields[i + names]))
        i += 1 + names
    return added


# -- asking git ------------------------------------------------------------------------------


def _git(args: Sequence[str], cwd: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", "-c", "core.quotePath=false", *args], cwd=cwd, capture_output=True, check=False
        )
    except FileNotFoundError:
        raise DiffBaseError(
            "--diff-base needs git, and git is not installed (or not on PATH)"
        ) from None
    except OSError as exc:
        raise DiffBaseError(f"--diff-base could not run git: {exc}") from None


def _out(result: subprocess.CompletedProcess[bytes]) -> str:
    return os.fsdecode(result.stdout).removesuffix("\n")


def _err(result: subprocess.CompletedProcess[bytes]) -> str:
    return " ".join(os.fsdecode(result.stderr).split())


def merge_base(ref: str, cwd: str, *, shallow: bool = False) -> str:
    """The commit REF and HEAD have in common, as ``REF...HEAD`` diffs from."""
    if not ref.strip():
        raise DiffBaseError("--diff-base needs a git ref: a branch, tag or commit (origin/main)")
    if (
        ref.startswith("-")
        or _git(("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"), cwd).returncode
    ):
        hint = SHALLOW_HINT if shallow else _fetch_hint(ref)
        raise DiffBaseError(f"--diff-base {ref}: no such commit in this repository; {hint}")
    found = _git(("merge-base", ref, "HEAD"), cwd)
    if found.returncode:
        if _git(("rev-parse", "--verify", "--quiet", "HEAD^{commit}"), cwd).returncode:
            raise DiffBaseError(f"--diff-base {ref}: this repository has no commit yet (HEAD)")
        hint = SHALLOW_HINT if shallow else "they share no history"
        raise DiffBaseError(f"--diff-base {ref}: no common ancestor of {ref} and HEAD; {hint}")
    return _out(found)


def _fetch_hint(ref: str) -> str:
    remote, _, branch = ref.partition("/")
    if branch and not ref.startswith("refs/"):
        return f"fetch it first (`git fetch {remote} {branch}`), or name a branch, tag or commit"
    return "name a branch, tag or commit (a remote's branch once fetched: origin/main)"


def changes(ref: str, cwd: str = ".") -> Changes:
    """What changed from the merge base of ``ref`` and HEAD to the work tree, untracked files
    included; raises :class:`DiffBaseError` when that cannot be known."""
    found = _git(("rev-parse", "--show-toplevel", "--is-shallow-repository"), cwd)
    if found.returncode:
        raise DiffBaseError(
            f"--diff-base needs a git repository, and {os.path.abspath(cwd)} is not in one "
            f"({_err(found)})"
        )
    top, _, shallow = _out(found).rpartition("\n")
    top = os.path.realpath(top)
    base = merge_base(ref, top, shallow=shallow == "true")
    patch = _git((*DIFF, base, "--"), top)
    status = _git((*DIFF, "--name-status", "-z", base, "--"), top)
    untracked = _git(("ls-files", "--others", "--exclude-standard", "-z"), top)
    for result in (patch, status, untracked):
        if result.returncode:
            raise DiffBaseError(f"--diff-base {ref}: git failed: {_err(result)}")
    added = parse_status(status.stdout)
    added.update(os.fsdecode(n) for n in untracked.stdout.split(b"\0") if n)
    return Changes(
        lines={
            key(os.path.join(top, name)): frozenset(lines)
            for name, lines in parse_diff(patch.stdout).items()
        },
        added=frozenset(key(os.path.join(top, name)) for name in added),
        base=base,
    )


# -- the filter ------------------------------------------------------------------------------


class ChangedOnly:
    """Keeps the findings a change is answerable for, a file at a time, and counts the others.

    A finding is kept when a line of its span (``line`` to ``end_line``) was added or changed,
    or when its file was added (every line is new, so the findings about the whole file, on
    line 1, are the change's too). A file that could not be read is always reported: that is a
    problem with the run, not with the handbook.

    duplicate-role reports a pair on the later file in path order, naming the earlier one: a
    role copied to a new file that sorts first puts the finding on the old file's unchanged
    title. So a duplicate-role finding is kept too when the file it names was added.
    """

    def __init__(self, changes: Changes) -> None:
        self.changes = changes
        self.left_out = 0

    def keep(self, path: str, findings: Iterable[Finding]) -> list[Finding]:
        """The findings of the file ``path`` on its changed lines, in order."""
        findings = list(findings)
        if not findings:
            return findings
        where = key(path)
        if where in self.changes.added:
            return findings
        changed = self.changes.lines.get(where, frozenset())
        kept = [
            f
            for f in findings
            if f.code == UNREADABLE or _touches(f, changed) or self._names_added(f)
        ]
        self.left_out += len(findings) - len(kept)
        return kept

    def _names_added(self, finding: Finding) -> bool:
        if finding.code != DUPLICATE:
            return False
        # the message says "... as OTHER: what to do", OTHER relative to the finding's folder
        # (duplicate_role); a name may hold " as " too, so look for the whole "as OTHER:"
        folder = os.path.dirname(key(finding.path))
        return any(
            f" as {os.path.relpath(added, folder)}: " in finding.message
            for added in self.changes.added
        )

    def told(self, ref: str) -> str:
        """``N findings on lines unchanged since REF not shown``, or empty."""
        n = self.left_out
        if not n:
            return ""
        return f"{n} finding{'s' if n != 1 else ''} on lines unchanged since {ref} not shown"

    def note(self, ref: str, *, github: bool = False) -> str:
        """What was left out, for stderr; empty when nothing was. With ``github``, a notice
        that GitHub Actions shows in the run's annotations (the runner reads stderr too)."""
        text = self.told(ref)
        if not text:
            return ""
        if github:
            from roledef.lint.formats.github import escape_data

            return f"::notice title=roledef --diff-base::{escape_data(text)}"
        return f"roledef: {text} (--diff-base)"


def _touches(finding: Finding, changed: frozenset[int]) -> bool:
    if not changed:
        return False
    last = max(finding.line, finding.end_line or 0)
    return any(line in changed for line in range(finding.line, last + 1))
