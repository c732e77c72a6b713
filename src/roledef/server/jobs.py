"""What the checking process does (:mod:`~roledef.server.worker`): check a document's text or
the workspace's files, and fix a text, the way ``roledef lint`` and ``--fix`` do.

Module-level functions of picklable arguments, so that they can be sent to the child.
"""

from __future__ import annotations

from collections.abc import Sequence

from roledef.config import Config
from roledef.lint.check import check_file
from roledef.lint.finish import final
from roledef.lint.result import FileResult
from roledef.read import Source
from roledef.read.source import SourceError, decode

#: One finding, as a quick fix names it: (line, column, code).
FindingKey = tuple[int, int, str]


class Buffer(Source):
    """An editor's text for a path, read within the limits a file on disk is read with: the
    size limit, no NUL characters, line endings made ``\\n``."""

    __slots__ = ()

    def __init__(self, path: str, text: str | None = None) -> None:
        super().__init__(path, text)

    def read(self, max_bytes: int) -> str:
        text = self.text or ""
        data = text.encode("utf-8", "surrogatepass")
        if max_bytes and len(data) > max_bytes:
            raise SourceError(
                self.path,
                f"is {len(data):,} bytes, over the {max_bytes:,}-byte limit (raise max-file-size)",
            )
        return decode(data, self.path).text


def check(path: str, text: str, config: Config) -> FileResult:
    """Check an editor's text for ``path``, keeping its role (for the outline, hover, fixes).

    As in a folder: a page that is not a role file is skipped, not reported.
    """
    return check_file(Buffer(path, text), config, walked=True)


def scan(paths: Sequence[str], config: Config) -> list[FileResult]:
    """Check files on disk, each compact (without its role): the workspace's other files."""
    return [check_file(Source(p), config, walked=True).compact(keep_lines=False) for p in paths]


def fix(path: str, text: str, config: Config, only: FindingKey | None, unsafe: bool) -> str | None:
    """The text after the fixes ``roledef lint --fix`` makes (all, in passes; or the one for
    the finding ``only``), checked as ``--fix`` checks them; None when nothing is fixed or the
    fix is refused."""
    from roledef.fix.apply import MAX_PASSES, apply_edits, plan, unexpected_change
    from roledef.read import load

    try:
        current = Buffer(path, text).read(config.max_file_size)
    except SourceError:
        return None
    original = current
    for _ in range(1 if only else MAX_PASSES):
        result = check_file(Source(path, current), config, walked=False)
        role = result.role
        if role is None:
            break
        findings = final(result, [], config)
        if only is not None:
            findings = [f for f in findings if (f.line, f.column, f.code) == only]
        fixes, _held = plan(role, current, findings, config, unsafe=unsafe)
        if not fixes:
            break
        candidate = apply_edits(current, [e for f in fixes for e in f.edits])
        after = load(Source(path, candidate), config).role
        if after is None or unexpected_change(role, after, fixes) is not None:
            return None
        current = candidate
    return current if current != original else None
