"""Proposed resolutions: a report's recommendations waiting for the clerk.

A proposal is an entry of kind :attr:`~minuteterm.model.EntryKind.PROPOSAL`;
the minutes leave it out. ``/resolve`` confirms every proposal of the current
item as recommended, ``/resolve 2`` the second still proposed; each becomes
a resolution (kept in its history as a change of kind). Editing a proposal
into an ``= That …`` line confirms it with the new words (the recorder's
ordinary edit). Closing a meeting with proposals still waiting says so.
"""

from __future__ import annotations

import pendulum

from minuteterm.db.store import Store
from minuteterm.errors import CaptureError
from minuteterm.formal.votes import set_form
from minuteterm.model import Change, EntryKind, ResolutionForm
from minuteterm.recording.current_item import current_item
from minuteterm.recording.entries import update_entry
from minuteterm.recording.outcome import Outcome


def unconfirmed(store: Store, meeting_id: int) -> str:
    """``""``, or words for the clerk about proposals still not confirmed
    (to be added to the outcome of closing the meeting)."""
    waiting = store.meeting_entries(meeting_id, [EntryKind.PROPOSAL])
    if not waiting:
        return ""
    numbers = {entry.item_id: "" for entry in waiting}
    items = {item.id: item.number for item in store.items(meeting_id)}
    listed = ", ".join(items.get(item_id, "?") for item_id in numbers)
    count = len(waiting)
    return (
        f"; {count} proposed resolution{'s' if count != 1 else ''} not confirmed"
        f" (item{'s' if len(numbers) != 1 else ''} {listed}): left out of the minutes"
        " until confirmed with /resolve"
    )


def confirm_proposals(
    store: Store, meeting_id: int, number: int | None, moment: pendulum.DateTime
) -> Outcome:
    """Confirm the current item's proposals (all, or the ``number``-th still
    proposed) as resolutions, in one transaction."""
    store.assert_editable(store.meeting(meeting_id))
    item = current_item(store, meeting_id)
    if item is None:
        raise CaptureError("no item is open yet: /item N first, then /resolve")
    proposals = [e for e in store.entries(item.id) if e.kind is EntryKind.PROPOSAL]
    if not proposals:
        raise CaptureError(f"item {item.number} has no proposed resolutions to confirm")
    if number is not None and number > len(proposals):
        raise CaptureError(
            f"item {item.number} has {len(proposals)} proposed resolution"
            f"{'s' if len(proposals) != 1 else ''}: /resolve 1 to {len(proposals)}"
        )
    chosen = proposals if number is None else [proposals[number - 1]]
    with store.transaction():
        for entry in chosen:
            update_entry(
                store,
                entry.id,
                kind=EntryKind.RESOLUTION,
                text=entry.text,
                speaker=entry.speaker,
                reply_to=None,
                action=None,
                now=moment,
                change=Change.KIND,
            )
            set_form(store, entry.id, ResolutionForm.RESOLVED)
    if len(chosen) == 1:
        text = chosen[0].text if len(chosen[0].text) <= 60 else chosen[0].text[:59] + "…"
        return Outcome(f"resolved in item {item.number}: {text}", chosen[0].id, item.id)
    return Outcome(f"resolved {len(chosen)} resolutions in item {item.number}", item_id=item.id)
