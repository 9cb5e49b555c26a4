"""The agenda pane: items in order, the current one marked, with times."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList

from ...model import AgendaItem
from ..entry_text import item_content
from .entry_pane import show_lines
from .local_size import local_virtual_size


class AgendaPane(OptionList):
    """Lists the agenda; Enter on an item makes it current."""

    virtual_size = local_virtual_size()

    DEFAULT_CSS = """
    AgendaPane {
        border: round $primary 50%;
        border-title-color: $text;
        height: 1fr;
        padding: 0;
        background: transparent;
        &:focus { border: round $accent; }
    }
    """

    BINDINGS = [Binding("h", "history", "Subject history", id="agenda.history")]

    @dataclass
    class ItemChosen(Message):
        """The clerk chose an item to make current."""

        item_id: int

    @dataclass
    class HistoryRequested(Message):
        """The clerk asked for the history of the highlighted item's subject."""

        item_id: int

    def action_history(self) -> None:
        """The history of the highlighted item's subject."""
        option = self.highlighted_option
        if option is not None and option.id:
            self.post_message(self.HistoryRequested(int(option.id[1:])))

    def on_mount(self) -> None:
        self.border_title = "Agenda"

    def show(self, items: list[AgendaItem], current_id: int | None) -> None:
        """Render the items (from the database), keeping the highlight."""
        highlighted = self.highlighted_option
        keep = highlighted.id if highlighted else f"i{current_id}"
        rows = [
            (item_content(item, current=item.id == current_id), f"i{item.id}") for item in items
        ]
        show_lines(self, rows)
        ids = [row_id for _content, row_id in rows]
        if keep in ids and self.highlighted != ids.index(keep):
            self.highlighted = ids.index(keep)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.ItemChosen(int(event.option.id[1:])))
