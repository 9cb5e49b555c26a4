"""The action sheet screen, driven as a clerk drives it: open it from
anywhere, filter, sort, update with a note, read the history."""

from __future__ import annotations

import csv
from pathlib import Path

import pendulum
import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from minuteterm.actions.sheet import ActionSheet
from minuteterm.db.store import Store
from minuteterm.model import ActionStatus, NewItem
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.recorder import Recorder
from minuteterm.tui.app import MinuteTermApp
from minuteterm.tui.screens.action_dialogs import ActionHistoryDialog, ActionUpdateDialog
from minuteterm.tui.screens.actions_screen import ActionsScreen
from minuteterm.tui.screens.meeting_screen import MeetingScreen
from tests.app.test_import_tui import wait_for
from tests.app.test_tui import type_line


def meeting_with_actions(store: Store) -> int:
    """Two committees' meetings with four actions between them."""
    first = create_meeting(
        store,
        "Audit Committee",
        pendulum.datetime(2026, 10, 5, 18, 0, tz="Europe/London"),
        agenda=[NewItem("Internal audit plan")],
    )
    recorder = Recorder(store, first)
    recorder.apply("! Head of Audit: circulate the revised audit plan by 30/11/2026")
    recorder.apply("! Chief Finance Officer: report on fraud referrals by 31/01/2027")
    second = create_meeting(
        store,
        "Licensing Committee",
        pendulum.datetime(2026, 11, 2, 10, 0, tz="Europe/London"),
        agenda=[NewItem("Street trading")],
    )
    recorder = Recorder(store, second)
    recorder.apply("! Licensing Manager: publish the consultation responses by 20/12/2026")
    recorder.apply("! Head of Audit: review pitch fee income by next meeting")
    return second


def table_rows(app: MinuteTermApp) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]


def title(app: MinuteTermApp) -> str:
    return str(app.screen.query_one("#sheet-title", Static).render())


async def test_sheet_opens_from_a_meeting_filters_and_sorts(store: Store) -> None:
    meeting_id = meeting_with_actions(store)
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("ctrl+a")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)
        # Now is 14 December 2026: the audit plan (30 Nov) is overdue.
        assert "4 open" in title(app) and "1 overdue" in title(app)
        rows = table_rows(app)
        assert rows[0][2] == "circulate the revised audit plan"
        overdue = next(row for row in rows if row[2] == "circulate the revised audit plan")
        assert overdue[5] == "overdue"
        assert next(row for row in rows if "pitch fee" in row[2])[4] == "next meeting"

        await pilot.press("slash")
        await type_line(pilot, 'owner:"Head of Audit"', enter=False)
        await pilot.press("enter")
        await pilot.pause()
        assert {row[3] for row in table_rows(app)} == {"Head of Audit"}
        assert len(table_rows(app)) == 2

        await pilot.press("slash", "end", "ctrl+u")
        await type_line(pilot, "committee:licensing")
        assert {row[2] for row in table_rows(app)} == {
            "publish the consultation responses",
            "review pitch fee income",
        }

        await pilot.press("slash", "end", "ctrl+u", "enter")
        await pilot.pause()
        await pilot.press("5")  # sort by due date
        dues = [row[4] for row in table_rows(app)]
        assert dues == ["30 Nov 2026", "20 Dec 2026", "31 Jan 2027", "next meeting"]
        await pilot.press("5")  # again: reversed
        assert table_rows(app)[0][4] == "31 Jan 2027"

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)


async def test_update_with_a_note_then_read_the_history(store: Store, frozen_clock) -> None:
    meeting_with_actions(store)
    app = MinuteTermApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+a")
        await pilot.pause()
        first = table_rows(app)[0]
        action_id = int(first[0])
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, ActionUpdateDialog)
        assert app.screen.query_one("#note", Input).has_focus
        await type_line(pilot, "chased by email; plan due next week")
        assert isinstance(app.screen, ActionsScreen)
        assert table_rows(app)[0][6] == "chased by email; plan due next week"

        frozen_clock.advance(days=2)
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("shift+tab", "shift+tab", "shift+tab")  # back to the status buttons
        await pilot.press("right", "enter")  # open -> done
        await pilot.press("tab", "tab", "tab")
        await type_line(pilot, "revised plan circulated")
        row = ActionSheet(store).row(action_id)
        assert row.status is ActionStatus.DONE
        assert "1 done" in title(app)

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ActionHistoryDialog)
        history = str(app.screen.query_one("#history", Static).render())
        assert "14 Dec 2026" in history and "chased by email" in history
        assert "16 Dec 2026" in history and "status done — revised plan circulated" in history
        assert history.index("chased") < history.index("revised plan circulated")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)


