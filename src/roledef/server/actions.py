"""Code actions: a finding's fix, every fix of a document, and a comment that suppresses a
finding; each as the text edits a client applies.

The fixes themselves are ``roledef lint --fix``'s (:func:`roledef.server.jobs.fix`, run in the
checking process); here the fixed text becomes one edit of the lines that changed, in the
document's own line endings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lsprotocol import types

from roledef.findings import Finding
from roledef.lint.rules.not_a_role import CODE as NOT_A_ROLE
from roledef.lint.suppress import UNSUPPRESSIBLE
from roledef.model import Role
from roledef.server.buffer import split_lines
from roledef.server.positions import UTF16, units

#: The kind of the "fix all" action, which editors can run on save (``source.fixAll``).
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.roledef"

_NEXT_LINE_RE = re.compile(r"^(\s*)<!--\s*roledef-disable-next-line\b(?P<codes>[^>]*?)\s*-->\s*$")


def text_edit(
    old_lines: Sequence[str], new_text: str, newline: str = "\n", encoding: str = UTF16
) -> types.TextEdit:
    """One edit that turns a document of ``old_lines`` into ``new_text``: the lines between
    the unchanged first and last ones are replaced."""
    new_lines = split_lines(new_text)
    old = list(old_lines) or [""]
    limit = min(len(old), len(new_lines))
    head = 0
    while head < limit and old[head] == new_lines[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[-1 - tail] == new_lines[-1 - tail]:
        tail += 1
    middle = new_lines[head : len(new_lines) - tail]
    if tail:
        start = types.Position(head, 0)
        end = types.Position(len(old) - tail, 0)
        text = "".join(line + newline for line in middle)
    elif head:
        start = types.Position(head - 1, units(old[head - 1], encoding))
        end = types.Position(len(old) - 1, units(old[-1], encoding))
        text = "".join(newline + line for line in middle)
    else:
        start = types.Position(0, 0)
        end = types.Position(len(old) - 1, units(old[-1], encoding))
        text = newline.join(middle)
    return types.TextEdit(types.Range(start, end), text)


def suppression_edit(
    role: Role,
    lines: Sequence[str],
    finding: Finding,
    newline: str = "\n",
    encoding: str = UTF16,
) -> tuple[str, types.TextEdit] | None:
    """The title and edit of the action that suppresses ``finding``: a
    ``roledef-disable-next-line`` comment above its line (a code added to one already there),
    or, for a finding in the front matter (where no comment can go), a ``roledef-disable-file``
    comment below it. None for findings no comment silences."""
    code = finding.code
    if code in UNSUPPRESSIBLE or code == NOT_A_ROLE or role.source.format != "markdown":
        return None
    span = role.source.front_matter_span
    if span is not None and span.line <= finding.line <= (span.end_line or span.line):
        below = span.end_line or span.line
        comment = f"<!-- roledef-disable-file {code} -->{newline}"
        edit = types.TextEdit(
            types.Range(types.Position(below, 0), types.Position(below, 0)), comment
        )
        return f"Suppress {code} ({finding.rule}) in this file", edit
    index = finding.line - 1
    if not 0 <= index < len(lines):
        return None
    title = f"Suppress {code} ({finding.rule}) on this line"
    above = _NEXT_LINE_RE.match(lines[index - 1]) if index > 0 else None
    if above is not None and above.group("codes").strip():
        at = types.Position(index - 1, units(lines[index - 1][: above.end("codes")], encoding))
        return title, types.TextEdit(types.Range(at, at), f" {code}")
    indent = lines[index][: len(lines[index]) - len(lines[index].lstrip(" \t"))]
    comment = f"{indent}<!-- roledef-disable-next-line {code} -->{newline}"
    at = types.Position(index, 0)
    return title, types.TextEdit(types.Range(at, at), comment)


def workspace_edit(
    uri: str, version: int | None, edits: list[types.TextEdit]
) -> types.WorkspaceEdit:
    """Edits of one document, for the document's version when it is known."""
    if version is None:
        return types.WorkspaceEdit(changes={uri: list(edits)})
    document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
    return types.WorkspaceEdit(
        document_changes=[types.TextDocumentEdit(text_document=document, edits=list(edits))]
    )
