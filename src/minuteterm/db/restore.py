"""Put a backup in place of the database, keeping the database it replaces.

Nothing is changed until the backup has passed every check: it must be a
MinuteTerm database no newer than this code and pass ``PRAGMA
integrity_check``. It is then copied to a temporary file next to the
database (so the final step is a rename on one file system) and checked
again.

The current database is then taken over, through SQLite's own lock, which
every program that opens the file honours: refused if another program is
writing to it (``BEGIN IMMEDIATE`` with a short wait) or has it open at all
(it cannot be switched out of WAL mode while another connection holds it);
otherwise its WAL is folded in by that switch and the file locked
exclusively (``locking_mode = EXCLUSIVE``), and the lock is held until the
restore is over. Under it, a copy is kept in ``backups/`` as
``minuteterm-…-before-restore.db`` and the backup is written into the
database through SQLite's backup API, in one transaction: a crash half-way
leaves the database as it was. A program that opens the database meanwhile
waits for the lock (up to its busy timeout) and then finds the restored
database, so whatever it saves lands there, and whatever was saved before
is in the kept copy.

A database too damaged to be read is kept byte for byte and the backup
renamed over it, after removing any stale ``-wal``/``-shm``/``-journal``
files, which SQLite would otherwise apply to the restored file.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from minuteterm.db.backup import (
    BackupError,
    check_copy,
    copy_database,
    dated_stem,
    default_folder,
    free_name,
    sync_folder,
)
from minuteterm.db.dbfile import check_integrity, check_minuteterm, open_read_only, sidecars
from minuteterm.db.schema import SchemaError
from minuteterm.db.schema_check import check_shape
from minuteterm.db.store import StoreError
from minuteterm.filekind import kind_of

#: How long to wait for another program's write to finish, in seconds.
LOCK_WAIT = 1.0

#: What a copy of the database a restore replaces is called after the time.
BEFORE_RESTORE = "-before-restore"


class RestoreError(StoreError):
    """The backup was not restored; the message says why."""


@dataclass(frozen=True)
class Restored:
    """What a restore did."""

    source: Path
    database: Path
    #: Where the replaced database was kept, or ``None`` if there was none.
    previous: Path | None

    @property
    def message(self) -> str:
        """One line for the clerk."""
        kept = (
            f"; the database it replaced is kept as {self.previous}"
            if self.previous
            else " (there was no database there before)"
        )
        return f"restored {self.source} to {self.database}{kept}"


def restore(source: Path, db_path: Path) -> Restored:
    """Replace the database at ``db_path`` with the backup ``source``.

    Raises :class:`~minuteterm.db.store.StoreError` (having changed nothing)
    for a backup that is missing, not MinuteTerm's, corrupt or too new, and
    for a database that is in use or cannot be kept first."""
    source, db_path = source.expanduser(), db_path.expanduser()
    if not db_path.parent.is_dir():
        raise RestoreError(f"cannot restore to {db_path}: folder {db_path.parent} does not exist")
    if (kind := kind_of(db_path)) is not None:
        raise RestoreError(f"cannot restore to {db_path}: it is {kind}, not a database file")
    if db_path.exists() and source.exists() and source.resolve() == db_path.resolve():
        raise RestoreError(f"{source} is the database itself: name a backup to restore")
    staged = _stage(source, db_path)
    try:
        previous = _swap_in(staged, source, db_path)
    finally:
        staged.unlink(missing_ok=True)
    return Restored(source, db_path, previous)


def _unchanged(db_path: Path, error: Exception) -> RestoreError:
    return RestoreError(f"{error}; {db_path} was not changed")


def _stage(source: Path, db_path: Path) -> Path:
    """A checked copy of the backup next to the database (hidden name)."""
    staged = db_path.with_name(f".{db_path.name}.restore-{os.getpid()}.tmp")
    try:
        conn = open_read_only(source)
        try:
            check_minuteterm(conn, source)
            check_shape(conn, source)
            check_integrity(conn, source)
            staged.unlink(missing_ok=True)
            conn.execute("VACUUM INTO ?", [str(staged)])
        finally:
            conn.close()
        check_copy(staged)
    except sqlite3.DatabaseError as error:
        staged.unlink(missing_ok=True)
        raise _unchanged(db_path, StoreError(f"cannot copy {source} ({error})")) from None
    except (StoreError, SchemaError) as error:
        staged.unlink(missing_ok=True)
        raise _unchanged(db_path, error) from None
    except OSError as error:
        staged.unlink(missing_ok=True)
        raise _unchanged(db_path, StoreError(f"cannot copy {source}: {error.strerror}")) from None
    return staged


def _swap_in(staged: Path, source: Path, db_path: Path) -> Path | None:
    """Put the checked copy ``staged`` in place of the database, keeping a
    copy of what it replaces; return where that copy is (``None`` if there
    was no database). Refused, changing and keeping nothing, if another
    program is using the database."""
    created = not db_path.exists()
    conn = sqlite3.connect(str(db_path), timeout=LOCK_WAIT, isolation_level=None)
    previous = None
    try:
        if _not_being_written(conn, db_path) and _lock(conn, db_path):
            previous = None if created else _keep(conn, db_path)
            if _take_over(conn, db_path):
                _write_into(conn, staged, source, db_path)
                return previous
        elif not created:
            previous = _keep(None, db_path)
    except RestoreError:
        if created:
            _remove_if_empty(db_path)
        raise
    finally:
        conn.close()
    return _replace_damaged(staged, source, db_path, previous)


def _lock(conn: sqlite3.Connection, db_path: Path) -> bool:
    """Take the database's exclusive lock and keep it until ``conn`` is
    closed: refused if another program has it open (even idle, in WAL
    mode). False for a database too damaged to lock (it is about to be
    replaced)."""
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")  # the lock stays: exclusive mode never lets it go
    except sqlite3.DatabaseError as error:
        if _damaged(error):
            return False
        raise _in_use(db_path, error, "open in another program") from None
    return True


def _write_into(conn: sqlite3.Connection, staged: Path, source: Path, db_path: Path) -> None:
    """Write the checked copy into the locked database, in one transaction."""
    copy = sqlite3.connect(str(staged))
    try:
        copy.backup(conn)
    except sqlite3.Error as error:
        raise RestoreError(
            f"could not put {source} in place of {db_path} ({error}); {db_path} was not changed"
        ) from None
    finally:
        copy.close()


def _replace_damaged(
    staged: Path, source: Path, db_path: Path, previous: Path | None
) -> Path | None:
    """Rename the checked copy over a database too damaged to be written
    into (kept as ``previous`` already), removing its stale sidecars."""
    for stale in sidecars(db_path):
        stale.unlink(missing_ok=True)
    try:
        os.replace(staged, db_path)
        sync_folder(db_path.parent)
    except OSError as error:
        raise RestoreError(
            f"could not put {source} in place of {db_path} ({error.strerror}); "
            f"{db_path} was not changed"
        ) from None
    return previous


def _remove_if_empty(db_path: Path) -> None:
    """Remove the empty file a refused restore made where none was."""
    try:
        if db_path.stat().st_size == 0:
            db_path.unlink()
    except OSError:
        pass


def _not_being_written(conn: sqlite3.Connection, db_path: Path) -> bool:
    """Refuse a database another program is writing to; False if it cannot
    be read as a database at all (damaged)."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
    except sqlite3.OperationalError as error:
        raise _in_use(db_path, error, "being written by another program") from None
    except sqlite3.DatabaseError:
        return False
    return True


