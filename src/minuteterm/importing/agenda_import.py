"""Bring a Modern.Gov meeting into the database, or update it while a draft.

:func:`import_meeting` is the one door for an imported agenda: it creates
the meeting through :meth:`~minuteterm.db.store.Store.create_meeting` (so the
committee's members are listed and its action log carried forward exactly
as for a meeting typed in), keeps each item's linked documents and
remembers which site and meeting it came from. The same meeting imported
again updates its draft — titles, Part II marking, documents, new items —
and is refused once the meeting is live. All of it is one transaction:
a refused import changes nothing.
"""

from __future__ import annotations

import re
from typing import Any

import pendulum

from minuteterm import clock
from minuteterm.clock import iso
from minuteterm.dates import DateError, format_long_date, parse_meeting_start, parse_time
from minuteterm.db.store import Store, short_text
from minuteterm.importing.documents import ItemDocument as ItemDocument  # re-exported
from minuteterm.importing.documents import item_documents as item_documents  # re-exported
from minuteterm.importing.moderngov import AgendaEntry, Document, ImportedMeeting, ImportRefused
from minuteterm.model import ACTION_LOG, AgendaItem, MeetingStatus, NewItem, standing_item
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.outcome import Outcome
from minuteterm.textsafe import clean


def imported_as(store: Store, site: str, external_id: str) -> int | None:
    """The meeting already imported from ``site``'s meeting ``external_id``."""
    rows = store.query(
        "select meeting_id from meeting_sources where site = ? and external_id = ?",
        [site, external_id],
    )
    return int(rows[0]["meeting_id"]) if rows else None


_CLOCK = re.compile(r"(?<!\d)(\d{1,2}[:.]\d{2})(?::\d{2})?(\s*[ap]\.?m\.?)?", re.IGNORECASE)


def _time_text(imported: ImportedMeeting) -> str | None:
    """The start time the site gave (``18:30``, ``6.30 pm``, ``18:30:00``,
    ``2027-03-09T18:30:00``), or ``None`` when there is none to read."""
    text = (imported.time or "").strip()
    found = _CLOCK.search(text.partition("T")[2] or text)
    if found:
        text = found.group(1) + (found.group(2) or "")
    if not text:
        return None
    try:
        parse_time(text)
    except DateError:
        return None
    return text


def _time_given(imported: ImportedMeeting) -> bool:
    """Whether the site gave a start time that can be read."""
    return _time_text(imported) is not None


def _starts_at(imported: ImportedMeeting, zone: str) -> pendulum.DateTime:
    """The start the site gives, read as the clock reads where the meeting
    happens (``zone``)."""
    time_text = _time_text(imported)  # when None, 6 pm until the clerk sets it
    return parse_meeting_start(imported.day.strftime("%d/%m/%Y"), time_text, imported.day, zone)


def _new_item(entry: AgendaEntry) -> NewItem:
    return NewItem(
        entry.title,
        exempt=entry.exempt,
        number=entry.number,
        exempt_paragraph=entry.exempt_paragraph,
    )


def _write_documents(db: Any, item_id: int, documents: tuple[Document, ...]) -> None:
    db.execute("delete from item_documents where item_id = ?", [item_id])
    for position, document in enumerate(documents, start=1):
        db.table("item_documents").insert(
            {
                "item_id": item_id,
                "position": position,
                "title": clean(document.title) or "Document",
                "url": clean(document.url or "") or None,
                "restricted": int(document.restricted),
            }
        )


def _pair(entries: tuple[AgendaEntry, ...], items: list[AgendaItem]) -> list[tuple]:
    """Each imported entry with the stored item made from it (in order,
    skipping an action log added between them)."""
    pairs, index = [], 0
    for entry in entries:
        title = clean(entry.title)
        while index < len(items) and items[index].title != title:
            index += 1
        if index < len(items):
            pairs.append((entry, items[index]))
            index += 1
    return pairs


def _committee(imported: ImportedMeeting, committee: str | None) -> str:
    name = clean(committee or imported.committee or "")
    if not name:
        raise ImportRefused(
            f"Modern.Gov meeting {imported.meeting_id} does not name its committee:"
            " give it with --committee NAME"
        )
    return name


