"""Backups on real files: a checked, whole copy under a dated local-time name,
never half-written and never over another file; made when a meeting closes
(without ever failing the close); only the latest few automatic ones kept."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pendulum
import pytest

from minuteterm.db import backup as backup_module
from minuteterm.db.backup import BackupError, backup, prune
from minuteterm.db.schema import SCHEMA_VERSION
from minuteterm.db.store import Store, open_store
from minuteterm.model import MeetingStatus, NewItem
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.recorder import Recorder
from tests.conftest import FrozenClock
from tests.system.test_cli import assert_refused, run

#: A summer moment: local (BST) time is an hour ahead of UTC.
SUMMER = pendulum.datetime(2026, 7, 14, 17, 25, 9, tz="UTC")


def minuted(store: Store, *lines: str) -> Recorder:
    meeting_id = create_meeting(
        store,
        "Licensing Committee",
        pendulum.datetime(2026, 7, 14, 18, 0, tz="Europe/London"),
        agenda=[NewItem("Apologies"), NewItem("Street trading")],
    )
    recorder = Recorder(store, meeting_id)
    for line in lines:
        recorder.apply(line)
    return recorder


def texts(path: Path) -> list[str]:
    """The entries a database file holds, read without MinuteTerm."""
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("select text from entries order by id")]
    finally:
        conn.close()


def pragma(path: Path, name: str) -> object:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def test_a_backup_is_a_whole_checked_copy_named_in_local_time(
    store: Store, db_path: Path, frozen_clock: FrozenClock
) -> None:
    frozen_clock.moment = SUMMER
    minuted(store, "Apologies from Cllr Reed.", "Fees were agreed.")  # still in the WAL
    first = backup(store)
    second = backup(store)
    folder = db_path.parent / "backups"
    assert first == folder / "minuteterm-20260714-182509.db"
    assert second == folder / "minuteterm-20260714-182509-2.db"
    assert set(folder.iterdir()) == {first, second}  # and no temporary file left
    assert texts(first) == ["Apologies from Cllr Reed.", "Fees were agreed."]
    assert pragma(first, "integrity_check") == "ok"
    assert pragma(first, "user_version") == SCHEMA_VERSION
    assert pragma(first, "journal_mode") == "delete"  # one file, no -wal needed
    assert open_store(first).meetings()[0].title == "Licensing Committee"


def test_a_backup_goes_to_a_folder_or_a_new_file_and_never_overwrites(
    store: Store, db_path: Path, tmp_path: Path
) -> None:
    minuted(store, "Apologies from Cllr Reed.")
    into_folder = backup(store, tmp_path / "usb" / "minutes")  # made, with a dated name
    assert into_folder.parent == tmp_path / "usb" / "minutes"
    named = backup(store, tmp_path / "friday.db")
    assert named == tmp_path / "friday.db" and texts(named) == ["Apologies from Cllr Reed."]
    before = named.read_bytes()
    with pytest.raises(BackupError, match="already exists"):
        backup(store, named)
    assert named.read_bytes() == before
    with pytest.raises(BackupError, match="the database itself"):
        backup(store, db_path)
    with pytest.raises(BackupError, match="does not exist"):
        backup(store, tmp_path / "nowhere" / "x.db")


def scribble(path: Path) -> None:
    """Damage pages 2 and 3 so that SQLite finds the file malformed."""
    with path.open("r+b") as handle:
        handle.seek(4096)
        handle.write(b"\x0d\x00\x07" * 2731)


def skew_an_index(path: Path) -> None:
    """Make an index disagree with its table (integrity_check lists rows)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "update sqlite_master set sql = 'create index entries_by_item on entries(text)'"
        " where name = 'entries_by_item'"
    )
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("damage", "words"), [(scribble, "malformed"), (skew_an_index, "entries_by_item")]
)
def test_a_copy_that_fails_its_integrity_check_is_removed(
    store: Store,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    damage: Callable[[Path], None],
    words: str,
) -> None:
    minuted(store, *[f"Objection {n} was noted." for n in range(200)])
    real_check = backup_module.check_copy

    def damaged_on_the_way(path: Path) -> None:
        damage(path)
        real_check(path)

    monkeypatch.setattr(backup_module, "check_copy", damaged_on_the_way)
    with pytest.raises(BackupError, match="failed its integrity check") as refused:
        backup(store)
    assert words in str(refused.value)
    assert list((db_path.parent / "backups").iterdir()) == []


