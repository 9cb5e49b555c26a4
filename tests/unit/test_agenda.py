"""Agendas typed in or loaded from Markdown: items, numbers, Part II flags."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from minuteterm.db.store import Store
from minuteterm.formal.agenda import AgendaError, parse_agenda, read_agenda_file
from minuteterm.model import NewItem
from minuteterm.recording.meetings import create_meeting


def test_typed_agenda_keeps_every_line_and_the_exempt_flag() -> None:
    typed = "Apologies\nDeclarations of interest\n3. Minutes\n\nLease of the depot (exempt)\n"
    assert parse_agenda(typed) == [
        NewItem("Apologies"),
        NewItem("Declarations of interest"),
        NewItem("Minutes", number="3"),
        NewItem("Lease of the depot", exempt=True),
    ]


def test_file_agenda_reads_list_lines_and_typed_numbers(tmp_path: Path) -> None:
    path = tmp_path / "agenda.md"
    path.write_text(
        "# Cabinet, 14 January 2027\n\nPlease note the change of venue.\n\n"
        "1. Apologies\n2. Budget 2027/28\n5a. Fees and charges\n5b. Parking (Exempt)\n",
        encoding="utf-8",
    )
    assert read_agenda_file(path) == [
        NewItem("Apologies", number="1"),
        NewItem("Budget 2027/28", number="2"),
        NewItem("Fees and charges", number="5a"),
        NewItem("Parking", exempt=True, number="5b"),
    ]


def test_typed_numbers_are_kept_only_when_complete_and_unique(store: Store) -> None:
    when = pendulum.datetime(2027, 1, 14, 10, tz="Europe/London")
    kept = create_meeting(store, "Cabinet", when, agenda=read_items("1. A\n2. B\n5a. C"))
    assert [item.number for item in store.items(kept)] == ["1", "2", "5a"]
    renumbered = create_meeting(store, "Cabinet", when, agenda=read_items("1. A\nB\n1. C"))
    assert [item.number for item in store.items(renumbered)] == ["1", "2", "3"]
    extra = store.add_item(kept, "Urgent business")
    assert store.item(extra).number == "4"


def read_items(text: str) -> list[NewItem]:
    return parse_agenda(text)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"Just a paragraph about the meeting.\n", "no agenda items"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "not a text file"),
        (b"1. ok\n" + b"x" * 300_000, "too big"),
    ],
)
def test_file_that_is_not_an_agenda_is_refused(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "agenda.md"
    path.write_bytes(content)
    with pytest.raises(AgendaError, match=words):
        read_agenda_file(path)


def test_an_exempt_item_may_cite_its_schedule_12a_paragraph() -> None:
    typed = "1. Apologies\n2. Land at Mill Lane (exempt 3)\n3. Staffing (Exempt, paragraph 1)\n"
    assert parse_agenda(typed) == [
        NewItem("Apologies", number="1"),
        NewItem("Land at Mill Lane", exempt=True, number="2", exempt_paragraph="3"),
        NewItem("Staffing", exempt=True, number="3", exempt_paragraph="1"),
    ]
    with pytest.raises(AgendaError, match="Schedule 12A has no paragraph 9"):
        parse_agenda("1. Land (exempt 9)")
