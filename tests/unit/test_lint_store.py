"""The lint cache's database: its format (an older or foreign database is not read)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from roledef.lint.store import DB_NAME, FORMAT
from tests.unit.test_lint_cache import DEFECTIVE, lint, rows


@pytest.fixture(autouse=True)
def _cache_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ROLEDEF_NO_CACHE", raising=False)


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
