"""UK-first dates and times: reading what a clerk types, writing minute style.

Stored times are UTC. A meeting happens in one place: its moments are
shown, and the times a clerk types for it are read, in the meeting's own
time zone (:func:`in_zone`), whatever zone the machine is in; the
``format_*`` functions show a moment in the zone it carries. Moments tied
to no meeting (a backup's file name) use the machine's zone
(:func:`to_local`). Minutes write dates as "14 December 2026" and times as
"6.30 pm".
"""

from __future__ import annotations

import calendar
import re
import zoneinfo
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import pendulum

from minuteterm import clock
from minuteterm.textsafe import clean as clean_text


class DateError(ValueError):
    """A date or time the clerk typed that cannot be read; says why."""


#: The years a date may fall in: wide enough for any meeting, action or
#: archive, narrow enough that every date can be shown in any time zone.
FIRST_YEAR, LAST_YEAR = 1900, 2199


# --- time zones -------------------------------------------------------------

#: The zone a committee's meetings happen in unless it says otherwise.
DEFAULT_ZONE = "Europe/London"


@lru_cache(maxsize=1)
def _zone_names() -> frozenset[str]:
    """Every zone a meeting can be in: the IANA names, without the system's
    own alias (``localtime``) and the placeholder zones that name no place."""
    return frozenset(zoneinfo.available_timezones()) - _NOT_PLACES


#: Names the zone database holds that are not a place a meeting can be.
_NOT_PLACES = frozenset({"localtime", "Factory", "posixrules"})


@lru_cache(maxsize=256)
def _zone(name: str) -> pendulum.Timezone:
    """The zone named ``name``; a :class:`DateError` in one line for a name
    that is not one (only a database changed outside MinuteTerm holds one:
    every zone typed is checked by :func:`zone_named`)."""
    try:
        return pendulum.timezone(name)
    except (ValueError, OSError):
        shown = clean_text(name)[:60]
        raise DateError(
            f'"{shown}" is not a time zone, but a meeting or committee in this database'
            " is held in it: was the file changed outside MinuteTerm?"
        ) from None


def zone_named(typed: str) -> str:
    """The IANA zone ``typed`` names (``Europe/Dublin``; any case), or a
    :class:`DateError` that suggests the closest names."""
    wanted = typed.strip().replace(" ", "_")
    names = _zone_names()
    if wanted in names:
        return wanted
    by_case = {name.casefold(): name for name in names}
    if wanted.casefold() in by_case:
        return by_case[wanted.casefold()]
    close = _closest_zones(wanted, names)
    hint = f" (did you mean {', '.join(close)}?)" if close else " (e.g. Europe/London)"
    raise DateError(f'"{typed.strip()}" is not a time zone name{hint}')


def _closest_zones(wanted: str, names: frozenset[str]) -> list[str]:
    """Up to three zone names a clerk may have meant: those whose city is the
    one typed (``Dublin``), else those spelt most alike (``Europe/Londn``)."""
    from rapidfuzz import fuzz, process

    city = wanted.rsplit("/", 1)[-1].casefold()
    same_city = sorted(name for name in names if name.rsplit("/", 1)[-1].casefold() == city)
    if same_city:
        return same_city[:3]
    found = process.extract(
        wanted.casefold(),
        {name: name.casefold() for name in names},
        scorer=fuzz.ratio,
        limit=3,
        score_cutoff=75,
    )
    return [name for _text, _score, name in found]


def machine_zone_name() -> str:
    """The machine's zone (``TZ``, else its own) if it is a named IANA zone,
    else :data:`DEFAULT_ZONE`."""
    name = getattr(clock.local_zone(), "name", "")
    return name if name in _zone_names() else DEFAULT_ZONE


def in_zone(moment: pendulum.DateTime, zone: str) -> pendulum.DateTime:
    """``moment`` as it reads in ``zone`` (an IANA name): itself when it
    already does (moments are immutable; a meeting's record holds
    thousands, nearly all read in its zone already)."""
    if moment.timezone_name == zone:
        return moment
    return moment.in_tz(_zone(zone))


def zone_of(moment: pendulum.DateTime) -> str:
    """The name of the zone ``moment`` carries (``Europe/London``)."""
    return moment.timezone_name or "UTC"


def zone_abbreviation(moment: pendulum.DateTime) -> str:
    """The short name of the zone ``moment`` carries, as it stands then
    (``GMT`` in December, ``BST`` in June)."""
    return moment.tzname() or zone_of(moment)


def zone_named_if_elsewhere(moment: pendulum.DateTime) -> str:
    """The short name of ``moment``'s zone (``GMT``) when the machine's clock
    would read it at another time or by another name; else ''. What the
    list, the header and the new-meeting form put beside a meeting's time."""
    return zone_abbreviation(moment) if differs_from_machine(moment) else ""


def format_clock_where(moment: pendulum.DateTime) -> str:
    """:func:`format_clock`, with the zone named when the machine is
    elsewhere: ``18:30``, ``19:00 CEST``."""
    zone = zone_named_if_elsewhere(moment)
    return f"{format_clock(moment)} {zone}" if zone else format_clock(moment)


def differs_from_machine(moment: pendulum.DateTime) -> bool:
    """Whether the machine's zone would show ``moment`` at another wall-clock
    time or with another name (so the screen should say which zone it is)."""
    local = to_local(moment)
    return (local.utcoffset(), local.tzname()) != (moment.utcoffset(), moment.tzname())


def today_in(zone: str) -> date:
    """Today's date where the meeting happens."""
    return in_zone(clock.now(), zone).date()


# --- formatting -------------------------------------------------------------


def to_local(moment: pendulum.DateTime) -> pendulum.DateTime:
    """``moment`` in the machine's zone: only for moments tied to no meeting
    (a meeting's moments are shown in its own zone: :func:`in_zone`)."""
    return moment.in_tz(clock.local_zone())


def format_date(day: date) -> str:
    """``14 December 2026``."""
    return f"{day.day} {day:%B %Y}"


def format_long_date(day: date) -> str:
    """``Monday 14 December 2026``."""
    return f"{day:%A} {format_date(day)}"


def format_short_date(day: date) -> str:
    """``Mon 14 Dec 2026`` (for narrow panes)."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def format_time(moment: pendulum.DateTime) -> str:
    """Minute style, in the zone ``moment`` carries: ``6.30 pm``, ``12.05 am``."""
    hour = moment.hour % 12 or 12
    return f"{hour}.{moment.minute:02d} {'am' if moment.hour < 12 else 'pm'}"


def format_clock(moment: pendulum.DateTime) -> str:
    """24-hour clock time for the screen, in the zone ``moment`` carries: ``18:30``."""
    return f"{moment:%H:%M}"


def format_elapsed(seconds: float) -> str:
    """``1:05:09`` (or ``05:09`` under an hour) for the header clock."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


# --- reading dates ----------------------------------------------------------

_MONTH_NAMES = tuple(
    "january february march april may june july august"  # noqa: SIM905 (compact)
    " september october november december".split()
)
_MONTHS: dict[str, int] = {
    **{name: number for number, name in enumerate(_MONTH_NAMES, start=1)},
    **{name[:3]: number for number, name in enumerate(_MONTH_NAMES, start=1)},
    "sept": 9,
}
_WEEKDAY_NAMES = tuple(
    "monday tuesday wednesday thursday friday saturday sunday".split()  # noqa: SIM905
)
_WEEKDAY_SHORT: dict[str, int] = dict(
    mon=0, tue=1, tues=1, wed=2, weds=2, thu=3, thur=3, thurs=3, fri=4, sat=5, sun=6
)
_WEEKDAYS: dict[str, int] = {
    **{name: number for number, name in enumerate(_WEEKDAY_NAMES)},
    **_WEEKDAY_SHORT,
}
_COUNT_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    **{
        word: number
        for number, word in enumerate(
            "one two three four five six seven eight nine ten eleven twelve".split(),  # noqa: SIM905
            1,
        )
    },
}
_DATE_HINT = "try 14/12/2026, 14 Dec, in 2 weeks or end of March"
_ORDINAL = r"(?:st|nd|rd|th)?"

