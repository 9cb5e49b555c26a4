"""Write-ahead-log checkpoints, kept off the clerk's path.

In WAL mode every commit is made durable in the ``-wal`` file; from time to
time SQLite copies those pages back into the database file and syncs it (a
checkpoint). By default that happens inside whichever commit crosses 1,000
pages, and on a ten-year archive it stalled that one Enter for up to 0.7 s.
While the app is open, :class:`BackgroundCheckpoints` turns automatic
checkpoints off for the app's connection and runs a passive checkpoint from
its own thread and connection every few seconds instead: it waits for no
reader or writer, and the clerk's commits never wait for it. Nothing about
durability changes: a committed entry is in the synced WAL either way, and
SQLite replays the WAL after a crash.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from pathlib import Path

#: Seconds between checkpoints while the app is open.
EVERY_SECONDS = 5.0


class BackgroundCheckpoints:
    """Checkpoint ``path`` every ``every`` seconds until :meth:`stop`."""

    def __init__(self, path: Path, every: float = EVERY_SECONDS) -> None:
        self.path = path
        self.every = every
        self.done = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name="minuteterm-checkpoints", daemon=True
        )

    def start(self, conn: sqlite3.Connection) -> None:
        """Stop ``conn`` checkpointing inside its commits; start the thread."""
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        self._thread.start()

    def stop(self, conn: sqlite3.Connection | None = None) -> None:
        """Stop the thread (and give ``conn`` its automatic checkpoints back)."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        if conn is not None:
            with contextlib.suppress(sqlite3.Error):  # closed: it checkpointed then
                conn.execute("PRAGMA wal_autocheckpoint = 1000")

    def _run(self) -> None:
        try:  # mode=rw: never make a new, empty file if the database has gone
            conn = sqlite3.connect(f"file:{self.path}?mode=rw", uri=True, timeout=1)
        except sqlite3.Error:
            return
        try:
            while not self._stop.wait(self.every):
                self.checkpoint(conn)
        finally:
            conn.close()

    def checkpoint(self, conn: sqlite3.Connection) -> bool:
        """One passive checkpoint now; ``False`` if it could not be made
        (the next one tries again; nothing is lost either way)."""
        try:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error:
            return False
        self.done += 1
        return True
