"""Questions and answers as a clerk would minute them, in every style.

The corpus (``tests/qa_corpus.py``) is rendered in the three question
styles and compared with ``tests/golden/qa-corpus.txt`` (rewrite it with
``UPDATE_GOLDEN=1`` and read every line of the diff); and for every case and
style no reporting verb follows another ("asked about asked", "regarding
queried", "advised that confirmed").
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pendulum
import pytest

from minuteterm.minutes import QUESTION_STYLES, BulletList, Paragraph, build_minutes
from minuteterm.minutes.reported_speech import REPORTING_VERBS, read_question, reported_question
from minuteterm.model import (
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
from tests.qa_corpus import cases

GOLDEN = Path(__file__).parents[1] / "golden" / "qa-corpus.txt"
START = pendulum.datetime(2026, 12, 14, 18, 30, tz="Europe/London").in_tz("UTC")

PEOPLE = [
    Attendee("Cllr Priya Lee", PersonKind.MEMBER, AttendanceStatus.PRESENT),
    Attendee("Cllr Helen Ward", PersonKind.MEMBER, AttendanceStatus.PRESENT),
    Attendee("Cllr Sam Ahmed", PersonKind.MEMBER, AttendanceStatus.PRESENT),
    Attendee(
        "Gemma Lowe",
        PersonKind.OFFICER,
        AttendanceStatus.IN_ATTENDANCE,
        title="Head of Digital Services",
    ),
]


def _speaker(line: str) -> tuple[str | None, str]:
    """ "Cllr Lee: asked ..." -> ("Cllr Lee", "asked ..."); no name -> None."""
    name, colon, text = line.partition(": ")
    if colon and len(name.split()) <= 6:
        return name.strip(), text.strip()
    return None, line.strip()


def _full_name(name: str | None) -> str | None:
    """A member typed by surname, as the capture bar completes it."""
    if name is None:
        return None
    surname = name.split()[-1]
    for person in PEOPLE:
        if person.kind is PersonKind.MEMBER and person.name.endswith(" " + surname):
            return person.name
    return name


def case_record(lines: list[str], committee: str = "Resources Scrutiny Committee") -> MeetingRecord:
    """A one-item meeting holding the case's entries, as captured."""
    entries: list[Entry] = []
    question: int | None = None
    for number, line in enumerate(lines, 1):
        kind = EntryKind.QUESTION if line.startswith("?") else EntryKind.RESPONSE
        speaker, text = _speaker(line[1:].strip())
        if kind is EntryKind.QUESTION:
            question, speaker = number, _full_name(speaker)
        reply_to = question if kind is EntryKind.RESPONSE else None
        entries.append(Entry(number, 1, number, kind, text, speaker, START, reply_to=reply_to))
    meeting = Meeting(1, 1, committee, committee, START, "Room 1", MeetingStatus.CLOSED)
    item = AgendaItem(1, 1, 1, "5", "Budget monitoring")
    return MeetingRecord(meeting, [ItemRecord(item, entries)], list(PEOPLE))


def minuted(lines: list[str], style: str) -> list[str]:
    """What the minutes say of the case in ``style`` (the intro left out)."""
    out = []
    for block in build_minutes(case_record(lines), style).sections[0].blocks:
        if isinstance(block, BulletList):
            out += [f"- {item.text}" for item in block.items]
        elif isinstance(block, Paragraph) and block.role != "intro":
            out.append(block.text)
    return out


def corpus_text() -> str:
    """Every case as typed, then as minuted in each style."""
    parts = []
    for number, lines in enumerate(cases(), 1):
        typed = "\n".join(f"    {line}" for line in lines)
        styles = "\n".join(
            f"  {style}:\n" + "\n".join(f"    {text}" for text in minuted(lines, style))
            for style in QUESTION_STYLES
        )
        parts.append(f"## {number}\n  typed:\n{typed}\n{styles}\n")
    return "\n".join(parts)


