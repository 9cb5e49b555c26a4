"""``--db`` and ``--agenda`` name regular files only, and a new database is
never made silently (issue 11, point 11). Real processes; each is given a
short time, since before the fix a FIFO made them wait for ever."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.system.test_cli import assert_refused

#: Seconds a refusal may take (it is immediate; a hang is the failure).
PATIENCE = 60


def run(*args: str, db: Path) -> subprocess.CompletedProcess:
    """``minuteterm --db DB ARGS``, ended if it is still waiting after PATIENCE."""
    command = [sys.executable, "-m", "minuteterm", "--db", str(db), *args]
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=PATIENCE)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"minuteterm {' '.join(args)} was still waiting") from None


def test_a_fifo_as_the_database_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "minutes.db"
    os.mkfifo(fifo)
    assert_refused(run("list", db=fifo), "is a pipe (FIFO), not a database file")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["minutes.db"]


def test_a_link_to_a_device_as_the_database_is_refused_untouched(tmp_path: Path) -> None:
    link = tmp_path / "minutes.db"
    link.symlink_to(os.devnull)
    for command in (("list",), ("backup",), ("restore", str(tmp_path / "backup.db"))):
        assert_refused(run(*command, db=link), "is a device, not a database file")
    assert not Path(os.devnull + "-journal").exists()
    assert not Path(os.devnull + "-wal").exists()
    assert link.is_symlink()


def test_an_agenda_that_is_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "agenda.md"
    os.mkfifo(fifo)
    result = run(
        "new",
        "--committee",
        "Audit",
        "--date",
        "1/1/2027",
        "--agenda",
        str(fifo),
        db=tmp_path / "minutes.db",
    )
    assert_refused(result, "is a pipe (FIFO), not a file")
    assert not (tmp_path / "minutes.db").exists()


def test_a_new_database_is_made_and_said_so(tmp_path: Path) -> None:
    typo = tmp_path / "minuets.db"
    first = run("new", "--committee", "Audit", "--date", "1/1/2027", db=typo)
    assert first.returncode == 0, first.stderr
    assert first.stderr.strip() == f"minuteterm: created a new database at {typo}"
    again = run("list", db=typo)
    assert again.returncode == 0 and again.stderr == ""
    assert "Audit" in again.stdout


def test_a_refused_command_leaves_no_new_database(tmp_path: Path) -> None:
    typo = tmp_path / "minuets.db"
    assert_refused(run("capture", "7", "The report was noted.", db=typo), "meeting 7")
    assert list(tmp_path.iterdir()) == []
