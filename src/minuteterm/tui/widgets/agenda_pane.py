"""The agenda pane: items in order, the current one marked, with times."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList

from minuteterm.model import AgendaItem
from minuteterm.tui.entry_text import item_content
from minuteterm.tui.widgets.entry_pane import show_lines
from minuteterm.tui.widgets.local_size import local_virtual_size
from minuteterm.tui.widgets.pane_lines import PaneLines


class AgendaPane(PaneLines):
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

    BINDINGS = [
        Binding("r", "import_report", "Import report", id="agenda.report"),
        Binding("h", "history", "Subject history", id="agenda.history"),
    ]

    @dataclass
    class ItemChosen(Message):
        """The clerk chose an item to make current."""

        item_id: int

    @dataclass
    class ReportRequested(Message):
        """The clerk wants to drop an officer report onto an item."""

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

    def show(
        self,
        items: list[AgendaItem],
        current_id: int | None,
        documents: Mapping[int, Sequence[tuple[str, bool]]] | None = None,
    ) -> None:
        """Render the items (from the database), each with its documents
        (title, restricted) under it, keeping the highlight."""
        highlighted = self.highlighted_option
        keep = highlighted.id if highlighted else f"i{current_id}"
        documents = documents or {}
        rows: list[tuple[Content, str | None]] = [
            (
                item_content(
                    item, current=item.id == current_id, documents=documents.get(item.id, ())
                ),
                f"i{item.id}",
            )
            for item in items
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

    def action_import_report(self) -> None:
        """Ask for an officer report to add to the highlighted item."""
        option = self.highlighted_option
        if option is not None and option.id:
            self.post_message(self.ReportRequested(int(option.id[1:])))
