"""A pane's vertical scrollbar that keeps the rows it has drawn.

Textual draws a scrollbar whole, through Rich, whenever its thumb moves.
A pane following the running minute moves its thumb on every line the
clerk enters, so the minute's bar was drawn whole on every Enter (on the
archive, a fifth of the frame that shows the new line). Yet a bar's rows
are only ever a few kinds: the track above the thumb, the thumb, the track
below it, and the eighth-blocks at the thumb's two ends.

:class:`PaneScrollBar` asks Textual's own ``ScrollBarRender.render_bar``
which kind each row is (a list of segments, cheap to make), and keeps the
content row Textual drew for each kind; the finished rows (background,
effects) are kept by :class:`~minuteterm.tui.widgets.row_memo.RowMemo`.
A kind not seen before is drawn by Textual, whole, as before. So every row
is one Textual drew; ``tests/app/test_pane_rows.py`` compares each bar with
Textual's own drawing as panes scroll, gain lines, change theme and size.

It calls ``ScrollBarRender`` as ``ScrollBarRender.__rich_console__`` does,
so it is tied to the Textual version ``pyproject.toml`` allows.
"""

from __future__ import annotations

from typing import Any

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip

from minuteterm.tui.widgets.row_memo import RowMemo

#: ``ScrollBarRender``'s own colours for a style that has none.
_BACK = Color.parse("#555555")
_BAR = Color.parse("bright_magenta")


class PaneScrollBar(ScrollBar):
    """A vertical scrollbar that draws each kind of row once."""

    #: Content rows kept at most (a bar has a dozen kinds per look).
    LIMIT = 256

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._styles_cache = RowMemo()
        self._kinds: dict[tuple[Segment, object], Strip] = {}
        self._row_kinds: list[Segment] | None = None
        self._look: object = None
        self._drawing = self._kinds_known = False

    def render_lines(self, crop: Region) -> list[Strip]:
        self._drawing = True  # the rows' kinds are worked out if a row is drawn
        try:
            return super().render_lines(crop)
        finally:
            self._drawing = self._kinds_known = False
            self._row_kinds = None

    def _kinds_of_rows(self) -> list[Segment] | None:
        """Each row's segment, as Textual's renderer makes them; ``None``
        where Textual would draw something else (a horizontal bar, a
        renderer of another's, a screen with invisible scrollbars)."""
        if not self.vertical or self.parent is None:
            return None
        if self.screen.styles.scrollbar_color.a == 0:
            return None
        bar = self.render()
        if type(bar) is not ScrollBarRender or not isinstance(bar.style, Style):
            return None
        width, height = self.size
        rows = bar.render_bar(
            size=height,
            window_size=bar.window_size,
            virtual_size=bar.virtual_size,
            position=bar.position,
            vertical=True,
            thickness=width,
            back_color=bar.style.bgcolor or _BACK,
            bar_color=bar.style.color or _BAR,
        )
        return list(rows.segments)

    def render_line(self, y: int) -> Strip:
        if self._drawing and not self._kinds_known:
            self._row_kinds = self._kinds_of_rows()
            self._look = (self.size.width, self.visual_style)
            self._kinds_known = True
        rows = self._row_kinds
        if rows is None or y >= len(rows):
            return super().render_line(y)
        key = (rows[y], self._look)
        line = self._kinds.get(key)
        if line is None:
            if len(self._kinds) >= self.LIMIT:
                self._kinds.clear()
            line = self._kinds[key] = super().render_line(y)
        return line
