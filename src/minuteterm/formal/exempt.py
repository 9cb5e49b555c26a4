"""Exempt (Part II) items: the Schedule 12A paragraph, and the decision in
general terms.

``/exempt 3`` marks the current item exempt under paragraph 3 of Part 1 of
Schedule 12A to the Local Government Act 1972 (``/exempt off`` undoes it);
``/public TEXT`` gives the decision in general terms that the public minutes
print in place of the item's own resolutions.
"""

from __future__ import annotations

from minuteterm.db.store import Store
from minuteterm.errors import CaptureError
from minuteterm.textsafe import clean

#: Schedule 12A's paragraphs (England: 1–7; Wales: 12–18).
EXEMPT_PARAGRAPHS = frozenset({*range(1, 8), *range(12, 19)})


def set_exempt(store: Store, item_id: int, paragraph: str | None) -> None:
    """Mark an item exempt under ``paragraph`` of Schedule 12A, or (``None``)
    not exempt."""
    item = store.item(item_id)
    store.assert_editable(store.meeting(item.meeting_id))
    known = paragraph is None or (paragraph.isdigit() and int(paragraph) in EXEMPT_PARAGRAPHS)
    if not known:
        raise CaptureError(
            f"Schedule 12A has no paragraph {paragraph} (England: 1 to 7; Wales: 12 to 18)"
        )
    with store.transaction() as db:
        db.table("agenda_items").update(
            item_id,
            {"exempt": int(paragraph is not None), "exempt_paragraph": paragraph},
        )


def set_public_decision(store: Store, item_id: int, text: str) -> None:
    """The decision of an exempt item in general terms, for the public minutes."""
    item = store.item(item_id)
    store.assert_editable(store.meeting(item.meeting_id))
    if not item.exempt:
        raise CaptureError(
            f"item {item.number} is not exempt: its resolutions are public as they are"
            " (/exempt N marks it exempt under paragraph N)"
        )
    text = clean(text)
    if not text:
        raise CaptureError(
            "/public needs the decision in general terms, e.g. /public That the offer be accepted."
        )
    with store.transaction() as db:
        db.table("agenda_items").update(item_id, {"public_decision": text})
