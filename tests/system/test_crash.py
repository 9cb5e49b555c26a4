"""Nothing is lost: capturing processes killed with SIGKILL at 100 random
moments keep every entry they reported saved, and the file stays intact;
the app keeps the unsent line as a draft, and SIGTERM/SIGHUP stop it cleanly.
Every process here is started by the test and ended by its own pid."""

from __future__ import annotations

import fcntl
import os
import random
import re
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pendulum
import pytest

from minuteterm.db.store import open_store
from minuteterm.model import NewItem
from minuteterm.recording.meetings import create_meeting

ACK = re.compile(r"\(entry (\d+)\)")


def make_meeting(db_path: Path) -> int:
    store = open_store(db_path)
    meeting_id = create_meeting(
        store,
        "Planning Committee",
        pendulum.datetime(2026, 12, 14, 18, 30, tz="Europe/London"),
        agenda=[NewItem("Applications"), NewItem("Appeals")],
    )
    store.close()
    return meeting_id


def capture_then_kill(db_path: Path, meeting_id: int, delay: float, run: int) -> dict[int, str]:
    """Start ``minuteterm capture``, feed it lines, SIGKILL it ``delay``
    seconds after its first save; return the entries it acknowledged (id -> line it printed)."""
    child = subprocess.Popen(
        [sys.executable, "-m", "minuteterm", "capture", str(meeting_id), "--db", str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        bufsize=1,
    )
    acknowledged: dict[int, str] = {}
    started = threading.Event()

    def feed() -> None:
        try:
            for number in range(100_000):
                child.stdin.write(f"Objection {number} in run {run} was noted.\n")
                child.stdin.flush()
        except (BrokenPipeError, ValueError, OSError):
            pass

    def read() -> None:
        for line in child.stdout:
            if match := ACK.search(line):
                acknowledged[int(match.group(1))] = line
                started.set()

    threads = [threading.Thread(target=feed, daemon=True), threading.Thread(target=read)]
    for thread in threads:
        thread.start()
    try:
        # The kill falls ``delay`` seconds into the stream of saves, however
        # long a busy machine takes to start Python.
        started.wait(timeout=60)
        time.sleep(delay)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    for thread in threads:
        thread.join(timeout=30)
    assert child.returncode == -signal.SIGKILL
    return acknowledged


def test_sigkill_at_100_random_moments_loses_no_saved_entry(db_path: Path) -> None:
    meeting_id = make_meeting(db_path)
    chance = random.Random(20261214)
    acknowledged: dict[int, str] = {}
    for run in range(100):
        acknowledged |= capture_then_kill(db_path, meeting_id, chance.uniform(0.15, 0.6), run)

    conn = sqlite3.connect(db_path)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    rows = dict(conn.execute("select id, text from entries").fetchall())
    conn.close()
    assert len(acknowledged) > 100  # the kills did fall mid-stream, after saves
    assert [entry for entry in acknowledged if entry not in rows] == []
    for entry, line in acknowledged.items():
        assert rows[entry].startswith("Objection "), line


# --- the app in a real terminal ---------------------------------------------------


@contextmanager
def app_in_terminal(db_path: Path, meeting_id: int) -> Iterator[tuple[subprocess.Popen, int]]:
    """Run the app on a pseudo-terminal (120x40); once the meeting screen is
    drawn, yield the process and the terminal's writing end. Its output is
    drained so it never blocks."""
    driver, terminal = os.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    child = subprocess.Popen(
        [sys.executable, "-c", _OPEN_MEETING, str(db_path), str(meeting_id)],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        env={**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"},
        start_new_session=True,
    )
    os.close(terminal)
    stop = threading.Event()
    shown = bytearray()

    def drain() -> None:
        while not stop.is_set():
            try:
                chunk = os.read(driver, 65536)
            except OSError:
                return
            if not chunk:
                return
            shown.extend(chunk)
            del shown[:-65536]

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        assert wait_for(lambda: b"lists every key" in shown), "the meeting screen never showed"
        yield child, driver
    finally:
        stop.set()
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        os.close(driver)


_OPEN_MEETING = """
import sys
from minuteterm.db.store import open_store
from minuteterm.tui.app import MinuteTermApp
store = open_store(sys.argv[1])
app = MinuteTermApp(store, meeting_id=int(sys.argv[2]))
app.run()
store.close()
sys.exit(app.return_code or 0)
"""


def wait_for(condition, seconds: float = 30.0) -> bool:
    """Poll ``condition`` until it holds (bounded; not a timing assertion)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def draft_text(db_path: Path, meeting_id: int) -> str | None:
    conn = sqlite3.connect(db_path)
    try:
        row = conn.execute("select text from drafts where meeting_id = ?", [meeting_id]).fetchone()
    finally:
        conn.close()
    return row[0] if row else None


def entry_texts(db_path: Path) -> list[str]:
    conn = sqlite3.connect(db_path)
    try:
        return [row[0] for row in conn.execute("select text from entries order by id")]
    finally:
        conn.close()


def type_into(driver: int, text: str) -> None:
    for char in text:
        os.write(driver, char.encode())
        time.sleep(0.005)


def test_unsent_line_survives_sigkill_as_a_draft(db_path: Path) -> None:
    meeting_id = make_meeting(db_path)
    with app_in_terminal(db_path, meeting_id) as (child, driver):
        type_into(driver, "The Committee noted the report.\r")
        assert wait_for(lambda: entry_texts(db_path) == ["The Committee noted the report."])
        type_into(driver, "Members asked about the appeal")
        assert wait_for(lambda: draft_text(db_path, meeting_id) == "Members asked about the appeal")
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    assert entry_texts(db_path) == ["The Committee noted the report."]
    assert draft_text(db_path, meeting_id) == "Members asked about the appeal"


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_and_sighup_save_the_draft_and_exit_cleanly(
    db_path: Path, stop: signal.Signals
) -> None:
    meeting_id = make_meeting(db_path)
    with app_in_terminal(db_path, meeting_id) as (child, driver):
        type_into(driver, "? Cllr Obi: when was the site visit")
        time.sleep(0.1)  # straight away: well inside the half-second autosave
        os.kill(child.pid, stop)
        assert child.wait(timeout=30) == 0
    assert draft_text(db_path, meeting_id) == "? Cllr Obi: when was the site visit"


def test_sigkill_while_checkpoints_wait_loses_no_line_the_app_saved(db_path: Path) -> None:
    """The app leaves checkpoints to a background thread, so its saved lines
    sit in the write-ahead log; a SIGKILL must not lose any of them."""
    meeting_id = make_meeting(db_path)
    lines = [f"Objection {number} to the scheme was noted." for number in range(1, 31)]
    with app_in_terminal(db_path, meeting_id) as (child, driver):
        type_into(driver, lines[0] + "\r")  # the app is taking lines
        assert wait_for(lambda: entry_texts(db_path) == lines[:1]), entry_texts(db_path)
        for line in lines[1:]:
            type_into(driver, line + "\r")
        saved = wait_for(lambda: len(entry_texts(db_path)) == len(lines))
        assert saved, f"{len(entry_texts(db_path))} of {len(lines)} lines saved"
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    assert entry_texts(db_path) == lines
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
