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
from minuteterm.tui.app import MinuteTermApp
from minuteterm.tui.screens.meeting_screen import MeetingScreen
from minuteterm.tui.screens.start_screen import StartScreen
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
