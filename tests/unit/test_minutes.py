"""The minutes generator's wording rules, on records built in memory."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date

import pendulum
import pytest

from minuteterm.dates import format_time
from minuteterm.minutes import (
    QUESTION_STYLES,
    UNSTATED_DECISION,
    BulletList,
    Paragraph,
    Resolutions,
    Section,
    body_word,
    build_minutes,
    role_name,
)
from minuteterm.model import (
    Action,
    ActionStatus,
    AgendaItem,
    AttendanceStatus,
    Attendee,
    Entry,
    EntryKind,
    ItemRecord,
    Meeting,
    MeetingRecord,
    MeetingStatus,
    PersonKind,
)

START = pendulum.datetime(2026, 12, 14, 18, 30, tz="Europe/London")
_ids = itertools.count(1)


def entry(
    kind: EntryKind,
    text: str,
    speaker: str | None = None,
    *,
    reply_to: int | None = None,
    action: Action | None = None,
) -> Entry:
    """An entry with a fresh id, in capture order."""
    entry_id = next(_ids)
    return Entry(
        id=entry_id,
        item_id=1,
        position=entry_id,
        kind=kind,
        text=text,
        speaker=speaker,
        created_at=START,
        reply_to=reply_to,
        action=action,
    )


def ask(text: str, speaker: str | None = None) -> Entry:
    """A member's question."""
    return entry(EntryKind.QUESTION, text, speaker)


def answer(question: Entry | None, text: str, speaker: str | None = None) -> Entry:
    """An officer's response to ``question`` (or to none)."""
    reply_to = question.id if question else None
    return entry(EntryKind.RESPONSE, text, speaker, reply_to=reply_to)


def record(
    *entries: Entry,
    committee: str = "Coastal Board",
    attendees: list[Attendee] | None = None,
    exempt: bool = False,
    status: MeetingStatus = MeetingStatus.CLOSED,
    ended: pendulum.DateTime | None = None,
) -> MeetingRecord:
    """A one-item meeting holding ``entries``."""
    meeting = Meeting(
        id=1,
        committee_id=1,
        committee=committee,
        title=committee,
        starts_at=START.in_tz("UTC"),
        venue="Town Hall",
        status=status,
        ended_at=ended,
    )
    item = AgendaItem(id=1, meeting_id=1, position=1, number="7", title="Harbour")
    if exempt:
        item = AgendaItem(1, 1, 1, "7", "Lease", exempt=True)
    return MeetingRecord(meeting, [ItemRecord(item, list(entries))], attendees or [])


def section(minutes_record: MeetingRecord, style: str = "dash") -> Section:
    """The only section of the minutes."""
    return build_minutes(minutes_record, style).sections[0]


def texts(block_owner: Section) -> list[str]:
    """Each block as text (lists one line per item)."""
    out = []
    for block in block_owner.blocks:
        if isinstance(block, Paragraph):
            out.append(block.text)
        elif isinstance(block, BulletList):
            out += [f"- {item.text}" for item in block.items]
        else:
            out.append(block.label + " " + " | ".join(block.items))
    return out


# --- heading and attendance ------------------------------------------------------


def test_heading_gives_long_date_local_time_and_draft_line() -> None:
    heading = build_minutes(record()).heading
    assert heading.body == "Coastal Board"
    assert heading.held == ("Minutes of the meeting held on Monday 14 December 2026 at 6.30 pm")
    assert heading.venue == "Town Hall"
    assert heading.status == "Draft — subject to approval"


def test_approved_minutes_drop_the_draft_line() -> None:
    assert build_minutes(record(status=MeetingStatus.APPROVED)).heading.status is None


