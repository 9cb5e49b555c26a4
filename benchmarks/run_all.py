"""Run every benchmark against one archive and list the FAILs at the end.

Run ``.venv/bin/python benchmarks/run_all.py [--archive PATH] [--scale 1.0]``
(the archive is built with make_archive.py if it does not exist). Each
benchmark runs as its own process, so one's imports and caches do not
flatter another's.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from benchlib import DEFAULT_ARCHIVE, HERE, ensure_archive

SCRIPTS = [
    "cold_start.py",  # also peak RSS
    "clerk_start.py",  # the installed console script in a pty, beside a bare Textual app
    "capture_latency.py",
    "commit_cost.py",
    "export_30_items.py",
    "action_sheet_archive.py",
    "search_archive.py",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", default=str(DEFAULT_ARCHIVE))
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    ensure_archive(Path(args.archive), args.scale)
    failures = []
    for script in SCRIPTS:
        print(f"\n== {script}", flush=True)
        done = subprocess.run(
            [sys.executable, str(HERE / script), "--archive", args.archive],
            capture_output=True,
            text=True,
        )
        print(done.stdout, end="", flush=True)
        if done.returncode:
            print(done.stderr, end="")
            failures.append(f"{script}: exited {done.returncode}")
        failures += [line for line in done.stdout.splitlines() if line.endswith(": FAIL")]
    print("\n== search: not built yet")
    print(f"\n{len(failures)} FAIL(s)")
    for line in failures:
        print("  " + " ".join(line.split()))


if __name__ == "__main__":
    main()
