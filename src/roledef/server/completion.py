"""Completion: section headings the vocabulary knows, and the front matter keys the config
requires that the document does not have yet."""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types

from roledef.config import Config
from roledef.lint.rules.front_matter_missing_key import REQUIRED
from roledef.model import Role
from roledef.read import vocab

#: The headings offered, in the order sections are expected in.
HEADINGS: tuple[tuple[str, str], ...] = (
    (vocab.KIND_TITLES[vocab.JOB_DESCRIPTION], "summary"),
    (vocab.KIND_TITLES[vocab.RESPONSIBILITIES], "responsibilities"),
    (vocab.KIND_TITLES[vocab.NON_RESPONSIBILITIES], "non_responsibilities"),
    (vocab.KIND_TITLES[vocab.SKILLS], "skills.required"),
    (vocab.KIND_TITLES[vocab.SKILLS_NICE], "skills.nice_to_have"),
    (vocab.KIND_TITLES[vocab.ONBOARDING], "onboarding"),
    (vocab.KIND_TITLES[vocab.HIRING_PLAN], "hiring_plan"),
)


def in_front_matter(role: Role | None, lines: Sequence[str], line: int) -> bool:
    """Whether 0-based ``line`` is inside the front matter (between its ``---`` lines)."""
    span = role.source.front_matter_span if role is not None else None
    if span is not None:
        return span.line - 1 < line < (span.end_line or span.line) - 1
    # a front matter being written: an opening --- above and no closing one yet
    if not lines or lines[0].strip() != "---":
        return False
    return line > 0 and all(lines[i].strip() != "---" for i in range(1, line))


def heading_items(where: types.Range) -> list[types.CompletionItem]:
    """Known section headings, to replace ``where`` (the heading's text so far)."""
    out = []
    for order, (title, field) in enumerate(HEADINGS):
        out.append(
            types.CompletionItem(
                label=title,
                kind=types.CompletionItemKind.Module,
                detail=f"section: {field}",
                sort_text=f"{order:02d}",
                text_edit=types.TextEdit(where, title),
            )
        )
    return out


def front_matter_items(config: Config, role: Role | None) -> list[types.CompletionItem]:
    """The keys the config requires (``required-front-matter``) that are not there yet."""
    required = config.options.get(REQUIRED.name, REQUIRED.default)
    present = set(role.front_matter) if role is not None else set()
    return [
        types.CompletionItem(
            label=key,
            kind=types.CompletionItemKind.Property,
            detail="required front matter key (required-front-matter)",
            insert_text=f"{key}: ",
            sort_text=f"{i:02d}",
        )
        for i, key in enumerate(required)
        if key not in present
    ]
