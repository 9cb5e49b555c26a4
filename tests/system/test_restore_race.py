"""A restore while another program keeps saving lines: every line that
program was told was saved is afterwards in the restored database or in the
copy the restore kept of what it replaced. Nothing reported saved vanishes.

The writer opens the database, saves one line and closes it, again and
again, as ``minuteterm capture`` run from a script does: it is between
lines (not holding the database open) most of the time, so the restore gets
in, and any line it saves while the restore is under way must wait for the
restore's lock and land in the restored database.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from minuteterm.db.backup import backup_file
from tests.system.test_backup import texts
from tests.system.test_cli import assert_refused, run
from tests.system.test_restore import capture

WRITER = """
import sys
from pathlib import Path
from minuteterm.db.store import open_store
from minuteterm.errors import StoreError
from minuteterm.recording.entries import add_entry

db, meeting, stop = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
for n in range(20_000):
    if stop.exists():
        break
    try:
        store = open_store(db)
        try:
            add_entry(store, store.items(meeting)[0].id, store.entry(1).kind, f"line {n}")
        finally:
            store.close()
    except StoreError as error:
        print(f"failed {n}: {error}", flush=True)
        continue
    print(f"saved line {n}", flush=True)
"""

#: Bounds on every wait: seconds, and restore attempts.
DEADLINE = 180.0
ATTEMPTS = 60


class Reported:
    """What the writer says, line by line as it says it (read from its
    standard output by a thread): the lines it reports saved."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.saved: list[str] = []
        self._ended = False
        self._changed = threading.Condition()
        self._reader = threading.Thread(target=self._read, args=(process.stdout,), daemon=True)
        self._reader.start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            with self._changed:
                if line.startswith("saved "):
                    self.saved.append(line.strip().removeprefix("saved "))
                self._changed.notify_all()
        with self._changed:
            self._ended = True
            self._changed.notify_all()

    def wait_for(self, count: int, what: str, until: float) -> None:
        """Wait until ``count`` lines are reported saved; fail at ``until``."""
        with self._changed:
            self._changed.wait_for(
                lambda: len(self.saved) >= count or self._ended,
                timeout=max(0.0, until - time.monotonic()),
            )
            assert len(self.saved) >= count, f"gave up waiting for {what}"

    def count(self) -> int:
        """How many lines are reported saved so far."""
        with self._changed:
            return len(self.saved)

    def all_of_them(self) -> list[str]:
        """Every line reported saved, once the writer has ended."""
        self._reader.join(timeout=60)
        with self._changed:
            return list(self.saved)


@pytest.fixture
def writer(db_path: Path, tmp_path: Path) -> Iterator[tuple[subprocess.Popen, Path, Reported]]:
    """Start the writer on a meeting with one item; yield it, its stop file
    (kept outside the database's folder) and what it reports; end it by its
    pid."""
    created = run("new", "--committee", "Audit", "--date", "1/1/2027", db=db_path)
    meeting = created.stdout.strip()
    capture(db_path, meeting, "/add Accounts")
    capture(db_path, meeting, "The accounts were approved.")
    control = tmp_path.parent / f"{tmp_path.name}-control"
    control.mkdir()
    stop = control / "stop"
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path), meeting, str(stop)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        yield process, stop, Reported(process)
    finally:
        stop.touch()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def test_lines_saved_during_a_restore_are_never_lost(
    db_path: Path, tmp_path: Path, writer: tuple[subprocess.Popen, Path, Reported]
) -> None:
    process, stop, reported = writer
    until = time.monotonic() + DEADLINE
    reported.wait_for(10, "the writer's first lines", until)
    backup = backup_file(db_path, tmp_path.parent / f"{tmp_path.name}-good.db")

    for _attempt in range(ATTEMPTS):
        result = run("restore", "--yes", str(backup), db=db_path)
        if result.returncode == 0:
            break
        assert "in another program" in result.stderr, result.stderr
        assert time.monotonic() < until, "the restore never got in"
    else:
        pytest.fail(f"the restore was refused {ATTEMPTS} times")
    restored_at = reported.count()
    reported.wait_for(restored_at + 20, "lines after the restore", until)
    stop.touch()
    process.wait(timeout=max(1.0, until - time.monotonic()))

    kept = next((db_path.parent / "backups").glob("*-before-restore.db"))
    restored, before = set(texts(db_path)), set(texts(kept))
    reported_saved = reported.all_of_them()
    lost = [line for line in reported_saved if line not in restored and line not in before]
    assert lost == [], f"{len(lost)} of {len(reported_saved)} lines reported saved are gone"
    assert any(line in restored for line in reported_saved)  # the writer went on after it
    assert "The accounts were approved." in restored


def test_a_backup_waits_for_the_restore_lock_and_never_reads_around_it(
    db_path: Path, tmp_path: Path
) -> None:
    """While a restore holds the database (its exclusive lock), a backup is
    refused in one line: copying the file around the lock could take a
    half-written database."""
    created = run("new", "--committee", "Audit", "--date", "1/1/2027", db=db_path)
    assert created.returncode == 0, created.stderr
    copy = tmp_path.parent / f"{tmp_path.name}-copy.db"
    restoring = sqlite3.connect(db_path, isolation_level=None)
    try:
        restoring.execute("PRAGMA locking_mode = EXCLUSIVE")
        restoring.execute("BEGIN EXCLUSIVE")
        restoring.execute("COMMIT")  # held, as restore holds it
        result = run("backup", "-o", str(copy), db=db_path)
    finally:
        restoring.close()
    assert_refused(result, "locked by another program")
    assert not copy.exists()
