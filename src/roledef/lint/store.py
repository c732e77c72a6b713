"""The lint cache's database: results by key, and the day each was last used.

One SQLite file, ``lint-v2.sqlite3``, in the cache folder, which also holds a ``.gitignore`` so
git does not see it and a ``CACHEDIR.TAG`` so backup tools skip it. Entries unused for
:data:`KEEP_DAYS` days are dropped. Every operation is best-effort: a folder that cannot be
written or a database locked by another run turns it off for the run, a damaged database or one
of another format is replaced (see :mod:`roledef.lint.cache` for what is stored under which key).
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

#: Bumped when the stored format changes; the database file name carries it, and so does the
#: database (``PRAGMA user_version``): a database of any other format is not read.
FORMAT = 2
DB_NAME = f"lint-v{FORMAT}.sqlite3"
#: Entries not used for this many days are removed when the cache is written.
KEEP_DAYS = 30
#: Keys looked up per query, and results written per transaction.
BATCH = 500
#: How long to wait for another roledef process that is writing the same cache (seconds).
BUSY_TIMEOUT = 0.5

_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by roledef:\n"
    "# backup and archiving tools that honour such tags skip this folder.\n"
)


class Store:
    """The SQLite database: results by key, and the day each was last used. Best-effort: an
    error turns it off (reading) or read-only (writing) for the rest of the run."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db: sqlite3.Connection | None = connection
        self._pending: list[tuple[bytes, int, bytes]] = []
        self._used: list[bytes] = []
        self._writable = True
        self._today = int(time.time() // 86400)

    def get(self, keys: Sequence[bytes]) -> dict[bytes, bytes]:
        """The stored values of ``keys`` (those there), a few hundred keys a query; their use
        today is noted, to be written at the end of the run."""
        import sqlite3

        found: dict[bytes, bytes] = {}
        for start in range(0, len(keys), BATCH):
            batch = keys[start : start + BATCH]
            if self._db is None:
                break
            sql = (
                f"SELECT key, value, used FROM results WHERE key IN ({','.join('?' * len(batch))})"
            )
            try:
                rows = self._db.execute(sql, batch).fetchall()
            except sqlite3.Error:
                self.close(write=False)
                break
            for key, value, day in rows:
                found[key] = value
                if day != self._today:
                    self._used.append(key)
        return found

    def put(self, key: bytes, blob: bytes | None) -> None:
        """Store a value (written a few hundred at a time); None stores nothing."""
        if self._db is None or not self._writable or blob is None:
            return
        self._pending.append((key, self._today, blob))
        if len(self._pending) >= BATCH:
            self._write(final=False)

    def _write(self, *, final: bool) -> None:
        """Write what is pending in one transaction; at the end of the run also note what was
        used and drop what is old."""
        pending, self._pending = self._pending, []
        if self._db is None or not self._writable or not (pending or (final and self._used)):
            return
        used = [(self._today, k) for k in self._used] if final else []
        oldest = self._today - KEEP_DAYS if final else None
        self._writable = _transaction(self._db, pending, used, oldest)

    def close(self, *, write: bool = True) -> None:
        """Write what is left (unless ``write`` is false), then close."""
        if self._db is None:
            return
        try:
            if write:
                self._write(final=True)
        finally:
            self._pending.clear()
            self._used.clear()
            db, self._db = self._db, None
            db.close()


def open_store(folder: str) -> Store | None:
    """The database in ``folder``, made if missing, replaced if damaged or of another format;
    None if unusable. Databases of the formats before this one are removed."""
    try:
        os.makedirs(folder, exist_ok=True)
        _mark(folder)
    except OSError:
        return None
    for old in range(1, FORMAT):
        _discard(os.path.join(folder, f"lint-v{old}.sqlite3"))
    database = os.path.join(folder, DB_NAME)
    try:
        connection = _connect(database)
        if connection is None:  # damaged (not a database, a bad page, another format): afresh
            _discard(database)
            connection = _connect(database)
    except _Busy:  # another run holds it: this one goes without (and leaves it whole)
        return None
    return None if connection is None else Store(connection)


def _transaction(
    db: sqlite3.Connection,
    rows: list[tuple[bytes, int, bytes]],
    used: list[tuple[int, bytes]],
    oldest: int | None,
) -> bool:
    """Insert ``rows``, note ``used`` and (at the end of a run) drop entries older than
    ``oldest``, in one transaction; False when it failed (another run holds the lock, or the
    disk is full: the run then keeps nothing more rather than wait again at every batch)."""
    import sqlite3

    try:
        db.execute("BEGIN IMMEDIATE")
        db.executemany("INSERT OR REPLACE INTO results (key, used, value) VALUES (?, ?, ?)", rows)
        if used:
            db.executemany("UPDATE results SET used = ? WHERE key = ?", used)
        if oldest is not None:
            db.execute("DELETE FROM results WHERE used < ?", (oldest,))
        db.execute("COMMIT")
    except sqlite3.Error:
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")
        return False
    return True


class _Busy(Exception):
    """The database is locked by another run for longer than :data:`BUSY_TIMEOUT`."""


def _connect(database: str) -> sqlite3.Connection | None:
    """Open (or create) the database; None when it cannot be used (damaged, or of another
    format). Raises :class:`_Busy` when another run keeps it locked."""
    import sqlite3

    try:
        connection = sqlite3.connect(database, timeout=BUSY_TIMEOUT, isolation_level=None)
    except (OSError, sqlite3.Error):
        return None
    try:
        connection.execute("PRAGMA synchronous = OFF")  # a cache: a crash at worst loses it
        if connection.execute("PRAGMA user_version").fetchone()[0] != FORMAT and not _create(
            connection
        ):
            connection.close()
            return None
        connection.execute("SELECT count(*) FROM results WHERE key = x''").fetchone()
    except sqlite3.Error as exc:
        connection.close()
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF  # the primary code of an extended one
        if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            raise _Busy from None
        return None
    return connection


def _create(db: sqlite3.Connection) -> bool:
    """Make the table in a new, empty database (in one transaction, so that another run sees
    either nothing or the whole); False when the database holds something else."""
    import sqlite3

    # set before the first table: the file can then give the pages of deleted entries back
    db.execute("PRAGMA auto_vacuum = INCREMENTAL")
    db.execute("BEGIN IMMEDIATE")
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version == 0 and not db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            db.execute(
                "CREATE TABLE results "
                "(key BLOB PRIMARY KEY, used INTEGER NOT NULL, value BLOB NOT NULL) WITHOUT ROWID"
            )
            db.execute(f"PRAGMA user_version = {FORMAT}")
            version = FORMAT
        db.execute("COMMIT")
    except sqlite3.Error:
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")
        raise
    return bool(version == FORMAT)


def _mark(folder: str) -> None:
    """Keep the folder out of git and out of backups (each file written once, atomically)."""
    for name, text in ((".gitignore", "# made by roledef\n*\n"), ("CACHEDIR.TAG", _TAG)):
        target = os.path.join(folder, name)
        if os.path.exists(target):
            continue
        partial = f"{target}.{os.getpid()}.tmp"
        with open(partial, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(partial, target)


def _discard(path: str) -> None:
    """Remove a damaged database, or one of another format; the next run starts an empty one."""
    for suffix in ("", "-journal"):
        with contextlib.suppress(OSError):
            os.remove(path + suffix)
