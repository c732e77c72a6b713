"""Helpers shared by several formats: portable paths, safe text, fingerprints, plural words."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence

from roledef.findings import Finding
from roledef.text import Regex

#: Characters a reader should see as escapes rather than receive raw: C0 and C1 controls but
#: tab (they move the cursor or change colours, and most are not allowed in XML), the two
#: noncharacters XML forbids, and lone surrogates, which cannot be written as UTF-8 at all.
_UNSAFE = Regex(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def posix_path(path: str) -> str:
    """``path`` with forward slashes and without a leading ``./``, as CI services expect."""
    if os.sep != "/":
        path = path.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def fingerprints(findings: Sequence[Finding]) -> list[str]:
    """A stable identity for each finding, in the same order.

    Made of file, rule and message, not of the line, so that editing above a finding keeps
    its identity (CI services then track it as the same problem). Findings alike in all three
    are told apart by their rank among their twins, which also survives a move.
    """
    import hashlib

    seen: dict[tuple[str, str, str], int] = {}
    result = []
    for finding in findings:
        key = (posix_path(finding.path), finding.code, finding.message)
        rank = seen.get(key, 0)
        seen[key] = rank + 1
        text = "\0".join((*key, str(rank)))
        result.append(hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
    return result


def plural(count: int, word: str) -> str:
    """``1 error``, ``2 errors``."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def files_with_findings(findings: Iterable[Finding]) -> list[str]:
    """The paths that have findings, each once, sorted."""
    return sorted({f.path for f in findings})


def clean(text: str) -> str:
    """``text`` with unsafe characters (see ``_UNSAFE``) written as ``\\xNN`` or ``\\uNNNN``.

    A surrogate that stands for an undecodable byte of a file name shows as that byte.
    """
    return _UNSAFE().sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code < 0xDD00:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def dump_json(data: object) -> str:
    """Indented JSON, UTF-8 text left readable, and a final newline.

    Lone surrogates (from undecodable file names) are written as ``\\uXXXX`` escapes, which
    keeps them lossless while the output can still be encoded as UTF-8.
    """
    import json

    text = json.dumps(data, indent=2, ensure_ascii=False)
    # surrogates are the only characters UTF-8 cannot encode: the codec writes each as \\uXXXX
    # (no pattern to compile at start-up, which a surrogate range makes slow)
    return text.encode("utf-8", "backslashreplace").decode("utf-8") + "\n"
