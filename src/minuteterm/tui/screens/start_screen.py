"""The list of meetings, newest first: find one, open it, or create one.

Ten years of a council's meetings run to thousands, so the list shows the
newest :data:`SHOWN` that match the filter line (words found in the
committee, title, venue, status or date, e.g. ``audit 2026``) and says how
many more there are. It is made only when first shown: ``minuteterm demo``
opens straight on a meeting and never pays for it.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from minuteterm.dates import format_clock_where, format_short_date
from minuteterm.db.store import Store
from minuteterm.errors import CLERK_ERRORS
from minuteterm.model import Meeting
from minuteterm.tui.widgets.key_hints import KeyHints
from minuteterm.tui.widgets.line_input import LineInput
from minuteterm.tui.widgets.ordered_option_list import OrderedOptionList

#: The most meetings listed at once; the filter finds the others.
SHOWN = 200


LIST_COLUMNS = ("Date", "Time", "Meeting", "Venue", "Status", "Entries")


#: Cells of the screen's width a row of the list cannot use (the screen's
#: gutter and the list's scrollbar).
EDGES = 4


def list_widths(total: int, time_cells: int = 5) -> list[int]:
    """Widths of :data:`LIST_COLUMNS` in a row of ``total`` cells (see
    :func:`list_line`): the meeting takes three fifths of what the fixed
    columns leave, the venue the rest. The time is ``18:30``, or wider when
    a listed meeting's zone is named beside it (``19:00 CEST``)."""
    fixed = [15, time_cells, 0, 0, 8, 7]
    spare = max(20, total - sum(fixed) - 2 * (len(fixed) - 1) - 1)
    meeting = spare * 3 // 5
    return [15, time_cells, meeting, spare - meeting, 8, 7]


def fit(text: str, cells: int, right: bool = False) -> str:
    """``text`` in exactly ``cells`` cells: padded, or cut with an ellipsis."""
    if cell_len(text) > cells:
        return set_cell_size(text, cells - 1) + "…"
    return text.rjust(cells) if right else set_cell_size(text, cells)


def list_line(cells: list[str], widths: list[int]) -> str:
    """One line of the list: each column in its width, two cells apart (the
    last, the entry count, on the right of its column)."""
    last = len(cells) - 1
    return " " + "  ".join(
        fit(text, width, right=index == last)
        for index, (text, width) in enumerate(zip(cells, widths, strict=True))
    )


def meeting_cells(meeting: Meeting, entries: int | None) -> list[str]:
    """The words of one meeting's row (``entries`` blank until read)."""
    return [
        format_short_date(meeting.starts_at),
        format_clock_where(meeting.starts_at),
        meeting.title,
        meeting.venue,
        meeting.status.value,
        "" if entries is None else str(entries),
    ]


