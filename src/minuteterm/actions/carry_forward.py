"""Carrying actions forward: a meeting's "Action log" standing item, and the
actions a meeting's minutes mention, each as it stood at that meeting.

When a meeting is created for a committee with open actions from earlier
meetings, :func:`add_log_item` puts an "Action log" item (``standing =
'action_log'``) after the standing items that open the agenda. When its
minutes are made, :func:`meeting_actions` gathers every action the minutes
mention: those raised in the meeting, those carried into its log, and those
updated in it.

Works on a ``sqlite_utils.Database`` inside the caller's transaction and does
not import :mod:`minuteterm.db.store` (the store imports this).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

import pendulum

if TYPE_CHECKING:
    import sqlite_utils

from minuteterm import clock
from minuteterm.actions.history import LIVE_UPDATE, ActionState, fold, raised_state, update_from_row
from minuteterm.clock import iso, moment
from minuteterm.dates import in_zone
from minuteterm.db.store import row_id
from minuteterm.model import ACTION_LOG, ActionStatus, LoggedAction, LoggedUpdate

LOG_TITLE = "Action log"

#: Standing items are looked for among the first few items of an agenda.
FIRST_FEW = 5

_PREVIOUS_MINUTES = re.compile(
    r"\bminutes\b.*\b(?:previous|last)\b|\bprevious minutes\b|\bminutes of the meeting held\b"
    r"|^\s*minutes\s*$",
    re.IGNORECASE,
)
_OPENING = re.compile(
    r"\b(?:apologies|declarations?|interests?|substitut\w*|welcome|introductions?)\b",
    re.IGNORECASE,
)
_TYPED_LOG = re.compile(r"\baction (?:log|sheet|tracker)\b|\bmatters arising\b", re.IGNORECASE)


# --- the standing item ----------------------------------------------------------------


def log_position(titles: Sequence[str]) -> int:
    """Where the action log goes (0-based index to insert at): after the
    previous meeting's minutes if they are among the first few items, else
    after the apologies and declarations there, else first."""
    head = list(titles[:FIRST_FEW])
    minutes = [index for index, title in enumerate(head) if _PREVIOUS_MINUTES.search(title)]
    if minutes:
        return minutes[-1] + 1
    opening = [index for index, title in enumerate(head) if _OPENING.search(title)]
    return opening[-1] + 1 if opening else 0


def _has_open_actions(db: sqlite_utils.Database, committee_id: int, starts_at: str) -> bool:
    rows = db.query(
        """select 1 from actions a join entries e on e.id = a.entry_id
        join agenda_items i on i.id = e.item_id join meetings m on m.id = i.meeting_id
        where m.committee_id = ? and m.starts_at < ? and e.deleted_at is null
        and a.status = 'open' limit 1""",
        [committee_id, starts_at],
    )
    return bool(list(rows))


def _letter_number(after: str | None, taken: set[str]) -> str:
    """A typed-numbers agenda keeps its numbers: the log becomes ``3a`` after
    item 3 (``0`` when it comes first)."""
    if after is None:
        base, candidates = "0", ["0"]
    else:
        base, candidates = after, []
    candidates += [f"{base}{letter}" for letter in "abcdefghijklmnopqrstuvwxyz"]
    return next(number for number in candidates if number.casefold() not in taken)


def add_log_item(db: sqlite_utils.Database, meeting_id: int) -> int | None:
    """Give a new meeting its "Action log" item if its committee has open
    actions from earlier meetings; return the item's id (``None`` if none
    was needed). An item the clerk typed as "Action log" or "Matters
    arising" among the first few becomes the log instead of adding another."""
    (meeting,) = db.query("select * from meetings where id = ?", [meeting_id])
    if not _has_open_actions(db, meeting["committee_id"], meeting["starts_at"]):
        return None
    items = list(
        db.query("select * from agenda_items where meeting_id = ? order by position", [meeting_id])
    )
    for item in items:
        if item["standing"] == ACTION_LOG:
            return int(item["id"])
    for item in items[:FIRST_FEW]:
        if _TYPED_LOG.search(item["title"]):
            db.table("agenda_items").update(item["id"], {"standing": ACTION_LOG})
            return int(item["id"])
    index = log_position([item["title"] for item in items])
    positional = all(item["number"] == str(n) for n, item in enumerate(items, start=1))
    # two steps, so (meeting, position) stays unique while items move down
    db.execute(
        "update agenda_items set position = -(position + 1) where meeting_id = ? and position > ?",
        [meeting_id, index],
    )
    db.execute(
        "update agenda_items set position = -position where meeting_id = ? and position < 0",
        [meeting_id],
    )
    if positional:
        number = str(index + 1)
        db.execute(
            "update agenda_items set number = cast(position as text) where meeting_id = ?",
            [meeting_id],
        )
    else:
        taken = {item["number"].casefold() for item in items}
        number = _letter_number(items[index - 1]["number"] if index else None, taken)
    table = db.table("agenda_items").insert(
        {
            "meeting_id": meeting_id,
            "position": index + 1,
            "number": number,
            "title": LOG_TITLE,
            "exempt": 0,
            "standing": ACTION_LOG,
        }
    )
    return row_id(table.last_pk)


