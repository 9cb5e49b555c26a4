"""Approved minutes never change: what they depend on, frozen at approval.

Minutes are made from a :class:`~minuteterm.model.MeetingRecord`: the
meeting, its items and entries, who attended (names, kinds and titles as
they were), the committee's settings (resolution style, numbering, quorum,
house style), the actions as they stood, declarations and votes. Much of
that is read from rows that later work changes (``officer+`` gives someone a
new title, ``committee --resolutions letters``), so when a meeting's minutes
are approved the whole record is stored as JSON in ``minutes_snapshots``
(:func:`save_snapshot`) and its minutes are made from that from then on
(:func:`thaw`): exported again in any format, they are byte for byte the
same.

The meeting's time zone is part of the record (``Meeting.time_zone``), so
its times read the same however the committee's zone setting or the
machine's zone change later.

The record is the single list of "what the minutes depend on": a setting
added to it (to :class:`~minuteterm.model.Committee`, say) is frozen with
it, with no change here. The JSON is written and read generically from the
dataclasses' type hints; a snapshot written by an older MinuteTerm that
lacks a newer field gets that field's default.

Withdrawing the approval (deleting its resolution) drops the snapshot, so
the meeting is made from its rows again while it is open to change; giving
the approval again freezes it again.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Any

import pendulum

from minuteterm import clock
from minuteterm.clock import iso, moment
from minuteterm.dates import in_zone
from minuteterm.model import MeetingRecord

if TYPE_CHECKING:
    from minuteterm.db.store import Store

#: Bumped if the way a record is written changes incompatibly.
SNAPSHOT_FORMAT = 1


# --- writing and reading a record as JSON -------------------------------------------


def encode(value: Any) -> Any:
    """``value`` (a record or any part of it) as plain JSON data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, pendulum.DateTime):
        return iso(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return [[encode(key), encode(item)] for key, item in value.items()]
    return value


def decode(kind: Any, data: Any) -> Any:
    """``data`` (from :func:`encode`) as a value of type ``kind``."""
    if data is None:
        return None
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (types.UnionType, typing.Union):
        real = [arg for arg in args if arg is not type(None)]
        return decode(real[0], data)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(decode(args[0], item) for item in data)
        return tuple(decode(arg, item) for arg, item in zip(args, data, strict=True))
    if origin is list:
        return [decode(args[0], item) for item in data]
    if origin is dict:
        return {decode(args[0], key): decode(args[1], item) for key, item in data}
    if dataclasses.is_dataclass(kind):
        return _dataclass(kind, data)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(data)
    if kind is pendulum.DateTime:
        return moment(data)
    if kind is date:
        return date.fromisoformat(data)
    return data


def _dataclass(kind: Any, data: dict[str, Any]) -> Any:
    hints = typing.get_type_hints(kind)
    known = {f.name for f in dataclasses.fields(kind) if f.init}
    values = {name: decode(hints[name], data[name]) for name in known if name in data}
    if "number" in known and "number" not in data and "action_id" in data:
        # Frozen before actions had numbers of their own: the number printed was the id.
        values["number"] = data["action_id"]
    return kind(**values)


def rezone(value: Any, zone: str) -> Any:
    """``value`` (a record or any part of it) with every moment in it read
    in ``zone`` (the meeting's): the same moments, shown where the meeting
    happened."""
    if isinstance(value, pendulum.DateTime):
        return in_zone(value, zone)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            if f.init:
                old = getattr(value, f.name)
                new = rezone(old, zone)
                if new is not old:
                    changes[f.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    if isinstance(value, list):
        return [rezone(item, zone) for item in value]
    if isinstance(value, tuple):
        return tuple(rezone(item, zone) for item in value)
    if isinstance(value, dict):
        return {key: rezone(item, zone) for key, item in value.items()}
    return value


# --- freezing and thawing a meeting ------------------------------------------------


def save_snapshot(store: Store, meeting_id: int, record: MeetingRecord) -> None:
    """Store ``record`` as the meeting's frozen record (inside the caller's
    transaction, so it is the record the approval signed)."""
    store.db.table("minutes_snapshots").upsert(
        {
            "meeting_id": meeting_id,
            "taken_at": iso(clock.now()),
            "format": SNAPSHOT_FORMAT,
            "record": json.dumps(encode(record), ensure_ascii=False, sort_keys=True),
        },
        pk="meeting_id",
    )


def drop_snapshot(store: Store, meeting_id: int) -> None:
    """Drop the meeting's snapshot (its approval was withdrawn)."""
    store.conn.execute("delete from minutes_snapshots where meeting_id = ?", [meeting_id])


def thaw(store: Store, meeting_id: int) -> MeetingRecord | None:
    """The record frozen when the meeting's minutes were approved, if they
    stand approved and were frozen."""
    rows = store.query(
        """select s.record, s.format from minutes_snapshots s
        join meetings m on m.id = s.meeting_id
        where s.meeting_id = ? and m.status = 'approved'""",
        [meeting_id],
    )
    if not rows or rows[0]["format"] != SNAPSHOT_FORMAT:
        return None
    return decode(MeetingRecord, json.loads(rows[0]["record"]))


def missing(store: Store, committee_id: int | None = None) -> list[int]:
    """Meetings (of one committee, or all) that stand approved with no
    snapshot (approved by an older MinuteTerm, before snapshots existed)."""
    rows = store.query(
        """select id from meetings where status = 'approved'
        and (:committee is null or committee_id = :committee)
        and id not in (select meeting_id from minutes_snapshots)""",
        {"committee": committee_id},
    )
    return [int(row["id"]) for row in rows]


def unfrozen(store: Store, meeting_id: int) -> bool:
    """Whether the meeting stands approved but has no snapshot (approved by
    an older MinuteTerm, before snapshots existed)."""
    rows = store.query(
        """select 1 from meetings where id = ? and status = 'approved'
        and id not in (select meeting_id from minutes_snapshots)""",
        [meeting_id],
    )
    return bool(rows)
