"""The clerk's first line does not wait for code to load.

The meeting screen opens without the capture grammar, the recorder or
sqlite-utils (see ``test_start_imports.py``); once it is up, it loads them,
so the first Enter saves the line without a quarter-second pause for
imports. The test runs the real command in a fresh interpreter, lets the
screen settle, then enters a line and reads which modules saving it loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.terminal import new_meeting

CHILD = """
import json, sys
import minuteterm.tui.app as app_module
from minuteterm.model import EntryKind
from minuteterm.tui.screens.meeting_screen import MeetingScreen

REPORT = {}
settle = MeetingScreen._settle

def settled(screen):
    settle(screen)
    before = set(sys.modules)
    screen._line_entered("Cllr Jewell: asked when the works would start", EntryKind.NOTE)
    REPORT["loaded_by_the_line"] = sorted(set(sys.modules) - before)
    REPORT["saved"] = [e.text for e in screen.store.meeting_entries(screen.meeting_id)]
    screen.app.exit()

MeetingScreen._settle = settled

class Noted(app_module.MinuteTermApp):
    def run(self, *args, **kwargs):
        super().run(headless=True, size=(120, 40))
        print(json.dumps(REPORT))

app_module.MinuteTermApp = Noted
from minuteterm.start import main
try:
    main(sys.argv[1:])
except SystemExit as done:
    assert not done.code, done.code
"""


def test_the_first_line_saved_loads_nothing(tmp_path: Path) -> None:
    db = new_meeting(tmp_path, ["Land at Mill Lane", "Planning appeals"])
    done = subprocess.run(
        [sys.executable, "-c", CHILD, "--db", str(db), "open", "1"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["saved"] == ["asked when the works would start"]
    loaded = report["loaded_by_the_line"]
    assert not [
        name
        for name in loaded
        if name.startswith(("sqlite_utils", "minuteterm.grammar", "minuteterm.recording"))
    ], loaded