def import_meeting(
    store: Store, site: str, imported: ImportedMeeting, committee: str | None = None
) -> tuple[int, Outcome]:
    """Create the meeting (or update its draft); return its id and what
    happened, in words for the clerk."""
    name = _committee(imported, committee)
    existing = imported_as(store, site, imported.meeting_id)
    zone = store.meeting_zone(existing) if existing is not None else store.committee_zone(name)
    starts_at = _starts_at(imported, zone)
    if existing is not None:
        return existing, _update(store, existing, name, starts_at, imported)
    with store.transaction() as db:
        meeting_id = create_meeting(
            store,
            name,
            starts_at,
            venue=imported.venue or "",
            agenda=[_new_item(entry) for entry in imported.items],
            time_zone=zone,
        )
        documents = 0
        for entry, item in _pair(imported.items, store.items(meeting_id)):
            _write_documents(db, item.id, entry.documents)
            documents += len(entry.documents)
        db.table("meeting_sources").insert(
            {
                "meeting_id": meeting_id,
                "site": site,
                "external_id": imported.meeting_id,
                "imported_at": iso(clock.now()),
            }
        )
    held = format_long_date(starts_at.date())
    said = (
        f"created meeting {meeting_id}: {name}, {held}; {len(imported.items)} items,"
        f" {documents} documents (Modern.Gov meeting {imported.meeting_id})"
    )
    if not _time_given(imported):
        said += "; no start time could be read: 6.00 pm until it is changed"
    return meeting_id, Outcome(said)


def _update(
    store: Store,
    meeting_id: int,
    committee: str,
    starts_at: pendulum.DateTime,
    imported: ImportedMeeting,
) -> Outcome:
    """Bring a draft up to date with the site's agenda: matching items (by
    number, else title) take the new title, Part II marking and documents;
    new items go at the end; items gone from the agenda are removed unless
    something was already written in them."""
    meeting = store.meeting(meeting_id)
    if meeting.status is not MeetingStatus.DRAFT:
        raise ImportRefused(
            f"meeting {meeting_id} was imported from Modern.Gov meeting {imported.meeting_id}"
            f" and is {meeting.status.value}: its agenda can no longer be replaced"
        )
    owner = store.committee(committee)
    changes: dict[str, Any] = {"starts_at": iso(starts_at), "committee_id": owner.id}
    if meeting.title == meeting.committee:
        changes["title"] = owner.name
    if imported.venue:
        changes["venue"] = short_text(imported.venue, "a venue")
    added = removed = kept = 0
    with store.transaction() as db:
        db.table("meetings").update(meeting_id, changes)
        items = [item for item in store.items(meeting_id) if item.standing != ACTION_LOG]
        unmatched = list(items)
        for index, entry in enumerate(imported.items, start=1):
            item = _match(entry, unmatched, index)
            if item is None:
                item_id = _append(store, db, meeting_id, entry)
                added += 1
            else:
                unmatched.remove(item)
                item_id = item.id
                _refresh(db, item, entry)
            _write_documents(db, item_id, entry.documents)
        for item in unmatched:
            if store.query("select 1 from entries where item_id = ? limit 1", [item.id]):
                kept += 1
            else:
                db.execute("delete from agenda_items where id = ?", [item.id])
                removed += 1
        db.table("meeting_sources").update(meeting_id, {"imported_at": iso(clock.now())})
    said = f"updated meeting {meeting_id} from Modern.Gov meeting {imported.meeting_id}:"
    said += f" {len(imported.items)} items ({added} new, {removed} removed)"
    if kept:
        said += f"; {kept} item(s) no longer on the agenda kept, as they have entries"
    return Outcome(said)


def _match(entry: AgendaEntry, items: list[AgendaItem], index: int) -> AgendaItem | None:
    """The stored item an imported one updates: the same number (an item the
    site gives no number was numbered by its place), else the same title."""
    title = clean(entry.title).casefold()
    number = clean(entry.number or str(index)).casefold()
    for item in items:
        if item.number.casefold() == number:
            return item
    for item in items:
        if item.title.casefold() == title:
            return item
    return None


def _refresh(db: Any, item: AgendaItem, entry: AgendaEntry) -> None:
    title = clean(entry.title) or item.title
    paragraph = entry.exempt_paragraph or item.exempt_paragraph
    db.table("agenda_items").update(
        item.id,
        {
            "title": title,
            "exempt": int(entry.exempt),
            "exempt_paragraph": paragraph if entry.exempt else None,
            "standing": item.standing or standing_item(title),
        },
    )


def _append(store: Store, db: Any, meeting_id: int, entry: AgendaEntry) -> int:
    items = store.items(meeting_id)
    position = 1 + max((item.position for item in items), default=0)
    taken = {item.number.casefold() for item in items}
    number = clean(entry.number or "")
    if not number or number.casefold() in taken:
        counter = position
        while str(counter) in taken:
            counter += 1
        number = str(counter)
    title = clean(entry.title)
    return int(
        db.table("agenda_items")
        .insert(
            {
                "meeting_id": meeting_id,
                "position": position,
                "number": number,
                "title": title,
                "exempt": int(entry.exempt),
                "exempt_paragraph": entry.exempt_paragraph if entry.exempt else None,
                "standing": standing_item(title),
            }
        )
        .last_pk
    )
