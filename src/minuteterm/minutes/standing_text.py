"""What a standing item says when nothing was minuted under it.

A published minute never shows a bare heading for a routine item: "There
were no substitute members.", "There was no urgent business.". Pure: the
item's title and the meeting's attendance in, paragraphs out (nothing when
the title is not a routine item this module knows).
"""

from __future__ import annotations

import re

from minuteterm.minutes.document import Block, Paragraph, Span
from minuteterm.model import AttendanceStatus, Attendee

_SUBSTITUTES = re.compile(r"^substitut(?:e|ions?)\b|^substitute members?\b", re.IGNORECASE)

#: (title pattern, the sentence when there was nothing to minute)
_SENTENCES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^apolog", re.I), "There were no apologies for absence."),
    (re.compile(r"^(?:any )?urgent (?:business|items?)", re.I), "There was no urgent business."),
    (re.compile(r"^any other (?:urgent )?business", re.I), "There was no other business."),
    (
        re.compile(r"^(?:public (?:questions|question time|participation|speaking))", re.I),
        "No questions had been received from members of the public.",
    ),
    (re.compile(r"^petitions?\b", re.I), "No petitions had been received."),
    (
        re.compile(r"^(?:the )?chair(?:'s|’s|man's|person's)? announcements?", re.I),
        "There were no announcements.",
    ),
    (
        re.compile(r"^(?:members'?|members’) questions", re.I),
        "No questions had been received from members.",
    ),
    (
        re.compile(r"^deputations?\b", re.I),
        "No deputations had been received.",
    ),
)


def is_substitutes_item(title: str) -> bool:
    """Whether ``title`` is the "Substitute Members" item."""
    return bool(_SUBSTITUTES.search(title.strip()))


def _plain(text: str) -> Paragraph:
    return Paragraph((Span(text),))


def substitutes_blocks(attendees: list[Attendee]) -> list[Block]:
    """ "Cllr A attended as a substitute for Cllr B." for each substitute, or
    "There were no substitute members."."""
    subs = [p for p in attendees if p.status is AttendanceStatus.SUBSTITUTE]
    if not subs:
        return [_plain("There were no substitute members.")]
    return [
        _plain(
            f"{p.name} attended as a substitute for {p.substitute_for}."
            if p.substitute_for
            else f"{p.name} attended as a substitute."
        )
        for p in subs
    ]


def standard_sentence(title: str, attendees: list[Attendee]) -> list[Block]:
    """What a routine item with nothing minuted under it says; nothing for
    other items."""
    if is_substitutes_item(title):
        return substitutes_blocks(attendees)
    for pattern, sentence in _SENTENCES:
        if pattern.search(title.strip()):
            return [_plain(sentence)]
    return []
