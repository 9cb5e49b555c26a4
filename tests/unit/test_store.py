"""The store on a real file: what is saved is there after reopening; files
that are not ours are refused with a reason and left untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pendulum
import pytest
import sqlite_utils

from minuteterm.db.schema import MIGRATIONS, SCHEMA_VERSION
from minuteterm.db.store import (
    MeetingLocked,
    Store,
    StoreError,
    UnknownMeeting,
    open_store,
)
from minuteterm.model import ActionFields, EntryKind, MeetingStatus, NewItem
from minuteterm.recording.entries import add_entry, delete_entry, undo_delete
from minuteterm.recording.meetings import close_meeting, create_meeting
from minuteterm.recording.record import meeting_record

START = pendulum.datetime(2026, 12, 14, 18, 30, tz="Europe/London")


def make_meeting(store: Store) -> int:
    return create_meeting(
        store,
        "Audit Committee",
        START,
        venue="Room 2",
        agenda=[NewItem("Apologies"), NewItem("Internal audit plan"), NewItem("Fraud", True)],
    )


def test_new_file_is_migrated_to_current_version(db_path: Path) -> None:
    open_store(db_path).close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"
    tables = {row[0] for row in conn.execute("select name from sqlite_master")}
    assert {"meetings", "agenda_items", "entries", "actions", "people"} <= tables


def test_reopening_shows_every_entry(db_path: Path) -> None:
    store = open_store(db_path)
    meeting_id = make_meeting(store)
    first, second, _third = store.items(meeting_id)
    store.set_current_item(meeting_id, first.id)
    add_entry(store, first.id, EntryKind.NOTE, "Apologies from Cllr Reed.")
    add_entry(store, second.id, EntryKind.QUESTION, "was the plan on time?", speaker="Cllr Yu")
    add_entry(
        store,
        second.id,
        EntryKind.ACTION,
        "circulate the plan",
        speaker="Head of Audit",
        action=ActionFields("Head of Audit", "circulate the plan", pendulum.date(2027, 1, 8)),
    )
    store.close()

    reopened = open_store(db_path)
    record = meeting_record(reopened, meeting_id)
    texts = [(e.kind, e.text) for item in record.items for e in item.entries]
    assert texts == [
        (EntryKind.NOTE, "Apologies from Cllr Reed."),
        (EntryKind.QUESTION, "was the plan on time?"),
        (EntryKind.ACTION, "circulate the plan"),
    ]
    action = record.items[1].entries[1].action
    assert action is not None and action.owner == "Head of Audit"
    assert action.due == pendulum.date(2027, 1, 8)
    assert record.items[2].item.exempt
    assert record.meeting.status is MeetingStatus.LIVE
    reopened.close()


def test_times_are_stored_in_utc(store: Store) -> None:
    meeting_id = make_meeting(store)
    row = store.db.execute("select starts_at from meetings where id = ?", [meeting_id])
    assert row.fetchone()[0] == "2026-12-14T18:30:00+00:00"  # London is UTC in winter
    summer = create_meeting(
        store, "Audit Committee", pendulum.datetime(2026, 7, 1, 18, 30, tz="Europe/London")
    )
    row = store.db.execute("select starts_at from meetings where id = ?", [summer])
    assert row.fetchone()[0] == "2026-07-01T17:30:00+00:00"


def test_moving_between_items_records_their_times(store: Store) -> None:
    meeting_id = make_meeting(store)
    first, second, _ = store.items(meeting_id)
    t1 = pendulum.datetime(2026, 12, 14, 18, 31, tz="UTC")
    t2 = t1.add(minutes=9)
    store.set_current_item(meeting_id, first.id, t1)
    store.set_current_item(meeting_id, second.id, t2)
    first, second, _ = store.items(meeting_id)
    assert (first.started_at, first.ended_at) == (t1, t2)
    assert (second.started_at, second.ended_at) == (t2, None)
    close_meeting(store, meeting_id, t2.add(minutes=20))
    meeting = store.meeting(meeting_id)
    assert meeting.status is MeetingStatus.CLOSED
    assert meeting.ended_at == t2.add(minutes=20)
    assert store.items(meeting_id)[1].ended_at == t2.add(minutes=20)


def test_delete_then_undo_brings_the_entry_back(store: Store) -> None:
    meeting_id = make_meeting(store)
    item = store.items(meeting_id)[0]
    kept = add_entry(store, item.id, EntryKind.NOTE, "kept")
    gone = add_entry(store, item.id, EntryKind.NOTE, "gone for a moment")
    delete_entry(store, gone)
    assert [e.id for e in store.entries(item.id)] == [kept]
    restored = undo_delete(store, meeting_id)
    assert restored is not None and restored.id == gone
    assert [e.id for e in store.entries(item.id)] == [kept, gone]
    assert undo_delete(store, meeting_id) is None


def test_text_is_cleaned_of_terminal_escapes_when_it_comes_in(store: Store) -> None:
    meeting_id = make_meeting(store)
    item = store.items(meeting_id)[0]
    hostile = "Budget\x1b[31m red\x1b]0;pwned\x07 \u202eevil\x00 [bold]x[/]"
    entry = store.entry(add_entry(store, item.id, EntryKind.NOTE, hostile))
    assert entry.text == "Budget red evil [bold]x[/]"


def test_unknown_meeting_is_a_clear_error(store: Store) -> None:
    with pytest.raises(UnknownMeeting, match="there is no meeting 42"):
        store.meeting(42)


def test_approved_meeting_refuses_changes(store: Store) -> None:
    meeting_id = make_meeting(store)
    item = store.items(meeting_id)[0]
    store.db["meetings"].update(meeting_id, {"status": "approved"})
    with pytest.raises(MeetingLocked, match="approved"):
        add_entry(store, item.id, EntryKind.NOTE, "too late")


def test_file_that_is_not_sqlite_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("Dear clerk, this is a letter.\n" * 20)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a MinuteTerm database"):
        open_store(path)
    assert path.read_bytes() == before


def test_other_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("create table songs (title text)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a MinuteTerm one"):
        open_store(path)


def test_newer_schema_is_refused_not_altered(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"pragma user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer MinuteTerm"):
        open_store(path)
    conn = sqlite3.connect(path)
    assert conn.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION + 5


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "nowhere" / "minutes.db")
    assert not (tmp_path / "nowhere").exists()


def test_corrupt_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.db"
    open_store(path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError):
        open_store(path)


def test_a_write_waits_for_another_writer_and_succeeds(store: Store, db_path: Path) -> None:
    import subprocess
    import sys

    meeting_id = make_meeting(store)
    item = store.items(meeting_id)[0]
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            f"conn = sqlite3.connect({str(db_path)!r}, isolation_level=None)\n"
            "conn.execute('begin immediate')\n"
            "conn.execute(\"update meetings set venue = 'Room 9'\")\n"
            "print('locked', flush=True)\n"
            "time.sleep(1.5)\n"
            "conn.execute('commit')\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        entry_id = add_entry(store, item.id, EntryKind.NOTE, "written while another held the lock")
    finally:
        holder.wait(timeout=30)
    assert holder.returncode == 0
    assert store.entry(entry_id).text == "written while another held the lock"
    assert store.meeting(meeting_id).venue == "Room 9"


def test_an_older_database_is_copied_before_it_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(sqlite3.connect(path))
    for number, step in enumerate(MIGRATIONS[:3], start=1):
        step(db)
        db.execute(f"PRAGMA user_version = {number}")
    db.executescript(
        """insert into committees (id, name) values (1, 'Audit Committee');
        insert into meetings (id, committee_id, title, starts_at, created_at)
          values (1, 1, 'Audit Committee', '2026-12-14T18:30:00+00:00',
                  '2026-12-01T09:00:00+00:00');"""
    )
    db.conn.commit()
    db.close()

    upgraded = open_store(path)
    assert upgraded.meeting(1).title == "Audit Committee"
    upgraded.close()
    (copy,) = (tmp_path / "backups").glob("before-schema-*-from-3-*.db")
    old = sqlite3.connect(copy)
    assert old.execute("pragma user_version").fetchone()[0] == 3
    assert old.execute("select title from meetings").fetchone()[0] == "Audit Committee"
    old.close()
    assert sqlite3.connect(path).execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION
