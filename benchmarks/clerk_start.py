"""Start-up as a clerk starts it: the installed ``minuteterm`` command in a terminal.

Run ``.venv/bin/python benchmarks/clerk_start.py [--archive PATH] [--runs N]``.

1. Builds the wheel (``pip wheel --no-deps``) and installs it, NOT editable, in
   a virtual environment under ``$TMPDIR/minuteterm-clerk`` with its
   dependencies (pip compiles every ``.pyc`` as it installs, as for a clerk).
   The environment is made afresh when the wheel's dependencies change and the
   package reinstalled when the wheel's hash changes; otherwise both are reused.
2. Runs the environment's console script ``minuteterm`` on a pseudo-terminal
   of 120 × 40 (``os.openpty``; the pty is the process's controlling terminal)
   and times, from just before the process is started, to the moment the
   terminal output holds the text of the real first frame: the list with its
   meetings (its first meeting's title and the line under the list), or the
   meeting screen with its agenda and the current item's entries. The process
   is then ended by its pid (SIGTERM, which the app handles by exiting).
3. Round-robin with every case, in the same run, the same environment starts
   a bare Textual app (same Textual) that paints a comparable screen: a title,
   an input, a table of 20 rows and a line under it, as the list of meetings
   does. A one-``Static`` app runs too, as the smallest floor.

Ratios are the median of the case's times over the median of the bare app's
times in the same run. The machine is shared: read the ratios, not the ms.
``--baseline main`` also builds the wheel of ``main`` (``git archive``) into a
second environment and starts it in the same round-robin, for a before and
after measured together. Cases: the list on an empty database and on the
archive; ``minuteterm demo`` on the demo database and on (a copy of) the
archive; ``minuteterm open ID`` on the archive's live meeting.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import select
import shutil
import signal
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
import venv
from pathlib import Path

from benchlib import arguments, report, verdict_line

ROOT = Path(__file__).resolve().parents[1]
WORK = Path(tempfile.gettempdir()) / "minuteterm-clerk"
SIZE = (120, 40)
DEADLINE = 60.0
TARGET = 1.3

#: Escape sequences (CSI, OSC, DCS/APC, two-byte) stripped from the pty output
#: before looking for the text a frame shows.
ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC
    rb"|\x1b[P_^][^\x1b]*\x1b\\"  # DCS, APC, PM
    rb"|\x1b[@-Z\\-_]"  # two bytes
)

BARE_TABLE = """
from textual.app import App
from textual.widgets import DataTable, Input, Static

class Bare(App):
    def compose(self):
        yield Static("Bare Textual - meetings")
        yield Input(placeholder="/ to filter")
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Static("bare hint line")
        yield Static("Keys: Enter open - N new - / filter")

    def on_mount(self):
        table = self.query_one(DataTable)
        for heading in ("Date", "Time", "Meeting", "Venue", "Status", "Entries"):
            table.add_column(heading)
        for n in range(1, 21):
            table.add_row("Tue 1 Dec", "18:30", f"Bare meeting {n}", "Room", "live", str(n))
        table.focus()

Bare().run()
"""

BARE_STATIC = """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("Bare static ready")

