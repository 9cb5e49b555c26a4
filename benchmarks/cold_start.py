"""Cold start to first painted screen, and peak RSS, beside a bare Textual app.

Run ``.venv/bin/python benchmarks/cold_start.py [--archive PATH] [--runs N]``.
Each run is a fresh process (``first_paint.py``) timed by wall clock, Python
start-up included, alternating bare / empty database / archive so that
machine noise falls on all three alike. The "empty" database holds one new
meeting with 15 agenda items and nothing else.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pendulum
from benchlib import HERE, arguments, live_meeting, report, verdict_line

from minuteterm.db.store import open_store
from minuteterm.model import NewItem
from minuteterm.recording.meetings import create_meeting

WRAPPER = str(HERE / "first_paint.py")


#: As on a machine set up normally: Python may cache compiled modules (this
#: workplace sets PYTHONDONTWRITEBYTECODE, which would recompile all of
#: MinuteTerm's own modules on every start and no installed copy does).
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def one(*args: str) -> tuple[float, int]:
    """Wall-clock ms of one process, and its peak RSS in KB."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, WRAPPER, *args], capture_output=True, text=True, check=True, env=ENV
    )
    took = 1000 * (time.perf_counter() - started)
    rss = [line for line in done.stdout.splitlines() if line.startswith("rss_kb=")]
    return took, int(rss[-1].split("=")[1])


def main() -> None:
    args = arguments(__doc__.splitlines()[0], runs=15)
    store = open_store(args.archive)
    archive_meeting = live_meeting(store)
    store.close()
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "empty.db"
        store = open_store(empty)
        empty_meeting = create_meeting(
            store,
            "Planning Committee",
            pendulum.now(),
            agenda=[NewItem(f"Agenda item {n}") for n in range(1, 16)],
        )
        store.close()
        cases = {
            "bare": ("bare",),
            "empty": ("app", str(empty), str(empty_meeting)),
            "archive": ("app", str(args.archive), str(archive_meeting)),
        }
        for case in cases.values():  # warm the OS file cache (and write .pyc files) once
            one(*case)
        times: dict[str, list[float]] = {name: [] for name in cases}
        rss: dict[str, list[int]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, case in cases.items():
                took, kb = one(*case)
                times[name].append(took)
                rss[name].append(kb)
    bare = statistics.median(times["bare"])
    print(f"cold start to first paint, {args.runs} runs each (archive meeting {archive_meeting})")
    report("cold start: bare Textual app (reference)", times["bare"], None)
    report("cold start: minuteterm, empty db", times["empty"], 1.3 * bare)
    report("cold start: minuteterm, archive", times["archive"], 1.4 * bare)
    verdict_line(
        "cold start ratio empty / bare", statistics.median(times["empty"]) / bare, 1.3, "x"
    )
    verdict_line(
        "cold start ratio archive / bare", statistics.median(times["archive"]) / bare, 1.4, "x"
    )
    report("peak RSS: bare Textual app (reference)", [k / 1024 for k in rss["bare"]], None, "MB")
    report("peak RSS: minuteterm, empty db", [k / 1024 for k in rss["empty"]], 60, "MB")
    report("peak RSS: minuteterm, archive", [k / 1024 for k in rss["archive"]], 60, "MB")


if __name__ == "__main__":
    main()
