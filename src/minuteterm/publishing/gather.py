"""One meeting's public record, as plain rows for the public database.

Everything here comes from what the public minutes show: the public version
of the minutes (``export --public``), the items with their minute numbers,
the decisions of public items (and an exempt item's decision only in the
general terms the clerk gave), attendance as minuted, and the actions raised
in public items with only their public updates. Confidential actions and
updates are left out by :func:`~.confidential.confidential_actions_and_updates`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from minuteterm.actions.history import LIVE_UPDATE, fold, raised_state, update_from_row
from minuteterm.clock import iso
from minuteterm.dates import in_zone
from minuteterm.db.confidentiality import Confidential
from minuteterm.db.store import Store
from minuteterm.export import render
from minuteterm.export.files import slug
from minuteterm.grammar.citations import cite
from minuteterm.minutes import UNSTATED_DECISION, capitalise, ensure_stop
from minuteterm.model import (
    AttendanceStatus,
    Attendee,
    EntryKind,
    ItemRecord,
    MeetingRecord,
    MeetingStatus,
    PersonKind,
    Resolution,
    VoteSide,
)
from minuteterm.recording.record import meeting_record

#: Where Datasette serves the HTML minutes (``--static html:DIR/minutes``).
HTML_MOUNT = "html"

Row = dict[str, Any]

#: The outcome of an exempt item's decision, as far as the public record goes.
PART_II_OUTCOME = "decided in private (Part II)"


@dataclass
class PublicMeeting:
    """A meeting's public record: its rows for each table of the public
    database, and its public minutes as an HTML page."""

    uid: str
    rank: tuple[int, str]
    html: str
    has_exempt: bool
    rows: dict[str, list[Row]] = field(default_factory=dict)
    filename: str = ""

    @property
    def meeting(self) -> Row:
        """The meeting's own row."""
        return self.rows["meetings"][0]

    def place(self, filename: str) -> None:
        """Name the meeting's HTML page; every row links to it."""
        self.filename = filename
        url = f"/{HTML_MOUNT}/{filename}"
        for rows in self.rows.values():
            for row in rows:
                if "minutes_url" in row:
                    row["minutes_url"] = url


def meeting_uid(committee: str, starts_at: str) -> str:
    """A meeting's stable identity: the same in every database that holds
    it, so republishing is idempotent and a meeting published from two files
    is stored once. A hash of the committee's name (case folded) and the
    moment the meeting starts (UTC)."""
    key = f"{committee.strip().casefold()}|{starts_at}".encode()
    return hashlib.sha256(key).hexdigest()[:16]


def _local(stamp: Any) -> str | None:
    """A meeting's moment as the clock read where it happened."""
    return None if stamp is None else stamp.strftime("%Y-%m-%dT%H:%M")


def _day(stamp: Any, zone: str | None = None) -> str | None:
    """A meeting's moment's date where it happened (``zone``, else the one
    the moment carries)."""
    if stamp is None:
        return None
    return (in_zone(stamp, zone) if zone else stamp).date().isoformat()


# --- attendance --------------------------------------------------------------------


def _minuted_status(person: Attendee) -> str | None:
    """How the minutes list someone: a member never marked is absent; an
    officer or visitor who did not come is not listed at all."""
    if person.status is AttendanceStatus.EXPECTED:
        return "absent" if person.kind is PersonKind.MEMBER else None
    if person.status is AttendanceStatus.ABSENT and person.kind is not PersonKind.MEMBER:
        return None
    return person.status.value


def attendance_rows(uid: str, attendees: Iterable[Attendee]) -> list[Row]:
    """Attendance as the minutes give it."""
    rows = []
    for person in attendees:
        status = _minuted_status(person)
        if status is None:
            continue
        rows.append(
            {
                "meeting_id": uid,
                "name": person.name,
                "role": person.kind.value,
                "title": person.title,
                "status": status,
                "substitute_for": person.substitute_for,
                "chair": int(person.chair),
            }
        )
    return rows


# --- items and decisions -----------------------------------------------------------


