"""Every pane row is drawn exactly as Textual itself would draw it.

The panes keep finished rows by the option line they show (so a pane that
scrolls by a line takes its rows as they were instead of finishing each one
again). After each step a clerk takes (lines entered so the minute scrolls,
a highlight moved, focus moved between panes so borders change colour, the
window resized, the theme changed, an item left and come back to) every row
of every pane is compared with the same pane drawn afresh by Textual's own
line cache.
"""

from __future__ import annotations

from textual._styles_cache import StylesCache
from textual.geometry import Offset, Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets.option_list import Option

from minuteterm.db.store import Store, open_store
from minuteterm.recording.recorder import Recorder
from minuteterm.tui.app import MinuteTermApp
from minuteterm.tui.screens.meeting_screen import MeetingScreen
from minuteterm.tui.widgets.entry_pane import MinutePane
from minuteterm.tui.widgets.pane_lines import PaneLines
from minuteterm.tui.widgets.pane_scrollbar import PaneScrollBar
from tests.app.test_capture_redraw import enter, planning_meeting


def _rows(pane: Widget) -> list[list[tuple[str, object]]]:
    # the whole widget, border and scrollbar gutter included (``size`` is
    # the content area only: it left out the last rows and columns)
    strips = pane.render_lines(Region(0, 0, *pane.region.size))
    return [[(segment.text, segment.style) for segment in strip] for strip in strips]


def assert_rows_as_textual_draws_them(pilot: Pilot) -> int:
    """Compare every pane's rows with a fresh draw; how many were compared."""
    compared = 0
    for pane in pilot.app.screen.query(PaneLines):
        if not pane.display or not pane.size.area:
            continue
        ours = _rows(pane)
        kept = pane._styles_cache
        pane._styles_cache = StylesCache()
        try:
            theirs = _rows(pane)
        finally:
            pane._styles_cache = kept
        assert ours == theirs, f"{type(pane).__name__} rows differ from Textual's"
        compared += len(ours)
        bar = pane._vertical_scrollbar
        if bar is not None and bar.display and bar.size.area:
            assert isinstance(bar, PaneScrollBar)
            compared += assert_bar_as_textual_draws_it(bar)
    return compared


def assert_bar_as_textual_draws_it(bar: PaneScrollBar) -> int:
    """Compare a pane's scrollbar with the same bar drawn whole by Textual
    (its own line cache, and every row rendered through Rich afresh)."""
    ours = _rows(bar)
    kept = bar._styles_cache
    bar._styles_cache = StylesCache()
    bar.render_line = lambda y: Widget.render_line(bar, y)  # type: ignore[method-assign]
    bar._dirty_regions.add(bar.size.region)  # drawn whole, not from an old draw
    try:
        theirs = _rows(bar)
    finally:
        bar._styles_cache = kept
        del bar.render_line
    assert ours == theirs, "the scrollbar's rows differ from Textual's"
    return len(ours)


