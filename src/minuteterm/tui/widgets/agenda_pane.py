"""The agenda pane: items in order, the current one marked, with times."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...model import AgendaItem
from ..entry_text import item_content


class AgendaPane(Vertical):
    """Lists the agenda; Enter on an item makes it current."""

    DEFAULT_CSS = """
    AgendaPane {
        border: round $primary 50%;
        border-title-color: $text;
        &:focus-within { border: round $accent; }
        OptionList { border: none; height: 1fr; padding: 0; background: transparent; }
    }
    """

    @dataclass
    class ItemChosen(Message):
        """The clerk chose an item to make current."""

        item_id: int

    def compose(self) -> ComposeResult:
        yield OptionList(id="agenda-list")

    def on_mount(self) -> None:
        self.border_title = "Agenda"

    def show(self, items: list[AgendaItem], current_id: int | None) -> None:
        """Render the items (from the database), keeping the highlight."""
        options = self.query_one(OptionList)
        highlighted = options.highlighted_option
        keep = highlighted.id if highlighted else f"i{current_id}"
        options.set_options(
            Option(item_content(item, current=item.id == current_id), id=f"i{item.id}")
            for item in items
        )
        ids = [f"i{item.id}" for item in items]
        if keep in ids:
            options.highlighted = ids.index(keep)

    @on(OptionList.OptionSelected, "#agenda-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.ItemChosen(int(event.option.id[1:])))
