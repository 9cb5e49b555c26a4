"""The capture grammar: one line from the capture bar -> one command."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from minuteterm.dates import parse_due
from minuteterm.grammar.lines import (
    KIND_PREFIX,
    AddEntry,
    AddItem,
    CaptureError,
    Command,
    Correct,
    EndMeeting,
    GoToItem,
    NextItem,
    PreviousItem,
    UndoDelete,
    UpdateAction,
    format_line,
    format_update,
    parse,
)
from minuteterm.model import CAPTURE_KINDS, ActionStatus, EntryKind

#: Monday 14 December 2026, the day the conftest clock is pinned to.
TODAY = date(2026, 12, 14)
NOTE, QUESTION, RESPONSE = EntryKind.NOTE, EntryKind.QUESTION, EntryKind.RESPONSE
ACTION, RESOLUTION = EntryKind.ACTION, EntryKind.RESOLUTION


def refusal(line: str, **options: object) -> str:
    """The message a refused line shows the clerk."""
    with pytest.raises(CaptureError) as refused:
        parse(line, TODAY, **options)  # type: ignore[arg-type]
    message = str(refused.value)
    assert message and "\n" not in message
    return message


# --- kinds, prefixes and the escape -----------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "The Board received the findings of the inspection.",
            AddEntry(NOTE, "The Board received the findings of the inspection."),
        ),
        ("  spaces around  ", AddEntry(NOTE, "spaces around")),
        (
            "? Cllr Jewell: was the judgement expected?",
            AddEntry(QUESTION, "was the judgement expected?", "Cllr Jewell"),
        ),
        ("?was it expected", AddEntry(QUESTION, "was it expected")),
        (
            "> Head of Children's Social Care: Ofsted visited in January 2019",
            AddEntry(
                RESPONSE,
                "Ofsted visited in January 2019",
                "Head of Children's Social Care",
            ),
        ),
        (
            "= That the report and presentation be noted.",
            AddEntry(RESOLUTION, "That the report and presentation be noted."),
        ),
        ("=   RESOLVED: as set out", AddEntry(RESOLUTION, "as set out")),
        ("? ? twice", AddEntry(QUESTION, "? twice")),
        ("mIxEd CaSe kept", AddEntry(NOTE, "mIxEd CaSe kept")),
        ("tab\tand\x07bell kept", AddEntry(NOTE, "tab\tand\x07bell kept")),
        # the escape: the next character is literal
        (
            "\\? starts with a question mark",
            AddEntry(NOTE, "? starts with a question mark"),
        ),
        ("\\/item", AddEntry(NOTE, "/item")),
        ("\\s/he said", AddEntry(NOTE, "s/he said")),
        ("\\= sign", AddEntry(NOTE, "= sign")),
        ("\\\\ backslash", AddEntry(NOTE, "\\ backslash")),
        (
            "\\Cllr Jewell: still a speaker",
            AddEntry(NOTE, "still a speaker", "Cllr Jewell"),
        ),
    ],
)
def test_entry_kinds(line: str, expected: AddEntry) -> None:
    assert parse(line, TODAY) == expected


@pytest.mark.parametrize("kind", CAPTURE_KINDS)
def test_default_kind_applies_without_a_prefix(kind: EntryKind) -> None:
    line = "Clerk: as typed" if kind is ACTION else "as typed"
    command = parse(line, TODAY, default_kind=kind)
    assert isinstance(command, AddEntry)
    assert (command.kind, command.text) == (kind, "as typed")


def test_a_prefix_overrides_the_default_kind() -> None:
    assert parse("? why", TODAY, default_kind=ACTION) == AddEntry(QUESTION, "why")
    assert parse("\\?why", TODAY, default_kind=QUESTION) == AddEntry(QUESTION, "?why")


def test_non_capture_kinds_read_like_notes() -> None:
    command = parse("Cllr Ayre: personal interest", TODAY, EntryKind.DECLARATION)
    assert command == AddEntry(EntryKind.DECLARATION, "personal interest", "Cllr Ayre")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("", "nothing to save"),
        ("   \t ", "nothing to save"),
        ("\\", "nothing to save after \\"),
        ("?", "a question needs some words after ?"),
        (">   ", "a response needs some words after >"),
        ("!", "an action needs some words after !"),
        ("=", "a resolution needs some words after ="),
        ("Cllr Jewell:", 'a note needs some words after the speaker "Cllr Jewell:"'),
        (
            "? Cllr Jewell:  ",
            'a question needs some words after the speaker "Cllr Jewell:"',
        ),
    ],
)
def test_empty_lines_are_refused(line: str, message: str) -> None:
    assert refusal(line) == message


# --- commands -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("/item 4", GoToItem("4")),
        ("/item 4a", GoToItem("4a")),
        ("/item 12", GoToItem("12")),
        ("/ITEM 4A", GoToItem("4A")),
        ("/item   7  ", GoToItem("7")),
        ("/item 4.1", GoToItem("4.1")),
        ("/next", NextItem()),
        ("/Next", NextItem()),
        ("/prev", PreviousItem()),
        ("/previous", PreviousItem()),
        ("/end", EndMeeting()),
        ("/undo", UndoDelete()),
        (
            "/add Urgent business: school transport",
            AddItem("Urgent business: school transport"),
        ),
        ("/ADD  Late item ", AddItem("Late item")),
    ],
)
def test_commands(line: str, expected: Command) -> None:
    assert parse(line, TODAY) == expected


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("/item", "/item needs an item number, e.g. /item 4"),
        ("/item four", "/item needs an item number"),
        ("/foo", 'unknown command "/foo": use /item N, /next, /prev, /add TITLE'),
        ("/", 'unknown command "/"'),
        ("/ 2 officers", "\\/ starts a note with /"),
        ("/add", "/add needs the new item's title"),
        ("/next please", "/next takes nothing after it"),
    ],
)
def test_bad_commands_are_refused(line: str, message: str) -> None:
    assert message in refusal(line)


def test_command_refusals_list_the_commands() -> None:
    for line in ("/item", "/foo"):
        message = refusal(line)
        for command in ("/item N", "/next", "/prev", "/add TITLE", "/undo", "/end"):
            assert command in message


# --- corrections --------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("s/Febuary/February/", Correct("Febuary", "February")),
        ("s/Febuary/February", Correct("Febuary", "February")),
        ("s/a\\/b/c or d/", Correct("a/b", "c or d")),
        ("s/ teh / the /", Correct(" teh ", " the ")),
        ("s/repeated words//", Correct("repeated words", "")),
        ("s/x/y\\//", Correct("x", "y/")),
    ],
)
def test_corrections(line: str, expected: Correct) -> None:
    assert parse(line, TODAY) == expected


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("s/he said so", "a correction is s/old/new/"),
        ("s/a/b/c", "\\/ for a slash inside"),
        ("s/", "a correction is s/old/new/"),
        ("s//new/", "a correction needs the words to replace: s/old/new/"),
    ],
)
def test_bad_corrections_are_refused(line: str, message: str) -> None:
    assert message in refusal(line)


def test_capital_s_slash_is_just_text() -> None:
    assert parse("S/he said", TODAY) == AddEntry(NOTE, "S/he said")


# --- speakers -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "speaker", "text"),
    [
        ("Cllr Jewell: yes", "Cllr Jewell", "yes"),
        (
            "Head of Children's Social Care: Ofsted visited",
            "Head of Children's Social Care",
            "Ofsted visited",
        ),
        ("Chair: welcome", "Chair", "welcome"),
        ("Cllr. J. Smith: hello", "Cllr. J. Smith", "hello"),
        ("Dr. Patel: the figures", "Dr. Patel", "the figures"),
        ("Dr O'Brien-Jones: agreed", "Dr O'Brien-Jones", "agreed"),
        ("Cllr d'Souza: asked", "Cllr d'Souza", "asked"),
        ("Ludwig van Beethoven: sang", "Ludwig van Beethoven", "sang"),
        (
            "Director of Finance & Resources: noted",
            "Director of Finance & Resources",
            "noted",
        ),
        ("Mr Smith (Chair): opened", "Mr Smith (Chair)", "opened"),
        ("Cllr  Jewell : spaces", "Cllr Jewell", "spaces"),
        ("Cllr Jewell: Ofsted: two visits", "Cllr Jewell", "Ofsted: two visits"),
        (
            "Cllr Jewell:no space is not a speaker",
            None,
            "Cllr Jewell:no space is not a speaker",
        ),
        ("It was reported that: x", None, "It was reported that: x"),
        ("The figures were: up", None, "The figures were: up"),
        ("Note: the figures were late", None, "Note: the figures were late"),
        ("NOTE: shouting", None, "NOTE: shouting"),
        ("NB: x", None, "NB: x"),
        ("N.B.: x", None, "N.B.: x"),
        ("Update: none", None, "Update: none"),
        ("Action: none", None, "Action: none"),
        ("Resolved: that", None, "Resolved: that"),
        ("Agreed: that", None, "Agreed: that"),
        ("Item: see above", None, "Item: see above"),
        ("Item 4: see above", None, "Item 4: see above"),
        ("Re: the budget", None, "Re: the budget"),
        ("Started at 18:30: late", None, "Started at 18:30: late"),
        ("Yes, Chair: x", None, "Yes, Chair: x"),
        (
            "One Two Three Four Five Six Seven Eight Nine: x",
            None,
            "One Two Three Four Five Six Seven Eight Nine: x",
        ),
        (
            "Aaaaaaaaaa Bbbbbbbbbb Cccccccccc Dddddddddd Eeeeeeeeee Ffffffffff: x",
            None,
            "Aaaaaaaaaa Bbbbbbbbbb Cccccccccc Dddddddddd Eeeeeeeeee Ffffffffff: x",
        ),
        ("of the: lowercase only", None, "of the: lowercase only"),
        ("Ends with a colon:", None, "Ends with a colon:"),
    ],
)
def test_speaker_heuristics(line: str, speaker: str | None, text: str) -> None:
    assert parse(line, TODAY) == AddEntry(NOTE, text, speaker)


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("jewell: yes", "Jewell"),
        ("JEWELL: yes", "Jewell"),
        ("cllr  jewell: yes", "cllr Jewell"),
        ("Note: yes", "Note"),
        ("the clerk: yes", "the clerk"),
    ],
)
def test_known_names_are_always_speakers(line: str, speaker: str) -> None:
    names = ["Jewell", "cllr Jewell", "Note", "the clerk"]
    assert parse(line, TODAY, known_names=names) == AddEntry(NOTE, "yes", speaker)


def test_known_names_make_action_owners() -> None:
    command = parse("! the clerk: file it by Friday", TODAY, known_names=("The Clerk",))
    assert command == AddEntry(ACTION, "file it", "The Clerk", date(2026, 12, 18), "Friday")


def test_known_names_are_read_only_for_a_line_that_names_a_speaker() -> None:
    """The names cost a query on a ten-year archive: a line naming nobody
    does not ask for them; one naming a speaker asks once."""
    asked: list[int] = []

    def names() -> list[str]:
        asked.append(1)
        return ["Cllr Jewell"]

    assert parse("the report was noted", TODAY, known_names=names) == AddEntry(
        NOTE, "the report was noted"
    )
    assert parse("= Resolved that it be noted", TODAY, known_names=names).kind is RESOLUTION
    assert asked == []
    assert parse("cllr jewell: agreed", TODAY, known_names=names) == AddEntry(
        NOTE, "agreed", "Cllr Jewell"
    )
    assert asked == [1]


# --- actions --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "! Corporate Parenting Board: share the HMO report by 14/12/2026",
            AddEntry(
                ACTION,
                "share the HMO report",
                "Corporate Parenting Board",
                date(2026, 12, 14),
                "14/12/2026",
            ),
        ),
        (
            "! Clerk: circulate minutes due 12/03/2027",
            AddEntry(ACTION, "circulate minutes", "Clerk", date(2027, 3, 12), "12/03/2027"),
        ),
        (
            "! Clerk: circulate minutes BY end of March.",
            AddEntry(ACTION, "circulate minutes", "Clerk", date(2027, 3, 31), "end of March"),
        ),
        (
            "! Clerk: circulate minutes, by in 2 weeks",
            AddEntry(ACTION, "circulate minutes", "Clerk", date(2026, 12, 28), "in 2 weeks"),
        ),
        (
            "! Clerk: circulate minutes. by Friday",
            AddEntry(ACTION, "circulate minutes", "Clerk", date(2026, 12, 18), "Friday"),
        ),
        (
            "! Clerk: report back (by 14 Dec)",
            AddEntry(ACTION, "report back", "Clerk", date(2026, 12, 14), "14 Dec"),
        ),
        (
            "! Clerk: report back (due next meeting).",
            AddEntry(ACTION, "report back", "Clerk", None, "next meeting"),
        ),
        (
            "! Clerk: report back by next meeting",
            AddEntry(ACTION, "report back", "Clerk", None, "next meeting"),
        ),
        (
            "! Clerk: report back by the next meeting",
            AddEntry(ACTION, "report back", "Clerk", None, "next meeting"),
        ),
        (
            "! Clerk: report back by the end of the month",
            AddEntry(
                ACTION,
                "report back",
                "Clerk",
                date(2026, 12, 31),
                "the end of the month",
            ),
        ),
        # the last "by DATE" wins; earlier ones stay in the description
        (
            "! Clerk: pay the amount due by 14/12",
            AddEntry(ACTION, "pay the amount due", "Clerk", date(2026, 12, 14), "14/12"),
        ),
        (
            "! Clerk: send by email by Friday",
            AddEntry(ACTION, "send by email", "Clerk", date(2026, 12, 18), "Friday"),
        ),
        (
            "! Clerk: ask the team led by Jan Smith by 1 March",
            AddEntry(
                ACTION,
                "ask the team led by Jan Smith",
                "Clerk",
                date(2027, 3, 1),
                "1 March",
            ),
        ),
        # "by" followed by words is not a due date
        (
            "! Clerk: send the report by email",
            AddEntry(ACTION, "send the report by email", "Clerk"),
        ),
        (
            "! Finance: cut the overspend by 5%",
            AddEntry(ACTION, "cut the overspend by 5%", "Finance"),
        ),
        (
            "! Finance: cut costs by 10 per cent",
            AddEntry(ACTION, "cut costs by 10 per cent", "Finance"),
        ),
        (
            "! Clerk: pay invoices when due",
            AddEntry(ACTION, "pay invoices when due", "Clerk"),
        ),
        (
            "! Clerk: a review led by Jan Smith",
            AddEntry(ACTION, "a review led by Jan Smith", "Clerk"),
        ),
        (
            "!Clerk: no space after the prefix",
            AddEntry(ACTION, "no space after the prefix", "Clerk"),
        ),
    ],
)
def test_actions(line: str, expected: AddEntry) -> None:
    assert parse(line, TODAY) == expected


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "! share the report by 14/12/2026",
            'an action needs an owner: "! Owner: what to do by 14/12/2026"',
        ),
        (
            "! all members: read the report",
            '"all members" is not read as a name or role',
        ),
        (
            "! all members: read the report",
            "is not read as a name or role (start its words with capitals)",
        ),
        (
            "! Note: read the report",
            'an action needs an owner: "Note" is not read as a name or role: "! Owner:',
        ),
        (
            "! Clerk: send it by 31/02/2027",
            'cannot use "31/02/2027": February 2027 has 28 days',
        ),
        ("! Clerk: send it by 13/13/2027", "13 is not a month"),
        (
            "! Clerk: send it by Friday afternoon",
            'cannot read "Friday afternoon" as a date',
        ),
        ("! Clerk: send it by March", "which day of March?"),
        ("! Clerk: by Friday", "an action needs something to do"),
        ("! Clerk:", "an action needs some words after the speaker"),
    ],
)
def test_bad_actions_are_refused(line: str, message: str) -> None:
    assert message in refusal(line)


def test_an_action_by_default_kind_needs_an_owner_too() -> None:
    assert "needs an owner" in refusal("file the report", default_kind=ACTION)


# --- format_line --------------------------------------------------------------


def test_kind_prefix() -> None:
    assert KIND_PREFIX == {
        NOTE: "",
        QUESTION: "?",
        RESPONSE: ">",
        ACTION: "!",
        RESOLUTION: "=",
    }


@pytest.mark.parametrize(
    ("kind", "text", "speaker", "due_text", "line"),
    [
        (NOTE, "Plain note.", None, None, "Plain note."),
        (NOTE, "?mark first", None, None, "\\?mark first"),
        (NOTE, "s/he said", None, None, "\\s/he said"),
        (NOTE, "?mark first", "Chair", None, "Chair: ?mark first"),
        (QUESTION, "why?", "Cllr Jewell", None, "? Cllr Jewell: why?"),
        (RESPONSE, "because", None, None, "> because"),
        (ACTION, "file it", "Clerk", "14/12/2026", "! Clerk: file it by 14/12/2026"),
        (ACTION, "file it", "Clerk", None, "! Clerk: file it"),
        (ACTION, "file it.", "Clerk", "Friday", "! Clerk: file it. (by Friday)"),
        (RESOLUTION, "That it be noted.", None, None, "= That it be noted."),
        (EntryKind.VOTE, "=5 for", None, None, "\\=5 for"),
    ],
)
def test_format_line(
    kind: EntryKind, text: str, speaker: str | None, due_text: str | None, line: str
) -> None:
    assert format_line(kind, text, speaker, due_text) == line


TEXTS = (
    "The Board received the findings of the inspection.",
    "? starts with a question mark",
    "> looks like a response",
    "! looks like an action",
    "= looks like a resolution",
    "/item 4 typed as words",
    "/next",
    "\\ a backslash first",
    "s/he said s/old/new/",
    "Note: the figures were late",
    "It was reported that: costs rose",
    "costs rose by 5% by email",
    "meet at 18:30: the start",
    "Ofsted visited in January 2019 (by invitation)",
    "unicode ✓ café — “quoted”",
    "ends with a comma,",
    "ends with brackets (see report)",
)
SPEAKERS = (None, "Cllr Jewell", "Head of Children's Social Care", "Dr. O'Brien-Jones")
DUES = (None, "14/12/2026", "next meeting", "in 2 weeks", "end of March", "Friday")


def _round_trip_cases() -> list[tuple[EntryKind, str, str | None, str | None]]:
    cases = []
    for kind, text, speaker, due in itertools.product(CAPTURE_KINDS, TEXTS, SPEAKERS, DUES):
        if kind is ACTION and speaker is None:
            continue  # an action always has an owner
        if kind is not ACTION and due is not None:
            continue  # only actions have due dates
        cases.append((kind, text, speaker, due))
    return cases


@pytest.mark.parametrize(("kind", "text", "speaker", "due_text"), _round_trip_cases())
def test_format_line_round_trips(
    kind: EntryKind, text: str, speaker: str | None, due_text: str | None
) -> None:
    line = format_line(kind, text, speaker, due_text)
    due = parse_due(due_text, TODAY).date if due_text else None
    expected = AddEntry(kind, text, speaker, due, due_text)
    assert parse(line, TODAY, default_kind=kind) == expected
    assert format_line(kind, text, speaker, due_text) == line


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("= RESOLVED: That the report be noted.", "That the report be noted."),
        ("= Resolved – that the report be noted", "That the report be noted"),
        ("= That it be resolved later", "That it be resolved later"),
    ],
)
def test_resolution_typed_with_its_label_is_not_labelled_twice(line: str, text: str) -> None:
    command = parse(line, TODAY)
    assert isinstance(command, AddEntry)
    assert (command.kind, command.text) == (EntryKind.RESOLUTION, text)


# --- action updates: !! N ... -------------------------------------------------------

DONE, DROPPED, OPEN = ActionStatus.DONE, ActionStatus.DROPPED, ActionStatus.OPEN


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "!! 12 done: report circulated on 3 Dec",
            UpdateAction(12, "report circulated on 3 Dec", DONE),
        ),
        ("!! 12: chased, reply expected Friday", UpdateAction(12, "chased, reply expected Friday")),
        (
            "!! 7 due 31/01/2027",
            UpdateAction(7, due=date(2027, 1, 31), due_text="31/01/2027"),
        ),
        (
            "!! 7 owner Head of Finance: reassigned after restructure",
            UpdateAction(7, "reassigned after restructure", owner="Head of Finance"),
        ),
        (
            "!! 7 dropped: superseded by the new strategy",
            UpdateAction(7, "superseded by the new strategy", DROPPED),
        ),
        ("!! 7 done", UpdateAction(7, status=DONE)),
        ("!!7 reopen", UpdateAction(7, status=OPEN)),
        ("!! #7 OPEN: not finished after all", UpdateAction(7, "not finished after all", OPEN)),
        ("!! 7 done:circulated", UpdateAction(7, "circulated", DONE)),
        (
            "!! 7 done owner Head of Audit due next meeting: handed over",
            UpdateAction(7, "handed over", DONE, "Head of Audit", None, "next meeting"),
        ),
        # "Due" inside a name is part of the name; "due" before a date is a date
        (
            "!! 7 owner Head of Due Diligence due 1/2/2027",
            UpdateAction(7, "", None, "Head of Due Diligence", date(2027, 2, 1), "1/2/2027"),
        ),
        ("!! 7 owner Head of Due Diligence", UpdateAction(7, owner="Head of Due Diligence")),
        # only the first colon ends the changes; times in the note stay whole
        ("!! 7: met at 14:30: agreed", UpdateAction(7, "met at 14:30: agreed")),
        (
            "!! 7 due in 2 weeks",
            UpdateAction(7, due=date(2026, 12, 28), due_text="in 2 weeks"),
        ),
    ],
)
def test_action_update_lines(line: str, expected: UpdateAction) -> None:
    assert parse(line, TODAY) == expected


def test_action_update_is_read_whatever_kind_the_bar_is_on() -> None:
    for kind in CAPTURE_KINDS:
        assert parse("!! 3 done", TODAY, default_kind=kind) == UpdateAction(3, status=DONE)


def test_escaped_double_bang_is_a_note() -> None:
    assert parse("\\!! 3 done", TODAY) == AddEntry(NOTE, "!! 3 done")
    assert format_line(NOTE, "!! 3 done", None) == "\\!! 3 done"


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("!!", "starts with the action's number"),
        ("!! done", "starts with the action's number"),
        ("!! 12done", "starts with the action's number"),
        ("!! 0 done", "there is no action 0"),
        ("!! 12", "nothing to update for action 12"),
        ("!! 12:", "nothing to update for action 12"),
        ("!! 12 due", "due needs a date"),
        ("!! 12 due soonish", 'cannot read "soonish" as a date'),
        ("!! 12 due 31/02/2027", "February 2027 has 28 days"),
        ("!! 12 owner", "owner needs a name"),
        ("!! 12 owner: someone", "owner needs a name"),
        ("!! 12 owner Head of Finance due whenever", 'cannot read "whenever"'),
        ("!! 12 owner Head of Finance done", 'put "done" straight after the action number'),
        ("!! 12 finished: report sent", 'cannot read "finished"'),
        ("!! 12 chased the officer", "a note goes after a colon (!! 12: chased the officer)"),
    ],
)
def test_bad_action_updates_say_why(line: str, words: str) -> None:
    assert words in refusal(line)


UPDATES = [
    UpdateAction(12, "report circulated on 3 Dec", DONE),
    UpdateAction(12, "chased, reply expected Friday"),
    UpdateAction(7, due=date(2027, 1, 31), due_text="31/01/2027"),
    UpdateAction(7, "reassigned: see the restructure report", owner="Head of Finance"),
    UpdateAction(7, "superseded", DROPPED, "Head of Due Diligence", None, "next meeting"),
    UpdateAction(99, status=OPEN, owner="Cllr O'Brien-Jones", due=date(2027, 3, 31)),
]


@pytest.mark.parametrize("update", UPDATES)
def test_format_update_round_trips(update: UpdateAction) -> None:
    line = format_update(update)
    assert line.startswith(f"!! {update.action_id}")
    again = parse(line, TODAY)
    assert isinstance(again, UpdateAction)
    # a date is written out in full, so what it says may differ but not when it is
    assert (again.action_id, again.note, again.status, again.owner, again.due) == (
        update.action_id,
        update.note,
        update.status,
        update.owner,
        update.due,
    )
    assert again.due_text == (update.due_text if update.due is None else f"{update.due:%d/%m/%Y}")
    assert format_update(again) == line
