"""Strategies and checks shared by the fuzz properties (tests/robust/test_fuzz.py) and the long
fuzz run (fuzz/run.py): hostile text, mutated real role files, and what must hold for each."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from hypothesis import strategies as st

from roledef.model import Role, Span
from roledef.modeldict import role_from_dict, role_to_dict
from tests.helpers import corpus_files

#: Fragments that steer the parser into its less travelled states.
TOKENS = [
    "---",
    "...",
    "# ",
    "## ",
    "### ",
    "#######",
    "* ",
    "- ",
    "+ ",
    "1. ",
    "1) ",
    "> ",
    "    ",
    "\t",
    "```",
    "~~~",
    "<!--",
    "-->",
    "<!-- roledef-disable RD201 -->",
    "<div>",
    "|",
    "| --- |",
    "**",
    "__",
    "*",
    "_",
    "`",
    "[",
    "]",
    "(",
    ")",
    "](",
    ":",
    "\n",
    "\r\n",
    "\r",
    "\ufeff",
    "\u2028",
    "\x85",
    "\x0b",
    "\x0c",
    "\x00",
    "&amp;",
    "\\",
    "navTitle: ",
    "&a ",
    "*a",
    "!!python/",
    "## Job Description",
    "## Skills",
    "### Nice to Have",
    "## 90-Day Plan",
    "### Week 1-4: Go",
    "## Hiring Plan",
    "1. CTO Interview (45m): x. Done by the CTO.",
    "Key Responsibilities:",
    "What is the X not responsible for?",
    "(30 minutes)",
    "for 1-2 hours",
    "é",
    "😀",
    "\u200b",
]

TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=12)), max_size=60).map("".join),
)


@lru_cache(maxsize=1)
def corpus_texts() -> tuple[str, ...]:
    """The real role files' text (empty without the corpus)."""
    out = []
    for path in corpus_files():
        try:
            out.append(path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
    return tuple(out)


@st.composite
def mutated(draw: st.DrawFn, texts: tuple[str, ...]) -> str:
    """A real file with a few random edits: cut, copy, insert a token or junk, swap lines."""
    text = draw(st.sampled_from(texts))
    for _ in range(draw(st.integers(1, 6))):
        n = len(text)
        op = draw(st.sampled_from(["cut", "copy", "token", "junk", "swap", "endings"]))
        i = draw(st.integers(0, n))
        j = draw(st.integers(i, min(n, i + 400)))
        if op == "cut":
            text = text[:i] + text[j:]
        elif op == "copy":
            text = text[:i] + text[i:j] * draw(st.integers(2, 4)) + text[i:]
        elif op == "token":
            text = text[:i] + draw(st.sampled_from(TOKENS)) + text[i:]
        elif op == "junk":
            text = text[:i] + draw(st.text(max_size=20)) + text[j:]
        elif op == "swap":
            lines = text.split("\n")
            a = draw(st.integers(0, len(lines) - 1))
            b = draw(st.integers(0, len(lines) - 1))
            lines[a], lines[b] = lines[b], lines[a]
            text = "\n".join(lines)
        else:
            text = text.replace("\n", draw(st.sampled_from(["\r\n", "\r", "\n\n"])))
    return text


def spans(role: Role) -> Iterator[Span]:
    """Every span the model records."""
    yield from (i.span for i in role.responsibilities)
    yield from (i.span for i in role.non_responsibilities)
    yield from (i.span for i in role.skills.required + role.skills.nice_to_have)
    for phase in role.onboarding:
        yield phase.span
        yield from (i.span for i in phase.items)
    yield from (s.span for s in role.hiring_plan)
    yield from (s.span for s in role.sections)
    yield from (h.span for h in role.source.headings)
    yield from role.source.front_matter_keys.values()
    yield from role.source.section_spans.values()
    for span in (role.source.title_span, role.source.front_matter_span):
        if span is not None:
            yield span


def line_count(text: str) -> int:
    """Lines as roledef numbers them (CRLF and CR are one line break, as LF)."""
    return len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def check_text(text: str, name: str = "fuzz.md") -> None:
    """Everything that must hold for any markdown text: parse, convert, lint, render."""
    from roledef.config import resolve_config
    from roledef.lint.check import check_text
    from roledef.read.markdown import parse_markdown
    from roledef.read.schema import validate
    from roledef.read.yamlio import load_yaml
    from roledef.write.render import render_markdown
    from roledef.write.structured import dump_role

    role = parse_markdown(text, name)
    lines = line_count(text)
    for span in spans(role):
        assert 1 <= span.line <= lines, span
        assert span.column >= 1, span
        assert span.end_line is None or span.line <= span.end_line <= lines, span
    data = role_to_dict(role)
    # front matter is the author's data, kept as written (lint reports what is wrong with it);
    # everything roledef derives must fit the schema
    derived = {**data, "front_matter": {}}
    assert not list(validate(derived)), list(validate(derived))[:3]
    # convert: both formats, and the YAML reads back to the same data
    yaml_text = dump_role(role)
    assert load_yaml(yaml_text)[0] == data
    assert json.loads(dump_role(role, "json")) == data
    # lint: every finding inside the file
    result = check_text(text, name, resolve_config({}, {"select": ["ALL"]}))
    for finding in result.findings:
        assert 1 <= finding.line <= max(lines, 1), finding
    # render the converted data, and read the markdown back without error
    markdown = render_markdown(role_from_dict(data))
    parse_markdown(markdown, name)


def check_fix(text: str, folder: Path, *, unsafe: bool = False) -> None:
    """``lint --fix`` never raises, and fixing a fixed file changes nothing (idempotent)."""
    from roledef.config import resolve_config
    from roledef.fix.apply import fix_file

    config = resolve_config({}, {"select": ["ALL"]}, root=folder)
    path = folder / "fuzz.md"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    first = fix_file(str(path), config, unsafe=unsafe)
    if first.refused or not first.changed:
        return
    first.write()
    second = fix_file(str(path), config, unsafe=unsafe)
    assert second.refused is None, second.refused
    assert not second.changed, second.diff()
