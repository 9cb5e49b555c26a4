"""The demo: a fictional housing scrutiny committee, minuted through the same
capture grammar a clerk types, plus its next meeting ready to minute live.

Three meetings: 13 October 2026 (short, closed), 10 November 2026 (minuted
in full: attendance, a declaration of interest, approval of the October
minutes, questions and answers, actions, a late arrival, a vote, a Part II
item with a recorded vote and its decision in general terms, closed and
numbered) and 15 December 2026 (its members listed, ready to minute).

Everything here is invented; the lines are fed to the
:class:`~minuteterm.recording.recorder.Recorder` at fixed times, so the demo (and the
sample exports made from it) come out the same on every machine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pendulum

from minuteterm.model import ActionStatus, MinuteNumbering, NewItem

if TYPE_CHECKING:
    from minuteterm.db.store import Store

# The recorder, the action sheet and committee settings are imported only
# when the demo is made: ``minuteterm demo`` on a database that already holds
# it opens the app without loading them.

COMMITTEE = "Housing and Communities Scrutiny Committee"
ZONE = "Europe/London"
OCTOBER_STARTS = pendulum.datetime(2026, 10, 13, 18, 30, tz=ZONE)
STARTS = pendulum.datetime(2026, 11, 10, 18, 30, tz=ZONE)
NEXT_STARTS = pendulum.datetime(2026, 12, 15, 18, 30, tz=ZONE)
VENUE = "Committee Room 1, Westmere Civic Centre"
PREFIXED = MinuteNumbering.PREFIXED

AGENDA = [
    NewItem("Apologies for absence"),
    NewItem("Declarations of interest"),
    NewItem("Minutes of the previous meeting"),
    NewItem("Homelessness prevention: quarter 2 performance"),
    NewItem("Damp and mould in council homes: progress update"),
    NewItem("Acquisition of temporary accommodation", exempt=True),
    NewItem("Work programme 2026/27"),
]

NEXT_AGENDA = [
    NewItem("Apologies for absence"),
    NewItem("Declarations of interest"),
    NewItem("Minutes of the previous meeting"),
    NewItem("Allocation of adapted properties"),
    NewItem("Tenant satisfaction measures 2026"),
    NewItem("Work programme 2026/27"),
]

OCTOBER_AGENDA = [
    NewItem("Apologies for absence"),
    NewItem("Declarations of interest"),
    NewItem("Minutes of the previous meeting"),
    NewItem("Damp and mould action plan"),
    NewItem("Work programme 2026/27"),
]

#: Attendance, as the clerk types it at the start of a meeting.
ATTENDANCE = [
    "present+ Cllr Priya Anand, Cllr Rhys Caddick, Cllr Alison Fenn, Cllr Tom Hesketh",
    "chair+ Anand",
    "apologies+ Cllr Mark Dorsey",
    "sub+ Cllr Helen Ward for Dorsey",
    "officer+ Sarah Okafor, Director of Housing",
    "officer+ Daniel Price, Head of Housing Options",
    "officer+ Gemma Lowe, Repairs Manager",
    "officer+ Chris Young, Democratic Services Officer",
]

OCTOBER_SCRIPT: list[tuple[int, str]] = [
    (0, "present+ Cllr Priya Anand, Cllr Rhys Caddick, Cllr Alison Fenn, Cllr Tom Hesketh"),
    (0, "present+ Cllr Joan Mbeki, Cllr Mark Dorsey"),
    (0, "chair+ Anand"),
    (0, "officer+ Gemma Lowe, Repairs Manager"),
    (0, "officer+ Chris Young, Democratic Services Officer"),
    (0, "/item 1"),
    (1, "/next"),
    (2, "/next"),
    (3, "The minutes of the meeting held on 8 September 2026 had been approved at that time."),
    (4, "/next"),
    (
        4,
        "The Repairs Manager presented the damp and mould action plan, with a target of "
        "inspecting every home identified in the stock condition survey by the end of "
        "October.",
    ),
    (9, "= That the damp and mould action plan be agreed."),
    (10, "/next"),
    (10, "The Committee noted the work programme."),
    (12, "/end"),
]

#: (minutes after the start, the line the clerk typed).
SCRIPT: list[tuple[int, str]] = [
    *((0, line) for line in ATTENDANCE),
    (0, "/item 1"),
    (2, "/next"),
    (
        2,
        "declare+ Cllr Alison Fenn: item 6, pecuniary, her partner is a director of a "
        "company that has offered flats to the Council",
    ),
    (3, "/next"),
    (4, "/approve"),
    (5, "/next"),
    (
        5,
        "The Committee considered a report of the Head of Housing Options on "
        "homelessness prevention performance in the second quarter of 2026/27.",
    ),
    (
        8,
        "It was reported that 412 households had approached the service in the "
        "quarter, 9% more than in the same period last year, and that prevention "
        "duties had been accepted for 268 of them.",
    ),
    (
        10,
        "Members were advised that the use of bed and breakfast accommodation for "
        "families had fallen to four households, none of whom had stayed longer "
        "than six weeks.",
    ),
    (11, "arrived+ Cllr Joan Mbeki"),
    (
        12,
        "? Cllr Tom Hesketh: what was driving the rise in approaches from private rented tenants",
    ),
    (
        13,
        "> Head of Housing Options: most approaches followed a no-fault eviction "
        "notice, as landlords sold properties and left the market",
    ),
    (
        15,
        "? Cllr Joan Mbeki: whether the service had enough caseworkers to meet the demand",
    ),
    (
        16,
        "> Director of Housing: two vacant caseworker posts had been filled in "
        "October and a third was being recruited; caseloads now averaged 38 per "
        "officer",
    ),
    (
        18,
        "? Cllr Alison Fenn: how many young people leaving care had been placed in "
        "temporary accommodation",
    ),
    (
        19,
        "> Head of Housing Options: three care leavers had been placed in the "
        "quarter, all in self-contained homes, and a joint protocol with "
        "Children's Services was being reviewed",
    ),
    (
        20,
        "! Head of Housing Options: circulate the revised care leavers protocol to "
        "the Committee by 11/12/2026",
    ),
    (22, "= That the report and the comments of the Committee be noted."),
    (23, "/next"),
    (
        23,
        "The Repairs Manager presented an update on the damp and mould action plan "
        "agreed by the Committee in October @HCS/4/26.",
    ),
    (
        25,
        "It was reported that all 1,140 homes identified in the stock condition "
        "survey had been inspected and that remedial works were complete in 865 "
        "of them.",
    ),
    (27, "? Cllr Rhys Caddick: were tenants told when their works would be done"),
    (
        28,
        "> Repairs Manager: every tenant received a letter with a target date and "
        "a named officer, and a text reminder a week before the visit",
    ),
    (
        30,
        "? Cllr Helen Ward: how many complaints had been escalated to the Housing "
        "Ombudsman this year",
    ),
    (
        31,
        "> Repairs Manager: six complaints had been escalated, two of them about "
        "damp and mould; the Ombudsman had not yet decided either",
    ),
    (33, "? Cllr Tom Hesketh: could the Committee see the outstanding cases by ward"),
    (
        34,
        "> Director of Housing: the figures could be provided, although some wards "
        "had too few cases to publish without identifying households",
    ),
    (
        35,
        "! Repairs Manager: provide a ward breakdown of outstanding damp and mould "
        "cases by next meeting",
    ),
    (37, "= That the progress made on the damp and mould action plan be noted."),
    (37, "= That the Committee receive a further update at its meeting in March 2027."),
    (37, "vote+ for 5, against 0, abstain 1"),
    (38, "/next"),
    (38, "/exempt 3"),
    (
        38,
        "The Director of Housing outlined a proposal to buy twelve self-contained "
        "flats for use as temporary accommodation for families.",
    ),
    (
        41,
        "? Cllr Joan Mbeki: what saving was expected against nightly-paid accommodation",
    ),
    (42, "> Director of Housing: about £180,000 a year once every flat was occupied"),
    (
        44,
        "= That Cabinet be recommended to approve the acquisition of the twelve flats at "
        "Marlow Court for £2.15 million, subject to a satisfactory independent valuation.",
    ),
    (
        45,
        "vote+ for: Cllr Anand, Cllr Caddick, Cllr Mbeki, Cllr Ward; against: Cllr Hesketh",
    ),
    (
        45,
        "/public That Cabinet be recommended to approve the acquisition of flats for use "
        "as temporary accommodation, subject to an independent valuation.",
    ),
    (45, "/next"),
    (
        45,
        "The Democratic Services Officer presented the draft work programme for "
        "the rest of the municipal year.",
    ),
    (
        47,
        "The Chair suggested an item on the allocation of adapted properties for "
        "disabled residents.",
    ),
    (
        48,
        "! Democratic Services Officer: add adapted properties to the work "
        "programme for the December meeting by 20/11/2026",
    ),
    (49, "left+ Cllr Tom Hesketh"),
    (
        49,
        "= That the work programme be agreed, subject to the addition of an item "
        "on adapted properties.",
    ),
    (52, "/end"),
]


#: Updates recorded on the action sheet between the two meetings: (when,
#: words in the action, its new status or ``None``, the note). The next
#: meeting's action log reports them.
BETWEEN: list[tuple[pendulum.DateTime, str, ActionStatus | None, str]] = [
    (
        pendulum.datetime(2026, 11, 18, 10, 15, tz=ZONE),
        "adapted properties",
        ActionStatus.DONE,
        "added to the agenda of the December meeting",
    ),
    (
        pendulum.datetime(2026, 12, 9, 15, 40, tz=ZONE),
        "care leavers protocol",
        None,
        "the revised protocol is with Legal Services and will be circulated before Christmas",
    ),
]


def _find(store: Store, starts: pendulum.DateTime) -> int | None:
    # Only the committee's meetings (the filter holds every word of its
    # name), not every meeting of a ten-year archive.
    for meeting in store.meetings(COMMITTEE):
        if meeting.committee == COMMITTEE and meeting.starts_at == starts:
            return meeting.id
    return None


def _minute(store: Store, meeting_id: int, starts: pendulum.DateTime, script) -> None:
    from minuteterm.recording.recorder import Recorder

    recorder = Recorder(store, meeting_id)
    for minutes, line in script:
        recorder.apply(line, now=starts.add(minutes=minutes).in_tz("UTC"))


def ensure_demo(store: Store) -> int:
    """Make the demo meetings unless they exist; return the minuted one's id."""
    found = _find(store, STARTS)
    if found is not None:
        return found
    from minuteterm.formal.committees import Settings, configure
    from minuteterm.recording.meetings import create_meeting

    with store.transaction():  # all of the demo or none of it
        configure(store, COMMITTEE, Settings(quorum=4, numbering=PREFIXED, prefix="HCS"))
        october = create_meeting(
            store, COMMITTEE, OCTOBER_STARTS, venue=VENUE, agenda=OCTOBER_AGENDA
        )
        _minute(store, october, OCTOBER_STARTS, OCTOBER_SCRIPT)
        meeting_id = create_meeting(store, COMMITTEE, STARTS, venue=VENUE, agenda=AGENDA)
        _minute(store, meeting_id, STARTS, SCRIPT)
        _update_between_meetings(store)
        if _find(store, NEXT_STARTS) is None:
            create_meeting(store, COMMITTEE, NEXT_STARTS, venue=VENUE, agenda=NEXT_AGENDA)
    return meeting_id


def _update_between_meetings(store: Store) -> None:
    """Record :data:`BETWEEN` as a clerk would on the action sheet."""
    from minuteterm.actions.sheet import ActionFilter, ActionSheet

    sheet = ActionSheet(store)
    for when, words, status, note in BETWEEN:
        (row,) = sheet.rows(ActionFilter(committee=COMMITTEE, text=words))
        sheet.update(row.action_id, status=status, note=note, now=when.in_tz("UTC"))
