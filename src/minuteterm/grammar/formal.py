"""The capture lines of formal business: attendance, declarations, votes.

Clerks know these from scribe tools: a word and a plus sign, then names.

=====================================  =========================================
``present+ Cllr Fenn, Cllr Ward``      members present (``Cllr Anand (Chair)``: in the Chair)
``apologies+ Cllr Dorsey``             apologies for absence
``absent+ Cllr Lee``                   absent, without apologies
``sub+ Cllr Ward for Cllr Dorsey``     a substitute (Cllr Dorsey: apologies)
``officer+ Gemma Lowe, Repairs Manager``  an officer in attendance, with a title
``others+ Ann Shaw, Tenants' Forum``   someone else in attendance (a visitor)
``chair+ Cllr Anand``                  who is in the Chair
``arrived+ Cllr Lee``                  a late arrival, against the current item
``left+ Cllr Lee``                     an early departure, likewise
``declare+ Cllr Fenn: item 6, pecuniary, owns a care home``  an interest
``vote+ for 5, against 2, abstain 1``  the vote on the item's latest resolution
``vote+ for: Cllr A, Cllr B; against: Cllr C``  a recorded vote, by name
=====================================  =========================================

Pure: no I/O. Names are resolved against the committee's people by the
recorder; here they are only split and checked for shape.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from minuteterm.errors import CaptureError
from minuteterm.model import AttendanceStatus, InterestKind, PersonKind, VoteSide

#: The words before ``+`` that mark attendance, and what they record.
ATTENDANCE_WORDS: dict[str, AttendanceStatus] = {
    "present": AttendanceStatus.PRESENT,
    "apologies": AttendanceStatus.APOLOGIES,
    "apology": AttendanceStatus.APOLOGIES,
    "absent": AttendanceStatus.ABSENT,
}
_FORMAL = re.compile(r"([a-z]+)\+\s*(.*)", re.IGNORECASE | re.DOTALL)
WORDS = (
    "present+, apologies+, absent+, sub+, officer+, others+, chair+, arrived+, left+,"
    " declare+ or vote+"
)

_SUB_FORM = '"sub+ Cllr Ward for Cllr Dorsey"'
_DECLARE_FORM = '"declare+ Cllr Fenn: item 6, pecuniary, owns a care home"'
_VOTE_FORM = '"vote+ for 5, against 2, abstain 1" or "vote+ for: Cllr A, Cllr B; against: Cllr C"'


@dataclass(frozen=True)
class Attend:
    """Mark people's attendance (``present+``, ``apologies+``, ``absent+``,
    ``officer+``, ``others+``, ``sub+``)."""

    names: tuple[str, ...]
    status: AttendanceStatus
    kind: PersonKind = PersonKind.MEMBER
    title: str | None = None
    substitute_for: str | None = None
    #: ``present+ Cllr Grey (Chair)``: the one of ``names`` in the Chair.
    chair: str | None = None


@dataclass(frozen=True)
class TakeChair:
    """``chair+ NAME``: who is in the Chair."""

    name: str


@dataclass(frozen=True)
class Movement:
    """``arrived+ NAME`` / ``left+ NAME``, against the current item."""

    name: str
    arrived: bool


@dataclass(frozen=True)
class Declare:
    """``declare+ NAME: item N, KIND, detail``."""

    name: str
    item_number: str | None
    kind: InterestKind
    detail: str


@dataclass(frozen=True)
class CastVote:
    """``vote+ ...``: totals, or names on each side (a recorded vote)."""

    votes_for: int
    against: int
    abstain: int
    names: tuple[tuple[VoteSide, str], ...] = ()
    casting: VoteSide | None = None


FormalCommand = Attend | TakeChair | Movement | Declare | CastVote


def is_formal(line: str) -> bool:
    """Whether ``line`` starts with one of the formal words and a ``+``."""
    match = _FORMAL.match(line)
    return match is not None and match.group(1).lower() in _HANDLERS


def parse_formal(line: str) -> FormalCommand:
    """Read one formal line; :class:`CaptureError` says why it cannot be."""
    match = _FORMAL.match(line.strip())
    word = match.group(1).lower() if match else ""
    if match is None or word not in _HANDLERS:
        raise CaptureError(f"unknown formal line: use {WORDS}")
    return _HANDLERS[word](word, " ".join(match.group(2).split()))


def split_names(text: str) -> tuple[str, ...]:
    """``Cllr A, Cllr B and Cllr C`` -> three names (commas, "and", ``&``)."""
    parts = re.split(r"\s*(?:,|;|\band\b|&)\s*", text)
    return tuple(part.strip(" .") for part in parts if part.strip(" ."))


def _needs(word: str, what: str, text: str) -> str:
    if not text:
        raise CaptureError(f"{word}+ needs {what}")
    return text


#: ``(Chair)`` after a name in ``present+``, however a clerk writes it.
_IN_THE_CHAIR = re.compile(
    r"(.*?)\s*\((?:in the )?chair(?:man|woman|person)?\)", re.IGNORECASE | re.DOTALL
)


def _attendance(word: str, text: str) -> Attend:
    names = split_names(_needs(word, "one or more names, e.g. present+ Cllr Fenn, Cllr Ward", text))
    chairs: list[str] = []
    plain: list[str] = []
    for name in names:
        match = _IN_THE_CHAIR.fullmatch(name) if word == "present" else None
        if match and match.group(1).strip(" ."):
            chairs.append(match.group(1).strip(" ."))
            plain.append(chairs[-1])
        elif "(" in name or ")" in name:
            raise CaptureError(
                f'"{name}": a name takes no brackets (the Chair: present+ Cllr Grey (Chair),'
                " or chair+ Cllr Grey)"
            )
        else:
            plain.append(name)
    if len(chairs) > 1:
        raise CaptureError(f"only one can be in the Chair, not {' and '.join(chairs)}")
    return Attend(tuple(plain), ATTENDANCE_WORDS[word], chair=chairs[0] if chairs else None)


def _substitute(word: str, text: str) -> Attend:
    parts = re.split(r"\s+for\s+", _needs(word, f"who for whom: {_SUB_FORM}", text), flags=re.I)
    if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
        raise CaptureError(f"a substitute is typed {_SUB_FORM}")
    return Attend(
        (parts[0].strip(" ."),),
        AttendanceStatus.SUBSTITUTE,
        substitute_for=parts[1].strip(" ."),
    )


def _named_with_title(word: str, text: str) -> Attend:
    """``officer+ Name, Title`` (the title is everything after the first comma)."""
    example = "officer+ Gemma Lowe, Repairs Manager" if word == "officer" else "others+ Ann Shaw"
    name, _, title = _needs(word, f"a name, e.g. {example}", text).partition(",")
    kind = PersonKind.OFFICER if word == "officer" else PersonKind.OTHER
    return Attend(
        (name.strip(" ."),), AttendanceStatus.IN_ATTENDANCE, kind, title.strip(" .") or None
    )


def _chair(word: str, text: str) -> TakeChair:
    return TakeChair(_needs(word, "a name, e.g. chair+ Cllr Anand", text).strip(" ."))


def _movement(word: str, text: str) -> Movement:
    name = _needs(word, f"a name, e.g. {word}+ Cllr Lee", text).strip(" .")
    return Movement(name, arrived=word == "arrived")


#: What a clerk may type for each kind of interest.
_INTEREST_WORDS: dict[str, InterestKind] = {
    "pecuniary": InterestKind.PECUNIARY,
    "dpi": InterestKind.PECUNIARY,
    "disclosable pecuniary": InterestKind.PECUNIARY,
    "other": InterestKind.OTHER,
    "registrable": InterestKind.OTHER,
    "other registrable": InterestKind.OTHER,
    "ori": InterestKind.OTHER,
    "non-registrable": InterestKind.NON_REGISTRABLE,
    "nonregistrable": InterestKind.NON_REGISTRABLE,
    "non registrable": InterestKind.NON_REGISTRABLE,
    "nri": InterestKind.NON_REGISTRABLE,
}
_ITEM = re.compile(r"(?:item|minute)\s+(\S+)$", re.IGNORECASE)


def _declare(word: str, text: str) -> Declare:
    name, colon, rest = _needs(word, f"who and what: {_DECLARE_FORM}", text).partition(":")
    if not colon or not name.strip() or not rest.strip():
        raise CaptureError(f"a declaration is typed {_DECLARE_FORM}")
    parts = [part.strip() for part in rest.split(",")]
    item_number = None
    item = _ITEM.match(parts[0])
    if item:
        item_number = item.group(1).rstrip(".")
        parts = parts[1:]
    if not parts or parts[0].lower().rstrip(" .") not in _INTEREST_WORDS:
        known = "pecuniary (dpi), other (registrable) or non-registrable"
        typed = f' "{parts[0]}" is not one:' if parts and parts[0] else ""
        raise CaptureError(f"say which kind of interest, {known}:{typed} {_DECLARE_FORM}")
    kind = _INTEREST_WORDS[parts[0].lower().rstrip(" .")]
    return Declare(name.strip(" ."), item_number, kind, ", ".join(parts[1:]).strip(" ."))


_SIDES: dict[str, VoteSide] = {
    "for": VoteSide.FOR,
    "against": VoteSide.AGAINST,
    "abstain": VoteSide.ABSTAIN,
    "abstained": VoteSide.ABSTAIN,
    "abstention": VoteSide.ABSTAIN,
    "abstentions": VoteSide.ABSTAIN,
}
_SIDE_WORD = r"(for|against|abstain|abstained|abstentions?)"
_TOTAL = re.compile(rf"{_SIDE_WORD}\s*:?\s*(\d{{1,4}})|(\d{{1,4}})\s+{_SIDE_WORD}", re.I)
_SHORT_TOTALS = re.compile(r"(\d{1,4})\s*-\s*(\d{1,4})(?:\s*-\s*(\d{1,4}))?$")
_CASTING = re.compile(r"[,;]?\s*casting(?:\s+vote)?\s+(for|against)$", re.IGNORECASE)


def _vote(word: str, text: str) -> CastVote:
    text = _needs(word, f"the votes: {_VOTE_FORM}", text)
    casting = None
    found = _CASTING.search(text)
    if found:
        casting = _SIDES[found.group(1).lower()]
        text = text[: found.start()].strip()
    short = _SHORT_TOTALS.fullmatch(text)
    if short:
        numbers = [int(group or 0) for group in short.groups()]
        return CastVote(numbers[0], numbers[1], numbers[2], casting=casting)
    if re.search(r"\b(?:for|against|abstain\w*)\s*:\s*(?=[^\d\s])", text, re.IGNORECASE):
        return _recorded(text, casting)
    return _totals(text, casting)


def _totals(text: str, casting: VoteSide | None) -> CastVote:
    """``for 5, against 2, abstain 1`` (or ``5 for 2 against``, any order)."""
    counts = {side: 0 for side in VoteSide}
    seen: set[VoteSide] = set()
    for match in _TOTAL.finditer(text):
        word, number = (match.group(1), match.group(2)) if match.group(1) else match.group(4, 3)
        side = _SIDES[word.lower()]
        if side in seen:
            raise CaptureError(f'"{side.value}" is given twice: {_VOTE_FORM}')
        seen.add(side)
        counts[side] = int(number)
    left = _TOTAL.sub(" ", text).replace(",", " ").replace(";", " ").strip()
    if left or not seen:
        raise CaptureError(f'cannot read "{left or text}" as a vote: {_VOTE_FORM}')
    return CastVote(
        counts[VoteSide.FOR], counts[VoteSide.AGAINST], counts[VoteSide.ABSTAIN], casting=casting
    )


def _recorded(text: str, casting: VoteSide | None) -> CastVote:
    names: list[tuple[VoteSide, str]] = []
    seen_sides: set[VoteSide] = set()
    for part in re.split(r"\s*;\s*", text):
        label, colon, listed = part.partition(":")
        side = _SIDES.get(label.strip().lower())
        if not colon or side is None:
            raise CaptureError(f'cannot read "{part}" in a recorded vote: {_VOTE_FORM}')
        if side in seen_sides:
            raise CaptureError(f'"{side.value}" is given twice: {_VOTE_FORM}')
        seen_sides.add(side)
        if listed.strip().lower() in ("", "none", "nil", "0"):
            continue
        names += [(side, name) for name in split_names(listed)]
    seen: dict[str, VoteSide] = {}
    for side, name in names:
        if name.casefold() in seen:
            raise CaptureError(f"{name} is named twice in the vote")
        seen[name.casefold()] = side
    count = {side: sum(1 for named, _ in names if named is side) for side in VoteSide}
    return CastVote(
        count[VoteSide.FOR],
        count[VoteSide.AGAINST],
        count[VoteSide.ABSTAIN],
        tuple(names),
        casting,
    )


_HANDLERS: dict[str, Callable[[str, str], FormalCommand]] = {
    "present": _attendance,
    "apologies": _attendance,
    "apology": _attendance,
    "absent": _attendance,
    "sub": _substitute,
    "substitute": _substitute,
    "officer": _named_with_title,
    "others": _named_with_title,
    "other": _named_with_title,
    "chair": _chair,
    "arrived": _movement,
    "left": _movement,
    "declare": _declare,
    "vote": _vote,
}
