"""The search screen: find words in every meeting as you type.

Ctrl+F from anywhere (or the command palette). Results come as you type
(after a short pause, so a fast typist is not slowed), best match first;
filters are typed in the same line (``committee:audit from:01/04/2025
kind:resolution``); F9 switches to the public view (exempt discussion and
confidential actions left out). Enter opens the meeting at that item with
the entry selected; Esc goes back to where you were.

The search runs in a thread with its own read-only connection (a
:class:`~minuteterm.db.store.Store` belongs to its thread), so the screen
never waits for it; a search overtaken by newer typing is dropped.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Input, Static
from textual.worker import get_current_worker

from minuteterm import clock
from minuteterm.dates import to_local
from minuteterm.db.store import Store
from minuteterm.search.filters import FilterError, parse_line
from minuteterm.search.query import SearchFilter, search
from minuteterm.search.results import MARK_END, MARK_START, Hit, Results, plain
from minuteterm.textsafe import stored_text
from minuteterm.tui.widgets.key_hints import KeyHints
from minuteterm.tui.widgets.line_input import LineInput
from minuteterm.tui.widgets.ordered_data_table import OrderedDataTable

#: Seconds of quiet after a keystroke before searching.
DEBOUNCE = 0.15
#: How many results the table holds.
SHOWN = 100

COLUMNS: tuple[tuple[str, int | None], ...] = (
    ("Date", 10),
    ("Committee", 16),
    ("Minute", 9),
    ("Title", 22),
    ("Kind", 11),
    ("Found", None),
)


#: Below this width the committee and title make way for what was found.
NARROW = 110


def columns_for(total: int) -> list[tuple[str, int]]:
    """The columns that fit ``total`` cells, and their widths: what is left
    goes to Found (at least 24)."""
    shown = [c for c in COLUMNS if total >= NARROW or c[0] not in ("Committee", "Title")]
    fixed = sum(width for _, width in shown if width) + 2 * len(shown) + 2
    return [(heading, width or max(24, total - fixed)) for heading, width in shown]


@dataclass(frozen=True)
class Found:
    """Where the clerk chose to go: a meeting, an item, maybe an entry."""

    meeting_id: int
    item_id: int
    entry_id: int | None


def marked_text(text: str) -> Text:
    """A snippet as Rich text: the words found in bold reverse; the clerk's
    words as plain text, never markup."""
    out = Text()
    bold = False
    for part in text.replace(MARK_END, MARK_START).split(MARK_START):
        if part:
            out.append(part, style="bold reverse" if bold else "")
        bold = not bold
    return out


def found_cell(hit: Hit) -> Text:
    """The Found column: CONFIDENTIAL first when it is, the speaker, the snippet."""
    out = Text()
    if hit.confidential:
        out.append("CONFIDENTIAL ", style="bold red")
    if hit.speaker:
        out.append_text(marked_text(hit.speaker))
        out.append(": ")
    out.append_text(marked_text(from_first_mark(" ".join(hit.snippet.split()))))
    return out


def from_first_mark(snippet: str, before: int = 12) -> str:
    """The snippet from a little before its first word found, so a narrow
    column still shows it."""
    first = snippet.find(MARK_START)
    if first <= before + 3:
        return snippet
    return "…" + snippet[first - before :]


class SearchScreen(Screen[Found | None]):
    """Type to search every meeting; ↓ to the results; Enter to go there."""

    DEFAULT_CSS = """
    SearchScreen {
        #search-title { height: 1; padding: 0 1; background: $panel; text-style: bold; }
        #search-message { height: auto; max-height: 2; padding: 0 1; color: $text-muted; }
        #search-message.-refused { color: $text-error; text-style: bold; }
        DataTable { height: 1fr; }
    }
    """

    BINDINGS = [
        Binding("escape", "leave", "Back", id="search.back"),
        Binding("f9", "public", "Public only", id="search.public"),
        Binding("down", "results", "Results", show=False, id="search.results"),
        Binding("slash", "focus_query", "Search", show=False, id="search.query"),
    ]

    def __init__(self, store: Store, text: str = "") -> None:
        super().__init__()
        self.store = store
        self.public = False
        self.hits: list[Hit] = []
        self._text = text
        self._pending: Timer | None = None
        self.asked = 0  # searches started
        self.answered = 0  # the search whose results are shown
        self.waiting = False  # typing not searched for yet

    def compose(self) -> ComposeResult:
        yield Static(id="search-title")
        yield LineInput(
            value=self._text,
            id="search-query",
            placeholder='Words, "a phrase", prefix*, OR, -word   committee:NAME from:DATE to:DATE'
            " kind:KIND",
        )
        yield Static(id="search-message")
        yield OrderedDataTable(cursor_type="row", zebra_stripes=True, id="search-results")
        yield KeyHints()

    def on_mount(self) -> None:
        self._width = 0
        self._set_columns(self.size.width)
        self._title()
        self.query_one(Input).focus()
        if self._text:
            self._search_now()

    def on_resize(self) -> None:
        if self.size.width != self._width:
            self._set_columns(self.size.width)
            self._search_now()

    def _set_columns(self, width: int) -> None:
        self._width = width
        table = self.query_one(DataTable)
        table.clear(columns=True)
        self._columns = columns_for(width)
        for heading, cells in self._columns:
            table.add_column(heading, key=heading, width=cells)

    def _title(self, extra: str = "") -> None:
        view = "public view (exempt discussion left out)" if self.public else "full view"
        self.query_one("#search-title", Static).update(
            Content.assemble(("Search every meeting", "bold"), f"  ·  {view}{extra}")
        )

    def say(self, message: str, *, refused: bool = False) -> None:
        """A message under the search line (plain text, never markup)."""
        line = self.query_one("#search-message", Static)
        line.update(Content(message))
        line.set_class(refused, "-refused")

    # --- searching -------------------------------------------------------------

    @on(Input.Changed, "#search-query")
    def _changed(self) -> None:
        if self._pending is not None:
            self._pending.stop()
        self.waiting = True
        self._pending = self.set_timer(DEBOUNCE, self._search_now)

    @on(Input.Submitted, "#search-query")
    def _submitted(self) -> None:
        """Enter in the search line: open the highlighted result when the
        results shown are for what is typed; else search now."""
        if self._pending is not None:
            self._pending.stop()
        if not self.waiting and self.answered == self.asked and self.hits:
            self._open(self.query_one(DataTable).cursor_row)
            return
        self._search_now()
        self.action_results()

    def _search_now(self) -> None:
        self.waiting = False
        line = self.query_one(Input).value
        today = to_local(clock.now()).date()
        try:
            text, chosen = parse_line(line, today, SearchFilter(public=self.public, limit=SHOWN))
        except FilterError as error:
            self.say(str(error), refused=True)
            return
        self.asked += 1
        self._run(self.asked, text, chosen)

    @work(thread=True, group="search")
    def _run(self, asked: int, text: str, chosen: SearchFilter) -> None:
        try:
            conn = sqlite3.connect(Path(self.store.path).resolve().as_uri() + "?mode=ro", uri=True)
            conn.text_factory = stored_text
        except sqlite3.Error as error:
            self.app.call_from_thread(self.say, f"cannot search: {error}", refused=True)
            return
        try:
            results = search(conn, text, chosen)
        except sqlite3.Error as error:
            self.app.call_from_thread(self.say, f"cannot search: {error}", refused=True)
            return
        finally:
            conn.close()
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, asked, text, results)

    def _show(self, asked: int, text: str, results: Results) -> None:
        if asked != self.asked:
            return  # newer typing has asked again
        self.answered = asked
        self.hits = results.hits
        table = self.query_one(DataTable)
        table.clear()
        for number, hit in enumerate(results.hits):
            cells = {
                "Date": Text(f"{hit.starts_at:%d/%m/%Y}"),
                "Committee": Text(hit.committee),
                "Minute": Text(hit.reference),
                "Title": Text(" ".join(plain(hit.title).split())),
                "Kind": Text(hit.kind_label),
                "Found": found_cell(hit),
            }
            table.add_row(*(cells[heading] for heading, _ in self._columns), key=str(number))
        if not results.query:
            self.say("Type words to find; filters: committee:NAME from:DATE to:DATE kind:KIND")
        elif not results.hits:
            self.say(f"Nothing found for {' '.join(text.split())!r}.")
        else:
            count = len(results.hits)
            self.say(f"{count} result{'s' if count != 1 else ''}, {results.order}. Enter opens it.")

    # --- keys -------------------------------------------------------------------

    def action_public(self) -> None:
        """Switch between the full and the public view."""
        self.public = not self.public
        self._title()
        self._search_now()

    def action_results(self) -> None:
        """Down to the results."""
        if self.hits:
            self.query_one(DataTable).focus()

    def action_focus_query(self) -> None:
        """Back to the search line."""
        self.set_focus(self.query_one(Input))  # now: see FOCUS_ACTIONS

    @on(DataTable.RowSelected)
    def _chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._open(int(str(event.row_key.value)))

    def _open(self, row: int) -> None:
        """Go to the result on ``row``: its meeting, item and entry."""
        if 0 <= row < len(self.hits):
            hit = self.hits[row]
            self.dismiss(Found(hit.meeting_id, hit.item_id, hit.entry_id))

    def action_leave(self) -> None:
        """Back to where the clerk was."""
        self.dismiss(None)