def _take_over(conn: sqlite3.Connection, db_path: Path) -> bool:
    """Fold the locked database's WAL in and leave it in rollback mode, so no
    ``-wal`` outlives it and the backup can be written into it whatever its
    page size. False for a database too damaged to switch (it is about to be
    replaced whole)."""
    try:
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.DatabaseError as error:
        if _damaged(error):
            return False
        raise _in_use(db_path, error, "open in another program") from None
    return str(mode).lower() == "delete"


def _damaged(error: sqlite3.DatabaseError) -> bool:
    """Whether ``error`` says the file is damaged (not that it is busy)."""
    text = str(error)
    damaged = "malformed" in text or "not a database" in text
    return damaged or not isinstance(error, sqlite3.OperationalError)


def _in_use(db_path: Path, error: sqlite3.Error | None, what: str) -> RestoreError:
    text = str(error or "")
    if "readonly" in text or "read-only" in text:
        return RestoreError(f"{db_path} is read-only, so it cannot be replaced; it was not changed")
    if error is not None and "locked" not in text and "busy" not in text:
        return RestoreError(f"cannot take over {db_path} ({text}); nothing was changed")
    return RestoreError(
        f"{db_path} is {what} (MinuteTerm in another window?): close it and try "
        "again; nothing was changed"
    )


def _keep(conn: sqlite3.Connection | None, db_path: Path) -> Path:
    """Keep the database about to be replaced in the backups folder: a
    checked copy if it can be read, else its files byte for byte."""
    if conn is not None:
        try:
            return copy_database(conn, db_path, None, suffix=BEFORE_RESTORE)
        except BackupError:
            pass  # damaged: keep it as it is, below
    try:
        return _byte_copy(db_path)
    except OSError as error:
        raise RestoreError(
            f"could not keep a copy of {db_path} before replacing it "
            f"({error.strerror}); nothing was changed"
        ) from None


def _byte_copy(db_path: Path) -> Path:
    """Copy the database file (and its WAL, if any) as they are."""
    folder = default_folder(db_path)
    folder.mkdir(exist_ok=True)
    final = free_name(folder, dated_stem(BEFORE_RESTORE))
    wal = sidecars(db_path)[0]
    if wal.exists():
        shutil.copyfile(wal, final.with_name(final.name + "-wal"))
    temporary = final.with_name(f".{final.name}.{os.getpid()}.tmp")
    try:
        shutil.copyfile(db_path, temporary)
        os.replace(temporary, final)
    finally:
        temporary.unlink(missing_ok=True)
    return final