_NUMERIC = re.compile(r"(\d+)([/.\-])(\d+)(?:\2(\d+))?")
_DAY_MONTH = re.compile(rf"(?:the )?(\d{{1,2}}){_ORDINAL}(?: of)? ([a-z]+)(?: (\d+))?")
_MONTH_DAY = re.compile(rf"([a-z]+) (?:the )?(\d{{1,2}}){_ORDINAL}(?: (\d+))?")
_MONTH_ONLY = re.compile(r"([a-z]+)(?: (\d+))?")
_WORD_DAY = re.compile(r"(?:(?:next|this) )?([a-z]+)")
_RELATIVE = re.compile(
    r"in (\S+) (working day|business day|day|week|fortnight|month|year)s?"
    r"(?:'s|')?(?: time)?"
)
_END_OF = re.compile(r"(?:the )?end of (?:the )?(.+)")

#: What a date typed after "by" starts with when it is an attempt at a date.
_DATEISH_NUMBER = re.compile(
    rf"""\d{{1,2}}/\d{{1,2}}(?!\d)
    | \d{{1,2}}[.\-]\d{{1,2}}[.\-]\d{{2,4}}
    | \d{{4}}-\d{{1,2}}-\d{{1,2}}
    | \d{{1,2}}(?:st|nd|rd|th)\b
    | \d{{1,2}}\ (?:of\ )?(?:{"|".join(name[:3] for name in _MONTH_NAMES)})""",
    re.VERBOSE,
)
_RELATIVE_START = re.compile(
    r"in (?:\d+|[a-z]+ (?:working |business )?(?:day|week|fortnight|month|year))"
)


class _Refusal(Exception):
    """Internal: why a recognised form is still not a real date or time."""


def _normalise(text: str) -> str:
    """Lower case, one space between words, commas and a final full stop
    dropped, curly apostrophes made straight."""
    clean = text.strip().lower().replace("\u2019", "'").replace(",", " ")
    return " ".join(clean.split()).rstrip(".").rstrip()


def _month_title(month: int) -> str:
    return _MONTH_NAMES[month - 1].title()


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _check_month(month: int) -> None:
    if not 1 <= month <= 12:
        raise _Refusal(f"{month} is not a month (dates here are day/month/year)")


def _build(year: int, month: int, day: int) -> date:
    """A real date, or a refusal that says which part is wrong."""
    _check_month(month)
    if day < 1:
        raise _Refusal(f"there is no day {day}")
    if year < 1:
        raise _Refusal(f"{year} is not a year")
    last = _days_in(year, month)
    if day > last:
        raise _Refusal(f"{_month_title(month)} {year} has {last} days")
    return date(year, month, day)


def _year(text: str) -> int:
    """A year written with 4 digits, or 2 (meaning 20xx)."""
    if len(text) == 4:
        return int(text)
    if len(text) == 2:
        return 2000 + int(text)
    raise _Refusal(f"write the year as 2026 or 26, not {text}")


def _next_occurrence(month: int, day: int, today: date) -> date:
    """``day``/``month`` in the first year that puts it on or after today."""
    _check_month(month)
    if day < 1:
        raise _Refusal(f"there is no day {day}")
    most = _days_in(2000, month)  # a leap year: the most a month ever has
    if day > most:
        raise _Refusal(f"{_month_title(month)} has {most} days")
    year = today.year if (month, day) >= (today.month, today.day) else today.year + 1
    return _build(year, month, day)


def _day_month(day: int, month: int, year_text: str | None, today: date) -> date:
    if year_text is None:
        return _next_occurrence(month, day, today)
    return _build(_year(year_text), month, day)


def _add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, kept within the month (31 Jan + 1 -> 28 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, _days_in(year, month)))


def _end_of_month(day: date) -> date:
    return day.replace(day=_days_in(day.year, day.month))


def _next_weekday(today: date, weekday: int) -> date:
    """The first ``weekday`` strictly after today."""
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _add_working_days(today: date, count: int) -> date:
    """Count forward Monday to Friday (bank holidays are not known)."""
    day = today
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


# Each reader returns a date, None when the text is not its form, or raises
# _Refusal when the form is right but the date is not real.


