"""What a clerk needs stays on screen at 80×24: the quorum and the status in
the header, the keys that open screens on the key line, every word of F1,
Status and Latest update on the action sheet; the update dialog takes the
first key typed into its first field and names its save key and the chosen
status in words; below the smallest size the meeting screen says so."""

from __future__ import annotations

import pendulum
from textual.content import Content
from textual.widgets import DataTable, Input, RadioButton, Static

from minuteterm.db.store import Store
from minuteterm.formal.committees import Settings, configure
from minuteterm.model import AttendanceStatus, NewItem, PersonKind
from minuteterm.recording.meetings import create_meeting
from minuteterm.tui.app import MinuteTermApp
from minuteterm.tui.screens.action_dialogs import ActionUpdateDialog
from minuteterm.tui.screens.actions_screen import ActionsScreen
from minuteterm.tui.screens.help_screen import HelpScreen
from minuteterm.tui.widgets.key_hints import KeyHints, fit_keys
from minuteterm.tui.widgets.meeting_header import MeetingHeader, fit_line
from tests.app.test_actions_screen import meeting_with_actions, table_rows

COMMITTEE = "Housing and Communities Scrutiny Committee"


def inquorate_meeting(store: Store) -> int:
    """A meeting with a long title and venue, two of a quorum of four present."""
    meeting = create_meeting(
        store,
        COMMITTEE,
        pendulum.datetime(2026, 12, 14, 18, 30, tz="Europe/London"),
        venue="Committee Room 1, Westmere Civic Centre, Market Square",
        agenda=[NewItem("Apologies for absence"), NewItem("Damp and mould")],
    )
    configure(store, COMMITTEE, Settings(quorum=4))
    for name in ("Cllr Priya Anand", "Cllr Rhys Caddick"):
        store.add_attendee(meeting, name, PersonKind.MEMBER, AttendanceStatus.PRESENT)
    return meeting


def test_the_header_gives_way_venue_first_and_keeps_quorum_and_status() -> None:
    pieces = [
        (2, Content("A Very Long Committee Name Indeed")),
        (3, Content("Mon 14 Dec 2026 18:30")),
        (5, Content("Committee Room 1, Civic Centre")),
        (4, Content("elapsed 00:12")),
        (1, Content(" BELOW QUORUM: 2 of 4 ")),
        (0, Content(" LIVE ")),
    ]
    wide = fit_line(pieces, 200).plain
    assert "Committee Room 1" in wide and "BELOW QUORUM" in wide
    narrow = fit_line(pieces, 70).plain
    assert "Committee Room 1" not in narrow and "elapsed" not in narrow
    assert narrow.endswith("BELOW QUORUM: 2 of 4   ·   LIVE ")
    assert len(narrow) <= 70
    tiny = fit_line(pieces, 40).plain
    assert "BELOW QUORUM: 2 of 4" in tiny and "LIVE" in tiny


def test_the_key_line_keeps_whole_keys_screen_keys_first() -> None:
    parts = [(1, Content(" f2 Note ")), (1, Content(" f3 Question ")), (0, Content(" f7 Attend "))]
    assert [part.plain for part in fit_keys(parts, 22)] == [" f2 Note ", " f7 Attend "]
    assert [part.plain for part in fit_keys(parts, 100)] == [part.plain for _r, part in parts]


async def test_at_80_by_24_the_header_and_key_line_show_what_matters(store: Store) -> None:
    meeting = inquorate_meeting(store)
    app = MinuteTermApp(store, meeting)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        header = str(app.screen.query_one(MeetingHeader).render())
        assert "BELOW QUORUM: 2 of 4" in header
        assert "DRAFT" in header or "LIVE" in header
        assert "Westmere" not in header  # the venue gave way
        keys = str(app.screen.query_one(KeyHints).render())
        for key in ("f7 Attendance", "f8 Review", "^a Actions", "^l Meetings"):
            assert key in keys
        assert "…" not in keys  # whole keys, none cut
    app = MinuteTermApp(store, meeting)
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.pause()
        assert "Westmere" in str(app.screen.query_one(MeetingHeader).render())


async def test_below_the_smallest_size_the_meeting_screen_says_so(store: Store) -> None:
    meeting = inquorate_meeting(store)
    app = MinuteTermApp(store, meeting)
    async with app.run_test(size=(50, 20)) as pilot:
        await pilot.pause()
        assert app.screen.has_class("-too-small")
        words = str(app.screen.query_one("#too-small", Static).render())
        assert "50×20" in words and "72×18" in words
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not app.screen.has_class("-too-small")
        assert app.screen.query_one("#minute").region.width >= 30


async def test_help_wraps_every_description_at_80_columns(store: Store) -> None:
    app = MinuteTermApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        tall = [row for row in table.rows.values() if row.height > 1]
        assert tall, "long descriptions wrap onto a second line"


async def test_the_sheet_keeps_status_and_latest_update_at_80_columns(store: Store) -> None:
    meeting_with_actions(store)
    app = MinuteTermApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+a")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)
        table = app.screen.query_one(DataTable)
        headings = [str(column.label) for column in table.columns.values()]
        assert headings[-2:] == ["Status", "Latest update"]
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert {row[-2] for row in table_rows(app)} <= {"open", "overdue", "done", "dropped"}


async def test_the_update_dialog_takes_the_first_key_and_names_its_keys(store: Store) -> None:
    meeting_with_actions(store)
    app = MinuteTermApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+a")
        await pilot.pause()
        await pilot.press("u", "c", "h", "a", "s", "e", "d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ActionUpdateDialog)
        assert dialog.query_one("#note", Input).value == "chased"
        keys = str(dialog.query_one(".keys", Static).render())
        assert "Ctrl+S" in keys and "Esc" in keys
        labels = [str(button.label) for button in dialog.query(RadioButton)]
        assert labels == ["open (now)", "done", "dropped"]
        await pilot.press("tab", "right", "enter")  # to the status: done
        await pilot.pause()
        labels = [str(button.label) for button in dialog.query(RadioButton)]
        assert labels == ["open", "done (chosen)", "dropped"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)
        assert "done" in [row[-2] for row in table_rows(app)]
        assert "chased" in [row[-1] for row in table_rows(app)]


async def test_the_terminal_closing_as_a_meeting_opens_still_exits(store: Store) -> None:
    # SIGTERM between "meeting created" and "meeting screen drawn" used to
    # raise in the signal handler (no capture bar to read yet), so the app
    # never exited and had to be killed.
    from minuteterm.tui.screens.meeting_screen import MeetingScreen

    meeting = inquorate_meeting(store)
    app = MinuteTermApp(store)
    exits: list[int | None] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        real_exit = app.exit
        app.exit = lambda *args, return_code=0, **kwargs: exits.append(return_code)  # type: ignore[method-assign]
        app.push_screen(MeetingScreen(store, meeting))
        assert not app.screen.is_mounted  # pushed, not drawn yet
        app.stop_cleanly()
        assert exits == [0]
        await pilot.pause()
        app.exit = real_exit  # type: ignore[method-assign]


async def test_every_row_fills_the_width_with_characters(store: Store) -> None:
    """Each row of the meeting screen holds as many cells of characters as
    the terminal is wide, whatever the header gives way to: a row that only
    claims its width leaves an earlier screen's letters at its end in a real
    terminal (the header once ended "CLOSED     re")."""
    from rich.cells import cell_len

    from minuteterm.recording.recorder import Recorder

    meeting = inquorate_meeting(store)
    app = MinuteTermApp(store, meeting)
    async with app.run_test(size=(120, 40)) as pilot:
        for step in ("draft", "Anand: opened the meeting", "/end"):
            if step != "draft":
                Recorder(store, meeting).apply(step)
                app.screen.refresh_panes()  # type: ignore[attr-defined]
            for width, height in ((120, 40), (100, 30), (80, 24)):
                await pilot.resize_terminal(width, height)
                await pilot.pause()
                rows = app.screen._compositor.render_strips()
                assert len(rows) == height
                for y, row in enumerate(rows):
                    cells = sum(cell_len(segment.text) for segment in row)
                    assert cells == width, (
                        f"after {step!r} at {width}x{height}, row {y} has {cells} cells: "
                        f"{''.join(segment.text for segment in row)!r}"
                    )


async def test_after_a_resize_the_minute_still_shows_the_newest_words(store: Store) -> None:
    """The running minute follows its newest entry; a resize wraps every
    entry again, so its end moves: the newest entry's last words must still
    be on screen (they were cut off until the next line was entered)."""
    from textual.geometry import Region

    from minuteterm.tui.widgets.capture_bar import CaptureBar
    from minuteterm.tui.widgets.entry_pane import MinutePane

    meeting = inquorate_meeting(store)
    app = MinuteTermApp(store, meeting)
    async with app.run_test(size=(80, 24)) as pilot:
        bar = app.screen.query_one(CaptureBar)
        for number in range(1, 12):
            bar.input.value = (
                f"Anand: point {number} on damp and mould in the tower blocks, "
                f"with the surveys due before the winter, ending {number}-end"
            )
            await pilot.press("enter")
        await pilot.pause()
        minute = app.screen.query_one(MinutePane)

        def shown() -> str:
            rows = minute.render_lines(Region(0, 0, *minute.region.size))  # border and all
            return "".join(segment.text for row in rows for segment in row)

        for width in (81, 80, 100, 79, 80):
            await pilot.resize_terminal(width, 24)
            for _frame in range(20):  # the layout settles over a few frames
                await pilot.pause()
                if "11-end" in shown():
                    break
            assert "11-end" in shown(), f"at {width} columns the newest words are cut off"
            assert minute.scroll_y == minute.max_scroll_y, f"at {width} columns"
