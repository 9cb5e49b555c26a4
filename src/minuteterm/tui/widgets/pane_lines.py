"""An option list that works out once per frame what each of its lines needs.

Textual's ``OptionList.render_line`` works out, for every line it draws, the
pane's scrollable region, its gutter, the option padding and styles, and
brings its line index up to date (each a chain of style lookups). A pane
following a running minute scrolls by a line or more on each entry, so every
visible line is drawn again after each line the clerk enters: on the archive
this per-line bookkeeping was more than half of the time to draw the minute.
:class:`PaneLines` does it once per ``render_lines`` call and draws each line
from the same cache of rendered options, so what it draws is identical.

Around each option line Textual then draws the row: the pane's border,
padding, background and effects. It keeps finished rows by their place in
the pane, so when the pane scrolls by a line every row is finished again
(on the archive, most of a capture's frame). :class:`_RowMemo` also keeps
them by the option line they were made from, so a row that only moved is
taken as it was.

It reads ``OptionList`` internals (its line cache and option-render cache)
and extends Textual's line cache, so it is tied to the Textual version
``pyproject.toml`` allows; the meeting screen's snapshots would show any
difference in what it draws, and ``tests/app/test_pane_rows.py`` compares
every row with Textual's own drawing as panes scroll, gain lines, change
focus and highlight.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual._styles_cache import StylesCache
from textual.color import Color
from textual.css.styles import StylesBase
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget
from textual.widgets import OptionList

_OPTION = "option-list--option"


class _RowMemo(StylesCache):
    """Textual's line cache for one pane, which also keeps each finished
    content row by the option line it was made from.

    A content row (between the top and bottom edges) is its option line
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


class PaneLines(OptionList):
    """An :class:`OptionList` that draws its lines with per-frame bookkeeping,
    and keeps its finished rows by the lines they show."""

    _frame: dict[str, Any] | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._styles_cache = _RowMemo()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._update_lines()
        self._frame = {
            "lines": self._line_cache.lines,
            "top": self.scroll_offset.y,
            "width": self.scrollable_content_region.width,
            "padding": self.get_component_styles(_OPTION).padding,
            "highlighted": self.highlighted,
            "hover": self._mouse_hovering_over,
            "styles": {},
        }
        try:
            return Widget.render_lines(self, crop)
        finally:
            self._frame = None

    def _style(self, component_class: str) -> Style:
        styles: dict[str, Style] = self._frame["styles"]  # type: ignore[index]
        style = styles.get(component_class)
        if style is None:
            style = styles[component_class] = (
                self.get_visual_style(_OPTION, component_class)
                if component_class
                else self.get_visual_style(_OPTION)
            )
        return style

    def render_line(self, y: int) -> Strip:
        frame = self._frame
        if frame is None:
            return super().render_line(y)
        try:
            option_index, line_offset = frame["lines"][frame["top"] + y]
            option = self.options[option_index]
        except IndexError:
            return Strip.blank(frame["width"], self._style("").rich_style)
        if option.disabled:
            component_class = "option-list--option-disabled"
        elif frame["highlighted"] == option_index:
            component_class = "option-list--option-highlighted"
        elif frame["hover"] == option_index:
            component_class = "option-list--option-hover"
        else:
            component_class = ""
        style = self._style(component_class)
        strips = self._option_render_cache.get((option, style, frame["padding"]))
        if strips is None:
            strips = self._get_option_render(option, style)
        try:
            return strips[line_offset]
        except IndexError:
            return Strip.blank(frame["width"], self._style("").rich_style)