Bare().run()
"""


def sh(*command: str | Path, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(part) for part in command], check=True, **kwargs)


def source_of(ref: str) -> Path:
    """The project as committed at ``ref`` (``git archive``), to build from."""
    folder = WORK / f"source-{ref.replace('/', '-')}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    tar = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=tar, check=True)
    return folder


def install(source: Path = ROOT, name: str = "venv") -> Path:
    """The bin folder of environment ``name``, with the wheel built from
    ``source`` installed in it."""
    dist = WORK / f"dist-{name}"
    shutil.rmtree(dist, ignore_errors=True)
    sh(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", dist, source)
    (wheel,) = dist.glob("minuteterm-*.whl")
    wheel_hash = hashlib.sha256(wheel.read_bytes()).hexdigest()
    import zipfile

    with zipfile.ZipFile(wheel) as archive:
        metadata = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        requires = sorted(
            line
            for line in archive.read(metadata).decode().splitlines()
            if line.startswith("Requires-Dist:") and "extra ==" not in line
        )
    deps_hash = hashlib.sha256("\n".join(requires).encode()).hexdigest()
    env_dir = WORK / name
    stamp = WORK / f"{name}.stamp.json"
    old = json.loads(stamp.read_text()) if stamp.exists() else {}
    if old.get("deps") != deps_hash or not (env_dir / "bin" / "python").exists():
        print(f"clerk_start: a fresh environment {env_dir}", flush=True)
        shutil.rmtree(env_dir, ignore_errors=True)
        venv.create(env_dir, with_pip=True)
        sh(env_dir / "bin" / "python", "-m", "pip", "install", "--quiet", wheel)
    elif old.get("wheel") != wheel_hash:
        print("clerk_start: reinstalling the changed wheel", flush=True)
        sh(
            env_dir / "bin" / "python",
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--force-reinstall",
            wheel,
        )
    else:
        print("clerk_start: the installed wheel is current", flush=True)
    stamp.write_text(json.dumps({"deps": deps_hash, "wheel": wheel_hash}))
    (WORK / "bare_table.py").write_text(BARE_TABLE)
    (WORK / "bare_static.py").write_text(BARE_STATIC)
    return env_dir / "bin"


def environment() -> dict[str, str]:
    """A clerk's terminal: no workplace overrides, no devtools."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "TEXTUAL", "MINUTETERM", "VIRTUAL_ENV"))
    }
    env.update(TERM="xterm-256color", COLORTERM="truecolor", LANG="C.UTF-8")
    return env


def first_frame(command: list[str], markers: list[str], cwd: Path) -> float:
    """ms from starting ``command`` on a pty until its output shows every marker."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
    wanted = [marker.encode() for marker in markers]
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=environment(),
        cwd=cwd,
        start_new_session=True,
        close_fds=True,
    )
    os.close(slave)
    raw = b""
    took = None
    try:
        while time.perf_counter() - started < DEADLINE:
            ready, _, _ = select.select([master], [], [], 0.5)
            if not ready:
                if process.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            raw += chunk
            text = ESCAPES.sub(b"", raw)
            if all(marker in text for marker in wanted):
                took = 1000 * (time.perf_counter() - started)
                break
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        drain_until = time.perf_counter() + 10
        while process.poll() is None and time.perf_counter() < drain_until:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                with contextlib.suppress(OSError):
                    os.read(master, 65536)
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)
        os.close(master)
    if took is None:
        shown = ESCAPES.sub(b"", raw).decode(errors="replace")[-2000:]
        raise SystemExit(f"never saw {markers} from {command}:\n{shown}")
    return took


def clip(text: str, cells: int = 14) -> str:
    return text[:cells]


def list_markers(db: Path) -> list[str]:
    """The list's first row (newest meeting's title) and the line under it."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute("select title from meetings order by starts_at desc").fetchall()
    if not rows:
        return ["No meetings yet"]
    hint = f"The newest 200 of {len(rows):,}" if len(rows) > 200 else f"{len(rows):,} meeting"
    return [clip(rows[0][0]), hint]


def meeting_markers(db: Path, meeting_id: int) -> list[str]:
    """The meeting screen's agenda (first item) and the current item's newest entry."""
    with sqlite3.connect(db) as conn:
        (first,) = conn.execute(
            "select title from agenda_items where meeting_id = ? order by position limit 1",
            (meeting_id,),
        ).fetchone()
        newest = conn.execute(
            "select e.text from entries e join agenda_items i on i.id = e.item_id"
            " where i.meeting_id = ? and e.deleted_at is null order by e.id desc limit 1",
            (meeting_id,),
        ).fetchone()
    markers = [clip(first)]
    if newest:
        markers.append(clip(newest[0]))
    return markers


