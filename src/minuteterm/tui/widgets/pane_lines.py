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
(on the archive, most of a capture's frame). A
:class:`~minuteterm.tui.widgets.row_memo.RowMemo` also keeps them by the
option line they were made from, so a row that only moved is taken as it
was; the pane's scrollbar is a
:class:`~minuteterm.tui.widgets.pane_scrollbar.PaneScrollBar`, which keeps
its rows the same way.

It reads ``OptionList`` internals (its line cache and option-render cache)
and extends Textual's line cache, so it is tied to the Textual version
``pyproject.toml`` allows; the meeting screen's snapshots would show any
difference in what it draws, and ``tests/app/test_pane_rows.py`` compares
every row with Textual's own drawing as panes scroll, gain lines, change
focus and highlight.
"""

from __future__ import annotations

from typing import Any

from textual.geometry import Region
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget
from textual.widgets import OptionList

from minuteterm.tui.widgets.pane_scrollbar import PaneScrollBar
from minuteterm.tui.widgets.row_memo import RowMemo

_OPTION = "option-list--option"


class PaneLines(OptionList):
    """An :class:`OptionList` that draws its lines with per-frame bookkeeping,
    and keeps its finished rows by the lines they show."""

    _frame: dict[str, Any] | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._styles_cache = RowMemo()

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """The pane's vertical scrollbar (a :class:`PaneScrollBar`, made as
        Textual makes its own the first time it is asked for)."""
        if self._vertical_scrollbar is None:
            bar = PaneScrollBar(
                vertical=True, name="vertical", thickness=self.scrollbar_size_vertical
            )
            bar.display = False
            self._vertical_scrollbar = bar
            self.app._start_widget(self, bar)
        return self._vertical_scrollbar

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

    def draw_ahead(self) -> None:
        """Draw the highlighted option as it looks without the highlight,
        into the option-render cache ``render_line`` takes it from: a pane
        that follows its newest row moves the highlight off it when the next
        line comes, and that frame then finds the row drawn."""
        index = self.highlighted
        if index is None or not self.is_mounted or not self.scrollable_content_region:
            return
        try:
            option = self.options[index]
        except IndexError:
            return
        if not option.disabled:
            self._get_option_render(option, self.get_visual_style(_OPTION))

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
