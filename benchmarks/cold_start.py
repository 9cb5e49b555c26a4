"""Cold start to first painted screen, and peak RSS, beside a bare Textual app.

The figure with the targets is each whole process's wall clock, its exit
included (as it has been measured since the first round). It is also given
to the first screen painted, the exit left out, for reading it.

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


def one(*args: str) -> tuple[float, float, int]:
    """Wall-clock ms of one process, ms from its start to its first screen
    painted (its exit left out), and its peak RSS in KB."""
    started = time.perf_counter()
    started_ns = time.monotonic_ns()
    done = subprocess.run(
        [sys.executable, WRAPPER, *args], capture_output=True, text=True, check=True, env=ENV
    )
    took = 1000 * (time.perf_counter() - started)
    said = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
    painted = (int(said["painted_ns"]) - started_ns) / 1e6
    return took, painted, int(said["rss_kb"])


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
        painted: dict[str, list[float]] = {name: [] for name in cases}
        rss: dict[str, list[int]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, case in cases.items():
                took, first, kb = one(*case)
                times[name].append(took)
                painted[name].append(first)
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
    # The same processes to their first screen painted, their exit left out
    # (for reading the figures above: no target of its own).
    first_bare = statistics.median(painted["bare"])
    report("to first paint: bare Textual app", painted["bare"], None)
    report("to first paint: minuteterm, empty db", painted["empty"], None)
    report("to first paint: minuteterm, archive", painted["archive"], None)
    for name in ("empty", "archive"):
        ratio = statistics.median(painted[name]) / first_bare
        print(f"to first paint ratio {name} / bare: {ratio:.2f} x (exit left out; no target)")
    report("peak RSS: bare Textual app (reference)", [k / 1024 for k in rss["bare"]], None, "MB")
    report("peak RSS: minuteterm, empty db", [k / 1024 for k in rss["empty"]], 60, "MB")
    report("peak RSS: minuteterm, archive", [k / 1024 for k in rss["archive"]], 60, "MB")


if __name__ == "__main__":
    main()
