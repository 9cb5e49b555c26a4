"""A TextArea whose editing keys apply in the order they were typed (see
:mod:`.ordered_keys`): its own module, so that only the screens that show a
TextArea (the new meeting form) import Textual's TextArea."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from minuteterm.tui.terminal_input import paste_text
from minuteterm.tui.widgets.ordered_keys import apply_key_in_order, pass_on_if_focus_left


class OrderedTextArea(TextArea):
    """A TextArea whose editing keys apply in the order they were typed, and
    whose pastes lose any terminal escape sequences."""

    async def _on_key(self, event: events.Key) -> None:
        if pass_on_if_focus_left(self, event):
            return
        typed_into_text = event.is_printable or event.key == "enter"
        if self.tab_behavior == "indent" and event.key in ("tab", "escape"):
            typed_into_text = True
        if not typed_into_text and not self.read_only:
            await apply_key_in_order(self, event)
        # otherwise TextArea._on_key (next in line) puts the character in

    async def _on_paste(self, event: events.Paste) -> None:
        if pass_on_if_focus_left(self, event):
            return
        event.prevent_default()  # not TextArea's paste of the raw text
        event.stop()
        cleaned = paste_text(event.text, keep_lines=True)
        if not cleaned or self.read_only:
            return
        if result := self._replace_via_keyboard(cleaned, *self.selection):
            self.move_cursor(result.end_location)
