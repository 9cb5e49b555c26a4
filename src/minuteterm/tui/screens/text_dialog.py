"""A small modal that asks for one line of text (a name, a title, a number)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from minuteterm.tui.widgets.line_input import LineInput


class TextDialog(ModalScreen[str | None]):
    """Returns the text typed (Enter), or ``None`` on Esc."""

    DEFAULT_CSS = """
    TextDialog {
        align: center middle;
        #dialog {
            width: 70%; max-width: 90; height: auto;
            border: thick $accent; background: $surface; padding: 0 1;
        }
        #dialog-title { text-style: bold; padding: 0 0 1 0; }
        #dialog-hint { color: $text-muted; }
    }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="text.cancel")]

    def __init__(self, title: str, *, value: str = "", hint: str = "") -> None:
        super().__init__()
        self._title = title
        self._value = value
        self._hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content(self._title), id="dialog-title")
            yield LineInput(value=self._value, select_on_focus=False, id="dialog-text")
            keys = "Enter saves · Esc cancels"  # always shown, after any hint
            yield Static(
                Content(f"{self._hint} · {keys}" if self._hint else keys), id="dialog-hint"
            )

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
