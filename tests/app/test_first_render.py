"""The first screen is rendered once, for the frame the clerk sees.

Textual holds every repaint while the app itself is mounting. A screen
pushed from inside that (from the app's ``on_mount``) was mounted, laid out
and rendered whole inside the hold, the render thrown away, and rendered
again once the hold ended: ~40 ms of a meeting's start. The app now pushes
its first screen just after its own mount, so every render of it can reach
the terminal. Checked for both first screens (a meeting opened directly,
and the list of meetings), through the real app.
"""

from __future__ import annotations

import pytest
from textual.app import App

from minuteterm.db.store import Store
from minuteterm.recording.recorder import Recorder
from minuteterm.tui.app import MinuteTermApp
from minuteterm.tui.screens.meeting_screen import MeetingScreen
from minuteterm.tui.screens.start_screen import StartScreen
from tests.app.test_capture_redraw import planning_meeting
from tests.app.test_repaint import Cells, TerminalCopy
from tests.fixtures_meeting import build_fixed_meeting


def _watch_renders(
    app: App[None], screen_type: type, monkeypatch: pytest.MonkeyPatch
) -> list[bool]:
    """For each render of a ``screen_type`` screen, whether Textual was
    holding repaints (so the render could not be shown)."""
    held: list[bool] = []
    original = screen_type._compositor_refresh

    def counted(screen) -> None:  # type: ignore[no-untyped-def]
        held.append(bool(app._batch_count))
        original(screen)

    monkeypatch.setattr(screen_type, "_compositor_refresh", counted)
    return held


async def _first_renders(
    app: MinuteTermApp, screen_type: type, monkeypatch: pytest.MonkeyPatch
) -> list[bool]:
    held = _watch_renders(app, screen_type, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(50):  # bounded: the screen's first frames
            if isinstance(app.screen, screen_type) and held:
                break
            await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, screen_type)
    return held


async def test_a_meeting_opened_directly_is_never_rendered_to_be_thrown_away(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id = build_fixed_meeting(store)
    app = MinuteTermApp(store, meeting_id=meeting_id)
    held = await _first_renders(app, MeetingScreen, monkeypatch)
    assert held and not any(held), f"renders inside the start-up hold: {held}"


async def test_the_list_of_meetings_is_never_rendered_to_be_thrown_away(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_fixed_meeting(store)
    held = await _first_renders(MinuteTermApp(store), StartScreen, monkeypatch)
    assert held and not any(held), f"renders inside the start-up hold: {held}"


# --- the first frame is the screen as it stays ------------------------------

SCROLLBAR = str.maketrans({glyph: " " for glyph in "▁▂▃▄▅▆▇█"})


def _words(cells: Cells, size: tuple[int, int]) -> list[str]:
    """The characters on screen, row by row (scrollbar thumbs as spaces:
    Textual places a pane's scrollbar in the layout after the one that
    finds the pane needs one, a frame later)."""
    width, height = size
    return [
        "".join(cells.get((x, y), (" ", None))[0] for x in range(width)).translate(SCROLLBAR)
        for y in range(height)
    ]


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_first_frame_shows_the_meeting_as_it_stays(
    store: Store, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    """Opened on a meeting whose side panes hold more than they show, the
    first frame already has the header and the key line fitted to the
    width, the layout for that width, and every pane at its newest row. It
    used to show the header and keys cut off at the edge, a wide layout at
    80 columns, and the top of each side pane; the next frame moved them."""
    meeting_id = planning_meeting(store)
    recorder = Recorder(store, meeting_id)
    for line in ["/item 3", *(f"! Lyle: report on depot bid {n} by 5 January" for n in range(12))]:
        recorder.apply(line)  # the exempt item, with more actions than fit
    for n in range(8):
        recorder.apply(f"= Resolved that bid {n} be noted")
        recorder.apply(f"? Hale: when will bid {n} be valued")
    app = MinuteTermApp(store, meeting_id)
    terminal = TerminalCopy(app)
    terminal.attach(monkeypatch)
    first: list[str] = []
    async with app.run_test(size=size) as pilot:
        for _ in range(50):  # bounded: until the meeting's first frame
            if terminal.updates:
                break
            await pilot.pause()
        first = _words(terminal.cells, size)
        await pilot.pause()
        await pilot.pause()
        settled = _words(terminal.cells, size)
        terminal.assert_as_textual_draws_it("settled")
        actions = app.screen.query_one("#actions").region
    assert terminal.updates and first, "the meeting screen was drawn"
    differ = [y for y in range(size[1]) if first[y] != settled[y]]
    assert not differ, "\n".join(
        f"row {y}:\n first:   {first[y]!r}\n settled: {settled[y]!r}" for y in differ
    )
    in_actions = "".join(
        row[actions.x : actions.right] for row in first[actions.y : actions.bottom]
    )
    assert "11(by5January2027)" in in_actions.replace(" ", "")  # the newest action's end
