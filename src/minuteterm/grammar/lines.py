"""The capture grammar: one line from the capture bar -> one command.

Pure: no I/O, no clock (``today`` is passed in), no Textual. The recorder
applies the command to the store; the TUI and ``minuteterm capture`` both
go through here, so a script and live typing give the same minutes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from minuteterm.dates import DateError, Due, looks_like_date, parse_due, trailing_relative
from minuteterm.errors import CaptureError
from minuteterm.grammar.formal import FormalCommand, is_formal, parse_formal
from minuteterm.model import ActionStatus, EntryKind, ResolutionForm


@dataclass(frozen=True)
class AddEntry:
    """Record an entry. For an action, ``speaker`` is its owner and ``text``
    what is to be done; ``due``/``due_text`` come from ``by``/``due DATE``.
    A resolution typed as RECOMMENDED or AGREED has that ``form`` (``None``
    is RESOLVED, the usual one)."""

    kind: EntryKind
    text: str
    speaker: str | None = None
    due: date | None = None
    due_text: str | None = None
    form: ResolutionForm | None = None


@dataclass(frozen=True)
class GoToItem:
    """``/item N``: make agenda item number ``number`` current."""

    number: str


@dataclass(frozen=True)
class NextItem:
    """``/next``: move to the next agenda item."""


@dataclass(frozen=True)
class PreviousItem:
    """``/prev``: move back to the previous agenda item."""


@dataclass(frozen=True)
class EndMeeting:
    """``/end``: close the meeting; the current item ends now."""


@dataclass(frozen=True)
class AddItem:
    """``/add TITLE``: add an item of urgent business at the end of the agenda."""

    title: str


@dataclass(frozen=True)
class UndoDelete:
    """``/undo``: bring back the entry deleted last."""


@dataclass(frozen=True)
class Inquorate:
    """``/inquorate``: the meeting fell below its quorum; it is minuted
    ("The meeting was inquorate from 7.40 pm; the remaining items were
    deferred.")."""


@dataclass(frozen=True)
class Correct:
    """``s/old/new/``: replace ``old`` with ``new`` in the last entry."""

    old: str
    new: str


@dataclass(frozen=True)
class UpdateAction:
    """``!! 12 done: note``: record an update to action ``action_id`` (its
    number on the committee's action sheet; ``committee`` names another
    committee, ``!! Harbour Board 7: note``). ``None`` fields are left as
    they are; at least one of them, or the note, is given."""

    action_id: int
    note: str = ""
    status: ActionStatus | None = None
    owner: str | None = None
    due: date | None = None
    due_text: str | None = None
    committee: str | None = None


@dataclass(frozen=True)
class MarkExempt:
    """``/exempt 3``: the current item is exempt under paragraph 3 of
    Schedule 12A (``/exempt off``: ``paragraph`` is ``None``, not exempt)."""

    paragraph: str | None


@dataclass(frozen=True)
class PublicDecision:
    """``/public TEXT``: the exempt item's decision in general terms."""

    text: str


@dataclass(frozen=True)
class ApprovePrevious:
    """``/approve [with AMENDMENT]``: the previous meeting's minutes are
    signed as a correct record (subject to the amendment)."""

    amendment: str | None = None


@dataclass(frozen=True)
class ResolveProposals:
    """``/resolve``: confirm the current item's proposed resolutions as
    recommended; ``/resolve 2`` only the second of those still proposed."""

    number: int | None = None


Command = (
    AddEntry
    | GoToItem
    | NextItem
    | PreviousItem
    | EndMeeting
    | AddItem
    | UndoDelete
    | Inquorate
    | Correct
    | UpdateAction
    | MarkExempt
    | PublicDecision
    | ApprovePrevious
    | ResolveProposals
    | FormalCommand
)


#: The character that starts a line of each capture kind ("" for a note).
KIND_PREFIX: dict[EntryKind, str] = {
    EntryKind.NOTE: "",
    EntryKind.QUESTION: "?",
    EntryKind.RESPONSE: ">",
    EntryKind.ACTION: "!",
    EntryKind.RESOLUTION: "=",
}
_PREFIX_KIND = {prefix: kind for kind, prefix in KIND_PREFIX.items() if prefix}
_KIND_LABEL = {
    EntryKind.NOTE: "a note",
    EntryKind.QUESTION: "a question",
    EntryKind.RESPONSE: "a response",
    EntryKind.ACTION: "an action",
    EntryKind.RESOLUTION: "a resolution",
    EntryKind.DECLARATION: "a declaration",
    EntryKind.VOTE: "a vote",
    EntryKind.ACTION_UPDATE: "an action update",
    EntryKind.ATTENDANCE: "an arrival or departure",
    EntryKind.PROPOSAL: "a proposed resolution",
}
_COMMANDS = (
    "/item N, /next, /prev, /add TITLE, /undo, /end, /exempt N, /public TEXT, /approve,"
    " /inquorate or /resolve [N]"
)
_ACTION_FORM = '"! Owner: what to do by 14/12/2026"'
_CORRECTION_FORM = r"a correction is s/old/new/ (\/ for a slash inside; \s/ starts a note with s/)"

# --- commands and corrections ---------------------------------------------

_COMMAND = re.compile(r"/([a-z]*)\s*(.*)", re.IGNORECASE | re.DOTALL)
_ITEM_NUMBER = re.compile(r"\d{1,3}[a-z]?(?:\.\d{1,3}[a-z]?)?", re.IGNORECASE)
_SIMPLE_COMMANDS: dict[str, Callable[[], Command]] = {
    "next": NextItem,
    "prev": PreviousItem,
    "previous": PreviousItem,
    "end": EndMeeting,
    "undo": UndoDelete,
    "inquorate": Inquorate,
}


def _command(line: str) -> Command:
    """``/item 4``, ``/next``, ``/prev``, ``/end``, ``/undo``, ``/add TITLE``."""
    match = _COMMAND.fullmatch(line)
    name = match.group(1).lower() if match else ""
    argument = match.group(2).strip() if match else ""
    if name == "item":
        if not _ITEM_NUMBER.fullmatch(argument):
            raise CaptureError(f"/item needs an item number, e.g. /item 4 ({_COMMANDS})")
        return GoToItem(argument)
    if name == "add":
        if not argument:
            raise CaptureError("/add needs the new item's title, e.g. /add Urgent business")
        return AddItem(argument)
    if name == "exempt":
        return _exempt(argument)
    if name == "public":
        if not argument:
            raise CaptureError(
                "/public needs the decision in general terms,"
                " e.g. /public That the offer be accepted."
            )
        return PublicDecision(argument)
    if name == "approve":
        return _approve(argument)
    if name == "resolve":
        return _resolve(argument)
    if name in _SIMPLE_COMMANDS:
        if argument:
            raise CaptureError(f"/{name} takes nothing after it")
        return _SIMPLE_COMMANDS[name]()
    typed = line.split()[0]
    raise CaptureError(f'unknown command "{typed}": use {_COMMANDS} (\\/ starts a note with /)')


_PARAGRAPH = re.compile(r"(?:para(?:graph)?\.?\s*)?(\d{1,2})", re.IGNORECASE)


def _exempt(argument: str) -> MarkExempt:
    """``/exempt 3``, ``/exempt paragraph 3``, ``/exempt off``."""
    if argument.lower() in ("off", "no", "none", "not"):
        return MarkExempt(None)
    match = _PARAGRAPH.fullmatch(argument)
    if not match:
        raise CaptureError(
            "/exempt needs the paragraph of Schedule 12A, e.g. /exempt 3 (/exempt off undoes it)"
        )
    return MarkExempt(match.group(1))


def _resolve(argument: str) -> ResolveProposals:
    """``/resolve`` (every proposal of the item) or ``/resolve 2``."""
    if not argument:
        return ResolveProposals()
    if not argument.isdigit() or not 0 < int(argument) < 1000:
        raise CaptureError(
            "/resolve confirms the item's proposed resolutions: /resolve for all,"
            " /resolve 2 for the second"
        )
    return ResolveProposals(int(argument))


def _approve(argument: str) -> ApprovePrevious:
    """``/approve`` or ``/approve with AMENDMENT``."""
    if not argument:
        return ApprovePrevious()
    words = re.match(r"(?:with|subject to)\b[:\s]*(.*)", argument, re.IGNORECASE | re.DOTALL)
    if not words or not words.group(1).strip():
        raise CaptureError(
            "/approve takes nothing, or an amendment: /approve with: minute 5, for six read seven"
        )
    return ApprovePrevious(words.group(1).strip())


def _correction(line: str) -> Correct:
    r"""``s/old/new/`` or ``s/old/new``; ``\/`` is a slash inside old or new."""
    parts = [part.replace("\\/", "/") for part in re.split(r"(?<!\\)/", line[2:])]
    if len(parts) == 3 and parts[2] == "":
        parts.pop()
    if len(parts) != 2:
        raise CaptureError(_CORRECTION_FORM)
    old, new = parts
    if not old:
        raise CaptureError("a correction needs the words to replace: s/old/new/")
    return Correct(old, new)


# --- speakers ---------------------------------------------------------------

_SPEAKER_COLON = re.compile(r":(?=\s|$)")
_NOT_SPEAKER_CHARS = re.compile(r"[^\w\s'\u2019\-&.()]")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_NAME_PARTICLE = re.compile(r"[a-z]['\u2019]\w")
#: Words that join the capitalised words of a name or role.
_JOINING = frozenset(
    "of for and the to in on at & - de van von der den da di du del la le ter"  # noqa: SIM905
    " ten bin".split()
)
#: Titles that may end with a full stop inside a speaker's name.
_TITLES = frozenset(
    "cllr dr mr mrs ms mx prof rev revd st sgt insp supt capt col lt hon rt"  # noqa: SIM905
    " jr sr esq".split()
)
#: Labels clerks write before a colon that are not people: "Note: ...".
_LABELS = frozenset(
    "note nb n.b update action actions resolved agreed item re noted question"  # noqa: SIM905
    " answer response resolution recommendation recommendations decision summary"
    " reminder correction ps p.s fyi vote votes for against abstain abstentions"
    " declaration declarations outcome page paragraph para appendix annex section"
    " minute minutes table point total time date venue deadline due present"
    " apologies absent background purpose comment comments query recommended"
    " agreed".split()
)


def _is_label(words: list[str]) -> bool:
    """``Note``, ``N.B.``, ``Item 4``: a label, optionally with a number."""
    first = words[0].rstrip(".").casefold()
    return first in _LABELS and all(word[0].isdigit() for word in words[1:])


def _word_fits(word: str) -> bool:
    core = word.strip("()")
    if not core:
        return False
    if "." in core:
        title = core.endswith(".") and core[:-1].casefold() in _TITLES
        if not title and not _INITIALS.fullmatch(core):
            return False
    if core.casefold() in _JOINING:
        return True
    return core[0].isupper() or core[0].isdigit() or bool(_NAME_PARTICLE.match(core))


def _looks_like_speaker(candidate: str) -> bool:
    """A name or role: up to 8 words and 60 characters, capitalised words
    (joined by of/and/the...), no sentence punctuation, not a label."""
    candidate = candidate.removesuffix("!")  # "Cllr Robret Hale!": someone new
    words = candidate.split()
    if not words or len(words) > 8 or len(candidate) > 60:
        return False
    if _NOT_SPEAKER_CHARS.search(candidate) or _is_label(words):
        return False
    capitalised = any(word.strip("()")[:1].isupper() for word in words)
    return capitalised and all(_word_fits(word) for word in words)


class _KnownNames:
    """Known speakers by their folded spelling, read only when a line names
    a speaker (most lines do not, and reading the names costs a query)."""

    def __init__(self, names: Iterable[str] | Callable[[], Iterable[str]]) -> None:
        self._names = names
        self._folded: dict[str, str] | None = None

    def spelt(self, candidate: str) -> str | None:
        """The known name ``candidate`` is (in any case), as it is spelt."""
        if self._folded is None:
            names = self._names() if callable(self._names) else self._names
            self._folded = {" ".join(name.split()).casefold(): name for name in names}
        return self._folded.get(candidate.casefold())


def _split_speaker(body: str, known: _KnownNames) -> tuple[str | None, str]:
    """``Cllr Jewell: text`` -> ``("Cllr Jewell", "text")``; no speaker ->
    ``(None, body)``. A known name matches whatever its case."""
    match = _SPEAKER_COLON.search(body)
    if not match:
        return None, body
    candidate = " ".join(body[: match.start()].split())
    rest = body[match.end() :].strip()
    spelt = known.spelt(candidate)
    if spelt is not None:
        return spelt, rest
    if _looks_like_speaker(candidate):
        return candidate, rest
    return None, body


# --- actions ----------------------------------------------------------------

_DUE_MARKER = re.compile(r"(?<!\S)(?:by|due)\s+", re.IGNORECASE)
_DUE_BRACKETED = re.compile(r"\s*\((?:by|due)\s+([^()]+)\)\s*\.?", re.IGNORECASE)


def _due(text: str, today: date) -> Due:
    try:
        return parse_due(text, today)
    except DateError as error:
        raise CaptureError(str(error)) from None


def _split_due(body: str, today: date) -> tuple[str, Due | None]:
    """Take a trailing ``by DATE`` / ``due DATE`` / ``(by DATE)`` off an
    action: the latest marker followed by something :func:`looks_like_date`;
    else a trailing relative date with no marker (``… in 2 weeks``)."""
    match = _DUE_BRACKETED.search(body)
    if match and match.end() == len(body) and looks_like_date(match.group(1)):
        return body[: match.start()], _due(match.group(1), today)
    for marker in reversed(list(_DUE_MARKER.finditer(body))):
        when = body[marker.end() :].strip().rstrip(".").rstrip()
        if looks_like_date(when):
            description = body[: marker.start()].rstrip().rstrip(".,").rstrip()
            return description, _due(when, today)
    relative = trailing_relative(body)
    if relative is not None and relative[0]:
        return relative[0], _due(relative[1], today)
    return body, None


def _action(owner: str | None, body: str, whole: str, today: date) -> AddEntry:
    if owner is None:
        colon = _SPEAKER_COLON.search(whole)
        if colon and whole[: colon.start()].strip():
            named = whole[: colon.start()].strip()
            hint = " (start its words with capitals)" if named.islower() else ""
            raise CaptureError(
                f'an action needs an owner: "{named}" is not read as a name or'
                f" role{hint}: {_ACTION_FORM}"
            )
        raise CaptureError(f"an action needs an owner: {_ACTION_FORM}")
    description, due = _split_due(body, today)
    if not description:
        raise CaptureError(f"an action needs something to do: {_ACTION_FORM}")
    if due is None:
        return AddEntry(EntryKind.ACTION, description, owner)
    return AddEntry(EntryKind.ACTION, description, owner, due.date, due.text)


# --- action updates ---------------------------------------------------------

UPDATE_PREFIX = "!!"
_UPDATE_FORM = "!! 12 [done|dropped|open] [owner NAME] [due DATE]: note"
_UPDATE_NUMBER = re.compile(r"#?(\d{1,18})(?=\s|:|$)")
#: ``Harbour Board 7``: another committee's action, its name before the number.
_UPDATE_OTHER = re.compile(r"([^\d\s:#][^:]*?)\s+(?=#?\d{1,18}(?:\s|:|$))")
_UPDATE_STATUS: dict[str, ActionStatus] = {
    "done": ActionStatus.DONE,
    "dropped": ActionStatus.DROPPED,
    "open": ActionStatus.OPEN,
    "reopen": ActionStatus.OPEN,
}
_OWNER_WORD = re.compile(r"owner(?:\s+|$)", re.IGNORECASE)
_UPDATE_COLON = re.compile(r"(?<!\d):|:(?!\d)")
_DUE_WORD = re.compile(r"(?:^|\s)due(?:\s+|$)", re.IGNORECASE)


def _update_due(head: str, today: date) -> tuple[str, Due | None]:
    """Take ``due DATE`` off the end of an update's changes. A lower-case
    "due" (or one starting the changes) followed by no readable date is
    refused with the reason; "Due" inside a name is left alone."""
    markers = list(_DUE_WORD.finditer(head))
    for marker in markers:
        when = head[marker.end() :].strip()
        if when and looks_like_date(when):
            return head[: marker.start()].strip(), _due(when, today)
    meant = [m for m in markers if m.start() == 0 or "due" in m.group()]
    if meant:
        when = head[meant[-1].end() :].strip()
        if not when:
            raise CaptureError(f"due needs a date, e.g. due 31/01/2027: {_UPDATE_FORM}")
        _due(when, today)  # raises, saying why the date cannot be read
    return head, None


def _update_owner(head: str, action_id: int) -> str | None:
    """``owner NAME``: the new owner, or ``None`` if not reassigned."""
    if not head:
        return None
    match = _OWNER_WORD.match(head)
    if not match:
        raise CaptureError(
            f'cannot read "{head}": after the number come done, dropped or open, owner NAME'
            f" and due DATE; a note goes after a colon (!! {action_id}: {head})"
        )
    owner = head[match.end() :].strip()
    if not owner:
        raise CaptureError(f"owner needs a name, e.g. owner Head of Finance: {_UPDATE_FORM}")
    last = owner.split()[-1].lower()
    if last in _UPDATE_STATUS:
        raise CaptureError(f'put "{last}" straight after the action number: {_UPDATE_FORM}')
    return owner


def _update(line: str, today: date) -> UpdateAction:
    """``!! N [done|dropped|open|reopen] [owner NAME] [due DATE]: note``."""
    body = line[len(UPDATE_PREFIX) :].strip()
    committee = None
    other = None if _UPDATE_NUMBER.match(body) else _UPDATE_OTHER.match(body)
    if other:
        committee, body = " ".join(other.group(1).split()), body[other.end() :]
    number = _UPDATE_NUMBER.match(body)
    if not number:
        raise CaptureError(f"an action update starts with the action's number: {_UPDATE_FORM}")
    action_id = int(number.group(1))
    if action_id == 0:
        raise CaptureError(f"there is no action 0: {_UPDATE_FORM}")
    rest = body[number.end() :]
    colon = _UPDATE_COLON.search(rest)
    head, note = (rest[: colon.start()], rest[colon.end() :]) if colon else (rest, "")
    head, note = " ".join(head.split()), note.strip()
    status = None
    first, _, remainder = head.partition(" ")
    if first.lower() in _UPDATE_STATUS:
        status, head = _UPDATE_STATUS[first.lower()], remainder.strip()
    head, due = _update_due(head, today)
    owner = _update_owner(head, action_id)
    if not (note or status or owner or due):
        raise CaptureError(
            f"nothing to update for action {action_id}: give done, dropped or open, "
            f"owner NAME, due DATE or a note after a colon: {_UPDATE_FORM}"
        )
    return UpdateAction(
        action_id,
        note,
        status,
        owner,
        due.date if due else None,
        due.text if due else None,
        committee,
    )


def format_update(command: UpdateAction) -> str:
    """An update written back as a line that :func:`parse` reads to the same
    command: ``!! 12 done owner Head of Finance due 31/01/2027: note``."""
    parts = [UPDATE_PREFIX, *([command.committee] if command.committee else [])]
    parts.append(str(command.action_id))
    if command.status is not None:
        parts.append(command.status.value)
    if command.owner:
        parts += ["owner", command.owner]
    if command.due is not None:
        parts += ["due", f"{command.due:%d/%m/%Y}"]
    elif command.due_text:
        parts += ["due", command.due_text]
    line = " ".join(parts)
    return f"{line}: {command.note}" if command.note else line


# --- lines ------------------------------------------------------------------


def _entry(kind: EntryKind, body: str, today: date, known: _KnownNames) -> AddEntry:
    speaker, rest = _split_speaker(body, known)
    if speaker is not None and not rest:
        raise CaptureError(f'{_KIND_LABEL[kind]} needs some words after the speaker "{speaker}:"')
    if kind is EntryKind.ACTION:
        return _action(speaker, rest, body, today)
    if kind is EntryKind.RESOLUTION:
        form, rest = resolution_form(rest)
        return AddEntry(kind, rest, speaker, form=None if form is ResolutionForm.RESOLVED else form)
    return AddEntry(kind, rest, speaker)


_FORM_LABEL = re.compile(r"^(resolved|recommended|agreed)\b\s*[:\-–—]?\s*", re.IGNORECASE)


def resolution_form(text: str) -> tuple[ResolutionForm, str]:
    """``RECOMMENDED: That …`` -> the form and the words without the label
    (the minutes print the label); RESOLVED when no label was typed."""
    match = _FORM_LABEL.match(text)
    if match is None:
        return ResolutionForm.RESOLVED, text
    stripped = text[match.end() :]
    if stripped[:5].lower() == "that ":
        stripped = "That " + stripped[5:]
    if not stripped:
        return ResolutionForm.RESOLVED, text
    return ResolutionForm(match.group(1).lower()), stripped


def parse(
    line: str,
    today: date,
    default_kind: EntryKind = EntryKind.NOTE,
    known_names: Iterable[str] | Callable[[], Iterable[str]] = (),
) -> Command:
    r"""Read one capture-bar line (see the grammar in design.md).

    ``?`` question, ``>`` response, ``!`` action (``! Owner: what by DATE``),
    ``=`` resolution, ``!! N done: note`` an update to action N (see
    :class:`UpdateAction`), otherwise ``default_kind``; ``Speaker: text`` names
    the speaker; ``/item N``, ``/next``, ``/prev``, ``/end``, ``/undo``,
    ``/add TITLE`` are commands; ``s/old/new/`` corrects the last entry; a
    leading ``\`` takes the next character literally (speaker and action
    rules still apply). ``known_names`` (or a function giving them, called
    only if the line names a speaker) are always speakers, matched in any
    case and returned as spelt there. ``default_kind`` may be any kind
    (declarations and votes read like notes). Raises :class:`CaptureError`
    with a one-line reason for the clerk.
    """
    text = line.strip()
    if not text:
        raise CaptureError("nothing to save")
    known = _KnownNames(known_names)
    if text.startswith("\\"):
        body = text[1:].strip()
        if not body:
            raise CaptureError("nothing to save after \\")
        return _entry(default_kind, body, today, known)
    if text.startswith("/"):
        return _command(text)
    if text.startswith("s/"):
        return _correction(text)
    if text.startswith(UPDATE_PREFIX):
        return _update(text, today)
    if is_formal(text):
        return parse_formal(text)
    kind = _PREFIX_KIND.get(text[0])
    if kind is None:
        return _entry(default_kind, text, today, known)
    body = text[1:].strip()
    if not body:
        raise CaptureError(f"{_KIND_LABEL[kind]} needs some words after {text[0]}")
    return _entry(kind, body, today, known)


def _needs_escape(line: str) -> bool:
    return line.startswith(("s/", "\\", "/", *_PREFIX_KIND))


def format_line(
    kind: EntryKind,
    text: str,
    speaker: str | None,
    due_text: str | None = None,
    form: ResolutionForm = ResolutionForm.RESOLVED,
) -> str:
    r"""An entry written back as a capture line that :func:`parse` reads
    (with ``default_kind=kind``) to the same kind, text, speaker and due.

    A note-like line starting with a prefix character, ``/`` or ``s/`` gets a
    leading ``\``. An action's ``due_text`` is written as ``by DUE`` (or
    ``(by DUE)`` after a final full stop or comma, which ``by`` would drop).
    Kinds without a prefix (declaration, vote) are written like notes.
    Not every entry can round-trip: a text with no speaker that starts like
    ``Cllr Jewell: ...`` would be read back with that speaker.
    """
    body = text
    if kind is EntryKind.ACTION and due_text:
        # "(by X)" keeps a final full stop or comma, which "by X" would lose
        bracketed = text.endswith((".", ","))
        body = f"{body} (by {due_text})" if bracketed else f"{body} by {due_text}"
    if kind is EntryKind.RESOLUTION and form is not ResolutionForm.RESOLVED:
        body = f"{form.value.upper()}: {body}"
    if speaker:
        body = f"{speaker}: {body}"
    prefix = KIND_PREFIX.get(kind, "")
    if prefix:
        return f"{prefix} {body}"
    return f"\\{body}" if _needs_escape(body) else body
