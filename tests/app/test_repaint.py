"""What the meeting screen sends the terminal leaves it showing exactly what
Textual would draw whole.

The meeting screen repaints each changed area on its own
(:mod:`minuteterm.tui.repaint`). These tests keep a copy of the terminal,
apply every update the screen sends to it as a terminal would (cursor moves,
then characters with their styles), and after each step compare the copy,
cell by cell, with Textual's render of the whole screen at that moment.

The steps cross what changes together on screen: lines of every kind in
the current item (minute, questions, actions, resolutions), new items, the
exempt item, a refusal several lines long, another window's writes, focus
and highlight moving through the panes, the scrollbar pointed at, an entry
edited, a dialog over the screen, resizes, a theme change and the meeting
closed; and signed minutes refusing a line, with the next meeting opened
over them and minuted.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.segment import ControlType
from rich.style import Style
from textual._compositor import LayoutUpdate
from textual.geometry import Region
from textual.pilot import Pilot

from minuteterm.db.store import Store, open_store
from minuteterm.recording.recorder import Recorder
from minuteterm.tui.app import MinuteTermApp
from minuteterm.tui.repaint import AreaCompositor, overlapping_groups
from minuteterm.tui.screens.meeting_screen import MeetingScreen
from minuteterm.tui.widgets.capture_bar import CaptureBar
from minuteterm.tui.widgets.entry_pane import MinutePane
from tests.app.test_capture_redraw import LINES, enter, planning_meeting

Cells = dict[tuple[int, int], tuple[str, Style | None]]


def apply(cells: Cells, update: Any, console: Console) -> None:
    """Apply one update to ``cells`` as a terminal would."""
    x = y = 0
    for segment in update.__rich_console__(console, console.options):
        if segment.control:
            for code in segment.control:
                if code[0] == ControlType.CURSOR_MOVE_TO:
                    x, y = code[1], code[2]
            continue
        if segment.text == "\n":
            x, y = 0, y + 1
            continue
        for character in segment.text:
            cells[x, y] = (character, segment.style)
            x += cell_len(character)


class TerminalCopy:
    """Every update the meeting screen's compositor makes, applied."""

    def __init__(self, app: MinuteTermApp) -> None:
        self.app = app
        self.cells: Cells = {}
        self.updates = 0
        self.partial = 0

    def attach(self, monkeypatch: Any) -> None:
        render_update = AreaCompositor.render_update

        def recorded(compositor: AreaCompositor, *args: Any, **kwargs: Any) -> Any:
            update = render_update(compositor, *args, **kwargs)
            if update is not None:
                apply(self.cells, update, self.app.console)
                self.updates += 1
                self.partial += not isinstance(update, LayoutUpdate)
            return update

        monkeypatch.setattr(AreaCompositor, "render_update", recorded)

    def assert_as_textual_draws_it(self, step: str) -> None:
        screen = self.app.screen
        assert isinstance(screen, MeetingScreen)
        compositor = screen._compositor
        whole: Cells = {}
        strips = compositor.render_strips()
        apply(
            whole,
            LayoutUpdate([[strip] for strip in strips], compositor.size.region),
            self.app.console,
        )
        differ = sorted(key for key in whole if self.cells.get(key) != whole[key])
        if differ:
            x, y = differ[0]
            row = "".join(
                self.cells.get((col, y), ("?", None))[0] for col in range(compositor.size.width)
            )
            want = "".join(
                whole.get((col, y), ("?", None))[0] for col in range(compositor.size.width)
            )
            raise AssertionError(
                f"after {step}: {len(differ)} cells differ, first at column {x}, row {y}\n"
                f"terminal: {row!r}\nTextual:  {want!r}"
            )


async def settled(pilot: Pilot) -> None:
    await pilot.pause()
    await pilot.pause()