def test_attendance_groups_people_and_marks_the_chair() -> None:
    member, officer = PersonKind.MEMBER, PersonKind.OFFICER
    people = [
        Attendee("Cllr Rowe", member, AttendanceStatus.PRESENT, chair=True),
        Attendee("Cllr Ahmed", member, AttendanceStatus.PRESENT),
        Attendee(
            "Cllr Okafor",
            member,
            AttendanceStatus.SUBSTITUTE,
            substitute_for="Cllr Dunn",
        ),
        Attendee("Cllr Dunn", member, AttendanceStatus.APOLOGIES),
        Attendee("Cllr Absent", member, AttendanceStatus.ABSENT),
        Attendee("A Osei", officer, AttendanceStatus.IN_ATTENDANCE, "Harbour Master"),
    ]
    attendance = build_minutes(record(attendees=people)).attendance
    assert attendance is not None
    assert attendance.present == ("Cllr Rowe (Chair)", "Cllr Ahmed", "Cllr Okafor")
    assert attendance.substitutions == ("Cllr Okafor attended as a substitute for Cllr Dunn.",)
    assert attendance.apologies == ("Cllr Dunn",)
    assert attendance.officers == ("A Osei (Harbour Master)",)


def test_no_attendees_means_no_attendance() -> None:
    assert build_minutes(record()).attendance is None
    absent = Attendee("Cllr Absent", PersonKind.MEMBER, AttendanceStatus.ABSENT)
    listed = build_minutes(record(attendees=[absent])).attendance
    assert listed is not None and listed.absent == ("Cllr Absent",) and listed.present == ()


def test_closing_line_uses_local_time() -> None:
    ended = pendulum.datetime(2026, 12, 14, 20, 5, tz="Europe/London")
    assert build_minutes(record(ended=ended)).closing == "The meeting closed at 8.05 pm."
    assert build_minutes(record()).closing is None


# --- body word and roles -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "word"),
    [
        ("Children Young People and Families Policy and Performance Board", "Board"),
        ("Licensing Panel", "Panel"),
        ("Cabinet", "Cabinet"),
        ("Full Council", "Council"),
        ("Local Plan Commission", "Commission"),
        ("Harbour Users' Forum", "Forum"),
        ("Children and Young People Overview and Scrutiny Committee", "Committee"),
        ("Planning Sub-Committee", "Sub-Committee"),
        ("Council Tax Support Panel", "Panel"),
        ("Health Scrutiny", "Committee"),
        ("Councillors' Working Party", "Committee"),
    ],
)
def test_body_word_is_the_last_body_word_in_the_name(name: str, word: str) -> None:
    assert body_word(name) == word


@pytest.mark.parametrize(
    ("speaker", "written"),
    [
        ("Head of Coastal Finance", "The Head of Coastal Finance"),
        (
            "Operational Director, Children's Services",
            "The Operational Director, Children's Services",
        ),
        ("Harbour Master", "The Harbour Master"),
        ("The Chief Executive", "The Chief Executive"),
        ("Amara Osei", "Amara Osei"),
        ("Cllr Rowe", "Cllr Rowe"),
    ],
)
def test_role_names_take_the(speaker: str, written: str) -> None:
    assert role_name(speaker) == written


# --- question styles ---------------------------------------------------------------


def test_unknown_question_style_is_refused() -> None:
    with pytest.raises(ValueError, match="dash, bullets, narrative"):
        build_minutes(record(), "table")
    assert QUESTION_STYLES == ("dash", "bullets", "narrative")


def qa_record() -> MeetingRecord:
    """Three questions: answered once, answered twice, unanswered."""
    cost = ask("how would silt affect the cost?", "Cllr Ahmed")
    easter = ask("Was the repair on course for Easter?", "Cllr Bell")
    unanswered = ask("what notice would berth holders get?")
    return record(
        cost,
        answer(cost, "The reserve would meet it.", "Head of Finance"),
        easter,
        answer(easter, "Yes, subject to the weather.", "Harbour Master"),
        answer(easter, "that a firm programme was due in January", None),
        unanswered,
    )


