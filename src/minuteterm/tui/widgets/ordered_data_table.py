"""A table whose keys apply in the order they were typed: ``/owner:lee``
typed in one go on the action sheet (or the search results) moves to the
filter line with every letter (see :mod:`.ordered_option_list`, which does
the same for lists, and :mod:`.ordered_keys`)."""

from __future__ import annotations

from textual import events
from textual.widgets import DataTable

from minuteterm.tui.widgets.ordered_keys import follow_keys


class OrderedDataTable(DataTable):
    """A DataTable whose keys apply in order."""

    async def _on_key(self, event: events.Key) -> None:
        await follow_keys(self, event)
