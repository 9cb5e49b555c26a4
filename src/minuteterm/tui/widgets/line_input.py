"""The one-line input every field of the app uses.

- Keys apply in the order they were typed, Enter and every editing key
  included (see :mod:`.ordered_keys`): Textual would run Backspace, the
  arrows, Home/End, Ctrl+U… and Enter only once the key had gone up to the
  app and back, after the letters typed behind them.
- A paste keeps all its text: Textual's :class:`~textual.widgets.Input`
  keeps only the first line of a paste, so a clerk pasting a paragraph from
  a report would lose the rest without a word. Here the lines are joined
  with spaces (an entry is one line), and terminal escape sequences are
  taken out.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from minuteterm.tui.terminal_input import paste_text
from minuteterm.tui.widgets.local_size import local_virtual_size
from minuteterm.tui.widgets.ordered_keys import apply_key_in_order, pass_on_if_focus_left


class LineInput(Input):
    """An Input whose keys apply in order, whose paste joins every pasted
    line into one (and whose keys repaint the line without laying out the
    whole screen)."""

    virtual_size = local_virtual_size()

    async def _on_key(self, event: events.Key) -> None:
        if pass_on_if_focus_left(self, event):
            return
        if not event.is_printable and await apply_key_in_order(self, event):
            self._restart_blink()
        # a printable key: Input._on_key (next in line) puts it in, in order

    def _on_paste(self, event: events.Paste) -> None:
        if pass_on_if_focus_left(self, event):
            return
        joined = paste_text(event.text, keep_lines=False)
        if joined:
            selection = self.selection
            if selection.is_empty:
                self.insert_text_at_cursor(joined)
            else:
                self.replace(joined, *selection)
        event.prevent_default()  # not Input's own paste, which keeps line one only
        event.stop()
