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

from minuteterm.db.store import Store
from minuteterm.tui.app import MinuteTermApp
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