def item_rows(uid: str, url: str, record: MeetingRecord) -> list[Row]:
    """The agenda items with their minute numbers."""
    return [
        {
            "id": f"{uid}-{item.item.position}",
            "meeting_id": uid,
            "position": item.item.position,
            "number": item.item.number,
            "minute_number": item.item.minute_number,
            "title": item.item.title,
            "exempt": int(item.item.exempt),
            "exempt_paragraph": item.item.exempt_paragraph if item.item.exempt else None,
            "minutes_url": url,
        }
        for item in record.items
    ]


def _outcome(resolution: Resolution) -> str:
    if resolution.vote is None:
        return "agreed without a vote"
    return "carried" if resolution.vote.carried else "lost"


def _decision(item_id: str, ordinal: int, text: str, form: str) -> Row:
    return {
        "id": f"{item_id}-{ordinal}",
        "item_id": item_id,
        "form": form,
        "decision": text,
        "votes_for": None,
        "votes_against": None,
        "abstentions": None,
        "casting_vote": None,
        "recorded_vote": 0,
        "outcome": "agreed without a vote",
    }


def _item_decisions(
    item_id: str, item: ItemRecord, resolutions: dict[int, Resolution]
) -> tuple[list[Row], list[Row]]:
    """An item's decisions and recorded votes; an exempt item gives only its
    decision in general terms (never the words resolved in private)."""
    if item.item.exempt:
        text = item.item.public_decision or UNSTATED_DECISION
        row = _decision(item_id, 1, capitalise(ensure_stop(text)), "resolved")
        row["outcome"] = PART_II_OUTCOME
        return [row], []
    decisions, names = [], []
    typed = [e for e in item.entries if e.kind is EntryKind.RESOLUTION and e.text.strip()]
    for ordinal, entry in enumerate(typed, start=1):
        resolution = resolutions.get(entry.id, Resolution(entry.id))
        row = _decision(item_id, ordinal, capitalise(ensure_stop(cite(entry.text))), "")
        row["form"] = resolution.form.value
        row["outcome"] = _outcome(resolution)
        vote = resolution.vote
        if vote is not None:
            row |= {
                "votes_for": vote.votes_for,
                "votes_against": vote.against,
                "abstentions": vote.abstain,
                "casting_vote": vote.casting.value if vote.casting else None,
                "recorded_vote": int(vote.recorded),
            }
            names += [
                {"decision_id": row["id"], "name": name, "side": side.value}
                for side in (VoteSide.FOR, VoteSide.AGAINST, VoteSide.ABSTAIN)
                for name in vote.named(side)
            ]
        decisions.append(row)
    return decisions, names


def decision_rows(uid: str, record: MeetingRecord) -> tuple[list[Row], list[Row]]:
    """Every decision of the meeting, and the names of its recorded votes."""
    decisions, names = [], []
    for item in record.items:
        found, named = _item_decisions(f"{uid}-{item.item.position}", item, record.resolutions)
        decisions += found
        names += named
    return decisions, names


# --- actions ---------------------------------------------------------------------------

_RAISED = """
select a.*, i.position as item_position from actions a
join entries e on e.id = a.entry_id
join agenda_items i on i.id = e.item_id
where i.meeting_id = ? and e.deleted_at is null
order by a.entry_id
"""

_UPDATES = f"""
select u.*, ui.meeting_id as captured_in from action_updates u
left join entries ue on ue.id = u.entry_id
left join agenda_items ui on ui.id = ue.item_id
where u.action_id = ? and {LIVE_UPDATE.format(alias="u")}
order by u.at, u.id
"""


@dataclass(frozen=True)
class ActionContext:
    """What deciding an action's public record needs: the confidential
    actions and updates, and which meetings (by id in the source) are being
    published with their stable identities."""

    confidential: Confidential
    published: dict[int, str]


def _public_updates(store: Store, action_id: int, context: ActionContext) -> list[Row]:
    """An action's updates the public may see: not confidential, and either
    captured in a meeting being published or recorded between meetings."""
    kept = []
    for row in store.query(_UPDATES, [action_id]):
        if context.confidential.update_is_confidential(row["id"], action_id):
            continue
        if row["entry_id"] is not None and row["captured_in"] not in context.published:
            continue
        kept.append(row)
    return kept


