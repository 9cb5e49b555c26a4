"""The lines the database would not store yet, each on its own, above the bar.

While the disk is full, read-only or locked by another program, each line
the clerk enters waits here in order (never run together into one note),
and is stored, oldest first, as soon as the database takes writes again.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from minuteterm.model import EntryKind

#: How many waiting lines are shown (the rest are counted).
SHOWN = 5


class UnstoredLines(Static):
    """Lines waiting to be stored, oldest first; hidden when there are none."""

    DEFAULT_CSS = """
    UnstoredLines {
        display: none;
        height: auto;
        max-height: 8;
        border: tall $error;
        padding: 0 1;
        &.-waiting { display: block; }
    }
    """

    def __init__(self) -> None:
        super().__init__(id="unstored")
        self.lines: list[str] = []

    def show(self, queue: list[tuple[str, EntryKind]]) -> None:
        """Show ``queue`` (plain text, never markup). Unchanged (nearly
        always: nothing waiting), nothing is touched: an update lays the
        whole screen out again, on every line the clerk enters."""
        lines = [line for line, _kind in queue]
        if lines == self.lines:
            return
        self.lines = lines
        self.set_class(bool(queue), "-waiting")
        self.border_title = Content(
            f"{len(queue)} line(s) not stored yet: kept here, saved in order "
            "when the database takes writes again"
        )
        shown = [f"{number}. {line}" for number, line in enumerate(self.lines[:SHOWN], 1)]
        if len(self.lines) > SHOWN:
            shown.append(f"… and {len(self.lines) - SHOWN} more")
        self.update(Content("\n".join(shown)))
