"""The pieces of ``--diff-base``: reading git's diff (on real ``git diff`` output) and keeping
the findings on changed lines."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from roledef.findings import ERROR, WARNING, Finding
from roledef.lint.changed import (
    DIFF,
    ChangedOnly,
    Changes,
    hunk_lines,
    key,
    new_name,
    parse_diff,
    parse_status,
    unquote,
)
from roledef.lint.rules.duplicate_role import SAME_TITLE_HINT
from roledef.lint.rules.unreadable_file import CODE as UNREADABLE


def git(cwd: Path, *args: str) -> bytes:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "user.name=Handbook Contributor",
         "-c", "user.email=contributor@handbook.invalid", "-c", "core.quotePath=false", *args],
        cwd=cwd, env=env, capture_output=True, check=True,
    ).stdout  # fmt: skip


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


# -- git's quoting and hunk headers ------------------------------------------------------------


@pytest.mark.parametrize(
    ("quoted", "plain"),
    [
        (b"b/plain.md", b"b/plain.md"),
        (b'"b/tab\\there.md"', b"b/tab\there.md"),
        (b'"b/say \\"hi\\".md"', b'b/say "hi".md'),
        (b'"b/back\\\\slash.md"', b"b/back\\slash.md"),
        (b'"b/r\\303\\264le.md"', "b/rôle.md".encode()),
        (b'"b/new\\nline.md"', b"b/new\nline.md"),
    ],
)
def test_unquote_reads_git_c_style_names(quoted: bytes, plain: bytes) -> None:
    assert unquote(quoted) == plain


@pytest.mark.parametrize(
    ("header", "name"),
    [
        (b"+++ b/roles/data-engineer.md\n", "roles/data-engineer.md"),
        (b"+++ b/job descriptions/new role.md\t\n", "job descriptions/new role.md"),
        ("+++ b/rôles/ingénieur.md\n".encode(), "rôles/ingénieur.md"),
        (b"+++ /dev/null\n", None),
    ],
)
def test_new_name(header: bytes, name: str | None) -> None:
    assert new_name(header) == name


@pytest.mark.parametrize(
    ("header", "lines"),
    [
        (b"@@ -0,0 +1,3 @@\n", [1, 2, 3]),
        (b"@@ -4 +4 @@ ## Skills\n", [4]),
        (b"@@ -10,2 +12,4 @@\n", [12, 13, 14, 15]),
        (b"@@ -5,2 +4,0 @@\n", []),  # lines deleted: nothing on the new side
    ],
)
def test_hunk_lines(header: bytes, lines: list[int]) -> None:
    assert list(hunk_lines(header)) == lines


def test_parse_status_reads_added_and_copied_files_only() -> None:
    listing = (
        b"M\0edited.md\0A\0new role.md\0R087\0old.md\0moved.md\0C100\0a.md\0copy.md\0D\0gone.md\0"
    )
    assert parse_status(listing) == {"new role.md", "copy.md"}


# -- a real diff -------------------------------------------------------------------------------

BASE = "".join(f"line {n}\n" for n in range(1, 11))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "--quiet")
    (tmp_path / "edited.md").write_text(BASE, encoding="utf-8")
    (tmp_path / "moved.md").write_text(BASE, encoding="utf-8")
    (tmp_path / "rôle with space.md").write_text(BASE, encoding="utf-8")
    (tmp_path / 'tab\there "quoted".md').write_text(BASE, encoding="utf-8")
    git(tmp_path, "add", "--all")
    git(tmp_path, "commit", "--quiet", "-m", "base")
    return tmp_path


def edit(path: Path, changes: dict[int, str | None], after: dict[int, str] | None = None) -> None:
    """Replace (text) or delete (None) lines by number, and insert lines after others."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(keepends=True), 1):
        new = changes.get(n, line)
        if new is not None:
            out.append(new)
        if after and n in after:
            out.append(after[n])
    path.write_text("".join(out), encoding="utf-8")


@needs_git
def test_parse_diff_on_real_git_output(repo: Path) -> None:
    # (an added line "++ x" reads "+++ x" in the diff: not a file's header)
    edit(repo / "edited.md", {2: "changed 2\n", 5: None}, after={7: "++ inserted\n"})
    git(repo, "mv", "moved.md", "moved-away.md")
    edit(repo / "moved-away.md", {9: "changed 9\n"})
    edit(repo / "rôle with space.md", {1: "changed 1\n"})
    edit(repo / 'tab\there "quoted".md', {10: "changed 10\n"})
    (repo / "new.md").write_text("a\nb\n", encoding="utf-8")
    git(repo, "add", "--intent-to-add", "new.md")
    # whatever the user's git config says about prefixes and renames
    patch = git(repo, "-c", "diff.noprefix=true", "-c", "diff.renames=false", *DIFF, "HEAD", "--")
    assert parse_diff(patch) == {
        # line 5 deleted: line 7 became 6, and the insertion after it is line 7
        "edited.md": {2, 7},
        "moved-away.md": {9},
        "rôle with space.md": {1},
        'tab\there "quoted".md': {10},
        "new.md": {1, 2},
    }
    status = git(repo, *DIFF, "--name-status", "-z", "HEAD", "--")
    assert parse_status(status) == {"new.md"}


