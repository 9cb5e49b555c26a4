"""Formal business through the recorder, as a clerk types it: attendance,
quorum, declarations, votes (refused, then right), exempt items, minute
numbers, citations, and approving the previous minutes (after which the
earlier meeting cannot change)."""

from __future__ import annotations

import pendulum
import pytest

from minuteterm.db.store import MeetingLocked, Store
from minuteterm.errors import CLERK_ERRORS, CaptureError
from minuteterm.formal.committees import Settings, configure
from minuteterm.formal.people import quorum
from minuteterm.formal.votes import resolutions
from minuteterm.model import (
    AttendanceStatus,
    EntryKind,
    MeetingStatus,
    MinuteNumbering,
    NewItem,
    ResolutionForm,
    ResolutionMarks,
    VoteSide,
)
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.recorder import Recorder
from tests.conftest import FrozenClock

COMMITTEE = "Licensing and Appeals Committee"
AGENDA = [
    NewItem("Apologies for absence"),
    NewItem("Declarations of interest"),
    NewItem("Minutes of the previous meeting"),
    NewItem("Street trading policy"),
    NewItem("Review of a premises licence", exempt=True, exempt_paragraph="1"),
]


def meeting(store: Store, day: int = 14, month: int = 12) -> int:
    """A meeting on ``day``/``month`` of the municipal year 2026/27."""
    year = 2026 if month >= 5 else 2027
    starts = pendulum.datetime(year, month, day, 18, 30, tz="Europe/London")
    return create_meeting(store, COMMITTEE, starts, venue="Room 4", agenda=AGENDA)


def typed(recorder: Recorder, *lines: str) -> list[str]:
    """Apply each line; the outcome messages."""
    return [recorder.apply(line).message for line in lines]


def refused(recorder: Recorder, line: str) -> str:
    with pytest.raises(CLERK_ERRORS) as caught:
        recorder.apply(line)
    return str(caught.value)


def statuses(store: Store, meeting_id: int) -> dict[str, str]:
    return {a.name: a.status.value for a in store.attendees(meeting_id)}


# --- attendance --------------------------------------------------------------------------


def test_attendance_lines_mark_people_and_remember_members(store: Store) -> None:
    first = meeting(store)
    recorder = Recorder(store, first)
    typed(
        recorder,
        "present+ Cllr Nadia Osei, Cllr Peter Lund and Cllr Ruth Carey",
        "chair+ Osei",
        "apologies+ Cllr Gwen Price",
        "sub+ Cllr Sam Ahmed for Price",
        "officer+ Jo Marsh, Licensing Manager",
        "others+ Ann Shaw, Traders' Association",
    )
    attendees = {a.name: a for a in store.attendees(first)}
    assert attendees["Cllr Nadia Osei"].chair and attendees["Cllr Nadia Osei"].counts_to_quorum
    assert attendees["Cllr Gwen Price"].status is AttendanceStatus.APOLOGIES
    assert attendees["Cllr Sam Ahmed"].substitute_for == "Cllr Gwen Price"
    assert attendees["Jo Marsh"].title == "Licensing Manager"
    assert attendees["Ann Shaw"].status is AttendanceStatus.IN_ATTENDANCE

    # The next meeting starts with the committee's members listed, to be
    # marked; the substitute and the officer are not expected.
    second = meeting(store, 18, 1)
    assert statuses(store, second) == {
        "Cllr Ruth Carey": "expected",
        "Cllr Peter Lund": "expected",
        "Cllr Nadia Osei": "expected",
        "Cllr Gwen Price": "expected",
    }
    typed(Recorder(store, second), "present+ Lund, carey")  # surnames, any case
    assert statuses(store, second)["Cllr Peter Lund"] == "present"
    assert statuses(store, second)["Cllr Ruth Carey"] == "present"


def test_an_ambiguous_or_malformed_line_is_refused_and_changes_nothing(store: Store) -> None:
    meeting_id = meeting(store)
    recorder = Recorder(store, meeting_id)
    typed(recorder, "present+ Cllr Ann Lee, Cllr Tom Lee")
    assert "could be any of Cllr Ann Lee; Cllr Tom Lee" in refused(recorder, "chair+ Lee")
    assert "sub+ Cllr Ward for Cllr Dorsey" in refused(recorder, "sub+ Cllr Ward")
    assert "needs one or more names" in refused(recorder, "present+")
    assert "nobody can leave before arriving" in refused(recorder, "left+ Cllr Zoe Quinn")
    assert not any(a.chair for a in store.attendees(meeting_id))


