"""The action sheet: every action across meetings, filtered, sorted, updated.

The table shows at most :data:`SHOWN` rows of what the filter matches (the
header says how many there are in all), so it opens and filters at once even
over tens of thousands of actions: filtering, sorting and counting happen in
SQL, and only the rows on offer become table rows.
"""

from __future__ import annotations

from dataclasses import replace

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Input, Static

from minuteterm.actions.sheet import ActionFilter, ActionSheet
from minuteterm.actions.sheet_filter import parse_filter
from minuteterm.db.store import Store
from minuteterm.errors import CLERK_ERRORS
from minuteterm.model import ActionSheetRow, Counts
from minuteterm.textsafe import clean
from minuteterm.tui.screens.action_dialogs import ActionHistoryDialog, ActionUpdateDialog
from minuteterm.tui.widgets.key_hints import KeyHints
from minuteterm.tui.widgets.line_input import LineInput
from minuteterm.tui.widgets.ordered_data_table import OrderedDataTable

#: How many matching actions the table holds at once.
SHOWN = 500

#: Table columns: (heading, the sort they stand for, width or None to share
#: what is left between them).
COLUMNS: tuple[tuple[str, str, int | None], ...] = (
    ("No.", "reference", 5),
    ("Reference", "reference", 15),
    ("Action", "action", None),
    ("Owner", "owner", 18),
    ("Due", "due", 12),
    ("Status", "status", 8),
    ("Latest update", "update", None),
)


#: Below this width the sheet leaves out the Reference column and narrows
#: Owner and Due, so Status and Latest update stay on screen at 80 columns.
NARROW = 110


