"""A one-line input that keeps the whole of a multi-line paste.

Textual's :class:`~textual.widgets.Input` keeps only the first line of a
paste; a clerk pasting a paragraph from a report would lose the rest without
a word. Here the lines are joined with spaces (an entry is one line).
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from .local_size import local_virtual_size


class LineInput(Input):
    """An Input whose paste joins every pasted line into one (and whose
    keys repaint the line without laying out the whole screen)."""

    virtual_size = local_virtual_size()

    def _on_paste(self, event: events.Paste) -> None:
        if event.text:
            joined = " ".join(line.strip() for line in event.text.splitlines() if line.strip())
            selection = self.selection
            if selection.is_empty:
                self.insert_text_at_cursor(joined)
            else:
                self.replace(joined, *selection)
        event.prevent_default()  # not Input's own paste, which keeps line one only
        event.stop()
