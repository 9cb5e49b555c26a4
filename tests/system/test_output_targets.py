"""``-o`` never replaces what is not ours to replace (issue 11, point 7).

`export`, `actions` and `history` write a regular file (or into a folder).
A device, a FIFO, a socket, or a symbolic link to one of those is refused in
one line with exit 2 and left exactly as it was; ``-o -`` writes the file's
contents to standard output. Real processes on a real database file.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pendulum
import pytest

from minuteterm.db.store import open_store
from minuteterm.model import NewItem
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.recorder import Recorder
from tests.system.test_cli import assert_refused


def run(*args: str, db: Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """``minuteterm ARGS --db DB`` in a child process (stdout as bytes)."""
    return subprocess.run(
        [sys.executable, "-m", "minuteterm", *args, "--db", str(db)],
        capture_output=True,
        timeout=120,
        cwd=cwd,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def refused(result: subprocess.CompletedProcess, words: str) -> None:
    """One line on stderr with ``words``, exit 2 (bytes decoded for the check)."""
    text = subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode(), result.stderr.decode()
    )
    assert_refused(text, words)


@pytest.fixture
def meeting(db_path: Path) -> int:
    """A meeting with an action and a note about the harbour wall."""
    store = open_store(db_path)
    meeting_id = create_meeting(
        store,
        "Harbour Board",
        pendulum.datetime(2026, 12, 7, 18, 30, tz="Europe/London"),
        agenda=[NewItem("Harbour wall")],
    )
    recorder = Recorder(store, meeting_id)
    recorder.apply("The Board received a report on the harbour wall repairs.")
    recorder.apply("! Harbour Master: survey the harbour wall by 01/02/2027")
    store.close()
    return meeting_id


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


@pytest.fixture
def unix_socket(tmp_path: Path) -> Iterator[Path]:
    """A listening UNIX socket in the test folder (closed afterwards)."""
    path = tmp_path / "minutes.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    yield path
    server.close()


def _link_to(target: str, link: Path) -> Path:
    link.symlink_to(target)
    return link


def _commands(meeting: int, target: Path) -> list[tuple[str, ...]]:
    return [
        ("export", str(meeting), "--format", "md", "-o", str(target)),
        ("export", str(meeting), "--format", "docx", "-o", str(target)),
        ("actions", "--format", "csv", "-o", str(target)),
        ("actions", "--format", "html", "-o", str(target)),
        ("history", "harbour wall", "--format", "md", "-o", str(target)),
    ]


def test_a_fifo_is_refused_and_left_a_fifo(db_path: Path, meeting: int, tmp_path: Path) -> None:
    fifo = _fifo(tmp_path / "minutes.md")
    for command in _commands(meeting, fifo):
        refused(run(*command, db=db_path), "a pipe (FIFO), not a file")
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode), command


def test_a_link_to_a_device_is_refused_and_the_link_kept(
    db_path: Path, meeting: int, tmp_path: Path
) -> None:
    link = _link_to(os.devnull, tmp_path / "minutes.md")
    for command in _commands(meeting, link):
        refused(run(*command, db=db_path), "a device, not a file")
        assert link.is_symlink() and os.readlink(link) == os.devnull, command
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_socket_and_a_link_to_a_fifo_are_refused(
    db_path: Path, meeting: int, tmp_path: Path, unix_socket: Path
) -> None:
    link = _link_to(str(_fifo(tmp_path / "pipe")), tmp_path / "sheet.csv")
    for target, words in ((unix_socket, "a socket"), (link, "a pipe (FIFO)")):
        for command in _commands(meeting, target):
            refused(run(*command, db=db_path), words)
    assert stat.S_ISSOCK(os.lstat(unix_socket).st_mode)
    assert link.is_symlink() and stat.S_ISFIFO(os.stat(link).st_mode)


def test_a_link_to_a_regular_file_writes_the_file_and_keeps_the_link(
    db_path: Path, meeting: int, tmp_path: Path
) -> None:
    real = tmp_path / "shared" / "minutes.md"
    real.parent.mkdir()
    real.write_text("old minutes\n", encoding="utf-8")
    link = _link_to(str(real), tmp_path / "minutes.md")
    result = run("export", str(meeting), "--format", "md", "-o", str(link), db=db_path)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert "harbour wall repairs" in real.read_text(encoding="utf-8")


def test_dash_writes_the_file_to_standard_output(
    db_path: Path, meeting: int, tmp_path: Path
) -> None:
    markdown = run("export", str(meeting), "--format", "md", "-o", "-", db=db_path, cwd=tmp_path)
    assert markdown.returncode == 0, markdown.stderr
    assert b"harbour wall repairs" in markdown.stdout
    word = run("export", str(meeting), "--format", "docx", "-o", "-", db=db_path, cwd=tmp_path)
    assert word.returncode == 0, word.stderr
    assert word.stdout.startswith(b"PK\x03\x04")  # a Word file is a zip
    story = run("history", "harbour wall", "-o", "-", db=db_path, cwd=tmp_path)
    assert story.returncode == 0, story.stderr
    assert b"harbour wall" in story.stdout.lower()
    assert not (tmp_path / "-").exists()
