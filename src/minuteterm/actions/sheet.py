"""The action sheet: every action across meetings, filtered, sorted, updated.

Actions outlive their meetings. Each update is kept as a dated row of
``action_updates`` (never overwritten) and applied to the action in the same
transaction. A due date of "next meeting" resolves to the committee's next
meeting once one exists. Filtering, sorting, limiting and counting all happen
in SQL, so a sheet of 30,000 actions stays quick.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

import pendulum

from minuteterm import clock
from minuteterm.actions.confidential import public_state, public_updates
from minuteterm.actions.history import (
    live_updates,
    recompute,
    update_from_row,
    update_of_entry,
)
from minuteterm.dates import DEFAULT_ZONE, in_zone, to_local, zone_of
from minuteterm.db.store import Store, StoreError, iso, like_pattern, moment
from minuteterm.model import ActionSheetRow, ActionStatus, ActionUpdate, Counts
from minuteterm.search.sheet import text_clause
from minuteterm.textsafe import clean

#: Columns the sheet can be sorted by, and the SQL that orders them.
SORTS: dict[str, str] = {
    "reference": "meeting_starts_at {dir}, item_position {dir}, action_id {dir}",
    "action": "description collate nocase {dir}, action_id",
    "owner": "owner collate nocase {dir}, action_id",
    "due": "effective_due is null, effective_due {dir}, action_id",
    "status": "status {dir}, effective_due is null, effective_due, action_id",
    "update": "latest_update_at is null, latest_update_at {dir}, action_id",
}

#: When "next meeting" was set: the start of the meeting the latest live
#: update of the due date was captured in (or when it was made), else the
#: start of the meeting that raised the action.
_DUE_SET_AT = """coalesce((select coalesce(um.starts_at, u.at) from action_updates u
    left join entries ue on ue.id = u.entry_id
    left join agenda_items ui on ui.id = ue.item_id
    left join meetings um on um.id = ui.meeting_id
    where u.action_id = a.entry_id and ue.deleted_at is null
    and (u.due is not null or u.due_text is not null)
    order by u.at desc, u.id desc limit 1), m.starts_at)"""

#: Every live action with what the sheet shows of it. ``actions`` leads
#: (a status filter walks its index, the text filter its ids from the
#: full-text index) and the action's entry is checked in the small index of
#: live action entries, not in the 480,000-row entries table.
_SHEET_ROWS = f"""
    select a.entry_id as action_id, a.number, a.description, a.owner, a.due, a.due_text,
        a.status, m.id as meeting_id, m.starts_at as meeting_starts_at,
        m.time_zone as meeting_zone,
        c.name as committee, i.number as item_number, i.position as item_position,
        case
            when a.due is not null then a.due
            when a.due_text = 'next meeting' then (
                select local_date(min(n.starts_at), n.time_zone) from meetings n
                where n.committee_id = m.committee_id and n.starts_at > {_DUE_SET_AT})
        end as effective_due,
        a.status_note as latest_update, a.noted_at as latest_update_at,
        a.confidential, exists (select 1 from action_updates u
            where u.action_id = a.entry_id and u.confidential) as secret_updates
    from actions a
    cross join entries e indexed by entries_live_actions on e.id = a.entry_id
    join agenda_items i indexed by agenda_items_placed on i.id = e.item_id
    join meetings m on m.id = i.meeting_id
    join committees c on c.id = m.committee_id
    where e.kind = 'action' and e.deleted_at is null
