"""H on an entry shows every earlier version of it, in local time, then how
it reads now; Esc goes back to the pane."""

from __future__ import annotations

import pendulum
from textual.widgets import Static

from minuteterm.db.store import Store
from minuteterm.tui.app import MinuteTermApp
from minuteterm.tui.screens.entry_history_dialog import EntryHistoryDialog
from minuteterm.tui.screens.meeting_screen import MeetingScreen
from minuteterm.tui.widgets.entry_editor import EntryEditor
from minuteterm.tui.widgets.entry_pane import MinutePane, QuestionsPane
from tests.app.test_tui import budget_meeting, select_entry, type_line
from tests.conftest import FrozenClock


def dialog_text(app: MinuteTermApp) -> str:
    return "\n".join(str(static.render()) for static in app.screen.query(Static))


async def test_h_shows_an_entrys_earlier_versions_in_local_time(
    store: Store, frozen_clock: FrozenClock
) -> None:
    frozen_clock.moment = pendulum.datetime(2026, 7, 14, 17, 30, tz="UTC")  # 18:30 in London
    meeting_id = budget_meeting(store)
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_line(pilot, "? Cllr Jewell: was the reserve adequat")
        await type_line(pilot, "> Head of Finance: it met the minimum")
        frozen_clock.advance(minutes=12)
        await select_entry(pilot, MinutePane, "adequat")
        await pilot.press("e")
        editor = app.screen.query_one(EntryEditor)
        assert editor.value == "? Cllr Jewell: was the reserve adequat"
        await pilot.press("end", "e", "enter")
        await pilot.pause()
        frozen_clock.advance(minutes=3)
        await select_entry(pilot, QuestionsPane, "it met the minimum")
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()

        await select_entry(pilot, MinutePane, "adequate")
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, EntryHistoryDialog)
        shown = dialog_text(app)
        assert "History of this question" in shown
        assert (
            "14 Jul 2026 18:42  edited; it read: Question — Cllr Jewell: was the reserve adequat\n"
            in shown + "\n"
        )
        assert "Now: Question — Cllr Jewell: was the reserve adequate" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)

        await select_entry(pilot, QuestionsPane, "it met the minimum")
        await pilot.press("h")
        await pilot.pause()
        shown = dialog_text(app)
        assert "14 Jul 2026 18:45  deleted: Response — Head of Finance: it met the minimum" in shown
        assert "14 Jul 2026 18:45  restored: Response" in shown
        assert "(answering “was the reserve adequate”)" in shown
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)


async def test_an_unchanged_entry_says_so(store: Store) -> None:
    meeting_id = budget_meeting(store)
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_line(pilot, "Apologies were received from Cllr Reed.")
        await select_entry(pilot, MinutePane, "Apologies")
        await pilot.press("h")
        await pilot.pause()
        shown = dialog_text(app)
        assert "Taken at 18:25" in shown
        assert "None: it has not been changed." in shown
        assert "Now: Note — Apologies were received from Cllr Reed." in shown