def column_widths(total: int) -> list[int]:
    """Widths that fit ``total`` cells: the flexible columns share the rest
    (the action gets more; the update at least its heading); 0 for a column
    left out (Reference, below :data:`NARROW`)."""
    narrow = total < NARROW
    narrower = {"Owner": 13, "Due": 11}
    fixed_widths: list[int | None] = []
    for name, _sort, width in COLUMNS:
        if narrow and name == "Reference":
            fixed_widths.append(0)
        elif narrow and width:
            fixed_widths.append(min(width, narrower.get(name, width)))
        else:
            fixed_widths.append(width)
    shown = sum(1 for cells in fixed_widths if cells != 0)
    fixed = sum(cells or 0 for cells in fixed_widths) + 2 * shown + 4  # and a scrollbar
    spare = max(26, total - fixed)
    latest = max(13, spare * 7 // 20)  # "Latest update" whole
    shares = iter((spare - latest, latest))
    return [next(shares) if cells is None else cells for cells in fixed_widths]


def due_words(row: ActionSheetRow) -> str:
    """The due date as the sheet shows it ("next meeting" until one exists)."""
    if row.due is not None:
        return f"{row.due.day} {row.due:%b %Y}"
    return row.due_text or ""


def status_words(row: ActionSheetRow) -> str:
    """The status, with an open action past its date shown as overdue."""
    return "overdue" if row.overdue else row.status.value


def detail_lines(row: ActionSheetRow) -> Content:
    """One action as the detail under the table shows it, every word:
    "ACTION 3 · Audit Committee, 10 Nov 2026 / 4 · Head of Finance · due
    14 Dec 2026 · open", the action, and its latest update."""
    facts = [
        f"ACTION {row.number}",
        f"{clean(row.committee)}, {row.reference}",
        clean(row.owner),
        *([f"due {due_words(row)}"] if due_words(row) else []),
        status_words(row),
    ]
    parts: list[str | tuple[str, str]] = [(" · ".join(facts), "bold"), "\n", clean(row.description)]
    if row.latest_update:
        when = row.latest_update_at
        dated = f" ({when.day} {when:%b %Y})" if when is not None else ""
        parts += ["\n", (f"Latest update{dated}: ", "italic"), clean(row.latest_update)]
    return Content.assemble(*parts)


class ActionsScreen(Screen[None]):
    """Filter with the line at the top; ↑/↓ to choose; U updates; Enter shows
    the history; 1–7 sort by a column (again to reverse)."""

    DEFAULT_CSS = """
    ActionsScreen {
        #sheet-title { height: 1; padding: 0 1; background: $panel; text-style: bold; }
        #sheet-filter { margin: 0 0; }
        #sheet-message { height: auto; max-height: 2; padding: 0 1; color: $text-muted; }
        #sheet-message.-refused { color: $text-error; text-style: bold; }
        DataTable { height: 1fr; }
        #sheet-detail {
            height: auto; max-height: 7; padding: 0 1;
            border-top: solid $primary-muted;
        }
    }
    """

    BINDINGS = [
        Binding("escape,ctrl+l", "leave", "Back", id="sheet.back"),
        Binding("slash", "focus_filter", "Filter", id="sheet.filter"),
        Binding("u", "update", "Update", id="sheet.update"),
        *(
            Binding(str(n), f"sort({n - 1})", f"Sort by {name}", show=False, id=f"sheet.sort{n}")
            for n, (name, _sort, _width) in enumerate(COLUMNS, start=1)
        ),
        Binding("p", "public", "Public/full", id="sheet.public"),
        Binding("x", "export", "Export", id="sheet.export"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.sheet = ActionSheet(store)
        self.chosen = ActionFilter(limit=SHOWN)
        #: Whether the public version is shown (and exported): exempt actions left out.
        self.public = False
        self._pending: Timer | None = None
        #: The rows on offer, by action id (the detail under the table).
        self._rows: dict[str, ActionSheetRow] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="sheet-title")
        yield LineInput(
            id="sheet-filter",
            placeholder="Filter: words  owner:NAME  committee:NAME  status:open|done|dropped|all"
            "  due:14  overdue  sort:-due",
        )
        yield Static(id="sheet-message")
        yield OrderedDataTable(cursor_type="row", zebra_stripes=True, id="sheet")
        yield Static(id="sheet-detail")
        yield KeyHints()

    def on_mount(self) -> None:
        self._width = 0
        self._shown_columns: list[int] = []
        self._set_columns(self.size.width)
        self.reload()
        self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        if self.size.width != self._width:
            self._set_columns(self.size.width)
            self.reload()

    def _set_columns(self, width: int) -> None:
        self._width = width
        table = self.query_one(DataTable)
        table.clear(columns=True)
        widths = column_widths(width)
        self._shown_columns = [index for index, cells in enumerate(widths) if cells]
        for index in self._shown_columns:
            table.add_column(COLUMNS[index][0], key=COLUMNS[index][0], width=widths[index])

    # --- reading --------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the rows and counts the filter asks for."""
        try:
            rows, counts = self.sheet.page(replace(self.chosen, public=self.public))
        except CLERK_ERRORS as error:
            self.say(str(error), refused=True)
            return
        self._show_counts(counts, len(rows))
        self._fill(rows)

    def _show_counts(self, counts: Counts, shown: int) -> None:
        more = f" · showing {shown} of {counts.total}" if counts.total > shown else ""
        sort = self.chosen.sort + (" (reversed)" if self.chosen.descending else "")
        self.query_one("#sheet-title", Static).update(
            Content.assemble(
                ("Action sheet" + (" — public version" if self.public else ""), "bold"),
                f"  ·  {counts.open} open  ·  ",
                (f"{counts.overdue} overdue", "bold $text-warning" if counts.overdue else ""),
                f"  ·  {counts.done} done  ·  {counts.dropped} dropped{more}  ·  sorted by {sort}",
            )
        )

    def _fill(self, rows: list[ActionSheetRow]) -> None:
        table = self.query_one(DataTable)
        keep = self.selected_action
        table.clear()
        self._rows = {str(row.action_id): row for row in rows}
        warning = Style(color=self.app.theme_variables.get("warning"), bold=True)
        for row in rows:
            style = warning if row.overdue else Style()
            cells = (
                str(row.number),
                row.reference,
                row.description,
                row.owner,
                due_words(row),
                status_words(row),
                row.latest_update or "",
            )
            table.add_row(
                *(Text(cells[index], style=style) for index in self._shown_columns),
                key=str(row.action_id),
            )
        if keep is not None and str(keep) in self._rows:
            table.move_cursor(row=table.get_row_index(str(keep)))
        self._show_detail()

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        """The highlighted action whole, under the table: its cells are cut
        to fit the screen (at 80 columns, to a dozen letters)."""
        detail = self.query_one("#sheet-detail", Static)
        chosen = self.selected_action
        row = self._rows.get(str(chosen)) if chosen is not None else None
        detail.display = row is not None
        if row is not None:
            detail.update(detail_lines(row))

    @property
    def selected_action(self) -> int | None:
        """The number of the highlighted action, if any."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return int(key.value) if key.value is not None else None

    def say(self, message: str, *, refused: bool = False) -> None:
        """Show a message under the filter (plain text, never markup)."""
        line = self.query_one("#sheet-message", Static)
        line.update(Content(message))
        line.set_class(refused, "-refused")

    # --- filtering and sorting ------------------------------------------------

    @on(Input.Changed, "#sheet-filter")
    def _filter_changed(self) -> None:
        if self._pending is not None:
            self._pending.stop()
        self._pending = self.set_timer(0.15, self._apply_filter)

    @on(Input.Submitted, "#sheet-filter")
    def _filter_submitted(self) -> None:
        self._apply_filter()
        self.query_one(DataTable).focus()

    def _flush_filter(self) -> bool:
        """Apply the filter being typed now, if its pause has not ended yet
        (an export straight after it is of what the clerk typed); whether
        the filter on screen is the one the sheet shows."""
        return self._apply_filter() if self._pending is not None else True

    def _apply_filter(self) -> bool:
        if self._pending is not None:
            # applied now, and not again when the pause ends: that cleared
            # whatever came in between ("Exported to …" after a quick x)
            self._pending.stop()
            self._pending = None
        text = self.query_one("#sheet-filter", Input).value
        try:
            wanted = parse_filter(text, ActionFilter(limit=SHOWN))
        except CLERK_ERRORS as error:
            self.say(str(error), refused=True)
            return False
        if "sort:" not in text:
            wanted = replace(wanted, sort=self.chosen.sort, descending=self.chosen.descending)
        self.chosen = wanted
        self.say("")
        self.reload()
        return True

    def action_sort(self, column: int) -> None:
        """Sort by a column; the same column again reverses the order."""
        sort = COLUMNS[column][1]
        descending = not self.chosen.descending if sort == self.chosen.sort else False
        self.chosen = replace(self.chosen, sort=sort, descending=descending)
        self.reload()

    @on(DataTable.HeaderSelected)
    def _header_selected(self, event: DataTable.HeaderSelected) -> None:
        self.action_sort(event.column_index)

    def action_focus_filter(self) -> None:
        """Type a filter."""
        self.set_focus(self.query_one("#sheet-filter", Input))  # now: see FOCUS_ACTIONS

    # --- one action -----------------------------------------------------------

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_history()

    def action_history(self) -> None:
        """Show the highlighted action with every update to it."""
        action = self.selected_action
        if action is None:
            return
        try:
            row = self.sheet.row(action, public=self.public)
            history = self.sheet.history(action, public=self.public)
        except CLERK_ERRORS as error:
            self.say(str(error), refused=True)
            return
        self.app.push_screen(ActionHistoryDialog(row, history))

    def action_update(self) -> None:
        """Update the highlighted action: status, owner, due date, a note."""
        action = self.selected_action
        if action is None:
            self.say("no action selected", refused=True)
            return
        try:
            row = self.sheet.row(action)
        except CLERK_ERRORS as error:
            self.say(str(error), refused=True)
            return

        def done(message: str | None) -> None:
            if message:
                self.say(message)
            self.reload()

        self.app.push_screen(ActionUpdateDialog(self.sheet, row), done)

    def action_export(self) -> None:
        """Write this sheet (as filtered) as Markdown, CSV and HTML."""
        from pathlib import Path

        if not self._flush_filter():
            return  # the filter typed is refused, and says why: nothing written

        try:
            from minuteterm.export.action_sheet import write_sheet
        except ImportError:  # pragma: no cover - until the exporter lands
            self.say("exporting the action sheet is not available yet", refused=True)
            return
        from minuteterm.export.action_sheet import DEFAULT_TITLE, PUBLIC_TITLE

        title = PUBLIC_TITLE if self.public else DEFAULT_TITLE
        try:
            rows, counts = self.sheet.page(replace(self.chosen, limit=None, public=self.public))
            paths = [
                write_sheet(rows, counts, fmt, Path.cwd(), title=title)
                for fmt in ("md", "csv", "html")
            ]
        except (*CLERK_ERRORS, OSError) as error:  # type: ignore[misc]  # mypy#12555
            self.say(str(error), refused=True)
            return
        self.say("Exported " + ", ".join(str(path) for path in paths))

    def action_public(self) -> None:
        """Switch between the full sheet and the public version (actions
        raised in exempt items left out; X exports what is shown)."""
        self.public = not self.public
        self.say("Public version: exempt actions left out" if self.public else "Full version")
        self.reload()

    def action_leave(self) -> None:
        """From the filter, back to the table; from the table, back to where
        the clerk came from."""
        if self.query_one("#sheet-filter", Input).has_focus:
            self.query_one(DataTable).focus()
        else:
            self.dismiss(None)
