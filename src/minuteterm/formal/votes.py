"""Resolutions' forms and votes.

A resolution is RESOLVED unless typed ``= RECOMMENDED: ...`` (to full
Council) or ``= AGREED: ...``. A vote (``vote+``) is an entry in the item
that answers the item's latest resolution, and a row with its totals (and,
for a recorded vote, the names on each side). Totals that exceed the members
entitled to vote — in the room, and without a pecuniary interest in the item
— are refused with the reason, and so is a name that may not vote.
"""

from __future__ import annotations

from dataclasses import replace

import pendulum

from minuteterm.db.store import Store
from minuteterm.errors import CaptureError
from minuteterm.formal.people import committee_people, resolve, voters
from minuteterm.grammar.formal import CastVote
from minuteterm.model import EntryKind, Resolution, ResolutionForm, Vote, VoteSide


def set_form(store: Store, entry_id: int, form: ResolutionForm) -> None:
    """Keep a resolution entry's form (inside the caller's transaction)."""
    store.db.execute(
        """insert into resolutions (entry_id, form) values (?, ?)
        on conflict (entry_id) do update set form = excluded.form""",
        [entry_id, form.value],
    )


def form_of(store: Store, entry_id: int) -> ResolutionForm:
    """A resolution entry's form (RESOLVED unless recorded otherwise)."""
    rows = store.query("select form from resolutions where entry_id = ?", [entry_id])
    return ResolutionForm(rows[0]["form"]) if rows else ResolutionForm.RESOLVED


def _latest_resolution(store: Store, item_id: int) -> int:
    rows = store.query(
        """select id from entries where item_id = ? and kind = 'resolution'
        and deleted_at is null order by position desc limit 1""",
        [item_id],
    )
    if not rows:
        raise CaptureError(
            "there is no resolution in this item to vote on: type it first (= That …)"
        )
    return int(rows[0]["id"])


def vote_of(store: Store, resolution_id: int) -> Vote | None:
    """The standing vote on a resolution, if one was taken."""
    rows = store.query(
        """select v.* from votes v join entries x on x.id = v.entry_id and x.deleted_at is null
        where v.resolution_id = ? order by v.entry_id desc limit 1""",
        [resolution_id],
    )
    if not rows:
        return None
    names = store.query(
        "select name, side from recorded_votes where entry_id = ? order by rowid",
        [rows[0]["entry_id"]],
    )
    return _vote(rows[0], [(VoteSide(name["side"]), name["name"]) for name in names])


def check(store: Store, meeting_id: int, item_id: int, command: CastVote) -> CastVote:
    """The vote with its names as the committee spells them, or
    :class:`CaptureError` saying why it cannot stand."""
    entitled = voters(store, meeting_id, item_id)
    if command.names:
        command = _named(store, meeting_id, entitled, command)
    total = command.votes_for + command.against + command.abstain
    if total == 0:
        raise CaptureError("a vote needs at least one vote cast")
    if total > len(entitled):
        raise CaptureError(
            f"{total} votes cast, but only {len(entitled)} member"
            f"{'s are' if len(entitled) != 1 else ' is'} present and entitled to vote on this item"
            " (mark arrivals with arrived+ or present+)"
        )
    if command.casting is not None and command.votes_for != command.against:
        raise CaptureError("a casting vote is only used when the votes are equal")
    return command


def _named(store: Store, meeting_id: int, entitled: list, command: CastVote) -> CastVote:
    """A recorded vote with each name as the committee spells it; refused
    for a name that may not vote on the item, or one named twice."""
    people = committee_people(store, store.meeting(meeting_id).committee_id)
    allowed = {attendee.name for attendee in entitled}
    named: list[tuple[VoteSide, str]] = []
    for side, typed in command.names:
        person = resolve(people, typed)
        name = person.name if person else typed
        if name not in allowed:
            why = _why_not(store, meeting_id, name)
            raise CaptureError(f"{name} cannot vote on this item: {why}")
        if any(name == other for _side, other in named):
            raise CaptureError(f"{name} is named twice in the vote")
        named.append((side, name))
    return CastVote(
        command.votes_for, command.against, command.abstain, tuple(named), command.casting
    )


