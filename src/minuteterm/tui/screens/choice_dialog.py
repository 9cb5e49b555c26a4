"""A small modal list: pick one of a few choices with ↑/↓ and Enter."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


class ChoiceDialog(ModalScreen[str | None]):
    """Returns the id of the chosen option, or ``None`` on Esc."""

    DEFAULT_CSS = """
    ChoiceDialog {
        align: center middle;
        #dialog {
            width: 70%; max-width: 90; height: auto; max-height: 80%;
            border: thick $accent; background: $surface; padding: 0 1;
        }
        #dialog-title { text-style: bold; padding: 0 0 1 0; }
        OptionList { height: auto; max-height: 20; }
        #dialog-keys { color: $text-muted; }
    }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, title: str, choices: list[tuple[str, Content]]) -> None:
        super().__init__()
        self._title = title
        self._choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content(self._title), id="dialog-title")
            yield OptionList(*(Option(prompt, id=key) for key, prompt in self._choices))
            yield Static(Content("↑/↓ then Enter chooses · Esc cancels"), id="dialog-keys")

    def on_mount(self) -> None:
        """The list has the focus, its first choice highlighted."""
        options = self.query_one(OptionList)
        options.focus()
        if options.option_count:
            options.highlighted = 0

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
