"""A one-line input that keeps the whole of a multi-line paste, and takes
Enter in the order it was typed.

Textual's :class:`~textual.widgets.Input` keeps only the first line of a
paste; a clerk pasting a paragraph from a report would lose the rest without
a word. Here the lines are joined with spaces (an entry is one line).

Textual runs Enter (a key binding) only once the key has gone up to the app
and back, while the keys typed after it are already being put into the
line: a clerk typing on through a moment's pause would find the start of
the next line saved at the end of this one. Here Enter is handled with the
other keys, in the order they came.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from minuteterm.tui.widgets.local_size import local_virtual_size


class LineInput(Input):
    """An Input whose paste joins every pasted line into one (and whose
    keys repaint the line without laying out the whole screen)."""

    virtual_size = local_virtual_size()

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()  # not the binding, which would come too late
            await self.action_submit()

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
