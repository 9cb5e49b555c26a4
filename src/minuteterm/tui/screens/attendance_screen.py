"""Attendance and declarations of one meeting, from the keyboard.

Everyone listed against the meeting (the committee's members start listed,
"expected"), how each attended, and the declarations of interest made. Every
change goes through the same functions as the capture lines (``present+``,
``chair+``, ``declare+`` ...), so the screen and typing give the same record;
the table is read again from the database after each one.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from minuteterm import clock
from minuteterm.db.store import Store
from minuteterm.errors import CLERK_ERRORS
from minuteterm.formal.committees import Settings
from minuteterm.formal.declarations import declarations
from minuteterm.formal.people import forget_member, quorum
from minuteterm.grammar.formal import Attend, Declare, TakeChair
from minuteterm.model import (
    DECLARATIONS,
    INTEREST_WORDS,
    AttendanceStatus,
    Attendee,
    InterestKind,
    PersonKind,
)
from minuteterm.recording.formal_commands import carry_out
from minuteterm.recording.settings import change_committee
from minuteterm.tui.screens.choice_dialog import ChoiceDialog
from minuteterm.tui.screens.text_dialog import TextDialog
from minuteterm.tui.widgets.key_hints import KeyHints
from minuteterm.tui.widgets.outcome_line import OutcomeLine

_STATUS_WORDS = {
    AttendanceStatus.PRESENT: "present",
    AttendanceStatus.APOLOGIES: "apologies",
    AttendanceStatus.SUBSTITUTE: "substitute",
    AttendanceStatus.ABSENT: "absent",
    AttendanceStatus.IN_ATTENDANCE: "in attendance",
    AttendanceStatus.EXPECTED: "expected (not marked)",
}
_ROLE_WORDS = {
    PersonKind.MEMBER: "member",
    PersonKind.OFFICER: "officer",
    PersonKind.OTHER: "other",
}


class AttendanceScreen(Screen[None]):
    """Mark who came, who sent apologies, who substituted; the Chair; the
    quorum; declarations of interest."""

    DEFAULT_CSS = """
    AttendanceScreen {
        #attendance-title { height: 1; padding: 0 1; background: $panel; text-style: bold; }
        #attendance-quorum { height: 1; padding: 0 1; }
        #attendance-quorum.-below { color: $text-warning; text-style: bold reverse; }
        #people { height: 2fr; }
        #declarations-title { height: 1; padding: 0 1; text-style: bold; }
        #declarations { height: 1fr; padding: 0 1; }
    }
    """

    BINDINGS = [
        Binding("p", "mark('present')", "Present", id="attendance.present"),
        Binding("a", "mark('apologies')", "Apologies", id="attendance.apologies"),
        Binding("x", "mark('absent')", "Absent", id="attendance.absent"),
        Binding("s", "substitute", "Substitute", id="attendance.substitute"),
        Binding("c", "chair", "Chair", id="attendance.chair"),
        Binding("m", "add('member')", "Add member", id="attendance.member"),
        Binding("o", "add('officer')", "Add officer", id="attendance.officer"),
        Binding("d", "declare", "Declare interest", id="attendance.declare"),
        Binding("q", "quorum", "Quorum", id="attendance.quorum"),
        Binding("r", "forget", "Not a member now", id="attendance.forget"),
        Binding("escape,ctrl+l", "back", "Back", id="attendance.back"),
    ]

    def __init__(self, store: Store, meeting_id: int) -> None:
        super().__init__()
        self.store = store
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        yield Static(id="attendance-title")
        yield Static(id="attendance-quorum")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="people")
        yield Static(Content("Declarations of interest"), id="declarations-title")
        yield Static(id="declarations")
        yield OutcomeLine(id="attendance-outcome")
        yield KeyHints()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Name", "Role", "Attendance", "Chair", "Notes")
        self.reload()
        self.query_one(DataTable).focus()

    # --- reading -----------------------------------------------------------------------

    def reload(self) -> None:
        """Read attendance, the quorum and declarations again."""
        try:
            meeting = self.store.meeting(self.meeting_id)
            people = self.store.attendees(self.meeting_id)
            state = quorum(self.store, self.meeting_id)
            declared = declarations(self.store, self.meeting_id)
            items = {item.id: item for item in self.store.items(self.meeting_id)}
        except CLERK_ERRORS as error:
            self.say(str(error), refused=True)
            return
        self.query_one("#attendance-title", Static).update(Content(f"Attendance — {meeting.title}"))
        self._show_quorum(state)
        self._show_people(people)
        lines = []
        for d in declared:
            item = items.get(d.item_id) if d.item_id else None
            where = f" in item {item.number} ({item.title})" if item else ""
            lines.append(
                f"{d.name}: {INTEREST_WORDS[d.kind]}{where}"
                + (f" — {d.detail}" if d.detail else "")
            )
        self.query_one("#declarations", Static).update(
            Content("\n".join(lines) or "None yet (D to add one, or declare+ in the capture bar).")
        )

    def _show_quorum(self, state) -> None:  # state: people.Quorum
        line = self.query_one("#attendance-quorum", Static)
        if state.quorum is None:
            words = f"{state.present} member(s) present · no quorum set (Q sets it)"
        elif state.met:
            words = f"{state.present} members present · quorum {state.quorum}: quorate"
        else:
            words = f"BELOW QUORUM: {state.present} members present, quorum {state.quorum}"
        line.update(Content(words))
        line.set_class(not state.met, "-below")

    def _show_people(self, people: list[Attendee]) -> None:
        table = self.query_one(DataTable)
        keep = self.selected
        table.clear()
        for person in people:
            notes = []
            if person.title:
                notes.append(person.title)
            if person.substitute_for:
                notes.append(f"for {person.substitute_for}")
            if person.left:
                notes.append("has left")
            table.add_row(
                Text(person.name),
                Text(_ROLE_WORDS[person.kind]),
                Text(_STATUS_WORDS[person.status]),
                Text("Chair" if person.chair else ""),
                Text("; ".join(notes)),
                key=person.name,
            )
        names = [person.name for person in people]
        if keep in names:
            table.move_cursor(row=names.index(keep))

    @property
    def selected(self) -> str | None:
        """The highlighted person's name."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return str(key.value)

    def say(self, message: str, *, refused: bool = False) -> None:
        """What happened, under the table."""
        self.query_one(OutcomeLine).say(message, refused=refused)

    def _do(self, change: Callable[[], str]) -> None:
        """Carry out a change, read everything again, say what happened."""
        try:
            message = change()
        except CLERK_ERRORS as error:
            self.reload()
            self.say(str(error), refused=True)
            return
        self.reload()
        self.say(message)

    def _record(self, command: Attend | TakeChair | Declare, item_id: int | None = None) -> None:
        """Record through the one door the capture bar uses, and say what it says."""
        self._do(
            lambda: carry_out(self.store, self.meeting_id, command, clock.now(), item_id).message
        )

    # --- keys -----------------------------------------------------------------------------

    def action_mark(self, status: str) -> None:
        """Mark the highlighted person present, apologies or absent."""
        name = self.selected
        if name is None:
            return
        self._record(Attend((name,), AttendanceStatus(status)))

    def action_chair(self) -> None:
        """Make the highlighted member the Chair."""
        name = self.selected
        if name is not None:
            self._record(TakeChair(name))

    def action_substitute(self) -> None:
        """The highlighted member substitutes for a member chosen next."""
        name = self.selected
        members = [
            person.name
            for person in self.store.attendees(self.meeting_id)
            if person.kind is PersonKind.MEMBER and person.name != name
        ]
        if name is None or not members:
            return

        def chosen(member: str | None) -> None:
            if member is None:
                return
            self._record(Attend((name,), AttendanceStatus.SUBSTITUTE, substitute_for=member))

        choices = [(member, Content(member)) for member in members]
        self.app.push_screen(ChoiceDialog(f"{name} is substituting for:", choices), chosen)

    def action_add(self, kind: str) -> None:
        """Add a member (present) or an officer (in attendance, with title)."""
        officer = kind == "officer"

        def typed(text: str | None) -> None:
            if not text or not text.strip():
                return
            if officer:
                name, _, title = text.partition(",")
                command = Attend(
                    (name.strip(),),
                    AttendanceStatus.IN_ATTENDANCE,
                    PersonKind.OFFICER,
                    title.strip() or None,
                )
            else:
                command = Attend((text.strip(),), AttendanceStatus.PRESENT)
            self._record(command)

        title = "Officer in attendance (Name, Title):" if officer else "Member present (name):"
        hint = "e.g. Gemma Lowe, Repairs Manager" if officer else "e.g. Cllr Alison Fenn"
        self.app.push_screen(TextDialog(title, hint=hint + " · Enter saves · Esc cancels"), typed)

    def action_quorum(self) -> None:
        """Set the committee's quorum (0 or empty: none)."""
        committee = self.store.committee_by_id(self.store.meeting(self.meeting_id).committee_id)

        def typed(text: str | None) -> None:
            if text is None:
                return
            text = text.strip()
            if text and not text.isdigit():
                self.say(f"a quorum is a number of members, not {text!r}", refused=True)
                return
            number = int(text) if text else 0
            settings = Settings(quorum=number or None, no_quorum=number == 0)
            self._do(
                lambda: _quorum_set(change_committee(self.store, committee.name, settings).quorum)
            )

        current = str(committee.quorum) if committee.quorum else ""
        self.app.push_screen(
            TextDialog(f"Quorum of the {committee.name} (members):", value=current), typed
        )

    def action_forget(self) -> None:
        """The highlighted member has left the committee: not listed at its
        next meetings (this meeting's record is unchanged)."""
        name = self.selected
        if name is None:
            return
        committee = self.store.meeting(self.meeting_id).committee_id

        def forget() -> str:
            forget_member(self.store, committee, name)
            return f"{name} will not be listed at the committee's next meetings"

        self._do(forget)

    def action_declare(self) -> None:
        """A declaration of interest by the highlighted member: the item,
        then the kind, then what it is."""
        name = self.selected
        if name is None:
            return
        items = self.store.items(self.meeting_id)
        item_choices = [("", Content("No particular item"))] + [
            (item.number, Content(f"{item.number}. {item.title}")) for item in items
        ]

        def item_chosen(number: str | None) -> None:
            if number is None:
                return
            kinds = [(kind.value, Content(INTEREST_WORDS[kind])) for kind in InterestKind]

            def kind_chosen(kind: str | None) -> None:
                if kind is None:
                    return

                def detail_typed(detail: str | None) -> None:
                    if detail is None:
                        return
                    command = Declare(name, number or None, InterestKind(kind), detail)
                    self._declare(command)

                self.app.push_screen(
                    TextDialog(f"{name}: what is the interest?", hint="e.g. owns a care home"),
                    detail_typed,
                )

            self.app.push_screen(ChoiceDialog("Kind of interest:", kinds), kind_chosen)

        self.app.push_screen(
            ChoiceDialog(f"{name} declares an interest in:", item_choices), item_chosen
        )

    def _declare(self, command: Declare) -> None:
        meeting = self.store.meeting(self.meeting_id)
        items = self.store.items(self.meeting_id)
        here = next(
            (item for item in items if item.standing == DECLARATIONS),
            next((item for item in items if item.id == meeting.current_item_id), None),
        ) or (items[0] if items else None)
        if here is None:
            self.say("this meeting has no agenda items yet", refused=True)
            return
        self._record(command, here.id)

    def action_back(self) -> None:
        """Back to the meeting."""
        self.dismiss(None)


def _quorum_set(number: int | None) -> str:
    return f"the quorum is {number}" if number else "no quorum is set"
