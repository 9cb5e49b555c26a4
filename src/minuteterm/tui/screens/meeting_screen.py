"""The live meeting screen: agenda, running minute, side panes, capture bar.

Every change goes through the :class:`~minuteterm.recording.recorder.Recorder`, which
commits it before returning; only then are the panes re-read from the
database. The panes keep no copy of the meeting.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from minuteterm.dates import format_clock
from minuteterm.db.store import Store
from minuteterm.errors import CLERK_ERRORS, CaptureError, StorageUnavailable
from minuteterm.formal.people import quorum
from minuteterm.model import CAPTURE_KINDS, AgendaItem, Entry, EntryKind
from minuteterm.tui.entry_text import KIND_LABEL, KIND_LOOK, entry_content
from minuteterm.tui.repaint import AreaCompositor
from minuteterm.tui.unsent import Held, Unsent
from minuteterm.tui.widgets.agenda_pane import AgendaPane
from minuteterm.tui.widgets.capture_bar import CaptureBar
from minuteterm.tui.widgets.entry_editor import EntryEditor
from minuteterm.tui.widgets.entry_pane import (
    ActionsPane,
    EntryPane,
    Line,
    MinutePane,
    QuestionsPane,
    ResolutionsPane,
)
from minuteterm.tui.widgets.key_hints import KeyHints
from minuteterm.tui.widgets.meeting_header import MeetingHeader
from minuteterm.tui.widgets.unstored_lines import UnstoredLines

if TYPE_CHECKING:
    from pendulum import DateTime

    from minuteterm.recording.recorder import Outcome, Recorder

#: How often the capture bar's unsent text is saved (so a crash loses at
#: most this much typing).
DRAFT_SECONDS = 0.5
#: When, after the screen opens, startup's garbage is collected and the rest
#: frozen (see :meth:`MinuteTermApp.settle_garbage`).
SETTLE_SECONDS = 1.0


#: The kinds of entry the resolutions pane shows.
DECIDED = (EntryKind.RESOLUTION, EntryKind.VOTE, EntryKind.PROPOSAL)

#: The smallest window (columns, rows) that shows the agenda, the minute
#: and the side panes with room for words.
SMALLEST = (72, 18)


def _too_small(width: int, height: int) -> Content:
    """What the screen says in a window smaller than :data:`SMALLEST`."""
    return Content(
        f"This window is {width}×{height}: the meeting needs at least "
        f"{SMALLEST[0]}×{SMALLEST[1]} to show the agenda and the minute. "
        "Make the window larger; lines typed below are still saved."
    )


class MeetingScreen(Screen[None]):
    """Minute one meeting from the keyboard."""

    CSS_PATH = "meeting_screen.tcss"
    AUTO_FOCUS = "#capture"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    BINDINGS = [
        Binding("escape", "focus_capture", "Capture bar", id="meeting.capture"),
        Binding("shift+tab", "app.focus_previous", "Previous pane", show=False),
        Binding("ctrl+e", "export", "Export", id="meeting.export", priority=True),
        Binding("f7", "attendance", "Attendance", id="meeting.attendance"),
        Binding("f8", "review", "Review", id="meeting.review"),
        Binding("ctrl+l", "leave", "Meetings", id="meeting.leave"),
    ]

    def __init__(self, store: Store, meeting_id: int) -> None:
        super().__init__()
        self._compositor = AreaCompositor()  # a saved line repaints only what changed
        self.store = store
        self.meeting_id = meeting_id
        self._edited_from: EntryPane | None = None
        self._viewing: int | None = None  # an item shown from a search result
        self._select: int | None = None
        self.unsent = Unsent(store, meeting_id)
        #: What the panes were last drawn from: the agenda's items by id, and
        #: the current item when it is the one on screen.
        self._drawn_items: dict[int, AgendaItem] = {}
        self._drawn_current: int | None = None
        #: The entry editor, once mounted (it stays, hidden when not in use).
        self._entry_editor: EntryEditor | None = None

    @cached_property
    def recorder(self) -> Recorder:
        """The meeting's capture commands (the grammar is imported when the
        first line is entered, not before the screen is first shown)."""
        from minuteterm.recording.recorder import Recorder

        return Recorder(self.store, self.meeting_id)

    def compose(self) -> ComposeResult:
        # The breakpoint class the first resize would give, given now (with
        # Textual's own choice): Textual sets it when the Resize event comes,
        # after the first frame, and the whole screen's styles were worked
        # out again (at 80 columns, the first frame was laid out wide).
        width, height = self.app.size
        self.add_class(*self._get_breakpoint_classes(width, self.HORIZONTAL_BREAKPOINTS))
        self._fit(width, height)
        yield MeetingHeader()
        with Horizontal(id="body"):
            yield AgendaPane(id="agenda")
            yield MinutePane(id="minute")
            with Vertical(id="side"):
                yield QuestionsPane(id="questions")
                yield ActionsPane(id="actions")
                yield ResolutionsPane(id="resolutions")
        yield Static(_too_small(*self.app.size), id="too-small")
        yield UnstoredLines()
        yield CaptureBar(self._line_entered)
        yield KeyHints()

    def on_resize(self) -> None:
        self._fit(*self.size)

    def _fit(self, width: int, height: int) -> None:
        """Below the smallest usable size, say so instead of squeezing the
        panes to nothing (the capture bar still takes and saves lines)."""
        small = width < SMALLEST[0] or height < SMALLEST[1]
        self.set_class(small, "-too-small")
        if small and self.is_mounted:
            self.query_one("#too-small", Static).update(_too_small(width, height))

    def on_mount(self) -> None:
        self._seen_version = self._data_version()
        self.refresh_panes()
        self.app.collect_again()  # type: ignore[attr-defined]
        self.query_one(CaptureBar).say("Type and press Enter to save. F1 lists every key.")
        self._restore_draft()
        self.set_interval(1, self._watch_database)
        self.set_interval(DRAFT_SECONDS, self.save_draft)
        # A second after the screen is up, not in the way of its first paint.
        self.set_timer(SETTLE_SECONDS, self._settle)

    def _settle(self) -> None:
        """Once the screen is up: load what saving the first line needs (the
        grammar, the recorder and sqlite-utils, ~250 ms that the clerk's
        first Enter used to wait for), then settle the garbage."""
        try:
            self.recorder.store.db  # noqa: B018 - imports sqlite-utils
        except CLERK_ERRORS as error:
            self._refused(error)
        self.app.settle_garbage()  # type: ignore[attr-defined]

    # --- the unsent line --------------------------------------------------------

    def _restore_draft(self) -> None:
        """Put back what was in the bar (and in the entry editor) when the
        meeting was last left: the newest of each, now this window's."""
        draft = self.unsent.take()
        if draft is not None:
            bar = self.query_one(CaptureBar)
            bar.action_kind(draft.kind.value)
            bar.give_back(draft.text)
            more = self.unsent.others()
            bar.say(
                f"Restored the unsent line from {format_clock(draft.saved_at)} (not saved yet)."
                + (f" {more} more unsent line(s) are kept for the next openings." if more else "")
            )
        edit = self.unsent.take(editor=True)
        if edit is not None and edit.entry_id is not None:
            self.call_after_refresh(self._restore_edit, edit.entry_id, edit.text, edit.saved_at)

    async def _restore_edit(self, entry_id: int, text: str, saved_at: DateTime) -> None:
        """Open the editor again on an edit left unsaved."""
        try:
            self.recorder.check_editable()
            line = self.recorder.edit_line(entry_id)
        except CLERK_ERRORS as error:
            self._refused(error)  # the draft stays in the file
            return
        editor = await self._editor()
        editor.open(entry_id, text, "the minute")
        editor.original = line  # the edit differs from the entry: it stays a draft
        self.query_one(CaptureBar).say(
            f"Restored your unsaved edit of entry #{entry_id} from "
            f"{format_clock(saved_at)}: Enter saves, Esc cancels."
        )

    def save_draft(self) -> None:
        """Keep the bar's unsent text and the editor's edit in progress as
        this window's drafts if they changed (called every half second, after
        each line, and when the app is stopped); retry refused lines."""
        bar = self.query_one(CaptureBar)
        self.unsent.keep(Held(bar.input.value, bar.kind))
        editor = self._entry_editor
        if editor is not None and editor.is_attached:
            held = Held(editor.value, EntryKind.NOTE, editor.entry_id)
            self.unsent.keep(held if editor.changed else Held(), editor=True)

    def unstored(self) -> list[str]:
        """The lines of this window that are stored nowhere yet."""
        self.save_draft()
        return self.unsent.unstored()

    def _data_version(self) -> int | None:
        try:
            return self.store.data_version()
        except CLERK_ERRORS:
            return None

    def _watch_database(self) -> None:
        """Show what another writer (a second terminal, ``minuteterm capture``)
        committed, within a second."""
        if self.unsent.queue:
            self._store_waiting()
        version = self._data_version()
        if version is not None and version != self._seen_version:
            self._seen_version = version
            self.refresh_panes()

    # --- rendering from the database -------------------------------------------

    def show_found(self, item_id: int, entry_id: int | None) -> None:
        """Show an item found by search (not making it current), its entry
        selected in the running minute, until the clerk types or moves on."""
        self._viewing, self._select = item_id, entry_id
        if self.is_mounted:
            self.refresh_panes()

    def _shown_item(self, items: list[AgendaItem], current: int | None) -> AgendaItem | None:
        """The item found by search, else the current item, else the first
        (where the first entry will go)."""
        for item in items:
            if item.id == self._viewing:
                return item
        for item in items:
            if item.id == current:
                return item
        return items[0] if items else None

    def refresh_panes(self) -> None:
        """Re-read the meeting and redraw every pane (a read that fails, say
        on a locked file, is reported on the status line)."""
        try:
            self._draw()
        except CLERK_ERRORS as error:
            self._refused(error)

    def _draw(self) -> None:
        meeting = self.store.meeting(self.meeting_id)
        items = self.store.items(self.meeting_id)
        numbers = {item.id: item for item in items}
        shown = self._shown_item(items, meeting.current_item_id)
        self._drawn_items = numbers
        self._drawn_current = shown.id if shown and shown.id == meeting.current_item_id else None
        self.query_one(MeetingHeader).show(meeting, quorum(self.store, self.meeting_id))
        self.query_one(CaptureBar).set_names(self.store.people_names(self.meeting_id))
        self.query_one(AgendaPane).show(items, meeting.current_item_id, self._documents())
        entries = self.store.entries(shown.id) if shown else []
        minute = self.query_one(MinutePane)
        minute.border_title = Content(  # a title is the clerk's text: never markup
            f"Item {shown.number}: {shown.title}" if shown else "No agenda items (/add TITLE)"
        )
        minute.show([Line(entry_content(entry), entry.id) for entry in entries])
        if shown is not None and shown.id == self._viewing:
            minute.border_title = Content(f"Item {shown.number}: {shown.title} (found by search)")
            self._select_found(minute, [entry.id for entry in entries])
        self.query_one(QuestionsPane).show(_question_lines(entries))
        self._draw_actions()
        self._draw_decisions()

    def _draw_actions(self) -> None:
        actions = self.store.meeting_entries(self.meeting_id, [EntryKind.ACTION])
        numbers = self._drawn_items
        self.query_one(ActionsPane).show(
            [
                Line(entry_content(entry, item=numbers[entry.item_id], time=False), entry.id)
                for entry in actions
            ]
        )

    def _draw_decisions(self) -> None:
        decided = self.store.meeting_entries(self.meeting_id, DECIDED)
        self.query_one(ResolutionsPane).show(_resolution_lines(decided, self._drawn_items))

    def _draw_added(self, item_id: int, entry_id: int | None, kind: EntryKind) -> None:
        """After an entry of ``kind`` is added to the current item, shown as
        it is: re-read only what such an entry shows in (the running minute,
        and the questions, actions or resolutions pane of its kind); the
        agenda, the header, the documents and the quorum are as they were.
        A speaker or owner the capture bar does not know yet is read in."""
        entries = self.store.entries(item_id)
        self.query_one(MinutePane).show([Line(entry_content(entry), entry.id) for entry in entries])
        if kind in (EntryKind.QUESTION, EntryKind.RESPONSE):
            self.query_one(QuestionsPane).show(_question_lines(entries))
        elif kind is EntryKind.ACTION:
            self._draw_actions()
        elif kind in DECIDED:
            self._draw_decisions()
        bar = self.query_one(CaptureBar)
        names = {
            name
            for entry in entries
            if entry.id == entry_id
            for name in (entry.speaker, entry.action.owner if entry.action else None)
            if name
        }
        if not names <= set(bar.names):
            bar.set_names(self.store.people_names(self.meeting_id))

    def _redraw_after(self, outcome: Outcome) -> None:
        """Redraw after a line: only the panes an added entry shows in when
        that is all the line did to the item on screen and no other writer
        has changed the file since the panes were drawn; else every pane."""
        version = self._data_version()
        if (
            outcome.added is None
            or outcome.item_id is None
            or self._viewing is not None
            or outcome.item_id != self._drawn_current
            or version != self._seen_version
        ):
            self._seen_version = version
            self.refresh_panes()
            return
        try:
            self._draw_added(outcome.item_id, outcome.entry_id, outcome.added)
        except CLERK_ERRORS as error:
            self._refused(error)

    def _documents(self) -> dict[int, list[tuple[str, bool]]]:
        """Each item's documents (title, restricted), for the agenda pane."""
        from minuteterm.importing.documents import item_documents

        found = item_documents(self.store, self.meeting_id)
        return {
            item_id: [(doc.title, doc.restricted) for doc in docs]
            for item_id, docs in found.items()
        }

    def _select_found(self, minute: MinutePane, ids: list[int]) -> None:
        """Select the entry a search found, once, in the running minute."""
        if self._select is None:
            return
        if self._select in ids:
            minute.focus()
            minute.highlighted = ids.index(self._select)
            # after the pane has followed its newest row and laid out its lines
            self.call_after_refresh(self.call_after_refresh, minute.scroll_to_highlight, True)
        self._select = None

    def _refused(self, error: Exception | str) -> None:
        self.query_one(CaptureBar).say(str(error), refused=True)

    def _run(self, change: Callable[[], Outcome]) -> Outcome | None:
        """Carry out one change, then redraw from the database either way (a
        refusal may come from a change made elsewhere)."""
        try:
            outcome = change()
        except CLERK_ERRORS as error:
            self.refresh_panes()
            self._refused(error)
            return None
        self.refresh_panes()
        self.query_one(CaptureBar).say(outcome.message)
        return outcome

    # --- capture --------------------------------------------------------------

    def _line_entered(self, line: str, kind: EntryKind) -> None:
        """Enter in the capture bar: save the line (synchronously, so it is
        committed before the key's handling returns) after any lines still
        waiting for the database, or give it back with the reason it was
        refused."""
        self._viewing = None  # lines go to the current item: show it
        self.unsent.queue.append((line, kind))
        self._store_waiting(entered=True)
        self.save_draft()  # a saved line must not come back as a draft

    def _store_waiting(self, *, entered: bool = False) -> None:
        """Store the waiting lines, oldest first, until the database refuses
        one for now (it stays first in the queue, each line its own).
        ``entered``: the last line was just entered from the bar."""
        queue = self.unsent.queue
        while queue and self._store(*queue[0], typed=entered and len(queue) == 1):
            queue.pop(0)
        self.query_one(UnstoredLines).show(queue)

    def _store(self, line: str, kind: EntryKind, *, typed: bool = False) -> bool:
        """Save one line; ``False`` if the database cannot take it now
        (nothing was changed, and the line is kept to try again). ``typed``:
        the line is the one just entered from the bar, whose draft goes with
        it (the bar has been emptied)."""
        bar = self.query_one(CaptureBar)
        window = self.unsent.window if typed else None
        try:
            outcome = self.recorder.apply(
                line, kind, typed_in=window, known_names=self._names_if_current(bar)
            )
        except StorageUnavailable as error:
            self._refused(f"{error}: your line is kept (not stored yet)")
            return False
        except CLERK_ERRORS as error:
            self.refresh_panes()
            self._refused(error)
            bar.give_back(line)
            return True
        if typed:
            self.unsent.entered()
        self._redraw_after(outcome)
        bar.say(outcome.message)
        if line.lstrip().casefold().startswith("/add") and outcome.item_id is not None:
            from minuteterm.tui.search_hints import predecessors_hint

            bar.say(outcome.message + predecessors_hint(self.store.conn, outcome.item_id))
        return True

    def _names_if_current(self, bar: CaptureBar) -> list[str] | None:
        """The speaker names the bar holds, when they are the file's: read
        with every pane, and again after any line that named someone new,
        so they are current unless another program has written since the
        panes were drawn (then ``None``: the recorder reads them)."""
        if self._seen_version is None or self._data_version() != self._seen_version:
            return None
        return bar.names

    @on(AgendaPane.ReportRequested)
    def _report_requested(self, event: AgendaPane.ReportRequested) -> None:
        from minuteterm.tui.screens.text_dialog import TextDialog

        try:
            item = self.store.item(event.item_id)
        except CLERK_ERRORS as error:
            self._refused(error)
            return

        def chosen(path: str | None) -> None:
            if path and path.strip():
                self._run(lambda: self._import_report(item.id, path.strip()))

        title = f"Officer report for item {item.number}: {item.title}"
        hint = "Path to a .txt, .docx or .pdf report · Enter reads it · Esc cancels"
        self.app.push_screen(TextDialog(title, hint=hint), chosen)

    def _import_report(self, item_id: int, path: str) -> Outcome:
        from minuteterm.importing.report import read_report
        from minuteterm.importing.report_import import add_skeleton

        self.recorder.check_editable()
        report = read_report(Path(path).expanduser())
        return add_skeleton(self.store, self.store.item(item_id), report)

    @on(AgendaPane.ItemChosen)
    def _item_chosen(self, event: AgendaPane.ItemChosen) -> None:
        self._viewing = None
        if self._run(lambda: self.recorder.go_to(event.item_id)) is not None:
            self.action_focus_capture()

    @on(AgendaPane.HistoryRequested)
    def _subject_history(self, event: AgendaPane.HistoryRequested) -> None:
        from minuteterm.search.history import item_history
        from minuteterm.tui.screens.subject_history_dialog import SubjectHistoryDialog

        self.app.push_screen(SubjectHistoryDialog(item_history(self.store.conn, event.item_id)))

    # --- entry keys -----------------------------------------------------------

    @on(EntryPane.EditRequested)
    async def _edit_requested(self, event: EntryPane.EditRequested) -> None:
        try:
            self.recorder.check_editable()
            line = self.recorder.edit_line(event.entry_id)
        except CLERK_ERRORS as error:
            self.refresh_panes()
            self._refused(error)
            return
        self._edited_from = event.pane
        editor = await self._editor()
        editor.open(event.entry_id, line, event.pane.TITLE)
        self.query_one(CaptureBar).say("Editing: Enter saves, Esc cancels.")

    async def _editor(self) -> EntryEditor:
        """The entry editor, mounted above the capture bar the first time."""
        if self._entry_editor is not None and self._entry_editor.is_attached:
            return self._entry_editor
        editor = EntryEditor()
        await self.mount(editor, before=self.query_one(CaptureBar))
        self._entry_editor = editor
        return editor

    @on(EntryEditor.Saved)
    def _edit_saved(self, event: EntryEditor.Saved) -> None:
        if self._run(lambda: self.recorder.edit(event.entry_id, event.line)) is not None:
            self._close_editor()

    @on(EntryEditor.Cancelled)
    def _edit_cancelled(self, _event: EntryEditor.Cancelled) -> None:
        self._close_editor()
        self.query_one(CaptureBar).say("Edit cancelled; the entry is as it was.")

    def _close_editor(self) -> None:
        """Hide the editor and go back to the pane the entry was chosen in."""
        self.query_one(EntryEditor).close()
        pane = self._edited_from
        if pane is not None and pane.is_attached:
            pane.focus()
        else:
            self.action_focus_capture()

    @on(EntryPane.KindChangeRequested)
    def _kind_change_requested(self, event: EntryPane.KindChangeRequested) -> None:
        from minuteterm.tui.screens.choice_dialog import ChoiceDialog

        choices = [
            (kind.value, Content.assemble((KIND_LABEL[kind], KIND_LOOK[kind][1])))
            for kind in CAPTURE_KINDS
        ]

        def chosen(kind: str | None) -> None:
            if kind is not None:
                self._run(lambda: self.recorder.change_kind(event.entry_id, EntryKind(kind)))

        self.app.push_screen(ChoiceDialog("Change this entry to:", choices), chosen)

    @on(EntryPane.DeleteRequested)
    def _delete_requested(self, event: EntryPane.DeleteRequested) -> None:
        self._run(lambda: self.recorder.delete(event.entry_id))

    @on(EntryPane.UndoRequested)
    def _undo_requested(self, _event: EntryPane.UndoRequested) -> None:
        self._run(self.recorder.undo)

    @on(EntryPane.AttachRequested)
    def _attach_requested(self, event: EntryPane.AttachRequested) -> None:
        from minuteterm.tui.screens.choice_dialog import ChoiceDialog

        try:
            choices = self._questions_to_attach(event.entry_id)
        except CLERK_ERRORS as error:
            self.refresh_panes()
            self._refused(error)
            return

        def chosen(question: str | None) -> None:
            if question is not None:
                self._run(lambda: self.recorder.reattach(event.entry_id, int(question)))

        self.app.push_screen(ChoiceDialog("Attach this response to:", choices), chosen)

    def _questions_to_attach(self, response_id: int) -> list[tuple[str, Content]]:
        """The questions of the response's own item, as dialog choices."""
        response = self.store.entry(response_id)
        if response.kind is not EntryKind.RESPONSE:
            raise CaptureError("select a response (A) to attach it to a question")
        questions = [
            (str(entry.id), entry_content(entry, time=False))
            for entry in self.store.entries(response.item_id)
            if entry.kind is EntryKind.QUESTION
        ]
        if not questions:
            raise CaptureError("this item has no questions yet")
        return questions

    @on(EntryPane.HistoryRequested)
    def _history_requested(self, event: EntryPane.HistoryRequested) -> None:
        from minuteterm.db import audit
        from minuteterm.tui.screens.entry_history_dialog import EntryHistoryDialog

        try:
            entry = self.store.entry(event.entry_id)
            revisions = self.store.revisions(event.entry_id)
            replies = {entry.reply_to} | {revision.reply_to for revision in revisions}
            questions = {
                question: words
                for question in replies
                if question is not None
                and (words := audit.words_of(self.store.db, question)) is not None
            }
        except CLERK_ERRORS as error:
            self.refresh_panes()
            self._refused(error)
            return
        self.app.push_screen(EntryHistoryDialog(entry, revisions, questions))

    # --- screen keys ----------------------------------------------------------

    def action_focus_capture(self) -> None:
        """Back to the capture bar."""
        self.query_one(CaptureBar).input.focus()

    def action_leave(self) -> None:
        """Back to the list of meetings (the unsent line is kept)."""
        self.save_draft()
        self.app.show_meetings()  # type: ignore[attr-defined]

    def action_export(self) -> None:
        """Write the minutes in every format into the current folder (and,
        when the meeting has exempt items, the public version too)."""
        from minuteterm.recording.record import meeting_record

        try:
            record = meeting_record(self.store, self.meeting_id)
        except CLERK_ERRORS as error:
            self._refused(error)
            return
        self.query_one(CaptureBar).say("Exporting…")
        self._export(record, Path.cwd())

    @work(thread=True, group="export")
    def _export(self, record, folder: Path) -> None:
        from minuteterm.tui.exporting import export_all

        versions = [False, True] if record.confidential else [False]
        try:
            paths = [
                path for public in versions for path in export_all(record, folder, public=public)
            ]
        except CLERK_ERRORS as error:
            self.app.call_from_thread(self._refused, error)
            return
        message = "Exported " + ", ".join(str(path) for path in paths)
        self.app.call_from_thread(self.query_one(CaptureBar).say, message)

    def action_attendance(self) -> None:
        """Who is here, apologies, substitutes, the Chair, the quorum and
        declarations of interest."""
        from minuteterm.tui.screens.attendance_screen import AttendanceScreen

        self.save_draft()
        self.app.push_screen(
            AttendanceScreen(self.store, self.meeting_id), lambda _done: self.refresh_panes()
        )

    def action_review(self) -> None:
        """The minutes as they will be published, beside the entries."""
        from minuteterm.tui.screens.review_screen import ReviewScreen

        self.save_draft()
        self.app.push_screen(ReviewScreen(self.store, self.meeting_id))


