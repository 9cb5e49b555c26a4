"""The app's plain starts skip click; nothing a clerk sees changes.

``minuteterm``, ``minuteterm open MEETING`` and ``minuteterm demo`` (with a
``--db``) are opened by the entry point without loading the click command
line (:func:`minuteterm.start.plain_start`); everything else goes to click.
Each test runs the same arguments both ways, as real processes in twin
folders made alike: the entry point the console script calls
(``minuteterm.start.main``) and the click command line itself
(``minuteterm.cli.main``), and compares what the clerk
gets: the screen, the exit status, the words on stdout and stderr, and the
files left behind.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.terminal import Terminal

#: The ``minuteterm`` command's entry point, as the console script calls it.
ENTRY_POINT = (sys.executable, "-c", "from minuteterm.start import main\nmain()")
#: The click command line alone, without the entry point's plain starts.
THROUGH_CLICK = (sys.executable, "-c", "from minuteterm.cli import main\nmain()")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding ``made.db`` with meeting 1 (Planning, agenda
    "Applications", "Appeals"), a folder, and a text file that is not a
    database; made once, copied for each test."""
    folder = tmp_path_factory.mktemp("template")
    (folder / "agenda.md").write_text("1. Applications\n2. Appeals\n")
    subprocess.run(
        [
            *(*ENTRY_POINT, "new", "--db", "made.db", "--committee", "Planning"),
            *("--date", "14/12/2026", "--time", "18:30", "--agenda", "agenda.md"),
        ],
        cwd=folder,
        env={**os.environ, "TZ": "Europe/London", "MINUTETERM_DB": str(folder / "made.db")},
        check=True,
        capture_output=True,
        timeout=120,
    )
    (folder / "folder").mkdir()
    (folder / "notes.txt").write_text("not a database\n")
    return folder


def twins(tmp_path: Path, template: Path) -> dict[str, Path]:
    """Two copies of ``template``: one folder per way in."""
    folders = {}
    for way in ("entry", "click"):
        folders[way] = Path(shutil.copytree(template, tmp_path / way))
    return folders


def left_behind(folder: Path) -> list[str]:
    """The files in ``folder`` and below, by name (the database a refused
    command made must be gone either way)."""
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--version"],
        ["--db", "made.db", "open", "999"],  # not in the database
        ["--db", "new.db", "open", "7"],  # a database made for nothing is removed again
        ["--db", "made.db", "open", "abc"],
        ["--db", "made.db", "open", "0"],
        ["--db", "made.db", "open"],
        ["--db", "made.db", "open", "1", "2"],
        ["--db", "made.db", "demo", "--no-open"],
        ["--db", "/nonexistent/dir/x.db"],
        ["--db", "folder"],
        ["--db", "folder", "open", "1"],
        ["--db", "notes.txt"],
        ["--db", "notes.txt", "demo"],
        ["--db="],
        ["--db"],
        ["--db", "made.db", "--nonsense"],
        ["--db", "made.db", "list"],
    ],
)
def test_a_start_that_does_not_open_the_app_says_the_same(
    tmp_path: Path, template: Path, args: list[str]
) -> None:
    folders = twins(tmp_path, template)
    done = {}
    for way, program in (("entry", ENTRY_POINT), ("click", THROUGH_CLICK)):
        ran = subprocess.run(
            [*program, *args],
            cwd=folders[way],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=120,
        )
        done[way] = (ran.returncode, ran.stdout, ran.stderr, left_behind(folders[way]))
    assert done["entry"] == done["click"]
    assert "Traceback" not in done["entry"][2]


def started(
    folder: Path, program: tuple[str, ...], args: list[str], shows: list[str]
) -> tuple[str, int, str]:
    """Start ``program ARGS`` on a terminal in ``folder``; once the screen
    shows every one of ``shows``, end it by its pid. The first screen, the
    exit status, and the terminal after it ended (what it said on leaving)."""
    term = Terminal(args, program=program, cwd=folder, cols=120, rows=40)
    try:
        first = term.wait_for_screen(
            lambda screen: all(text in screen for text in shows), repr(shows)
        )
        status = term.end()
        return first, status, term.text
    finally:
        term.close()


@pytest.mark.parametrize(
    ("args", "shows"),
    [
        (["--db", "made.db"], ["Planning", "1 meeting"]),
        (["--db=made.db"], ["Planning", "1 meeting"]),
        (["--db", "made.db", "open", "1"], ["Applications", "Appeals"]),
        (["open", "1", "--db", "made.db"], ["Applications", "Appeals"]),
        (["open", "--db", "made.db", "1"], ["Applications", "Appeals"]),
        (["--db", "new.db", "demo"], ["Apologies for absence", "That the work"]),
        (["demo", "--db", "made.db"], ["Apologies for absence", "That the work"]),
        (["--db", "made.db", "--db", "made.db", "open", "1"], ["Applications"]),  # to click
        (["--db", "made.db", "open", " 1"], ["Applications"]),  # to click: it reads " 1"
    ],
)
def test_a_plain_start_opens_the_same_app(
    tmp_path: Path, template: Path, args: list[str], shows: list[str]
) -> None:
    folders = twins(tmp_path, template)
    entry = started(folders["entry"], ENTRY_POINT, args, shows)
    through_click = started(folders["click"], THROUGH_CLICK, args, shows)
    assert entry[1] == through_click[1] == 0  # SIGTERM: the app ends cleanly
    # what it said on leaving: a typo in --db must not pass for an empty archive
    for ended in (entry[2], through_click[2]):
        assert ("minuteterm: created a new database at new.db" in ended) == ("new.db" in args)
    assert left_behind(folders["entry"]) == left_behind(folders["click"])


def test_the_default_database_is_the_same_both_ways(
    tmp_path: Path, template: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``minuteterm`` with no ``--db``: ``$MINUTETERM_DB`` names the file."""
    folders = twins(tmp_path, template)
    seen = {}
    for way, program in (("entry", ENTRY_POINT), ("click", THROUGH_CLICK)):
        monkeypatch.setenv("MINUTETERM_DB", str(folders[way] / "made.db"))
        first, status, _ = started(folders[way], program, ["open", "1"], ["Applications"])
        seen[way] = (status, "Appeals" in first)
    assert seen["entry"] == seen["click"] == (0, True)


def test_a_database_made_by_a_refused_start_is_not_left(tmp_path: Path) -> None:
    """An unknown meeting in a new file: one line, status 2, and no file
    (the entry point tried it first, then the command line said why)."""
    done = subprocess.run(
        [*ENTRY_POINT, "--db", "fresh.db", "open", "3"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "minuteterm: there is no meeting 3 (see: minuteterm list)\n"
    assert not (tmp_path / "fresh.db").exists()


def test_an_exported_size_does_not_fix_the_screen(tmp_path: Path, template: Path) -> None:
    """A shell profile that exports ``COLUMNS=80`` and ``LINES=24`` (Textual
    reads the size through ``shutil``, which prefers them) must not hold the
    app at 80×24 in a larger window: it lays out for the terminal's size."""
    folders = twins(tmp_path, template)
    for program in (ENTRY_POINT, THROUGH_CLICK):
        term = Terminal(
            ["--db", "made.db", "demo"],
            program=program,
            cwd=folders["entry"],
            cols=120,
            rows=40,
            env={"COLUMNS": "80", "LINES": "24"},
        )
        try:
            shown = term.wait_for_screen(
                lambda screen: "Apologies for absence" in screen and "That the work" in screen,
                "the demo meeting laid out at 120×40",
            )
            assert max(len(line) for line in shown.splitlines()) > 100
            assert term.end() == 0
        finally:
            term.close()
