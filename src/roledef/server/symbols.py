"""The outline: the role as the model reads it (responsibilities, skills, onboarding phases,
hiring steps with owner and duration), as document symbols whose ranges are the spans read."""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types

from roledef.model import HiringStep, Item, Phase, Role, Span
from roledef.read import vocab
from roledef.server.positions import UTF16, to_client

SK = types.SymbolKind


class Outliner:
    """Makes symbols for one document's lines, in the client's position encoding."""

    def __init__(self, lines: Sequence[str], encoding: str = UTF16) -> None:
        self.lines = lines
        self.encoding = encoding

    def range(self, span: Span) -> types.Range:
        last = max(0, len(self.lines) - 1)
        line = min(max(0, span.line - 1), last)
        end_line = min(max(line, (span.end_line or span.line) - 1), last)
        text = self.lines[line] if self.lines else ""
        end_text = self.lines[end_line] if self.lines else ""
        if span.end_line is None or span.end_column is None:
            end = to_client(end_text, len(end_text), self.encoding)
        else:
            end = to_client(end_text, span.end_column, self.encoding)
        start = types.Position(line, to_client(text, span.column - 1, self.encoding))
        return types.Range(start, types.Position(end_line, end))

    def symbol(
        self,
        name: str,
        kind: types.SymbolKind,
        span: Span,
        children: list[types.DocumentSymbol] | None = None,
        detail: str | None = None,
    ) -> types.DocumentSymbol:
        """A symbol whose range covers its own span and its children's."""
        selection = self.range(span)
        whole = selection
        for child in children or ():
            whole = _union(whole, child.range)
        return types.DocumentSymbol(
            name=name or "(untitled)",
            kind=kind,
            range=whole,
            selection_range=selection,
            detail=detail,
            children=children or None,
        )

    def items(self, items: Sequence[Item]) -> list[types.DocumentSymbol]:
        return [self.symbol(_item_name(i), SK.Field, i.span) for i in items]

    def section(
        self, role: Role, kind: str, title: str, children: list[types.DocumentSymbol]
    ) -> types.DocumentSymbol | None:
        heading = role.source.section_spans.get(kind)
        if heading is None and not children:
            return None
        span = heading or _span_of(children[0].selection_range)
        return self.symbol(title, SK.Namespace, span, children)

    def outline(self, role: Role) -> list[types.DocumentSymbol]:
        """The role's symbols: its title, with its parts below it."""
        parts: list[types.DocumentSymbol | None] = [
            self.section(
                role, vocab.RESPONSIBILITIES, "Responsibilities", self.items(role.responsibilities)
            ),
            self.section(
                role,
                vocab.NON_RESPONSIBILITIES,
                "Non-responsibilities",
                self.items(role.non_responsibilities),
            ),
            self.section(role, vocab.SKILLS, "Skills", self._skills(role)),
            self.section(
                role, vocab.ONBOARDING, "90-Day Plan", [self._phase(p) for p in role.onboarding]
            ),
            self.section(
                role, vocab.HIRING_PLAN, "Hiring Plan", [self._step(s) for s in role.hiring_plan]
            ),
        ]
        children = [p for p in parts if p is not None]
        title_span = role.source.title_span or Span(1)
        top = self.symbol(role.title or "(untitled role)", SK.Class, title_span, children)
        return [top]

    def _skills(self, role: Role) -> list[types.DocumentSymbol]:
        out = []
        for name, items in (
            ("Required", role.skills.required),
            ("Nice to have", role.skills.nice_to_have),
        ):
            children = self.items(items)
            if children:
                first = _span_of(children[0].selection_range)
                out.append(self.symbol(name, SK.Namespace, first, children))
        return out

    def _phase(self, phase: Phase) -> types.DocumentSymbol:
        name = " - ".join(p for p in (phase.period, phase.title) if p)
        return self.symbol(name, SK.Event, phase.span, self.items(phase.items))

    def _step(self, step: HiringStep) -> types.DocumentSymbol:
        return self.symbol(step.name or "(step)", SK.Function, step.span, detail=step_detail(step))


def step_detail(step: HiringStep) -> str:
    """A hiring step's owner and duration, as the outline shows them."""
    owners = ", ".join(step.owners) if step.owners else "no owner"
    if step.duration_minutes is None:
        duration = "no duration"
    elif step.duration_max_minutes:
        duration = f"{step.duration_minutes}-{step.duration_max_minutes} min"
    else:
        duration = f"{step.duration_minutes} min"
    return f"{owners}; {duration}" + ("; optional" if step.optional else "")


def _item_name(item: Item) -> str:
    return item.name or item.description or "(item)"


def _span_of(selection: types.Range) -> Span:
    """A span standing for a child's place (its first line)."""
    return Span(selection.start.line + 1, 1)


def _before(a: types.Position, b: types.Position) -> bool:
    return (a.line, a.character) < (b.line, b.character)


def _union(a: types.Range, b: types.Range) -> types.Range:
    start = a.start if _before(a.start, b.start) else b.start
    end = b.end if _before(a.end, b.end) else a.end
    return types.Range(start, end)
