"""Textual's line cache for one widget, which also keeps finished rows by
the content line they were made from.

Around each content line Textual draws the row: the widget's border,
padding, background and effects. It keeps finished rows by their place in
the widget, so when a pane scrolls by a line, or a scrollbar's thumb moves,
every row is finished again. :class:`RowMemo` also keeps them by the content
line they were made from, so a row that only moved is taken as it was. It
extends Textual's ``StylesCache``, so it is tied to the Textual version
``pyproject.toml`` allows (see ``tests/app/test_pane_rows.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual._styles_cache import StylesCache
from textual.color import Color
from textual.css.styles import StylesBase
from textual.geometry import Size
from textual.strip import Strip


class RowMemo(StylesCache):
    """Textual's line cache for one widget (a pane, a pane's scrollbar),
    which also keeps each finished content row by the content line it was
    made from.

    A content row (between the top and bottom edges) is its content line
    with the border, padding, background and effects around it, all of
    which :meth:`render` collects once per render as the row state; rows
    are forgotten whenever the state changes. Edge rows (borders, padding,
    outline, the title) are drawn by Textual as before.
    """

    #: Rows kept at most (a few screens of one pane); then they start again.
    LIMIT = 512

    def __init__(self) -> None:
        super().__init__()
        self._rows: dict[int, tuple[Strip, Strip]] = {}
        self._row_state: tuple[Any, ...] | None = None

    def render(
        self,
        styles: StylesBase,
        size: Size,
        base_background: Color,
        background: Color,
        *args: Any,
        **kwargs: Any,
    ) -> list[Strip]:
        state = (
            size,
            base_background,
            background,
            styles.gutter,
            styles.border,
            styles.outline,
            styles.text_opacity,
            styles.tint,
            styles.hatch if styles.has_rule("hatch") else None,
            # content size, padding, opacity, ANSI theme: all but the crop
            tuple((name, value) for name, value in kwargs.items() if name != "crop"),
        )
        if state != self._row_state:
            self._rows.clear()
            self._row_state = state
        return super().render(styles, size, base_background, background, *args, **kwargs)

    def render_line(self, styles: StylesBase, y: int, size: Size, *rest: Any) -> Strip:
        # rest: content size, padding, backgrounds, the content line's
        # callable, then the edges' labels and effects (Textual's order)
        content_size: Size = rest[0]
        render_content_line: Callable[[int], Strip] = rest[4]
        content_y = y - styles.gutter.top
        if (
            y == 0
            or y >= size.height - 1
            or content_y < 0
            or y >= size.height - styles.gutter.bottom
            or content_y >= content_size.height
        ):  # an edge row, or none of the content's
            return super().render_line(styles, y, size, *rest)
        line = render_content_line(content_y)
        kept = self._rows.get(id(line))
        if kept is not None and kept[0] is line:
            return kept[1]
        given = list(rest)
        given[4] = lambda _y: line  # the same line, not drawn again
        row = super().render_line(styles, y, size, *given)
        if len(self._rows) >= self.LIMIT:
            self._rows.clear()
        self._rows[id(line)] = (line, row)
        return row