def carry_forward(db: sqlite_utils.Database, meeting_id: int) -> int | None:
    """When a meeting closes, give the committee's next meeting its action log
    if that meeting was created in advance and is still a draft (not yet
    opened); return the log item's id, if one was needed."""
    (meeting,) = db.query("select * from meetings where id = ?", [meeting_id])
    later = list(
        db.query(
            """select id, status from meetings where committee_id = ? and starts_at > ?
            order by starts_at, id limit 1""",
            [meeting["committee_id"], meeting["starts_at"]],
        )
    )
    if not later or later[0]["status"] != "draft":
        return None
    return add_log_item(db, later[0]["id"])


# --- the actions a meeting's minutes mention ------------------------------------------


@dataclass(frozen=True)
class _Meeting:
    """The meeting whose minutes are being made, and its committee's previous one."""

    id: int
    committee_id: int
    starts_at: str
    start: pendulum.DateTime
    end: pendulum.DateTime | None
    previous_id: int | None
    previous_start: pendulum.DateTime | None


#: The actions a meeting's minutes mention: raised in it, carried into its
#: action log (the committee's earlier actions still open, or updated since
#: its previous meeting), or updated in it. Each branch starts from an index
#: (the meeting's items, the committee's meetings, the meeting's updates), so
#: a ten-year archive is not walked action by action.
_CANDIDATES = """
with chosen(id) as (
    select e.id from agenda_items i join entries e on e.item_id = i.id
    where i.meeting_id = :meeting and e.kind = 'action'
    union
    select e.id from meetings m
    join agenda_items i on i.meeting_id = m.id
    join entries e on e.item_id = i.id
    join actions a on a.entry_id = e.id
    where m.committee_id = :committee and m.starts_at < :start and e.kind = 'action' and (
        a.status = 'open' or exists (select 1 from action_updates s
            where s.action_id = a.entry_id and s.at > :since))
    union
    select u.action_id from agenda_items ui
    join entries ue on ue.item_id = ui.id
    join action_updates u on u.entry_id = ue.id
    where ui.meeting_id = :meeting and ue.deleted_at is null
)
select a.*, coalesce(i.minute_number, i.number) as item_number, a.confidential as exempt,
    i.position as item_position,
    m.id as meeting_id, m.starts_at as meeting_starts_at, m.committee_id
from chosen
join actions a on a.entry_id = chosen.id
join entries e on e.id = a.entry_id
join agenda_items i on i.id = e.item_id
join meetings m on m.id = i.meeting_id
where e.deleted_at is null
order by a.number, a.entry_id
"""

