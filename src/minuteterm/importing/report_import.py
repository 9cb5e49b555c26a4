"""Drop an officer report onto its agenda item.

:func:`import_report` reads the report's cover (see
:mod:`~minuteterm.importing.report`) before anything is written, then in one
transaction gives the item its opening note — first in the item's running
minute — and each recommendation as a *proposed* resolution
(:attr:`~minuteterm.model.EntryKind.PROPOSAL`), which the minutes leave out
until the clerk confirms it (``/resolve``). A report that cannot be read
adds nothing; a report imported twice adds nothing the item already has.
"""

from __future__ import annotations

from pathlib import Path

from minuteterm import clock
from minuteterm.db.store import Store
from minuteterm.errors import CaptureError
from minuteterm.importing.report import OfficerReport, read_report
from minuteterm.importing.skeleton import skeleton
from minuteterm.model import AgendaItem, EntryKind
from minuteterm.recording.outcome import Outcome
from minuteterm.textsafe import clean


def item_numbered(store: Store, meeting_id: int, number: str) -> AgendaItem:
    """The meeting's item with agenda (or minute) number ``number``."""
    items = store.items(meeting_id)
    wanted = number.strip().rstrip(".").casefold()
    for item in items:
        if wanted in (item.number.casefold(), (item.minute_number or "").casefold()):
            return item
    numbers = ", ".join(item.number for item in items) or "none"
    raise CaptureError(f"meeting {meeting_id} has no item {number} (items: {numbers})")


def add_skeleton(store: Store, item: AgendaItem, report: OfficerReport) -> Outcome:
    """Give ``item`` the report's opening note and proposed resolutions."""
    meeting = store.meeting(item.meeting_id)
    store.assert_editable(meeting)
    built = skeleton(report, meeting.committee)
    have = {clean(entry.text) for entry in store.entries(item.id)}
    now = clock.now()
    added_note, proposals = False, 0
    with store.transaction() as db:
        if clean(built.opening) not in have:
            entry_id = store.add_entry(item.id, EntryKind.NOTE, built.opening, now=now)
            first = db.execute(
                "select coalesce(min(position), 1) from entries where item_id = ?", [item.id]
            ).fetchone()[0]
            db.execute("update entries set position = ? where id = ?", [first - 1, entry_id])
            added_note = True
        for text in built.proposals:
            if clean(text) not in have:
                store.add_entry(item.id, EntryKind.PROPOSAL, text, now=now)
                proposals += 1
        if report.subject and not item.report:
            db.table("agenda_items").update(item.id, {"report": clean(report.subject)})
        if report.purpose and not item.purpose:
            db.table("agenda_items").update(item.id, {"purpose": clean(report.purpose)})
    return Outcome(_said(item, added_note, proposals), item_id=item.id)


def _said(item: AgendaItem, added_note: bool, proposals: int) -> str:
    if not added_note and not proposals:
        return f"item {item.number} already has this report's opening note and recommendations"
    parts = ["the opening note"] if added_note else []
    if proposals:
        parts.append(f"{proposals} proposed resolution{'s' if proposals != 1 else ''}")
    said = f"item {item.number}: added {' and '.join(parts)}"
    if proposals:
        said += " (not in the minutes until confirmed: /resolve on the item)"
    return said


def import_report(store: Store, meeting_id: int, number: str, path: str | Path) -> Outcome:
    """Read the report at ``path`` and add its skeleton to item ``number``."""
    meeting = store.meeting(meeting_id)
    store.assert_editable(meeting)
    item = item_numbered(store, meeting_id, number)
    report = read_report(path)
    return add_skeleton(store, item, report)
