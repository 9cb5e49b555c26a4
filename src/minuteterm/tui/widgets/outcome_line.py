"""One line under a screen's table that says what the last key did."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class OutcomeLine(Static):
    """What happened, in plain words; a refusal in the error colour."""

    DEFAULT_CSS = """
    OutcomeLine {
        height: auto;
        max-height: 2;
        padding: 0 1;
        color: $text-muted;
        &.-refused { color: $text-error; text-style: bold; }
    }
    """

    def say(self, message: str, *, refused: bool = False) -> None:
        """Show ``message`` (plain text, never markup)."""
        self.update(Content(("Refused: " if refused else "") + message))
        self.set_class(refused, "-refused")