def action_rows(
    store: Store, meeting_id: int, uid: str, url: str, context: ActionContext
) -> tuple[list[Row], list[Row]]:
    """The public actions raised in the meeting, each as it stands after its
    public updates, and those updates."""
    actions, updates = [], []
    zone = store.meeting_zone(meeting_id)
    for row in store.query(_RAISED, [meeting_id]):
        entry_id, number = row["entry_id"], row["number"] or row["entry_id"]
        if entry_id in context.confidential.actions:
            continue
        action_uid = f"{uid}-a{number}"
        public = _public_updates(store, entry_id, context)
        state = fold(raised_state(row), (update_from_row(u) for u in public))
        actions.append(
            {
                "id": action_uid,
                "number": number,
                "meeting_id": uid,
                "item_id": f"{uid}-{row['item_position']}",
                "description": capitalise(row["description"]),
                "raised_owner": row["raised_owner"] or row["owner"],
                "owner": state.owner,
                "due": state.due.isoformat() if state.due else None,
                "due_text": state.due_text,
                "status": state.status.value,
                "latest_update": state.note,
                "latest_update_on": _day(state.noted_at, zone),
                "completed_on": _day(state.completed_at, zone),
                "minutes_url": url,
            }
        )
        updates += [
            {
                "action_id": action_uid,
                "position": position,
                "on_date": _day(update_from_row(u).at, zone),
                "meeting_id": context.published.get(u["captured_in"]),
                "status": u["status"],
                "owner": u["owner"],
                "due": u["due"],
                "due_text": u["due_text"],
                "note": u["note"],
            }
            for position, u in enumerate(public, start=1)
        ]
    return actions, updates


# --- the meeting -----------------------------------------------------------------------


def _status_rank(status: MeetingStatus) -> int:
    return 0 if status is MeetingStatus.APPROVED else 1


def public_meeting(
    store: Store, meeting_id: int, uid: str, context: ActionContext
) -> PublicMeeting:
    """The public record of meeting ``meeting_id``: its rows, and its public
    minutes as HTML (the page is named later, by :meth:`PublicMeeting.place`)."""
    record = meeting_record(store, meeting_id)
    meeting = record.meeting
    url = ""
    markdown = render(record, "md", public=True)
    html = render(record, "html", public=True)
    assert isinstance(markdown, str) and isinstance(html, str)
    decisions, names = decision_rows(uid, record)
    actions, updates = action_rows(store, meeting_id, uid, url, context)
    committee = record.committee
    published = PublicMeeting(
        uid=uid,
        rank=(_status_rank(meeting.status), iso(meeting.approved_at) or ""),
        html=html,
        has_exempt=any(item.item.exempt for item in record.items),
    )
    published.rows = {
        "committees": [
            {
                "id": slug(meeting.committee) or "committee",
                "name": meeting.committee,
                "prefix": committee.prefix if committee else None,
            }
        ],
        "meetings": [
            {
                "id": uid,
                "committee_id": slug(meeting.committee) or "committee",
                "committee": meeting.committee,
                "title": meeting.title,
                "date": _day(meeting.starts_at),
                "starts_at": _local(meeting.starts_at),
                "time_zone": meeting.time_zone,
                "venue": meeting.venue,
                "status": "approved" if meeting.status is MeetingStatus.APPROVED else "draft",
                "approved_on": _day(meeting.approved_at),
                "minutes_url": url,
                "minutes": markdown,
            }
        ],
        "agenda_items": item_rows(uid, url, record),
        "decisions": [{"meeting_id": uid, **row} for row in decisions],
        "recorded_votes": names,
        "actions": actions,
        "action_updates": updates,
        "attendance": attendance_rows(uid, record.attendees),
    }
    return published


def html_filename(meeting: PublicMeeting, taken: set[str]) -> str:
    """The meeting's page name: ``committee-2026-12-14.html`` (``-public``
    when it had exempt items, as ``export --public`` names it), made unique
    among ``taken``."""
    row = meeting.meeting
    name = f"{row['committee_id']}-{row['date']}"
    if meeting.has_exempt:
        name += "-public"
    candidate, extra = f"{name}.html", 2
    while candidate in taken:
        candidate, extra = f"{name}-{extra}.html", extra + 1
    return candidate


__all__ = [
    "HTML_MOUNT",
    "ActionContext",
    "PublicMeeting",
    "action_rows",
    "attendance_rows",
    "decision_rows",
    "html_filename",
    "item_rows",
    "meeting_uid",
    "public_meeting",
]