def _question_lines(entries: list[Entry]) -> list[Line]:
    """Each question followed by its responses, indented; then any response
    that answers no question of this item."""
    lines: list[Line] = []
    questions = {entry.id for entry in entries if entry.kind is EntryKind.QUESTION}
    for entry in entries:
        if entry.kind is EntryKind.QUESTION:
            lines.append(Line(entry_content(entry, time=False), entry.id))
            lines += [
                Line(Content.assemble("   ↳ ", entry_content(reply, time=False)), reply.id)
                for reply in entries
                if reply.kind is EntryKind.RESPONSE and reply.reply_to == entry.id
            ]
    lines += [
        Line(Content.assemble("(no question) ", entry_content(reply, time=False)), reply.id)
        for reply in entries
        if reply.kind is EntryKind.RESPONSE and reply.reply_to not in questions
    ]
    return lines


def _resolution_lines(entries: list[Entry], items: dict[int, AgendaItem]) -> list[Line]:
    """Each resolution with the vote on it (if one was taken) under it; a
    proposal numbered as ``/resolve N`` will take it."""
    lines: list[Line] = []
    proposed: dict[int, int] = {}
    for entry in entries:
        if entry.kind is EntryKind.PROPOSAL:
            proposed[entry.item_id] = number = proposed.get(entry.item_id, 0) + 1
            shown = entry_content(entry, item=items[entry.item_id], time=False)
            mark = (f"{number}) ", "italic $warning")
            lines.append(Line(Content.assemble(mark, shown), entry.id))
        elif entry.kind is EntryKind.RESOLUTION:
            lines.append(
                Line(entry_content(entry, item=items[entry.item_id], time=False), entry.id)
            )
            lines += [
                Line(Content.assemble("   ↳ ", entry_content(vote, time=False)), vote.id)
                for vote in entries
                if vote.kind is EntryKind.VOTE and vote.reply_to == entry.id
            ]
    return lines
