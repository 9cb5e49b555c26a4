"""Minute numbers: allocated in agenda order when a meeting closes, never
reused, frozen once the minutes are approved; and citations of them.

A committee numbers its minutes one of two ways:

- **running**: one number that carries on from meeting to meeting (``620``,
  ``621``, ...), starting at the committee's ``first_minute``;
- **prefixed**: the committee's prefix, a number that starts again at 1 each
  calendar year, and the year (``CYP/4/26``).

Each committee keeps the last number it gave (per year, when prefixed) in
``minute_counters``, so a number is never given twice even if the clerk
changes the scheme.

A clerk cites an earlier minute by typing ``@CYP/2/26`` (or ``@620``) in any
entry; the minutes read "(minute CYP/2/26 refers)". A citation of a minute
the committee does not have is refused when it is typed.

Works on a ``sqlite_utils.Database`` inside the caller's transaction (the
store calls :func:`allocate` as it closes a meeting).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from minuteterm.clock import moment
from minuteterm.dates import in_zone
from minuteterm.errors import CaptureError
from minuteterm.grammar.citations import MINUTE_REF
from minuteterm.model import MinuteNumbering

if TYPE_CHECKING:
    import sqlite_utils


def minute_number(numbering: MinuteNumbering, prefix: str | None, number: int, year: int) -> str:
    """``620`` or ``CYP/4/26``."""
    if numbering is MinuteNumbering.PREFIXED:
        return f"{prefix}/{number}/{year % 100:02d}"
    return str(number)


def _next(db: sqlite_utils.Database, committee: dict, year: int) -> int:
    """The committee's next number (for ``year`` when prefixed), taken."""
    prefixed = committee["numbering"] == MinuteNumbering.PREFIXED.value
    key = year if prefixed else 0
    rows = list(
        db.query(
            "select last from minute_counters where committee_id = ? and year = ?",
            [committee["id"], key],
        )
    )
    floor = 0 if prefixed else committee["first_minute"] - 1
    number = max(rows[0]["last"] if rows else 0, floor) + 1
    db.execute(
        """insert into minute_counters (committee_id, year, last) values (?, ?, ?)
        on conflict (committee_id, year) do update set last = excluded.last""",
        [committee["id"], key, number],
    )
    return number


def allocate(db: sqlite_utils.Database, meeting_id: int) -> list[str]:
    """Give each of the meeting's items without a minute number the next
    one, in agenda order; return the numbers given."""
    (meeting,) = db.query("select * from meetings where id = ?", [meeting_id])
    (committee,) = db.query("select * from committees where id = ?", [meeting["committee_id"]])
    numbering = MinuteNumbering(committee["numbering"])
    starts = moment(meeting["starts_at"])
    year = in_zone(starts, meeting["time_zone"]).year if starts else 0  # where it was held
    given = []
    items = db.query(
        "select id from agenda_items where meeting_id = ? and minute_number is null"
        " order by position",
        [meeting_id],
    )
    for item in list(items):
        number = minute_number(numbering, committee["prefix"], _next(db, committee, year), year)
        db.execute("update agenda_items set minute_number = ? where id = ?", [number, item["id"]])
        given.append(number)
    return given


def known_minutes(db: sqlite_utils.Database, committee_id: int) -> dict[str, str]:
    """The committee's minute numbers, by their folded form."""
    rows = db.query(
        """select i.minute_number from agenda_items i join meetings m on m.id = i.meeting_id
        where m.committee_id = ? and i.minute_number is not null""",
        [committee_id],
    )
    return {row["minute_number"].casefold(): row["minute_number"] for row in rows}


def check_citations(db: sqlite_utils.Database, committee_id: int, text: str) -> str:
    """``text`` with each ``@minute`` spelt as the committee numbers it;
    :class:`CaptureError` for a minute the committee does not have."""
    cited = MINUTE_REF.findall(text)
    if not cited:
        return text
    known = known_minutes(db, committee_id)
    for ref in cited:
        if ref.casefold() not in known:
            raise CaptureError(
                f"there is no minute {ref} of this committee to cite"
                " (minutes are numbered when their meeting closes)"
            )
    return MINUTE_REF.sub(lambda match: "@" + known[match.group(1).casefold()], text)