def test_dash_style() -> None:
    assert texts(section(qa_record(), "dash")) == [
        "Members raised the following queries:",
        "How would silt affect the cost – the reserve would meet it.",
        "Was the repair on course for Easter – yes, subject to the weather.",
        "It was added that a firm programme was due in January.",
        "What notice would berth holders get?",
    ]


def test_bullets_style() -> None:
    assert texts(section(qa_record(), "bullets")) == [
        "The Board discussed the report and comments were made, including:",
        "- In response to a query from Cllr Ahmed regarding how silt would affect the "
        "cost, the Board was advised that the reserve would meet it.",
        "- In response to a query from Cllr Bell as to whether the repair was on course "
        "for Easter, the Board was advised that this was the case, subject to the weather.",
        "- It was added that a firm programme was due in January.",
        "- A query was raised regarding what notice berth holders would get.",
    ]


def test_narrative_style() -> None:
    assert texts(section(qa_record(), "narrative")) == [
        "Cllr Ahmed asked how silt would affect the cost. The Head of Finance "
        "advised that the reserve would meet it.",
        "Cllr Bell asked whether the repair was on course for Easter. The Harbour Master "
        "advised that this was the case, subject to the weather.",
        "It was added that a firm programme was due in January.",
        "A Member asked what notice berth holders would get.",
    ]


def test_narrative_without_responder_says_officers() -> None:
    question = ask("whether the slipway was open?", "Cllr Bell")
    blocks = texts(section(record(question, answer(question, "It was.")), "narrative"))
    assert blocks == ["Cllr Bell asked whether the slipway was open. Officers advised that it was."]


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("No.", "this was not the case"),
        ("No – the budget was fixed", "this was not the case; the budget was fixed"),
        ("Yes, subject to the weather", "this was the case, subject to the weather"),
        ("No. It had been delayed.", "this was not the case. It had been delayed"),
        ("No one had objected", "no one had objected"),
        (
            "yes but the figures were provisional",
            "this was the case but the figures were provisional",
        ),
        ("yes the depot was still in use", "this was the case; the depot was still in use"),
        ("Yesterday's survey showed it", "Yesterday's survey showed it"),
    ],
)
def test_yes_and_no_answers_read_as_reported_speech(typed: str, written: str) -> None:
    question = ask("was it open?")
    text = texts(section(record(question, answer(question, typed)), "narrative"))[0]
    assert text.endswith(f"Officers advised that {written}.")


def test_answer_starting_with_that_is_not_doubled() -> None:
    question = ask("when will it open?")
    reply = answer(question, "That it would open in May.", "Harbour Master")
    bullets = texts(section(record(question, reply), "bullets"))
    assert bullets[-1].endswith("the Board was advised that it would open in May.")


def test_response_appears_with_its_question_not_where_it_was_typed() -> None:
    first = ask("how deep is the channel?")
    second = ask("when is the survey?")
    late = answer(first, "four metres")
    blocks = texts(section(record(first, second, answer(second, "in May"), late)))
    assert blocks[1:] == [
        "How deep is the channel – four metres.",
        "When is the survey – in May.",
    ]


def test_a_note_stays_in_the_discussion() -> None:
    blocks = texts(
        section(
            record(
                entry(EntryKind.NOTE, "The Harbour Master presented the report."),
                ask("how deep the channel was"),
                entry(EntryKind.NOTE, "The Chair thanked officers."),
                ask("when?"),
            ),
            "bullets",
        )
    )
    assert blocks == [
        "The Harbour Master presented the report.",
        "The Board discussed the report and comments were made, including:",
        "- A query was raised regarding how deep the channel was.",
        "- The Chair thanked officers.",
        "- A question was raised: “When?”",
    ]


