"""How an entry looks on screen: one styled line, never parsed as markup.

Every piece of user text goes into a :class:`~textual.content.Content` as
plain text, so ``[bold]`` or ``[@click=app.quit]`` in a note shows literally
and does nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from textual.content import Content

from minuteterm.dates import format_clock, format_date, zone_of
from minuteterm.model import AgendaItem, Entry, EntryKind

#: The short tag and style that tell the kinds apart at a glance.
KIND_LOOK: dict[EntryKind, tuple[str, str]] = {
    EntryKind.NOTE: ("NOTE", "dim"),
    EntryKind.QUESTION: ("Q", "bold $accent"),
    EntryKind.RESPONSE: ("A", "bold $success"),
    EntryKind.ACTION: ("ACTION", "bold $warning"),
    EntryKind.RESOLUTION: ("RESOLVED", "bold $primary"),
    EntryKind.DECLARATION: ("DECL", "bold $secondary"),
    EntryKind.VOTE: ("VOTE", "bold $secondary"),
    EntryKind.ACTION_UPDATE: ("UPDATE", "bold $warning"),
    EntryKind.ATTENDANCE: ("ATTENDANCE", "bold $secondary"),
    EntryKind.PROPOSAL: ("PROPOSED", "italic $warning"),
}

#: What the capture bar calls each kind.
KIND_LABEL: dict[EntryKind, str] = {
    EntryKind.NOTE: "Note",
    EntryKind.QUESTION: "Question",
    EntryKind.RESPONSE: "Response",
    EntryKind.ACTION: "Action",
    EntryKind.RESOLUTION: "Resolution",
    EntryKind.DECLARATION: "Declaration",
    EntryKind.VOTE: "Vote",
    EntryKind.ACTION_UPDATE: "Action update",
    EntryKind.ATTENDANCE: "Attendance",
    EntryKind.PROPOSAL: "Proposed resolution",
}


def due_words(entry: Entry) -> str:
    """An action's due date as the clerk will read it, or ''."""
    if entry.action is None:
        return ""
    if entry.action.due is not None:
        return f"by {format_date(entry.action.due)}"
    return f"by {entry.action.due_text}" if entry.action.due_text else "no date"


def entry_content(entry: Entry, *, item: AgendaItem | None = None, time: bool = True) -> Content:
    """One entry as a line: time, kind tag, speaker, words (and due date).

    Remembered by value (the entry, its item, the meeting's zone), since every
    pane is redrawn from the database after each line and most of its
    entries have not changed."""
    return _entry_content(entry, item, time, zone_of(entry.created_at))


def _number(entry: Entry) -> int:
    """The number an action is printed with (``ACTION 3``)."""
    return entry.action.label if entry.action is not None else entry.id


@lru_cache(maxsize=4096)
def _entry_content(entry: Entry, item: AgendaItem | None, time: bool, _zone: object) -> Content:
    tag, style = KIND_LOOK[entry.kind]
    parts: list[str | tuple[str, str]] = []
    if time:
        parts.append((f"{format_clock(entry.created_at)} ", "dim"))
    if item is not None:
        parts.append((f"[{item.number}] ", "dim"))
    parts.append(
        (f"{tag} #{_number(entry)} " if entry.kind is EntryKind.ACTION else f"{tag} ", style)
    )
    if entry.speaker:
        parts.append((f"{entry.speaker}: ", "bold"))
    parts.append(entry.text)
    if entry.kind is EntryKind.ACTION:
        parts.append((f" ({due_words(entry)})", "italic"))
    return Content.assemble(*parts)


def item_content(
    item: AgendaItem, *, current: bool, documents: Sequence[tuple[str, bool]] = ()
) -> Content:
    """An agenda line: marker, number, title, and its times once it has them;
    under it, the item's reports and documents (title, restricted)."""
    marker = ("▶ ", "bold $accent") if current else ("  ", "")
    parts: list[str | tuple[str, str]] = [marker, (f"{item.number}. ", "bold"), item.title]
    if item.exempt:
        parts.append((" (exempt)", "italic $warning"))
    if item.started_at is not None:
        span = format_clock(item.started_at)
        if item.ended_at is not None:
            span += f"–{format_clock(item.ended_at)}"
        parts.append((f"  {span}", "dim"))
    for title, restricted in documents:
        parts += [("\n     ▸ ", "dim"), (title, "italic")]
        if restricted:
            parts.append((" (restricted)", "italic $warning"))
    return Content.assemble(*parts)
