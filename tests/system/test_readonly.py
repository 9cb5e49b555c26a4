"""A database MinuteTerm cannot write to is refused when it is opened, in one
line, with the file left exactly as it was: never opened read-only only to
fail at the clerk's first entry, and never swapped for another file.

Tests run as root in CI, where permission bits do not stop writes; there the
file (or folder) is made immutable with ``chattr +i``, which stops root too.
Elsewhere ``chmod`` does. A case neither can set up is skipped, and the
message and the CLI path are also checked with ``os.access`` stood in for.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from minuteterm import cli
from minuteterm.db.store import StoreError, open_store
from tests.system.test_cli import assert_refused, run

Locker = Callable[[Path], None]


@pytest.fixture
def unwritable() -> Iterator[Locker]:
    """Make a file or folder truly unwritable for this process; undone after."""
    undo: list[Callable[[], None]] = []

    def lock(path: Path) -> None:
        if os.geteuid() != 0:
            mode = path.stat().st_mode
            path.chmod(0o555 if path.is_dir() else 0o444)
            undo.append(lambda: path.chmod(mode))
            return
        if shutil.which("chattr") is None:
            pytest.skip("running as root without chattr: cannot make a file unwritable")
        done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
        if done.returncode != 0:
            pytest.skip(f"chattr +i is not supported here: {done.stderr.strip()!r}")
        undo.append(lambda: subprocess.run(["chattr", "-i", str(path)], check=True))

    yield lock
    for step in reversed(undo):
        step()


@pytest.fixture
def saved_db(db_path: Path) -> Path:
    """A database with one meeting, closed, with no ``-wal``/``-shm`` beside it."""
    created = run("new", "--committee", "Audit", "--date", "1/1/2027", db=db_path)
    assert created.returncode == 0, created.stderr
    return db_path


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder``: its bytes and modification time."""
    return {
        str(path.relative_to(folder)): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_a_read_only_file_is_refused_and_left_untouched(saved_db: Path, unwritable: Locker) -> None:
    unwritable(saved_db)
    before = snapshot(saved_db.parent)
    with pytest.raises(StoreError, match="is read-only: MinuteTerm needs to write to it"):
        open_store(saved_db)
    assert snapshot(saved_db.parent) == before  # no -wal, no -shm, no other file


def test_a_database_in_a_folder_that_cannot_be_written_is_refused(
    saved_db: Path, unwritable: Locker
) -> None:
    unwritable(saved_db.parent)
    before = snapshot(saved_db.parent)
    with pytest.raises(StoreError, match="cannot write in folder"):
        open_store(saved_db)
    with pytest.raises(StoreError, match="cannot write in folder"):
        open_store(saved_db.parent / "new.db")
    assert snapshot(saved_db.parent) == before


@pytest.mark.parametrize(
    "args", [("list",), ("capture", "1", "A note."), ("new", "--committee", "A", "--date", "1/1")]
)
def test_cli_refuses_a_read_only_database_in_one_line(
    saved_db: Path, tmp_path: Path, unwritable: Locker, args: tuple[str, ...]
) -> None:
    unwritable(saved_db)
    before = snapshot(tmp_path)
    assert_refused(run(*args, db=saved_db), "is read-only")
    assert snapshot(tmp_path) == before  # nothing written anywhere instead


def test_a_write_refused_below_the_permissions_is_caught_at_open(
    saved_db: Path, unwritable: Locker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the permission check is fooled (say a disk mounted read-only that
    reports otherwise), the trial write at open still refuses the file."""
    unwritable(saved_db)
    monkeypatch.setattr(os, "access", lambda *_args, **_kwargs: True)
    with pytest.raises(StoreError, match="is read-only"):
        open_store(saved_db)
    conn = sqlite3.connect(saved_db)  # and it is still a sound database
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_the_cli_says_read_only_in_one_line_when_the_system_says_so(
    saved_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    """The same refusal through ``minuteterm.cli.main``, with ``os.access``
    reporting the file unwritable (runs wherever the tests do)."""
    real_access = os.access

    def access(path: object, mode: int, **kwargs: object) -> bool:
        if Path(str(path)) == saved_db and mode & os.W_OK:
            return False
        return real_access(path, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    before = snapshot(tmp_path)
    with pytest.raises(SystemExit) as exited:
        cli.main(["capture", "1", "A note.", "--db", str(saved_db)])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.splitlines() == [
        f"minuteterm: {saved_db} is read-only: MinuteTerm needs to write to it (check the "
        "file's permissions, or copy it somewhere you can write)"
    ]
    assert snapshot(tmp_path) == before


def test_a_read_only_database_can_still_be_backed_up(
    saved_db: Path, tmp_path: Path, unwritable: Locker
) -> None:
    unwritable(saved_db)
    result = run("backup", "-o", str(tmp_path / "copy.db"), db=saved_db)
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(tmp_path / "copy.db")
    assert conn.execute("select name from committees").fetchall() == [("Audit",)]
    conn.close()


def test_a_wal_database_in_a_read_only_folder_is_backed_up_not_called_corrupt(
    saved_db: Path, tmp_path: Path, unwritable: Locker
) -> None:
    """SQLite cannot make the ``-shm`` of a WAL database in a folder it
    cannot write: the backup reads it read-only instead (issue 11, point 9)."""
    conn = sqlite3.connect(saved_db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    unwritable(saved_db.parent)
    before = snapshot(saved_db.parent)
    copy = tmp_path.parent / f"{tmp_path.name}-copy.db"
    try:
        result = run("backup", "-o", str(copy), db=saved_db)
        assert result.returncode == 0, result.stderr
        assert "corrupt" not in result.stderr
        conn = sqlite3.connect(copy)
        assert conn.execute("select name from committees").fetchall() == [("Audit",)]
        conn.close()
    finally:
        copy.unlink(missing_ok=True)
    assert snapshot(saved_db.parent) == before
