"""The key line at the foot of each screen: the keys that work here and now.

It says what Textual's ``Footer`` says (every shown binding of the focused
widget and the screens above it, greyed when it cannot be used now) but as
one line of text rather than a widget per key: the meeting screen has a
dozen keys, and a widget for each made the screen slower to open and to
move focus in.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget


class KeyHints(Widget):
    """One line: ``key description`` for each key shown, in binding order,
    chosen for its width whenever it is drawn (so the first frame is
    already the right line, and a resize needs no message of its own)."""

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
        self.refresh()  # drawn again from the bindings; always one line: no layout

    def render(self) -> Content:
        return self.hints()

    def hints(self) -> Content:
        """The keys of the focused widget and everything above it that fit
        the width, once each (by action), with those that cannot be used
        now dimmed."""
        return Content(" ").join(fit_keys(self._parts(), self.size.width or 10_000))

    def _parts(self) -> list[tuple[int, Content]]:
        """Each key shown, with its rank for :func:`fit_keys`."""
        active = self.screen.active_bindings
        shown = [
            (binding, enabled) for _node, binding, enabled, _tip in active.values() if binding.show
        ]
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if self.app.ENABLE_COMMAND_PALETTE and palette is not None:
            shown.append((palette[1], palette[2]))
        seen: set[str] = set()
        parts: list[tuple[int, Content]] = []
        for binding, enabled in shown:
            if binding.action in seen:
                continue
            seen.add(binding.action)
            key = self.app.get_key_display(binding)
            look = "" if enabled else " dim"
            part = Content.assemble(
                (f" {key} ", f"bold $footer-key-foreground{look}"),
                (f"{binding.description} ", look.strip()),
            )
            parts.append((0 if opens_a_screen(binding.id) else 1, part))
        return parts


#: Keys that open or leave a screen: kept on a narrow key line before the rest.
SCREEN_KEYS = frozenset(
    {
        "app.help",
        "app.actions",
        "meeting.attendance",
        "meeting.review",
        "meeting.leave",
        "start.new",
    }
)


def opens_a_screen(binding_id: str | None) -> bool:
    """Whether a binding opens or leaves a screen (its id says)."""
    if binding_id is None:
        return False
    return binding_id in SCREEN_KEYS or binding_id.endswith((".back", ".close", ".cancel"))


def fit_keys(parts: list[tuple[int, Content]], width: int) -> list[Content]:
    """The parts that fit in ``width`` cells (one space between), chosen by
    rank (0 first) then in order, and shown in their own order: a key that
    does not fit is left out whole, never cut in the middle."""
    chosen: set[int] = set()
    used = 0
    for index in sorted(range(len(parts)), key=lambda i: (parts[i][0], i)):
        need = parts[index][1].cell_length + (1 if chosen else 0)
        if used + need <= width:
            chosen.add(index)
            used += need
    return [part for index, (_rank, part) in enumerate(parts) if index in chosen]