@pytest.mark.parametrize(
    ("typed", "style", "written"),
    [
        ("staff surveys", "bullets", "- A query was raised regarding staff surveys."),
        ("staff surveys", "narrative", "A Member asked about staff surveys."),
        ("whether fees would rise?", "narrative", "A Member asked whether fees would rise."),
        ("could fees rise", "narrative", "A Member asked whether fees could rise."),
        ("could fees rise", "dash", "Could fees rise?"),
        ("whether fees would rise", "dash", "A Member asked whether fees would rise."),
        ("who did the work?", "narrative", "A Member asked: “Who did the work?”"),
        ("how many young people had been placed", "dash", "How many young people had been placed?"),
        (
            "how the savings would be monitored",
            "dash",
            "A Member asked how the savings would be monitored.",
        ),
    ],
)
def test_topic_reported_and_direct_questions(typed: str, style: str, written: str) -> None:
    assert written in texts(section(record(ask(typed)), style))


@pytest.mark.parametrize("reply_to_missing", [True, False])
def test_unattached_response_is_narrative(reply_to_missing: bool) -> None:
    reply = entry(
        EntryKind.RESPONSE,
        "the gates had been repaired",
        "Harbour Master",
        reply_to=None if reply_to_missing else 999,  # 999: a deleted question
    )
    assert texts(section(record(reply))) == [
        "The Harbour Master advised that the gates had been repaired."
    ]
    anonymous = entry(EntryKind.RESPONSE, "The gates were fixed.")
    assert texts(section(record(anonymous))) == ["Officers advised that the gates were fixed."]


# --- notes, actions, resolutions ---------------------------------------------------


def test_notes_keep_their_text_and_gain_a_full_stop() -> None:
    blocks = texts(
        section(
            record(
                entry(EntryKind.NOTE, "It was reported that the quay was open"),
                entry(EntryKind.NOTE, "thanked the harbour staff", "Cllr Ahmed"),
                entry(EntryKind.NOTE, "The survey is complete!", "Harbour Master"),
            )
        )
    )
    assert blocks == [
        "It was reported that the quay was open.",
        "Cllr Ahmed thanked the harbour staff.",
        "The survey is complete!",
    ]


def action_entry(**fields: object) -> Entry:
    """An action entry for the Harbour Master."""
    action = Action(
        entry_id=0,
        owner="Harbour Master",
        description="circulate the programme.",
        **fields,  # type: ignore[arg-type]
    )
    return entry(EntryKind.ACTION, action.description, action=action)


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        ({"due": date(2026, 12, 14)}, " (by 14 December 2026)"),
        ({"due_text": "next meeting"}, " (by next meeting)"),
        ({"due_text": "before the budget meeting"}, " (before the budget meeting)"),
        ({}, ""),
    ],
)
def test_action_paragraph(fields: dict[str, object], text: str) -> None:
    action = action_entry(**fields)
    block = section(record(action)).blocks[0]
    assert isinstance(block, Paragraph)
    # the label carries the action's number, which "!! N" updates
    assert block.spans[0].text == f"ACTION {action.id}" and block.spans[0].strong
    assert block.text == f"ACTION {action.id} – Harbour Master: circulate the programme{text}"
    assert block.role == "action"


def test_actions_inside_a_bullet_block_become_bullets() -> None:
    question = ask("how deep?")
    blocks = section(record(question, action_entry(), ask("when?")), "bullets").blocks
    assert isinstance(blocks[1], BulletList)
    assert blocks[1].items[1].text.startswith("ACTION ")
    assert " – Harbour Master: " in blocks[1].items[1].text


def test_action_sheet_rows() -> None:
    action = action_entry(due_text="next meeting", number=3)
    minutes = build_minutes(record(action))
    row = minutes.actions[0]
    assert row.number == "3"  # the number the minutes print it with (ACTION 3), not its entry's
    assert action.id != 3
    assert (row.ref, row.action, row.owner, row.due, row.status) == (
        "7",
        "Circulate the programme",
        "Harbour Master",
        "next meeting",
        ActionStatus.OPEN.value.capitalize(),
    )