def _read_word(clean: str, today: date) -> date | None:
    fixed = {
        "today": today,
        "tomorrow": today + timedelta(days=1),
        "next week": today + timedelta(days=7),
        "next month": _add_months(today, 1),
    }
    if clean in fixed:
        return fixed[clean]
    match = _WORD_DAY.fullmatch(clean)
    if match and match.group(1) in _WEEKDAYS:
        return _next_weekday(today, _WEEKDAYS[match.group(1)])
    return None


def _read_numeric(clean: str, today: date) -> date | None:
    match = _NUMERIC.fullmatch(clean)
    if not match:
        return None
    first, _, second, third = match.groups()
    if len(first) == 4:
        if third is None:
            return None
        return _build(int(first), int(second), int(third))
    if len(first) > 2:
        raise _Refusal(f"{first} is not a day of the month")
    return _day_month(int(first), int(second), third, today)


def _read_named(clean: str, today: date) -> date | None:
    match = _DAY_MONTH.fullmatch(clean)
    if match and match.group(2) in _MONTHS:
        day, month_word, year_text = match.groups()
        return _day_month(int(day), _MONTHS[month_word], year_text, today)
    match = _MONTH_DAY.fullmatch(clean)
    if match and match.group(1) in _MONTHS:
        month_word, day, year_text = match.groups()
        return _day_month(int(day), _MONTHS[month_word], year_text, today)
    match = _MONTH_ONLY.fullmatch(clean)
    if match and match.group(1) in _MONTHS:
        name = _month_title(_MONTHS[match.group(1)])
        raise _Refusal(f"which day of {name}? try 1 {name} or end of {name}")
    return None


def _read_with_weekday(clean: str, today: date) -> date | None:
    """``Friday 18 December`` / ``Fri 18/12/2026``: the weekday must agree."""
    weekday_word, _, rest = clean.partition(" ")
    if weekday_word not in _WEEKDAYS or not rest:
        return None
    day = _read_numeric(rest, today) or _read_named(rest, today)
    if day is None:
        return None
    if day.weekday() != _WEEKDAYS[weekday_word]:
        actual = _WEEKDAY_NAMES[day.weekday()].title()
        raise _Refusal(f"{format_date(day)} is a {actual}")
    return day


def _read_relative(clean: str, today: date) -> date | None:
    match = _RELATIVE.fullmatch(clean)
    if not match:
        return None
    count_text, unit = match.groups()
    count = int(count_text) if count_text.isdigit() else _COUNT_WORDS.get(count_text)
    if count is None:
        return None
    try:
        return _move(today, count, unit)
    except (OverflowError, ValueError):
        raise _Refusal("that is too far ahead") from None


def _move(today: date, count: int, unit: str) -> date:
    if count > 10_000:
        raise OverflowError(count)
    if unit in ("working day", "business day"):
        return _add_working_days(today, count)
    if unit in ("month", "year"):
        return _add_months(today, count * (12 if unit == "year" else 1))
    days = {"day": 1, "week": 7, "fortnight": 14}[unit]
    return today + timedelta(days=count * days)


def _read_end_of(clean: str, today: date) -> date | None:
    match = _END_OF.fullmatch(clean)
    if not match:
        return None
    target = match.group(1)
    if target in ("month", "this month"):
        return _end_of_month(today)
    if target == "next month":
        return _end_of_month(_add_months(today, 1))
    if target in ("year", "this year", "next year"):
        return date(today.year + (target == "next year"), 12, 31)
    if target == "financial year":
        return _end_of_named_month(3, None, today)
    if re.fullmatch(r"\d{4}", target):
        return date(int(target), 12, 31)
    named = _MONTH_ONLY.fullmatch(target)
    if named and named.group(1) in _MONTHS:
        return _end_of_named_month(_MONTHS[named.group(1)], named.group(2), today)
    raise _Refusal('after "end of" put a month or a year: end of March, end of 2027')


def _end_of_named_month(month: int, year_text: str | None, today: date) -> date:
    """Last day of ``month``: in the year given, else the next one not past."""
    if year_text is not None:
        year = _year(year_text)
        return date(year, month, _days_in(year, month))
    last = date(today.year, month, _days_in(today.year, month))
    if last >= today:
        return last
    return date(today.year + 1, month, _days_in(today.year + 1, month))


