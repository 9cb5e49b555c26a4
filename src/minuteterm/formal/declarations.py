"""Declarations of interest: who declared what, in which item.

Each declaration is an entry in the item it was captured under (usually the
"Declarations of interest" standing item) and a row naming the item it
concerns; deleting the entry withdraws the declaration, bringing it back
restores it. The minutes show it under the declarations item and again at
the item concerned, where a member with a disclosable pecuniary interest is
minuted as leaving for the item (and is not counted in its vote).
"""

from __future__ import annotations

import pendulum

from minuteterm.db.store import Store
from minuteterm.errors import CaptureError
from minuteterm.formal.people import marked_or_present, name_for, person_id
from minuteterm.grammar.formal import Declare
from minuteterm.model import (
    INTEREST_WORDS,
    AgendaItem,
    Declaration,
    EntryKind,
    InterestKind,
    PersonKind,
)
from minuteterm.textsafe import clean


def _item(items: list[AgendaItem], number: str | None) -> AgendaItem | None:
    if number is None:
        return None
    for item in items:
        if item.number.casefold() == number.casefold() or (
            item.minute_number and item.minute_number.casefold() == number.casefold()
        ):
            return item
    numbers = ", ".join(item.number for item in items) or "none"
    raise CaptureError(f"there is no item {number} to declare an interest in (items: {numbers})")


def summary(name: str, kind: InterestKind, item: AgendaItem | None, detail: str) -> str:
    """The running minute's line: ``Cllr Fenn declared a disclosable
    pecuniary interest in item 6 (owns a care home)``."""
    where = f" in item {item.number}" if item else ""
    said = f" ({detail})" if detail else ""
    return f"{name} declared {INTEREST_WORDS[kind]}{where}{said}"


def declare(
    store: Store, meeting_id: int, captured_in: int, command: Declare, now: pendulum.DateTime
) -> int:
    """Record a declaration (its entry in item ``captured_in``); return the
    entry's id. The member is listed as present if they were not marked."""
    meeting = store.meeting(meeting_id)
    item = _item(store.items(meeting_id), command.item_number)
    name = name_for(store, meeting.committee_id, command.name)
    detail = clean(command.detail)
    with store.transaction() as db:
        store.add_attendee(  # remembered as a person; status kept if marked
            meeting_id, name, PersonKind.MEMBER, marked_or_present(store, meeting_id, name)
        )
        entry_id = store.add_entry(
            captured_in, EntryKind.DECLARATION, summary(name, command.kind, item, detail), now=now
        )
        db.table("declarations").insert(
            {
                "entry_id": entry_id,
                "meeting_id": meeting_id,
                "person_id": person_id(store, meeting.committee_id, name),
                "item_id": item.id if item else None,
                "kind": command.kind.value,
                "detail": detail,
            }
        )
    return entry_id


def declarations(store: Store, meeting_id: int) -> tuple[Declaration, ...]:
    """The meeting's declarations whose entries stand, in capture order."""
    rows = store.query(
        """select d.*, p.name from declarations d
        join entries x on x.id = d.entry_id and x.deleted_at is null
        join people p on p.id = d.person_id
        where d.meeting_id = ? order by x.created_at, d.entry_id""",
        [meeting_id],
    )
    return tuple(
        Declaration(
            entry_id=row["entry_id"],
            name=row["name"],
            item_id=row["item_id"],
            kind=InterestKind(row["kind"]),
            detail=row["detail"],
        )
        for row in rows
    )
