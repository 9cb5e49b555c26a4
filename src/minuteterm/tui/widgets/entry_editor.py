"""The editor an entry opens in: the whole width, above the capture bar.

It holds the entry as a capture line (``? Cllr Jewell: was it late``), so it
is edited with the same grammar it was typed in. It is mounted the first
time an entry is edited, and hidden in between.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.message import Message

from minuteterm.tui.widgets.line_input import LineInput


class EntryEditor(LineInput):
    """One entry being edited: Enter saves it, Esc puts it back as it was."""

    DEFAULT_CSS = """
    EntryEditor {
        display: none;
        border: tall $accent;
        border-title-color: $text;
        &.-open { display: block; }
    }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel edit", id="editor.cancel"),
    ]

    @dataclass
    class Saved(Message):
        """Enter was pressed: save ``line`` as entry ``entry_id``."""

        entry_id: int
        line: str

    @dataclass
    class Cancelled(Message):
        """Esc was pressed: leave the entry as it was."""

        entry_id: int

    def __init__(self) -> None:
        super().__init__(select_on_focus=False, id="entry-editor")
        self.entry_id: int | None = None
        self.original = ""

    @property
    def changed(self) -> bool:
        """Whether an entry is open and its line differs from when it opened."""
        return self.entry_id is not None and self.value != self.original

    def open(self, entry_id: int, line: str, where: str) -> None:
        """Show entry ``entry_id`` as ``line`` (``where`` names its pane)."""
        self.entry_id = entry_id
        self.original = line
        self.border_title = f"Editing entry #{entry_id} in {where} · Enter saves · Esc cancels"
        self.value = line
        self.cursor_position = len(line)
        self.add_class("-open")
        self.focus()

    def close(self) -> None:
        """Hide the editor."""
        self.entry_id = None
        self.remove_class("-open")

    async def action_submit(self) -> None:
        """Enter: hand the line on to be saved (the screen closes the editor
        once it is saved, or keeps it open with the reason it was refused)."""
        if self.entry_id is not None:
            self.post_message(self.Saved(self.entry_id, self.value))

    def action_cancel(self) -> None:
        """Esc: close without saving."""
        if self.entry_id is not None:
            self.post_message(self.Cancelled(self.entry_id))