@needs_git
def test_parse_diff_leaves_out_files_without_new_lines(repo: Path) -> None:
    git(repo, "mv", "moved.md", "moved-away.md")  # a pure rename
    edit(repo / "edited.md", {3: None, 4: None})  # only deletions
    (repo / "empty.md").write_text("", encoding="utf-8")
    git(repo, "add", "--all")
    assert parse_diff(git(repo, *DIFF, "HEAD", "--")) == {}


# -- the filter --------------------------------------------------------------------------------


def finding(
    path: str, line: int, code: str = "RD301", end_line: int | None = None, message: str = "m"
) -> Finding:
    return Finding(path, line, 1, code, "rule", ERROR, message, end_line=end_line)


def test_only_findings_touching_changed_lines_are_kept(tmp_path: Path) -> None:
    path = str(tmp_path / "role.md")
    changes = Changes({key(path): frozenset({5, 9})}, frozenset())
    findings = [
        finding(path, 1),  # a whole-file finding of a changed file: line 1 did not change
        finding(path, 3, end_line=4),
        finding(path, 4, end_line=6),  # its span covers line 5
        finding(path, 5),
        finding(path, 8),
        finding(path, 9, end_line=9),
        finding(path, 8, code=UNREADABLE, message="the file is not valid UTF-8"),
    ]
    only = ChangedOnly(changes)
    kept = only.keep(path, findings)
    assert [(f.line, f.code) for f in kept] == [
        (4, "RD301"),
        (5, "RD301"),
        (9, "RD301"),
        (8, UNREADABLE),
    ]
    assert only.left_out == 3
    assert only.note("origin/main") == (
        "roledef: 3 findings on lines unchanged since origin/main not shown (--diff-base)"
    )
    assert only.note("a%b", github=True) == (
        "::notice title=roledef --diff-base::3 findings on lines unchanged since a%25b not shown"
    )


def test_a_file_added_keeps_every_finding_and_an_unchanged_file_none(tmp_path: Path) -> None:
    added, unchanged = str(tmp_path / "new.md"), str(tmp_path / "old.md")
    only = ChangedOnly(Changes({}, frozenset({key(added)})))
    assert only.keep(added, [finding(added, 1), finding(added, 7)]) == [
        finding(added, 1),
        finding(added, 7),
    ]
    assert only.keep(unchanged, [finding(unchanged, 1)]) == []
    assert only.left_out == 1
    assert (
        only.note("main")
        == "roledef: 1 finding on lines unchanged since main not shown (--diff-base)"
    )


def test_unreadable_files_are_always_reported(tmp_path: Path) -> None:
    path = str(tmp_path / "broken.md")
    unreadable = Finding(path, 1, 1, UNREADABLE, "unreadable-file", ERROR, "is not valid UTF-8")
    only = ChangedOnly(Changes({}, frozenset()))
    assert only.keep(path, [unreadable]) == [unreadable]
    assert only.note("main") == ""


def test_a_duplicate_of_an_added_file_is_kept_on_the_old_file(tmp_path: Path) -> None:
    (tmp_path / "roles").mkdir()
    old = str(tmp_path / "roles" / "old.md")
    new = tmp_path / "roles" / "a copy as new.md"
    only = ChangedOnly(Changes({}, frozenset({key(str(new))})))
    # the rule's own messages: "same title 'X' as OTHER: what to do"
    said = f"same title 'X' as a copy as new.md: {SAME_TITLE_HINT}"
    copied = Finding(old, 6, 1, "RD401", "duplicate-role", ERROR, said)
    legacy = Finding(
        old,
        6,
        1,
        "RD401",
        "duplicate-role",
        ERROR,
        f"same title 'X' as other.md: {SAME_TITLE_HINT}",
    )
    other = Finding(
        old, 6, 1, "RD201", "unknown-section", WARNING, "heading as a copy as new.md: x"
    )
    assert only.keep(old, [copied, legacy, other]) == [copied]


def test_paths_are_matched_through_a_linked_folder(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    only = ChangedOnly(Changes({key(str(real / "role.md")): frozenset({2})}, frozenset()))
    via_link = str(tmp_path / "link" / "role.md")
    assert only.keep(via_link, [finding(via_link, 2)]) == [finding(via_link, 2)]
