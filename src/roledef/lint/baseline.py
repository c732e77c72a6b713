"""Baselines: record today's findings, then report only new ones.

This is how a handbook with many findings adopts the linter: ``--write-baseline FILE`` records
every finding, ``--baseline FILE`` hides the recorded ones. A finding is matched by its file
(relative to the baseline's folder), its rule and its content (the message and the text of the
line it is on), never by its line number, so edits above a finding do not bring it back. Each
recorded finding hides one finding: a second copy of the same problem is new.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from roledef.findings import Finding
from roledef.lint.discover import relative
from roledef.lint.result import Checked
from roledef.text import Regex

VERSION = 1
_LINE_REF_RE = Regex(r"\bline \d+")


class BaselineError(Exception):
    """A baseline file that cannot be read or written; the message names it."""


Key = tuple[str, str, str]


def fingerprint(finding: Finding, line_text: str) -> str:
    """A short hash of what the finding is about, independent of where the file moved it."""
    message = _LINE_REF_RE().sub("line N", finding.message)
    content = " ".join(line_text.split())
    digest = hashlib.sha256(f"{finding.code}\0{message}\0{content}".encode())
    return digest.hexdigest()[:16]


def _line(lines: Mapping[str, Sequence[str]], finding: Finding) -> str:
    text = lines.get(finding.path, ())
    return text[finding.line - 1] if 0 < finding.line <= len(text) else ""


def _key(finding: Finding, lines: Mapping[str, Sequence[str]], folder: str) -> Key:
    return relative(finding.path, folder), finding.code, fingerprint(finding, _line(lines, finding))


def write_baseline(
    path: str, findings: Sequence[Finding], lines: Mapping[str, Sequence[str]]
) -> int:
    """Record ``findings`` in ``path`` (sorted, one entry per finding); return how many."""
    folder = os.path.dirname(os.path.abspath(path))
    entries = []
    for finding in sorted(findings):
        file, code, digest = _key(finding, lines, folder)
        entries.append(
            {"path": file, "code": code, "fingerprint": digest, "message": finding.message}
        )
    text = json.dumps({"version": VERSION, "findings": entries}, indent=2, ensure_ascii=False)
    from roledef.write.atomic import OutputError, write_atomic

    try:
        write_atomic(path, text + "\n", force=True)
    except OutputError as exc:
        raise BaselineError(str(exc)) from None
    return len(entries)


def read_baseline(path: str) -> Counter[Key]:
    """The recorded findings of a baseline file, counted."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(
            f"{path}: no such baseline file (write one with --write-baseline)"
        ) from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BaselineError(f"{path}: not a readable baseline: {exc}") from None
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise BaselineError(f"{path}: not a roledef baseline (version {VERSION})")
    counts: Counter[Key] = Counter()
    for entry in data.get("findings") or []:
        try:
            counts[(str(entry["path"]), str(entry["code"]), str(entry["fingerprint"]))] += 1
        except (KeyError, TypeError):
            raise BaselineError(f"{path}: malformed entry {entry!r}") from None
    return counts


class Remaining:
    """What a baseline leaves of a run's findings, a file at a time (in path order, as the
    engine gives them): each recorded finding accounts for one finding of the same file, rule
    and fingerprint."""

    def __init__(self, baseline: Counter[Key], baseline_path: str) -> None:
        self.left = Counter(baseline)
        self.folder = os.path.dirname(os.path.abspath(baseline_path))

    def new(self, checked: Checked) -> list[Finding]:
        """The findings of one checked file that the baseline does not account for, in order."""
        return self._new(checked.findings, {checked.path: checked.result.lines})

    def _new(
        self, findings: Iterable[Finding], lines: Mapping[str, Sequence[str]]
    ) -> list[Finding]:
        new = []
        for finding in sorted(findings):
            key = _key(finding, lines, self.folder)
            if self.left[key] > 0:
                self.left[key] -= 1
            else:
                new.append(finding)
        return new


def filter_new(
    findings: Sequence[Finding],
    lines: Mapping[str, Sequence[str]],
    baseline: Counter[Key],
    baseline_path: str,
) -> list[Finding]:
    """The findings the baseline does not account for, in order (a whole run at once)."""
    return Remaining(baseline, baseline_path)._new(findings, lines)
