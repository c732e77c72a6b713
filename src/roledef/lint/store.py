"""The lint cache's database: results by key, and when each was last used.

One SQLite file, ``lint-v2.sqlite3``, in the cache folder, which also holds a ``.gitignore`` so
git does not see it and a ``CACHEDIR.TAG`` so backup tools skip it. Entries unused for
:data:`KEEP_DAYS` days are dropped, and the database is kept under a size (``max_bytes``,
:data:`DEFAULT_MAX_BYTES` unless told): past it, the least recently used entries go and the file
is compacted. Every operation is best-effort: a folder that cannot be written or a database locked
by another run turns it off for the run, a damaged database or one of another format is replaced
(see :mod:`roledef.lint.cache` for what is stored under which key).
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
#: An entry's time of last use is written again when it is older than this (minutes): the order
#: in which entries are evicted is right to the hour, and a run minutes after the last writes none.
REFRESH_MINUTES = 60
#: The size the database is kept under, unless told otherwise.
DEFAULT_MAX_BYTES = 50 * 2**20
#: Past its size limit, the database keeps entries worth this share of the limit and is compacted.
#: Compacting fills its pages, and the entries written next split them, so the file grows back
#: faster than its entries do: half leaves room for the runs after it.
KEEP_SHARE = 0.5
#: Bytes an entry takes in the database beyond its key and value (record header, time of use,
#: cell size and pointer).
ROW_BYTES = 12
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
    """The SQLite database: results by key, and the minute each was last used. Best-effort: an
    error turns it off (reading) or read-only (writing) for the rest of the run."""

    def __init__(self, connection: sqlite3.Connection, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self._db: sqlite3.Connection | None = connection
        self._pending: list[tuple[bytes, int, bytes]] = []
        self._used: list[bytes] = []
        self._writable = True
        self._max_bytes = max_bytes
        self._now = _minute()

    def get(self, keys: Sequence[bytes]) -> dict[bytes, bytes]:
        """The stored values of ``keys`` (those there), a few hundred keys a query; their use
        now is noted, to be written at the end of the run."""
        import sqlite3

        found: dict[bytes, bytes] = {}
        stale = self._now - REFRESH_MINUTES
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
            for key, value, used in rows:
                found[key] = value
                if used <= stale:
                    self._used.append(key)
        return found

    def put(self, key: bytes, blob: bytes | None) -> None:
        """Store a value (written a few hundred at a time); None stores nothing."""
        if self._db is None or not self._writable or blob is None:
            return
        self._pending.append((key, self._now, blob))
        if len(self._pending) >= BATCH:
            self._write(final=False)

    def _write(self, *, final: bool) -> None:
        """Write what is pending in one transaction; at the end of the run also note what was
        used and drop what is old."""
        pending, self._pending = self._pending, []
        if self._db is None or not self._writable or not (pending or (final and self._used)):
            return
        used = [(self._now, k) for k in self._used] if final else []
        oldest = self._now - KEEP_DAYS * 24 * 60 if final else None
        self._writable = _transaction(self._db, pending, used, oldest)

    def close(self, *, write: bool = True) -> None:
        """Write what is left (unless ``write`` is false) and keep the database under its size
        limit, then close."""
        if self._db is None:
            return
        try:
            if write:
                self._write(final=True)
                if self._writable:
                    _bound(self._db, self._max_bytes)
        finally:
            self._pending.clear()
            self._used.clear()
            db, self._db = self._db, None
            db.close()


def _minute() -> int:
    """Now, in minutes: entries' times of use are kept in minutes."""
    return int(time.time() // 60)


def open_store(folder: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Store | None:
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
    return None if connection is None else Store(connection, max_bytes)


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


def _bound(db: sqlite3.Connection, max_bytes: int) -> None:
    """Keep the file under ``max_bytes``: past it, drop the least recently used entries until
    those left take :data:`KEEP_SHARE` of it, and compact the file (``VACUUM``); under it, give
    the pages that deleted entries freed back to the file system (``incremental_vacuum``).

    Entries are spread over the file's pages by key, so deleting some frees space in many pages
    but few whole pages: only compacting makes the file smaller. Another run reading the
    database at the time makes that fail; the next run tries again."""
    import sqlite3

    with contextlib.suppress(sqlite3.Error):
        page_size, pages, free = (
            db.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("page_size", "page_count", "freelist_count")
        )
        if pages * page_size <= max_bytes:
            if free:  # (a step frees a page: executescript steps to the end)
                db.executescript("PRAGMA incremental_vacuum")
            return
        cutoff = None
        room = max_bytes * KEEP_SHARE
        rows = db.execute(
            "SELECT used, key, length(key) + length(value) FROM results "
            "ORDER BY used DESC, key DESC"
        )
        for used, key, size in rows:  # the most recently used first, while they fit
            room -= _entry_bytes(size, page_size)
            if room < 0:
                cutoff = (used, used, key)
                break
        rows.close()
        if cutoff is not None:  # this entry and those used before it go
            db.execute("DELETE FROM results WHERE used < ? OR (used = ? AND key <= ?)", cutoff)
        db.execute("VACUUM")


def _entry_bytes(size: int, page_size: int) -> int:
    """What an entry whose key and value take ``size`` bytes takes in the file: its cell in a
    page, and the overflow pages of one too large to fit there (SQLite's rule for the cells of a
    WITHOUT ROWID table)."""
    payload = size + ROW_BYTES
    room = page_size - 4  # what an overflow page holds
    most = (page_size - 12) * 64 // 255 - 23
    if payload <= most:
        return payload
    least = (page_size - 12) * 32 // 255 - 23
    here = least + (payload - least) % room
    here = here if here <= most else least
    return here + 4 + -(-(payload - here) // room) * page_size


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

    # set before the first table: the file can then give freed pages back (see _bound)
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
