"""Two committees' meetings minuted through the Recorder, for the search
and history tests: an exempt item with an action updated in public and on
the action sheet, an approved meeting, and a subject (the sea wall) that
comes back across committees."""

from __future__ import annotations

from dataclasses import dataclass

import pendulum

from minuteterm.actions.sheet import ActionSheet
from minuteterm.db.store import Store
from minuteterm.model import NewItem
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.recorder import Recorder

HARBOUR = "Harbour Board"
FINANCE = "Finance and Audit Committee"


@dataclass(frozen=True)
class Scenario:
    """Ids the tests look things up by."""

    october: int
    november: int
    december: int
    secret_action: int


def _meeting(store: Store, committee: str, day: int, month: int, *titles: str) -> Recorder:
    start = pendulum.datetime(2026, month, day, 18, 30, tz="Europe/London")
    agenda = [NewItem(title, exempt=title.startswith("Lease")) for title in titles]
    return Recorder(store, create_meeting(store, committee, start, agenda=agenda))


def typed(recorder: Recorder, *lines: str) -> None:
    """Apply each line as the clerk would type it."""
    for line in lines:
        recorder.apply(line)


def build(store: Store) -> Scenario:
    """October (harbour), November (finance), December (harbour)."""
    october = _meeting(
        store, HARBOUR, 12, 10, "Sea wall repairs at the north quay", "Lease of the boatyard"
    )
    typed(
        october,
        "/item 1",
        "The Harbour Master reported cracking along the sea wall after the storm.",
        "? Cllr Rowe: was the breakwater inspected by divers",
        "> Harbour Master: divers found scouring beneath the breakwater footings",
        "! Harbour Master: commission a structural survey of the sea wall by 30/11/2026",
        "= That the sea wall repair programme be approved.",
        "/item 2",
        "The Board discussed the tenant's covenant with Marlowbridge Holdings.",
        "! Estates Manager: obtain a valuation of the slipway plot by 30/11/2026",
        "= That the lease be renewed at the zanzibarite rent.",
        "/end",
    )
    secret_action = store.last_entry(october.meeting_id)
    assert secret_action is not None
    actions = {row.description: row for row in ActionSheet(store).rows()}
    valuation = actions["obtain a valuation of the slipway plot"].action_id
    number = actions["obtain a valuation of the slipway plot"].number
    ActionSheet(store).update(valuation, note="quillfeather valuers instructed")
    november = _meeting(store, FINANCE, 9, 11, "Capital programme: sea wall repairs")
    typed(
        november,
        "/item 1",
        "The Finance Director reported that the sea wall works were within budget.",
        f"!! {HARBOUR} {number}: overspent by the gallimaufry fee",
        "= That the capital allocation for the sea wall be increased.",
        "/end",
    )
    december = _meeting(
        store, HARBOUR, 14, 12, "Minutes of the previous meeting", "Sea wall repairs: progress"
    )
    typed(december, "/item 1", "/approve", "/item 3", "Works were on site.")
    return Scenario(october.meeting_id, november.meeting_id, december.meeting_id, valuation)