_READERS = (
    _read_word,
    _read_numeric,
    _read_named,
    _read_with_weekday,
    _read_relative,
    _read_end_of,
)


def parse_date(text: str, today: date) -> date:
    """Read a date the way a UK clerk types it, day first.

    Numeric ``14/12/2026``, ``14/12/26``, ``14-12-2026``, ``14.12.2026``,
    ``2026-12-14``; named ``14 Dec``, ``14th December 2026``, ``Dec 14``,
    ``December 14, 2026``, optionally after a weekday that must agree;
    ``today``, ``tomorrow``; ``Friday`` / ``next Friday`` (both the first
    Friday after today); ``next week`` (today + 7 days), ``next month``
    (today + 1 month); ``in 2 weeks``, ``in a fortnight``, ``in 3 working
    days`` (Monday to Friday, bank holidays not counted); ``end of March``,
    ``end of the month``, ``end of next month``, ``end of the year``,
    ``end of 2027``, ``end of the financial year`` (31 March).

    A date with no year is the next one on or after ``today``. Month
    arithmetic stays within the month (31 January + 1 month = 28 February).
    Raises :class:`DateError` with a one-line reason quoting ``text``.
    """
    today = date(today.year, today.month, today.day)
    typed = text.strip()
    clean = _normalise(typed)
    if not clean:
        raise DateError(f"no date given: {_DATE_HINT}")
    try:
        for reader in _READERS:
            found = reader(clean, today)
            if found is not None:
                return _in_range(found)
    except _Refusal as refusal:
        raise DateError(f'cannot use "{typed}": {refusal}') from None
    raise DateError(f'cannot read "{typed}" as a date: {_DATE_HINT}')


def within_range(day: date) -> bool:
    """Whether ``day`` falls in :data:`FIRST_YEAR` to :data:`LAST_YEAR`."""
    return FIRST_YEAR <= day.year <= LAST_YEAR


def _in_range(day: date) -> date:
    """``day``, or a refusal saying why it is out of range."""
    if not within_range(day):
        raise _Refusal(
            f"the year {day.year} is outside the years"
            f" MinuteTerm accepts ({FIRST_YEAR} to {LAST_YEAR})"
        )
    return day


def looks_like_date(text: str) -> bool:
    """Whether ``text`` (what follows "by" or "due" in an action) is meant
    as a date, so it must be read as one or refused.

    Deliberately narrower than "starts with a digit": ``by 5%``, ``by 10 per
    cent`` and ``by 3 officers`` are words, not dates; ``by 14/12``,
    ``by 31/02/2027``, ``by 14th``, ``by 3 Decmber`` are attempts at dates.
    """
    clean = _normalise(text)
    clean = clean.removeprefix("the ")
    if not clean:
        return False
    if clean[0].isdigit():
        return bool(_DATEISH_NUMBER.match(clean))
    first, _, rest = clean.partition(" ")
    if first in _MONTHS or first in _WEEKDAY_SHORT:
        return not rest or rest[0].isdigit()
    if first in _WEEKDAY_NAMES or first in ("today", "tomorrow"):
        return True
    if clean.startswith("end of "):
        return True
    if first == "next":
        return rest in ("week", "month", "meeting") or rest in _WEEKDAYS
    return bool(_RELATIVE_START.match(clean))


#: A relative date ending a line: `` in 2 weeks``, `` in a month's time``.
_TRAILING_RELATIVE = re.compile(
    r"(?<!\S)in\s+\S+\s+(?:working\s+|business\s+)?(?:day|week|fortnight|month|year)s?"
    r"(?:'s|')?(?:\s+time)?\s*[.]?\s*$",
    re.IGNORECASE,
)


def trailing_relative(text: str) -> tuple[str, str] | None:
    """Split a relative date off the end of ``text``: ``"share the report in
    2 weeks"`` -> ``("share the report", "in 2 weeks")``. Only a phrase
    :func:`parse_date` reads counts (``in 2 weeks``, ``in a fortnight``,
    ``in 3 working days``, ``in a month's time``), so ordinary words are
    never taken for a date ("in two parts" is left alone)."""
    match = _TRAILING_RELATIVE.search(text)
    if match is None:
        return None
    phrase = match.group(0).strip().rstrip(".").strip()
    try:
        parse_date(phrase, date(2000, 1, 3))
    except DateError:
        return None
    return text[: match.start()].rstrip().rstrip(",").rstrip(), phrase


