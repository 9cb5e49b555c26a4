"""The minutes as a small, frozen document tree.

:func:`~minuteterm.minutes.build.build_minutes` fills it in; the exporters in
:mod:`minuteterm.export` only lay it out. Everything the clerk typed stays in
plain :class:`Span` text so each exporter can escape it for its own format.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Appended to the heading of an exempt item.
EXEMPT_MARK = "(Exempt – Part II)"


@dataclass(frozen=True)
class Span:
    """A run of text; ``strong`` only for the generator's own labels."""

    text: str
    strong: bool = False


@dataclass(frozen=True)
class Paragraph:
    """One paragraph (or one list item) made of spans; ``role`` names what
    it is for styling ("action"), ``None`` for ordinary prose."""

    spans: tuple[Span, ...]
    role: str | None = None

    @property
    def text(self) -> str:
        """The paragraph as plain text."""
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True)
class BulletList:
    """An unordered list, one paragraph per bullet."""

    items: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Resolutions:
    """A block of decisions of one form (``label``): numbered 1), 2) or
    (``marks`` "letters") lettered (a), (b) when several."""

    items: tuple[str, ...]
    label: str = "RESOLVED:"
    marks: str = "numbers"
    #: Shared by every item ("That the Board"), printed after the label with
    #: a dash; empty when each item is a whole resolution.
    stem: str = ""

    def mark(self, index: int) -> str:
        """``1)`` or ``(a)`` for the item at ``index`` (from 0)."""
        if self.marks == "letters":
            return f"({_letters(index)})"
        return f"{index + 1})"


def _letters(index: int) -> str:
    """a, b, ..., z, aa, ab, ..."""
    word = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        word = chr(ord("a") + rest) + word
    return word


Block = Paragraph | BulletList | Resolutions


@dataclass(frozen=True)
class Section:
    """One agenda item's minute."""

    number: str
    title: str
    exempt: bool = False
    blocks: tuple[Block, ...] = ()

    @property
    def heading(self) -> str:
        """``4. Harbour dredging`` or ``CYP/4/26 Harbour dredging`` (a
        prefixed minute number takes no full stop), with the Part II mark
        when exempt."""
        number = self.number.rstrip(".")
        heading = f"{number} {self.title}" if "/" in number else f"{number}. {self.title}"
        return f"{heading} {EXEMPT_MARK}" if self.exempt else heading


@dataclass(frozen=True)
class Heading:
    """What the minutes open with."""

    body: str
    held: str
    venue: str = ""
    title: str | None = None
    status: str | None = None
    marking: str | None = None


@dataclass(frozen=True)
class Attendance:
    """Who attended and how; each tuple empty when nobody fits."""

    present: tuple[str, ...] = ()
    substitutions: tuple[str, ...] = ()
    apologies: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    officers: tuple[str, ...] = ()
    others: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActionRow:
    """One line of the action sheet; ``number`` is the action's number,
    which ``!! N`` updates."""

    ref: str
    action: str
    owner: str
    due: str
    status: str
    number: str = ""


@dataclass(frozen=True)
class Minutes:
    """The whole document, in reading order."""

    heading: Heading
    title: str
    attendance: Attendance | None = None
    sections: tuple[Section, ...] = ()
    closing: str | None = None
    actions: tuple[ActionRow, ...] = field(default=())
