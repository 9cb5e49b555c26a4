"""The history of one entry: every earlier version, oldest first, then now."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from minuteterm.dates import format_clock, in_zone, to_local, zone_of
from minuteterm.model import Change, Entry, EntryKind, Revision
from minuteterm.tui.entry_text import KIND_LABEL
from minuteterm.tui.screens.action_dialogs import DIALOG_CSS

#: How each change is told, before the words the entry had then.
CHANGE_WORDS: dict[Change, str] = {
    Change.EDIT: "edited; it read",
    Change.KIND: "kind changed; it was",
    Change.ATTACH: "re-attached; it was",
    Change.DELETE: "deleted",
    Change.RESTORE: "restored",
}


def _words(kind: EntryKind, speaker: str | None, text: str) -> str:
    said = f"{speaker}: {text}" if speaker else text
    return f"{KIND_LABEL[kind]} — {said}"


def _answering(reply_to: int | None, questions: dict[int, str]) -> str:
    if reply_to is None or reply_to not in questions:
        return ""
    question = questions[reply_to]
    short = question if len(question) <= 60 else question[:59] + "…"
    return f" (answering “{short}”)"


def revision_line(revision: Revision, questions: dict[int, str], zone: str | None = None) -> str:
    """One earlier version: when (in the meeting's ``zone``), what happened,
    the words then."""
    when = f"{in_zone(revision.at, zone) if zone else to_local(revision.at):%d %b %Y %H:%M}"
    words = _words(revision.kind, revision.speaker, revision.text)
    return f"{when}  {CHANGE_WORDS[revision.change]}: {words}" + _answering(
        revision.reply_to, questions
    )


class EntryHistoryDialog(ModalScreen[None]):
    """An entry's earlier versions and how it reads now; Esc closes."""

    DEFAULT_CSS = "EntryHistoryDialog {" + DIALOG_CSS + "}"
    BINDINGS = [Binding("escape,enter,q", "close", "Close", id="entry-history.close")]

    def __init__(self, entry: Entry, revisions: list[Revision], questions: dict[int, str]) -> None:
        super().__init__()
        self.entry = entry
        self.revisions = revisions
        self.questions = questions

    def compose(self) -> ComposeResult:
        entry = self.entry
        with VerticalScroll(id="box"):
            yield Static(
                Content(f"History of this {KIND_LABEL[entry.kind].lower()}"), classes="title"
            )
            yield Label(
                f"Taken at {format_clock(entry.created_at)}; earlier versions, oldest first:"
            )
            zone = zone_of(entry.created_at)
            lines = [revision_line(revision, self.questions, zone) for revision in self.revisions]
            yield Static(Content("\n".join(lines) or "None: it has not been changed."), id="past")
            now = _words(entry.kind, entry.speaker, entry.text)
            yield Static(Content("Now: " + now + _answering(entry.reply_to, self.questions)))

    def action_close(self) -> None:
        """Close the history."""
        self.dismiss(None)
