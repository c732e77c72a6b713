"""Finding the generated examples of a page: markers, their options and their blocks' lines."""

from __future__ import annotations

import re

import pytest

from tools.docs_blocks import (
    MarkerError,
    console_commands,
    cut_lines,
    find_examples,
    replace_bodies,
)

PAGE = """\
# A page

Some prose.

<!-- roledef-run: roledef lint handbook
     cwd: docs/examples
     exit: 1 -->
```text
old output
```

<!-- an ordinary comment -->
```text
not generated
```
"""


def test_a_marker_and_its_block() -> None:
    [example] = find_examples(PAGE, "page.md")
    assert example.command == "roledef lint handbook"
    assert example.options == {"cwd": "docs/examples", "exit": "1"}
    assert example.info == "text"
    assert example.where == "page.md:5"
    lines = PAGE.split("\n")
    assert lines[example.body_start : example.body_end] == ["old output"]
    assert example.commands() == ["roledef lint handbook"]


def test_a_command_of_several_lines_and_no_options() -> None:
    page = (
        "<!-- roledef-run: roledef convert x.md | python -c 'import sys\n"
        "print(sys.stdin.read())' -->\n```yaml\n```\n"
    )
    [example] = find_examples(page, "p.md")
    assert (
        example.command == "roledef convert x.md | python -c 'import sys\nprint(sys.stdin.read())'"
    )
    assert example.options == {}
    assert example.body == []


def test_a_console_block_holds_its_commands() -> None:
    page = (
        "<!-- roledef-run -->\n```console\n$ roledef lint a.md\na.md:1:1: ...\n$ echo hi\nhi\n```\n"
    )
    [example] = find_examples(page, "p.md")
    assert example.commands() == ["roledef lint a.md", "echo hi"]


def test_a_console_marker_may_have_options_on_its_own_lines() -> None:
    page = "<!-- roledef-run\n     cwd: docs/examples -->\n```console\n$ roledef init jobs\n```\n"
    [example] = find_examples(page, "p.md")
    assert (example.command, example.options) == ("", {"cwd": "docs/examples"})


def test_console_commands_continue_over_open_quotes_and_backslashes() -> None:
    body = ["$ python -c 'import sys", "print(1)'", "1", "$ roledef lint \\", "  a.md", "out"]
    assert console_commands(body, "p.md:1") == [
        "python -c 'import sys\nprint(1)'",
        "roledef lint \\\n  a.md",
    ]


def test_a_block_in_a_list_item_keeps_its_indentation() -> None:
    page = "- item\n\n  <!-- roledef-run: roledef rules -->\n  ~~~~text\n  one\n\n  two\n  ~~~~\n"
    [example] = find_examples(page, "p.md")
    assert example.indent == "  "
    assert example.unindented() == ["one", "", "two"]
    new = replace_bodies(page, {example.body_start: ["three", "", "four"]}, [example])
    assert new == page.replace("  one\n\n  two", "  three\n\n  four")


def test_a_block_in_a_quote_keeps_its_quote_marks() -> None:
    page = "> <!-- roledef-run: roledef rules -->\n> ```text\n> one\n>\n> two\n> ```\n"
    [example] = find_examples(page, "p.md")
    assert example.unindented() == ["one", "", "two"]
    new = replace_bodies(page, {example.body_start: ["three", "", "four"]}, [example])
    assert new == page.replace("one", "three").replace("two", "four")


def test_a_marker_shown_inside_a_code_block_is_text() -> None:
    page = "````markdown\n<!-- roledef-run: roledef lint x -->\n```text\n```\n````\n"
    assert find_examples(page, "p.md") == []


def test_a_marker_in_prose_is_not_a_marker() -> None:
    assert find_examples("Write <!-- roledef-run: x --> before a block.\n", "p.md") == []


def test_markers_are_found_with_positions_after_non_ascii_text() -> None:
    page = "# Rôle → poste\n\n«é» — ok\n\n<!-- roledef-run: roledef rules -->\n```text\nx\n```\n"
    [example] = find_examples(page, "p.md")
    assert (example.marker_line, example.body_start, example.body_end) == (4, 6, 7)


@pytest.mark.parametrize(
    ("page", "message"),
    [
        (
            "<!-- roledef-run: roledef rules -->\n\nA paragraph.\n",
            "p.md:1: roledef-run is not followed",
        ),
        ("<!-- roledef-run: roledef rules -->\n", "p.md:1: roledef-run is not followed"),
        ("<!-- roledef-run: roledef rules -->\n    indented code\n", "is not followed by a fenced"),
        ("<!-- roledef-run: roledef rules\n  colour: red -->\n```\n```\n", "unknown option line"),
        ("<!-- roledef-run: roledef rules -->\n```console\n$ x\n```\n", "holds its commands"),
        ("<!-- roledef-run -->\n```text\n```\n", "name the command"),
        ("<!-- roledef-run -->\n```console\nno command\n```\n", "has no '$ ' line"),
        ("<!-- roledef-run: roledef rules -->\n```text\nnever closed\n", "is not closed"),
    ],
)
def test_markers_that_cannot_be_used_are_errors_naming_the_line(page: str, message: str) -> None:
    with pytest.raises(MarkerError, match=re.escape(message)):
        find_examples(page, "p.md")


def test_replacing_a_body_leaves_every_other_line() -> None:
    examples = find_examples(PAGE, "page.md")
    new = replace_bodies(PAGE, {examples[0].body_start: ["new", "lines"]}, examples)
    assert new == PAGE.replace("old output\n", "new\nlines\n")
    assert replace_bodies(PAGE, {}, examples) == PAGE


@pytest.mark.parametrize(
    ("spec", "shown"),
    [
        ("1-2", ["a", "b", "…"]),
        ("2-", ["…", "b", "c", "d"]),
        ("1,3-4", ["a", "…", "c", "d"]),
        ("1-9", ["a", "b", "c", "d"]),
        ("last 2", ["…", "c", "d"]),
        ("1, last 1", ["a", "…", "d"]),
    ],
)
def test_cut_lines_marks_each_cut(spec: str, shown: list[str]) -> None:
    assert cut_lines(["a", "b", "c", "d"], spec, "p.md:1") == shown


def test_cut_lines_refuses_a_spec_it_cannot_read() -> None:
    with pytest.raises(MarkerError, match=re.escape("p.md:1: lines: 'first'")):
        cut_lines(["a"], "first", "p.md:1")