def test_the_corpus_is_large_and_varied() -> None:
    corpus = cases()
    assert len(corpus) >= 80
    questions = [line for lines in corpus for line in lines if line.startswith("?")]
    forms = {read_question(_speaker(line[1:].strip())[1]).form for line in questions}
    assert forms == {"verb", "reported", "quoted", "topic"}
    assert sum(len([x for x in lines if x.startswith(">")]) > 1 for lines in corpus) >= 5


def test_corpus_golden() -> None:
    text = corpus_text()
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(text, encoding="utf-8", newline="\n")
    assert text == GOLDEN.read_text(encoding="utf-8")


_VERBS = "|".join(sorted(REPORTING_VERBS, key=len, reverse=True))
_DOUBLED = re.compile(
    rf"\b(?:{_VERBS}|regarding|about|as to)\s+(?:that\s+|whether\s+|about\s+)?"
    rf"(?:also\s+|further\s+)?(?:{_VERBS})\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize("style", QUESTION_STYLES)
def test_no_reporting_verb_follows_another(style: str) -> None:
    doubled = [
        (number, text)
        for number, lines in enumerate(cases(), 1)
        for text in minuted(lines, style)
        if _DOUBLED.search(text)
    ]
    assert doubled == []


@pytest.mark.parametrize("style", QUESTION_STYLES)
def test_every_sentence_is_third_person_and_ends_properly(style: str) -> None:
    for lines in cases():
        for text in minuted(lines, style):
            assert text[:1].isupper() or text.startswith("- "), text
            assert text.rstrip("”").endswith((".", "?")), text
            assert not re.search(r"\b(?:I|we|you)\b", text), text


def test_the_issue_examples_read_as_a_clerk_writes() -> None:
    """The two exchanges the issue quotes, in all three styles."""
    first = [
        "? Cllr Lee: asked whether the audit would be late",
        "> Head of Finance: confirmed that it would be on time",
    ]
    assert minuted(first, "narrative") == [
        "Cllr Priya Lee asked whether the audit would be late. The Head of Finance "
        "confirmed that it would be on time."
    ]
    assert minuted(first, "bullets") == [
        "- In response to a query from Cllr Priya Lee as to whether the audit would be "
        "late, the Head of Finance confirmed that it would be on time."
    ]
    assert minuted(first, "dash") == [
        "Cllr Priya Lee asked whether the audit would be late – the Head of Finance "
        "confirmed that it would be on time."
    ]
    second = [
        "? Cllr Ward: queried the timing of the report",
        "> Director: explained that the data arrived late",
    ]
    assert minuted(second, "narrative") == [
        "Cllr Helen Ward queried the timing of the report. The Director explained that "
        "the data arrived late."
    ]
    assert minuted(second, "bullets") == [
        "- In response to a query from Cllr Helen Ward regarding the timing of the "
        "report, the Director explained that the data arrived late."
    ]


@pytest.mark.parametrize(
    ("asked", "reported"),
    [
        ("was the audit late?", "whether the audit was late"),
        ("Are salaries comparable with neighbouring authorities", "whether salaries were"),
        ("how would silt affect the cost", "how silt would affect the cost"),
        ("did the council consult tenants?", "whether the council consulted tenants"),
        ("what is the cost?", "what the cost was"),
        ("How many staff were there", "how many staff there were"),
        ("why had the report been delayed", "why the report had been delayed"),
        ("is there a plan?", "whether there was a plan"),
        ("who would pay for it?", "who would pay for it"),
    ],
)
def test_questions_as_asked_become_reported_speech(asked: str, reported: str) -> None:
    assert (reported_question(asked) or "").startswith(reported)


@pytest.mark.parametrize(
    "asked",
    ["who did the work?", "how many staff had completed it? Was it mandatory?", "wasn't it late?"],
)
def test_questions_that_cannot_be_read_reliably_are_quoted(asked: str) -> None:
    assert reported_question(asked) is None
    assert read_question(asked).form == "quoted"