def test_resolutions_print_in_the_order_they_happened_and_are_numbered() -> None:
    blocks = section(
        record(
            entry(EntryKind.NOTE, "The Harbour Master presented the report."),
            entry(EntryKind.RESOLUTION, "That the report be noted"),
            entry(EntryKind.RESOLUTION, "That officers report back in March."),
            entry(EntryKind.NOTE, "The Chair thanked officers."),
        )
    ).blocks
    assert isinstance(blocks[0], Paragraph)
    assert isinstance(blocks[1], Resolutions)
    assert blocks[1].items == (
        "That the report be noted.",
        "That officers report back in March.",
    )
    # a note typed after the resolutions stays after them
    assert isinstance(blocks[2], Paragraph) and blocks[2].text == "The Chair thanked officers."


def test_item_without_entries_is_just_its_heading() -> None:
    only = section(record())
    assert only.heading == "7. Harbour" and only.blocks == ()
    assert Section("7.", "Harbour").heading == "7. Harbour"


# --- exempt items --------------------------------------------------------------------


def exempt_record() -> MeetingRecord:
    """An exempt item with a note, an action and a resolution."""
    return record(
        entry(EntryKind.NOTE, "The offer was £40,000."),
        action_entry(),
        entry(EntryKind.RESOLUTION, "That the lease be agreed."),
        exempt=True,
    )


def test_exempt_item_is_marked_and_kept_in_the_confidential_version() -> None:
    minutes = build_minutes(exempt_record())
    assert minutes.sections[0].heading == "7. Lease (Exempt – Part II)"
    assert "The offer was £40,000." in texts(minutes.sections[0])
    assert minutes.heading.marking is not None
    assert len(minutes.actions) == 1


def test_public_version_drops_exempt_discussion_and_actions() -> None:
    minutes = build_minutes(exempt_record(), public=True)
    blocks = texts(minutes.sections[0])
    assert blocks[0].startswith("RESOLVED: That under Section 100A(4) of the Local Government")
    assert blocks[1] == UNSTATED_DECISION  # no decision in general terms was given
    assert not any("40,000" in text or "ACTION" in text or "lease be" in text for text in blocks)
    assert minutes.actions == ()
    assert minutes.heading.marking is None


def test_public_version_gives_the_decision_in_general_terms() -> None:
    exempt = exempt_record()
    item = replace(exempt.items[0].item, public_decision="that the offer be accepted")
    record = replace(exempt, items=[replace(exempt.items[0], item=item)])
    blocks = texts(build_minutes(record, public=True).sections[0])
    assert blocks[1] == "RESOLVED: That the offer be accepted."
    assert "RESOLVED: That the lease be agreed." in texts(build_minutes(record).sections[0])


def test_apologies_come_from_attendance_even_when_an_arrival_is_noted_there() -> None:
    arrived = Entry(5, 1, 1, EntryKind.ATTENDANCE, "Cllr Lee arrived", None, START.add(minutes=10))
    sent = Attendee("Cllr Dunn", PersonKind.MEMBER, AttendanceStatus.APOLOGIES)
    base = record(arrived, attendees=[sent])
    apologies = replace(base.items[0].item, title="Apologies for absence", standing="apologies")
    minutes = build_minutes(replace(base, items=[replace(base.items[0], item=apologies)]))
    assert texts(minutes.sections[0]) == [
        "Apologies for absence were received from Cllr Dunn.",
        f"Cllr Lee arrived at {format_time(START.add(minutes=10))}.",
    ]


def test_a_note_led_by_a_reporting_verb_keeps_it_in_the_past() -> None:
    blocks = texts(
        section(
            record(
                entry(EntryKind.NOTE, "confirms that the quay is open", "Harbour Master"),
                entry(EntryKind.NOTE, "Welcomed the report", "Cllr Ahmed"),
            )
        )
    )
    assert blocks == [
        "The Harbour Master confirmed that the quay was open.",
        "Cllr Ahmed welcomed the report.",
    ]
