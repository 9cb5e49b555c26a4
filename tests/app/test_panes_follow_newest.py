"""Every pane the clerk is not in follows its newest entry: its last words
are on screen, also in a narrow pane where long entries bring a scrollbar
and are wrapped again beside it (more lines, so the end moves)."""

from __future__ import annotations

import pytest

from minuteterm.db.store import Store
from minuteterm.tui.app import MinuteTermApp
from minuteterm.tui.widgets.entry_pane import EntryPane
from tests.app.test_snapshots import long_meeting


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40)])
async def test_panes_show_their_newest_words(store: Store, size: tuple[int, int]) -> None:
    app = MinuteTermApp(store, long_meeting(store))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        panes = [pane for pane in app.screen.query(EntryPane) if not pane.has_focus]
        # the check means something: the minute pane at least has more than it shows
        assert any(pane.max_scroll_y > 0 for pane in panes)
        for pane in panes:
            # within a bounded number of frames the pane is at its end
            for _frame in range(20):
                if pane.scroll_y >= pane.max_scroll_y:
                    break
                await pilot.pause()
            assert pane.scroll_y >= pane.max_scroll_y, (
                f"{pane.border_title} at {size}: scrolled to {pane.scroll_y} of "
                f"{pane.max_scroll_y}, its newest words out of sight"
            )