async def test_every_update_leaves_the_terminal_as_textual_draws_it(
    store: Store, db_path, monkeypatch
) -> None:
    meeting_id = planning_meeting(store)
    app = MinuteTermApp(store, meeting_id)
    terminal = TerminalCopy(app)
    terminal.attach(monkeypatch)
    other = open_store(db_path)  # a second window
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settled(pilot)
            terminal.assert_as_textual_draws_it("opening")
            for line in LINES:
                await enter(pilot, line)
                await settled(pilot)
                terminal.assert_as_textual_draws_it(repr(line))
            for line in (f"? Hale: question {n} about the depot sale" for n in range(1, 30)):
                await enter(pilot, line)  # past the minute's height: it scrolls
            await settled(pilot)
            terminal.assert_as_textual_draws_it("a scrolling minute")

            await enter(pilot, "/item 99 " + "with a long tail of words " * 8)
            await settled(pilot)
            assert "Refused" in app.screen.query_one(CaptureBar).outcome_text
            terminal.assert_as_textual_draws_it("a long refusal")

            elsewhere = Recorder(other, meeting_id)
            elsewhere.apply("! Lyle: write to the applicant by 5 January")
            elsewhere.apply("= Resolved that the item be deferred")
            screen = app.screen
            assert isinstance(screen, MeetingScreen)
            screen._watch_database()  # its look for other writers, now
            await settled(pilot)
            terminal.assert_as_textual_draws_it("another window's lines")

            await pilot.press("shift+tab")  # into the panes
            await settled(pilot)
            terminal.assert_as_textual_draws_it("focus in a pane")
            for key in ("up", "up", "pageup", "home", "down", "end"):
                await pilot.press(key)
                await settled(pilot)
                terminal.assert_as_textual_draws_it(f"{key} in a pane")
            minute = screen.query_one(MinutePane)
            bar = minute.vertical_scrollbar
            await pilot.hover(MinutePane, offset=(bar.region.x - minute.region.x, 3))
            await settled(pilot)
            terminal.assert_as_textual_draws_it("the pointer on the scrollbar")
            await pilot.hover(MinutePane, offset=(2, 2))
            await settled(pilot)
            terminal.assert_as_textual_draws_it("the pointer on an entry")

            minute.focus()
            await pilot.press("e")  # edit the highlighted entry
            await settled(pilot)
            terminal.assert_as_textual_draws_it("the editor open")
            await pilot.press("escape")
            await settled(pilot)
            terminal.assert_as_textual_draws_it("the editor closed")

            await pilot.press("f1")  # help, over the screen, and back
            await settled(pilot)
            await pilot.press("escape")
            await settled(pilot)
            terminal.assert_as_textual_draws_it("back from help")

            for size in ((80, 24), (100, 30), (120, 40)):
                await pilot.resize_terminal(*size)
                await settled(pilot)
                terminal.assert_as_textual_draws_it(f"resized to {size}")
                await enter(pilot, f"a note typed at {size[0]} columns")
                await settled(pilot)
                terminal.assert_as_textual_draws_it(f"a line at {size}")
            app.theme = "textual-light"
            await settled(pilot)
            await enter(pilot, "> Head of Planning: answered in the light theme")
            await settled(pilot)
            terminal.assert_as_textual_draws_it("a line in another theme")

            await enter(pilot, "/end")
            await settled(pilot)
            terminal.assert_as_textual_draws_it("the meeting closed")
    finally:
        other.close()
    assert terminal.partial > 60, "the steps were drawn by partial updates"


def test_overlapping_areas_are_grouped_and_apart_ones_kept_apart() -> None:
    minute, bar = Region(30, 1, 44, 34), Region(71, 2, 2, 32)
    capture, outcome = Region(14, 35, 106, 3), Region(0, 38, 120, 1)
    side = Region(74, 1, 46, 17)
    groups = overlapping_groups([minute, bar, capture, outcome, side])
    assert sorted(groups) == sorted([minute, capture, outcome, side])
    # a region joining two groups joins them
    bridge = Region(70, 30, 10, 8)
    assert overlapping_groups([minute, side, capture, bridge]) == [Region(14, 1, 106, 37)]


async def test_an_approved_meeting_and_then_the_next_repaint_as_textual_draws_them(
    store: Store, monkeypatch
) -> None:
    """Crossed with approval and a second meeting: a line refused on signed
    minutes, then the next meeting opened over it and minuted, then back."""
    from minuteterm.formal.approval import approve
    from tests.app.test_capture_redraw import WHEN

    signed = planning_meeting(store, WHEN.subtract(weeks=4))
    recorder = Recorder(store, signed)
    for line in ("Grey: opened the meeting", "/next", "= Resolved that the plans be noted", "/end"):
        recorder.apply(line)
    following = planning_meeting(store)
    approve(store, following, store.items(following)[0].id)
    app = MinuteTermApp(store, signed)
    terminal = TerminalCopy(app)
    terminal.attach(monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        terminal.assert_as_textual_draws_it("the signed minutes opened")
        await enter(pilot, "Hale: a late addition")
        await settled(pilot)
        assert "approved" in app.screen.query_one(CaptureBar).outcome_text.casefold()
        terminal.assert_as_textual_draws_it("a line refused on signed minutes")
        app.open_meeting(following)
        await settled(pilot)
        terminal.assert_as_textual_draws_it("the next meeting opened")
        for line in LINES[:6]:
            await enter(pilot, line)
            await settled(pilot)
            terminal.assert_as_textual_draws_it(f"{line!r} in the next meeting")
        app.pop_screen()
        await settled(pilot)
        terminal.assert_as_textual_draws_it("back to the signed minutes")
