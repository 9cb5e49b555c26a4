"""``minuteterm restore`` on real files, run as a clerk would: a good backup
replaces the database (which is kept first), whatever its WAL held; a bad
one, or a database in use, is refused in one line with nothing changed."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from minuteterm.db.backup import backup_file
from minuteterm.db.schema import SCHEMA_VERSION
from minuteterm.db.store import open_store
from minuteterm.recording.entries import add_entry
from tests.system.test_backup import scribble, texts
from tests.system.test_cli import assert_refused, run


def capture(db_path: Path, meeting: str, line: str) -> None:
    result = run("capture", meeting, line, db=db_path)
    assert result.returncode == 0, result.stderr


@pytest.fixture
def meeting(db_path: Path) -> str:
    """A meeting with one item and one note, in ``db_path``."""
    created = run("new", "--committee", "Audit", "--date", "1/1/2027", db=db_path)
    meeting = created.stdout.strip()
    capture(db_path, meeting, "/add Accounts")
    capture(db_path, meeting, "The accounts were approved.")
    return meeting


@pytest.fixture
def good_backup(db_path: Path, meeting: str, tmp_path: Path) -> Path:
    return backup_file(db_path, tmp_path / "good.db")


def crash_after_writing(db_path: Path, meeting: str, line: str) -> None:
    """Capture ``line`` in a process that dies without closing the database,
    so the entry is committed but only in the ``-wal`` file."""
    script = (
        "import os, sys\n"
        "from minuteterm.recording.recorder import Recorder\n"
        "from minuteterm.db.store import open_store\n"
        "store = open_store(sys.argv[1])\n"
        "Recorder(store, int(sys.argv[2])).apply(sys.argv[3])\n"
        "os._exit(0)\n"
    )
    subprocess.run(
        [sys.executable, "-c", script, str(db_path), meeting, line], check=True, timeout=60
    )
    assert Path(f"{db_path}-wal").stat().st_size > 0


def test_restore_puts_the_backup_back_and_keeps_what_it_replaced(
    db_path: Path, meeting: str, good_backup: Path
) -> None:
    capture(db_path, meeting, "A note taken after the backup.")
    crash_after_writing(db_path, meeting, "A note only in the WAL.")

    result = run("restore", str(good_backup), db=db_path)
    assert result.returncode == 0, result.stderr
    kept = next((db_path.parent / "backups").glob("minuteterm-*-before-restore.db"))
    assert result.stdout.strip() == (
        f"restored {good_backup} to {db_path}; the database it replaced is kept as {kept}"
    )
    assert not Path(f"{db_path}-wal").exists() and not Path(f"{db_path}-shm").exists()
    assert texts(db_path) == ["The accounts were approved."]
    assert texts(kept) == [  # the WAL was folded in before the copy was kept
        "The accounts were approved.",
        "A note taken after the backup.",
        "A note only in the WAL.",
    ]
    store = open_store(db_path)  # and MinuteTerm works on the restored file
    assert [e.text for e in store.meeting_entries(int(meeting))] == ["The accounts were approved."]
    store.close()

    undone = run("restore", str(kept), db=db_path)  # the restore can itself be undone
    assert undone.returncode == 0, undone.stderr
    assert len(texts(db_path)) == 3


def test_a_stale_wal_next_to_the_database_is_not_applied_to_the_backup(
    tmp_path: Path, good_backup: Path
) -> None:
    other = tmp_path / "other" / "minutes.db"
    other.parent.mkdir()
    other_meeting = run("new", "--committee", "Planning", "--date", "2/2/2027", db=other)
    crash_after_writing(other, other_meeting.stdout.strip(), "/add Appeals")
    target = tmp_path / "fresh" / "minutes.db"
    target.parent.mkdir()
    for suffix in ("-wal", "-shm"):  # left behind, say, by a copied folder
        shutil.copyfile(f"{other}{suffix}", f"{target}{suffix}")

    result = run("restore", str(good_backup), db=target)
    assert result.returncode == 0, result.stderr
    assert "there was no database there before" in result.stdout
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert [row[0] for row in conn.execute("select name from committees")] == ["Audit"]
    conn.close()


def not_sqlite(path: Path) -> None:
    path.write_text("Minutes of the Audit Committee\n" * 200)


def not_ours(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("create table songs (title text)")
    conn.commit()
    conn.close()


def newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("spoil", "words"),
    [
        (not_sqlite, "not a MinuteTerm database"),
        (not_ours, "not a MinuteTerm one"),
        (scribble, "corrupt"),
        (newer, "newer MinuteTerm"),
        (Path.unlink, "there is no file"),
    ],
)
def test_a_bad_backup_is_refused_and_nothing_changes(
    db_path: Path, meeting: str, good_backup: Path, spoil, words: str
) -> None:
    bad = good_backup.with_name("bad.db")
    shutil.copyfile(good_backup, bad)
    spoil(bad)
    before = db_path.read_bytes()
    result = run("restore", str(bad), db=db_path)
    assert_refused(result, words)
    assert "was not changed" in result.stderr
    assert db_path.read_bytes() == before
    assert not (db_path.parent / "backups").exists()
    assert sorted(p.name for p in db_path.parent.iterdir() if p.name.startswith(".")) == []


def test_restore_is_refused_while_another_program_writes(
    db_path: Path, meeting: str, good_backup: Path
) -> None:
    writer = sqlite3.connect(db_path)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("update entries set text = 'half-way through a change'")
    try:
        result = run("restore", str(good_backup), db=db_path)
    finally:
        writer.rollback()
        writer.close()
    assert_refused(result, "being written by another program")
    assert texts(db_path) == ["The accounts were approved."]
    assert not (db_path.parent / "backups").exists()


def test_restore_is_refused_while_the_app_has_the_database_open(
    db_path: Path, meeting: str, good_backup: Path
) -> None:
    store = open_store(db_path)  # open, idle, as the app sits between entries
    try:
        result = run("restore", str(good_backup), db=db_path)
        assert_refused(result, "open in another program")
        assert not (db_path.parent / "backups").exists()  # no copy made either
        add_entry(store, store.items(int(meeting))[0].id, store.entry(1).kind, "Still saving.")
    finally:
        store.close()
    assert texts(db_path) == ["The accounts were approved.", "Still saving."]


def test_a_damaged_database_is_kept_as_it_was_and_replaced(
    db_path: Path, meeting: str, good_backup: Path
) -> None:
    capture(db_path, meeting, "Objection noted.")
    scribble(db_path)
    damaged = db_path.read_bytes()
    result = run("restore", str(good_backup), db=db_path)
    assert result.returncode == 0, result.stderr
    kept = next((db_path.parent / "backups").glob("*-before-restore.db"))
    assert kept.read_bytes() == damaged
    assert texts(db_path) == ["The accounts were approved."]


def test_restoring_the_database_onto_itself_is_refused(db_path: Path, meeting: str) -> None:
    assert_refused(run("restore", str(db_path), db=db_path), "the database itself")
