"""The quorum kept, as a clerk meets it: below the quorum a resolution, a
vote or /approve is refused with the reason and the way on; ``!inquorate``
records it knowingly; ``/inquorate`` minutes the inquorate period, and the
minutes print it."""

from __future__ import annotations

import pendulum
import pytest

from minuteterm.db.store import Store
from minuteterm.errors import CLERK_ERRORS
from minuteterm.export import render
from minuteterm.formal.committees import Settings, configure
from minuteterm.formal.votes import resolutions
from minuteterm.model import EntryKind, NewItem
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.record import meeting_record
from minuteterm.recording.recorder import Recorder

COMMITTEE = "Licensing Committee"


def at(hour: int, minute: int) -> pendulum.DateTime:
    return pendulum.datetime(2026, 12, 14, hour, minute, tz="Europe/London")


@pytest.fixture
def recorder(store: Store) -> Recorder:
    """A meeting of a committee with a quorum of 4, one member present."""
    agenda = [NewItem("Street trading policy"), NewItem("Taxi licensing fees")]
    meeting_id = create_meeting(store, COMMITTEE, at(18, 30), agenda=agenda)
    configure(store, COMMITTEE, Settings(quorum=4))
    recorder = Recorder(store, meeting_id)
    recorder.apply("present+ Cllr Nadia Osei", now=at(18, 30))
    recorder.apply("/item 1", now=at(18, 31))
    return recorder


def refused(recorder: Recorder, line: str) -> str:
    with pytest.raises(CLERK_ERRORS) as caught:
        recorder.apply(line, now=at(19, 0))
    return str(caught.value)


def kinds(recorder: Recorder) -> list[EntryKind]:
    return [e.kind for e in recorder.store.meeting_entries(recorder.meeting_id)]


def test_a_resolution_below_quorum_is_refused_with_the_reason(recorder: Recorder) -> None:
    message = refused(recorder, "= That the policy be adopted.")
    assert message == (
        "the meeting is inquorate (1 member present, quorum 4): no decision can be taken."
        " Mark arrivals (present+), or type /inquorate to minute it, or end the line with"
        " !inquorate to record it anyway"
    )
    assert kinds(recorder) == []


def test_a_vote_below_quorum_is_refused(store: Store, recorder: Recorder) -> None:
    recorder.apply("present+ Cllr Peter Lund, Cllr Ruth Carey, Cllr Gwen Price")
    recorder.apply("= That the policy be adopted.")
    recorder.apply("left+ Cllr Gwen Price", now=at(19, 10))
    assert "inquorate (3 members present, quorum 4)" in refused(recorder, "vote+ for 1")
    assert EntryKind.VOTE not in kinds(recorder)
    assert "inquorate" in refused(recorder, "/approve")


def test_the_override_records_the_decision_knowingly(recorder: Recorder) -> None:
    recorder.apply("= That the policy be adopted. !inquorate")
    recorder.apply("vote+ for 1 !INQUORATE")
    (resolution,) = resolutions(recorder.store, recorder.meeting_id).values()
    assert resolution.vote is not None and resolution.vote.carried
    entry = recorder.store.entry(resolution.entry_id)
    assert entry.text == "That the policy be adopted."
    assert "!inquorate only goes at the end of a resolution" in refused(
        recorder, "A note !inquorate"
    )


def test_a_quorate_meeting_decides_as_before(recorder: Recorder) -> None:
    recorder.apply("present+ Cllr Peter Lund, Cllr Ruth Carey, Cllr Gwen Price")
    recorder.apply("= That the policy be adopted.")
    recorder.apply("vote+ for 4")
    assert kinds(recorder) == [EntryKind.RESOLUTION, EntryKind.VOTE]


def test_inquorate_is_refused_while_the_record_shows_a_quorum(recorder: Recorder) -> None:
    recorder.apply("present+ Cllr Peter Lund, Cllr Ruth Carey, Cllr Gwen Price")
    message = refused(recorder, "/inquorate")
    assert message == (
        "the meeting is quorate (4 present, quorum 4): mark who left with left+ first"
    )
    recorder.apply("left+ Cllr Gwen Price", now=at(19, 40))
    recorder.apply("/inquorate", now=at(19, 40))
    assert kinds(recorder)[-1] is EntryKind.NOTE


def test_an_inquorate_meeting_is_minuted(recorder: Recorder) -> None:
    recorder.apply("The Committee discussed the policy.", now=at(19, 35))
    outcome = recorder.apply("/inquorate", now=at(19, 40))
    assert outcome.message == (
        "minuted in item 1: The meeting was inquorate from 7.40 pm; the remaining items"
        " were deferred. (/end closes the meeting)"
    )
    recorder.apply("/end", now=at(19, 41))
    minutes = render(meeting_record(recorder.store, recorder.meeting_id), "md")
    assert "The meeting was inquorate from 7.40 pm; the remaining items were deferred." in (minutes)
