"""The examples of the docs are real runs: each marked block holds what its command prints now.

``python tools/docs_examples.py --write`` refreshes them; see CONTRIBUTING.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import ROOT
from tools.docs_blocks import find_examples
from tools.docs_examples import Run, main, normalise, problems, run_example


@pytest.mark.slow
def test_every_example_of_the_docs_is_what_its_command_prints(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["--check"])
    out, err = capsys.readouterr()
    assert code == 0, f"{out}\n{err}\nrefresh with: python tools/docs_examples.py --write"


def _page(tmp_path: Path, text: str) -> Path:
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    return page


STALE = """\
# Linting

<!-- roledef-run: roledef lint examples/defective-role.md
     exit: 1 -->
```text
examples/defective-role.md:2:1: RD104 [error] an old message
```

A block that is not generated:

```text
examples/defective-role.md:2:1: RD104 [error] an old message
```
"""


@pytest.mark.slow
def test_write_rewrites_the_stale_block_and_nothing_else(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _page(tmp_path, STALE)
    assert main(["--check", str(page)]) == 1
    out, _ = capsys.readouterr()
    assert f"--- {page}:6 (the docs)" in out and f"+++ {page}:6 (a run now)" in out
    assert "-examples/defective-role.md:2:1: RD104 [error] an old message" in out
    assert page.read_text(encoding="utf-8") == STALE  # --check writes nothing

    assert main(["--write", str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    [example] = find_examples(text, "page.md")
    shown = example.unindented()
    assert shown[0].startswith("examples/defective-role.md:2:1: RD104 [error] navTitle ")
    assert any(line.startswith("Found 3 errors") for line in shown)
    before, after = STALE.split("```text\n", 1), text.split("```text\n", 1)
    assert before[0] == after[0]  # the page up to the block
    assert before[1].split("```\n", 1)[1] == after[1].split("```\n", 1)[1]  # and after it
    assert main(["--check", str(page)]) == 0


@pytest.mark.slow
def test_a_changed_exit_code_is_stale_and_left_to_a_person(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _page(tmp_path, STALE.replace("exit: 1", "exit: 0"))
    assert main(["--check", str(page)]) == 1
    assert f"{page}:3: exit code 1, the marker says 0" in capsys.readouterr().out
    assert main(["--write", str(page)]) == 1
    assert "exit: 0" in page.read_text(encoding="utf-8")


@pytest.mark.slow
def test_examples_run_this_checkout_in_a_fixed_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("COLUMNS", "40")
    page = (
        "<!-- roledef-run -->\n```console\n"
        "$ python -c 'import roledef; print(roledef.__file__)'\n"
        "$ env | grep -c -E '^(GITHUB_ACTIONS|COLUMNS|NO_COLOR)='\n"
        "$ echo $TZ $LC_ALL $ROLEDEF_NO_CACHE\n```\n"
    )
    [example] = find_examples(page, "page.md")
    run = run_example(example)
    assert run.lines == [
        "$ python -c 'import roledef; print(roledef.__file__)'",
        "/path/to/roledef/src/roledef/__init__.py",
        "$ env | grep -c -E '^(GITHUB_ACTIONS|COLUMNS|NO_COLOR)='",
        "0",
        "$ echo $TZ $LC_ALL $ROLEDEF_NO_CACHE",
        "UTC C.UTF-8 1",
    ]


@pytest.mark.slow
def test_a_console_blocks_commands_share_one_shell_as_in_a_terminal() -> None:
    page = (
        "<!-- roledef-run\n     cwd: docs/examples -->\n```console\n"
        "$ cd handbook && roledef lint --output-format json missing.md > /dev/null 2>&1\n"
        "$ echo $?\n"
        "$ printf 'no newline at the end'\n"
        "$ pwd\n```\n"
    )
    [example] = find_examples(page, "page.md")
    run = run_example(example)
    assert run.lines == [
        "$ cd handbook && roledef lint --output-format json missing.md > /dev/null 2>&1",
        "$ echo $?",
        "2",
        "$ printf 'no newline at the end'",
        "no newline at the end",
        "$ pwd",
        "/home/you/handbook",
    ]
    assert run.exit_code == 0


@pytest.mark.slow
def test_a_command_that_writes_runs_in_a_copy_of_its_folder() -> None:
    source = ROOT / "docs" / "examples" / "handbook" / "sales, EMEA.md"
    before = source.read_bytes()
    page = (
        "<!-- roledef-run: roledef lint --fix handbook > /dev/null 2>&1; \\\n"
        "pwd; grep -c Skills handbook/*EMEA.md\n"
        "     cwd: docs/examples -->\n```text\n```\n"
    )
    [example] = find_examples(page, "page.md")
    assert run_example(example).lines == ["/home/you", "1"]
    assert source.read_bytes() == before


def test_what_varies_by_run_is_replaced_in_the_open() -> None:
    output = "/tmp/roledef-docs-x/work/a.md: wrote\n- duration: 0.18s\n\n"
    assert normalise(output, "/tmp/roledef-docs-x/work") == [
        "/home/you/a.md: wrote",
        "- duration: 0.12s",
    ]


def test_a_stale_block_is_a_diff_naming_the_page_and_line() -> None:
    [example] = find_examples(STALE, "docs/lint.md")
    notes, diff = problems(example, Run(["new"], 1))
    assert notes == []
    assert diff[0].splitlines()[:2] == [
        "--- docs/lint.md:6 (the docs)",
        "+++ docs/lint.md:6 (a run now)",
    ]
    assert problems(example, Run(example.unindented(), 1)) == ([], [])
    assert problems(example, Run(example.unindented(), 2))[0] == [
        "docs/lint.md:3: exit code 2, the marker says 1"
    ]