def _why_not(store: Store, meeting_id: int, name: str) -> str:
    for attendee in store.attendees(meeting_id):
        if attendee.name == name:
            if attendee.left:
                return "they have left the meeting"
            if attendee.counts_to_quorum:
                return "they declared a pecuniary interest in it"
            return f"they are marked {attendee.status.value.replace('_', ' ')}"
    return "they are not marked present"


def words(vote: CastVote | Vote) -> str:
    """``for 5, against 2, abstentions 1``."""
    return (
        f"for {vote.votes_for}, against {vote.against}, "
        f"{vote.abstain} abstention{'s' if vote.abstain != 1 else ''}"
    )


def record_vote(
    store: Store, meeting_id: int, item_id: int, command: CastVote, now: pendulum.DateTime
) -> tuple[int, Vote]:
    """Record the vote on the item's latest resolution; return its entry's
    id and the vote. Refused (nothing saved) if it cannot stand."""
    resolution_id = _latest_resolution(store, item_id)
    existing = vote_of(store, resolution_id)
    if existing is not None:
        raise CaptureError(
            f"that resolution already has a vote (entry #{existing.entry_id}):"
            " delete it to vote again"
        )
    command = check(store, meeting_id, item_id, command)
    vote = Vote(
        entry_id=0,
        resolution_id=resolution_id,
        votes_for=command.votes_for,
        against=command.against,
        abstain=command.abstain,
        names=command.names,
        casting=command.casting,
    )
    outcome = "carried" if vote.carried else "lost"
    with store.transaction() as db:
        entry_id = store.add_entry(
            item_id,
            EntryKind.VOTE,
            f"Vote on #{resolution_id}: {words(vote)} – {outcome}",
            reply_to=resolution_id,
            now=now,
        )
        db.table("votes").insert(
            {
                "entry_id": entry_id,
                "resolution_id": resolution_id,
                "votes_for": vote.votes_for,
                "against": vote.against,
                "abstain": vote.abstain,
                "casting": vote.casting.value if vote.casting else None,
            }
        )
        for side, name in vote.names:
            db.table("recorded_votes").insert(
                {"entry_id": entry_id, "name": name, "side": side.value}
            )
    return entry_id, replace(vote, entry_id=entry_id)


def resolutions(store: Store, meeting_id: int) -> dict[int, Resolution]:
    """Every resolution entry of the meeting: its form and its standing
    vote; read in three queries, however many resolutions there are."""
    rows = store.query(
        """select e.id, r.form
        from entries e join agenda_items i on i.id = e.item_id
        left join resolutions r on r.entry_id = e.id
        where i.meeting_id = ? and e.kind = 'resolution' and e.deleted_at is null""",
        [meeting_id],
    )
    votes = _votes(store, meeting_id)
    return {
        row["id"]: Resolution(
            entry_id=row["id"],
            form=ResolutionForm(row["form"]) if row["form"] else ResolutionForm.RESOLVED,
            vote=votes.get(row["id"]),
        )
        for row in rows
    }


def _votes(store: Store, meeting_id: int) -> dict[int, Vote]:
    """The standing vote on each voted resolution of the meeting."""
    rows = store.query(
        """select v.* from votes v
        join entries x on x.id = v.entry_id and x.deleted_at is null
        join agenda_items i on i.id = x.item_id
        where i.meeting_id = ? order by v.entry_id""",
        [meeting_id],
    )
    names: dict[int, list[tuple[VoteSide, str]]] = {}
    for row in store.query(
        """select rv.entry_id, rv.name, rv.side from recorded_votes rv
        join entries x on x.id = rv.entry_id join agenda_items i on i.id = x.item_id
        where i.meeting_id = ? order by rv.rowid""",
        [meeting_id],
    ):
        names.setdefault(row["entry_id"], []).append((VoteSide(row["side"]), row["name"]))
    return {row["resolution_id"]: _vote(row, names.get(row["entry_id"], [])) for row in rows}


def _vote(row: dict, names: list[tuple[VoteSide, str]]) -> Vote:
    return Vote(
        entry_id=row["entry_id"],
        resolution_id=row["resolution_id"],
        votes_for=row["votes_for"],
        against=row["against"],
        abstain=row["abstain"],
        names=tuple(names),
        casting=VoteSide(row["casting"]) if row["casting"] else None,
    )
