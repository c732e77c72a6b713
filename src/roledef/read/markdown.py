"""Markdown role file -> :class:`~roledef.model.Role`, with a source span on every element.

The document is read once, top to bottom, as a small state machine over the blocks of
:mod:`roledef.read.blocks`: a heading (or a label paragraph such as ``Key Responsibilities:``)
decides which part of the model the following paragraphs and lists belong to. What the vocabulary
does not know is kept verbatim in ``sections``, so nothing in the file is dropped.

The pieces, in reading order: :mod:`~roledef.read.frontmatter` (front matter and title),
:mod:`~roledef.read.sections` (what a heading or label starts), :mod:`~roledef.read.body`
(where the other blocks go), :mod:`~roledef.read.collect` (one collector per part of the model),
all sharing one :class:`~roledef.read.state.ReadState`.
"""

from __future__ import annotations

from roledef.model import MARKDOWN, Role, Skills, SourceInfo, Span
from roledef.read import body, levels, sections, vocab
from roledef.read.blocks import parse_blocks
from roledef.read.frontmatter import FrontMatter, choose_title, file_stem, read_front_matter
from roledef.read.placeholders import locate, may_hold
from roledef.read.state import ReadState
from roledef.text import plain, slugify


def split_document(text: str) -> tuple[list[str], FrontMatter, str]:
    """A markdown file's lines (any line ending read as one), its front matter, and its body as
    the block parser reads it: the front matter blanked out, so that line numbers stay the file's.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    front = read_front_matter(lines)
    return lines, front, "\n" * front.body_start + "\n".join(lines[front.body_start :])


def parse_markdown(
    text: str, path: str = "<string>", *, aliases: dict[str, str] | None = None
) -> Role:
    """Read a markdown role file into a :class:`Role`. Never raises on any text, unless the
    compiled markdown parser fails (:class:`~roledef.read.blocks.MarkdownParserError`)."""
    lines, front, md = split_document(text)
    st = ReadState(lines, {**vocab.SECTION_ALIASES, **(aliases or {})})
    blocks, comments = parse_blocks(md)
    for block in blocks:
        if block.kind == "heading":
            sections.heading(st, block)
        elif block.kind == "paragraph":
            body.paragraph(st, block)
        elif block.kind == "list":
            body.list_block(st, block)
        else:
            body.other(st, block)
    st.steps.close(len(lines))
    st.sections.close(len(lines))
    st.steps.from_prose(st.sections.found)
    spots = locate(lines) if may_hold(text) else ()
    return _build(st, path, comments, front, spots)


def _build(
    st: ReadState,
    path: str,
    comments: list[tuple[int, str]],
    front: FrontMatter,
    spots: tuple[tuple[Span, str], ...],
) -> Role:
    """The role the reader collected, with where each part came from."""
    found_levels = levels.finish(st)  # first: it takes the levels' content out of the lists
    stem = file_stem(path)
    title, title_span, title_source = choose_title(st.title, front, stem)
    summary = "\n\n".join(p for p in st.summary if p.strip()) or None
    reports_to = None
    if summary:
        m = vocab.REPORTS_TO_RE().search(plain(summary))
        if m:
            reports_to = m.group("who").strip()
    source = SourceInfo(
        path=path,
        format=MARKDOWN,
        line_count=len(st.lines),
        headings=tuple(st.headings),
        front_matter_span=front.span,
        front_matter_error=front.error,
        front_matter_keys=front.keys,
        section_spans=st.section_spans,
        title_span=title_span,
        title_source=title_source,
        comments=tuple(comments),
        placeholders=spots,
    )
    items = st.items
    return Role(
        id=slugify(stem),
        title=title,
        front_matter=front.data,
        summary=summary,
        reports_to=reports_to,
        responsibilities=tuple(items.responsibilities),
        non_responsibilities=tuple(items.non_responsibilities),
        skills=Skills(tuple(items.required), tuple(items.nice)),
        levels=found_levels,
        onboarding=st.phases.build(),
        hiring_plan=tuple(st.steps.found),
        sections=tuple(st.sections.found),
        source=source,
    )
