"""Checkpoints of the write-ahead log run off the clerk's path while the app
is open, and the app's own commits stop doing them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pendulum

from minuteterm.db.checkpoints import BackgroundCheckpoints
from minuteterm.db.store import Store
from minuteterm.model import EntryKind, NewItem
from minuteterm.recording.entries import add_entry
from minuteterm.recording.meetings import create_meeting
from minuteterm.tui.app import MinuteTermApp


def autocheckpoint(store: Store) -> int:
    return int(store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0])


def wal_frames_left(db_path: Path) -> int:
    """Frames in the WAL not yet copied into the database file."""
    conn = sqlite3.connect(db_path)
    try:
        _busy, log, done = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    finally:
        conn.close()
    return log - done


async def test_the_open_app_defers_checkpoints_to_its_thread(store: Store) -> None:
    meeting_id = create_meeting(
        store,
        "Audit Committee",
        pendulum.datetime(2026, 12, 14, 18, 30, tz="Europe/London"),
        agenda=[NewItem("Internal audit progress")],
    )
    assert autocheckpoint(store) == 1000  # SQLite's own default, outside the app
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)):
        assert autocheckpoint(store) == 0
        assert app.checkpoints._thread.is_alive()
    assert autocheckpoint(store) == 1000
    assert not app.checkpoints._thread.is_alive()


def test_a_checkpoint_copies_the_log_into_the_file(store: Store, db_path: Path) -> None:
    meeting_id = create_meeting(
        store,
        "Audit Committee",
        pendulum.datetime(2026, 12, 14, 18, 30, tz="Europe/London"),
        agenda=[NewItem("Internal audit progress")],
    )
    checkpoints = BackgroundCheckpoints(db_path, every=3600)
    checkpoints.start(store.conn)
    try:
        item = store.items(meeting_id)[0].id
        for number in range(200):
            add_entry(store, item, EntryKind.NOTE, f"Finding {number} was discussed at length.")
        conn = sqlite3.connect(f"file:{db_path}?mode=rw", uri=True)
        try:
            assert checkpoints.checkpoint(conn)
        finally:
            conn.close()
        assert wal_frames_left(db_path) == 0
        assert len(store.entries(item)) == 200
    finally:
        checkpoints.stop(store.conn)


def test_a_vanished_database_is_never_made_again(tmp_path: Path) -> None:
    gone = tmp_path / "gone.db"
    checkpoints = BackgroundCheckpoints(gone, every=0.01)
    checkpoints._run()  # cannot open it read-write, so it stops at once

    assert not gone.exists()