async def test_bad_filter_and_bad_date_are_refused_with_a_reason(store: Store) -> None:
    meeting_with_actions(store)
    app = MinuteTermApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+a")
        await pilot.pause()
        await pilot.press("slash")
        await type_line(pilot, "status:finished")
        message = str(app.screen.query_one("#sheet-message", Static).render())
        assert "use open, done, dropped or all" in message
        assert len(table_rows(app)) == 4  # the last good filter still applies

        await pilot.press("u")
        await pilot.pause()
        due = app.screen.query_one("#due", Input)
        due.value = "31/02/2027"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ActionUpdateDialog)
        problem = str(app.screen.query_one("#problem", Static).render())
        assert "February 2027 has 28 days" in problem


async def test_sheet_shows_at_most_500_rows_and_says_how_many_match(
    store: Store, tmp_path: Path
) -> None:
    meeting = create_meeting(
        store,
        "Planning Committee",
        pendulum.datetime(2026, 9, 1, 18, 0, tz="Europe/London"),
        agenda=[NewItem("Applications")],
    )
    recorder = Recorder(store, meeting)
    with store.transaction():
        for number in range(620):
            recorder.apply(f"! Planning Officer: check condition {number} by 31/03/2027")
    app = MinuteTermApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+a")
        await pilot.pause()
        assert len(table_rows(app)) == 500
        assert "620 open" in title(app) and "showing 500 of 620" in title(app)
        await pilot.press("slash")
        await type_line(pilot, "condition 61")
        assert {row[2] for row in table_rows(app)} == {
            f"check condition {n}" for n in (61, *range(610, 620))
        }


def sheet_app(store: Store, folder: Path, monkeypatch: pytest.MonkeyPatch) -> MinuteTermApp:
    """The app on a meeting with actions, exporting into ``folder``."""
    meeting_with_actions(store)
    monkeypatch.chdir(folder)
    return MinuteTermApp(store)


async def open_sheet(pilot: Pilot) -> ActionsScreen:
    """Ctrl+A: the action sheet."""
    await pilot.press("ctrl+a")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ActionsScreen)
    return screen


async def test_sheet_exported_from_the_screen_as_filtered(
    store: Store, tmp_path: Path, monkeypatch
) -> None:
    app = sheet_app(store, tmp_path, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_sheet(pilot)
        await pilot.press("slash")
        await type_line(pilot, "owner:audit")
        # applied on Enter, and not again when the typing pause ends (that
        # cleared the message of an export made in between: 1 run in 5)
        assert screen._pending is None
        await pilot.press("x")
        await exported(pilot, screen)
    rows = exported_rows(tmp_path)
    assert {row["owner"] for row in rows} == {"Head of Audit"}
    assert len(rows) == 2
    assert len(list(tmp_path.glob("*.md"))) == 1 and len(list(tmp_path.glob("*.html"))) == 1


async def exported(pilot: Pilot, screen: ActionsScreen) -> None:
    """Wait (bounded) for the sheet to say it was exported: the files are
    written while the app runs on."""

    def said() -> str:
        return str(screen.query_one("#sheet-message", Static).render())

    assert await wait_for(pilot, lambda: said().startswith("Exported")), said()


def exported_rows(folder: Path) -> list[dict[str, str]]:
    """The rows of the one CSV file the export wrote into ``folder``."""
    (csv_path,) = folder.glob("*.csv")
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def pause_not_over(screen: ActionsScreen) -> None:
    """Hold the filter's typing pause open, as on a fast keyboard where x
    comes before it ends (the filter is then applied by nothing but x)."""
    pending = screen._pending
    assert pending is not None, "the typing pause is running"
    pending.stop()


async def test_an_export_straight_after_typing_a_filter_is_of_that_filter(
    store: Store, tmp_path: Path, monkeypatch
) -> None:
    """A filter typed, then Tab to the table and x at once (before the
    typing pause has ended and the filter been applied): the file holds
    what the filter line says, not the sheet as it was before; a filter
    that is refused exports nothing."""
    app = sheet_app(store, tmp_path, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_sheet(pilot)
        await pilot.press("slash")
        await type_line(pilot, "status:finished", enter=False)
        pause_not_over(screen)
        await pilot.press("tab", "x")
        await pilot.pause()
        assert "use open, done, dropped or all" in str(
            screen.query_one("#sheet-message", Static).render()
        )
        assert not list(tmp_path.glob("*.csv"))  # nothing written for a refused filter

        await pilot.press("slash", "ctrl+u")
        await type_line(pilot, "owner:audit", enter=False)
        pause_not_over(screen)
        await pilot.press("tab", "x")
        await exported(pilot, screen)
    assert {row["owner"] for row in exported_rows(tmp_path)} == {"Head of Audit"}
