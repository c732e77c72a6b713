"""The markdown reader against its reference: roledef reads markdown with pulldown-cmark
(:mod:`roledef.read.blocks`); :mod:`tests.helpers.mdit_blocks` reads it with markdown-it-py, as
roledef did before. Both must give the same blocks on real files and on generated and mutated
documents, except where markdown-it-py departs from CommonMark (GFM, for tables): there GitHub's
own parser, cmark-gfm, must read the document as pulldown-cmark does (:func:`referee`). The
departures met so far are shown one by one in ``tests/unit/test_blocks_differential.py`` and
listed in ``docs/markdown.md``.
"""

from __future__ import annotations

import re

from hypothesis import strategies as st

from roledef.read import blocks
from roledef.read.blocks import _prepare
from tests.helpers import mdit_blocks


def reference(text: str) -> tuple[list[blocks.Block], list[tuple[int, str]]]:
    """markdown-it-py's reading of ``text``, as roledef's blocks."""
    return mdit_blocks.parse_blocks(text)


#: A line that starts with an HTML tag followed by white space other than spaces and tabs: an
#: HTML block for markdown-it-py, a paragraph for CommonMark. Rendered, both look the same, so
#: :func:`referee` cannot tell them apart; ``test_blocks_differential`` shows the case.
HTML_TAG_THEN_UNICODE_SPACE = re.compile(r"<[a-zA-Z][^\n>]*>[^\S \t\n]")


#: Where GFM's parsers disagree among themselves, in corners no role file goes: a table whose
#: rows are indented or start other blocks, and link reference definitions (invisible when
#: rendered, so no rendering settles where the block holding one ends). A generated document
#: with one of these may differ from markdown-it-py's reading when cmark-gfm cannot settle it.
UNSETTLED = re.compile(
    r"^(?=[^\n]*\|)(?=[^\n]*-)[ \t>|:-]+$"  # a table's delimiter row
    r"|^[ \t>*+\-\d.)]*\[[^\]\n]+\]:"  # a link reference definition
    # a list item that opens empty, then a blank line holding a tab: the three parsers give
    # three readings of what follows (inside the item, a new list, or lazy text)
    r"|^[ \t]*(?:[-*+]|\d+[.)])[ \t]*\n[ \t]*\t[ \t]*\n",
    re.MULTILINE,
)


def _flat(html: str) -> str:
    """HTML without white space or line breaks: block structure and text, not layout. NUL is
    the replacement character, as cmark-gfm writes it; and a heading's closing hashes after a
    tab go, as cmark-gfm drops them and pulldown-cmark's HTML keeps them (roledef cuts a
    heading's text itself, the CommonMark way)."""
    html = re.sub(r"\t#+\s*(?=</h[1-6]>)", "", html)
    return re.sub(r"\s+", "", html.replace("<br />", "").replace("\0", "\ufffd"))


def referee(text: str) -> str:
    """Who is right where the readers differ, by GitHub's reference parser (cmark-gfm, with
    tables, raw HTML kept): "pulldown-cmark" when it renders the document as cmark-gfm does and
    markdown-it-py does not, else "unsettled"."""
    import cmarkgfm
    import pyromark
    from cmarkgfm.cmark import Options
    from markdown_it import MarkdownIt

    # the reader's own preparation: form feeds and vertical tabs are text, no lone surrogates
    prepared = _prepare(text)
    gfm = _flat(
        cmarkgfm.cmark.markdown_to_html_with_extensions(
            prepared, options=Options.CMARK_OPT_UNSAFE, extensions=["table"]
        )
    )
    pulldown = _flat(pyromark.html(prepared, options=pyromark.Options.ENABLE_TABLES))
    markdown_it = _flat(MarkdownIt("commonmark").enable("table").render(prepared))
    if pulldown == gfm != markdown_it:
        return "pulldown-cmark"
    if pulldown == gfm and HTML_TAG_THEN_UNICODE_SPACE.search(text):
        return "pulldown-cmark"
    return "unsettled"


def difference(text: str) -> str | None:
    """None when both readers agree on ``text``; else the first block (or comment) that differs."""
    new = blocks.parse_blocks(text)
    old = reference(text)
    if new == old:
        return None
    for mine, theirs in zip([*new[0], None], [*old[0], None], strict=False):
        if mine != theirs:
            return f"pulldown-cmark: {mine!r}\nmarkdown-it-py: {theirs!r}"
    return f"comments: pulldown-cmark {new[1]!r}, markdown-it-py {old[1]!r}"


# -- generated documents --------------------------------------------------------------------

_WORDS = [
    "word",
    "Responsibilities",
    "Key Responsibilities:",
    "é",
    "😀",
    "中文",
    "*em*",
    "**strong**",
    "`code`",
    "<!-- roledef-disable RD201 -->",
    "<b>",
    "[link](u)",
    "&amp;",
    "\\",
    "#",
    "===",
    "a  ",
    "x\t",
    "1.",
    "-",
    "*",
    "\x00",
    "\u2028",
    "\u200b",
]
_INDENTS = ["", " ", "  ", "   ", "    ", "\t", " \t", "      ", "        "]
_MARKERS = ["- ", "* ", "+ ", "1. ", "2) ", "10. ", "-   ", "-\t", "-     ", "-", "1.", "- - "]
_FENCES = ["```", "~~~", "<!--", "-->", "<!-- c -->", "<div>", "</div>", "> ", ">", "---", "***"]
_TABLES = [
    "| a | b |",
    "|---|---|",
    "a | b",
    "--- | :-:",
    "| x |",
    "[ref]: /url",
    "[ref]: /url 'title'",
]


def _words(draw: st.DrawFn, most: int) -> str:
    return " ".join(draw(st.lists(st.sampled_from(_WORDS), max_size=most)))


@st.composite
def _line(draw: st.DrawFn) -> str:
    indent = draw(st.sampled_from(_INDENTS))
    kinds = ["item", "item", "item", "heading", "fence", "table", "blank", "text", "text"]
    kind = draw(st.sampled_from(kinds))
    if kind == "item":
        return indent + draw(st.sampled_from(_MARKERS)) + _words(draw, 4)
    if kind == "heading":
        hashes = "#" * draw(st.integers(1, 7))
        gap = draw(st.sampled_from([" ", "\t", ""]))
        close = draw(st.sampled_from(["", " ##", "#", " #  ", "\t#"]))
        return indent + hashes + gap + _words(draw, 3) + close
    if kind == "fence":
        return indent + draw(st.sampled_from(_FENCES))
    if kind == "table":
        return indent + draw(st.sampled_from(_TABLES))
    if kind == "blank":
        return draw(st.sampled_from(["", " ", "\t"]))
    return indent + _words(draw, 5)


#: Markdown documents of up to 16 lines, heavy on what the reader cares about: list items at
#: every indentation, headings (ATX and setext), comments, code, quotes, tables, link reference
#: definitions, tabs and non-ASCII text.
DOCUMENTS = st.builds(
    lambda lines, end: "\n".join(lines) + end,
    st.lists(_line(), min_size=1, max_size=16),
    st.sampled_from(["", "\n"]),
)
