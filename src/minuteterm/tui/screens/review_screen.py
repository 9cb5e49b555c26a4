"""Review: the minutes as they will be published, beside what was captured.

On the left, every entry of the meeting under its item, as typed; on the
right, the minutes rendered from exactly the Markdown that ``minuteterm
export`` writes, in the question style and version (confidential, or
public: exempt discussion left out) the clerk chooses, starting from the
committee's house style. Enter on an item or entry brings its minute into
view; X exports what is shown, into files named by their question style.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Markdown, OptionList, Static
from textual.widgets.option_list import Option

from minuteterm.db.store import Store
from minuteterm.errors import CLERK_ERRORS
from minuteterm.model import QUESTION_STYLES, EntryKind, MeetingRecord
from minuteterm.recording.record import meeting_record
from minuteterm.tui.entry_text import entry_content
from minuteterm.tui.widgets.key_hints import KeyHints
from minuteterm.tui.widgets.outcome_line import OutcomeLine


class ReviewScreen(Screen[None]):
    """The minutes to be published, beside the entries they come from."""

    DEFAULT_CSS = """
    ReviewScreen {
        #review-title { height: 1; padding: 0 1; background: $panel; text-style: bold; }
        #review-body { height: 1fr; }
        #review-entries { width: 45%; border: round $primary 50%; }
        #review-entries:focus { border: round $accent; }
        #review-minutes { width: 1fr; border: round $primary 50%; padding: 0 1; }
    }
    """

    BINDINGS = [
        Binding("1", "style('dash')", "Dash", id="review.dash"),
        Binding("2", "style('bullets')", "Bullets", id="review.bullets"),
        Binding("3", "style('narrative')", "Narrative", id="review.narrative"),
        Binding("p", "public", "Public/confidential", id="review.public"),
        Binding("x", "export", "Export these", id="review.export"),
        Binding("escape,ctrl+l", "back", "Back", id="review.back"),
    ]

    def __init__(self, store: Store, meeting_id: int, questions: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.meeting_id = meeting_id
        self.questions = questions or self._house_questions()
        self.public = False
        self._headings: dict[str, str] = {}

    def _house_questions(self) -> str:
        """The committee's house style for questions (dash when unknown)."""
        try:
            committee = meeting_record(self.store, self.meeting_id).committee
        except CLERK_ERRORS:
            return "dash"
        return committee.question_style if committee else "dash"

    def compose(self) -> ComposeResult:
        yield Static(id="review-title")
        with Horizontal(id="review-body"):
            yield OptionList(id="review-entries")
            with VerticalScroll(id="review-minutes"):
                yield Markdown(id="review-markdown")
        yield OutcomeLine(id="review-outcome")
        yield KeyHints()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#review-entries", OptionList).focus()

    def _record(self) -> MeetingRecord | None:
        try:
            return meeting_record(self.store, self.meeting_id)
        except CLERK_ERRORS as error:
            self.say(str(error), refused=True)
            return None

    def reload(self) -> None:
        """Read the meeting again and render its minutes as chosen."""
        from minuteterm.export import render
        from minuteterm.minutes import build_minutes

        record = self._record()
        if record is None:
            return
        minutes = build_minutes(record, self.questions, public=self.public)
        self._headings = {
            str(item.item.id): section.heading
            for item, section in zip(record.items, minutes.sections, strict=True)
        }
        markdown = render(record, "md", questions=self.questions, public=self.public)
        assert isinstance(markdown, str)  # Markdown is text; only Word is bytes
        self.query_one("#review-markdown", Markdown).update(markdown)
        self._show_entries(record)
        version = "public version (exempt discussion left out)" if self.public else "full version"
        waiting = sum(
            entry.kind is EntryKind.PROPOSAL for item in record.items for entry in item.entries
        )
        pending = (
            f" · {waiting} proposed resolution{'s' if waiting != 1 else ''} not in the minutes"
            " until confirmed (/resolve)"
            if waiting
            else ""
        )
        house = record.committee.question_style if record.committee else "dash"
        which = " — the house style" if self.questions == house else f" — house style: {house}"
        self.query_one("#review-title", Static).update(
            Content(
                f"Review — {record.meeting.title}: {self.questions} questions, {version}"
                f"{which}{pending}"
            )
        )

    def _show_entries(self, record: MeetingRecord) -> None:
        from minuteterm.importing.documents import item_documents
        from minuteterm.minutes.public import withheld

        entries = self.query_one("#review-entries", OptionList)
        documents = item_documents(self.store, self.meeting_id)
        hidden = withheld(record) if self.public else frozenset()
        options: list[Option] = []
        for item in record.items:
            number = item.item.reference
            heading = (
                f"{number} {item.item.title}" if "/" in number else f"{number}. {item.item.title}"
            )
            if item.item.exempt:
                heading += " (exempt)"
            options.append(Option(Content.assemble((heading, "bold")), id=f"i{item.item.id}"))
            options += [
                Option(
                    Content.assemble(
                        ("  ▸ ", "dim"),
                        (document.title, "italic"),
                        (" (restricted)" if document.restricted else "", "italic $warning"),
                        (f"  {document.url}" if document.url else "", "dim"),
                    ),
                    id=f"d{index}-{item.item.id}",
                )
                for index, document in enumerate(documents.get(item.item.id, []))
            ]
            options += [
                Option(
                    Content.assemble("  ", entry_content(entry)), id=f"e{entry.id}-{item.item.id}"
                )
                for entry in item.entries
                if entry.id not in hidden
            ]
            withheld_here = sum(entry.id in hidden for entry in item.entries)
            if withheld_here:
                noun = "entry" if withheld_here == 1 else "entries"
                note = f"  ({withheld_here} exempt {noun}: in the confidential version only)"
                options.append(Option(Content.assemble((note, "italic")), disabled=True))
        highlighted = entries.highlighted
        entries.set_options(options)
        if highlighted is not None and highlighted < len(options):
            entries.highlighted = highlighted

    def say(self, message: str, *, refused: bool = False) -> None:
        """What happened, under the table."""
        self.query_one(OutcomeLine).say(message, refused=refused)

    @on(OptionList.OptionSelected, "#review-entries")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """Bring the chosen item's minute into view."""
        event.stop()
        item_id = (event.option.id or "").rpartition("-")[2].lstrip("i")
        heading = self._headings.get(item_id)
        if heading is None:
            return
        for block in self.query_one("#review-markdown", Markdown).query("MarkdownH2"):
            if str(block.render()).strip() == heading:
                block.scroll_visible(top=True, animate=False)
                return

    def action_style(self, style: str) -> None:
        """Write the questions and answers in another house style."""
        if style in QUESTION_STYLES:
            self.questions = style
            self.reload()

    def action_public(self) -> None:
        """Switch between the full minutes and the public version."""
        self.public = not self.public
        self.reload()

    def action_export(self) -> None:
        """Write what is shown, in every format, to the current folder."""
        record = self._record()
        if record is not None:
            self.say("Exporting…")
            self._export(record, Path.cwd())

    @work(thread=True, group="export")
    def _export(self, record: MeetingRecord, folder: Path) -> None:
        from minuteterm.tui.exporting import export_all

        try:
            paths = export_all(
                record, folder, questions=self.questions, public=self.public, named_by_style=True
            )
        except CLERK_ERRORS as error:
            self.app.call_from_thread(self.say, str(error), refused=True)
            return
        self.app.call_from_thread(self.say, "Exported " + ", ".join(str(p) for p in paths))

    def action_back(self) -> None:
        """Back to the meeting."""
        self.dismiss(None)