"""

#: The sheet's rows with whether each is overdue, for filters and counts.
_SHEET = f"""
select *, (status = 'open' and effective_due < :today) as overdue from ({_SHEET_ROWS})
"""


#: The columns a sheet row is made of, in the order :func:`_row` reads them.
_ROW_NAMES = (
    "action_id",
    "number",
    "committee",
    "meeting_id",
    "meeting_starts_at",
    "meeting_zone",
    "item_number",
    "description",
    "owner",
    "effective_due",
    "due_text",
    "status",
    "latest_update",
    "latest_update_at",
    "confidential",
    "secret_updates",
)
_ROW = ", ".join(_ROW_NAMES)
_ROW_LENGTH = len(_ROW_NAMES)
_CONFIDENTIAL = _ROW_NAMES.index("confidential")
_SECRET = _ROW_NAMES.index("secret_updates")

_COUNT_NAMES = ("total", "open", "overdue", "done", "dropped")
#: :class:`Counts` as window totals over every row a filter matches.
_TOTALS = """count(*) over () as n_total, sum(status = 'open') over () as n_open,
    sum(overdue) over () as n_overdue, sum(status = 'done') over () as n_done,
    sum(status = 'dropped') over () as n_dropped"""


def local_date(stamp: str | None, zone: str | None) -> str | None:
    """SQL ``local_date(text, zone)``: a meeting's stored moment's date where
    the meeting happens (its zone)."""
    if not stamp:
        return None
    return _local_date(stamp, zone or DEFAULT_ZONE)


@lru_cache(maxsize=4096)
def _local_date(stamp: str, zone: str) -> str:
    """Cached: a sheet asks for the same few meeting starts thousands of times."""
    try:
        return datetime.fromisoformat(stamp).astimezone(ZoneInfo(zone)).date().isoformat()
    except ValueError:
        found = moment(stamp)
        return in_zone(found, zone).date().isoformat() if found else stamp[:10]


@dataclass(frozen=True)
class ActionFilter:
    """What the clerk asked to see. Empty fields do not filter."""

    committee: str = ""
    owner: str = ""
    statuses: frozenset[ActionStatus] = field(default_factory=frozenset)
    overdue: bool = False
    due_within: int | None = None
    text: str = ""
    sort: str = "reference"
    descending: bool = False
    limit: int | None = 1000
    #: The public version: actions raised in exempt items left out, and
    #: updates typed in exempt items not applied (see :mod:`.confidential`).
    public: bool = False


def _where(
    chosen: ActionFilter, today: date, committee_named: Callable[[str], bool]
) -> tuple[str, dict[str, Any]]:
    """The SQL conditions and parameters for a filter (``committee_named``:
    whether any committee's name is ``like`` a pattern)."""
    clauses: list[str] = ["not confidential"] if chosen.public else []
    params: dict[str, Any] = {"today": today.isoformat()}
    if chosen.committee.strip():
        clauses.append("committee like :committee escape '\\'")
        params["committee"] = like_pattern(chosen.committee.strip())
    if chosen.owner.strip():
        clauses.append("owner like :owner escape '\\'")
        params["owner"] = like_pattern(chosen.owner.strip())
    if chosen.statuses:
        names = sorted(status.value for status in chosen.statuses)
        clauses.append(f"status in ({', '.join(repr(name) for name in names)})")
    if chosen.overdue:
        clauses.append("status = 'open' and effective_due < :today")
    if chosen.due_within is not None:
        clauses.append("status = 'open' and effective_due between :today and :until")
        params["until"] = (today + timedelta(days=chosen.due_within)).isoformat()
    if chosen.text.strip():
        clause, found = text_clause(chosen.text, committee_named)  # the full-text index
        clauses.append(clause)
        params.update(found)
    return (" where " + " and ".join(clauses)) if clauses else "", params


class ActionSheet:
    """Every action across meetings, read from and written to one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        store.conn.create_function("local_date", 2, local_date)

    def _today(self, now: pendulum.DateTime | None) -> date:
        return to_local(now or clock.now()).date()

    def _where(self, chosen: ActionFilter, today: date) -> tuple[str, dict[str, Any]]:
        return _where(chosen, today, self._committee_named)

    def _committee_named(self, pattern: str) -> bool:
        """Whether any committee's name is ``like`` ``pattern`` (escaped with ``\\``)."""
        return bool(
            self.store.query(
                "select 1 from committees where name like ? escape '\\' limit 1", [pattern]
            )
        )

    def page(
        self, chosen: ActionFilter = ActionFilter(), now: pendulum.DateTime | None = None
    ) -> tuple[list[ActionSheetRow], Counts]:
        """The actions the filter matches, sorted, at most ``limit`` of them,
        and how many it matches in all by state."""
        if chosen.sort not in SORTS:
            raise StoreError(f"cannot sort by {chosen.sort!r}: try {', '.join(SORTS)}")
        today = self._today(now)
        where, params = self._where(chosen, today)
        order = SORTS[chosen.sort].format(dir="desc" if chosen.descending else "asc")
        if chosen.limit is None:  # every row matched, whole, counted as it goes
            found = self.store.values(
                f"select {_ROW}, {_TOTALS} from ({_SHEET}){where} order by {order}", params
            )
            return self._rows_of(found[0][_ROW_LENGTH:] if found else (), found, chosen, today)
        # A page: first its ids, in order, with the counts of every row
        # matched riding on them as window totals, so that only the columns
        # the filter, the sort and the counts need are worked out for all the
        # rows matched (on the archive's ~30,000 actions, working out every
        # column of every row to show 500 was most of the time); then the
        # page's rows whole, by id (whether each is overdue worked out from
        # them, so that "next meeting" is looked up once a row).
        params["limit"] = chosen.limit
        picked = self.store.values(
            f"select action_id, {_TOTALS} from ({_SHEET}){where} order by {order} limit :limit",
            params,
        )
        ids = [int(row[0]) for row in picked]
        whole = {
            row[0]: row
            for row in self.store.values(
                f"select {_ROW} from ({_SHEET_ROWS}) where action_id in ({','.join(map(str, ids))})"
            )
        }
        found = [whole[action_id] for action_id in ids]
        return self._rows_of(picked[0][1:] if picked else (), found, chosen, today)

    def _rows_of(
        self,
        totals: Sequence[Any],
        found: list[tuple[Any, ...]],
        chosen: ActionFilter,
        today: date,
    ) -> tuple[list[ActionSheetRow], Counts]:
        """The sheet rows of ``found`` (:data:`_ROW` first), and the counts:
        ``totals`` in the order of :data:`_TOTALS`."""
        if not found:
            return [], Counts()
        counts = Counts(
            **{name: int(value or 0) for name, value in zip(_COUNT_NAMES, totals, strict=True)}
        )
        today_text = today.isoformat()
        rows = [_row(row, today_text) for row in found]
        if chosen.public:
            rows = [
                self._public(row, bool(raw[_SECRET]), today)
                for row, raw in zip(rows, found, strict=True)
            ]
        return rows, counts

    def _public(self, row: ActionSheetRow, secret: bool, today: date) -> ActionSheetRow:
        """``row`` without what updates typed in exempt items changed
        (``secret``: whether any was)."""
        if not secret:
            return row
        state = public_state(self.store.db, row.action_id)
        due = state.due
        if due is None and state.due_text == row.due_text:
            due = row.due  # "next meeting", resolved as the sheet resolves it
        return replace(
            row,
            owner=state.owner,
            due=due,
            due_text=state.due_text,
            status=state.status,
            latest_update=state.note,
            latest_update_at=_zoned(state.noted_at, zone_of(row.meeting_starts_at)),
            confidential=False,
            overdue=state.status is ActionStatus.OPEN and due is not None and due < today,
        )

    def rows(
        self, chosen: ActionFilter = ActionFilter(), now: pendulum.DateTime | None = None
    ) -> list[ActionSheetRow]:
        """The actions the filter matches, sorted, at most ``limit`` of them."""
        return self.page(chosen, now)[0]

    def counts(
        self, chosen: ActionFilter = ActionFilter(), now: pendulum.DateTime | None = None
    ) -> Counts:
        """How many actions the filter matches: open, overdue, done, dropped."""
        where, params = self._where(chosen, self._today(now))
        (row,) = self.store.query(
            f"""select count(*) as total,
                coalesce(sum(status = 'open'), 0) as open,
                coalesce(sum(overdue), 0) as overdue,
                coalesce(sum(status = 'done'), 0) as done,
                coalesce(sum(status = 'dropped'), 0) as dropped
            from ({_SHEET}){where}""",
            params,
        )
        return Counts(**{key: int(value) for key, value in row.items()})

    def row(
        self, action_id: int, now: pendulum.DateTime | None = None, *, public: bool = False
    ) -> ActionSheetRow:
        """One action as the sheet shows it (``public``: as the public
        version does; an action raised in an exempt item is not in it)."""
        today = self._today(now)
        rows = self.store.values(
            f"select {_ROW} from ({_SHEET_ROWS}) where action_id = ?", [action_id]
        )
        if not rows or (public and rows[0][_CONFIDENTIAL]):
            raise StoreError(f"there is no action {action_id}")
        found = _row(rows[0], today.isoformat())
        return self._public(found, bool(rows[0][_SECRET]), today) if public else found

    def history(self, action_id: int, public: bool = False) -> list[ActionUpdate]:
        """Every update to an action that counts, oldest first (an update
        whose entry was deleted from the running minute no longer counts);
        ``public``: only those typed outside exempt items."""
        self.row(action_id)
        if public:
            return public_updates(self.store.db, action_id)
        return live_updates(self.store.db, action_id)

    def entry_update(self, entry_id: int) -> ActionUpdate | None:
        """The update captured as running-minute entry ``entry_id``, if any."""
        return update_of_entry(self.store.db, entry_id)

    def update(
        self,
        action_id: int,
        *,
        note: str = "",
        status: ActionStatus | None = None,
        owner: str | None = None,
        due: date | None = None,
        due_text: str | None = None,
        entry_id: int | None = None,
        now: pendulum.DateTime | None = None,
    ) -> ActionUpdate:
        """Record a dated update and apply what it changes, in one transaction
        (a savepoint inside the caller's transaction, if there is one).

        The action's current owner, due date and status are worked out again
        from its whole history, so an update given an earlier ``now`` than
        the latest one does not override it.
        """
        self.row(action_id)
        note, owner = clean(note), clean(owner) if owner is not None else None
        if owner == "":
            raise StoreError("an action needs an owner")
        if not (note or status or owner or due or due_text):
            raise StoreError("nothing to update: give a status, an owner, a date or a note")
        with self.store.transaction() as db:
            update_id = (
                db.table("action_updates")
                .insert(
                    {
                        "action_id": action_id,
                        "entry_id": entry_id,
                        "at": iso(now or clock.now()),
                        "status": status.value if status else None,
                        "owner": owner,
                        "due": due.isoformat() if due else None,
                        "due_text": due_text,
                        "note": note,
                    }
                )
                .last_pk
            )
            recompute(db, action_id)
        (row,) = self.store.query("select * from action_updates where id = ?", [update_id])
        return update_from_row(row)


def _zoned(stamp: pendulum.DateTime | None, zone: str) -> pendulum.DateTime | None:
    """``stamp`` read in ``zone`` (the raising meeting's), if there is one."""
    return None if stamp is None else in_zone(stamp, zone)


@lru_cache(maxsize=8192)
def _moment_in(stamp: str, zone: str) -> pendulum.DateTime | None:
    """A stored moment read where ``zone`` is (moments are immutable, and a
    sheet shows each meeting's start on every action it raised)."""
    found = moment(stamp)
    return None if found is None else in_zone(found, zone)


def _row(found: Sequence[Any], today: str) -> ActionSheetRow:
    """A sheet row from the columns of :data:`_ROW` (in their order; any
    after them are not read), its moments read where the meeting that raised
    it happened; overdue if it is open and its effective due date (ISO) is
    before ``today`` (ISO), as the SQL of the sheet's filters and counts has
    it."""
    (
        action_id,
        number,
        committee,
        meeting_id,
        started,
        zone,
        item_number,
        description,
        owner,
        due,
        due_text,
        status,
        latest_update,
        noted,
        confidential,
        secret,
    ) = found[:_ROW_LENGTH]
    return ActionSheetRow(
        action_id=action_id,
        number=number,
        committee=committee,
        meeting_id=meeting_id,
        meeting_starts_at=(started and _moment_in(started, zone)) or in_zone(clock.now(), zone),
        item_number=item_number,
        description=description,
        owner=owner,
        due=date.fromisoformat(due) if due else None,
        due_text=due_text,
        status=ActionStatus(status),
        latest_update=latest_update,
        latest_update_at=_moment_in(noted, zone) if noted else None,
        overdue=status == "open" and due is not None and due < today,
        confidential=bool(confidential or secret),
    )
