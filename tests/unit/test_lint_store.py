"""The lint cache's database: its format (an older or foreign database is not read), and its size
limit (the least recently used entries go, and the file shrinks)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from roledef.lint import store as lint_store
from roledef.lint.cache import max_size
from roledef.lint.store import DB_NAME, DEFAULT_MAX_BYTES, FORMAT, open_store
from tests.unit.test_lint_cache import DEFECTIVE, lint, rows


@pytest.fixture(autouse=True)
def _cache_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ROLEDEF_NO_CACHE", raising=False)
    monkeypatch.delenv("ROLEDEF_CACHE_MAX_MB", raising=False)


def keys(database: Path) -> set[bytes]:
    with sqlite3.connect(database) as db:
        return {key for (key,) in db.execute("SELECT key FROM results")}


def write(folder: Path, minute: int, entries: list[bytes], limit: int = DEFAULT_MAX_BYTES) -> None:
    """One run at ``minute`` that stores 200 bytes under each of the keys ``entries``."""
    store = open_store(str(folder), limit)
    assert store is not None
    store._now = minute
    for key in entries:
        store.put(key, os.urandom(200))
    store.close()


def names(prefix: str, count: int = 100) -> list[bytes]:
    return [f"{prefix}{i:05d}".encode().ljust(16, b".") for i in range(count)]


def test_an_older_format_is_removed_and_not_read(tmp_path: Path) -> None:
    (tmp_path / "role.md").write_text(DEFECTIVE, encoding="utf-8")
    folder = tmp_path / ".roledef_cache"
    folder.mkdir()
    old = folder / f"lint-v{FORMAT - 1}.sqlite3"
    with sqlite3.connect(old) as db:  # the first format's table, with a result for any key
        db.execute("CREATE TABLE results (key BLOB PRIMARY KEY, value BLOB, used INTEGER)")
        db.execute("INSERT INTO results VALUES (x'00', x'00', 0)")
    (folder / f"lint-v{FORMAT - 1}.sqlite3-journal").write_bytes(b"")
    expected = lint("--no-cache", "role.md", cwd=tmp_path)
    assert lint("role.md", cwd=tmp_path) == expected
    assert sorted(p.name for p in folder.iterdir()) == [".gitignore", "CACHEDIR.TAG", DB_NAME]
    assert rows(folder / DB_NAME) == 1


@pytest.mark.parametrize(
    "schema",
    [
        # the first format's layout under this format's name, never marked with a version
        "CREATE TABLE results (key BLOB PRIMARY KEY, value BLOB, used INTEGER)",
        # a database marked with another format's version
        "CREATE TABLE results (key BLOB PRIMARY KEY, used INTEGER, value BLOB);"
        f"PRAGMA user_version = {FORMAT + 1}",
    ],
)
def test_a_database_of_another_format_is_replaced(tmp_path: Path, schema: str) -> None:
    (tmp_path / "role.md").write_text(DEFECTIVE, encoding="utf-8")
    database = tmp_path / ".roledef_cache" / DB_NAME
    database.parent.mkdir()
    with sqlite3.connect(database) as db:
        db.executescript(schema)
    expected = lint("--no-cache", "role.md", cwd=tmp_path)
    assert lint("role.md", cwd=tmp_path) == expected
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == FORMAT
        assert db.execute("PRAGMA auto_vacuum").fetchone()[0] == 2  # incremental
    assert lint("role.md", cwd=tmp_path) == expected
    assert rows(database) == 1


def test_past_its_size_limit_the_least_recently_used_entries_go(tmp_path: Path) -> None:
    database = tmp_path / DB_NAME
    early, read, late = names("early"), names("read"), names("late")
    write(tmp_path, 0, early + read)
    limit = database.stat().st_size  # full: the next entries go over it
    store = open_store(str(tmp_path))
    assert store is not None
    store._now = 100  # a later run uses half the entries (and notes their use)...
    assert len(store.get(read)) == len(read)
    store.close()
    write(tmp_path, 200, late, limit)  # ...and a later one still goes over the limit
    kept = keys(database)
    assert set(late) <= kept  # the entries just written stay
    assert not kept & set(early)  # the least recently used went first,
    assert len(kept) < len(early + read + late) - len(early)  # then some of those used later
    assert database.stat().st_size <= limit
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA freelist_count").fetchone()[0] == 0


def test_the_file_shrinks_when_the_limit_is_lowered(tmp_path: Path) -> None:
    database = tmp_path / DB_NAME
    write(tmp_path, 0, names("entry", 400))
    before = database.stat().st_size
    write(tmp_path, 1, [], before // 4)
    assert database.stat().st_size <= before // 4
    assert 0 < len(keys(database)) < 400


def test_pages_freed_by_old_entries_go_back_to_the_file_system(tmp_path: Path) -> None:
    database = tmp_path / DB_NAME
    write(tmp_path, 0, names("old", 400))
    before = database.stat().st_size
    write(tmp_path, lint_store.KEEP_DAYS * 24 * 60 + 1, names("new", 10))  # the old ones expire
    assert len(keys(database)) == 10
    assert database.stat().st_size < before // 4
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA freelist_count").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, DEFAULT_MAX_BYTES),
        ("200", 200 * 2**20),
        ("0.5", 2**19),
        ("0", DEFAULT_MAX_BYTES),
        ("-3", DEFAULT_MAX_BYTES),
        ("lots", DEFAULT_MAX_BYTES),
        ("inf", DEFAULT_MAX_BYTES),
        ("nan", DEFAULT_MAX_BYTES),
    ],
)
def test_the_size_limit_is_read_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, value: str | None, expected: int
) -> None:
    if value is not None:
        monkeypatch.setenv("ROLEDEF_CACHE_MAX_MB", value)
    assert max_size() == expected


@pytest.mark.slow
def test_a_small_size_limit_bounds_the_file_and_not_the_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(400):
        (tmp_path / f"role-{i:03d}.md").write_text(DEFECTIVE, encoding="utf-8")
    expected = lint("--no-cache", ".", cwd=tmp_path)
    monkeypatch.setenv("ROLEDEF_CACHE_MAX_MB", "0.1")
    database = tmp_path / ".roledef_cache" / DB_NAME
    assert lint(".", cwd=tmp_path) == expected
    assert database.stat().st_size <= 0.1 * 2**20
    assert 0 < rows(database) < 400
    assert lint(".", cwd=tmp_path) == expected  # some results from the cache, some checked again
    assert database.stat().st_size <= 0.1 * 2**20


@pytest.mark.slow
def test_two_runs_at_once_share_a_small_cache(tmp_path: Path) -> None:
    """Two processes writing, evicting and compacting one database at the same time: each gets
    its own output unchanged, and the file stays under its limit."""
    for i in range(300):
        (tmp_path / f"role-{i:03d}.md").write_text(DEFECTIVE, encoding="utf-8")
    expected = lint("--no-cache", ".", cwd=tmp_path)[1]
    env = {**os.environ, "ROLEDEF_CACHE_MAX_MB": "0.05"}
    command = [sys.executable, "-m", "roledef", "lint", "--output-format", "text", "."]
    for jobs in ("1", "2"):
        runs = [
            subprocess.Popen(
                [*command, "--jobs", jobs], cwd=tmp_path, env=env, stdout=subprocess.PIPE, text=True
            )
            for _ in range(2)
        ]
        assert [run.communicate()[0] for run in runs] == [expected, expected]
    assert (tmp_path / ".roledef_cache" / DB_NAME).stat().st_size <= 0.05 * 2**20