def prepared_archive(source: Path, command: str) -> Path:
    """A copy of the archive as a clerk's copy stands after its first open,
    holding the demo, kept in WORK while the source archive is unchanged.
    (Its approved meetings have no frozen record, as if approved by an older
    MinuteTerm: each is frozen when first read, never at start.)"""
    prepared = WORK / "archive-prepared.db"
    made_from = WORK / "archive-prepared.from"
    key = f"{source.resolve()} {source.stat().st_size} {source.stat().st_mtime_ns}"
    if prepared.exists() and made_from.exists() and made_from.read_text() == key:
        return prepared
    print("clerk_start: preparing the archive (once)", flush=True)
    for stale in WORK.glob("archive-prepared.db*"):
        stale.unlink()
    shutil.copyfile(source, prepared)
    sh(command, "demo", "--no-open", "--db", prepared, stdout=subprocess.DEVNULL)
    with contextlib.closing(sqlite3.connect(prepared)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    made_from.write_text(key)
    return prepared


def main() -> None:
    args = arguments(
        __doc__.splitlines()[0],
        runs=9,
        more=lambda parser: parser.add_argument(
            "--baseline",
            metavar="REF",
            help="also start the wheel built from this git ref (e.g. main), in its own "
            "environment, in the same round-robin: before and after in one run",
        ),
    )
    WORK.mkdir(parents=True, exist_ok=True)
    bin_dir = install()
    python = str(bin_dir / "python")
    commands = {"minuteterm": str(bin_dir / "minuteterm")}
    if args.baseline:
        base_bin = install(source_of(args.baseline), "venv-baseline")
        commands[f"{args.baseline}: minuteterm"] = str(base_bin / "minuteterm")
    command = commands["minuteterm"]
    data = Path(tempfile.mkdtemp(prefix="clerk-", dir=WORK))
    try:
        empty = data / "empty.db"
        demo_db = data / "demo.db"
        archive = data / "archive.db"
        shutil.copyfile(prepared_archive(args.archive, command), archive)
        sh(command, "--db", empty, "list", stdout=subprocess.DEVNULL)
        demo_id = int(
            sh(
                command, "demo", "--no-open", "--db", demo_db, capture_output=True, text=True
            ).stdout.strip()
        )
        archive_demo = int(
            sh(
                command, "demo", "--no-open", "--db", archive, capture_output=True, text=True
            ).stdout.strip()
        )
        with sqlite3.connect(archive) as conn:
            (live,) = conn.execute(
                "select id from meetings where committee_id = 1 order by starts_at desc limit 1"
            ).fetchone()
        cases: dict[str, tuple[list[str], list[str]]] = {
            "bare Textual (table screen)": (
                [python, str(WORK / "bare_table.py")],
                ["Bare meeting 20", "bare hint line"],
            ),
            "bare Textual (one Static)": ([python, str(WORK / "bare_static.py")], ["Bare static"]),
        }
        for label, script in commands.items():
            cases[f"{label} (list), empty db"] = ([script, "--db", str(empty)], list_markers(empty))
            cases[f"{label} (list), archive"] = (
                [script, "--db", str(archive)],
                list_markers(archive),
            )
            cases[f"{label} demo, demo db"] = (
                [script, "--db", str(demo_db), "demo"],
                meeting_markers(demo_db, demo_id),
            )
            cases[f"{label} demo, archive"] = (
                [script, "--db", str(archive), "demo"],
                meeting_markers(archive, archive_demo),
            )
            cases[f"{label} open {live}, archive"] = (
                [script, "--db", str(archive), "open", str(live)],
                meeting_markers(archive, live),
            )
        for name, (argv, markers) in cases.items():  # warm the file cache once
            print(f"  {name}: waits for {markers}", flush=True)
            first_frame(argv, markers, data)
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, (argv, markers) in cases.items():
                times[name].append(first_frame(argv, markers, data))
    finally:
        shutil.rmtree(data, ignore_errors=True)
    load = os.getloadavg()
    print(
        f"installed console script to first real frame, {args.runs} rounds, round-robin; "
        f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    bare = statistics.median(times["bare Textual (table screen)"])
    for name, samples in times.items():
        report(f"clerk start: {name}", samples, None)
    pairs = times["bare Textual (table screen)"]
    for name, samples in times.items():
        if not name.startswith("bare"):
            ratios = [mine / theirs for mine, theirs in zip(samples, pairs, strict=True)]
            print(
                f"  {name}: ratio of medians {statistics.median(samples) / bare:.2f}x, "
                f"paired ratios min {min(ratios):.2f} max {max(ratios):.2f}"
            )
            if name.startswith("minuteterm"):
                verdict_line(f"clerk start ratio: {name}", statistics.median(ratios), TARGET, "x")
            else:  # the baseline: a figure to compare with, not a verdict
                print(f"clerk start ratio: {name:<32} {statistics.median(ratios):8.2f} x")
    floor = statistics.median(times["bare Textual (one Static)"])
    print(f"(table-screen bare / one-Static bare: {bare / floor:.2f}x)")


if __name__ == "__main__":
    main()