async def test_rows_match_textual_as_a_meeting_is_minuted(store: Store) -> None:
    meeting_id = planning_meeting(store)
    app = MinuteTermApp(store, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert assert_rows_as_textual_draws_them(pilot) > 40
        await enter(pilot, "/item 2")
        for number in range(1, 45):  # more than the minute's height: it scrolls
            kind = ("", "? Hale: ", "> Head of Planning: ", "= Resolved that ")[number % 4]
            await enter(pilot, f"{kind}point {number} about the Mill Lane scheme")
            if number % 5 == 0:
                assert_rows_as_textual_draws_them(pilot)
        assert_rows_as_textual_draws_them(pilot)
        bar = app.screen.query_one(MinutePane).vertical_scrollbar
        assert bar.display, "the minute scrolls: its bar is shown"
        for mouse_over, grabbed in ((True, None), (True, Offset(0, 3)), (False, None)):
            bar.mouse_over, bar.grabbed = mouse_over, grabbed  # pointed at, dragged
            await pilot.pause()
            assert_bar_as_textual_draws_it(bar)

        await pilot.press("shift+tab")  # focus into the panes: borders change colour
        await pilot.pause()
        assert_rows_as_textual_draws_them(pilot)
        for key in ("up", "up", "pageup", "home", "down"):
            await pilot.press(key)
            await pilot.pause()
            assert_rows_as_textual_draws_them(pilot)
        await pilot.press("tab")
        await pilot.pause()
        assert_rows_as_textual_draws_them(pilot)

        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert_rows_as_textual_draws_them(pilot)
        app.theme = "textual-light"
        await pilot.pause()
        assert_rows_as_textual_draws_them(pilot)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert_rows_as_textual_draws_them(pilot)

        await pilot.resize_terminal(120, 40)
        await enter(pilot, "/item 1")
        assert_rows_as_textual_draws_them(pilot)
        await enter(pilot, "/item 2")
        await enter(pilot, "a last point")
        assert assert_rows_as_textual_draws_them(pilot) > 40


def assert_rows_as_if_set_anew(pane: PaneLines) -> None:
    """The pane's rows (each carrying its option's index, which a click
    reads) are those of the same options set anew, highlight and scroll
    kept: what Textual draws when every option is given again."""
    ours = _rows(pane)
    highlighted, scroll = pane.highlighted, pane.scroll_y
    pane.set_options([Option(option.prompt, id=option.id) for option in pane.options])
    pane.highlighted = highlighted
    pane.scroll_to(y=scroll, animate=False)
    kept = pane._styles_cache
    pane._styles_cache = StylesCache()  # nothing kept from before
    try:
        theirs = _rows(pane)
    finally:
        pane._styles_cache = kept  # the pane's own row memo, for the steps after
    assert theirs == ours, f"{type(pane).__name__} rows differ from a fresh draw"


async def test_rows_put_in_the_middle_are_drawn_as_if_set_anew(store: Store) -> None:
    """A response to no question stays under the questions; questions asked
    after it, and a resolution on an earlier item, go in above rows already
    drawn. Those rows are put in without drawing the rows above them again,
    and every row is then what a fresh draw of the pane gives, down to the
    option index a click reads; crossed with the exempt item and another
    window's lines."""
    meeting_id = planning_meeting(store)
    app = MinuteTermApp(store, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await enter(pilot, "/item 3")  # the exempt item
        await enter(pilot, "= Resolved that the depot be sold")
        await enter(pilot, "/item 2")
        await enter(pilot, "> Head of Planning: the report stands as written")
        questions = app.screen.query_one("#questions", PaneLines)
        resolutions = app.screen.query_one("#resolutions", PaneLines)
        for number in range(1, 9):
            await enter(pilot, f"? Hale: question {number} on the scheme")
            await enter(pilot, f"> Head of Planning: answer {number}")
            await pilot.pause()
            texts = questions.plain_lines()  # type: ignore[attr-defined]
            assert texts[-1].startswith("(no question)"), texts[-3:]
            assert_rows_as_if_set_anew(questions)
        other = open_store(store.path)  # a second window asks one too
        try:
            Recorder(other, meeting_id).apply("? Grey: and one from the chair")
        finally:
            other.close()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        screen._watch_database()  # its look for other writers, now
        await pilot.pause()
        assert "(no question)" in questions.plain_lines()[-1]  # type: ignore[attr-defined]
        assert_rows_as_if_set_anew(questions)
        kept = next(iter(questions._option_render_cache.keys()))
        await enter(pilot, "? Hale: one more on the scheme")
        assert questions._option_render_cache.get(kept) is not None, "rows above kept"
        await enter(pilot, "= Resolved that permission be granted")  # above item 3's
        await pilot.pause()
        shown = resolutions.plain_lines()  # type: ignore[attr-defined]
        assert "[2] RESOLVED" in shown[0] and "[3] RESOLVED" in shown[1], shown
        assert_rows_as_if_set_anew(resolutions)
        assert_rows_as_textual_draws_them(pilot)
