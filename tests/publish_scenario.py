"""A committee's autumn, minuted through the Recorder, for the publishing
tests: three meetings, the first two approved, the third closed but not yet
approved, and a fourth still a draft.

Words only ever said in private (or never published: a draft meeting, the
capture bar's unsent line, deleted and edited-away words) are invented so
that finding one anywhere in a published file can only be a leak:

- October: an exempt item raises a confidential action (Quillfeather) and,
  typed in it, an update to a public action (Vorticella).
- November carries the confidential action forward in its action log and
  updates it in its own exempt item (Marblethorpe).
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pendulum

from minuteterm.db.store import Store, open_store
from minuteterm.model import AttendanceStatus, EntryKind, NewItem, PersonKind
from minuteterm.recording.drafts import save_draft
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.recorder import Recorder

COMMITTEE = "Harbour Board"

#: Words that must never reach a published file.
SECRETS = (
    "Zephyrine",  # exempt discussion, October
    "Quillfeather",  # a confidential action raised in October
    "Vorticella",  # an update to a public action, typed in an exempt item
    "Marblethorpe",  # November's update of October's confidential action
    "Plumtreddle",  # a draft meeting's agenda
    "Snorkelwick",  # the capture bar's unsent line
    "Gobblewidth",  # a deleted entry
    "Farthingale",  # words edited away (the audit trail keeps them)
)

#: Words the public minutes do carry, so the checks are not vacuous.
PUBLIC = ("pontoon", "timetable", "signage", "lighthouse")

MEMBERS = ("Cllr Helen Rowe", "Cllr Sam Ahmed", "Cllr Priya Bell", "Cllr Dan Okafor")


def _at(day: int, month: int, hour: int = 18, minute: int = 30) -> pendulum.DateTime:
    return pendulum.datetime(2026, month, day, hour, minute, tz="Europe/London")


def _people(store: Store, meeting: int) -> None:
    for index, name in enumerate(MEMBERS):
        store.add_attendee(meeting, name, PersonKind.MEMBER, chair=index == 0)
    store.add_attendee(
        meeting,
        "Amara Osei",
        PersonKind.OFFICER,
        AttendanceStatus.IN_ATTENDANCE,
        title="Harbour Master",
    )


def _run(store: Store, meeting: int, start: pendulum.DateTime, lines: list[str]) -> list[int]:
    """Apply ``lines`` a minute apart; return the entry id of each."""
    recorder = Recorder(store, meeting)
    ids = []
    for minute, line in enumerate(lines):
        outcome = recorder.apply(line, now=start.add(minutes=minute + 1))
        ids.append(outcome.entry_id or 0)
    return ids


def october(store: Store) -> tuple[int, int, int]:
    """The October meeting; returns (meeting, public action, confidential action)."""
    meeting = create_meeting(
        store,
        COMMITTEE,
        _at(12, 10),
        venue="Harbour House",
        agenda=[
            NewItem("Pontoon repairs"),
            NewItem("Harbour office lease", exempt=True, exempt_paragraph="3"),
        ],
    )
    _people(store, meeting)
    start = _at(12, 10)
    ids = _run(
        store,
        meeting,
        start,
        [
            "/item 1",
            "The Board considered the pontoon repair report.",
            "! Harbour Master: publish the pontoon repair timetable by 30/11/2026",
            "= That the pontoon repair report be noted.",
            "vote+ for 3, against 1, abstain 0",
            "/item 2",
            "Zephyrine Holdings offered a rent well above the valuation.",
            "! Head of Finance: negotiate the Quillfeather break clause by 30/11/2026",
            "= That the Zephyrine offer be accepted.",
            "/public That the lease terms be agreed.",
        ],
    )
    public_action, confidential_action = ids[2], ids[7]
    _run(
        store,
        meeting,
        start.add(minutes=20),
        [f"!! {public_action}: the Vorticella contractor was named in confidence", "/end"],
    )
    return meeting, public_action, confidential_action


def november(store: Store, public_action: int, confidential_action: int) -> int:
    """The November meeting: approves October, carries its actions forward."""
    meeting = create_meeting(
        store,
        COMMITTEE,
        _at(16, 11),
        venue="Harbour House",
        agenda=[
            NewItem("Minutes of the previous meeting"),
            NewItem("Quayside signage"),
            NewItem("Harbour office lease", exempt=True, exempt_paragraph="3"),
        ],
    )
    _people(store, meeting)
    start = _at(16, 11)
    numbers = {item.title: item.number for item in store.items(meeting)}
    ids = _run(
        store,
        meeting,
        start,
        [
            f"/item {numbers['Minutes of the previous meeting']}",
            "/approve",
            f"/item {numbers['Action log']}",
            f"!! {public_action} done: the timetable is on the website",
            f"/item {numbers['Quayside signage']}",
            "The Board reviewed the quayside signage and the new lighthouse panel.",
            "Cllr Ahmed mentioned Gobblewidth.",
            "The Farthingale wording was agreed.",
            "= That the signage be approved.",
            f"/item {numbers['Harbour office lease']}",
            f"!! {confidential_action}: Marblethorpe valuation received",
        ],
    )
    recorder = Recorder(store, meeting)
    recorder.delete(ids[6], now=start.add(minutes=30))
    recorder.edit(ids[7], "The panel wording was agreed.", now=start.add(minutes=31))
    recorder.apply("/end", now=start.add(minutes=40))
    return meeting


def december(store: Store) -> int:
    """December approves November and closes, not yet approved itself."""
    meeting = create_meeting(
        store,
        COMMITTEE,
        _at(14, 12),
        venue="Harbour House",
        agenda=[NewItem("Minutes of the previous meeting"), NewItem("Winter moorings")],
    )
    _people(store, meeting)
    _run(
        store,
        meeting,
        _at(14, 12),
        [
            "/item 1",
            "/approve",
            "/item 2",
            "The Board noted the winter mooring lighthouse arrangements.",
            "/end",
        ],
    )
    return meeting


def draft(store: Store) -> int:
    """January's meeting, made in advance and not yet held."""
    meeting = create_meeting(
        store, COMMITTEE, _at(11, 1).add(years=1), agenda=[NewItem("Plumtreddle quay tender")]
    )
    save_draft(store, meeting, "Snorkelwick said", EntryKind.NOTE, now=_at(14, 12), window="w")
    return meeting


def copy_database(source: Path, target: Path) -> None:
    """A whole copy of the database at ``source`` (as a clerk's backup is)."""
    with (
        contextlib.closing(sqlite3.connect(source)) as a,
        contextlib.closing(sqlite3.connect(target)) as b,
    ):
        a.backup(b)


def build(path: Path, copy_after_november: Path | None = None) -> dict[str, int]:
    """The whole scenario in a new database at ``path``; the ids of its parts.
    ``copy_after_november``: where to keep a copy of the file as it stood
    when November closed (before December approved it)."""
    store = open_store(path)
    try:
        first, public_action, confidential_action = october(store)
        second = november(store, public_action, confidential_action)
        if copy_after_november is not None:
            copy_database(path, copy_after_november)
        third = december(store)
        fourth = draft(store)
    finally:
        store.close()
    return {
        "october": first,
        "november": second,
        "december": third,
        "draft": fourth,
        "public_action": public_action,
        "confidential_action": confidential_action,
    }
