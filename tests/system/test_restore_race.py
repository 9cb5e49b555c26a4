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
import time
from collections.abc import Iterator
from pathlib import Path

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

db, meeting, stop, log = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
with open(log, "a", encoding="utf-8") as out:
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
            print(f"failed {n}: {error}", file=out, flush=True)
            continue
        print(f"saved line {n}", file=out, flush=True)
"""

#: Bounds on every wait: seconds, and restore attempts.
DEADLINE = 180.0
ATTEMPTS = 60


def saved(log: Path) -> list[str]:
    if not log.exists():
        return []
    lines = log.read_text(encoding="utf-8").splitlines()
    return [line.removeprefix("saved ") for line in lines if line.startswith("saved ")]


def wait_for(condition, what: str, until: float) -> None:  # type: ignore[no-untyped-def]
    """Poll ``condition`` until it holds; fail, naming ``what``, at ``until``."""
    while not condition():
        assert time.monotonic() < until, f"gave up waiting for {what}"
        time.sleep(0.02)


@pytest.fixture
def writer(db_path: Path, tmp_path: Path) -> Iterator[tuple[subprocess.Popen, Path, Path]]:
    """Start the writer on a meeting with one item; yield its stop file and
    log (kept outside the database's folder); end it by its pid."""
    created = run("new", "--committee", "Audit", "--date", "1/1/2027", db=db_path)
    meeting = created.stdout.strip()
    capture(db_path, meeting, "/add Accounts")
    capture(db_path, meeting, "The accounts were approved.")
    control = tmp_path.parent / f"{tmp_path.name}-control"
    control.mkdir()
    stop, log = control / "stop", control / "writer.log"
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path), meeting, str(stop), str(log)]
    )
    try:
        yield process, stop, log
    finally:
        stop.touch()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def test_lines_saved_during_a_restore_are_never_lost(
    db_path: Path, tmp_path: Path, writer: tuple[subprocess.Popen, Path, Path]
) -> None:
    process, stop, log = writer
    until = time.monotonic() + DEADLINE
    wait_for(lambda: len(saved(log)) >= 10, "the writer's first lines", until)
    backup = backup_file(db_path, tmp_path.parent / f"{tmp_path.name}-good.db")

    for _attempt in range(ATTEMPTS):
        result = run("restore", "--yes", str(backup), db=db_path)
        if result.returncode == 0:
            break
        assert "in another program" in result.stderr, result.stderr
        assert time.monotonic() < until, "the restore never got in"
    else:
        pytest.fail(f"the restore was refused {ATTEMPTS} times")
    restored_at = len(saved(log))
    wait_for(lambda: len(saved(log)) >= restored_at + 20, "lines after the restore", until)
    stop.touch()
    process.wait(timeout=max(1.0, until - time.monotonic()))

    kept = next((db_path.parent / "backups").glob("*-before-restore.db"))
    restored, before = set(texts(db_path)), set(texts(kept))
    reported = saved(log)
    lost = [line for line in reported if line not in restored and line not in before]
    assert lost == [], f"{len(lost)} of {len(reported)} lines reported saved are gone"
    assert any(line in restored for line in reported)  # the writer went on after it
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
