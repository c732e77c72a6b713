"""The lint cache: the same output with or without it, real hits, what an entry holds, and every
way it must not matter (changed files, configs and code; damaged, locked or unwritable stores).
The database itself (its format, its size limit) is tested in ``test_lint_store.py``."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from roledef.config import resolve_config
from roledef.findings import Finding
from roledef.lint import cache as lint_cache
from roledef.lint import store as lint_store
from roledef.lint.cache import code_fingerprint, decode, encode, stamps
from roledef.lint.check import check_text
from roledef.lint.result import FileResult
from roledef.lint.store import DB_NAME, KEEP_DAYS
from roledef.read import markdown as parser
from tests.helpers import ROOT
from tests.helpers.lint import lint_in

DEFECTIVE = (ROOT / "examples" / "defective-role.md").read_text(encoding="utf-8")
SUPPRESSED = DEFECTIVE.replace(
    "## Hiring Plan", "<!-- roledef-disable RD302 RD999 -->\n\n## Hiring Plan", 1
).replace("Data Analyst", "Support Analyst")


@pytest.fixture(autouse=True)
def _cache_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ROLEDEF_NO_CACHE", raising=False)


def lint(*args: str, cwd: Path) -> tuple[int, str]:
    """``roledef lint`` in ``cwd``, as a user runs it there."""
    return lint_in(cwd, *args)


def rows(database: Path) -> int:
    with sqlite3.connect(database) as db:
        count: int = db.execute("SELECT count(*) FROM results").fetchone()[0]
    return count


def refuse_to_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any markdown file actually checked fail loudly: only cache hits get through."""

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("a file was parsed although its result was cached")

    monkeypatch.setattr(parser, "parse_markdown", fail)


@pytest.fixture
def handbook(tmp_path: Path, corpus: Path) -> Path:
    """A working copy of the real handbook, plus a file with suppression comments."""
    folder = tmp_path / "handbook"
    shutil.copytree(corpus / "flowfuse", folder)
    (folder / "support-engineer.md").write_text(SUPPRESSED, encoding="utf-8")
    return folder


