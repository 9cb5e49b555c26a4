"""The start screen: meetings newest first, create one from the keyboard, open
one; and F1 tells the clerk about every key the screens answer to."""

from __future__ import annotations

import inspect
from pathlib import Path

import pendulum
from textual.binding import Binding
from textual.widgets import Input, Static

import minuteterm.tui.screens.action_dialogs as action_dialogs
import minuteterm.tui.screens.actions_screen as actions_screen
import minuteterm.tui.screens.attendance_screen as attendance_screen
import minuteterm.tui.screens.choice_dialog as choice_dialog
import minuteterm.tui.screens.entry_history_dialog as entry_history_dialog
import minuteterm.tui.screens.help_screen as help_screen
import minuteterm.tui.screens.meeting_screen as meeting_screen
import minuteterm.tui.screens.new_meeting_screen as new_meeting_screen
import minuteterm.tui.screens.review_screen as review_screen
import minuteterm.tui.screens.search_screen as search_screen
import minuteterm.tui.screens.start_screen as start_screen
import minuteterm.tui.screens.subject_history_dialog as subject_history_dialog
import minuteterm.tui.widgets.agenda_pane as agenda_pane
import minuteterm.tui.widgets.capture_bar as capture_bar
import minuteterm.tui.widgets.entry_editor as entry_editor
import minuteterm.tui.widgets.entry_pane as entry_pane
from minuteterm.db.store import Store
from minuteterm.model import EntryKind, NewItem
from minuteterm.recording.entries import add_entry
from minuteterm.recording.meetings import create_meeting
from minuteterm.tui import app as app_module
from minuteterm.tui.app import MinuteTermApp
from minuteterm.tui.help_data import KEYS
from minuteterm.tui.screens.meeting_screen import MeetingScreen
from minuteterm.tui.screens.new_meeting_screen import NewMeetingScreen
from minuteterm.tui.screens.start_screen import StartScreen
from tests.app.test_tui import type_line


def meeting_rows(app: MinuteTermApp) -> list[list[str]]:
    assert isinstance(app.screen, StartScreen)
    return app.screen.listed_rows()


async def test_meetings_are_listed_newest_first_and_open_with_enter(store: Store) -> None:
    older = create_meeting(
        store, "Audit Committee", pendulum.datetime(2026, 9, 8, 18, 0, tz="Europe/London")
    )
    newer = create_meeting(
        store,
        "Licensing Committee",
        pendulum.datetime(2026, 11, 3, 10, 0, tz="Europe/London"),
        agenda=[NewItem("Apologies")],
    )
    app = MinuteTermApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, StartScreen)
        rows = meeting_rows(app)
        assert rows[0][:3] == ["Tue 3 Nov 2026", "10:00", "Licensing Committee"]
        assert rows[1][:3] == ["Tue 8 Sep 2026", "18:00", "Audit Committee"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.meeting_id == newer
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen.meeting_id == older


async def test_a_meeting_opened_directly_goes_back_to_the_list(store: Store) -> None:
    audit = create_meeting(
        store, "Audit Committee", pendulum.datetime(2026, 9, 8, 18, 0, tz="Europe/London")
    )
    create_meeting(
        store, "Licensing Committee", pendulum.datetime(2026, 11, 3, 10, 0, tz="Europe/London")
    )
    app = MinuteTermApp(store, meeting_id=audit)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, MeetingScreen)
        assert not any(isinstance(screen, StartScreen) for screen in app.screen_stack)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert [row[2] for row in meeting_rows(app)] == ["Licensing Committee", "Audit Committee"]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen.meeting_id == audit
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert len(app.screen_stack) == 2  # the list once, never piled up


async def test_a_long_list_shows_the_newest_and_the_filter_finds_the_rest(
    store: Store,
) -> None:
    first = pendulum.datetime(2010, 1, 5, 18, 0, tz="Europe/London")
    for week in range(start_screen.SHOWN + 40):
        committee = "Audit Committee" if week % 10 == 0 else "Planning Committee"
        create_meeting(store, committee, first.add(weeks=week), venue=f"Room {week % 3}")
    app = MinuteTermApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        rows = meeting_rows(app)
        assert len(rows) == start_screen.SHOWN
        assert rows[0][0] == "Tue 5 Aug 2014"  # the newest first (week 239)
        hint = str(app.screen.query_one("#start-hint", Static).render())
        assert f"The newest {start_screen.SHOWN} of {start_screen.SHOWN + 40} meetings" in hint

        await pilot.press("/")
        await type_line(pilot, "audit 2010", enter=False)
        rows = meeting_rows(app)
        assert rows and all(row[2] == "Audit Committee" for row in rows)
        assert all(row[0].endswith("2010") for row in rows)
        assert len(rows) == 6  # weeks 0, 10, ... 50 of 2010
        assert "6 meetings" in str(app.screen.query_one("#start-hint", Static).render())

        await type_line(pilot, " nothing-like-this", enter=False)
        assert meeting_rows(app) == []
        hint = str(app.screen.query_one("#start-hint", Static).render())
        assert "No meeting matches the filter" in hint

        for _ in " nothing-like-this":
            await pilot.press("backspace")
        await pilot.press("enter")  # back to the list, then open the first match
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        opened = store.meeting(app.screen.meeting_id)
        assert opened.committee == "Audit Committee" and opened.starts_at.year == 2010


