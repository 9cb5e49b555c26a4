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

from textual import events, on
from textual.geometry import Region, Size
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from minuteterm.tui.widgets.pane_scrollbar import PaneScrollBar
from minuteterm.tui.widgets.row_memo import RowMemo

_OPTION = "option-list--option"


class PaneLines(OptionList):
    """An :class:`OptionList` that draws its lines with per-frame bookkeeping,
    and keeps its finished rows by the lines they show."""

    _frame: dict[str, Any] | None = None
    #: The width the line cache was wrapped to (``None``: nothing wrapped).
    _wrapped_width: int | None = None
    #: The empty line's width and style, and the strip drawn for them.
    _kept_blank: tuple[tuple[int, Any], Strip] | None = None

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

    def _update_lines(self) -> None:
        if self._line_cache.lines:
            super()._update_lines()
            return
        # wrapping from the first option: note the width it is wrapped to
        # (unless the scrollbar came with these lines, and they were wrapped
        # again, narrower, before this call ended: that width is noted)
        width = self.scrollable_content_region.width
        self._wrapped_width = None  # set_options empties the lines without a word
        super()._update_lines()
        if self._wrapped_width is None and self._line_cache.lines:
            self._wrapped_width = width

    def watch_show_vertical_scrollbar(self, _shown: bool) -> None:
        """The scrollbar came or went: wrap the options again to the width
        left beside it (Textual wraps them again only on a resize, so the
        bar covered the last column of every option wrapped before it)."""
        self._wrap_again()

    def _wrap_again(self) -> None:
        """Wrap to the width now, and once more when the layout has settled
        (on a busy machine the width is only known after the next refresh)."""
        self._rewrap()
        self.call_after_refresh(self._rewrap)

    def _rewrap(self) -> None:
        """Wrap the options to the width the pane has now, if they are not."""
        if not self.wrapped_to_width():
            self._clear_caches()
            self._update_lines()

    def _clear_caches(self) -> None:
        self._wrapped_width = None
        super()._clear_caches()

    def wrapped_to_width(self) -> bool:
        """Whether the options are wrapped to the width the pane has now."""
        return bool(self._line_cache.lines) and (
            self._wrapped_width == self.scrollable_content_region.width
        )

    @on(events.Resize)
    def _wrap_only_to_a_new_width(self, event: events.Resize) -> None:
        """Textual wraps every option again on any resize. The first layout
        resizes every pane from nothing to the size its first frame was
        already drawn at, and a resize may change the height alone: wrapped
        again, the rows were the same, but each was drawn again in the frame
        after (on opening a meeting, a whole frame of the panes' rows)."""
        if self.wrapped_to_width():
            event.prevent_default()  # OptionList's handler would wrap again

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        first = not self._size
        resized = super()._size_updated(size, virtual_size, container_size, layout)
        if first and self.scrollable_content_region:
            # Placed for the first time: wrap to the width, and bring the
            # highlighted row (a following pane's newest) into view now,
            # before the first frame is drawn. Textual does that when the
            # Show event comes, after that frame: the first frame showed the
            # top of each pane and the next one scrolled it.
            PaneLines._rewrap(self)  # the wrapping alone: placed next
            self._update_lines()
            self.bring_into_view()
        return resized

    def insert_options(self, at: int, new: list[Option]) -> None:
        """Put ``new`` options before the option at index ``at``, keeping
        every option before it as it was drawn. (Textual can only add at the
        end, or set every option again: a response to an earlier question,
        or a line in an earlier item, wrapped and drew every row of the
        pane again.) The rows from ``at`` on are drawn again: each drawn
        row carries its option's index, which a click reads."""
        options = self._options
        options[at:at] = new
        self._option_to_index = {option: index for index, option in enumerate(options)}
        for option in new:
            if option.id is not None:
                self._id_to_option[option.id] = option
        moved = set(options[at:])
        cache = self._option_render_cache
        for key in [key for key in cache.keys() if key[0] in moved]:  # noqa: SIM118 (no iter)
            cache.discard(key)
        # the line index up to the first moved option stays; the rest is made again
        lines = self._line_cache
        keep = lines.index_to_line.get(at, len(lines.lines)) if at < len(lines.heights) else None
        if keep is None or not self.wrapped_to_width():
            self._clear_caches()
        else:
            del lines.lines[keep:]
            for index in range(at, len(options)):
                lines.heights.pop(index, None)
                lines.index_to_line.pop(index, None)
            self.refresh()
        self._update_lines()

    def bring_into_view(self) -> None:
        """Scroll to what the pane is there to show: its highlighted row."""
        self.scroll_to_highlight()

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
            return self._blank()
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
            return self._blank()

    def _blank(self) -> Strip:
        """The pane's empty line below its last option: one strip for as long
        as the width and look stay, so the row finished around it is kept
        (:class:`RowMemo` keeps rows by their line; a new blank strip for each
        empty row had every row under a short list finished again, each
        frame the pane was drawn in)."""
        frame: dict[str, Any] = self._frame  # type: ignore[assignment]
        key = (frame["width"], self._style("").rich_style)
        kept = self._kept_blank
        if kept is None or kept[0] != key:
            kept = self._kept_blank = (key, Strip.blank(*key))
        return kept[1]
