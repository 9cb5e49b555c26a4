"""Names as the clerk types them: a typo of a known person is refused with
the close match offered and adds nobody; someone new is added only when the
clerk ends the name with ``!`` (once the committee's members are known);
the same for the speakers of questions and responses."""

from __future__ import annotations

import pendulum
import pytest

from minuteterm.db.store import Store
from minuteterm.errors import CLERK_ERRORS
from minuteterm.formal.people import Person, close_matches, committee_people
from minuteterm.model import EntryKind, NewItem, PersonKind
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.recorder import Recorder

COMMITTEE = "Planning Committee"


def meeting(store: Store, month: int, day: int) -> int:
    start = pendulum.datetime(2026, month, day, 18, 30, tz="Europe/London")
    return create_meeting(store, COMMITTEE, start, agenda=[NewItem("Applications")])


def refused(recorder: Recorder, line: str) -> str:
    with pytest.raises(CLERK_ERRORS) as caught:
        recorder.apply(line)
    return str(caught.value)


def people(store: Store) -> set[str]:
    committee = store.committee(COMMITTEE).id
    return {person.name for person in committee_people(store, committee)}


@pytest.fixture
def second(store: Store) -> int:
    """The committee's second meeting: its members known from the first."""
    first = Recorder(store, meeting(store, 11, 10))
    first.apply("present+ Cllr Robert Hale, Cllr Alison Fenn and Cllr Tom Ward")
    first.apply("officer+ Gemma Lowe, Planning Manager")
    return meeting(store, 12, 8)


def test_a_typo_is_offered_the_member_and_adds_nobody(store: Store, second: int) -> None:
    recorder = Recorder(store, second)
    before = people(store)
    message = refused(recorder, "present+ Cllr Alison Fenn, Cllr Robret Hale")
    assert message == (
        '"Cllr Robret Hale" is not one of the committee\'s people: did you mean'
        ' Cllr Robert Hale? (to add someone new, end the name with !: "Cllr Robret Hale!")'
    )
    assert people(store) == before
    present = {a.name for a in store.attendees(second) if a.counts_to_quorum}
    assert present == set()  # all the names or none: Cllr Fenn is not marked either
    recorder.apply("present+ Cllr Alison Fenn, Cllr Robert Hale")
    present = {a.name for a in store.attendees(second) if a.counts_to_quorum}
    assert present == {"Cllr Alison Fenn", "Cllr Robert Hale"}


def test_a_surname_typo_is_offered_too(store: Store, second: int) -> None:
    message = refused(Recorder(store, second), "apologies+ Hail")
    assert "did you mean Cllr Robert Hale?" in message


def test_someone_new_is_added_only_when_marked(store: Store, second: int) -> None:
    recorder = Recorder(store, second)
    message = refused(recorder, "present+ Cllr Priya Shah")
    assert message == (
        '"Cllr Priya Shah" is not one of the committee\'s people: to add someone new,'
        ' end the name with !: "Cllr Priya Shah!"'
    )
    assert "Cllr Priya Shah" not in people(store)
    recorder.apply("present+ Cllr Priya Shah!")
    recorder.apply("present+ Cllr Robret Hale!")  # really someone else, the clerk says
    assert {"Cllr Priya Shah", "Cllr Robret Hale"} <= people(store)
    present = {a.name for a in store.attendees(second) if a.counts_to_quorum}
    assert {"Cllr Priya Shah", "Cllr Robret Hale"} <= present


def test_at_a_committees_first_meeting_members_are_added_as_typed(store: Store) -> None:
    first = meeting(store, 11, 10)
    recorder = Recorder(store, first)
    recorder.apply("present+ Cllr Robert Hale")
    recorder.apply("apologies+ Cllr Gwen Price")
    assert "did you mean Cllr Robert Hale?" in refused(recorder, "present+ Cllr Robret Hale")
    assert people(store) == {"Cllr Robert Hale", "Cllr Gwen Price"}


def test_officers_are_added_unless_close_to_someone_known(store: Store, second: int) -> None:
    recorder = Recorder(store, second)
    recorder.apply("sub+ Cllr Helen Ward for Fenn")  # a substitute, new to the committee
    assert "Cllr Helen Ward" in people(store)
    assert "did you mean Cllr Tom Ward?" in refused(recorder, "sub+ Cllr Tim Ward for Hale")
    recorder.apply("officer+ Sam Patel, Highways Officer")
    assert "Sam Patel" in people(store)
    assert "did you mean Gemma Lowe?" in refused(recorder, "officer+ Gemma Lowes, Planner")


def test_a_speakers_typo_is_offered_the_member(store: Store, second: int) -> None:
    recorder = Recorder(store, second)
    recorder.apply("/item 1")
    message = refused(recorder, "? Cllr Robret Hale: was the site visited")
    assert "did you mean Cllr Robert Hale?" in message
    assert store.meeting_entries(second, [EntryKind.QUESTION]) == []
    recorder.apply("? Hale: was the site visited")
    recorder.apply("> Planning Manager: it was visited in October")
    recorder.apply("? Cllr Robret Hale!: a visiting councillor's question")
    speakers = [e.speaker for e in store.meeting_entries(second, [EntryKind.QUESTION])]
    assert speakers == ["Cllr Robert Hale", "Cllr Robret Hale"]


def test_close_matches_are_closest_first_and_leave_strangers_alone() -> None:
    known = [
        Person(1, "Cllr Robert Hale", PersonKind.MEMBER),
        Person(2, "Cllr Roberta Hales", PersonKind.MEMBER),
        Person(3, "Cllr Alison Fenn", PersonKind.MEMBER),
    ]
    assert [p.id for p in close_matches(known, "Cllr Robret Hale")] == [1, 2]
    assert close_matches(known, "Cllr Priya Shah") == []
    assert close_matches(known, "Head of Planning") == []