async def test_every_listed_meeting_shows_its_entry_count(store: Store) -> None:
    """The rows below the first screenful get their counts too (read just
    after the first frame), and the highlight stays where the clerk put it."""
    first = pendulum.datetime(2020, 1, 7, 18, 0, tz="Europe/London")
    oldest = create_meeting(
        store, "Audit Committee", first, agenda=[NewItem("Apologies"), NewItem("Budget")]
    )
    items = store.items(oldest)
    for n in range(3):
        add_entry(store, items[n % 2].id, EntryKind.NOTE, f"Note {n}.")
    newest = create_meeting(store, "Cabinet", first.add(weeks=80), agenda=[NewItem("Budget")])
    add_entry(store, store.items(newest)[0].id, EntryKind.NOTE, "Agreed.")
    for week in range(1, 79):
        create_meeting(store, "Planning Committee", first.add(weeks=week))
    app = MinuteTermApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "down")
        await pilot.pause()
        rows = meeting_rows(app)
        assert len(rows) == 80
        assert rows[0][2] == "Cabinet" and rows[0][-1] == "1"
        assert rows[-1][2] == "Audit Committee" and rows[-1][-1] == "3"
        assert {row[-1] for row in rows[1:-1]} == {"0"}
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert store.meeting(app.screen.meeting_id).starts_at == first.add(weeks=77)


async def test_clerk_creates_a_meeting_with_its_agenda(store: Store) -> None:
    app = MinuteTermApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewMeetingScreen)
        await type_line(pilot, "Planning Committee", enter=False)
        await pilot.press("tab")
        await type_line(pilot, "12/03/2027", enter=False)
        resolved = str(app.screen.query_one("#resolved", Static).render())
        assert "Friday 12 March 2027" in resolved  # day first, shown back
        await pilot.press("tab")
        await type_line(pilot, "18:30", enter=False)
        await pilot.press("tab")
        await type_line(pilot, "Council Chamber", enter=False)
        await pilot.press("tab", "tab")  # past the agenda file, into the agenda
        await type_line(pilot, "1. Apologies for absence")
        await type_line(pilot, "2. Land at Mill Lane")
        await type_line(pilot, "3. Enforcement update (exempt)", enter=False)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        meeting = store.meeting(app.screen.meeting_id)
        assert meeting.title == "Planning Committee"
        assert meeting.starts_at == pendulum.datetime(2027, 3, 12, 18, 30, tz="Europe/London")
        items = store.items(meeting.id)
        assert [(i.title, i.exempt) for i in items] == [
            ("Apologies for absence", False),
            ("Land at Mill Lane", False),
            ("Enforcement update", True),
        ]
        await type_line(pilot, "Apologies were received from Cllr Obi.")
        assert store.entries(items[0].id)[0].text == "Apologies were received from Cllr Obi."


async def test_bad_date_in_the_form_is_refused_and_kept(store: Store, tmp_path: Path) -> None:
    app = MinuteTermApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await type_line(pilot, "Audit Committee", enter=False)
        await pilot.press("tab")
        await type_line(pilot, "31/02/2027", enter=False)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NewMeetingScreen)
        problem = str(app.screen.query_one("#problem", Static).render())
        assert "February 2027 has 28 days" in problem
        assert app.screen.query_one("#date", Input).value == "31/02/2027"
        assert store.meetings() == []


async def test_agenda_loaded_from_a_markdown_file(store: Store, tmp_path: Path) -> None:
    agenda = tmp_path / "agenda.md"
    agenda.write_text("# Agenda\n\n- Apologies\n- Budget 2027/28\n", encoding="utf-8")
    app = MinuteTermApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await type_line(pilot, "Cabinet", enter=False)
        await pilot.press("tab")
        await type_line(pilot, "14 Jan", enter=False)
        await pilot.press("tab", "tab", "tab")
        await type_line(pilot, str(agenda), enter=False)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        titles = [item.title for item in store.items(app.screen.meeting_id)]
        assert titles == ["Apologies", "Budget 2027/28"]


def _key_words(key: str) -> str:
    return key.replace("escape", "esc").replace("slash", "/").casefold()


def test_help_lists_every_key_the_screens_bind() -> None:
    documented = {
        token.casefold()
        for _where, keys, _what in KEYS
        for token in keys.replace(" / ", " ").split()
    }
    modules = [
        app_module,
        start_screen,
        new_meeting_screen,
        meeting_screen,
        help_screen,
        choice_dialog,
        entry_history_dialog,
        actions_screen,
        action_dialogs,
        capture_bar,
        entry_pane,
        entry_editor,
        attendance_screen,
        review_screen,
        search_screen,
        subject_history_dialog,
        agenda_pane,
    ]
    missing = []
    for module in modules:
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__:
                continue
            for binding in cls.__dict__.get("BINDINGS", []):  # its own keys
                if not isinstance(binding, Binding):
                    continue
                for key in binding.key.split(","):
                    if _key_words(key) not in documented:
                        missing.append(f"{cls.__name__}: {key}")
    assert missing == []