_UPDATES = f"""
select u.*, ui.id as item_id, coalesce(ui.minute_number, ui.number) as item_number,
    ui.meeting_id as captured_in,
    um.starts_at as captured_meeting_start
from action_updates u
left join entries ue on ue.id = u.entry_id
left join agenda_items ui on ui.id = ue.item_id
left join meetings um on um.id = ui.meeting_id
where u.action_id in (select value from json_each(:ids)) and {LIVE_UPDATE.format(alias="u")}
order by u.at, u.id
"""


def _meeting(db: sqlite_utils.Database, meeting_id: int) -> _Meeting:
    (row,) = db.query("select * from meetings where id = ?", [meeting_id])
    previous = list(
        db.query(
            """select id, starts_at from meetings where committee_id = ? and starts_at < ?
            order by starts_at desc, id desc limit 1""",
            [row["committee_id"], row["starts_at"]],
        )
    )
    return _Meeting(
        id=row["id"],
        committee_id=row["committee_id"],
        starts_at=row["starts_at"],
        start=in_zone(moment(row["starts_at"]) or clock.now(), row["time_zone"]),
        end=moment(row["ended_at"]),
        previous_id=previous[0]["id"] if previous else None,
        previous_start=moment(previous[0]["starts_at"]) if previous else None,
    )


@dataclass(frozen=True)
class _Update:
    """An update row with where it was captured."""

    logged: LoggedUpdate
    captured_in: int | None
    anchor: str  # the moment "next meeting" counts from, if it set the due date


def _updates(db: sqlite_utils.Database, ids: list[int]) -> dict[int, list[_Update]]:
    found: dict[int, list[_Update]] = {}
    for row in db.query(_UPDATES, {"ids": json.dumps(ids)}):
        logged = LoggedUpdate(
            update_from_row(row), row["item_id"], row["item_number"], bool(row["confidential"])
        )
        anchor = row["captured_meeting_start"] or row["at"]
        found.setdefault(row["action_id"], []).append(_Update(logged, row["captured_in"], anchor))
    return found


class _NextMeetings:
    """Each committee's meeting start times, to resolve "next meeting"."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.starts: dict[int, list[tuple[str, str]]] = {}

    def after(self, committee_id: int, moment_text: str) -> date | None:
        if committee_id not in self.starts:
            rows = self.db.query(
                "select starts_at, time_zone from meetings where committee_id = ?"
                " order by starts_at",
                [committee_id],
            )
            self.starts[committee_id] = [(row["starts_at"], row["time_zone"]) for row in rows]
        later = [(s, zone) for s, zone in self.starts[committee_id] if s > moment_text]
        found = moment(later[0][0]) if later else None
        return in_zone(found, later[0][1]).date() if found else None


def _resolved(
    state: ActionState, applied: list[_Update], row: dict[str, Any], nexts: _NextMeetings
) -> ActionState:
    """``state`` with a "next meeting" due date turned into that meeting's date."""
    if state.due is not None or state.due_text != "next meeting":
        return state
    anchor = row["meeting_starts_at"]
    for update in applied:
        if update.logged.update.due is not None or update.logged.update.due_text is not None:
            anchor = update.anchor
    return replace(state, due=nexts.after(row["committee_id"], anchor))


def _since_previous(meeting: _Meeting, updates: list[_Update]) -> list[_Update]:
    """Updates recorded between the committee's previous meeting and this one,
    outside both (from the action sheet, say): the news the log reports."""
    return [
        u
        for u in updates
        if u.captured_in not in (meeting.id, meeting.previous_id)
        and (meeting.previous_start is None or u.logged.update.at > meeting.previous_start)
        and u.logged.update.at < meeting.start
    ]