def test_quorum_is_counted_live_from_arrivals_and_departures(
    store: Store, frozen_clock: FrozenClock
) -> None:
    meeting_id = meeting(store)
    configure(store, COMMITTEE, Settings(quorum=3))
    recorder = Recorder(store, meeting_id)
    typed(recorder, "present+ Cllr Nadia Osei, Cllr Peter Lund")
    state = quorum(store, meeting_id)
    assert (state.present, state.quorum, state.met) == (2, 3, False)
    frozen_clock.advance(minutes=12)
    assert "3 present, quorum 3" in typed(recorder, "arrived+ Cllr Ruth Carey")[0]
    assert quorum(store, meeting_id).met
    frozen_clock.advance(minutes=40)
    assert "BELOW THE QUORUM of 3" in typed(recorder, "left+ Lund")[0]
    departure = store.last_entry(meeting_id)
    assert (
        departure.kind is EntryKind.ATTENDANCE
        and departure.text == "Cllr Peter Lund left the meeting"
    )
    # Deleting the departure (typed in error) puts Cllr Lund back in the room.
    recorder.delete(departure.id)
    assert quorum(store, meeting_id).present == 3


# --- declarations and votes -------------------------------------------------------------


def test_a_pecuniary_interest_bars_the_member_from_the_vote(store: Store) -> None:
    meeting_id = meeting(store)
    recorder = Recorder(store, meeting_id)
    typed(
        recorder,
        "present+ Cllr Nadia Osei, Cllr Peter Lund, Cllr Ruth Carey",
        "/item 2",
        "declare+ Carey: item 4, pecuniary, holds a street trading consent",
        "/item 4",
        "= That the revised street trading policy be adopted.",
    )
    why = refused(recorder, "vote+ for 3, against 0")
    assert "3 votes cast, but only 2 members are present and entitled to vote" in why
    why = refused(recorder, "vote+ for: Osei, Carey; against: Lund")
    assert "Cllr Ruth Carey cannot vote on this item: they declared a pecuniary interest" in why
    assert store.entries(store.items(meeting_id)[3].id)[-1].kind is EntryKind.RESOLUTION

    message = typed(recorder, "vote+ for 1, against 1, casting for")[0]
    assert message.endswith("carried")
    (resolution,) = resolutions(store, meeting_id).values()
    assert resolution.vote is not None and resolution.vote.casting is VoteSide.FOR
    assert "already has a vote" in refused(recorder, "vote+ 2-0")


def test_a_recorded_vote_keeps_the_names_and_a_lost_motion_is_lost(store: Store) -> None:
    meeting_id = meeting(store)
    recorder = Recorder(store, meeting_id)
    typed(
        recorder,
        "present+ Cllr Nadia Osei, Cllr Peter Lund, Cllr Ruth Carey",
        "/item 4",
        "= RECOMMENDED: That Council extend the trading zone.",
        "vote+ for: Osei; against: Lund, Carey",
    )
    (resolution,) = resolutions(store, meeting_id).values()
    assert resolution.form is ResolutionForm.RECOMMENDED
    assert resolution.vote is not None and not resolution.vote.carried
    assert resolution.vote.named(VoteSide.AGAINST) == ("Cllr Peter Lund", "Cllr Ruth Carey")
    typed(recorder, "/item 5")
    assert "no resolution in this item to vote on" in refused(recorder, "vote+ 1-0")


def test_declarations_votes_and_arrivals_are_deleted_not_edited(store: Store) -> None:
    meeting_id = meeting(store)
    recorder = Recorder(store, meeting_id)
    typed(
        recorder,
        "present+ Cllr Nadia Osei",
        "declare+ Osei: other, trustee of a charity",
        "/item 4",
        "= That the policy be adopted.",
        "vote+ for 1, against 0",
        "arrived+ Cllr Peter Lund",
    )
    formal = [
        entry
        for entry in store.meeting_entries(meeting_id)
        if entry.kind in (EntryKind.DECLARATION, EntryKind.VOTE, EntryKind.ATTENDANCE)
    ]
    assert [entry.kind for entry in formal] == [
        EntryKind.DECLARATION,
        EntryKind.VOTE,
        EntryKind.ATTENDANCE,
    ]
    for entry in formal:
        with pytest.raises(CaptureError, match="delete it \\(D\\) and type it again"):
            recorder.edit_line(entry.id)
        with pytest.raises(CaptureError, match="cannot be edited"):
            recorder.change_kind(entry.id, EntryKind.NOTE)
    resolution = store.entries(store.items(meeting_id)[3].id)[0]
    with pytest.raises(CaptureError, match="an entry cannot become a vote"):
        recorder.change_kind(resolution.id, EntryKind.VOTE)


# --- exempt items, numbers, citations and approval --------------------------------------


def test_exempt_paragraph_and_public_decision(store: Store) -> None:
    meeting_id = meeting(store)
    recorder = Recorder(store, meeting_id)
    assert "is not exempt" in refused(recorder, "/public That the policy be adopted.")
    assert "Schedule 12A has no paragraph 9" in refused(recorder, "/exempt 9")
    typed(recorder, "/item 4", "/exempt 3", "/public That the policy be adopted.")
    item = store.items(meeting_id)[3]
    assert (item.exempt, item.exempt_paragraph, item.public_decision) == (
        True,
        "3",
        "That the policy be adopted.",
    )
    typed(recorder, "/exempt off")
    assert not store.items(meeting_id)[3].exempt