class StartScreen(Screen[None]):
    """Lists meetings; Enter opens the highlighted one, / filters.

    The list is one :class:`OptionList` of lines built here (a table widget
    drew each of its cells separately, half of the first frame on a long
    list). The entry counts of the rows the first frame shows are read with
    the meetings; the rest just after that frame is drawn."""

    DEFAULT_CSS = """
    StartScreen {
        #start-title { height: 1; padding: 0 1; background: $panel; text-style: bold; }
        #start-filter { margin: 0 1; }
        #start-columns { height: 1; text-style: bold; color: $text-primary; text-wrap: nowrap; }
        #start-hint { height: 1; padding: 0 1; color: $text-muted; }
        #meetings { height: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    }
    """

    BINDINGS = [
        Binding("n", "new_meeting", "New meeting", id="start.new"),
        Binding("enter", "open_meeting", "Open", show=False, id="start.open"),
        Binding("slash", "filter", "Filter", id="start.filter"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self._width = 0
        self._listed: list[tuple[Meeting, list[str]]] = []
        self._generation = 0

    def compose(self) -> ComposeResult:
        yield Static(Content("MinuteTerm — meetings"), id="start-title")
        yield LineInput(
            placeholder="/ to filter: committee, title, venue, status or date (audit 2026-03)",
            id="start-filter",
        )
        yield Static(id="start-columns")
        yield OrderedOptionList(id="meetings", compact=True)
        yield Static(id="start-hint")
        yield KeyHints()

    def on_mount(self) -> None:
        self._width = self.app.size.width
        self._show_columns()
        self.query_one("#meetings", OptionList).focus()

    def on_resize(self) -> None:
        if self.size.width != self._width:
            self._width = self.size.width
            self._show_columns()
            self._show_rows()

    def _widths(self) -> list[int]:
        times = (cell_len(cells[1]) for _meeting, cells in self._listed)
        return list_widths(self._width - EDGES, max(times, default=5))

    def _show_columns(self) -> None:
        """The headings, in the widths the rows use."""
        line = list_line(list(LIST_COLUMNS), self._widths())
        self.query_one("#start-columns", Static).update(Content(line))

    def on_screen_resume(self) -> None:
        """Shown (first, or back from a meeting): read the list again."""
        self.reload()
        self.app.collect_again()  # type: ignore[attr-defined]

    @property
    def filter_text(self) -> str:
        """What the filter line holds."""
        return self.query_one("#start-filter", Input).value

    def listed_rows(self) -> list[list[str]]:
        """The words of each row listed, top to bottom (as the clerk reads them,
        before they are cut to their columns)."""
        return [list(cells) for _meeting, cells in self._listed]

    def reload(self) -> None:
        """Re-read the matching meetings from the database: the rows, and the
        entry counts of those the screen has room for (the rest after the
        frame is drawn)."""
        self._generation += 1
        first = max(self.app.size.height, 24)
        try:
            meetings = self.store.meetings(self.filter_text, limit=SHOWN)
            total = self.store.count_meetings(self.filter_text)
            counts = self.store.entry_counts(meeting.id for meeting in meetings[:first])
        except CLERK_ERRORS as error:
            self._hint(f"Cannot read the meetings: {error}")
            return
        self._listed = [
            (meeting, meeting_cells(meeting, counts.get(meeting.id, 0) if n < first else None))
            for n, meeting in enumerate(meetings)
        ]
        self._show_rows()
        self._hint(_hint_words(len(meetings), total, bool(self.filter_text.strip())))
        if len(meetings) > first:
            self.call_after_refresh(self._count_rest, self._generation, first)

    def _count_rest(self, generation: int, first: int) -> None:
        """The entry counts of the rows below the first screenful."""
        if generation != self._generation or not self.is_attached:
            return  # read again since (a filter typed): that read counts its own
        rest = self._listed[first:]
        try:
            counts = self.store.entry_counts(meeting.id for meeting, _cells in rest)
        except CLERK_ERRORS as error:
            self._hint(f"Cannot count the entries: {error}")
            return
        options = self.query_one("#meetings", OptionList)
        widths = self._widths()
        for index, (meeting, cells) in enumerate(rest, start=first):
            cells[-1] = str(counts.get(meeting.id, 0))
            options.replace_option_prompt_at_index(index, Content(list_line(cells, widths)))

    def _show_rows(self) -> None:
        """Put the listed rows in the list, keeping the highlighted meeting
        highlighted if it is still listed (else the first)."""
        options = self.query_one("#meetings", OptionList)
        highlighted = options.highlighted_option
        keep = highlighted.id if highlighted is not None else None
        widths = self._widths()
        self._show_columns()  # the time column widens for a zone's name
        options.set_options(
            Option(Content(list_line(cells, widths)), id=str(meeting.id))
            for meeting, cells in self._listed
        )
        if not self._listed:
            return
        ids = [str(meeting.id) for meeting, _cells in self._listed]
        options.highlighted = ids.index(keep) if keep in ids else 0

    def _hint(self, words: str) -> None:
        self.query_one("#start-hint", Static).update(Content(words))

    @on(Input.Changed, "#start-filter")
    def _filter_changed(self, _event: Input.Changed) -> None:
        self.reload()

    @on(Input.Submitted, "#start-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#meetings", OptionList).focus()

    def action_filter(self) -> None:
        """Type in the filter line (Enter goes back to the list)."""
        self.set_focus(self.query_one("#start-filter", Input))  # now: see FOCUS_ACTIONS

    @on(OptionList.OptionSelected, "#meetings")
    def _row_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.app.open_meeting(int(event.option.id))  # type: ignore[attr-defined]

    def action_open_meeting(self) -> None:
        """Open the highlighted meeting."""
        option = self.query_one("#meetings", OptionList).highlighted_option
        if option is not None and option.id is not None:
            self.app.open_meeting(int(option.id))  # type: ignore[attr-defined]

    def action_new_meeting(self) -> None:
        """Create a meeting, then open it."""
        from minuteterm.tui.screens.new_meeting_screen import NewMeetingScreen

        def created(meeting_id: int | None) -> None:
            if meeting_id is not None:
                self.app.open_meeting(meeting_id)  # type: ignore[attr-defined]

        self.app.push_screen(NewMeetingScreen(self.store), created)


def _hint_words(shown: int, total: int, filtered: bool) -> str:
    """What the line under the list says about what it holds."""
    keys = "Enter opens the highlighted meeting · N creates one · / filters · F1 keys"
    if total == 0:
        return ("No meeting matches the filter · " if filtered else "No meetings yet · ") + keys
    if shown < total:
        return f"The newest {shown:,} of {total:,} meetings (/ to find others) · " + keys
    return f"{total:,} meeting{'s' if total != 1 else ''} · " + keys
