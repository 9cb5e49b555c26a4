"""A database changed outside MinuteTerm is refused on open and on restore,
in one line, and left untouched (issue 11, point 8)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pendulum
import pytest
import sqlite_utils

from minuteterm.db.restore import restore
from minuteterm.db.schema import MIGRATIONS, SCHEMA_VERSION
from minuteterm.db.schema_check import CURRENT_DIGEST, digest, expected_shape, shape
from minuteterm.db.store import StoreError, open_store
from minuteterm.model import NewItem
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.recorder import Recorder

START = pendulum.datetime(2026, 12, 14, 18, 30, tz="Europe/London")

#: Changes made with another program, and the words of the refusal.
TAMPERING = {
    "a trigger that deletes new entries": (
        "create trigger eat_entries after insert on entries begin"
        " delete from entries where id = new.id; end",
        "trigger eat_entries that MinuteTerm does not make",
    ),
    "a renamed column": (
        "alter table entries rename column speaker to who",
        "table entries has no column speaker",
    ),
    "a dropped column": (
        "alter table meetings drop column venue",
        "table meetings has no column venue",
    ),
    "a search-index trigger dropped": (
        "drop trigger search_entries_insert",
        "trigger search_entries_insert is missing",
    ),
    "the confidential-flag trigger rewritten": (
        "drop trigger action_raised_confidential;"
        " create trigger action_raised_confidential after insert on actions begin select 1; end",
        "trigger action_raised_confidential has been altered",
    ),
    "a table of someone else's": (
        "create table notes_of_mine (id integer primary key)",
        "table notes_of_mine that MinuteTerm does not make",
    ),
}


def _meeting_file(path: Path) -> int:
    store = open_store(path)
    meeting_id = create_meeting(store, "Audit Committee", START, agenda=[NewItem("Plan")])
    Recorder(store, meeting_id).apply("The Committee received the audit plan.")
    store.close()
    return meeting_id


def _tamper(path: Path, sql: str) -> bytes:
    conn = sqlite3.connect(path)
    conn.executescript(sql)
    conn.execute("pragma wal_checkpoint(truncate)")
    conn.close()
    return path.read_bytes()


def test_the_digest_is_that_of_the_migrations() -> None:
    """When this fails, a migration changed the schema: set CURRENT_DIGEST
    in db/schema_check.py to the digest shown (opening stays fast)."""
    assert digest(expected_shape(SCHEMA_VERSION)) == CURRENT_DIGEST


def test_a_new_file_has_the_shape_the_migrations_make(db_path: Path) -> None:
    _meeting_file(db_path)
    conn = sqlite3.connect(db_path)
    try:
        assert digest(shape(conn)) == CURRENT_DIGEST
    finally:
        conn.close()


@pytest.mark.parametrize("change", sorted(TAMPERING))
def test_a_file_changed_outside_is_refused_on_open_untouched(db_path: Path, change: str) -> None:
    _meeting_file(db_path)
    sql, words = TAMPERING[change]
    before = _tamper(db_path, sql)
    with pytest.raises(StoreError, match="changed outside MinuteTerm") as refused:
        open_store(db_path)
    assert words in str(refused.value)
    assert "\n" not in str(refused.value)
    assert db_path.read_bytes() == before


def test_a_backup_changed_outside_is_not_restored(tmp_path: Path) -> None:
    backup, database = tmp_path / "backup.db", tmp_path / "minutes.db"
    _meeting_file(backup)
    _meeting_file(database)
    _tamper(backup, TAMPERING["a trigger that deletes new entries"][0])
    kept = database.read_bytes()
    with pytest.raises(StoreError, match="eat_entries"):
        restore(backup, database)
    assert database.read_bytes() == kept


def test_an_older_file_is_checked_against_its_own_version_and_upgraded(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    db = sqlite_utils.Database(conn)
    for number, migration in enumerate(MIGRATIONS[:6], start=1):
        with db.atomic():
            migration(db)
            db.execute(f"PRAGMA user_version = {number}")
    conn.close()
    open_store(db_path).close()
    conn = sqlite3.connect(db_path)
    try:
        assert digest(shape(conn)) == CURRENT_DIGEST
    finally:
        conn.close()