@pytest.mark.parametrize(
    ("settings", "first", "second"),
    [
        (Settings(first_minute=620), ["620", "621", "622", "623", "624"], "625"),
        (
            Settings(numbering=MinuteNumbering.PREFIXED, prefix="lac"),
            ["LAC/1/26", "LAC/2/26", "LAC/3/26", "LAC/4/26", "LAC/5/26"],
            "LAC/1/27",
        ),
    ],
)
def test_minute_numbers_are_given_at_close_in_agenda_order_and_never_again(
    store: Store, settings: Settings, first: list[str], second: str
) -> None:
    configure(store, COMMITTEE, settings)
    december = meeting(store)
    assert [item.minute_number for item in store.items(december)] == [None] * 5
    typed(Recorder(store, december), "/item 2", "/end")
    assert [item.minute_number for item in store.items(december)] == first
    january = meeting(store, 18, 1)
    typed(Recorder(store, january), "/end")
    assert store.items(january)[0].minute_number == second
    given = [item.minute_number for item in [*store.items(december), *store.items(january)]]
    assert len(set(given)) == 10


def test_citing_a_minute_checks_it_exists(store: Store) -> None:
    configure(store, COMMITTEE, Settings(numbering=MinuteNumbering.PREFIXED, prefix="LAC"))
    december = meeting(store)
    typed(Recorder(store, december), "/end")
    recorder = Recorder(store, meeting(store, 18, 1))
    typed(recorder, "/item 4", "The policy was reviewed as promised @lac/4/26.")
    assert store.last_entry(recorder.meeting_id).text.endswith("@LAC/4/26.")
    assert "there is no minute LAC/9/26" in refused(recorder, "See @LAC/9/26 for the appeal.")
    typed(recorder, "Write to licensing@example.org about it.")  # an address is not a citation


def test_approving_the_previous_minutes_freezes_them(store: Store) -> None:
    december = meeting(store)
    first = Recorder(store, december)
    typed(first, "present+ Cllr Nadia Osei", "/item 4", "The Committee noted the policy.")
    january = meeting(store, 18, 1)
    second = Recorder(store, january)
    assert "still live" in refused(second, "/approve")
    typed(first, "/end")
    typed(second, "/item 3", "/approve with: in minute 4, for 'noted' read 'welcomed'")
    approval = store.last_entry(january)
    assert approval.kind is EntryKind.RESOLUTION
    assert approval.text == (
        "That the minutes of the meeting held on 14 December 2026 be signed as a correct"
        " record, subject to the following amendment: in minute 4, for 'noted' read 'welcomed'."
    )
    assert store.meeting(december).status is MeetingStatus.APPROVED
    assert "already approved" in refused(second, "/approve")
    with pytest.raises(MeetingLocked, match="approved and cannot change"):
        first.apply("The Committee also thanked officers.")
    with pytest.raises(MeetingLocked):
        store.add_attendee(december, "Cllr Peter Lund")

    # Approved in error: deleting the approval withdraws it; undo gives it back.
    second.delete(approval.id)
    assert store.meeting(december).status is MeetingStatus.CLOSED
    second.undo()
    assert store.meeting(december).status is MeetingStatus.APPROVED


def test_committee_settings_are_kept_and_checked(store: Store) -> None:
    configure(store, COMMITTEE, Settings(resolution_marks=ResolutionMarks.LETTERS, quorum=4))
    committee = store.committee(COMMITTEE)
    assert committee.resolution_marks is ResolutionMarks.LETTERS and committee.quorum == 4
    with pytest.raises(CLERK_ERRORS, match="need a prefix"):
        configure(store, "Planning", Settings(numbering=MinuteNumbering.PREFIXED))
    with pytest.raises(CLERK_ERRORS, match="up to 12 letters and digits"):
        configure(store, "Planning", Settings(prefix="P/1"))


def test_a_substitute_keeps_whom_they_stand_in_for(store: Store) -> None:
    meeting_id = meeting(store)
    recorder = Recorder(store, meeting_id)
    typed(
        recorder,
        "present+ Cllr Nadia Osei",
        "sub+ Cllr Sam Ahmed for Cllr Gwen Price",
        "chair+ Ahmed",  # the substitute takes the Chair
        "declare+ Ahmed: other, trustee of a charity",
    )
    ahmed = {a.name: a for a in store.attendees(meeting_id)}["Cllr Sam Ahmed"]
    assert ahmed.status is AttendanceStatus.SUBSTITUTE and ahmed.chair
    assert ahmed.substitute_for == "Cllr Gwen Price"
