"""Starting the app loads only what its first screen needs.

The exporters (Markdown parser, Word), sqlite-utils, the search and import
machinery, the capture grammar's recorder, Textual's TextArea and the click
command line (with every command's definitions) are loaded
when first used, not when the clerk starts ``minuteterm``: each of them
costs start-up time the clerk waits through before the list or the meeting
shows. Each test runs the command's own code in a fresh interpreter (a real
database file, the real ``main``, the app headless until its first screen
has drawn what it shows) and reads which modules were loaded by then.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

#: Modules no start of the app may load before its first frame.
NOT_AT_START = [
    "docx",
    "markdown_it",
    "sqlite_utils",
    "httpx",
    "minuteterm.export",
    "minuteterm.minutes",
    "minuteterm.search",
    "minuteterm.importing.agenda_import",
    "minuteterm.importing.moderngov",
    "minuteterm.publishing.publish",
    "minuteterm.recording.recorder",
    "minuteterm.actions.sheet",
    "minuteterm.grammar.lines",
    "minuteterm.grammar.formal",  # formal business: once a line is typed
    "textual.widgets._text_area",
    "rapidfuzz",  # name matching: when a typed name is compared
    "dateutil.parser._parser",  # pendulum's fallback parser (minuteterm.start.DEFERRED)
    "dateutil.tz",
    "click",  # the plain starts open the app without the command line (start.plain_start)
    "minuteterm.cli",
    "minuteterm.model.records",  # minutes, the action sheet, revisions: when first named
    "json",  # one migration reads JSON; an up-to-date file is opened without it
]

#: Run in the child: the command's own path (the real ``main``), with the app
#: run headless and ended once its first screen has read and drawn what it
#: shows; then the modules loaded by that first frame are printed.
CHILD = """
import gc, sys
from minuteterm.start import defer_imports
defer_imports()  # as main() does first (again there: done once)
import minuteterm.tui.app as app_module
from minuteterm.tui.screens.meeting_screen import MeetingScreen
from minuteterm.tui.screens.start_screen import StartScreen

SHOWN = []
COLLECTING = []

def exit_once_drawn(draw):
    def drawn(screen, *args):
        draw(screen, *args)
        if SHOWN:
            return
        SHOWN.append(type(screen).__name__)
        COLLECTING.append(gc.isenabled())  # while the first frame is made
        def painted():  # the frame after the first: the collector is back
            COLLECTING.append(gc.isenabled())
            screen.app.exit()
        screen.app.call_after_refresh(lambda: screen.app.call_after_refresh(painted))
    return drawn

StartScreen.reload = exit_once_drawn(StartScreen.reload)
MeetingScreen.refresh_panes = exit_once_drawn(MeetingScreen.refresh_panes)

class Noted(app_module.MinuteTermApp):
    def run(self, *args, **kwargs):
        super().run(headless=True, size=(120, 40))
        loaded = sorted(sys.modules)  # before this check's own json
        import json
        print(json.dumps({"meeting": self._first_meeting, "shown": SHOWN[0],
                          "collecting": COLLECTING, "loaded": loaded}))

app_module.MinuteTermApp = Noted
from minuteterm.start import main  # the console script's entry point
try:
    main(sys.argv[1:])
except SystemExit as done:
    assert not done.code, done.code
"""


def start(*args: str | Path) -> tuple[int | None, list[str]]:
    """The meeting the app opened and the modules loaded by its first frame."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    noted = json.loads(done.stdout.strip().splitlines()[-1])
    assert noted["shown"] == ("StartScreen" if noted["meeting"] is None else "MeetingScreen")
    # the cyclic collector is held through the start and runs again once the
    # first screen is painted (never left off for the rest of the session)
    assert noted["collecting"] == [False, True]
    return noted["meeting"], noted["loaded"]


def too_early(loaded: list[str]) -> list[str]:
    return [
        name
        for name in loaded
        if any(name == root or name.startswith(root + ".") for root in NOT_AT_START)
    ]


def test_the_list_of_meetings_starts_without_exporters_or_search(tmp_path: Path) -> None:
    db = tmp_path / "minutes.db"
    # made once (creating the schema is a write, and writes use sqlite-utils)
    subprocess.run(
        [sys.executable, "-m", "minuteterm", "list", "--db", str(db)], timeout=120, check=True
    )
    meeting, loaded = start("--db", db)
    assert meeting is None  # the list of meetings
    assert "minuteterm.tui.screens.start_screen" in loaded  # the check can see imports
    assert too_early(loaded) == []


def test_demo_already_made_opens_without_the_recorder(tmp_path: Path) -> None:
    db = tmp_path / "minutes.db"
    made = subprocess.run(
        [sys.executable, "-m", "minuteterm", "demo", "--no-open", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    meeting, loaded = start("--db", db, "demo")
    assert meeting == int(made.stdout.strip())  # the same demo meeting, not a second one
    assert too_early(loaded) == []


def test_open_a_meeting_starts_without_exporters_or_search(tmp_path: Path) -> None:
    db = tmp_path / "minutes.db"
    subprocess.run(
        [
            *(sys.executable, "-m", "minuteterm", "new", "--db", str(db)),
            *("--committee", "Planning", "--date", "14/12/2026", "--time", "18:30"),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    meeting, loaded = start("--db", db, "open", "1")
    assert meeting == 1
    assert too_early(loaded) == []


def test_an_error_raised_by_a_loaded_module_is_still_one_line(tmp_path: Path) -> None:
    """The clerk-facing errors are no longer imported up front; one raised
    by the exporter still ends in one line and exit status 2."""
    db = tmp_path / "minutes.db"
    done = subprocess.run(
        [sys.executable, "-m", "minuteterm", "export", "99", "--format", "md", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("minuteterm: ") and len(done.stderr.splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_a_command_that_does_not_open_the_app_collects_garbage_as_usual(tmp_path: Path) -> None:
    """The collector is held only for the app's start: ``list``, ``new``,
    ``demo --no-open`` and the rest run with it, as any program does."""
    db = tmp_path / "minutes.db"
    child = (
        "import gc, sys\n"
        "from minuteterm.start import main\n"
        "try:\n"
        "    main(sys.argv[1:])\n"
        "except SystemExit as done:\n"
        "    assert not done.code, done.code\n"
        "print('collecting' if gc.isenabled() else 'held')\n"
        "print('dateutil.tz' in sys.modules)\n"
    )
    for command in (["list"], ["demo", "--no-open"]):
        done = subprocess.run(
            [sys.executable, "-c", child, "--db", str(db), *command],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        *_, collecting, dateutil_tz = done.stdout.strip().splitlines()
        assert collecting == "collecting", command
        if command == ["list"]:  # main() deferred dateutil: listing never needs it
            assert dateutil_tz == "False"
