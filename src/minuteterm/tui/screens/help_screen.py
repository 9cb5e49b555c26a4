"""F1: every key MinuteTerm answers to, from :mod:`..help_data`."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from minuteterm.tui.help_data import KEYS


class HelpScreen(ModalScreen[None]):
    """A table of keys; Esc, F1 or Q closes it."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        #help { width: 95%; max-width: 110; height: 90%; border: thick $accent;
                background: $surface; padding: 0 1; }
        #help-title { text-style: bold; padding-bottom: 1; }
        DataTable { height: 1fr; }
    }
    """

    BINDINGS = [Binding("escape,f1,q", "close", "Close", id="help.close")]

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Static(Content("Keys (Esc closes)"), id="help-title")
            yield DataTable(cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        where_width = max(len(where) for where, _keys, _what in KEYS)
        keys_width = min(max(len(keys) for _where, keys, _what in KEYS), 22)
        # Every description whole: the last column takes the width left and
        # a long description wraps onto a second line, never runs off the side.
        box = min(110, self.app.size.width * 95 // 100) - 4  # border and padding
        what_width = max(box - where_width - keys_width - 3 * 2 - 2, 20)  # cells, scrollbar
        table.add_column("Where", width=where_width)
        table.add_column("Keys", width=keys_width)
        table.add_column("What it does", width=what_width)
        for where, keys, what in KEYS:
            table.add_row(Text(where), Text(keys), Text(what), height=None)
        table.focus()

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
