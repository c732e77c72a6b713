"""What the end of ``roledef lint``'s output tells a user: the files a folder walk skipped, and
the findings ``roledef lint --fix`` fixes (the ``[*]`` marks and the last line)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from roledef.cli import cli
from roledef.lint.discover import other_files
from tests.helpers.lint import ROLE
from tests.helpers.pages import NOT_ROLES

INDEX = NOT_ROLES["index-of-links"][0]


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["lint", "--no-cache", *args], standalone_mode=False)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return int(result.return_value or 0), result.stdout


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of one role file, the same role without an extension, and an index page."""
    jobs = tmp_path / "jobs"
    jobs.mkdir()
    (jobs / "data-engineer.md").write_text(ROLE, encoding="utf-8")
    (jobs / "Data Analyst").write_text(ROLE.replace("Data Engineer", "Data Analyst"), "utf-8")
    (jobs / "index.md").write_text(INDEX, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return jobs


def test_the_summary_says_what_a_folder_walk_skipped(folder: Path) -> None:
    rc, out = _invoke("jobs")
    assert (rc, out) == (
        0,
        "All checked: 1 file, no problems "
        "(2 files skipped: 1 not a role file, 1 not .md, .yaml or .yml).\n",
    )
    # named, the file without an extension is checked, and nothing is skipped
    rc, out = _invoke("jobs/data-engineer.md", "jobs/Data Analyst")
    assert out.splitlines()[-1].startswith("Found 1 error in 1 of 2 files.")  # (its file name)


def test_hidden_excluded_and_dependency_files_are_not_counted(folder: Path) -> None:
    (folder / ".DS_Store").write_bytes(b"\0")
    (folder / "node_modules").mkdir()
    (folder / "node_modules" / "x.js").write_text("", encoding="utf-8")
    (folder / "notes.txt").write_text("", encoding="utf-8")
    assert other_files(["jobs"]) == 2
    assert other_files(["jobs"], exclude=["notes.txt"]) == 1
    assert other_files(["jobs", "jobs/", "jobs/data-engineer.md"]) == 2  # each file once
    assert other_files(["jobs/Data Analyst"]) == 0  # a file named is not skipped


def test_machine_formats_do_not_change_with_skipped_files(folder: Path) -> None:
    (folder / "data-engineer.md").write_text(ROLE.replace("## Skills", "## Skils"), "utf-8")
    _, before = _invoke("--output-format", "json", "jobs")
    (folder / "Data Analyst").unlink()
    (folder / "index.md").unlink()
    _, after = _invoke("--output-format", "json", "jobs")
    assert before == after and json.loads(after)[0]["code"] == "RD201"


FIXABLE = ROLE.replace("## Skills", "## Skils").replace("## Hiring Plan", "## Hiring Plan:")


def test_fixable_findings_are_marked_and_counted(folder: Path) -> None:
    (folder / "data-engineer.md").write_text(
        FIXABLE.replace("navTitle: Data Engineer", "navTitle: Data Analyst"), "utf-8"
    )
    _, out = _invoke("jobs/data-engineer.md")
    lines = out.splitlines()
    marked = [line.split(": ", 1)[1].split(" ", 2)[:2] for line in lines if " [*] " in line]
    assert marked == [["RD201", "[*]"], ["RD202", "[*]"]]
    assert any(line.startswith("jobs/data-engineer.md:2:1: RD104 [error]") for line in lines)
    assert lines[-1] == (
        "2 fixable with `roledef lint --fix` (1 more with `roledef lint --fix --unsafe-fixes`)."
    )


def test_a_finding_whose_fix_declines_is_not_marked(folder: Path) -> None:
    # an unknown heading that is no misspelling: the same rule, RD201, and nothing to fix
    text = ROLE.replace("## Skills", "## Skills\n\n* SQL.\n\n## Our Offices")
    (folder / "data-engineer.md").write_text(text, encoding="utf-8")
    _, out = _invoke("jobs/data-engineer.md")
    assert "RD201 [warning] unknown section 'Our Offices'" in out
    assert "[*]" not in out and "fixable" not in out
    _, data = _invoke("--output-format", "json", "jobs/data-engineer.md")
    assert json.loads(data)[0]["fixable"] is False  # the json field makes the same promise


def test_after_fix_what_is_left_is_not_offered_again(folder: Path) -> None:
    target = folder / "data-engineer.md"
    target.write_text(FIXABLE.replace("navTitle: Data Engineer", "navTitle: Data Analyst"), "utf-8")
    rc, out = _invoke("--fix", "jobs/data-engineer.md")
    assert rc == 1  # the navTitle is still wrong
    assert "[*]" not in out
    assert out.splitlines()[-1] == "1 fixable with `roledef lint --fix --unsafe-fixes`."
    rc, out = _invoke("--fix", "--unsafe-fixes", "jobs/data-engineer.md")
    assert rc == 0
    assert "fixable" not in out and out.startswith("All checked: 1 file")


def test_a_text_whose_lines_end_in_a_lone_cr_is_checked_for_fixes_as_read() -> None:
    # the fixes are asked about the lines the reader counted, whatever ends them
    from roledef.config import resolve_config
    from roledef.lint.check import check_text

    text = FIXABLE.replace("navTitle: Data Engineer\n", "").replace("\n", "\r")
    found = check_text(text, "data-engineer.md", resolve_config({})).findings
    assert [(f.code, f.fixable) for f in found if f.code == "RD103"] == [("RD103", True)]
