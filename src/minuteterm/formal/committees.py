"""A committee's settings: its quorum, how it numbers its minutes and marks
several resolutions, its house style, and its standing members.

Set once (``minuteterm committee NAME --quorum 3 --numbering prefixed
--prefix CYP``, or from the attendance screen) and used by every meeting of
the committee from then on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minuteterm.dates import DateError, zone_named
from minuteterm.db.store import Store
from minuteterm.errors import StoreError
from minuteterm.model import NAMINGS, QUESTION_STYLES, Committee, MinuteNumbering, ResolutionMarks

_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9]{0,11}")


@dataclass(frozen=True)
class Settings:
    """The settings to change; ``None`` leaves one as it is."""

    quorum: int | None = None
    numbering: MinuteNumbering | None = None
    prefix: str | None = None
    first_minute: int | None = None
    resolution_marks: ResolutionMarks | None = None
    no_quorum: bool = False
    #: House style: dash | bullets | narrative.
    question_style: str | None = None
    #: House style: cllr-full | councillor-surname | councillor-full.
    member_naming: str | None = None
    #: False: each resolution whole; True: under one stem ("That the Board –").
    shared_stem: bool | None = None
    #: The IANA time zone its new meetings happen in (``Europe/Dublin``).
    time_zone: str | None = None


def configure(store: Store, name: str, settings: Settings) -> Committee:
    """Change the committee called ``name`` (made if new); return it as it
    now stands. Refuses, with the reason, settings that cannot work, and
    then changes nothing (a new committee is not made either)."""
    with store.transaction():
        committee = store.committee(name)
        changes = _changes(committee, settings)
        if changes:
            store.db.table("committees").update(committee.id, changes)
    return store.committee_by_id(committee.id)


def _changes(committee: Committee, settings: Settings) -> dict[str, object]:
    """The columns ``settings`` change, refusing values that cannot work."""
    changes: dict[str, object] = {}
    if settings.no_quorum:
        changes["quorum"] = None
    elif settings.quorum is not None:
        if not 1 <= settings.quorum <= 200:
            raise StoreError(
                f"a quorum is a number of members from 1 to 200 (not {settings.quorum})"
            )
        changes["quorum"] = settings.quorum
    if settings.prefix is not None:
        prefix = settings.prefix.strip().strip("/")
        if not _PREFIX.fullmatch(prefix):
            raise StoreError(
                f"a minute prefix is up to 12 letters and digits, starting with a letter"
                f" (like CYP), not {settings.prefix!r}"
            )
        changes["prefix"] = prefix.upper()
    if settings.numbering is not None:
        if settings.numbering is MinuteNumbering.PREFIXED and not (
            changes.get("prefix") or committee.prefix
        ):
            raise StoreError("prefixed minute numbers need a prefix: add --prefix CYP")
        changes["numbering"] = settings.numbering.value
    if settings.first_minute is not None:
        if settings.first_minute < 1:
            raise StoreError("the first minute number is 1 or more")
        changes["first_minute"] = settings.first_minute
    if settings.resolution_marks is not None:
        changes["resolution_marks"] = settings.resolution_marks.value
    if settings.time_zone is not None:
        try:
            changes["time_zone"] = zone_named(settings.time_zone)
        except DateError as error:
            raise StoreError(str(error)) from None
    return changes | house_changes(settings)


def house_changes(settings: Settings) -> dict[str, object]:
    """The house-style columns to change, refusing values not offered."""
    changes: dict[str, object] = {}
    for value, allowed, column in (
        (settings.question_style, QUESTION_STYLES, "question_style"),
        (settings.member_naming, NAMINGS, "member_naming"),
    ):
        if value is None:
            continue
        if value not in allowed:
            raise StoreError(f"{value!r} is not one of {', '.join(allowed)}")
        changes[column] = value
    if settings.shared_stem is not None:
        changes["shared_stem"] = int(settings.shared_stem)
    return changes


def resolution_style(committee: Committee) -> str:
    """numbered, lettered or shared-stem."""
    if committee.shared_stem:
        return "shared-stem"
    return "lettered" if committee.resolution_marks is ResolutionMarks.LETTERS else "numbered"


def describe(committee: Committee) -> str:
    """The settings in a few lines, for the command line."""
    if committee.numbering is MinuteNumbering.PREFIXED:
        numbers = f"prefixed ({committee.prefix}/1/26, {committee.prefix}/2/26, …)"
    else:
        start = committee.first_minute
        numbers = f"running ({start}, {start + 1}, …)"
    marks = "1), 2)" if committee.resolution_marks is ResolutionMarks.NUMBERS else "(a), (b)"
    if committee.shared_stem:
        first, second = marks.split(", ")
        marks = f"under one stem (That … – {first} …; and {second} …)"
    naming = {
        "cllr-full": "Cllr Priya Lee",
        "councillor-surname": "Councillor Lee",
        "councillor-full": "Councillor Priya Lee",
    }[committee.member_naming]
    quorum = str(committee.quorum) if committee.quorum else "not set"
    return "\n".join(
        [
            committee.name,
            f"  quorum:           {quorum}",
            f"  minute numbers:   {numbers}",
            f"  resolutions:      {marks}",
            f"  questions:        {committee.question_style}",
            f"  members named:    {committee.member_naming} ({naming})",
            f"  time zone:        {committee.time_zone} (for new meetings)",
        ]
    )


def committee_named(store: Store, typed: str) -> Committee:
    """The existing committee ``typed`` names: its name or its minute prefix
    (any case); refused with the committees there are when none does."""
    wanted = " ".join(typed.split()).casefold()
    rows = store.query("select id, name, prefix from committees order by name")
    for row in rows:
        if wanted in (row["name"].casefold(), (row["prefix"] or "").casefold()):
            return store.committee_by_id(row["id"])
    names = "; ".join(row["name"] for row in rows) or "none yet"
    raise StoreError(f'there is no committee "{typed}" (committees: {names})')
