"""The compiled markdown parser's own failure modes: a Rust panic, byte offsets against
characters, lone surrogates, deep nesting, and a parse the time limit must be able to stop."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from roledef.read import blocks
from roledef.read.blocks import MAX_LIST_DEPTH, MarkdownParserError, parse_blocks
from roledef.read.limits import TimeLimitError, time_limit
from roledef.read.markdown import parse_markdown
from tests.helpers.robust import ROLE, assert_no_traceback, run_cli, write


class PanicException(BaseException):
    """What a panic inside pulldown-cmark reaches Python as (pyo3_runtime.PanicException)."""


def _panicking(*_args: Any, **_kwargs: Any) -> Iterator[Any]:
    yield ({"Start": "Paragraph"}, {"start": 0, "end": 1})
    raise PanicException("index out of bounds: the len is 3 but the index is 7")


def test_a_panic_is_a_parser_error_not_a_base_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    import pyromark

    monkeypatch.setattr(pyromark, "events_with_range", _panicking)
    with pytest.raises(MarkdownParserError, match=r"pulldown-cmark.*index out of bounds"):
        parse_blocks("# T\n")


def test_a_panic_when_the_parser_is_called_is_caught_too(monkeypatch: pytest.MonkeyPatch) -> None:
    import pyromark

    def panics_at_once(*_args: Any, **_kwargs: Any) -> Iterator[Any]:
        raise PanicException("explicit panic")

    monkeypatch.setattr(pyromark, "events_with_range", panics_at_once)
    with pytest.raises(MarkdownParserError, match="explicit panic"):
        parse_blocks("# T\n")


def test_ctrl_c_inside_the_parser_is_not_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    import pyromark

    def interrupted(*_args: Any, **_kwargs: Any) -> Iterator[Any]:
        raise KeyboardInterrupt
        yield  # pragma: no cover

    monkeypatch.setattr(pyromark, "events_with_range", interrupted)
    with pytest.raises(KeyboardInterrupt):
        parse_blocks("# T\n")


def test_a_panic_is_a_finding_on_its_file_and_the_others_are_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyromark

    real = pyromark.events_with_range

    def panics_on_one(text: str, **kwargs: Any) -> Iterator[Any]:
        if "PANIC" in text:
            return _panicking()
        return real(text, **kwargs)

    monkeypatch.setattr(pyromark, "events_with_range", panics_on_one)
    bad = write(tmp_path / "bad.md", ROLE.replace("# ", "# PANIC ", 1))
    good = write(tmp_path / "good.md", ROLE.replace("navTitle:", "navtitle:", 1))
    linted = run_cli("lint", "--no-cache", str(bad), str(good))
    assert_no_traceback(linted)
    assert linted.rc == 3, linted
    assert f"{bad}:1:1:" in linted.out and "pulldown-cmark" in linted.out
    assert str(good) in linted.out  # the other file's findings are still reported
    converted = run_cli("convert", str(bad))
    assert_no_traceback(converted)
    assert converted.rc == 3 and str(bad) in converted.err and "pulldown-cmark" in converted.err


def test_lines_and_columns_are_counted_in_characters_not_bytes() -> None:
    text = (
        "# Rôle 😀 d'équipe\n"
        "\n"
        "中文段落，第一行\n"
        "第二行 😀\n"
        "\n"
        "- 第一项 é\n"
        "  continuation ü\n"
        "  - 嵌套 😀😀\n"
        "- ☃ second\n"
        "<!-- roledef-disable RD201 😀 -->\n"
    )
    found, comments = parse_blocks(text)
    heading, paragraph, listed, html = found
    assert (heading.start, heading.end, heading.text) == (0, 1, "Rôle 😀 d'équipe")
    assert (paragraph.start, paragraph.end) == (2, 4)
    assert paragraph.text == "中文段落，第一行\n第二行 😀"
    first, second = listed.items
    assert (first.start, first.end, first.text) == (5, 8, "第一项 é\ncontinuation ü")
    assert [(c.start, c.column, c.text) for c in first.children] == [(7, 3, "嵌套 😀😀")]
    assert (second.start, second.text) == (8, "☃ second")
    assert (html.kind, html.start) == ("html", 9)
    assert comments == [(10, "roledef-disable RD201 😀")]


def test_a_lone_surrogate_is_read_not_refused() -> None:
    found, comments = parse_blocks("- a\udc80b\n<!-- x\udc80 -->\n")
    assert found[0].items[0].text == "a\udc80b"
    assert comments == [(2, "x\udc80")]


def test_lists_deeper_than_the_limit_stay_as_text() -> None:
    depth = MAX_LIST_DEPTH + 15
    text = "".join("  " * level + f"- level {level}\n" for level in range(depth))
    (block,), _ = parse_blocks(text)
    item, seen = block.items[0], 1
    while item.children:
        (item,) = item.children
        seen += 1
    assert seen == MAX_LIST_DEPTH
    assert f"- level {depth - 1}" in item.rest  # nothing is dropped


@pytest.mark.parametrize(
    "text",
    [
        "> " * 100_000 + "x\n",
        "- " * 100_000 + "x\n",
        "".join("  " * i + "- x\n" for i in range(2_000)),
        "|a" * 20_000 + "\n" + "|-" * 20_000 + "\n" + "|b\n" * 20_000,
    ],
    ids=["quotes", "bullets", "indented-lists", "wide-table"],
)
def test_hostile_nesting_and_tables_parse_in_linear_time(text: str) -> None:
    start = time.perf_counter()
    parse_markdown(text, "hostile.md")
    assert time.perf_counter() - start < 5.0


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs POSIX interval timers")
def test_the_time_limit_stops_a_parse_between_two_events(monkeypatch: pytest.MonkeyPatch) -> None:
    """The events are pulled one by one, so a slow parse is stopped by the per-file limit."""
    import pyromark

    def slow(*_args: Any, **_kwargs: Any) -> Iterator[Any]:
        while True:
            time.sleep(0.01)
            yield ({"Start": "Paragraph"}, {"start": 0, "end": 1})

    monkeypatch.setattr(pyromark, "events_with_range", slow)
    start = time.perf_counter()
    with pytest.raises(TimeLimitError), time_limit("slow.md", 0.3):
        blocks.parse_blocks("x\n")
    assert time.perf_counter() - start < 3.0
