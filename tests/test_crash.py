"""Nothing is lost: a capturing process killed with SIGKILL mid-stream keeps
every entry it reported as saved, and the file stays intact."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pendulum

from minuteterm.store import NewItem, open_store

ACK = re.compile(r"\(entry (\d+)\)")


def test_sigkill_mid_stream_loses_no_saved_entry(db_path: Path) -> None:
    store = open_store(db_path)
    meeting_id = store.create_meeting(
        "Planning Committee",
        pendulum.datetime(2026, 12, 14, 18, 30, tz="Europe/London"),
        agenda=[NewItem("Applications")],
    )
    store.close()

    child = subprocess.Popen(
        [sys.executable, "-m", "minuteterm", "capture", str(meeting_id), "--db", str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        bufsize=1,
    )
    assert child.stdin is not None and child.stdout is not None
    acknowledged: dict[int, str] = {}
    try:
        # Feed lines steadily from a thread so the child is mid-stream when
        # it dies: some lines saved, some read but not saved, some unread.
        def feed() -> None:
            try:
                for number in range(5000):
                    child.stdin.write(f"Objection number {number} was noted.\n")
                    child.stdin.flush()
            except (BrokenPipeError, ValueError, OSError):
                pass

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
        for _ in range(150):
            line = child.stdout.readline()
            match = ACK.search(line)
            assert match, line
            acknowledged[int(match.group(1))] = line
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        for line in child.stdout:  # acks written before the kill
            if match := ACK.search(line):
                acknowledged[int(match.group(1))] = line
        feeder.join(timeout=30)
    finally:
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    conn = sqlite3.connect(db_path)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    rows = dict(conn.execute("select id, text from entries").fetchall())
    conn.close()
    assert len(acknowledged) >= 150
    missing = [entry for entry in acknowledged if entry not in rows]
    assert missing == []
    # Each saved entry holds the line that was acknowledged for it.
    assert all(rows[entry].startswith("Objection number") for entry in acknowledged)
