"""A virtual size that repaints its own widget without laying out the screen.

Textual lays out the whole screen whenever any widget's ``virtual_size``
changes. The capture line's virtual width changes on every key, and a pane's
virtual height on every line it gains, so the meeting screen was being laid
out (and every pane repainted) for each key the clerk typed. None of these
widgets has children, so its virtual size only moves its own scrolling,
which it handles itself; a change that adds or removes a scrollbar still
lays the screen out (that reactive keeps ``layout=True``).
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive


def local_virtual_size() -> Reactive[Size]:
    """A ``virtual_size`` for a widget without children (see module docstring)."""
    return Reactive(Size(0, 0), layout=False)
