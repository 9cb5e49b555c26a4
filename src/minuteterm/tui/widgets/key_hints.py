"""The key line at the foot of each screen: the keys that work here and now.

It says what Textual's ``Footer`` says (every shown binding of the focused
widget and the screens above it, greyed when it cannot be used now) but as
one line of text rather than a widget per key: the meeting screen has a
dozen keys, and a widget for each made the screen slower to open and to
move focus in.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class KeyHints(Static):
    """One line: ``key description`` for each key shown, in binding order."""

    DEFAULT_CSS = """
    KeyHints {
        height: 1;
        dock: bottom;
        background: $footer-background;
        color: $footer-description-foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: object) -> None:
        self.update(self.hints(), layout=False)  # always one line

    def hints(self) -> Content:
        """The keys of the focused widget and everything above it, once each
        (by action), with those that cannot be used now dimmed."""
        active = self.screen.active_bindings
        shown = [
            (binding, enabled) for _node, binding, enabled, _tip in active.values() if binding.show
        ]
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if self.app.ENABLE_COMMAND_PALETTE and palette is not None:
            shown.append((palette[1], palette[2]))
        seen: set[str] = set()
        parts: list[Content] = []
        for binding, enabled in shown:
            if binding.action in seen:
                continue
            seen.add(binding.action)
            key = self.app.get_key_display(binding)
            look = "" if enabled else " dim"
            parts.append(
                Content.assemble(
                    (f" {key} ", f"bold $footer-key-foreground{look}"),
                    (f"{binding.description} ", look.strip()),
                )
            )
        return Content(" ").join(parts)