def _is_carried(row: dict[str, Any], meeting: _Meeting, updates: list[_Update]) -> bool:
    """Whether an action raised elsewhere belongs in this meeting's action log:
    raised earlier and still open at the start, updated since the committee's
    previous meeting, or updated in this one."""
    raised_at = moment(row["meeting_starts_at"]) or meeting.start
    if row["meeting_id"] == meeting.id or raised_at >= meeting.start:
        return False
    if any(u.captured_in == meeting.id for u in updates):
        return True
    if row["committee_id"] != meeting.committee_id:
        return False
    before = (
        u.logged.update
        for u in updates
        if u.captured_in != meeting.id and u.logged.update.at < meeting.start
    )
    open_at_start = fold(raised_state(row), before).status is ActionStatus.OPEN
    return open_at_start or bool(_since_previous(meeting, updates))


def _logged(
    row: dict[str, Any], meeting: _Meeting, updates: list[_Update], nexts: _NextMeetings
) -> LoggedAction | None:
    """The action as this meeting's minutes show it (as it stood at the end
    of the meeting), or ``None`` if they do not mention it. When some update
    to it was typed in an exempt item, it carries its public view: the same
    worked out without those updates."""
    found = _as_shown(row, meeting, updates, nexts)
    secret = [u for u in updates if u.logged.confidential]
    if found is None or not secret:
        return found
    public = [u for u in updates if not u.logged.confidential]
    return replace(
        found, confidential_updates=True, public_view=_as_shown(row, meeting, public, nexts)
    )


def _as_shown(
    row: dict[str, Any], meeting: _Meeting, updates: list[_Update], nexts: _NextMeetings
) -> LoggedAction | None:
    """:func:`_logged` from the ``updates`` given."""
    here = [u for u in updates if u.captured_in == meeting.id]
    carried = _is_carried(row, meeting, updates)
    if not (carried or here or row["meeting_id"] == meeting.id):
        return None
    applied = [
        u for u in updates if u in here or meeting.end is None or u.logged.update.at <= meeting.end
    ]
    raised = raised_state(row)
    state = _resolved(fold(raised, (u.logged.update for u in applied)), applied, row, nexts)
    shown = (_since_previous(meeting, updates) if carried else []) + here
    earlier = [u for u in applied if u not in shown]
    prior = _resolved(fold(raised, (u.logged.update for u in earlier)), earlier, row, nexts)
    before = [u for u in updates if u not in here and u.logged.update.at < meeting.start]
    at_start = _resolved(fold(raised, (u.logged.update for u in before)), before, row, nexts)
    day = meeting.start.date()
    overdue = at_start.status is ActionStatus.OPEN and bool(at_start.due and at_start.due < day)
    return LoggedAction(
        action_id=row["entry_id"],
        number=row["number"] if row["number"] is not None else row["entry_id"],
        description=row["description"],
        raised_owner=raised.owner,
        raised_due=raised.due,
        raised_due_text=raised.due_text,
        owner=state.owner,
        due=state.due,
        due_text=state.due_text,
        status=state.status,
        raised_meeting_id=row["meeting_id"],
        raised_at=moment(row["meeting_starts_at"]) or meeting.start,
        raised_item=row["item_number"],
        exempt=bool(row["exempt"]),
        carried=carried,
        updates=tuple(u.logged for u in shown),
        prior_owner=prior.owner,
        prior_due=prior.due,
        prior_due_text=prior.due_text,
        overdue=overdue,
    )


def meeting_actions(db: sqlite_utils.Database, meeting_id: int) -> tuple[LoggedAction, ...]:
    """Every action the minutes of ``meeting_id`` mention, by number: raised
    there, carried into its action log, or updated there."""
    meeting = _meeting(db, meeting_id)
    rows = list(
        db.query(
            _CANDIDATES,
            {
                "meeting": meeting.id,
                "committee": meeting.committee_id,
                "start": meeting.starts_at,
                "since": iso(meeting.previous_start) or "",
            },
        )
    )
    updates = _updates(db, [row["entry_id"] for row in rows])
    nexts = _NextMeetings(db)
    found = (_logged(row, meeting, updates.get(row["entry_id"], []), nexts) for row in rows)
    return tuple(action for action in found if action is not None)
