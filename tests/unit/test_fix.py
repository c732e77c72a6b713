"""``roledef lint --fix`` / ``--diff``: minimal edits, checked against the model, idempotent."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from roledef.config import resolve_config
from roledef.fix.apply import FileFix, apply_edits, fix_file, fix_paths
from roledef.fix.edits import Edit, Fix
from roledef.lint.rules import RULES, heading_punctuation, rule_info
from roledef.lint.rules.base import Fixer
from tests.helpers import EXAMPLES, corpus_files

DEFECTIVE = EXAMPLES / "defective-role.md"
CONFIG = resolve_config({})


def copy(tmp_path: Path, source: Path = DEFECTIVE, name: str | None = None) -> Path:
    target = tmp_path / (name or source.name)
    shutil.copyfile(source, target)
    return target


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    """(old, new) for each line that differs (both texts must have as many lines)."""
    old, new = before.split("\n"), after.split("\n")
    assert len(old) == len(new)
    return [(a, b) for a, b in zip(old, new, strict=True) if a != b]


def test_fix_removes_the_heading_colon_and_touches_nothing_else(tmp_path: Path) -> None:
    path = copy(tmp_path)
    before = path.read_bytes()
    result = fix_file(str(path), CONFIG)
    assert result.refused is None
    assert [f.code for f in result.fixed] == ["RD201", "RD202"]
    assert changed_lines(result.before, result.after) == [
        ("## Skils", "## Skills"),
        ("## Hiring Plan:", "## Hiring Plan"),
    ]
    result.write()
    after = path.read_bytes()
    fixed = before.replace(b"## Skils\n", b"## Skills\n")
    assert after == fixed.replace(b"## Hiring Plan:\n", b"## Hiring Plan\n")


def test_a_second_fix_changes_nothing(tmp_path: Path) -> None:
    path = copy(tmp_path)
    fix_file(str(path), CONFIG).write()
    once = path.read_bytes()
    again = fix_file(str(path), CONFIG)
    assert not again.changed and again.fixed == ()
    assert path.read_bytes() == once


def test_diff_shows_the_change(tmp_path: Path) -> None:
    path = copy(tmp_path)
    diff = fix_file(str(path), CONFIG).diff()
    assert f"--- a/{path}\n+++ b/{path}\n" in diff
    assert "-## Hiring Plan:\n+## Hiring Plan\n" in diff
    assert "-## Skils\n+## Skills\n" in diff
    assert diff.count("\n-") == 2 and diff.count("\n+") == 3  # the header's +++ and two lines


def test_nav_title_is_an_unsafe_fix(tmp_path: Path) -> None:
    path = copy(tmp_path)
    safe = fix_file(str(path), CONFIG)
    assert safe.unsafe_left == 1 and "navTitle: Account Executive" in safe.after
    unsafe = fix_file(str(path), CONFIG, unsafe=True)
    assert sorted(f.code for f in unsafe.fixed) == ["RD104", "RD201", "RD202"]
    assert ("navTitle: Account Executive", "navTitle: Data Analyst") in changed_lines(
        unsafe.before, unsafe.after
    )


ROLE = "# Data Analyst\n\n## Skills\n\n* SQL: Writes clear queries.\n"


@pytest.mark.parametrize(
    ("front", "options", "expected"),
    [
        ("navTitle: Data Analyst\n", {}, "navTitle: Data Analyst\nnavGroup: Job Descriptions\n"),
        (
            "navTitle: Data Analyst\n",
            {"default-nav-group": "Data"},
            "navTitle: Data Analyst\nnavGroup: Data\n",
        ),
        (
            "navGroup: Job Descriptions\n",
            {},
            "navGroup: Job Descriptions\nnavTitle: Data Analyst\n",
        ),
        (
            "navTitle: Data Analyst\nnavGroup:\n",
            {},
            "navTitle: Data Analyst\nnavGroup: Job Descriptions\n",
        ),
        (
            "navTitle: 'Data: Analyst'\n",
            {},
            "navTitle: 'Data: Analyst'\nnavGroup: Job Descriptions\n",
        ),
    ],
)
def test_missing_front_matter_keys_are_filled(
    tmp_path: Path, front: str, options: dict[str, str], expected: str
) -> None:
    path = tmp_path / "data-analyst.md"
    path.write_text(f"---\n{front}---\n\n{ROLE}", encoding="utf-8")
    result = fix_file(str(path), resolve_config({"select": ["RD103"], **options}))
    assert result.refused is None and result.changed
    assert result.after == f"---\n{expected}---\n\n{ROLE}"


def test_a_title_needing_quotes_is_quoted(tmp_path: Path) -> None:
    path = tmp_path / "lead.md"
    path.write_text("---\nnavGroup: Jobs\n---\n\n# Lead: Data\n\ntext\n", encoding="utf-8")
    result = fix_file(str(path), resolve_config({"select": ["RD103"]}))
    assert "navTitle: 'Lead: Data'\n" in result.after


def test_crlf_and_bom_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "data-analyst.md"
    text = DEFECTIVE.read_text(encoding="utf-8").replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    fix_file(str(path), CONFIG).write()
    expected = text.replace("## Hiring Plan:\r\n", "## Hiring Plan\r\n").replace("Skils", "Skills")
    assert path.read_bytes() == b"\xef\xbb\xbf" + expected.encode("utf-8")


def test_mixed_line_endings_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "mixed.md"
    path.write_bytes(b"# Data Analyst\r\n\n## Hiring Plan:\n\n1. Offer\n")
    result = fix_file(str(path), CONFIG)
    assert result.refused and "mixes line endings" in result.refused
    assert not result.changed


def test_a_suppressed_finding_is_not_fixed(tmp_path: Path) -> None:
    path = tmp_path / "data-analyst.md"
    path.write_text(
        "# Data Analyst\n\n<!-- roledef-disable-next-line RD202 -->\n## Hiring Plan:\n\n1. Offer\n",
        encoding="utf-8",
    )
    assert not fix_file(str(path), CONFIG).changed


def test_a_fix_that_would_change_more_than_meant_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def greedy(role: object, lines: list[str], finding: object, config: object) -> Fix | None:
        fix = heading_punctuation.fix(role, lines, finding, config)  # type: ignore[arg-type]
        assert fix is not None
        # also rewrite a bullet (line 22): the fix did not mean to touch that section
        return replace(fix, edits=(*fix.edits, Edit(22, 2, 5, "Excel")))

    monkeypatch.setattr(heading_punctuation, "FIX", Fixer(safe=True, make=greedy))
    path = copy(tmp_path)
    result = fix_file(str(path), CONFIG)
    assert result.refused == "not fixed: the fix would also change skills.required[0].name"
    assert result.after == result.before


def test_apply_edits_replaces_and_inserts() -> None:
    text = "a\nbc\nd"
    edits = [Edit(2, 1, 2, "X"), Edit(3, 0, 0, "new\n")]
    assert apply_edits(text, edits) == "a\nbX\nnew\nd"


def test_a_rule_is_fixable_exactly_when_it_has_a_fix() -> None:
    fixable = {code for code, rule in RULES.items() if rule_info(rule).fixable}
    assert fixable == {"RD103", "RD104", "RD201", "RD202"}
    for code, rule in RULES.items():
        assert rule.FIX is None or isinstance(rule.FIX, Fixer), code
        assert rule_info(rule).fixable == (rule.FIX is not None), code


def test_only_the_navtitle_fix_is_unsafe() -> None:
    unsafe = {code for code, rule in RULES.items() if rule.FIX and not rule.FIX.safe}
    assert unsafe == {"RD104"}


CORPUS = corpus_files()


@pytest.mark.slow
@pytest.mark.corpus
@pytest.mark.parametrize("source", CORPUS, ids=[f"{p.parent.name}/{p.name}" for p in CORPUS])
def test_fixing_the_corpus_is_minimal_and_idempotent(
    corpus: Path, source: Path, tmp_path: Path
) -> None:
    path = copy(tmp_path, source, "role.md" if source.suffix != ".md" else source.name)
    first = fix_file(str(path), CONFIG, unsafe=True)
    assert first.refused is None
    if first.changed:
        old, new = first.before.split("\n"), first.after.split("\n")
        # edits touch single lines or insert front matter keys: the rest is the same lines
        assert len(new) - len(old) == sum(1 for f in first.fixed if f.code == "RD103")
        first.write()
    again = fix_file(str(path), CONFIG, unsafe=True)
    assert not again.changed, again.diff()


def test_fix_paths_leaves_yaml_alone(tmp_path: Path) -> None:
    shutil.copyfile(EXAMPLES / "site-reliability-engineer.yaml", tmp_path / "sre.yaml")
    copy(tmp_path)
    results: list[FileFix] = fix_paths([str(tmp_path)], CONFIG)
    assert [Path(r.path).name for r in results] == ["defective-role.md"]


# --- the command -----------------------------------------------------------------------------
def lint_cli(path: Path, **options: bool) -> int:
    from roledef.commands.lint import LintSettings, run_lint

    return run_lint(LintSettings(paths=(str(path),), **options))  # type: ignore[arg-type]


def test_lint_diff_writes_nothing_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = copy(tmp_path)
    before = path.read_bytes()
    assert lint_cli(path, diff=True) == 1
    captured = capsys.readouterr()
    assert "-## Hiring Plan:\n+## Hiring Plan\n" in captured.out
    assert "-## Skils\n+## Skills\n" in captured.out
    assert "would fix 2 findings in 1 file" in captured.err
    assert "1 more fix needs --unsafe-fixes" in captured.err
    assert path.read_bytes() == before


def test_lint_diff_with_exit_zero_shows_the_fixes_and_exits_0(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from roledef.cli import cli

    path = copy(tmp_path)
    before = path.read_bytes()
    runner = CliRunner()
    args = ["lint", "--no-cache", "--diff", str(path)]
    result = runner.invoke(cli, [*args, "--exit-zero"], standalone_mode=False)
    assert result.exception is None and result.return_value == 0, result.output
    assert "-## Skils\n+## Skills\n" in result.output
    assert path.read_bytes() == before
    assert runner.invoke(cli, args, standalone_mode=False).return_value == 1


def test_lint_fix_fixes_then_reports_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = copy(tmp_path)
    assert lint_cli(path, fix=True) == 1  # errors that need a person remain
    captured = capsys.readouterr()
    assert "fixed RD201 unknown-section, RD202 heading-punctuation" in captured.err
    assert "RD202" not in captured.out and "RD301" in captured.out
    assert "## Hiring Plan\n" in path.read_text(encoding="utf-8")
    assert lint_cli(path, diff=True) == 0  # nothing left to fix safely
    assert capsys.readouterr().out == ""


def test_lint_fix_unsafe(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = copy(tmp_path)
    lint_cli(path, fix=True, unsafe_fixes=True)
    assert "RD104" not in capsys.readouterr().out
    assert path.read_text(encoding="utf-8").startswith("---\nnavTitle: Data Analyst\n")
