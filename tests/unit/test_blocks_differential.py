"""roledef's markdown reader (pulldown-cmark) against markdown-it-py, the reader it replaced.

On every real file (``../shared/corpus``, ``more/`` included) both give the same blocks, the same
comments and the same model. On generated and mutated documents they agree, or markdown-it-py
departs from CommonMark/GFM and GitHub's own parser (cmark-gfm) reads the document as roledef
does. Each departure met is shown below by a small document (docs/markdown.md lists them).
The long run of the same comparison is ``python fuzz/run.py --target differential``.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from roledef.read import blocks, markdown
from tests.helpers import corpus_path, corpus_skip_reason
from tests.helpers.differential import DOCUMENTS, UNSETTLED, difference, referee, reference
from tests.helpers.fuzz import corpus_texts, mutated


def _all_corpus_files() -> list[str]:
    base = corpus_path()
    if not base.is_dir():
        return []
    return sorted(str(p) for p in base.rglob("*") if p.is_file() and p.suffix != ".tsv")


CORPUS = _all_corpus_files()
needs_corpus = pytest.mark.skipif(not CORPUS, reason=corpus_skip_reason())


@pytest.mark.corpus
@needs_corpus
def test_every_corpus_file_gives_the_same_blocks_and_comments() -> None:
    assert len(CORPUS) >= 100
    differ = {}
    for path in CORPUS:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = markdown.split_document(handle.read())[2]
        found = difference(text)
        if found:
            differ[path] = found
    assert not differ, differ


@pytest.mark.corpus
@needs_corpus
def test_every_corpus_file_gives_the_same_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole reader above the blocks, run on either parser's blocks: the same roles."""
    texts = {}
    for path in CORPUS:
        with open(path, encoding="utf-8", errors="replace") as handle:
            texts[path] = handle.read()
    mine = {path: markdown.parse_markdown(text, path) for path, text in texts.items()}
    monkeypatch.setattr(markdown, "parse_blocks", reference)
    theirs = {path: markdown.parse_markdown(text, path) for path, text in texts.items()}
    assert [p for p in CORPUS if mine[p] != theirs[p]] == []


def _agree_or_refereed(text: str) -> None:
    found = difference(text)
    if found is None:
        return
    verdict = referee(text)
    assert verdict == "pulldown-cmark" or UNSETTLED.search(text), f"{text!r}\n{found}"


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(DOCUMENTS)
def test_generated_documents_read_alike_or_as_commonmark_says(text: str) -> None:
    _agree_or_refereed(text)


@pytest.mark.corpus
@needs_corpus
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(mutated(corpus_texts()) if corpus_texts() else DOCUMENTS)
def test_mutated_real_files_read_alike_or_as_commonmark_says(text: str) -> None:
    _agree_or_refereed(markdown.split_document(text)[2])


# -- where markdown-it-py departs from CommonMark (GFM for tables) ----------------------------
# Each document: roledef's reading, markdown-it-py's, and cmark-gfm's verdict.


def _kinds(text: str) -> list[str]:
    return [b.kind for b in blocks.parse_blocks(text)[0]]


def _reference_kinds(text: str) -> list[str]:
    return [b.kind for b in reference(text)[0]]


DEPARTURES = [
    # an empty list item, then blank lines, then another item: one list
    ("-\n\n\n- b\n", ["list"], ["list", "list"]),
    # a line after a link reference definition that cannot interrupt a paragraph continues it
    ("[x]: /u\n    more\n", ["paragraph"], ["other"]),
    # a tab-indented line after a nested item's paragraph is a lazy continuation, not code
    (" 10. \n        + x\n\t- - \n", ["list"], ["list", "other"]),
    # a table header row is a paragraph line: a list item's line is the list's
    ("* a | b |\n|---|---|\n", ["list"], ["other"]),
    # an opening tag followed by an ideographic space is inline HTML in a paragraph
    ("<b>\u3000\n", ["paragraph"], ["html"]),
    # an empty block quote, then an indented line: code, not a lazy line of the quote
    (">\n        >\n", ["other", "other"], ["other"]),
]


@pytest.mark.parametrize(("text", "ours", "theirs"), DEPARTURES)
def test_documented_departures(text: str, ours: list[str], theirs: list[str]) -> None:
    assert _kinds(text) == ours
    assert _reference_kinds(text) == theirs
    assert referee(text) == "pulldown-cmark"


def test_form_feeds_and_vertical_tabs_are_text_as_in_commonmark() -> None:
    """pulldown-cmark takes them for spaces; CommonMark (and markdown-it-py) for text."""
    for text in ("#\x0c  \n", "a\n\x0c\n\tb\n", "- x\n\x0b\n"):
        assert difference(text) is None, text
    text = "<!-- roledef-disable\x0cRD201 -->\n"  # the comment's text is the file's
    assert blocks.parse_blocks(text)[1] == [(1, "roledef-disable\x0cRD201")]