@dataclass(frozen=True)
class Due:
    """When an action is due: a date, or ``None`` for "next meeting";
    ``text`` is how the clerk wrote it."""

    date: date | None
    text: str


def parse_due(text: str, today: date) -> Due:
    """``next meeting`` (or ``the next meeting``) -> ``Due(None, "next
    meeting")``; anything else must be a date (see :func:`parse_date`)."""
    if _normalise(text) in ("next meeting", "the next meeting"):
        return Due(None, "next meeting")
    return Due(parse_date(text, today), text.strip())


# --- reading times ----------------------------------------------------------

_TIME_HINT = "try 18:30, 6.30pm or 6pm"
_TIME_12 = re.compile(r"(\d{1,2})(?:[:.]?(\d{2}))? ?([ap])\.?m\.?")
_TIME_24 = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?|(\d{1,2})(\d{2})")
_TIME_WORDS: dict[str, tuple[int, int]] = {
    "noon": (12, 0),
    "12 noon": (12, 0),
    "midday": (12, 0),
    "midnight": (0, 0),
}


def _check_minute(minute: int) -> None:
    if minute > 59:
        raise _Refusal(f"{minute} is not a minute (use 00 to 59)")


def _read_12_hour(hour: int, minute: int, half: str) -> tuple[int, int]:
    if not 1 <= hour <= 12:
        raise _Refusal(f"with am or pm the hour is 1 to 12, not {hour}")
    _check_minute(minute)
    return hour % 12 + (12 if half == "p" else 0), minute


def _read_24_hour(match: re.Match[str]) -> tuple[int, int]:
    hour_text, minute_text, compact_hour, compact_minute = match.groups()
    if compact_hour is not None:
        hour_text, minute_text = compact_hour, compact_minute
    hour = int(hour_text)
    if hour > 23:
        raise _Refusal(f"{hour} is not an hour (use 0 to 23)")
    if minute_text is None and 1 <= hour <= 12:
        raise _Refusal(f"morning or evening? say {hour}am or {hour}pm")
    minute = int(minute_text or 0)
    _check_minute(minute)
    return hour, minute


def parse_time(text: str) -> tuple[int, int]:
    """Read a clock time as ``(hour, minute)`` on the 24-hour clock:
    ``18:30``, ``18.30``, ``1830``, ``6.30pm``, ``6:30 pm``, ``6pm``,
    ``noon``, ``midnight``. A bare ``6`` is refused (am or pm?); ``18`` is
    18:00. Raises :class:`DateError` with a reason quoting ``text``."""
    typed = text.strip()
    clean = " ".join(typed.lower().split())
    if not clean:
        raise DateError(f"no time given: {_TIME_HINT}")
    try:
        if clean in _TIME_WORDS:
            return _TIME_WORDS[clean]
        match = _TIME_12.fullmatch(clean)
        if match:
            hour, minute, half = match.groups()
            return _read_12_hour(int(hour), int(minute or 0), half)
        match = _TIME_24.fullmatch(clean)
        if match:
            return _read_24_hour(match)
    except _Refusal as refusal:
        raise DateError(f'cannot use "{typed}": {refusal}') from None
    raise DateError(f'cannot read "{typed}" as a time: {_TIME_HINT}')


def parse_meeting_start(
    date_text: str, time_text: str | None, today: date | None, zone: str
) -> pendulum.DateTime:
    """When a meeting starts, in its zone ``zone``: ``date_text`` read by
    :func:`parse_date` (from ``today``, else today there), ``time_text`` by
    :func:`parse_time` (6 pm when empty), both as the wall clock in ``zone``."""
    day = parse_date(date_text, today or today_in(zone))
    hour, minute = (18, 0)
    if time_text is not None and time_text.strip():
        hour, minute = parse_time(time_text)
    return wall_clock(day, hour, minute, zone)


def wall_clock(day: date, hour: int, minute: int, zone: str) -> pendulum.DateTime:
    """``hour``:``minute`` on ``day`` as the clock reads in ``zone``."""
    return pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=_zone(zone))
