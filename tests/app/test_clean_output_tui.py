"""The TUI never draws a terminal escape read back from a database edited
by hand: the meeting list and the meeting screen show the words only."""

from __future__ import annotations

import pendulum

from minuteterm.db.store import Store
from minuteterm.model import NewItem
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.recorder import Recorder
from minuteterm.tui.app import MinuteTermApp
from minuteterm.tui.widgets.entry_pane import MinutePane

ESCAPES = "\x1b]0;PWNED\x07\x1b[31m"


async def test_escapes_stored_by_a_hand_edit_never_reach_the_screen(store: Store) -> None:
    meeting_id = create_meeting(
        store,
        "Licensing Sub-Committee",
        pendulum.datetime(2026, 12, 14, 18, 30, tz="Europe/London"),
        agenda=[NewItem("Premises licence")],
    )
    Recorder(store, meeting_id).apply("The Sub-Committee noted the report.")
    store.conn.execute("update entries set text = text || ?", [ESCAPES + " red"])
    store.conn.execute("update agenda_items set title = title || ?", [ESCAPES])
    store.conn.commit()

    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        minute = app.screen.query_one(MinutePane)
        shown = " ".join(str(option.prompt) for option in minute.options)
        title = str(minute.border_title)
        assert "noted the report. red" in shown
        assert "Premises licence" in title
        for text in (shown, title):
            assert "\x1b" not in text and "\x07" not in text and "PWNED" not in text