def test_prune_keeps_the_latest_automatic_backups_only(
    store: Store, db_path: Path, frozen_clock: FrozenClock
) -> None:
    minuted(store, "Apologies from Cllr Reed.")
    made = []
    for _ in range(12):
        made.append(backup(store))
        frozen_clock.advance(days=1)
    folder = made[0].parent
    others = [folder / "minuteterm-20200101-000000-before-restore.db", folder / "notes.txt"]
    for other in others:
        other.write_text("keep me")
    removed = prune(folder, keep=10)
    assert sorted(removed) == made[:2]
    assert sorted(folder.iterdir()) == sorted(made[2:] + others)


def test_closing_a_meeting_backs_it_up_and_prunes(
    store: Store, db_path: Path, frozen_clock: FrozenClock
) -> None:
    folder = db_path.parent / "backups"
    folder.mkdir()
    old = [folder / f"minuteterm-202601{day:02d}-190000.db" for day in range(1, 11)]
    for path in old:
        path.write_bytes(b"an old backup")
    frozen_clock.moment = SUMMER
    recorder = minuted(store, "Apologies from Cllr Reed.")
    outcome = recorder.apply("/end")
    made = folder / "minuteterm-20260714-182509.db"
    assert outcome.message == f"meeting closed; backed up to {made}"
    assert texts(made) == ["Apologies from Cllr Reed."]
    assert store.meeting(recorder.meeting_id).status is MeetingStatus.CLOSED
    conn = sqlite3.connect(made)
    assert conn.execute("select status from meetings").fetchone()[0] == "closed"
    conn.close()
    assert sorted(folder.iterdir()) == sorted([*old[1:], made])  # ten kept


def test_a_failing_backup_does_not_fail_the_close(store: Store, db_path: Path) -> None:
    (db_path.parent / "backups").write_text("a file where the folder should be")
    recorder = minuted(store, "Apologies from Cllr Reed.")
    outcome = recorder.apply("/end")
    assert outcome.message.startswith("meeting closed; but the automatic backup failed: ")
    assert "backups" in outcome.message
    store.close()
    reopened = open_store(db_path)
    assert reopened.meeting(recorder.meeting_id).status is MeetingStatus.CLOSED
    reopened.close()


def test_cli_backup_prints_the_path_and_refuses_clearly(db_path: Path, tmp_path: Path) -> None:
    meeting = run("new", "--committee", "Audit", "--date", "1/1/2027", db=db_path).stdout.strip()
    run("capture", meeting, "/add Accounts", db=db_path)
    run("capture", meeting, "The accounts were approved.", db=db_path)

    default = run("backup", db=db_path)
    assert default.returncode == 0, default.stderr
    written = Path(default.stdout.strip())
    assert written.parent == db_path.parent / "backups"
    assert texts(written) == ["The accounts were approved."]

    named = run("backup", "-o", str(tmp_path / "copy.db"), db=db_path)
    assert named.stdout.strip() == str(tmp_path / "copy.db")
    assert texts(tmp_path / "copy.db") == ["The accounts were approved."]
    assert_refused(run("backup", "-o", str(tmp_path / "copy.db"), db=db_path), "already exists")
    assert_refused(run("backup", db=tmp_path / "none.db"), "no database at")
    assert not (tmp_path / "none.db").exists()
    not_ours = tmp_path / "notes.db"
    not_ours.write_text("shopping list\n" * 100)
    assert_refused(run("backup", db=not_ours), "not a MinuteTerm database")
