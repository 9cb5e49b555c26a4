"""The search screen and a subject's history in the app: Ctrl+F from
anywhere, type, Enter lands on the entry; Esc goes back; the public view;
H on an agenda item; earlier items offered when an item is added."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from minuteterm.db.store import Store, open_store
from minuteterm.tui.app import MinuteTermApp
from minuteterm.tui.screens.actions_screen import ActionsScreen
from minuteterm.tui.screens.meeting_screen import MeetingScreen
from minuteterm.tui.screens.search_screen import SearchScreen
from minuteterm.tui.screens.start_screen import StartScreen
from minuteterm.tui.screens.subject_history_dialog import SubjectHistoryDialog
from minuteterm.tui.widgets.agenda_pane import AgendaPane
from minuteterm.tui.widgets.entry_pane import MinutePane
from tests.app.test_tui import outcome, type_line
from tests.search_scenario import build


async def _results(pilot: Pilot) -> list[str]:
    """The Found column of the results, once the search has answered."""
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    for _ in range(200):  # at most ten seconds: the pause after typing, then the search
        await pilot.pause(0.05)
        if not screen.waiting and screen.answered == screen.asked:
            break
    await pilot.pause()
    table = pilot.app.screen.query_one(DataTable)
    return [str(table.get_row_at(row)[-1]) for row in range(table.row_count)]


async def test_ctrl_f_type_enter_lands_on_the_entry(store: Store) -> None:
    scenario = build(store)
    app = MinuteTermApp(store, meeting_id=scenario.december)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+f")
        assert isinstance(app.screen, SearchScreen)
        await type_line(pilot, "scouring", enter=False)
        assert [row for row in await _results(pilot)] == [
            "Harbour Master: divers found scouring beneath the breakwater footings"
        ]
        await pilot.press("down", "enter")  # or down to the results, then Enter
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen) and screen.meeting_id == scenario.october
        minute = screen.query_one(MinutePane)
        assert minute.has_focus
        entry = minute.selected_entry
        assert entry is not None and "scouring" in store.entry(entry).text
        assert "found by search" in str(minute.border_title)
        await pilot.press("escape")  # to the capture bar; Esc again leaves nothing behind
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)


async def test_a_result_in_the_open_meeting_shows_that_item(store: Store) -> None:
    scenario = build(store)
    app = MinuteTermApp(store, meeting_id=scenario.december)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+f")
        await type_line(pilot, '"correct record" from:14/12/2026', enter=False)
        assert len(await _results(pilot)) == 1
        await pilot.press("enter")  # Enter in the search line opens the first result
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert len(app.screen_stack) == 2  # the same meeting screen, not a second one
        minute = app.screen.query_one(MinutePane)
        assert "correct record" in minute.plain_lines()[0]
        assert str(minute.border_title).startswith("Item 1: Minutes of the previous meeting")
        await pilot.press("escape")  # back to the capture bar
        await type_line(pilot, "The crane was removed.")  # goes to the current item
        assert "saved note in item 3" in outcome(pilot)
        assert "The crane was removed." in minute.plain_lines()[-1]
        assert "found by search" not in str(minute.border_title)


async def test_esc_returns_to_where_you_were(store: Store) -> None:
    build(store)
    app = MinuteTermApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+a")
        assert isinstance(app.screen, ActionsScreen)
        await pilot.press("ctrl+f")
        await type_line(pilot, "sea wall", enter=False)
        assert len(await _results(pilot)) == 8
        await pilot.press("escape")
        assert isinstance(app.screen, ActionsScreen)


async def test_the_public_switch_and_filters(store: Store) -> None:
    build(store)
    app = MinuteTermApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+f")
        await type_line(pilot, "zanzibarite OR covenant", enter=False)
        rows = await _results(pilot)
        assert len(rows) == 2 and all(row.startswith("CONFIDENTIAL") for row in rows)
        await pilot.press("f9")
        assert await _results(pilot) == []
        assert "public view" in str(app.screen.query_one("#search-title").render())
        await pilot.press("f9")
        query = app.screen.query_one(Input)
        query.value = "sea wall committee:finance kind:resolution"
        rows = await _results(pilot)
        assert len(rows) == 1 and rows[0].endswith("for the sea wall be increased.")
        query.value = "sea wall from:31/02/2026"
        await pilot.pause(0.3)
        assert "from:31/02/2026" in str(app.screen.query_one("#search-message").render())


async def test_h_on_an_agenda_item_shows_its_subjects_history(store: Store) -> None:
    scenario = build(store)
    app = MinuteTermApp(store, meeting_id=scenario.december)
    async with app.run_test(size=(120, 40)) as pilot:
        agenda = app.screen.query_one(AgendaPane)
        agenda.focus()
        agenda.highlighted = 2  # Sea wall repairs: progress
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, SubjectHistoryDialog)
        story = str(app.screen.query_one("#story").render())
        assert story.index("12 October 2026") < story.index("9 November 2026")
        assert "Finance and Audit Committee" in story and "14 December" not in story
        await pilot.press("escape")
        assert isinstance(app.screen, MeetingScreen)


async def test_adding_an_item_offers_its_predecessors(store: Store) -> None:
    scenario = build(store)
    app = MinuteTermApp(store, meeting_id=scenario.december)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_line(pilot, "/add Sea wall: contractor's final account")
        said = outcome(pilot)
        assert "added item 4" in said
        assert "earlier on this subject: 14/12/2026 Harbour Board minute 3" not in said
        assert "09/11/2026 Finance and Audit Committee minute 1" in said


async def test_search_on_a_database_whose_path_has_odd_characters(tmp_path: Path) -> None:
    folder = tmp_path / "Minutes #1 ?50% & more"
    folder.mkdir()
    odd = open_store(folder / "council.db")
    try:
        build(odd)
        app = MinuteTermApp(odd)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("ctrl+f")
            await type_line(pilot, "scouring", enter=False)
            assert len(await _results(pilot)) == 1
    finally:
        odd.close()
