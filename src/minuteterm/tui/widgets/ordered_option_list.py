"""A list whose keys apply in the order they were typed.

A clerk on the list of meetings types ``/damp`` in one go: ``/`` moves the
focus to the filter line, but Textual runs a screen's key only once the key
has gone up from the list to the app, and by then the letters typed behind
it have reached the list, which has no use for them: they were lost. Here
the list runs a key that moves the focus (``/``, Tab) as it reaches it, and
hands the keys behind it, in order, to the filter line (see
:mod:`.ordered_keys`).
"""

from __future__ import annotations

from textual import events
from textual.widgets import OptionList

from minuteterm.tui.widgets.ordered_keys import follow_keys


class OrderedOptionList(OptionList):
    """An OptionList whose keys apply in order (see the module docstring)."""

    async def _on_key(self, event: events.Key) -> None:
        await follow_keys(self, event)