@pytest.mark.slow
@pytest.mark.corpus
@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "junit", "gitlab"])
def test_cached_output_is_the_uncached_output(
    handbook: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["--output-format", fmt, "."]
    expected = lint("--no-cache", *args, cwd=handbook)
    assert not (handbook / ".roledef_cache").exists()
    first = lint(*args, cwd=handbook)  # fills the cache
    assert rows(handbook / ".roledef_cache" / DB_NAME) == 25
    refuse_to_parse(monkeypatch)
    assert lint(*args, cwd=handbook) == first == expected


@pytest.mark.slow
@pytest.mark.corpus
def test_statistics_and_parallel_runs_agree_with_the_cache(
    handbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = lint("--no-cache", "--statistics", ".", cwd=handbook)
    assert lint("--jobs", "2", "--statistics", ".", cwd=handbook) == expected
    refuse_to_parse(monkeypatch)
    assert lint("--jobs", "2", "--statistics", ".", cwd=handbook) == expected
    assert "RD401" in expected[1]  # the cross-file rule runs on cached results too


@pytest.mark.corpus
def test_a_changed_file_is_checked_again(handbook: Path) -> None:
    role = handbook / "engineering-manager.md"
    before = lint(str(role.name), cwd=handbook)[1]
    assert "RD104" in before
    text = role.read_text(encoding="utf-8")
    role.write_text(text.replace("navTitle: Account Executive", "navTitle: Engineering Manager"))
    after = lint(str(role.name), cwd=handbook)
    assert "RD104" not in after[1]
    assert after == lint("--no-cache", str(role.name), cwd=handbook)


@pytest.mark.slow
@pytest.mark.corpus
def test_another_config_does_not_reuse_results(handbook: Path) -> None:
    everything = lint(".", cwd=handbook)
    fewer = lint("--ignore", "RD302", ".", cwd=handbook)
    assert "RD302" in everything[1] and "RD302" not in fewer[1]
    (handbook / ".roledef.toml").write_text('[severity]\nRD302 = "warning"\n', encoding="utf-8")
    softer = lint(".", cwd=handbook)
    assert softer == lint("--no-cache", ".", cwd=handbook)
    assert "RD302 [warning]" in softer[1]


def test_a_named_yaml_file_and_a_walked_one_are_cached_apart(tmp_path: Path) -> None:
    (tmp_path / "notes.yaml").write_text("just: notes\n", encoding="utf-8")
    walked = lint(".", cwd=tmp_path)
    named = lint("notes.yaml", cwd=tmp_path)
    assert walked == lint("--no-cache", ".", cwd=tmp_path)
    assert named == lint("--no-cache", "notes.yaml", cwd=tmp_path)
    assert walked != named


def test_unreadable_files_are_not_stored(tmp_path: Path) -> None:
    (tmp_path / "broken.md").write_bytes(b"# Broken\n\xff\xfe not UTF-8\n")
    (tmp_path / "role.md").write_text(DEFECTIVE, encoding="utf-8")
    first = lint(".", cwd=tmp_path)
    assert first[0] == 2 and "broken.md:" in first[1]
    assert rows(tmp_path / ".roledef_cache" / DB_NAME) == 1
    assert lint(".", cwd=tmp_path) == first


@pytest.mark.slow
@pytest.mark.corpus
def test_baselines_see_the_lines_of_cached_files(handbook: Path) -> None:
    assert lint("--write-baseline", "base.json", ".", cwd=handbook)[0] == 0
    assert lint("--baseline", "base.json", ".", cwd=handbook)[0] == 0
    role = handbook / "engineering-manager.md"
    text = role.read_text(encoding="utf-8")
    role.write_text(text.replace("navTitle: Account Executive", "navTitle: Sales"))
    code, output = lint("--baseline", "base.json", ".", cwd=handbook)
    assert code == 1 and "RD104" in output
    assert (code, output) == lint("--no-cache", "--baseline", "base.json", ".", cwd=handbook)


def test_the_cache_folder_keeps_out_of_git_and_backups(tmp_path: Path) -> None:
    (tmp_path / "role.md").write_text(DEFECTIVE, encoding="utf-8")
    lint("role.md", cwd=tmp_path)
    folder = tmp_path / ".roledef_cache"
    assert (folder / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    tag = (folder / "CACHEDIR.TAG").read_text(encoding="utf-8")
    assert tag.startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert sorted(p.name for p in folder.iterdir()) == [".gitignore", "CACHEDIR.TAG", DB_NAME]


def test_the_cache_can_be_moved_or_turned_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "role.md").write_text(DEFECTIVE, encoding="utf-8")
    lint("--cache-dir", "elsewhere", "role.md", cwd=tmp_path)
    assert rows(tmp_path / "elsewhere" / DB_NAME) == 1
    monkeypatch.setenv("ROLEDEF_CACHE_DIR", str(tmp_path / "from-env"))
    lint("role.md", cwd=tmp_path)
    assert rows(tmp_path / "from-env" / DB_NAME) == 1
    monkeypatch.setenv("ROLEDEF_NO_CACHE", "1")
    lint("--cache-dir", "third", "role.md", cwd=tmp_path)
    assert not (tmp_path / "third").exists()
    assert not (tmp_path / ".roledef_cache").exists()


def test_the_cache_lives_beside_the_config_file(tmp_path: Path) -> None:
    (tmp_path / ".roledef.toml").write_text("", encoding="utf-8")
    (tmp_path / "roles").mkdir()
    (tmp_path / "roles" / "role.md").write_text(DEFECTIVE, encoding="utf-8")
    lint("role.md", cwd=tmp_path / "roles")
    assert (tmp_path / ".roledef_cache" / DB_NAME).is_file()


def test_without_a_config_the_cache_lives_at_the_top_of_the_work_tree(tmp_path: Path) -> None:
    """The nearest folder with a ``.git``: a folder, or a file (linked work trees, submodules)."""
    (tmp_path / "handbook" / ".git").mkdir(parents=True)
    roles = tmp_path / "handbook" / "src" / "roles"
    roles.mkdir(parents=True)
    (roles / "role.md").write_text(DEFECTIVE, encoding="utf-8")
    lint("role.md", cwd=roles)
    assert rows(tmp_path / "handbook" / ".roledef_cache" / DB_NAME) == 1
    assert not (roles / ".roledef_cache").exists()
    (tmp_path / "handbook" / "src" / ".git").write_text("gitdir: elsewhere\n", encoding="utf-8")
    lint("role.md", cwd=roles)
    assert rows(tmp_path / "handbook" / "src" / ".roledef_cache" / DB_NAME) == 1


def test_the_config_files_folder_comes_before_the_work_tree(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs" / "roles").mkdir(parents=True)
    (tmp_path / "docs" / ".roledef.toml").write_text("", encoding="utf-8")
    (tmp_path / "docs" / "roles" / "role.md").write_text(DEFECTIVE, encoding="utf-8")
    lint("role.md", cwd=tmp_path / "docs" / "roles")
    assert (tmp_path / "docs" / ".roledef_cache" / DB_NAME).is_file()
    assert not (tmp_path / ".roledef_cache").exists()


def test_outside_a_work_tree_the_cache_lives_in_the_current_folder(tmp_path: Path) -> None:
    config = resolve_config({}, root=tmp_path / "a" / "b")
    assert lint_cache.cache_dir(config) == str(tmp_path / "a" / "b" / ".roledef_cache")


def test_a_damaged_cache_is_replaced(tmp_path: Path) -> None:
    (tmp_path / "role.md").write_text(DEFECTIVE, encoding="utf-8")
    expected = lint("role.md", cwd=tmp_path)
    database = tmp_path / ".roledef_cache" / DB_NAME
    database.write_bytes(b"this is not a database" * 100)
    assert lint("role.md", cwd=tmp_path) == expected
    assert rows(database) == 1


def test_a_damaged_entry_is_checked_again(tmp_path: Path) -> None:
    (tmp_path / "role.md").write_text(DEFECTIVE, encoding="utf-8")
    expected = lint("role.md", cwd=tmp_path)
    database = tmp_path / ".roledef_cache" / DB_NAME
    with sqlite3.connect(database) as db:
        db.execute("UPDATE results SET value = x'00ff'")
    assert lint("role.md", cwd=tmp_path) == expected
    with sqlite3.connect(database) as db:  # and the entry was stored afresh
        assert db.execute("SELECT value FROM results").fetchone()[0] != b"\x00\xff"


def test_an_unwritable_cache_folder_does_not_stop_the_run(tmp_path: Path) -> None:
    (tmp_path / "role.md").write_text(DEFECTIVE, encoding="utf-8")
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    expected = lint("--no-cache", "role.md", cwd=tmp_path)
    assert lint("--cache-dir", "a-file/cache", "role.md", cwd=tmp_path) == expected


@pytest.mark.slow
def test_a_cache_locked_by_another_run_does_not_stop_this_one(tmp_path: Path) -> None:
    (tmp_path / "role.md").write_text(DEFECTIVE, encoding="utf-8")
    expected = lint("role.md", cwd=tmp_path)
    (tmp_path / "other.md").write_text(SUPPRESSED, encoding="utf-8")
    other = sqlite3.connect(tmp_path / ".roledef_cache" / DB_NAME, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        code, output = lint(".", cwd=tmp_path)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert (code, output) == lint("--no-cache", ".", cwd=tmp_path)
    assert expected[1].splitlines()[0] in output
    assert rows(tmp_path / ".roledef_cache" / DB_NAME) == 1  # left as it was, not replaced


def test_old_entries_are_dropped(tmp_path: Path) -> None:
    (tmp_path / "role.md").write_text(DEFECTIVE, encoding="utf-8")
    lint(".", cwd=tmp_path)
    database = tmp_path / ".roledef_cache" / DB_NAME
    with sqlite3.connect(database) as db:
        db.execute("INSERT INTO results (key, used, value) VALUES (x'01', 0, x'00')")
        days = (KEEP_DAYS - 1) * 24 * 60  # times of use are in minutes
        db.execute("UPDATE results SET used = used - ? WHERE key != x'01'", (days,))
    assert rows(database) == 2
    (tmp_path / "new.md").write_text(SUPPRESSED, encoding="utf-8")
    lint(".", cwd=tmp_path)
    with sqlite3.connect(database) as db:
        ages = {used for (used,) in db.execute("SELECT used FROM results")}
    assert rows(database) == 2 and 0 not in ages  # the stale entry went, the used one stayed


def test_the_code_fingerprint_follows_roledefs_files(tmp_path: Path) -> None:
    assert lint_cache.__file__ in code_fingerprint()
    sample = tmp_path / "pkg"
    sample.mkdir()
    (sample / "a.py").write_text("x = 1\n", encoding="utf-8")
    before: list[str] = []
    lint_cache._stat_tree(str(sample), before)
    (sample / "a.py").write_text("x = 22\n", encoding="utf-8")
    after: list[str] = []
    lint_cache._stat_tree(str(sample), after)
    assert before != after


@pytest.mark.slow
@pytest.mark.corpus
def test_results_are_written_in_batches_as_the_run_goes(
    handbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A handbook larger than a batch is written batch by batch, never held whole."""
    monkeypatch.setattr(lint_store, "BATCH", 4)
    written: list[int] = []
    original = lint_store.Store._write

    def spy(self: lint_store.Store, *, final: bool) -> None:
        written.append(len(self._pending))
        original(self, final=final)

    monkeypatch.setattr(lint_store.Store, "_write", spy)
    expected = lint("--no-cache", ".", cwd=handbook)
    assert lint(".", cwd=handbook) == expected
    assert max(written) <= 4 and len(written) >= 25 // 4
    assert rows(handbook / ".roledef_cache" / DB_NAME) == 25
    refuse_to_parse(monkeypatch)
    assert lint(".", cwd=handbook) == expected


@pytest.mark.corpus
def test_an_entry_is_mostly_references_into_its_file(corpus: Path) -> None:
    """Entries are compressed against their file's text: a fraction of what they hold."""
    config = resolve_config({})
    stamped = stamps(config)
    texts = stored = 0
    for path in sorted((corpus / "flowfuse").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        data = text.encode("utf-8")
        result = check_text(text, str(path), config, walked=True)
        if result.skipped:  # index.md, engineering-levels.md: not role files
            assert result.not_role and not result.findings
            continue
        assert result.digests  # (a file can have no finding: fullstack-engineer-ai.md has none)
        blob = encode(result, data, stamped)
        assert blob is not None
        assert decode(blob, str(path), data, stamped) == result.replace(role=None, lines=())
        with pytest.raises(ValueError):  # an entry is read only against the text it was made of
            decode(blob, str(path), data.replace(b"e", b"a", 1), stamped)
        with pytest.raises(ValueError):
            decode(blob[:-5], str(path), data, stamped)
        texts += len(data)
        stored += len(blob)
    assert stored * 10 < texts


def test_a_finding_unlike_its_rule_is_stored_whole() -> None:
    """A finding carries its rule's name, the run's severity and its fixability unless it does
    not; then they are stored with it."""
    stamped = stamps(resolve_config({"severity": {"RD202": "error"}}))
    findings = (
        Finding("r.md", 3, 1, "RD202", "heading-punctuation", "error", "heading", True, 3, 9),
        Finding("r.md", 3, 1, "RD202", "heading-punctuation", "warning", "heading", True, 3, 9),
        Finding("r.md", 1, 1, "RD999", "no-such-rule", "error", "from elsewhere"),
    )
    result = FileResult("r.md", findings, comments=((2, "roledef-disable RD202"),), line_count=3)
    data = b"# R\n<!-- roledef-disable RD202 -->\n## Heading:"
    blob = encode(result, data, stamped)
    assert blob is not None
    assert decode(blob, "r.md", data, stamped) == result
